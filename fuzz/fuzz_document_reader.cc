// libFuzzer target: bytes as an input file -> ReadDocuments -> Extractor.
//
// The input becomes a file of the kind its bytes look like, as `vnkg ingest -`
// decides for standard input: a zstd frame is a `.jsonl.zst`, a first
// non-blank '{' a `.jsonl`, anything else one `.txt` article. So the seed
// corpus is plain articles and JSON Lines, and every reader path (UTF-16 BOM,
// binary detection, UTF-8 repair, zstd streaming, JSON records) is reachable.
//
// Besides "no crash, leak or UB", it checks what the reader and extractor
// promise their callers:
//  - every document's text and title are valid UTF-8 without NUL (the store
//    and the JSON export rely on it);
//  - RepairUtf8 agrees with a plain byte-by-byte validator and is idempotent
//    (FirstInvalidUtf8 reads eight bytes at a time; this is its oracle);
//  - every extracted fact survives the fact JSON (docs/facts.md) unchanged in
//    identity, as `vnkg extract | vnkg ingest --facts` needs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "vnkg/extract/document_reader.h"
#include "vnkg/model/utf8.h"
#include "vnkg/extract/extractor.h"
#include "vnkg/model/fact.h"
#include "vnkg/model/facts_json.h"

namespace {

using namespace vnkg;
using namespace vnkg::fuzz;

const Extractor* g_extractor = nullptr;

// The reference UTF-8 check: the offset of the first byte that does not start
// a well-formed sequence (Unicode Table 3-7) or is NUL; -1 when none.
std::int64_t ReferenceFirstInvalid(std::string_view s) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = at(i);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c == 0) return static_cast<std::int64_t>(i);
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return static_cast<std::int64_t>(i);
    if (i + len > s.size()) return static_cast<std::int64_t>(i);
    if (len > 1 && (at(i + 1) < lo || at(i + 1) > hi)) return static_cast<std::int64_t>(i);
    for (size_t k = 2; k < len; ++k)
      if (at(i + k) < 0x80 || at(i + k) > 0xBF) return static_cast<std::int64_t>(i);
    i += len;
  }
  return -1;
}

void CheckUtf8Repair(std::string_view bytes) {
  const std::int64_t expected = ReferenceFirstInvalid(bytes);
  if (FirstInvalidUtf8(bytes) != expected) Fail("FirstInvalidUtf8 disagrees with the reference validator");
  std::string repaired(bytes);
  if (RepairUtf8(repaired) != expected) Fail("RepairUtf8 reports another first problem");
  if (ReferenceFirstInvalid(repaired) != -1) Fail("RepairUtf8 left invalid UTF-8 or NUL");
  if (RepairUtf8(repaired) != -1) Fail("RepairUtf8 is not idempotent");
}

// The name the reader needs to read `bytes` as the kind they look like.
const char* FileNameFor(std::string_view bytes) {
  if (bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("\x28\xB5\x2F\xFD", 4)) return "input.jsonl.zst";
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '{') return "input.jsonl";
  return "input.txt";
}

void CheckFactRoundTrip(const Fact& fact) {
  const std::string line = FactToJsonLine(fact);
  auto back = FactFromJsonLine(line);
  if (!back.ok()) Fail("an extracted fact's JSON does not parse back", line + "\n" + back.status().message());
  const Fact& f = back.value();
  if (EntityKey(f.subject) != EntityKey(fact.subject) || EntityKey(f.object) != EntityKey(fact.object) ||
      f.predicate != fact.predicate || f.doc != fact.doc || f.evidence != fact.evidence)
    Fail("an extracted fact changes through its JSON", line);
  // Labels are what every table and export prints; they must not trip on any entity.
  (void)EntityLabel(fact.subject);
  (void)EntityLabel(fact.object);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  auto gazetteer = LoadGazetteer(DefaultDataDir());
  if (!gazetteer.ok()) Fail("cannot load the gazetteer", gazetteer.status().message());
  g_extractor = new Extractor(std::move(gazetteer.value()));  // lives for the whole run
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckUtf8Repair(bytes);

  const std::string path = WriteScratchFile(FileNameFor(bytes), bytes);
  ReadCallbacks callbacks;
  callbacks.on_document = [](Document&& doc) {
    if (FirstInvalidUtf8(doc.text) != -1 || FirstInvalidUtf8(doc.title) != -1)
      Fail("the reader passed on invalid UTF-8", doc.origin);
    const Extraction extraction = g_extractor->Extract(doc);
    for (const Fact& fact : extraction.facts) CheckFactRoundTrip(fact);
    return true;
  };
  callbacks.on_issue = [](const ReadIssue&) {};  // bad input is expected here
  const Status status = ReadDocuments({path}, callbacks);
  if (!status.ok()) Fail("ReadDocuments gave up on a readable file", status.message());
  std::filesystem::remove(path);  // the next input may pick another kind of name
  return 0;
}
