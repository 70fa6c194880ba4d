// Files -> documents -> facts -> store: the ingest pipeline of `vnkg ingest`
// and `vnkg extract`, above extract/ (reading, extracting) and store/
// (committing).
//
// Documents are read in input order, extracted on `jobs` threads in batches,
// and committed by one writer in input order, one atomic WriteBatch per
// document; so the final database is the same whatever `jobs` is. A document
// that appears twice in the input (same id) is stored as its last version.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "vnkg/extract/document_reader.h"
#include "vnkg/extract/extractor.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct IngestOptions {
  int jobs = 1;                      // extraction threads (>= 1)
  std::size_t batch_documents = 256; // documents extracted together before committing
  std::string encoding;              // ReadCallbacks::encoding (empty: UTF-8)
  std::function<void(const ReadIssue&)> on_issue;                     // bad input, reported as found
  std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;  // input bytes
};

struct IngestSummary {
  std::uint64_t documents = 0;  // documents read and stored (new or replaced or unchanged)
  std::uint64_t inserted = 0, replaced = 0, unchanged = 0;
  std::uint64_t skipped = 0;    // documents or files not read (see the issues)
  std::uint64_t warnings = 0;   // problems repaired while reading (documents kept)
  std::uint64_t facts = 0;      // facts extracted (occurrences, before merging)
  std::uint64_t text_bytes = 0; // bytes of article text (title + body)
  double seconds = 0;
};

// Ingests every document of `paths` (see document_reader.h for the kinds).
// Stops at the first store error (what was committed before stays).
Result<IngestSummary> IngestPaths(DocumentSink& store, const Extractor& extractor, const std::vector<std::string>& paths,
                                  const IngestOptions& options);

// Loads facts computed elsewhere (the `--format facts` JSON Lines, e.g. from
// `vnkg extract`): facts are grouped by their "doc" and each document is
// stored as one batch, its content hash taken over its facts. Lines that do
// not parse are reported with file and line and skipped.
Result<IngestSummary> IngestFactFiles(DocumentSink& store, const std::vector<std::string>& paths,
                                      const IngestOptions& options);

// ---------------------------------------------------------------------------
// Whole commands: what `vnkg ingest` and `vnkg extract` do, less the terminal.

// The extractor with the gazetteers of DefaultDataDir().
// Errors: the gazetteer files' (missing, malformed).
Result<std::unique_ptr<Extractor>> MakeDefaultExtractor();

struct IngestRequest {
  std::vector<std::string> paths;
  std::string db;       // the database directory
  bool facts = false;   // the inputs are fact JSON Lines (IngestFactFiles), not articles
  bool bulk = false;    // build a new database with a BulkLoader instead of writing into `db`
  IngestOptions options;
};

struct IngestReport {
  IngestSummary summary;             // seconds include a bulk load's Finish
  std::optional<StoreStats> graph;   // the database afterwards, when its stats could be read
};

// Checks the encoding before anything is opened or created, opens the sink
// (the database read-write, or a bulk loader for a new one: with `bulk`, and
// for `facts` into a `db` that does not exist or is an empty directory),
// ingests, finishes a bulk load and reads the database's stats. Either way
// the graph is the same.
// Errors: an unknown encoding; the store's or the loader's; an ingest that
// stopped, its message followed by what became of the database (a loader
// made none; documents committed before the error are kept).
Result<IngestReport> IngestIntoDatabase(const IngestRequest& request);

// The one-line account of an ingest: "ingested N documents (n new, r
// replaced, u unchanged[, s skipped]): F facts extracted|loaded; the graph
// has ...; T s, X MB/s[, Y facts/s]".
std::string DescribeIngest(const IngestReport& report, bool facts);

struct ExtractLinesOptions {
  std::string encoding;        // ReadCallbacks::encoding (empty: UTF-8)
  float min_confidence = 0.0f; // facts below it are left out
  std::function<void(const ReadIssue&)> on_issue;  // bad input and extraction warnings
};

// `vnkg extract`: the facts of every document of `paths` as JSON Lines of
// docs/facts.md on `out`, in input order, no database. Returns the number of
// inputs skipped (each reported to on_issue). Errors: reading that cannot go
// on (ReadDocuments); kIoError when `out` fails.
Result<std::uint64_t> ExtractFactLines(const Extractor& extractor, const std::vector<std::string>& paths,
                                       const ExtractLinesOptions& options, std::ostream& out);

}  // namespace vnkg
