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

#include "vnkg/model/fact_reader.h"

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
  // The facts of one document, in input order, and the lines that stated
  // them (its content hash is taken over those lines, as it always was).
  struct Group {
    std::string doc;
    std::vector<Fact> facts;
    std::string lines;
  };
  std::vector<Group> groups;  // documents in order of first appearance
  std::unordered_map<std::string, std::size_t> group_of;
  std::size_t last_group = 0;  // `vnkg extract` writes a document's facts together: try it first
  auto issue = [&](std::string where, std::string message) {
    ++summary.skipped;
    if (options.on_issue) options.on_issue(ReadIssue{std::move(where), std::move(message), true});
  };

  // Lines are parsed on `jobs` threads a block at a time, each thread a
  // contiguous share of the block with a reader of its own, then grouped in
  // input order, so the result does not depend on `jobs`.
  const int threads = std::max(1, options.jobs);
  std::vector<FactLineReader> readers(static_cast<std::size_t>(threads));
  constexpr std::size_t kBlockBytes = std::size_t{4} << 20;
  std::vector<std::string_view> lines;
  std::vector<Fact> facts;
  std::vector<Status> parsed;
  std::vector<char> blank;

  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      issue(path, "cannot read; skipped");
      continue;
    }
    std::uint64_t first_number = 1;
    auto take_block = [&] {
      const std::size_t n = lines.size();
      facts.resize(n);
      parsed.assign(n, Status::Ok());
      blank.assign(n, 0);
      const std::size_t share = (n + threads - 1) / threads;
      ParallelFor(static_cast<std::size_t>(threads), threads, [&](std::size_t t) {
        for (std::size_t i = t * share; i < std::min(n, (t + 1) * share); ++i) {
          if (lines[i].find_first_not_of(" \t\r") == std::string_view::npos) blank[i] = 1;
          else parsed[i] = readers[t].Read(lines[i], facts[i]);
        }
      });
      for (std::size_t i = 0; i < n; ++i) {
        if (blank[i]) continue;
        const auto where = [&] { return path + ":" + std::to_string(first_number + i); };
        if (!parsed[i].ok()) {
          issue(where(), parsed[i].message() + "; line skipped");
          continue;
        }
        Fact& fact = facts[i];
        if (fact.doc.empty()) {
          issue(where(), "fact has no \"doc\"; line skipped");
          continue;
        }
        if (groups.empty() || groups[last_group].doc != fact.doc) {
          auto [it, fresh] = group_of.try_emplace(fact.doc, groups.size());
          if (fresh) groups.push_back(Group{fact.doc, {}, {}});
          last_group = it->second;
        }
        Group& group = groups[last_group];
        group.lines += lines[i];
        group.lines += '\n';
        group.facts.push_back(std::move(fact));
        ++summary.facts;
      }
      first_number += n;
      lines.clear();
    };

    // Blocks of whole lines: what follows the last newline of a block waits
    // for the next one (a line longer than a block grows the buffer).
    std::string buffer;
    std::size_t kept = 0;
    for (bool at_end = false; !at_end;) {
      if (buffer.size() < kept + kBlockBytes) buffer.resize(kept + kBlockBytes);
      in.read(buffer.data() + kept, static_cast<std::streamsize>(kBlockBytes));
      const std::size_t end = kept + static_cast<std::size_t>(in.gcount());
      at_end = !in;
      std::size_t line_start = 0;
      for (std::size_t nl; line_start < end && (nl = buffer.find('\n', line_start)) < end; line_start = nl + 1)
        lines.emplace_back(buffer.data() + line_start, nl - line_start);
      if (at_end && line_start < end) {  // a last line without its newline
        lines.emplace_back(buffer.data() + line_start, end - line_start);
        line_start = end;
      }
      take_block();
      buffer.erase(0, line_start);
      kept = end - line_start;
    }
    if (in.bad()) issue(path + ":" + std::to_string(first_number), "read error; the rest of the file skipped");
  }
  // The content hashes (two passes over every line) on `jobs` threads; the
  // commits below are in input order on this one.
  std::vector<std::string> hashes(groups.size());
  ParallelFor(groups.size(), threads, [&](std::size_t g) {
    hashes[g] = ContentHash("facts", groups[g].lines);
    std::string().swap(groups[g].lines);
  });
  for (std::size_t g = 0; g < groups.size(); ++g) {
    Group& group = groups[g];
    DocumentRecord record;
    record.id = group.doc;
    record.content_hash = std::move(hashes[g]);
    record.ingested_at = static_cast<std::int64_t>(std::time(nullptr));
    record.fact_count = static_cast<std::uint32_t>(group.facts.size());
    auto outcome = store.PutDocument(record, group.facts);
    if (!outcome.ok())
      return Status::IoError("storing facts of document '" + group.doc + "': " + outcome.status().message());
    Count(summary, outcome.value());
    // What is stored is no longer needed: memory goes back as the load goes on.
    std::vector<Fact>().swap(group.facts);
  }
  VNKG_RETURN_IF_ERROR(store.Sync());
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return summary;
}

}  // namespace vnkg
