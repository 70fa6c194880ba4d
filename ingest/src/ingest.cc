#include "vnkg/ingest/ingest.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "vnkg/model/facts_json.h"

namespace vnkg {
namespace {

using Clock = std::chrono::steady_clock;

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

// Extracts a batch on `jobs` threads; results[i] belongs to batch[i].
std::vector<Extraction> ExtractBatch(const Extractor& extractor, const std::vector<Document>& batch, int jobs) {
  std::vector<Extraction> results(batch.size());
  ParallelFor(batch.size(), jobs, [&](std::size_t i) { results[i] = extractor.Extract(batch[i]); });
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
  std::vector<std::string> order;  // documents in order of first appearance
  std::unordered_map<std::string, std::vector<Fact>> by_doc;
  std::unordered_map<std::string, std::string> hash_input;
  auto issue = [&](std::string where, std::string message) {
    ++summary.skipped;
    if (options.on_issue) options.on_issue(ReadIssue{std::move(where), std::move(message), true});
  };
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      issue(path, "cannot read; skipped");
      continue;
    }
    // Lines are parsed on `jobs` threads a block at a time, then grouped in
    // input order, so the result does not depend on `jobs`.
    constexpr std::size_t kBlockLines = 4096;
    std::vector<std::string> lines;
    std::uint64_t first_number = 1;
    auto take_block = [&] {
      // nullopt: a blank line, passed over.
      std::vector<std::optional<Result<Fact>>> parsed(lines.size());
      ParallelFor(lines.size(), options.jobs, [&](std::size_t i) {
        if (lines[i].find_first_not_of(" \t\r") != std::string::npos) parsed[i] = FactFromJsonLine(lines[i]);
      });
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!parsed[i]) continue;
        Result<Fact>& fact = *parsed[i];
        const auto where = [&] { return path + ":" + std::to_string(first_number + i); };
        if (!fact.ok()) {
          issue(where(), fact.status().message() + "; line skipped");
          continue;
        }
        if (fact->doc.empty()) {
          issue(where(), "fact has no \"doc\"; line skipped");
          continue;
        }
        auto [it, fresh] = by_doc.try_emplace(fact->doc);
        if (fresh) order.push_back(fact->doc);
        std::string& hashed = hash_input[fact->doc];
        hashed += lines[i];
        hashed += '\n';
        it->second.push_back(std::move(fact.value()));
        ++summary.facts;
      }
      first_number += lines.size();
      lines.clear();
    };
    for (std::string line; std::getline(in, line);) {
      lines.push_back(std::move(line));
      if (lines.size() == kBlockLines) take_block();
    }
    take_block();
    if (in.bad()) issue(path + ":" + std::to_string(first_number), "read error; the rest of the file skipped");
  }
  for (const std::string& doc : order) {
    DocumentRecord record;
    record.id = doc;
    record.content_hash = ContentHash("facts", hash_input[doc]);
    record.ingested_at = static_cast<std::int64_t>(std::time(nullptr));
    record.fact_count = static_cast<std::uint32_t>(by_doc[doc].size());
    auto outcome = store.PutDocument(record, by_doc[doc]);
    if (!outcome.ok()) return Status::IoError("storing facts of document '" + doc + "': " + outcome.status().message());
    Count(summary, outcome.value());
  }
  VNKG_RETURN_IF_ERROR(store.Sync());
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace vnkg
