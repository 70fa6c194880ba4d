// The persistent fact store on RocksDB.
//
// Entities are dictionary-encoded (entity key <-> 8-byte id); facts are stored
// as id triples in three orderings (SPO, POS, OSP) so that any pattern with a
// bound prefix is one prefix scan; every occurrence of a fact keeps a
// provenance record (document, sentence offset, evidence, confidence); every
// document keeps a record (content hash, title, date, time of ingest, the
// facts it contributed). See docs/architecture.md for the key layout.
//
// One process writes at a time (ReadWrite holds the database's lock); any
// number of ReadOnly handles may read, also while a writer works.
// A Store is safe for concurrent reads from many threads; writes must be
// serialised by the caller.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/model/fact.h"
#include "vnkg/status.h"

namespace vnkg {

using TermId = std::uint64_t;  // 0 is never a valid id

// The schema this build reads and writes. Opening a database of another
// version fails with Status::Code::kVersionMismatch.
// 2: an event and a bridge point are one term per report (Entity::mention),
// resolved to gatherings when read.
// 3: a write generation in `meta`, and derived data (ReadDerived) stamped with it.
inline constexpr int kSchemaVersion = 3;

// The database location used when --db is not given:
// $VNKG_DB if set, else $XDG_DATA_HOME/vnkg/db, else ~/.local/share/vnkg/db.
std::string DefaultDatabasePath();

// A digest of an article's content (title and text), for "same content?"
// checks: 128 bits as 32 hex digits, the same on every machine and run.
std::string ContentHash(std::string_view title, std::string_view text);

struct DocumentRecord {
  std::string id;
  std::string content_hash;  // hex digest of title + text
  std::string title;
  std::string date;  // as given by the input, may be empty
  std::string url;
  std::int64_t ingested_at = 0;  // unix seconds
  std::uint32_t fact_count = 0;  // distinct facts this document contributed (set by PutDocument)
};

struct Provenance {
  std::string doc;
  std::uint32_t sentence_offset = 0;
  std::string evidence;
  float confidence = 1.0f;
  std::string date;  // Fact::date
  std::string by;    // Fact::by
};

// A stored fact: ids, the decoded entities and every occurrence.
struct StoredFact {
  TermId subject_id = 0, predicate_id = 0, object_id = 0;
  Entity subject;
  std::string predicate;
  Entity object;
  std::vector<Provenance> provenance;  // at least one
};

// A triple pattern: unset ids are variables.
struct TriplePattern {
  std::optional<TermId> subject, predicate, object;
};

enum class IngestOutcome {
  kInserted,   // a new document
  kUnchanged,  // same id and same content hash: nothing written
  kReplaced,   // same id, new content: its old facts removed, new ones added
};

// Counts kept in the database's `meta` family, updated in each document's batch.
struct StoreStats {
  std::uint64_t documents = 0;
  std::uint64_t facts = 0;       // distinct (subject, predicate, object) triples
  std::uint64_t entities = 0;    // entities in the dictionary; an entity stays there
                                 // even when a replacement removes its last fact
  std::uint64_t provenance = 0;  // occurrences: one per stored Fact
  std::uint64_t disk_bytes = 0;  // live SST + WAL files
};

// Where ingest puts documents: an open Store, or a BulkLoader (bulk.h)
// building a new database.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // Stores one document and its facts; see Store::PutDocument for the rules
  // (same id + same content: kUnchanged; same id + new content: replaced).
  virtual Result<IngestOutcome> PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) = 0;
  // Makes what was put so far durable (what durable means: each sink says).
  virtual Status Sync() = 0;
};

// Bytes that stay valid while this object (or a copy of it) lives: an owned
// string, or a part of the database's files that `owner` keeps pinned.
// REQUIRES: the last copy is destroyed before the Store that gave it.
class PinnedBytes {
 public:
  explicit PinnedBytes(std::string copy);
  PinnedBytes(std::string_view bytes, std::shared_ptr<const void> owner)
      : bytes_(bytes), owner_(std::move(owner)) {}
  std::string_view bytes() const { return bytes_; }

 private:
  std::string_view bytes_;
  std::shared_ptr<const void> owner_;
};

class Store : public DocumentSink {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens (kReadWrite: creating if missing, parents included) the database in
  // `dir`. Errors: kVersionMismatch for another schema version (the message
  // gives both versions); kBusy when another Store, in this process or
  // another, writes to it (the message names that process's pid and command
  // line, from the WRITER file the writer keeps in `dir` while open);
  // kIoError with the path when the directory cannot be made or read;
  // kInvalidArgument for a directory that is neither empty nor a vnkg
  // database (it is left untouched); kNotFound for kReadOnly of a missing
  // database. kReadOnly works while another process writes, and sees the
  // database as it was when opened.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, Mode mode);
  virtual ~Store() = default;

  // Stores one document and the facts read from it in one atomic WriteBatch.
  // The write reaches the operating system before this returns (so a killed
  // process loses nothing it returned from); Sync() makes it durable against
  // power loss. Same id + same content hash: a no-op (kUnchanged). Same id +
  // new content: the document's old provenance goes, and the facts no other
  // document supports go with it; nothing of any other document changes.
  // A fact stated twice in one document is one triple with two provenance
  // records (occurrences numbered in the order of `facts`). New entities keep
  // the display form they are first stored with.
  // REQUIRES: Mode::kReadWrite; every fact.doc is record.id or empty
  // (kInvalidArgument otherwise).
  Result<IngestOutcome> PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) override = 0;

  // Flushes and fsyncs the write-ahead log: everything stored so far survives
  // a power cut. REQUIRES: Mode::kReadWrite (kInvalidArgument otherwise).
  Status Sync() override = 0;

  virtual Result<std::optional<DocumentRecord>> GetDocument(const std::string& id) const = 0;
  // Every document record, in id order.
  virtual Result<std::vector<DocumentRecord>> ListDocuments() const = 0;

  // The id of an entity (by EntityKey: any spelling with the same key) or
  // predicate, if stored; nullopt if not.
  virtual Result<std::optional<TermId>> FindEntity(const Entity& entity) const = 0;
  virtual Result<std::optional<TermId>> FindPredicate(const std::string& predicate) const = 0;
  // kNotFound for an unknown id; kInvalidArgument for an id of the other kind.
  virtual Result<Entity> GetEntity(TermId id) const = 0;
  virtual Result<std::string> GetPredicate(TermId id) const = 0;

  // Calls `visit` for each entity (id, entity) in id order; stop by returning false.
  virtual Status ForEachEntity(const std::function<bool(TermId, const Entity&)>& visit) const = 0;

  // The entities ForEachEntity shows whose FoldLoose(EntityLabel(entity)) is
  // `loose_name`, in id order. The default filters ForEachEntity; the
  // RocksDB store reads its name rows (one prefix scan), written with each
  // new term by every writer.
  virtual Status ForEachEntityNamed(const std::string& loose_name,
                                    const std::function<bool(TermId, const Entity&)>& visit) const;

  // Calls `visit` for each stored triple matching `pattern`, using the
  // ordering whose prefix the pattern binds (one prefix scan, never a full
  // scan when any position is bound). Return false from `visit` to stop.
  virtual Status Match(const TriplePattern& pattern,
                       const std::function<bool(TermId s, TermId p, TermId o)>& visit) const = 0;

  // The provenance records of one triple.
  virtual Result<std::vector<Provenance>> GetProvenance(TermId s, TermId p, TermId o) const = 0;

  // Every fact, decoded, with its provenance, in SPO id order.
  virtual Status ForEachFact(const std::function<bool(const StoredFact&)>& visit) const = 0;

  virtual Result<StoreStats> Stats() const = 0;

  // Derived data: what a reader would otherwise compute from the stored facts
  // before its first answer (the resolution of events, the SPARQL view, the
  // name index), kept under a name with the write generation it was computed
  // at. Every PutDocument that changes the database starts a new generation
  // (in the document's own batch), so a copy computed before a write is never
  // returned: ReadDerived gives nullopt for a copy that is absent or stale,
  // and the caller computes afresh. The default keeps nothing.
  // The bytes are not copied where the store can avoid it (a RocksDB store
  // opened read-only hands out its memory-mapped file): a reader that uses
  // a part of them touches only that part. Errors: the database's.
  virtual Result<std::optional<PinnedBytes>> ReadDerived(const std::string& name) const;
  // Stores `value` as `name`, stamped with the current generation.
  // REQUIRES: Mode::kReadWrite (kInvalidArgument otherwise).
  virtual Status PutDerived(const std::string& name, std::string_view value);
  // Removes what is kept as `name`, if anything: for a byte layout that a
  // newer one replaced under another name. REQUIRES: Mode::kReadWrite.
  virtual Status DropDerived(const std::string& name);
};

// Reads and writes the byte layout of derived data: length-prefixed strings
// and fixed-width little-endian numbers. A Reader's getters return false once
// the input is exhausted or malformed (and stay false), so a decoder checks
// ok() once at the end.
class DerivedWriter {
 public:
  DerivedWriter& Str(std::string_view s);
  DerivedWriter& U64(std::uint64_t v);
  DerivedWriter& U32(std::uint32_t v);
  DerivedWriter& Entity(const vnkg::Entity& e);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class DerivedReader {
 public:
  explicit DerivedReader(std::string_view in) : in_(in) {}
  bool Str(std::string& s);
  bool U64(std::uint64_t& v);
  bool U32(std::uint32_t& v);
  bool Entity(vnkg::Entity& e);
  // True when nothing failed and the input was read to its end.
  bool ok() const { return ok_ && in_.empty(); }

 private:
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace vnkg
