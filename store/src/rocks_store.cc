// The Store on RocksDB. Layout and the reasons for it: docs/architecture.md.
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>
#include <unistd.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include "encoding.h"
#include "families.h"
#include "filename.h"
#include "write_rules.h"
#include "vnkg/model/hash.h"
#include "resolved_store.h"
#include "vnkg/store/store.h"

namespace vnkg {
namespace {

namespace fs = std::filesystem;
using namespace storage;

std::string Hex64(std::uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = digits[v & 0xF];
  return out;
}

// A directory holding a RocksDB database that is not ours (no `meta` family)
// must be refused before create_missing_column_families adds our families to it.
Status CheckIsVnkgDatabase(const std::string& dir) {
  std::vector<std::string> names;
  auto s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names);
  if (!s.ok()) return FromRocks(s, "reading the column families of " + dir);
  if (std::find(names.begin(), names.end(), kFamilyNames[kMeta]) == names.end())
    return Status::InvalidArgument(dir + " holds a RocksDB database that is not a vnkg database (no 'meta' column family)");
  return Status::Ok();
}

class RocksStore final : public Store {
 public:
  RocksStore(std::string dir, Mode mode) : dir_(std::move(dir)), mode_(mode) {}

  ~RocksStore() override {
    if (db_) {
      for (auto* handle : handles_) db_->DestroyColumnFamilyHandle(handle);
      if (mode_ == Mode::kReadWrite) {
        // After a failed write (disk full, say) RocksDB has stopped writing;
        // syncing its log then trips an assertion inside RocksDB itself.
        // What was written before the failure is already in the log.
        if (!write_failed_) db_->FlushWAL(true);
        // Removed while the lock is still ours (delete db_ releases it), so a
        // writer that follows can never lose its own WRITER file to us.
        RemoveWriterFile(dir_);
      }
      delete db_;
    }
  }

  Status OpenDb() {
    rocksdb::DBOptions options;
    options.create_if_missing = mode_ == Mode::kReadWrite;
    options.create_missing_column_families = mode_ == Mode::kReadWrite;
    options.max_background_jobs = 2;
    options.keep_log_file_num = 3;
    // RocksDB opens every table file at open (max_open_files = -1), by
    // default on up to 16 new threads per column family: over a hundred
    // threads made and joined at every open, which cost a short read-only
    // process (`vnkg stats`) more than opening the few files one by one.
    options.max_file_opening_threads = 1;
    // A reader maps its table files instead of reading them into buffers:
    // derived data (megabytes, ReadDerived) is then handed out in place, and
    // only the pages a process touches are read.
    options.allow_mmap_reads = mode_ == Mode::kReadOnly;
    const auto families = FamilyDescriptors();

    VNKG_RETURN_IF_ERROR(mode_ == Mode::kReadWrite ? PrepareDirectoryForWriting() : CheckDatabaseExists());
    // Readers leave the directory alone: RocksDB's default would rotate the
    // writer's LOG away, and fail on a read-only filesystem.
    options.info_log = mode_ == Mode::kReadWrite ? OpenInfoLog(dir_) : DiscardingInfoLog();
    rocksdb::Status s = mode_ == Mode::kReadWrite
                            ? rocksdb::DB::Open(options, dir_, families, &handles_, &db_)
                            : rocksdb::DB::OpenForReadOnly(options, dir_, families, &handles_, &db_);
    if (mode_ == Mode::kReadWrite && IsLockHeld(s))
      return Status::Busy("database " + dir_ + " is being written by " + ReadWriterFile(dir_) +
                          "; wait for it to finish, or open it read-only (stats, export, bridges) meanwhile");
    if (mode_ == Mode::kReadWrite && IsPermissionDenied(s))
      return Status::IoError("cannot write to the database " + dir_ + " (" + s.ToString() +
                             "); reading it works: stats, export, query");
    if (!s.ok()) return FromRocks(s, "opening " + dir_);
    VNKG_RETURN_IF_ERROR(CheckSchema());
    VNKG_RETURN_IF_ERROR(LoadCounters());
    // Written only once the lock is ours, so it always names the holder.
    if (mode_ == Mode::kReadWrite) WriteWriterFile(dir_);
    return Status::Ok();
  }

  Result<IngestOutcome> PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) override;
  Status Sync() override {
    if (mode_ != Mode::kReadWrite) return Status::InvalidArgument("the database " + dir_ + " is open read-only");
    if (write_failed_) return Status::IoError("the database " + dir_ + " stopped taking writes after an earlier error");
    VNKG_RETURN_IF_ERROR(FromRocks(db_->FlushWAL(true), "syncing " + dir_));
    // Memtables to SST files too: otherwise every read-only open replays the
    // whole write-ahead log (seconds on a corpus-sized database).
    rocksdb::FlushOptions flush;
    flush.wait = true;
    VNKG_RETURN_IF_ERROR(FromRocks(db_->Flush(flush, handles_), "flushing " + dir_));
    // meta is a few counters and the derived data, rewritten whole after each
    // ingest: one file of it, without the stale copies, keeps a reader's
    // open (its first reads of meta) from visiting every file each ingest left.
    return FromRocks(db_->CompactRange(rocksdb::CompactRangeOptions(), handles_[kMeta], nullptr, nullptr),
                     "compacting the meta family of " + dir_);
  }

  Result<std::optional<DocumentRecord>> GetDocument(const std::string& id) const override {
    std::string value;
    auto s = db_->Get(rocksdb::ReadOptions(), handles_[kDocuments], id, &value);
    if (s.IsNotFound()) return std::optional<DocumentRecord>();
    if (!s.ok()) return FromRocks(s, "reading document " + id);
    DocumentRecord record;
    if (!DecodeDocument(value, record, nullptr)) return Status::Corruption("document record " + id + " does not decode");
    record.id = id;
    return std::optional<DocumentRecord>(std::move(record));
  }

  Result<std::vector<DocumentRecord>> ListDocuments() const override {
    std::vector<DocumentRecord> out;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), handles_[kDocuments]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      DocumentRecord record;
      if (!DecodeDocument(it->value().ToStringView(), record, nullptr))
        return Status::Corruption("document record " + it->key().ToString() + " does not decode");
      record.id = it->key().ToString();
      out.push_back(std::move(record));
    }
    if (!it->status().ok()) return FromRocks(it->status(), "listing documents");
    return out;
  }

  Result<std::optional<TermId>> FindEntity(const Entity& entity) const override {
    return FindIndex(EntityIndexKey(entity));
  }
  Result<std::optional<TermId>> FindPredicate(const std::string& predicate) const override {
    return FindIndex(PredicateIndexKey(predicate));
  }

  Result<Entity> GetEntity(TermId id) const override {
    std::optional<Entity> entity;
    std::optional<std::string> predicate;
    VNKG_RETURN_IF_ERROR(GetTerm(id, entity, predicate));
    if (!entity) return Status::InvalidArgument("term " + std::to_string(id) + " is a predicate, not an entity");
    return std::move(*entity);
  }

  Result<std::string> GetPredicate(TermId id) const override {
    std::optional<Entity> entity;
    std::optional<std::string> predicate;
    VNKG_RETURN_IF_ERROR(GetTerm(id, entity, predicate));
    if (!predicate) return Status::InvalidArgument("term " + std::to_string(id) + " is an entity, not a predicate");
    return std::move(*predicate);
  }

  Status ForEachEntity(const std::function<bool(TermId, const Entity&)>& visit) const override {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), handles_[kTerms]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::optional<Entity> entity;
      std::optional<std::string> predicate;
      if (!DecodeTerm(it->value().ToStringView(), entity, predicate))
        return Status::Corruption("term " + std::to_string(GetId(it->key().ToStringView())) + " does not decode");
      if (entity && !visit(GetId(it->key().ToStringView()), *entity)) return Status::Ok();
    }
    return FromRocks(it->status(), "scanning entities");
  }

  Status ForEachEntityNamed(const std::string& loose_name,
                            const std::function<bool(TermId, const Entity&)>& visit) const override {
    const std::string prefix = NameIndexPrefix(loose_name);
    const std::string upper = PrefixSuccessor(prefix);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions options;
    options.iterate_upper_bound = &upper_slice;
    std::vector<TermId> ids;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, handles_[kTermIndex]));
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      if (it->key().size() != prefix.size() + kIdSize) continue;  // a longer name that continues with '\0'
      ids.push_back(GetId(it->key().ToStringView().substr(prefix.size())));
    }
    VNKG_RETURN_IF_ERROR(FromRocks(it->status(), "looking up the name " + loose_name));
    for (TermId id : ids) {
      auto entity = GetEntity(id);
      if (!entity.ok()) return entity.status();
      if (!visit(id, entity.value())) break;
    }
    return Status::Ok();
  }

  Status Match(const TriplePattern& pattern,
               const std::function<bool(TermId, TermId, TermId)>& visit) const override;

  Result<std::vector<Provenance>> GetProvenance(TermId s, TermId p, TermId o) const override {
    std::vector<Provenance> out;
    VNKG_RETURN_IF_ERROR(ScanProvenance(TripleKey(s, p, o), [&](std::string_view, Provenance&& prov) {
      out.push_back(std::move(prov));
    }));
    return out;
  }

  Status ForEachFact(const std::function<bool(const StoredFact&)>& visit) const override {
    std::unordered_map<TermId, Entity> entities;
    std::unordered_map<TermId, std::string> predicates;
    auto entity_of = [&](TermId id) -> Result<Entity> {
      if (auto it = entities.find(id); it != entities.end()) return it->second;
      auto e = GetEntity(id);
      if (e.ok()) entities.emplace(id, e.value());
      return e;
    };
    Status failure;
    Status s = Match(TriplePattern{}, [&](TermId s_id, TermId p_id, TermId o_id) {
      StoredFact fact;
      fact.subject_id = s_id, fact.predicate_id = p_id, fact.object_id = o_id;
      auto subject = entity_of(s_id);
      auto object = entity_of(o_id);
      if (!subject.ok() || !object.ok()) {
        failure = subject.ok() ? object.status() : subject.status();
        return false;
      }
      fact.subject = std::move(subject.value());
      fact.object = std::move(object.value());
      if (auto it = predicates.find(p_id); it != predicates.end()) {
        fact.predicate = it->second;
      } else {
        auto predicate = GetPredicate(p_id);
        if (!predicate.ok()) {
          failure = predicate.status();
          return false;
        }
        fact.predicate = predicates[p_id] = predicate.value();
      }
      auto provenance = GetProvenance(s_id, p_id, o_id);
      if (!provenance.ok()) {
        failure = provenance.status();
        return false;
      }
      fact.provenance = std::move(provenance.value());
      return visit(fact);
    });
    VNKG_RETURN_IF_ERROR(s);
    return failure;
  }

  Result<std::optional<PinnedBytes>> ReadDerived(const std::string& name) const override {
    auto value = std::make_shared<rocksdb::PinnableSlice>();
    // Derived data is a cache: a damaged value fails to decode (the callers
    // check) and is computed afresh; checking every block's CRC of megabytes
    // at every start costs more than it protects.
    rocksdb::ReadOptions options;
    options.verify_checksums = false;
    // Read once per process: a copy in the block cache would only be dropped again.
    options.fill_cache = false;
    auto s = db_->Get(options, handles_[kMeta], kDerivedPrefix + name, value.get());
    if (s.IsNotFound()) return std::optional<PinnedBytes>();
    if (!s.ok()) return FromRocks(s, "reading derived data " + name + " of " + dir_);
    std::string_view bytes(value->data(), value->size());
    if (bytes.size() < kIdSize) return Status::Corruption("derived data " + name + " of " + dir_ + " has a bad size");
    // The generation is at the end: cutting it off moves no byte.
    if (GetId(bytes.substr(bytes.size() - kIdSize)) != generation_.load()) return std::optional<PinnedBytes>();
    bytes.remove_suffix(kIdSize);
    // A reader's table files are memory-mapped (OpenDb), and the value's
    // block stays pinned while `value` lives: the bytes are not copied.
    return std::optional<PinnedBytes>(PinnedBytes(bytes, std::move(value)));
  }

  Status PutDerived(const std::string& name, std::string_view value) override {
    if (mode_ != Mode::kReadWrite) return Status::InvalidArgument("the database " + dir_ + " is open read-only");
    std::string stamped(value);
    stamped.append(EncodeU64(generation_.load()));
    return FromRocks(db_->Put(WriteOptions(), handles_[kMeta], kDerivedPrefix + name, stamped),
                     "storing derived data " + name + " in " + dir_);
  }

  Status DropDerived(const std::string& name) override {
    if (mode_ != Mode::kReadWrite) return Status::InvalidArgument("the database " + dir_ + " is open read-only");
    return FromRocks(db_->Delete(WriteOptions(), handles_[kMeta], kDerivedPrefix + name),
                     "dropping derived data " + name + " of " + dir_);
  }

  Result<StoreStats> Stats() const override {
    StoreStats stats;
    stats.documents = counters_[kDocumentsCount].load();
    stats.facts = counters_[kFactsCount].load();
    stats.entities = counters_[kEntitiesCount].load();
    stats.provenance = counters_[kProvenanceCount].load();
    for (auto* handle : handles_) {
      std::uint64_t sst_bytes = 0;
      if (db_->GetIntProperty(handle, rocksdb::DB::Properties::kLiveSstFilesSize, &sst_bytes)) stats.disk_bytes += sst_bytes;
    }
    stats.disk_bytes += WalBytes(dir_);
    return stats;
  }

 private:
  // ReadWrite: the directory is made (parents too) and must be empty or a vnkg database.
  Status PrepareDirectoryForWriting() {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) return Status::IoError("cannot create database directory " + dir_ + ": " + ec.message());
    if (!fs::is_directory(dir_, ec)) return Status::IoError(dir_ + " is not a directory");
    if (fs::exists(CurrentFile(dir_), ec)) return CheckIsVnkgDatabase(dir_);
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
      // What a process killed while creating the database leaves is a
      // creation to finish, not somebody else's data.
      if (IsCreationLeftover(entry.path().filename().string())) continue;
      return Status::InvalidArgument(dir_ + " is not empty and is not a vnkg database; give --db a new or vnkg directory");
    }
    if (ec) return Status::IoError("cannot read database directory " + dir_ + ": " + ec.message());
    return CreateAtomically();
  }

  // A new database is made whole in a staging directory beside `dir_` (all
  // column families and the schema version) and renamed into place, so that
  // a process killed while creating it leaves either nothing or a complete,
  // empty database: never one missing a column family.
  Status CreateAtomically() {
    const std::string staging = CreationStagingDir(dir_, ::getpid());
    std::error_code ec;
    fs::remove_all(staging, ec);
    {
      rocksdb::DBOptions options;
      options.create_if_missing = true;
      options.create_missing_column_families = true;
      options.info_log = DiscardingInfoLog();
      const auto families = FamilyDescriptors();
      std::vector<rocksdb::ColumnFamilyHandle*> handles;
      rocksdb::DB* db = nullptr;
      rocksdb::Status s = rocksdb::DB::Open(options, staging, families, &handles, &db);
      if (!s.ok()) return FromRocks(s, "creating a database in " + staging);
      rocksdb::WriteOptions sync;
      sync.sync = true;
      s = db->Put(sync, handles[kMeta], kSchemaKey, std::to_string(kSchemaVersion));
      for (auto* handle : handles) db->DestroyColumnFamilyHandle(handle);
      delete db;
      if (!s.ok()) return FromRocks(s, "creating a database in " + staging);
    }
    fs::remove_all(dir_, ec);  // empty, or only what a killed creation left
    fs::rename(staging, dir_, ec);
    if (ec) {
      fs::remove_all(staging);
      // Another process may have finished creating it first: fine if so.
      if (fs::exists(CurrentFile(dir_))) return CheckIsVnkgDatabase(dir_);
      return Status::IoError("cannot move the new database into " + dir_ + ": " + ec.message());
    }
    return Status::Ok();
  }

  // ReadOnly: nothing is created, so a missing database is NotFound.
  Status CheckDatabaseExists() {
    std::error_code ec;
    if (!fs::exists(CurrentFile(dir_), ec))
      return Status::NotFound("no vnkg database at " + dir_ + " (ingest something first)");
    return CheckIsVnkgDatabase(dir_);
  }

  Status CheckSchema() {
    std::string value;
    auto s = db_->Get(rocksdb::ReadOptions(), handles_[kMeta], kSchemaKey, &value);
    if (s.IsNotFound()) {
      // Our column families without the version key: a creation killed
      // before its first write. It holds nothing; reading it is fine.
      if (mode_ == Mode::kReadOnly) return Status::Ok();
      return FromRocks(db_->Put(WriteOptions(), handles_[kMeta], kSchemaKey, std::to_string(kSchemaVersion)),
                       "writing the schema version of " + dir_);
    }
    if (!s.ok()) return FromRocks(s, "reading the schema version of " + dir_);
    if (value != std::to_string(kSchemaVersion))
      return Status::VersionMismatch("database " + dir_ + " has schema version " + value + ", this vnkg reads version " +
                                     std::to_string(kSchemaVersion) + "; rebuild it with this version's `vnkg ingest`");
    return Status::Ok();
  }

  Status LoadCounters() {
    auto read = [&](const char* key, std::uint64_t& out) -> Status {
      std::string value;
      auto s = db_->Get(rocksdb::ReadOptions(), handles_[kMeta], key, &value);
      if (s.IsNotFound()) {
        out = 0;
        return Status::Ok();
      }
      if (!s.ok()) return FromRocks(s, std::string("reading ") + key);
      if (value.size() != kIdSize) return Status::Corruption(std::string("meta key ") + key + " has a bad size");
      out = GetId(value);
      return Status::Ok();
    };
    TermId next_id = 0;
    VNKG_RETURN_IF_ERROR(read(kNextIdKey, next_id));
    std::uint64_t generation = 0;
    VNKG_RETURN_IF_ERROR(read(kGenerationKey, generation));
    generation_ = generation;
    terms_.set_next_id(next_id == 0 ? 1 : next_id);
    for (int c = 0; c < kCounterCount; ++c) {
      std::uint64_t value = 0;
      VNKG_RETURN_IF_ERROR(read(kCounterKeys[c], value));
      counters_[c] = value;
    }
    return Status::Ok();
  }

  // Each document's batch is one WAL record written to the operating system
  // before Write() returns: a killed process leaves every document wholly
  // present or absent. It is not fsynced per document (an fsync costs ~3.5 ms
  // here, minutes over the corpus); Sync() fsyncs, and ingest calls it at the end.
  static rocksdb::WriteOptions WriteOptions() {
    rocksdb::WriteOptions options;
    options.sync = false;
    options.disableWAL = false;
    return options;
  }

  Result<std::optional<TermId>> FindIndex(const std::string& key) const {
    std::string value;
    auto s = db_->Get(rocksdb::ReadOptions(), handles_[kTermIndex], key, &value);
    if (s.IsNotFound()) return std::optional<TermId>();
    if (!s.ok()) return FromRocks(s, "looking up a term");
    if (value.size() != kIdSize) return Status::Corruption("term index entry has a bad size");
    return std::optional<TermId>(GetId(value));
  }

  Status GetTerm(TermId id, std::optional<Entity>& entity, std::optional<std::string>& predicate) const {
    std::string value;
    auto s = db_->Get(rocksdb::ReadOptions(), handles_[kTerms], EncodeU64(id), &value);
    if (s.IsNotFound()) return Status::NotFound("no term " + std::to_string(id));
    if (!s.ok()) return FromRocks(s, "reading term " + std::to_string(id));
    if (!DecodeTerm(value, entity, predicate)) return Status::Corruption("term " + std::to_string(id) + " does not decode");
    return Status::Ok();
  }

  // Calls visit(key, provenance) for each provenance row of one triple.
  template <typename Visit>
  Status ScanProvenance(const std::string& spo_key, Visit&& visit) const {
    const std::string upper = PrefixSuccessor(spo_key);
    rocksdb::Slice upper_slice(upper);
    rocksdb::ReadOptions options;
    options.iterate_upper_bound = &upper_slice;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, handles_[kProvenance]));
    for (it->Seek(spo_key); it->Valid() && it->key().starts_with(spo_key); it->Next()) {
      Provenance p;
      if (!DecodeProvenance(it->value().ToStringView(), p)) return Status::Corruption("a provenance row does not decode");
      p.doc = std::string(ProvenanceKeyDoc(it->key().ToStringView()));
      visit(it->key().ToStringView(), std::move(p));
    }
    return FromRocks(it->status(), "reading provenance");
  }

  std::string dir_;
  Mode mode_;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  bool write_failed_ = false;  // a write failed: RocksDB takes no more
  // The meta counters, mirrored: atomic because Stats() may run on a reader
  // thread while the writer commits.
  std::atomic<std::uint64_t> counters_[kCounterCount] = {0, 0, 0, 0};
  // The write generation (kGenerationKey): a reader's stays as it was at open.
  std::atomic<std::uint64_t> generation_ = 0;
  // Term ids (the write rules' TermInterner), reading the term index for
  // terms it has not met; only the writer uses it.
  TermInterner terms_{[this](const std::string& index_key) { return FindIndex(index_key); }};
};

Status RocksStore::Match(const TriplePattern& pattern,
                         const std::function<bool(TermId, TermId, TermId)>& visit) const {
  const auto& [s, p, o] = pattern;
  // Pick the ordering whose leading positions the pattern binds.
  Family family;
  std::string prefix;
  if (s && p && o) {
    std::string value;
    auto status = db_->Get(rocksdb::ReadOptions(), handles_[kSpo], TripleKey(*s, *p, *o), &value);
    if (status.IsNotFound()) return Status::Ok();
    if (!status.ok()) return FromRocks(status, "matching a triple");
    visit(*s, *p, *o);
    return Status::Ok();
  } else if (s) {
    family = o && !p ? kOsp : kSpo;
    if (family == kOsp) PutId(prefix, *o), PutId(prefix, *s);
    else {
      PutId(prefix, *s);
      if (p) PutId(prefix, *p);
    }
  } else if (p) {
    family = kPos;
    PutId(prefix, *p);
    if (o) PutId(prefix, *o);
  } else if (o) {
    family = kOsp;
    PutId(prefix, *o);
  } else {
    family = kSpo;
  }

  rocksdb::ReadOptions options;
  const std::string upper = PrefixSuccessor(prefix);
  rocksdb::Slice upper_slice(upper);
  if (prefix.empty()) options.total_order_seek = true;
  else if (!upper.empty()) options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(options, handles_[family]));
  for (prefix.empty() ? it->SeekToFirst() : it->Seek(prefix); it->Valid(); it->Next()) {
    const std::string_view key = it->key().ToStringView();
    if (key.substr(0, prefix.size()) != prefix) break;
    const TermId a = GetId(key), b = GetId(key.substr(8)), c = GetId(key.substr(16));
    TermId ts, tp, to;
    if (family == kSpo) ts = a, tp = b, to = c;
    else if (family == kPos) tp = a, to = b, ts = c;
    else to = a, ts = b, tp = c;
    if ((s && ts != *s) || (p && tp != *p) || (o && to != *o)) continue;
    if (!visit(ts, tp, to)) return Status::Ok();
  }
  return FromRocks(it->status(), "matching triples");
}

Result<IngestOutcome> RocksStore::PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) {
  if (mode_ != Mode::kReadWrite) return Status::InvalidArgument("the database is open read-only");
  VNKG_RETURN_IF_ERROR(CheckDocument(record, facts));
  rocksdb::WriteBatch batch;
  BatchSink sink(batch, handles_);
  std::int64_t delta[kCounterCount] = {0, 0, 0, 0};
  terms_.Discard();  // nothing pending from a document that failed

  // The document's previous version: same content is a no-op; other content
  // goes, with the triples no other document supports.
  IngestOutcome outcome = IngestOutcome::kInserted;
  std::set<std::string> removed_triples;  // SPO keys deleted by this batch
  auto previous = GetDocument(record.id);
  if (!previous.ok()) return previous.status();
  if (previous.value()) {
    if (previous.value()->content_hash == record.content_hash) return IngestOutcome::kUnchanged;
    outcome = IngestOutcome::kReplaced;
    std::string value;
    auto s = db_->Get(rocksdb::ReadOptions(), handles_[kDocuments], record.id, &value);
    if (!s.ok()) return FromRocks(s, "reading document " + record.id);
    DocumentRecord old;
    std::vector<std::string> old_keys;
    if (!DecodeDocument(value, old, &old_keys)) return Status::Corruption("document record " + record.id + " does not decode");
    for (const std::string& spo : old_keys) {
      bool supported_elsewhere = false;
      VNKG_RETURN_IF_ERROR(ScanProvenance(spo, [&](std::string_view key, Provenance&& p) {
        if (p.doc == record.id) {
          sink.Delete(kProvenance, std::string(key));
          --delta[kProvenanceCount];
        } else {
          supported_elsewhere = true;
        }
      }));
      if (!supported_elsewhere) {
        DeleteTriple(spo, sink);
        removed_triples.insert(spo);
        --delta[kFactsCount];
      }
    }
    --delta[kDocumentsCount];
  }

  // Terms, triples, provenance and the document row of the new version. A
  // triple is new to the store when the database lacks it or this batch
  // has just removed it.
  auto is_new = [&](const std::string& spo) -> Result<bool> {
    std::string existing;
    auto got = db_->Get(rocksdb::ReadOptions(), handles_[kSpo], spo, &existing);
    if (!got.ok() && !got.IsNotFound()) return FromRocks(got, "reading a triple");
    return got.IsNotFound() || removed_triples.count(spo) > 0;
  };
  auto rows = WriteDocumentRows(record, facts, terms_, is_new, sink);
  if (!rows.ok()) return rows.status();
  delta[kFactsCount] += static_cast<std::int64_t>(rows->new_facts);
  delta[kProvenanceCount] += static_cast<std::int64_t>(rows->provenance);
  delta[kEntitiesCount] += static_cast<std::int64_t>(terms_.pending_entities());
  ++delta[kDocumentsCount];

  std::uint64_t counters[kCounterCount];
  for (int c = 0; c < kCounterCount; ++c)
    counters[c] = static_cast<std::uint64_t>(static_cast<std::int64_t>(counters_[c].load()) + delta[c]);
  PutMeta(terms_.next_id(), counters, sink);
  // Derived data computed before this batch no longer describes the database.
  sink.Put(kMeta, kGenerationKey, EncodeU64(generation_.load() + 1));
  if (Status written = FromRocks(db_->Write(WriteOptions(), &batch), "storing document " + record.id + " in " + dir_);
      !written.ok()) {
    write_failed_ = true;
    terms_.Discard();
    return written;
  }
  // Only after the batch is in does memory follow it.
  terms_.Commit();
  for (int c = 0; c < kCounterCount; ++c) counters_[c] = counters[c];
  ++generation_;
  return outcome;
}

}  // namespace

namespace storage {

rocksdb::ColumnFamilyOptions FamilyOptions(int family) {
  rocksdb::ColumnFamilyOptions options;
  options.compression = rocksdb::kLZ4Compression;
  options.bottommost_compression = rocksdb::kZSTD;
  if (family == kMeta) {
    // Counters and derived data, uncompressed: decompressing cost more at
    // every start than the disk it saves, and an uncompressed value is read
    // in place from the mapped file (ReadDerived). Each derived value
    // (megabytes) is larger than a block, so it fills a block of its own,
    // and the blocks of the counters, which every open reads, do not carry it.
    options.compression = rocksdb::kNoCompression;
    options.bottommost_compression = rocksdb::kNoCompression;
  }
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  if (family == kSpo || family == kPos || family == kOsp || family == kProvenance) {
    // Every scan of these families is by a leading 8-byte id.
    options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(kIdSize));
    table.whole_key_filtering = true;
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return options;
}

std::vector<rocksdb::ColumnFamilyDescriptor> FamilyDescriptors() {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (int f = 0; f < kFamilyCount; ++f) families.emplace_back(kFamilyNames[f], FamilyOptions(f));
  return families;
}

Status FromRocks(const rocksdb::Status& s, const std::string& context) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(context + ": " + s.ToString());
  if (s.IsCorruption()) return Status::Corruption(context + ": " + s.ToString());
  return Status::IoError(context + ": " + s.ToString());
}

std::string EncodeU64(std::uint64_t v) {
  std::string s;
  PutId(s, v);
  return s;
}

namespace {
class StdioLogger final : public rocksdb::Logger {
 public:
  explicit StdioLogger(std::FILE* file) : rocksdb::Logger(rocksdb::InfoLogLevel::INFO_LEVEL), file_(file) {}
  ~StdioLogger() override {
    if (file_) std::fclose(file_);
  }
  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (!file_) return;
    std::vfprintf(file_, format, ap);
    std::fputc('\n', file_);
    std::fflush(file_);  // errors (a full disk) are dropped with the line
  }

 private:
  std::FILE* file_;
};
}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& dir) {
  return std::make_shared<StdioLogger>(std::fopen(InfoLogFile(dir).c_str(), "w"));
}

std::shared_ptr<rocksdb::Logger> DiscardingInfoLog() { return std::make_shared<StdioLogger>(nullptr); }

}  // namespace storage

std::string ContentHash(std::string_view title, std::string_view text) {
  // Two FNV-1a runs from different offsets: 128 bits, no dependency. a runs
  // over title, "\n", text; b over text, "\x1f", title. Both read the text in
  // one loop: half the loop's instructions, and two multiply chains in flight.
  std::uint64_t a = Fnv1a64(title, kFnv1a64Offset);
  a = Fnv1a64(std::string_view("\n", 1), a);
  std::uint64_t b = 0x84222325cbf29ce4ULL;
  for (unsigned char c : text) a = Fnv1a64Step(a, c), b = Fnv1a64Step(b, c);
  b = Fnv1a64(std::string_view("\x1f", 1), b);
  b = Fnv1a64(title, b);
  return Hex64(a) + Hex64(b);
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, Mode mode) {
  auto store = std::make_unique<RocksStore>(dir, mode);
  VNKG_RETURN_IF_ERROR(store->OpenDb());
  return ResolvingStore(std::move(store));
}

}  // namespace vnkg
