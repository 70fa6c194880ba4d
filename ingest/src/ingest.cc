#include "vnkg/ingest/ingest.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <deque>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "vnkg/model/fact_reader.h"

namespace vnkg {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

DocumentRecord RecordFor(const Document& doc, std::size_t fact_count) {
  DocumentRecord record;
  record.id = doc.id;
  record.content_hash = ContentHash(doc.title, doc.text);
  record.title = doc.title;
  record.date = doc.date;
  record.url = doc.url;
  record.ingested_at = static_cast<std::int64_t>(std::time(nullptr));
  record.fact_count = static_cast<std::uint32_t>(fact_count);
  return record;
}

void Count(IngestSummary& summary, IngestOutcome outcome) {
  ++summary.documents;
  switch (outcome) {
    case IngestOutcome::kInserted: ++summary.inserted; break;
    case IngestOutcome::kReplaced: ++summary.replaced; break;
    case IngestOutcome::kUnchanged: ++summary.unchanged; break;
  }
}

// Runs work(i) for i in [0, n) on up to `jobs` threads (this one included).
template <typename Work>
void ParallelFor(std::size_t n, int jobs, Work&& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  const int threads = std::max(1, std::min<int>(jobs, static_cast<int>(n)));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& thread : pool) thread.join();
}

// Extracts a batch (documents from ReadDocuments, repaired) on `jobs` threads;
// results[i] belongs to batch[i].
std::vector<Extraction> ExtractBatch(const Extractor& extractor, const std::vector<Document>& batch, int jobs) {
  std::vector<Extraction> results(batch.size());
  ParallelFor(batch.size(), jobs, [&](std::size_t i) { results[i] = extractor.ExtractValid(batch[i]); });
  return results;
}

}  // namespace

Result<IngestSummary> IngestPaths(DocumentSink& store, const Extractor& extractor, const std::vector<std::string>& paths,
                                  const IngestOptions& options) {
  const auto start = Clock::now();
  IngestSummary summary;
  Status failure;
  std::vector<Document> batch;

  // A pipeline of two stages: while `jobs` threads extract batch k, this
  // thread commits batch k-1 and reads batch k+1, so reading, parsing and
  // writing no longer leave the extraction threads idle. Batches are
  // committed in input order, so the graph does not depend on `jobs`.
  struct Extracting {
    std::unique_ptr<std::vector<Document>> documents;  // stable address for the worker
    std::future<std::vector<Extraction>> results;
  };
  std::optional<Extracting> in_flight;

  auto commit = [&](Extracting& extracting) -> bool {
    const std::vector<Document>& docs = *extracting.documents;
    std::vector<Extraction> results = extracting.results.get();
    for (std::size_t i = 0; i < docs.size(); ++i) {
      for (const ExtractWarning& warning : results[i].warnings) {
        ++summary.warnings;
        if (options.on_issue) options.on_issue(ReadIssue{docs[i].origin, warning.message, false});
      }
      summary.facts += results[i].facts.size();
      summary.text_bytes += docs[i].title.size() + docs[i].text.size();
      auto outcome = store.PutDocument(RecordFor(docs[i], results[i].facts.size()), results[i].facts);
      if (!outcome.ok()) {
        failure = Status::IoError(docs[i].origin + ": " + outcome.status().message());
        return false;
      }
      Count(summary, outcome.value());
    }
    return true;
  };
  // Starts extracting `batch`, then commits the batch before it.
  auto hand_over = [&]() -> bool {
    Extracting next;
    next.documents = std::make_unique<std::vector<Document>>(std::move(batch));
    batch.clear();
    const std::vector<Document>* docs = next.documents.get();
    next.results = std::async(std::launch::async, [&extractor, docs, jobs = options.jobs] {
      return ExtractBatch(extractor, *docs, jobs);
    });
    bool ok = true;
    if (in_flight) ok = commit(*in_flight);
    in_flight = std::move(next);
    return ok;
  };

  ReadCallbacks callbacks;
  callbacks.on_issue = [&](const ReadIssue& issue) {
    if (issue.skipped) ++summary.skipped;
    else ++summary.warnings;
    if (options.on_issue) options.on_issue(issue);
  };
  callbacks.on_progress = options.on_progress;
  callbacks.encoding = options.encoding;
  callbacks.on_document = [&](Document&& doc) {
    batch.push_back(std::move(doc));
    if (batch.size() < std::max<std::size_t>(1, options.batch_documents)) return true;
    return hand_over();
  };
  Status read = ReadDocuments(paths, callbacks);
  if (read.ok() && failure.ok() && !batch.empty()) hand_over();
  if (read.ok() && failure.ok() && in_flight) commit(*in_flight);
  in_flight.reset();  // waits for an extraction still running
  VNKG_RETURN_IF_ERROR(read);
  if (!failure.ok()) return failure;
  VNKG_RETURN_IF_ERROR(store.Sync());
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

Result<IngestSummary> IngestFactFiles(DocumentSink& store, const std::vector<std::string>& paths,
                                      const IngestOptions& options) {
  const auto start = Clock::now();
  IngestSummary summary;
  auto issue = [&](std::string where, std::string message) {
    ++summary.skipped;
    if (options.on_issue) options.on_issue(ReadIssue{std::move(where), std::move(message), true});
  };

  // Two passes over the lines, kept in memory as read. The first checks every
  // line (on `jobs` threads, each a contiguous share of a block with a reader
  // of its own; issues reported in input order) and groups the good ones by
  // document, in order of first appearance. The second parses each
  // document's lines again into the same few Facts and stores it. Parsing is
  // cheap (simdjson); keeping a Fact per line until the end was not: its
  // strings were most of the allocations and of the memory of a load.
  std::deque<std::string> texts;        // each file's bytes (a deque: never moved once read)
  std::vector<std::string_view> lines;  // good fact lines, in input order, into `texts`
  struct Group {
    std::string doc;
    std::vector<std::size_t> lines;  // indexes into `lines`
  };
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> group_of;
  std::size_t last_group = 0;  // `vnkg extract` writes a document's facts together: try it first

  const int threads = std::max(1, options.jobs);
  std::vector<FactLineReader> readers(static_cast<std::size_t>(threads));
  std::vector<Fact> scratch(static_cast<std::size_t>(threads));
  constexpr std::size_t kBlockLines = 8192;
  std::vector<std::string_view> block;
  std::vector<Status> parsed;
  std::vector<std::string> docs;
  std::vector<char> blank;

  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      issue(path, "cannot read; skipped");
      continue;
    }
    std::string& text = texts.emplace_back();
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    std::error_code size_error;  // not a regular file (a pipe): the text grows as it comes
    if (const auto size = fs::file_size(path, size_error); !size_error) text.reserve(size + kChunk);
    for (std::size_t size = 0;;) {
      text.resize(size + kChunk);
      in.read(text.data() + size, static_cast<std::streamsize>(kChunk));
      size += static_cast<std::size_t>(in.gcount());
      if (!in) {
        text.resize(size);
        break;
      }
    }
    const bool read_error = in.bad();
    std::uint64_t first_number = 1;
    auto take_block = [&] {
      const std::size_t n = block.size();
      parsed.assign(n, Status::Ok());
      docs.resize(n);
      blank.assign(n, 0);
      const std::size_t share = (n + threads - 1) / threads;
      ParallelFor(static_cast<std::size_t>(threads), threads, [&](std::size_t t) {
        for (std::size_t i = t * share; i < std::min(n, (t + 1) * share); ++i) {
          if (block[i].find_first_not_of(" \t\r") == std::string_view::npos) {
            blank[i] = 1;
            continue;
          }
          parsed[i] = readers[t].Read(block[i], scratch[t]);
          docs[i].swap(scratch[t].doc);
        }
      });
      for (std::size_t i = 0; i < n; ++i) {
        if (blank[i]) continue;
        const auto where = [&] { return path + ":" + std::to_string(first_number + i); };
        if (!parsed[i].ok()) {
          issue(where(), parsed[i].message() + "; line skipped");
          continue;
        }
        if (docs[i].empty()) {
          issue(where(), "fact has no \"doc\"; line skipped");
          continue;
        }
        if (groups.empty() || groups[last_group].doc != docs[i]) {
          auto [it, fresh] = group_of.try_emplace(docs[i], groups.size());
          if (fresh) groups.push_back(Group{docs[i], {}});
          last_group = it->second;
        }
        groups[last_group].lines.push_back(lines.size());
        lines.push_back(block[i]);
        ++summary.facts;
      }
      first_number += n;
      block.clear();
    };
    // Lines as std::getline cut them: a last line without its newline counts.
    for (std::size_t at = 0; at < text.size();) {
      std::size_t nl = text.find('\n', at);
      if (nl == std::string::npos) nl = text.size();
      block.emplace_back(text.data() + at, nl - at);
      at = nl + 1;
      if (block.size() == kBlockLines) take_block();
    }
    take_block();
    if (read_error) issue(path + ":" + std::to_string(first_number), "read error; the rest of the file skipped");
  }

  // The second pass: a document's lines parsed again into reused Facts (their
  // strings keep their storage), its content hash over the lines that stated
  // its facts, as it always was.
  std::vector<Fact> facts;
  std::string hashed;
  FactLineReader& reader = readers[0];
  for (const Group& group : groups) {
    facts.resize(group.lines.size());
    hashed.clear();
    for (std::size_t k = 0; k < group.lines.size(); ++k) {
      const std::string_view line = lines[group.lines[k]];
      // Parsed once already: it cannot fail now.
      if (Status again = reader.Read(line, facts[k]); !again.ok())
        return Status::Corruption("a fact line changed between two reads: " + again.message());
      hashed += line;
      hashed += '\n';
    }
    DocumentRecord record;
    record.id = group.doc;
    record.content_hash = ContentHash("facts", hashed);
    record.ingested_at = static_cast<std::int64_t>(std::time(nullptr));
    record.fact_count = static_cast<std::uint32_t>(facts.size());
    auto outcome = store.PutDocument(record, facts);
    if (!outcome.ok())
      return Status::IoError("storing facts of document '" + group.doc + "': " + outcome.status().message());
    Count(summary, outcome.value());
  }
  VNKG_RETURN_IF_ERROR(store.Sync());
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace vnkg
