#include "write_rules.h"

#include "encoding.h"

namespace vnkg::storage {

Status CheckDocument(const DocumentRecord& record, const std::vector<Fact>& facts) {
  if (record.id.empty()) return Status::InvalidArgument("a document needs an id");
  for (const Fact& fact : facts)
    if (!fact.doc.empty() && fact.doc != record.id)
      return Status::InvalidArgument("a fact of document '" + fact.doc + "' was given with document '" + record.id + "'");
  return Status::Ok();
}

Result<TermId> TermInterner::Intern(const std::string& index_key, const std::string& term_value, bool is_entity,
                                    RowSink& sink) {
  if (auto it = known_.find(index_key); it != known_.end()) return it->second;
  if (auto it = pending_.find(index_key); it != pending_.end()) return it->second;
  if (find_) {
    auto found = find_(index_key);
    if (!found.ok()) return found.status();
    if (found.value()) {
      known_.emplace(index_key, *found.value());
      return *found.value();
    }
  }
  const TermId id = next_id();
  sink.Put(kTerms, EncodeU64(id), term_value);
  sink.Put(kTermIndex, index_key, EncodeU64(id));
  pending_.emplace(index_key, id);
  if (is_entity) ++pending_entities_;
  return id;
}

Result<TermId> TermInterner::Entity(const vnkg::Entity& entity, RowSink& sink) {
  std::string spelling = EncodeEntityTerm(entity);
  if (auto it = known_spellings_.find(spelling); it != known_spellings_.end()) return it->second;
  if (auto it = pending_spellings_.find(spelling); it != pending_spellings_.end()) return it->second;
  const TermId next = next_id();
  auto id = Intern(EntityIndexKey(entity), spelling, true, sink);
  if (id.ok() && id.value() == next) sink.Put(kTermIndex, NameIndexKey(entity, next), "");  // a new term
  if (id.ok()) pending_spellings_.emplace(std::move(spelling), id.value());
  return id;
}

Result<TermId> TermInterner::Predicate(const std::string& predicate, RowSink& sink) {
  return Intern(PredicateIndexKey(predicate), EncodePredicateTerm(predicate), false, sink);
}

void TermInterner::Commit() {
  next_id_ = next_id();
  known_.merge(pending_);
  known_spellings_.merge(pending_spellings_);
  Discard();
}

void TermInterner::Discard() {
  pending_.clear();
  pending_spellings_.clear();
  pending_entities_ = 0;
}

Result<DocumentRows> WriteDocumentRows(const DocumentRecord& record, const std::vector<Fact>& facts,
                                       TermInterner& terms, const std::function<Result<bool>(const std::string&)>& is_new,
                                       RowSink& sink) {
  DocumentRows rows;
  std::unordered_map<std::string, std::size_t> position;  // SPO key -> index in rows.triples
  for (const Fact& fact : facts) {
    auto s = terms.Entity(fact.subject, sink);
    if (!s.ok()) return s.status();
    auto p = terms.Predicate(fact.predicate, sink);
    if (!p.ok()) return p.status();
    auto o = terms.Entity(fact.object, sink);
    if (!o.ok()) return o.status();
    std::string spo = TripleKey(*s, *p, *o);
    auto [it, first_time] = position.try_emplace(spo, rows.triples.size());
    if (first_time) {
      auto fresh = is_new(spo);
      if (!fresh.ok()) return fresh.status();
      if (fresh.value()) ++rows.new_facts;
      sink.Put(kSpo, spo, "");
      sink.Put(kPos, TripleKey(*p, *o, *s), "");
      sink.Put(kOsp, TripleKey(*o, *s, *p), "");
      rows.triples.push_back(spo);
      rows.occurrences.push_back(0);
    }
    std::uint32_t& occurrence = rows.occurrences[it->second];
    Provenance provenance{record.id, fact.sentence_offset, fact.evidence, fact.confidence, fact.date, fact.by};
    sink.Put(kProvenance, ProvenanceKey(spo, record.id, occurrence++), EncodeProvenance(provenance));
    ++rows.provenance;
  }
  DocumentRecord stored = record;
  stored.fact_count = static_cast<std::uint32_t>(rows.triples.size());
  sink.Put(kDocuments, record.id, EncodeDocument(stored, rows.triples));
  return rows;
}

void DeleteTriple(const std::string& spo, RowSink& sink) {
  const TermId s = GetId(spo), p = GetId(std::string_view(spo).substr(8)), o = GetId(std::string_view(spo).substr(16));
  sink.Delete(kSpo, spo);
  sink.Delete(kPos, TripleKey(p, o, s));
  sink.Delete(kOsp, TripleKey(o, s, p));
}

void PutMeta(TermId next_id, const std::uint64_t (&counters)[kCounterCount], RowSink& sink) {
  sink.Put(kMeta, kNextIdKey, EncodeU64(next_id));
  for (int c = 0; c < kCounterCount; ++c) sink.Put(kMeta, kCounterKeys[c], EncodeU64(counters[c]));
}

}  // namespace vnkg::storage
