// The in-memory part of the RDF view: every term (entities, their classes and
// literals, the predicates) gets a dense id, and the entity attribute triples
// of EntityRdfTriples are kept in three sorted orderings. Facts are not
// copied: they stay in the store and are read with Store::Match.
#include <algorithm>

#include "sparql_internal.h"
#include "vnkg/model/rdf.h"

namespace vnkg::sparql {

std::string View::Key(const SparqlTerm& t) {
  std::string key(1, t.kind == SparqlTerm::Kind::kIri ? 'I' : 'L');
  key += t.value;
  key += '\0';
  key += t.datatype;
  key += '\0';
  key += t.lang;
  return key;
}

namespace {
auto TermFields(const SparqlTerm& t) { return std::tie(t.kind, t.value, t.datatype, t.lang); }
}  // namespace

Vid View::Add(ViewTerm term) {
  std::string key = Key(term.term);
  auto it = by_key_.find(key);
  if (it != by_key_.end()) {
    ViewTerm& existing = terms_[it->second - 1];
    if (term.store_id && !existing.store_id) {
      existing.store_id = term.store_id;
      existing.store_predicate = term.store_predicate;
    }
    if (term.store_id) by_store_id_.emplace_back(term.store_id, it->second);
    return it->second;
  }
  terms_.push_back(std::move(term));
  const Vid id = static_cast<Vid>(terms_.size());
  by_key_.emplace(std::move(key), id);
  if (terms_.back().store_id) by_store_id_.emplace_back(terms_.back().store_id, id);
  return id;
}

void View::Seal() {
  by_key_ = {};
  by_term_.resize(terms_.size());
  for (std::size_t i = 0; i < by_term_.size(); ++i) by_term_[i] = static_cast<Vid>(i + 1);
  std::sort(by_term_.begin(), by_term_.end(),
            [&](Vid a, Vid b) { return TermFields(term(a).term) < TermFields(term(b).term); });
  // A store id met twice keeps its first term, as the map did.
  std::stable_sort(by_store_id_.begin(), by_store_id_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  by_store_id_.erase(std::unique(by_store_id_.begin(), by_store_id_.end(),
                                 [](const auto& a, const auto& b) { return a.first == b.first; }),
                     by_store_id_.end());
}

Vid View::Lookup(const SparqlTerm& t) const {
  if (!by_key_.empty()) {  // while building
    auto it = by_key_.find(Key(t));
    return it == by_key_.end() ? 0 : it->second;
  }
  auto it = std::lower_bound(by_term_.begin(), by_term_.end(), t,
                             [&](Vid a, const SparqlTerm& b) { return TermFields(term(a).term) < TermFields(b); });
  return it != by_term_.end() && TermFields(term(*it).term) == TermFields(t) ? *it : 0;
}

Vid View::FromStore(TermId id) const {
  auto it = std::lower_bound(by_store_id_.begin(), by_store_id_.end(), id,
                             [](const std::pair<TermId, Vid>& a, TermId b) { return a.first < b; });
  return it != by_store_id_.end() && it->first == id ? it->second : 0;
}

std::pair<const View::Triple*, const View::Triple*> View::Range(const std::vector<Triple>& index,
                                                                std::array<int, 3> order, Triple key,
                                                                int bound) const {
  Triple probe{key[order[0]], key[order[1]], key[order[2]]};
  auto less = [bound](const Triple& a, const Triple& b) {
    for (int i = 0; i < bound; ++i)
      if (a[i] != b[i]) return a[i] < b[i];
    return false;
  };
  auto [lo, hi] = std::equal_range(index.begin(), index.end(), probe, less);
  return {index.data() + (lo - index.begin()), index.data() + (hi - index.begin())};
}

std::size_t View::CountAttributes(Vid s, Vid p, Vid o) const {
  std::size_t n = 0;
  if (s && p && o) {
    MatchAttributes(s, p, o, [&](Vid, Vid, Vid) { return ++n, true; });
    return n;
  }
  // Ranges are exact except for (s, o) bound without p, which is rare.
  if (s) {
    auto [b, e] = Range(spo_, {0, 1, 2}, {s, p, o}, p ? 2 : 1);
    return static_cast<std::size_t>(e - b);
  }
  if (p) {
    auto [b, e] = Range(pos_, {1, 2, 0}, {s, p, o}, o ? 2 : 1);
    return static_cast<std::size_t>(e - b);
  }
  if (o) {
    auto [b, e] = Range(osp_, {2, 0, 1}, {s, p, o}, 1);
    return static_cast<std::size_t>(e - b);
  }
  return spo_.size();
}

Result<std::unique_ptr<View>> View::Build(const Store& store) {
  auto view = std::unique_ptr<View>(new View());
  auto iri = [](std::string value) { return SparqlTerm{SparqlTerm::Kind::kIri, std::move(value), "", ""}; };

  // Predicates first, so that a store predicate id maps to its vn: IRI.
  for (std::string_view name : kPredicates) {
    auto id = store.FindPredicate(std::string(name));
    if (!id.ok()) return id.status();
    ViewTerm t{iri(std::string(kVnNamespace).append(name)), id->value_or(0), id->has_value()};
    view->Add(std::move(t));
  }

  // Entities, and the entities they link to that the store has no term for,
  // exactly as ExportRdf writes them.
  struct Pending {
    Vid subject;
    std::vector<EntityTriple> triples;
  };
  std::vector<Pending> pending;
  std::vector<Entity> linked;
  Status status = store.ForEachEntity([&](TermId id, const Entity& e) {
    const Vid v = view->Add(ViewTerm{iri(EntityIri(e)), id, false});
    pending.push_back({v, EntityRdfTriples(e)});
    for (Entity& l : EntityRdfLinks(e)) linked.push_back(std::move(l));
    return true;
  });
  if (!status.ok()) return status;
  for (const Entity& e : linked) {
    SparqlTerm t = iri(EntityIri(e));
    if (view->Lookup(t)) continue;
    const Vid v = view->Add(ViewTerm{std::move(t), 0, false});
    pending.push_back({v, EntityRdfTriples(e)});
  }
  for (const Pending& p : pending) {
    for (const EntityTriple& t : p.triples) {
      const Vid pred = view->Add(ViewTerm{iri(t.predicate), 0, false});
      const Vid obj = view->Add(ViewTerm{t.object_is_iri ? iri(t.object)
                                                         : SparqlTerm{SparqlTerm::Kind::kLiteral, t.object, "", ""},
                                         0, false});
      view->spo_.push_back({p.subject, pred, obj});
    }
  }
  // An entity listed twice (a stored term and a link) must not give its triples twice.
  std::sort(view->spo_.begin(), view->spo_.end());
  view->spo_.erase(std::unique(view->spo_.begin(), view->spo_.end()), view->spo_.end());
  for (const Triple& t : view->spo_) {
    view->pos_.push_back({t[1], t[2], t[0]});
    view->osp_.push_back({t[2], t[0], t[1]});
  }
  std::sort(view->pos_.begin(), view->pos_.end());
  std::sort(view->osp_.begin(), view->osp_.end());
  view->Seal();

  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();
  view->fact_count_ = stats->facts;

  // Facts per predicate, as a Scan sees them (every position a term of the
  // view): the planner's estimate of a pattern binding only its predicate,
  // and COUNT ... GROUP BY ?p without reading a fact. One prefix scan each.
  for (Vid vp = 1; vp <= view->size(); ++vp) {
    const ViewTerm& t = view->term(vp);
    if (!t.store_predicate) continue;
    std::uint64_t n = 0;
    VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, t.store_id, std::nullopt}, [&](TermId s, TermId, TermId o) {
      if (view->FromStore(s) && view->FromStore(o)) ++n;
      return true;
    }));
    if (view->facts_by_predicate_.size() <= vp) view->facts_by_predicate_.resize(vp + 1, 0);
    view->facts_by_predicate_[vp] = n;
  }
  return view;
}

std::string View::Encode() const {
  DerivedWriter out;
  out.U64(terms_.size());
  for (const ViewTerm& t : terms_)
    out.U32(static_cast<std::uint32_t>(t.term.kind))
        .Str(t.term.value)
        .Str(t.term.datatype)
        .Str(t.term.lang)
        .U64(t.store_id)
        .U32(t.store_predicate ? 1 : 0);
  for (const std::vector<Triple>* index : {&spo_, &pos_, &osp_}) {
    out.U64(index->size());
    for (const Triple& t : *index) out.U32(t[0]).U32(t[1]).U32(t[2]);
  }
  out.U64(fact_count_);
  out.U64(facts_by_predicate_.size());
  for (std::uint64_t n : facts_by_predicate_) out.U64(n);
  out.U64(by_term_.size());
  for (Vid v : by_term_) out.U32(v);
  out.U64(by_store_id_.size());
  for (const auto& [id, v] : by_store_id_) out.U64(id).U32(v);
  return out.Take();
}

Result<std::unique_ptr<View>> View::Load(const Store& store) {
  auto kept = store.ReadDerived(kDerivedName);
  if (!kept.ok()) return kept.status();
  if (!kept.value()) return Build(store);
  auto view = std::unique_ptr<View>(new View());
  DerivedReader in(kept.value()->bytes());
  std::uint64_t n = 0, term_count = 0;
  if (in.U64(n)) {
    term_count = n;
    view->terms_.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
      ViewTerm t;
      std::uint32_t kind = 0, is_predicate = 0;
      if (!in.U32(kind) || !in.Str(t.term.value) || !in.Str(t.term.datatype) || !in.Str(t.term.lang) ||
          !in.U64(t.store_id) || !in.U32(is_predicate))
        break;
      t.term.kind = static_cast<SparqlTerm::Kind>(kind);
      t.store_predicate = is_predicate != 0;
      view->terms_.push_back(std::move(t));
    }
  }
  for (std::vector<Triple>* index : {&view->spo_, &view->pos_, &view->osp_}) {
    if (!in.U64(n)) break;
    index->resize(n);
    for (Triple& t : *index)
      if (!in.U32(t[0]) || !in.U32(t[1]) || !in.U32(t[2])) break;
  }
  in.U64(view->fact_count_);
  if (in.U64(n)) {
    view->facts_by_predicate_.resize(n);
    for (std::uint64_t& count : view->facts_by_predicate_)
      if (!in.U64(count)) break;
  }
  if (in.U64(n)) {
    view->by_term_.resize(n);
    for (Vid& v : view->by_term_)
      if (!in.U32(v)) break;
  }
  if (in.U64(n)) {
    view->by_store_id_.resize(n);
    for (auto& [id, v] : view->by_store_id_)
      if (!in.U64(id) || !in.U32(v)) break;
  }
  bool in_range = view->terms_.size() == term_count && view->by_term_.size() == term_count;
  for (Vid v : view->by_term_) in_range = in_range && v && v <= term_count;
  for (const auto& entry : view->by_store_id_) in_range = in_range && entry.second && entry.second <= term_count;
  for (const std::vector<Triple>* index : {&view->spo_, &view->pos_, &view->osp_})
    for (const Triple& t : *index)
      in_range = in_range && t[0] && t[1] && t[2] && t[0] <= term_count && t[1] <= term_count && t[2] <= term_count;
  if (!in.ok() || !in_range) return Status::Corruption("the stored SPARQL view does not decode");
  return view;
}

}  // namespace vnkg::sparql
