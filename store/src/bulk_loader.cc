// The bulk loader: sorted runs -> SST files -> IngestExternalFiles. Its
// bookkeeping mirrors RocksStore::PutDocument rule for rule, from memory
// instead of from the database; bulk_loader_test checks the two agree.
#include <fcntl.h>
#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <unordered_map>

#include "encoding.h"
#include "families.h"
#include "filename.h"
#include "vnkg/store/bulk.h"

namespace vnkg {

namespace fs = std::filesystem;
using namespace storage;

namespace {

// Per-entry bookkeeping of std::map, counted so that a run's memory, not only
// its bytes of data, stays near BulkOptions::run_bytes.
constexpr std::size_t kEntryOverhead = 80;

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
    fs::create_directories(staging_);
    db_options_.info_log = OpenInfoLog(staging_);
    VNKG_RETURN_IF_ERROR(FromRocks(rocksdb::DB::Open(db_options_, staging_, FamilyDescriptors(), &handles_, &db_),
                                   "creating a database in " + staging_));
    return FromRocks(db_->Put(rocksdb::WriteOptions(), handles_[kMeta], kSchemaKey, std::to_string(kSchemaVersion)),
                     "writing the schema version in " + staging_);
  }

  Result<IngestOutcome> Put(const DocumentRecord& record, const std::vector<Fact>& facts) {
    VNKG_RETURN_IF_ERROR(failure_);
    if (record.id.empty()) return Status::InvalidArgument("a document needs an id");
    for (const Fact& fact : facts)
      if (!fact.doc.empty() && fact.doc != record.id)
        return Status::InvalidArgument("a fact of document '" + fact.doc + "' was given with document '" + record.id + "'");

    IngestOutcome outcome = IngestOutcome::kInserted;
    auto previous = documents_.find(record.id);
    if (previous != documents_.end()) {
      if (previous->second.content_hash == record.content_hash) return IngestOutcome::kUnchanged;
      outcome = IngestOutcome::kReplaced;
      Withdraw(record.id, previous->second);
    }

    DocumentState& state = documents_[record.id];
    state.content_hash = record.content_hash;
    state.triples.clear();
    std::unordered_map<std::string, std::size_t> position;  // SPO key -> index in state.triples
    for (const Fact& fact : facts) {
      const TermId s = InternEntity(fact.subject);
      const TermId p = Intern(PredicateIndexKey(fact.predicate), [&] { return EncodePredicateTerm(fact.predicate); }, false);
      const TermId o = InternEntity(fact.object);
      std::string spo = TripleKey(s, p, o);
      auto [it, first_time] = position.try_emplace(spo, state.triples.size());
      if (first_time) {
        state.triples.emplace_back(spo, 0);
        if (support_[spo]++ == 0) ++counters_[kFactsCount];
        Stage(kSpo, spo, "");
        Stage(kPos, TripleKey(p, o, s), "");
        Stage(kOsp, TripleKey(o, s, p), "");
      }
      std::uint32_t& occurrence = state.triples[it->second].second;
      Provenance provenance{record.id, fact.sentence_offset, fact.evidence, fact.confidence, fact.date, fact.by};
      Stage(kProvenance, ProvenanceKey(spo, record.id, occurrence++), EncodeProvenance(provenance));
      ++counters_[kProvenanceCount];
    }
    ++counters_[kDocumentsCount];

    DocumentRecord stored = record;
    stored.fact_count = static_cast<std::uint32_t>(state.triples.size());
    std::vector<std::string> spo_keys;
    spo_keys.reserve(state.triples.size());
    for (const auto& triple : state.triples) spo_keys.push_back(triple.first);
    Stage(kDocuments, record.id, EncodeDocument(stored, spo_keys));
    if (run_bytes_ >= options_.run_bytes) VNKG_RETURN_IF_ERROR(WriteRun());
    return outcome;
  }

  // Writes the gathered rows as one SST file per column family and has the
  // database adopt them in one step (IngestExternalFiles is atomic across
  // column families).
  Status WriteRun() {
    VNKG_RETURN_IF_ERROR(failure_);
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int f = 0; f < kFamilyCount; ++f) {
      if (run_[f].empty()) continue;
      const std::string path = BulkRunFile(staging_, summary_.runs, kFamilyNames[f]);
      rocksdb::Options options(db_options_, FamilyOptions(f));
      // Finish() compacts every run into compressed files: compressing here
      // too would be work thrown away.
      options.compression = rocksdb::kNoCompression;
      options.bottommost_compression = rocksdb::kNoCompression;
      rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options, handles_[f]);
      const std::string context = "writing " + path;
      if (Status s = FromRocks(writer.Open(path), context); !s.ok()) return Fail(s);
      for (const auto& [key, value] : run_[f]) {
        if (Status s = FromRocks(value ? writer.Put(key, *value) : writer.Delete(key), context); !s.ok()) return Fail(s);
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
    run_bytes_ = 0;
    ++summary_.runs;
    return Status::Ok();
  }

  Result<BulkSummary> Finish() {
    VNKG_RETURN_IF_ERROR(failure_);
    VNKG_RETURN_IF_ERROR(WriteRun());
    rocksdb::WriteBatch meta;
    meta.Put(handles_[kMeta], kNextIdKey, EncodeU64(next_id_));
    for (int c = 0; c < kCounterCount; ++c) meta.Put(handles_[kMeta], kCounterKeys[c], EncodeU64(counters_[c]));
    rocksdb::WriteOptions sync;
    sync.sync = true;
    if (Status s = FromRocks(db_->Write(sync, &meta), "writing the counters in " + staging_); !s.ok()) return Fail(s);

    // One compaction leaves each family as sorted, zstd-compressed files in
    // its last level, as a long-running database would eventually be.
    const auto start = std::chrono::steady_clock::now();
    rocksdb::FlushOptions flush;
    flush.wait = true;
    if (Status s = FromRocks(db_->Flush(flush, handles_), "flushing " + staging_); !s.ok()) return Fail(s);
    rocksdb::CompactRangeOptions compact;
    compact.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForceOptimized;
    for (auto* handle : handles_) {
      if (Status s = FromRocks(db_->CompactRange(compact, handle, nullptr, nullptr), "compacting " + staging_); !s.ok())
        return Fail(s);
    }
    summary_.compaction_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Close();

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

  void Stage(int family, std::string key, std::optional<std::string> value) {
    run_bytes_ += key.size() + (value ? value->size() : 0) + kEntryOverhead;
    run_[family].insert_or_assign(std::move(key), std::move(value));
  }

  // The id of a term, new terms numbered in the order they are met, as
  // RocksStore::InternTerm does.
  template <typename Encode>
  TermId Intern(std::string index_key, Encode&& encode, bool is_entity) {
    auto [it, fresh] = terms_.try_emplace(std::move(index_key), next_id_);
    if (!fresh) return it->second;
    const TermId id = next_id_++;
    Stage(kTerms, EncodeU64(id), encode());
    Stage(kTermIndex, it->first, EncodeU64(id));
    if (is_entity) ++counters_[kEntitiesCount];
    return id;
  }

  // Spellings seen before skip EntityKey's Unicode folding (see RocksStore::spelling_cache_).
  TermId InternEntity(const Entity& entity) {
    std::string spelling = EncodeEntityTerm(entity);
    if (auto it = spellings_.find(spelling); it != spellings_.end()) return it->second;
    const TermId id = Intern(EntityIndexKey(entity), [&] { return spelling; }, true);
    spellings_.emplace(std::move(spelling), id);
    return id;
  }

  // A replaced document's rows go: its provenance, and the triples no other
  // document supports. Tombstones cover rows already written in earlier runs.
  void Withdraw(const std::string& doc, const DocumentState& state) {
    for (const auto& [spo, occurrences] : state.triples) {
      for (std::uint32_t k = 0; k < occurrences; ++k) Stage(kProvenance, ProvenanceKey(spo, doc, k), std::nullopt);
      counters_[kProvenanceCount] -= occurrences;
      auto support = support_.find(spo);
      if (support != support_.end() && --support->second == 0) {
        support_.erase(support);
        const TermId s = GetId(spo), p = GetId(std::string_view(spo).substr(8)), o = GetId(std::string_view(spo).substr(16));
        Stage(kSpo, spo, std::nullopt);
        Stage(kPos, TripleKey(p, o, s), std::nullopt);
        Stage(kOsp, TripleKey(o, s, p), std::nullopt);
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
  rocksdb::DBOptions db_options_;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool published_ = false;
  Status failure_;

  TermId next_id_ = 1;
  std::uint64_t counters_[kCounterCount] = {0, 0, 0, 0};
  std::unordered_map<std::string, TermId> terms_;             // index key -> id
  std::unordered_map<std::string, TermId> spellings_;         // entity term encoding -> id
  std::unordered_map<std::string, std::uint32_t> support_;    // SPO key -> documents stating it
  std::unordered_map<std::string, DocumentState> documents_;  // id -> what it contributed
  std::map<std::string, std::optional<std::string>> run_[kFamilyCount];  // nullopt: a deletion
  std::size_t run_bytes_ = 0;
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
Status BulkLoader::Sync() { return impl_->WriteRun(); }
Result<BulkSummary> BulkLoader::Finish() { return impl_->Finish(); }

}  // namespace vnkg
