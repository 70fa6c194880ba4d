// Building a new database in one pass, for large corpora (`vnkg ingest --bulk`).
//
// The per-document writer (Store::PutDocument) sends every document through
// RocksDB's write-ahead log and memtables, reads the dictionary for each new
// term, and leaves compaction to run behind it. The bulk loader keeps the
// dictionary and the triples' support counts in memory, gathers the rows in
// sorted runs, writes each run as SST files (rocksdb::SstFileWriter) that the
// database adopts whole (IngestExternalFiles), and compacts once at the end
// (unless the whole load was one run).
//
// The database it builds holds the same documents, terms (same ids), triples
// and provenance as ingesting the same documents in the same order with
// Store::PutDocument, so every export of the two is the same.
//
// Atomicity is per load, not per document: the database is built in a
// staging directory beside `dir` ("<dir>.bulk-<pid>") and renamed into place
// by Finish(). A load that fails or is killed leaves no database at `dir`
// (its staging directory is removed by the next bulk load into `dir`); so
// the staging database is not synced as it is built, and Finish() syncs its
// files once before the rename.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct BulkOptions {
  // Rows gathered in memory before they are written out as SST files.
  // Larger runs mean fewer, larger files for the final compaction to merge.
  std::size_t run_bytes = std::size_t{128} << 20;
};

// Counts of a finished load.
struct BulkSummary {
  std::size_t runs = 0;  // sets of SST files ingested
  double compaction_seconds = 0;
};

class BulkLoader final : public DocumentSink {
 public:
  // Starts a load into `dir`, which must not exist or be an empty directory
  // (kInvalidArgument otherwise: the bulk path builds new databases only;
  // kIoError with the path when the staging directory cannot be made).
  static Result<std::unique_ptr<BulkLoader>> Create(const std::string& dir, const BulkOptions& options = {});
  // Without a successful Finish(): removes the staging directory.
  ~BulkLoader() override;

  // As Store::PutDocument: documents in input order, the last version of an
  // id wins, a repeated id with the same content is kUnchanged.
  Result<IngestOutcome> PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) override;
  // Nothing to do: a bulk load is all or nothing, made durable whole by
  // Finish(). The rows gathered wait for a full run or for Finish().
  Status Sync() override;
  // Writes the last run and the counters, compacts every column family (a
  // load that fitted in one run needs none: its files are written as the
  // last level), closes the staging database and renames it to `dir`. After
  // an error the loader can only be destroyed.
  Result<BulkSummary> Finish();

  class Impl;

 private:
  explicit BulkLoader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnkg
