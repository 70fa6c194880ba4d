// The whole commands on top of the pipeline (ingest.cc): opening the sink a
// `vnkg ingest` writes to, finishing a bulk load, the summary line, and
// `vnkg extract`. The terminal (progress bar, exit status) stays in app/.
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "vnkg/extract/legacy_encoding.h"
#include "vnkg/ingest/ingest.h"
#include "vnkg/model/facts_json.h"
#include "vnkg/store/bulk.h"

namespace vnkg {
namespace {

std::string FormatDouble(double value, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
}

// `s` with `more` after its message, its code kept (Status has no setter).
Status Append(const Status& s, const std::string& more) {
  std::string m = s.message() + more;
  switch (s.code()) {
    case Status::Code::kInvalidArgument: return Status::InvalidArgument(std::move(m));
    case Status::Code::kNotFound: return Status::NotFound(std::move(m));
    case Status::Code::kCorruption: return Status::Corruption(std::move(m));
    case Status::Code::kVersionMismatch: return Status::VersionMismatch(std::move(m));
    case Status::Code::kBusy: return Status::Busy(std::move(m));
    case Status::Code::kUnsupported: return Status::Unsupported(std::move(m));
    case Status::Code::kAborted: return Status::Aborted(std::move(m));
    case Status::Code::kDeadlineExceeded: return Status::DeadlineExceeded(std::move(m));
    default: return Status::IoError(std::move(m));
  }
}

// Whether `db` names no database yet: a path that does not exist, or an
// empty directory (what BulkLoader::Create accepts).
bool IsNewDatabaseDirectory(const std::string& db) {
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) return !ec;
  return std::filesystem::is_directory(db, ec) && std::filesystem::is_empty(db, ec) && !ec;
}

}  // namespace

Result<std::unique_ptr<Extractor>> MakeDefaultExtractor() {
  auto gazetteer = LoadGazetteer(DefaultDataDir());
  if (!gazetteer.ok()) return gazetteer.status();
  return std::make_unique<Extractor>(gazetteer.value());
}

Result<IngestReport> IngestIntoDatabase(const IngestRequest& request) {
  // An unknown --encoding is refused before anything is opened or created.
  if (!request.options.encoding.empty()) {
    auto decoder = LegacyDecoder::Open(request.options.encoding);
    if (!decoder.ok()) return decoder.status();
  }
  // One of the two sinks: the open database, or a bulk loader building a new
  // one. Facts into a new database always take the loader: nothing is stored
  // there yet, so its all-or-nothing load keeps the promise of a killed
  // ingest (the database as it was, or whole documents), and skips what the
  // per-document writer pays for adding to a live database (the write-ahead
  // log, memtable inserts, a read per new term and triple): most of the time
  // of `ingest --facts` (docs/performance.md). Articles keep the writer:
  // extraction, not writing, bounds them, and a long ingest keeps what it
  // stored when it stops.
  std::unique_ptr<Store> store;
  std::unique_ptr<BulkLoader> loader;
  const bool use_loader = request.bulk || (request.facts && IsNewDatabaseDirectory(request.db));
  if (use_loader) {
    auto created = BulkLoader::Create(request.db);
    if (!created.ok()) return created.status();
    loader = std::move(created.value());
  } else {
    auto opened = Store::Open(request.db, Store::Mode::kReadWrite);
    if (!opened.ok()) return opened.status();
    store = std::move(opened.value());
  }
  DocumentSink& sink = use_loader ? static_cast<DocumentSink&>(*loader) : *store;

  Result<IngestSummary> summary = Status::Aborted("not run");
  if (request.facts) {
    summary = IngestFactFiles(sink, request.paths, request.options);
  } else {
    auto extractor = MakeDefaultExtractor();
    if (!extractor.ok()) return extractor.status();
    summary = IngestPaths(sink, *extractor.value(), request.paths, request.options);
  }
  if (!summary.ok())
    return Append(summary.status(),
                  (use_loader ? "\n(no database was made; a load into a new database is all or nothing)"
                                    : "\n(documents stored before this one are kept; run the same command again "
                                      "once the cause is fixed, and it completes the graph)"));
  IngestReport report;
  report.summary = summary.value();
  if (loader) {
    const auto start = std::chrono::steady_clock::now();
    auto finished = loader->Finish();
    if (!finished.ok()) return finished.status();
    report.summary.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    loader.reset();
    auto opened = Store::Open(request.db, Store::Mode::kReadOnly);
    if (!opened.ok()) return opened.status();
    store = std::move(opened.value());
  }
  if (auto stats = store->Stats(); stats.ok()) report.graph = stats.value();
  return report;
}

std::string DescribeIngest(const IngestReport& report, bool facts) {
  const IngestSummary& s = report.summary;
  std::ostringstream line;
  line << "ingested " << s.documents << " documents (" << s.inserted << " new, " << s.replaced << " replaced, "
       << s.unchanged << " unchanged";
  if (s.skipped) line << ", " << s.skipped << " skipped";
  line << "): " << s.facts << " facts " << (facts ? "loaded" : "extracted");
  if (report.graph)
    line << "; the graph has " << report.graph->documents << " documents, " << report.graph->facts << " facts, "
         << report.graph->entities << " entities";
  line << "; " << FormatDouble(s.seconds, 2) << " s";
  if (s.text_bytes && s.seconds > 0) line << ", " << FormatDouble(s.text_bytes / 1e6 / s.seconds, 1) << " MB/s";
  if (facts && s.seconds > 0) line << ", " << FormatDouble(s.facts / s.seconds, 0) << " facts/s";
  return line.str();
}

Result<std::uint64_t> ExtractFactLines(const Extractor& extractor, const std::vector<std::string>& paths,
                                       const ExtractLinesOptions& options, std::ostream& out) {
  std::uint64_t skipped = 0;
  ReadCallbacks callbacks;
  callbacks.encoding = options.encoding;
  callbacks.on_issue = [&](const ReadIssue& issue) {
    if (issue.skipped) ++skipped;
    if (options.on_issue) options.on_issue(issue);
  };
  callbacks.on_document = [&](Document&& doc) {
    Extraction extraction = extractor.ExtractValid(doc);  // ReadDocuments repaired it
    if (options.on_issue)
      for (const ExtractWarning& warning : extraction.warnings) options.on_issue(ReadIssue{doc.origin, warning.message, false});
    for (const Fact& fact : extraction.facts)
      if (fact.confidence >= options.min_confidence) out << FactToJsonLine(fact) << '\n';
    return static_cast<bool>(out);
  };
  Status status = ReadDocuments(paths, callbacks);
  out.flush();
  if (!status.ok()) return status;
  if (!out) return Status::IoError("writing facts to standard output failed");
  return skipped;
}

}  // namespace vnkg
