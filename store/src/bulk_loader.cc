// The bulk loader: sorted runs -> SST files -> IngestExternalFiles. The rows
// are the write rules' (write_rules.h), as RocksStore::PutDocument's are; what
// is already stored is known from memory instead of from the database.
// bulk_loader_test checks the two agree.
#include <fcntl.h>
#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/file_system.h>
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string_view>
#include <unordered_map>

#include "encoding.h"
#include "families.h"
#include "filename.h"
#include "write_rules.h"
#include "vnkg/store/bulk.h"

namespace vnkg {

namespace fs = std::filesystem;
using namespace storage;

namespace {

// One row of a run: its key and then its value, side by side in the run's
// arena. A run is appended to as documents come and sorted once when it is
// written, instead of kept sorted in a std::map (a node allocation and a
// tree walk per row, half the loader's time on `ingest --facts --bulk`).
struct RunRow {
  std::size_t at;           // the key's first byte in the arena
  // The key's first 8 bytes as a big-endian number (zeros past its end):
  // rows whose prefixes differ sort by it alone, without reaching into the
  // arena (most keys start with an 8-byte id).
  std::uint64_t prefix;
  std::uint32_t key_size;
  std::uint32_t value_size;
  bool deletion;            // a tombstone (no value)
};

std::uint64_t KeyPrefix(std::string_view key) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i)
    prefix = (prefix << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  return prefix;
}

// The staging database is not synced while it is built: a load that fails
// or is killed makes no database (its staging directory is removed by the
// next load), so durability matters only for the finished one, and
// Finish() syncs each of its files and its directory once before the rename.
// RocksDB otherwise syncs its MANIFEST, OPTIONS and every file as it goes:
// 41 fsync/fdatasync calls for an empty load, most of its fixed cost.
class UnsyncedFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  using FSWritableFileOwnerWrapper::FSWritableFileOwnerWrapper;
  rocksdb::IOStatus Sync(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::OK();
  }
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::OK();
  }
  rocksdb::IOStatus RangeSync(std::uint64_t, std::uint64_t, const rocksdb::IOOptions&,
                              rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::OK();
  }
};

class UnsyncedDirectory final : public rocksdb::FSDirectoryWrapper {
 public:
  using FSDirectoryWrapper::FSDirectoryWrapper;
  rocksdb::IOStatus Fsync(const rocksdb::IOOptions&, rocksdb::IODebugContext*) override {
    return rocksdb::IOStatus::OK();
  }
  rocksdb::IOStatus FsyncWithDirOptions(const rocksdb::IOOptions&, rocksdb::IODebugContext*,
                                        const rocksdb::DirFsyncOptions&) override {
    return rocksdb::IOStatus::OK();
  }
};

class UnsyncedFileSystem final : public rocksdb::FileSystemWrapper {
 public:
  UnsyncedFileSystem() : FileSystemWrapper(rocksdb::FileSystem::Default()) {}
  static const char* kClassName() { return "VnkgBulkStagingFileSystem"; }
  const char* Name() const override { return kClassName(); }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->NewWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->ReopenWritableFile(name, options, result, dbg), result);
  }
  rocksdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                      const rocksdb::FileOptions& options,
                                      std::unique_ptr<rocksdb::FSWritableFile>* result,
                                      rocksdb::IODebugContext* dbg) override {
    return Wrap(target()->ReuseWritableFile(name, old_name, options, result, dbg), result);
  }
  rocksdb::IOStatus NewDirectory(const std::string& name, const rocksdb::IOOptions& options,
                                 std::unique_ptr<rocksdb::FSDirectory>* result, rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewDirectory(name, options, result, dbg);
    if (s.ok()) *result = std::make_unique<UnsyncedDirectory>(std::move(*result));
    return s;
  }

 private:
  static rocksdb::IOStatus Wrap(rocksdb::IOStatus s, std::unique_ptr<rocksdb::FSWritableFile>* result) {
    if (s.ok()) *result = std::make_unique<UnsyncedFile>(std::move(*result));
    return s;
  }
};

// Makes every file under `dir`, and `dir`, durable. Errors name the path.
Status SyncTree(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string path = entry.path().string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
      if (fd >= 0) ::close(fd);
      return Status::IoError("cannot sync " + path);
    }
    ::close(fd);
  }
  if (ec) return Status::IoError("cannot list " + dir + ": " + ec.message());
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    return Status::IoError("cannot sync " + dir);
  }
  ::close(fd);
  return Status::Ok();
}

}  // namespace

class BulkLoader::Impl {
 public:
  Impl(std::string dir, std::string staging, BulkOptions options)
      : dir_(std::move(dir)), staging_(std::move(staging)), options_(options) {}

  ~Impl() {
    Close();
    if (!published_) {
      std::error_code ec;
      fs::remove_all(staging_, ec);
    }
  }

  Status Open() {
    db_options_.create_if_missing = true;
    db_options_.create_missing_column_families = true;
    db_options_.max_background_jobs = 2;
    db_options_.keep_log_file_num = 3;
    db_options_.env = env_.get();
    // A run's arena at its full size from the start: growing it by doubling
    // copied every row again (only the pages written are ever touched).
    arena_.reserve(options_.run_bytes);
    fs::create_directories(staging_);
    db_options_.info_log = OpenInfoLog(staging_);
    VNKG_RETURN_IF_ERROR(FromRocks(rocksdb::DB::Open(db_options_, staging_, FamilyDescriptors(), &handles_, &db_),
                                   "creating a database in " + staging_));
    return FromRocks(db_->Put(rocksdb::WriteOptions(), handles_[kMeta], kSchemaKey, std::to_string(kSchemaVersion)),
                     "writing the schema version in " + staging_);
  }

  Result<IngestOutcome> Put(const DocumentRecord& record, const std::vector<Fact>& facts) {
    VNKG_RETURN_IF_ERROR(failure_);
    VNKG_RETURN_IF_ERROR(CheckDocument(record, facts));

    IngestOutcome outcome = IngestOutcome::kInserted;
    auto previous = documents_.find(record.id);
    if (previous != documents_.end()) {
      if (previous->second.content_hash == record.content_hash) return IngestOutcome::kUnchanged;
      outcome = IngestOutcome::kReplaced;
      Withdraw(record.id, previous->second);
    }

    // A triple is new when no document supports it (after the withdrawal).
    auto is_new = [&](const std::string& spo) -> Result<bool> { return support_[spo]++ == 0; };
    auto rows = WriteDocumentRows(record, facts, terms_, is_new, run_sink_);
    if (!rows.ok()) return Fail(rows.status());
    counters_[kFactsCount] += rows->new_facts;
    counters_[kProvenanceCount] += rows->provenance;
    counters_[kEntitiesCount] += terms_.pending_entities();
    ++counters_[kDocumentsCount];
    terms_.Commit();  // rows staged are as good as written: a failed load makes no database

    DocumentState& state = documents_[record.id];
    state.content_hash = record.content_hash;
    state.triples.clear();
    for (std::size_t i = 0; i < rows->triples.size(); ++i) state.triples.emplace_back(rows->triples[i], rows->occurrences[i]);
    if (run_bytes_ >= options_.run_bytes) VNKG_RETURN_IF_ERROR(WriteRun());
    return outcome;
  }

  // Writes the gathered rows as one SST file per column family and has the
  // database adopt them in one step (IngestExternalFiles is atomic across
  // column families). `only_run`: this run is the whole load (Finish with no
  // run written before), so its files are the database's last level as they
  // are: compressed (LZ4), and without tombstones (there is nothing under
  // them to delete).
  Status WriteRun(bool only_run = false) {
    VNKG_RETURN_IF_ERROR(failure_);
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int f = 0; f < kFamilyCount; ++f) {
      std::vector<RunRow>& rows = run_[f];
      if (rows.empty()) continue;
      // By key (bytewise, RocksDB's order); stable, so that rows of one key
      // stay in the order they were staged and the last one wins, as
      // insert_or_assign made it win before.
      std::stable_sort(rows.begin(), rows.end(), [this](const RunRow& a, const RunRow& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        return KeyOf(a) < KeyOf(b);
      });
      const std::string path = BulkRunFile(staging_, summary_.runs, kFamilyNames[f]);
      rocksdb::Options options(db_options_, FamilyOptions(f));
      // Otherwise Finish() compacts every run into compressed files:
      // compressing here too would be work thrown away. (SstFileWriter
      // compresses as the bottommost level when not told otherwise.)
      if (!only_run) {
        options.compression = rocksdb::kNoCompression;
        options.bottommost_compression = rocksdb::kNoCompression;
      } else if (options.bottommost_compression != rocksdb::kNoCompression) {
        // LZ4, not the last level's ZSTD: ZSTD was a sixth of the
        // instructions of a whole `ingest --facts --bulk` for 16 % less disk
        // (docs/performance.md). A later compaction into the last level
        // (a normal ingest that follows) writes ZSTD again.
        options.bottommost_compression = rocksdb::kLZ4Compression;
      }
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, handles_[f]);
      const std::string context = "writing " + path;
      if (Status s = FromRocks(writer.Open(path), context); !s.ok()) return Fail(s);
      for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::string_view key = KeyOf(rows[i]);
        if (i + 1 < rows.size() && KeyOf(rows[i + 1]) == key) continue;  // staged again later: that row wins
        if (only_run && rows[i].deletion) continue;
        const rocksdb::Slice slice(key.data(), key.size());
        const rocksdb::Status written =
            rows[i].deletion ? writer.Delete(slice) : writer.Put(slice, ToSlice(ValueOf(rows[i])));
        if (Status s = FromRocks(written, context); !s.ok()) return Fail(s);
      }
      if (Status s = FromRocks(writer.Finish(), context); !s.ok()) return Fail(s);
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = handles_[f];
      arg.external_files.push_back(path);
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    if (args.empty()) return Status::Ok();
    if (Status s = FromRocks(db_->IngestExternalFiles(args), "adding SST files to " + staging_); !s.ok()) return Fail(s);
    for (auto& rows : run_) rows.clear();
    arena_.clear();
    run_bytes_ = 0;
    ++summary_.runs;
    return Status::Ok();
  }

  Result<BulkSummary> Finish() {
    VNKG_RETURN_IF_ERROR(failure_);
    // A load that fitted in one run needs no compaction: its files, sorted
    // and disjoint, are ingested into empty families, so they land in the
    // last level, compressed as it is.
    const bool only_run = summary_.runs == 0;
    VNKG_RETURN_IF_ERROR(WriteRun(only_run));
    rocksdb::WriteBatch meta;
    BatchSink meta_sink(meta, handles_);
    PutMeta(terms_.next_id(), counters_, meta_sink);
    if (Status s = FromRocks(db_->Write(rocksdb::WriteOptions(), &meta), "writing the counters in " + staging_); !s.ok())
      return Fail(s);

    // One compaction leaves each family as sorted, zstd-compressed files in
    // its last level, as a long-running database would eventually be.
    const auto start = std::chrono::steady_clock::now();
    rocksdb::FlushOptions flush;
    flush.wait = true;
    if (Status s = FromRocks(db_->Flush(flush, handles_), "flushing " + staging_); !s.ok()) return Fail(s);
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
    for (auto* handle : only_run ? std::vector<rocksdb::ColumnFamilyHandle*>{} : handles_) {
      if (Status s = FromRocks(db_->CompactRange(compact, handle, nullptr, nullptr), "compacting " + staging_); !s.ok())
        return Fail(s);
    }
    summary_.compaction_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Close();
    if (Status s = SyncTree(staging_); !s.ok()) return Fail(s);

    std::error_code ec;
    if (fs::exists(dir_, ec)) {
      if (!fs::is_empty(dir_, ec)) return Fail(Status::InvalidArgument(dir_ + " was filled by someone else during the bulk load; the new database is left in " + staging_));
      fs::remove(dir_, ec);
    }
    fs::rename(staging_, dir_, ec);
    if (ec) return Fail(Status::IoError("cannot move the new database from " + staging_ + " to " + dir_ + ": " + ec.message()));
    published_ = true;
    SyncDirectory(fs::path(dir_).parent_path().string());
    return summary_;
  }

 private:
  struct DocumentState {
    std::string content_hash;
    std::vector<std::pair<std::string, std::uint32_t>> triples;  // SPO key, occurrences in this document
  };

  Status Fail(Status s) {
    failure_ = s;
    return s;
  }

  void Stage(int family, std::string_view key, std::string_view value, bool deletion) {
    run_[family].push_back(RunRow{arena_.size(), KeyPrefix(key), static_cast<std::uint32_t>(key.size()),
                                  static_cast<std::uint32_t>(value.size()), deletion});
    arena_.append(key);
    arena_.append(value);
    run_bytes_ += key.size() + value.size() + sizeof(RunRow);
  }
  std::string_view KeyOf(const RunRow& row) const { return std::string_view(arena_).substr(row.at, row.key_size); }
  std::string_view ValueOf(const RunRow& row) const {
    return std::string_view(arena_).substr(row.at + row.key_size, row.value_size);
  }
  static rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }

  // A replaced document's rows go: its provenance, and the triples no other
  // document supports. Tombstones cover rows already written in earlier runs.
  void Withdraw(const std::string& doc, const DocumentState& state) {
    for (const auto& [spo, occurrences] : state.triples) {
      for (std::uint32_t k = 0; k < occurrences; ++k) run_sink_.Delete(kProvenance, ProvenanceKey(spo, doc, k));
      counters_[kProvenanceCount] -= occurrences;
      auto support = support_.find(spo);
      if (support != support_.end() && --support->second == 0) {
        support_.erase(support);
        DeleteTriple(spo, run_sink_);
        --counters_[kFactsCount];
      }
    }
    --counters_[kDocumentsCount];
  }

  void Close() {
    if (!db_) return;
    for (auto* handle : handles_) db_->DestroyColumnFamilyHandle(handle);
    handles_.clear();
    db_->Close();
    delete db_;
    db_ = nullptr;
  }

  std::string dir_, staging_;
  BulkOptions options_;
  std::unique_ptr<rocksdb::Env> env_ = rocksdb::NewCompositeEnv(std::make_shared<UnsyncedFileSystem>());
  rocksdb::DBOptions db_options_;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool published_ = false;
  Status failure_;

  std::uint64_t counters_[kCounterCount] = {0, 0, 0, 0};
  TermInterner terms_;  // no lookup: the database starts empty
  std::unordered_map<std::string, std::uint32_t> support_;    // SPO key -> documents stating it
  std::unordered_map<std::string, DocumentState> documents_;  // id -> what it contributed
  std::vector<RunRow> run_[kFamilyCount];  // rows staged since the last run was written, per family
  std::string arena_;                      // their keys and values
  std::size_t run_bytes_ = 0;
  // The write rules' rows go into the current run.
  class RunSink final : public RowSink {
   public:
    explicit RunSink(Impl& impl) : impl_(impl) {}
    void Put(Family family, std::string key, std::string value) override { impl_.Stage(family, key, value, false); }
    void Delete(Family family, std::string key) override { impl_.Stage(family, key, {}, true); }

   private:
    Impl& impl_;
  };
  RunSink run_sink_{*this};
  BulkSummary summary_;
};

Result<std::unique_ptr<BulkLoader>> BulkLoader::Create(const std::string& given_dir, const BulkOptions& options) {
  // "db/" must stage as "db.bulk-N" beside it, not as "db/.bulk-N" inside it.
  std::string dir = given_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) return Status::InvalidArgument(dir + " exists and is not a directory");
    if (!fs::is_empty(dir, ec))
      return Status::InvalidArgument("--bulk builds a new database, and " + dir +
                                     " is not empty; give a new directory, or ingest without --bulk to add to it");
  }
  const fs::path path(dir);
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) return Status::IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
  }
  RemoveAbandonedBulkStaging(dir);
  const std::string staging = BulkStagingDir(dir, ::getpid());
  fs::remove_all(staging, ec);
  auto impl = std::make_unique<Impl>(dir, staging, options);
  VNKG_RETURN_IF_ERROR(impl->Open());
  return std::unique_ptr<BulkLoader>(new BulkLoader(std::move(impl)));
}

BulkLoader::BulkLoader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BulkLoader::~BulkLoader() = default;

Result<IngestOutcome> BulkLoader::PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) {
  return impl_->Put(record, facts);
}
Status BulkLoader::Sync() { return Status::Ok(); }
Result<BulkSummary> BulkLoader::Finish() { return impl_->Finish(); }

}  // namespace vnkg
