// The store's write rules, once: which rows a document version puts into the
// families, how terms get their ids, which rows a replaced version takes
// away, and the meta rows. Two writers apply them: RocksStore::PutDocument
// (a RocksDB WriteBatch per document, deciding from the database) and the
// BulkLoader (sorted runs turned into SST files, deciding from memory). Each
// gives a RowSink and says what is already stored; bulk_loader_test checks
// that the two build the same database.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "families.h"
#include "vnkg/model/fact.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg::storage {

// Where rows go: a WriteBatch, or a bulk loader's run of SST rows.
class RowSink {
 public:
  virtual ~RowSink() = default;
  virtual void Put(Family family, std::string key, std::string value) = 0;
  virtual void Delete(Family family, std::string key) = 0;
};

// A RowSink into a WriteBatch, `handles` in Family order.
class BatchSink final : public RowSink {
 public:
  BatchSink(rocksdb::WriteBatch& batch, const std::vector<rocksdb::ColumnFamilyHandle*>& handles)
      : batch_(batch), handles_(handles) {}
  void Put(Family family, std::string key, std::string value) override { batch_.Put(handles_[family], key, value); }
  void Delete(Family family, std::string key) override { batch_.Delete(handles_[family], key); }

 private:
  rocksdb::WriteBatch& batch_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& handles_;
};

// What PutDocument demands of its arguments: an id, and only facts of that
// document (a fact's empty doc means this one). kInvalidArgument otherwise.
Status CheckDocument(const DocumentRecord& record, const std::vector<Fact>& facts);

// Term ids: a term met before keeps its id, a new one takes the next id (in
// the order terms are met) and its two rows (terms, term_index) go to the
// sink. What one document creates is pending until Commit (the writer's batch
// went in) or Discard (it did not), so that memory follows the database.
class TermInterner {
 public:
  // Finds a term the store already holds by its index key (nullopt: none).
  // The bulk loader, which starts from an empty database, passes none.
  using Find = std::function<Result<std::optional<TermId>>(const std::string& index_key)>;
  explicit TermInterner(Find find = nullptr) : find_(std::move(find)) {}

  void set_next_id(TermId id) { next_id_ = id; }
  // The id the next new term would take, pending terms counted.
  TermId next_id() const { return next_id_ + pending_.size(); }
  // Entities among the pending terms.
  std::uint64_t pending_entities() const { return pending_entities_; }

  Result<TermId> Entity(const vnkg::Entity& entity, RowSink& sink);
  Result<TermId> Predicate(const std::string& predicate, RowSink& sink);

  void Commit();
  void Discard();

 private:
  Result<TermId> Intern(const std::string& index_key, const std::string& term_value, bool is_entity, RowSink& sink);

  Find find_;
  TermId next_id_ = 1;
  std::uint64_t pending_entities_ = 0;
  // Terms known to be stored (index key -> id): saves a read per mention.
  std::unordered_map<std::string, TermId> known_;
  std::unordered_map<std::string, TermId> pending_;
  // Entity spellings (the term encoding) already resolved -> id: an entity is
  // mentioned ~10 times per distinct entity on the corpus, and EntityKey's
  // Unicode folding was a third of the cost of storing a fact.
  std::unordered_map<std::string, TermId> known_spellings_;
  std::unordered_map<std::string, TermId> pending_spellings_;
};

// What WriteDocumentRows wrote.
struct DocumentRows {
  std::vector<std::string> triples;        // SPO keys, distinct, in order of first mention
  std::vector<std::uint32_t> occurrences;  // provenance rows of each (same order)
  std::uint64_t provenance = 0;            // provenance rows in all
  std::uint64_t new_facts = 0;             // triples `is_new` said the store lacked
};

// The rows of one document version: for each fact its terms, its triple in
// the three orderings (once per document), one provenance row per mention,
// then the document row (its record with fact_count = distinct triples, and
// their keys). `is_new(spo)` is asked once per distinct triple and says
// whether the store (after the withdrawal of the previous version) lacks it.
Result<DocumentRows> WriteDocumentRows(const DocumentRecord& record, const std::vector<Fact>& facts,
                                       TermInterner& terms, const std::function<Result<bool>(const std::string&)>& is_new,
                                       RowSink& sink);

// The rows of a triple no document supports any more: spo, pos and osp.
void DeleteTriple(const std::string& spo, RowSink& sink);

// The meta rows: the next term id and the counters.
void PutMeta(TermId next_id, const std::uint64_t (&counters)[kCounterCount], RowSink& sink);

}  // namespace vnkg::storage
