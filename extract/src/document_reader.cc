#include "vnkg/extract/document_reader.h"

#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <system_error>
#include <vector>

#include "json_record.h"
#include "vnkg/extract/legacy_encoding.h"
#include "vnkg/model/utf8.h"

namespace vnkg {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

enum class InputKind { kText, kJsonLines, kJsonLinesZstd, kStdin, kUnknown };

InputKind KindOf(const std::string& path) {
  if (path == "-") return InputKind::kStdin;
  if (EndsWith(path, ".jsonl.zst")) return InputKind::kJsonLinesZstd;
  if (EndsWith(path, ".jsonl")) return InputKind::kJsonLines;
  if (EndsWith(path, ".txt")) return InputKind::kText;
  return InputKind::kUnknown;
}

// Reads a whole file into `out`; false with a message on failure.
bool ReadWholeFile(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::error_code(errno, std::generic_category()).message();
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

std::string StemOf(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  auto dot = name.find('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

// A file whose first 8 KiB hold NUL bytes or mostly control bytes is not text.
bool LooksBinary(const std::string& data) {
  const size_t n = std::min<size_t>(data.size(), 8192);
  size_t nul = 0, control = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == 0) ++nul;
    else if (c < 0x09 || (c > 0x0D && c < 0x20)) ++control;
  }
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < n;) {
    const std::size_t len = ValidSequenceLength(data, i);
    if (len == 0) ++invalid, ++i;
    else i += len;
  }
  return nul > n / 100 + 1 || control > n / 10 || invalid > n / 20;
}

// UTF-16 with a byte order mark becomes UTF-8; true if it was converted.
bool ConvertUtf16WithBom(std::string& data) {
  if (data.size() < 2) return false;
  const unsigned char b0 = data[0], b1 = data[1];
  const bool little = b0 == 0xFF && b1 == 0xFE, big = b0 == 0xFE && b1 == 0xFF;
  if (!little && !big) return false;
  std::string out;
  auto unit = [&](size_t i) -> unsigned {
    const unsigned char a = data[i], b = data[i + 1];
    return little ? (a | (b << 8)) : ((a << 8) | b);
  };
  auto put = [&](unsigned cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
    else if (cp < 0x10000)
      out += static_cast<char>(0xE0 | (cp >> 12)), out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
          out += static_cast<char>(0x80 | (cp & 0x3F));
    else
      out += static_cast<char>(0xF0 | (cp >> 18)), out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), out += static_cast<char>(0x80 | (cp & 0x3F));
  };
  for (size_t i = 2; i + 1 < data.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < data.size()) {
      const unsigned low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        put(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    put(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u);
  }
  data = std::move(out);
  return true;
}

class Reader {
 public:
  Reader(const ReadCallbacks& callbacks, LegacyDecoder* decoder) : cb_(callbacks), decoder_(decoder) {}

  // Legacy-encoded bytes -> UTF-8 (a no-op without --encoding); bytes the
  // encoding does not define are reported and replaced.
  void Decode(std::string& data, const std::string& where, const char* unit) {
    if (!decoder_) return;
    Utf8Text decoded = decoder_->Decode(data);
    if (decoded.first_invalid >= 0)
      Issue(where, "byte " + std::to_string(decoded.first_invalid) + " of the " + unit + " is not " + decoder_->name() +
                       "; replaced with U+FFFD, document kept", false);
    data = std::move(decoded.text);
  }

  void Issue(std::string where, std::string message, bool skipped) {
    if (skipped) ++skipped_;
    if (cb_.on_issue) cb_.on_issue(ReadIssue{std::move(where), std::move(message), skipped});
  }

  // False when the consumer asked to stop.
  // `valid_unless_nul`: the caller knows text and title are valid UTF-8 but
  // for NUL bytes, so only those are looked for (one memchr, not a decode).
  bool Emit(Document&& doc, const std::string& where, bool valid_unless_nul = false) {
    const bool check_text = !valid_unless_nul || std::memchr(doc.text.data(), '\0', doc.text.size()) != nullptr;
    const bool check_title = !valid_unless_nul || std::memchr(doc.title.data(), '\0', doc.title.size()) != nullptr;
    if (std::int64_t bad = check_text ? RepairUtf8(doc.text) : -1; bad >= 0)
      Issue(where, "invalid UTF-8 or NUL byte at byte " + std::to_string(bad) +
                       " of the text; replaced with U+FFFD (NUL dropped), document kept", false);
    if (check_title) RepairUtf8(doc.title);
    doc.origin = where;
    return cb_.on_document(std::move(doc));
  }

  void Progress(std::uint64_t delta) {
    done_ += delta;
    if (cb_.on_progress) cb_.on_progress(done_, total_);
  }

  void SetTotal(std::uint64_t total) { total_ = total; }

  bool ReadText(const std::string& path) {
    std::string data, error;
    if (!ReadWholeFile(path, data, error)) {
      Issue(path, "cannot read: " + error + "; skipped", true);
      return true;
    }
    Progress(data.size());
    if (ConvertUtf16WithBom(data)) Issue(path, "UTF-16 with a byte order mark; converted to UTF-8", false);
    else Decode(data, path, "file");
    if (data.empty() || data.find_first_not_of(" \t\r\n") == std::string::npos) {
      Issue(path, "empty file; skipped", true);
      return true;
    }
    if (LooksBinary(data)) {
      Issue(path, "binary data, not text; skipped", true);
      return true;
    }
    if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);  // UTF-8 BOM
    Document doc;
    doc.id = StemOf(path);
    doc.text = std::move(data);
    return Emit(std::move(doc), path);
  }

  // One JSON Lines record; false when the consumer asked to stop.
  bool ReadRecord(const std::string& line, const std::string& where) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) return true;
    // The JSON parser rejects invalid UTF-8 outright; repair first so that one
    // bad byte costs a warning, not the record. Most lines need no copy.
    std::string repaired;
    const std::string* valid = &line;
    if (decoder_ || FirstInvalidUtf8(line) >= 0) {
      repaired = line;
      Decode(repaired, where, "line");
      if (std::int64_t bad = RepairUtf8(repaired); bad >= 0)
        Issue(where, "invalid UTF-8 or NUL byte at byte " + std::to_string(bad) +
                         " of the line; replaced with U+FFFD (NUL dropped), record kept", false);
      valid = &repaired;
    }
    // The common record (a flat object of strings) without a DOM; anything
    // else goes through nlohmann::json, which decides.
    if (std::optional<JsonRecordFields> fields = ReadFlatJsonRecord(*valid)) {
      Document doc;
      if (fields->id) doc.id = std::move(*fields->id);
      if (doc.id.empty()) {
        Issue(where, "record has no \"id\"; skipped", true);
        return true;
      }
      if (!fields->text) {
        Issue(where, "record '" + doc.id + "' has no \"text\" string; skipped", true);
        return true;
      }
      doc.text = std::move(*fields->text);
      if (fields->title) doc.title = std::move(*fields->title);
      if (fields->date) doc.date = std::move(*fields->date);
      if (fields->url) doc.url = std::move(*fields->url);
      // Valid UTF-8 in, valid UTF-8 out (surrogates are paired or refused):
      // only "\u0000" can bring in a byte the extractor refuses.
      return Emit(std::move(doc), where, /*valid_unless_nul=*/true);
    }
    json j = json::parse(*valid, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      Issue(where, "not a JSON object; record skipped", true);
      return true;
    }
    Document doc;
    auto id = j.find("id");
    if (id != j.end() && id->is_string()) doc.id = id->get<std::string>();
    else if (id != j.end() && id->is_number_integer()) doc.id = std::to_string(id->get<long long>());
    auto text = j.find("text");
    if (doc.id.empty()) {
      Issue(where, "record has no \"id\"; skipped", true);
      return true;
    }
    if (text == j.end() || !text->is_string()) {
      Issue(where, "record '" + doc.id + "' has no \"text\" string; skipped", true);
      return true;
    }
    doc.text = text->get<std::string>();
    for (auto [key, field] : {std::pair{"title", &doc.title}, {"date", &doc.date}, {"url", &doc.url}}) {
      auto it = j.find(key);
      if (it != j.end() && it->is_string()) *field = it->get<std::string>();
    }
    return Emit(std::move(doc), where);
  }

  bool ReadJsonLines(std::istream& in, const std::string& path) {
    std::string line;
    for (std::uint64_t number = 1; std::getline(in, line); ++number) {
      Progress(line.size() + 1);
      if (!ReadRecord(line, path + ":" + std::to_string(number))) return false;
    }
    if (in.bad()) Issue(path, "read error; the rest of the file was not read", true);
    return true;
  }

  bool ReadJsonLinesFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Issue(path, "cannot read: " + std::error_code(errno, std::generic_category()).message() + "; skipped", true);
      return true;
    }
    return ReadJsonLines(in, path);
  }

  bool ReadZstd(const std::string& path) {
    std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
      Issue(path, "cannot read: " + std::error_code(errno, std::generic_category()).message() + "; skipped", true);
      return true;
    }
    std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
    std::vector<char> in_buf(ZSTD_DStreamInSize()), out_buf(ZSTD_DStreamOutSize());
    std::string pending;  // bytes of the line not yet ended
    std::uint64_t line_number = 0;
    size_t last_ret = 0;
    auto flush_lines = [&]() -> bool {
      size_t start = 0;
      for (size_t nl; (nl = pending.find('\n', start)) != std::string::npos; start = nl + 1) {
        ++line_number;
        if (!ReadRecord(pending.substr(start, nl - start), path + ":" + std::to_string(line_number))) return false;
      }
      pending.erase(0, start);
      return true;
    };
    for (size_t got; (got = std::fread(in_buf.data(), 1, in_buf.size(), file.get())) > 0;) {
      Progress(got);
      ZSTD_inBuffer input{in_buf.data(), got, 0};
      while (input.pos < input.size) {
        ZSTD_outBuffer output{out_buf.data(), out_buf.size(), 0};
        last_ret = ZSTD_decompressStream(dctx.get(), &output, &input);
        if (ZSTD_isError(last_ret)) {
          Issue(path + ":" + std::to_string(line_number + 1),
                std::string("zstd: ") + ZSTD_getErrorName(last_ret) + "; the rest of the file was not read", true);
          return true;
        }
        pending.append(out_buf.data(), output.pos);
      }
      if (!flush_lines()) return false;
    }
    if (last_ret != 0) Issue(path, "zstd stream ends early (truncated file?); last partial line dropped", true);
    else if (!pending.empty()) {
      ++line_number;
      if (!ReadRecord(pending, path + ":" + std::to_string(line_number))) return false;
    }
    return true;
  }

  bool ReadStdin() {
    // In blocks: an istreambuf_iterator over the stdio-synchronised std::cin
    // fetched one byte per call (a third of `vnkg extract < file`'s CPU time);
    // read() of a block goes to fread.
    std::string data;
    std::vector<char> block(std::size_t{1} << 16);
    do {
      std::cin.read(block.data(), static_cast<std::streamsize>(block.size()));
      data.append(block.data(), static_cast<std::size_t>(std::cin.gcount()));
    } while (std::cin);
    const size_t first = data.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
      Issue("stdin", "empty input", true);
      return true;
    }
    if (data[first] == '{') {
      std::istringstream in(data);
      return ReadJsonLines(in, "stdin");
    }
    Progress(data.size());
    Decode(data, "stdin", "input");
    Document doc;
    doc.id = "stdin";
    doc.text = std::move(data);
    return Emit(std::move(doc), "stdin");
  }

  bool ReadPath(const std::string& path) {
    switch (KindOf(path)) {
      case InputKind::kText: return ReadText(path);
      case InputKind::kJsonLines: return ReadJsonLinesFile(path);
      case InputKind::kJsonLinesZstd: return ReadZstd(path);
      case InputKind::kStdin: return ReadStdin();
      case InputKind::kUnknown: break;
    }
    Issue(path, "unknown kind of file (expected .txt, .jsonl or .jsonl.zst); skipped", true);
    return true;
  }

 private:
  const ReadCallbacks& cb_;
  LegacyDecoder* decoder_;  // null: the input is UTF-8
  std::uint64_t done_ = 0, total_ = 0;
  std::uint64_t skipped_ = 0;
};

}  // namespace


namespace {
// Every file of a known kind under `dir`. Symlinked directories are not
// entered (a link loop cannot trap the walk); a directory that cannot be read
// is reported and the walk goes on beside it.
void WalkDirectory(const std::string& dir, std::vector<std::string>& found,
                   const std::function<void(const std::string&, const std::string&)>& issue) {
  std::vector<std::string> pending = {dir};
  while (!pending.empty()) {
    const std::string current = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(current, ec), end;
    if (ec) {
      issue(current, "cannot read directory: " + ec.message() + "; skipped");
      continue;
    }
    for (; it != end; it.increment(ec)) {
      std::error_code entry_ec;
      if (it->is_symlink(entry_ec)) {
        std::error_code target_ec;
        const fs::file_status target = fs::status(it->path(), target_ec);
        if (fs::is_directory(target)) continue;  // not followed
        if (!fs::exists(target)) {
          const std::string name = it->path().string();
          if (KindOf(name) != InputKind::kUnknown)
            issue(name, "symbolic link to nothing (" +
                            (target_ec ? target_ec.message() : std::string("no such file or directory")) + "); skipped");
          continue;
        }
      }
      if (it->is_directory(entry_ec)) {
        pending.push_back(it->path().string());
        continue;
      }
      if (!it->is_regular_file(entry_ec)) continue;
      const std::string name = it->path().string();
      if (KindOf(name) != InputKind::kUnknown) found.push_back(name);
    }
    if (ec) issue(current, "while listing: " + ec.message() + "; the rest of this directory skipped");
  }
}
}  // namespace

std::vector<std::string> ExpandInputPaths(const std::vector<std::string>& paths,
                                          const std::function<void(const ReadIssue&)>& on_issue) {
  std::vector<std::string> files;
  auto issue = [&](const std::string& where, const std::string& message) {
    if (on_issue) on_issue(ReadIssue{where, message, true});
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      // ELOOP for a symlink cycle, EACCES for a parent we may not search.
      issue(path, ec && ec != std::errc::no_such_file_or_directory ? ec.message() : "no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    WalkDirectory(path, found, issue);
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Status ReadDocuments(const std::vector<std::string>& paths, const ReadCallbacks& callbacks) {
  if (!callbacks.on_document) return Status::InvalidArgument("ReadDocuments needs on_document");
  std::unique_ptr<LegacyDecoder> decoder;
  if (!callbacks.encoding.empty()) {
    auto opened = LegacyDecoder::Open(callbacks.encoding);
    if (!opened.ok()) return opened.status();
    decoder = std::move(opened.value());
  }
  Reader reader(callbacks, decoder.get());
  const std::vector<std::string> files = ExpandInputPaths(paths, callbacks.on_issue);
  std::uint64_t total = 0;
  for (const std::string& file : files) {
    std::error_code ec;
    if (file != "-") total += fs::file_size(file, ec);
  }
  reader.SetTotal(total);
  for (const std::string& file : files)
    if (!reader.ReadPath(file)) break;
  return Status::Ok();
}

}  // namespace vnkg
