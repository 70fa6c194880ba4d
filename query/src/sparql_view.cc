// The RDF view but its facts: every term (entities, their classes and
// literals, the predicates) gets a dense id, and the entity attribute triples
// of EntityRdfTriples are kept in three sorted orderings. Facts are not
// copied: they stay in the store and are read with Store::Match.
//
// The byte layout (kDerivedName), read in place by View: fixed-width
// little-endian numbers, every section at an offset the header's counts give,
// so that a reader finds a term, a triple or a lookup entry without reading
// what comes before it.
//   header        6 x u64: terms T, attribute triples A, facts, entries P of
//                 the facts per predicate, entries S of the store-id table,
//                 bytes B of the strings
//   facts per predicate   P x u64, by id
//   terms         T x 24 bytes, by id - 1: u64 store id (0: none), u32 end of
//                 its strings (they start where the previous term's end),
//                 u32 length of the value, u32 length of the datatype (the
//                 lang is the rest), u32 flags (low byte: the kind; 0x100:
//                 the store id names a predicate)
//   spo, pos, osp A x 3 x u32 each: the triples in that position order, sorted
//   by term       T x u32: the ids sorted by (kind, value, datatype, lang)
//   by store id   S x (u64 store id, u32 id), sorted by store id
//   strings       B bytes
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <tuple>

#include "sparql_internal.h"
#include "vnkg/model/rdf.h"

namespace vnkg::sparql {

namespace {

constexpr std::size_t kHeaderBytes = 6 * 8;
constexpr std::size_t kTermBytes = 24;
constexpr std::size_t kTripleBytes = 12;
constexpr std::size_t kStoreIdBytes = 12;
constexpr std::uint32_t kPredicateFlag = 0x100;

auto TermFields(const SparqlTerm& t) {
  return std::make_tuple(t.kind, std::string_view(t.value), std::string_view(t.datatype), std::string_view(t.lang));
}

void PutU32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void PutU64(std::string& out, std::uint64_t v) {
  PutU32(out, static_cast<std::uint32_t>(v));
  PutU32(out, static_cast<std::uint32_t>(v >> 32));
}

struct BuildTerm {
  SparqlTerm term;
  TermId store_id = 0;           // the store's id of an entity or predicate, else 0
  bool store_predicate = false;  // store_id names a predicate
};

// The view while it is computed: terms found by key, triples in a vector.
class Builder {
 public:
  Vid Add(BuildTerm term) {
    std::string key = View::Key(term.term);
    auto it = by_key_.find(key);
    if (it != by_key_.end()) {
      BuildTerm& existing = terms_[it->second - 1];
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
  bool Has(const SparqlTerm& t) const { return by_key_.count(View::Key(t)) > 0; }
  const BuildTerm& term(Vid id) const { return terms_[id - 1]; }
  std::size_t size() const { return terms_.size(); }
  void AddTriple(Vid s, Vid p, Vid o) { spo_.push_back({s, p, o}); }

  // Sorts the orderings and the store-id table; after this, FromStore works.
  void Seal() {
    // An entity listed twice (a stored term and a link) must not give its triples twice.
    std::sort(spo_.begin(), spo_.end());
    spo_.erase(std::unique(spo_.begin(), spo_.end()), spo_.end());
    // A store id met twice keeps its first term.
    std::stable_sort(by_store_id_.begin(), by_store_id_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    by_store_id_.erase(std::unique(by_store_id_.begin(), by_store_id_.end(),
                                   [](const auto& a, const auto& b) { return a.first == b.first; }),
                       by_store_id_.end());
  }
  Vid FromStore(TermId id) const {
    auto it = std::lower_bound(by_store_id_.begin(), by_store_id_.end(), id,
                               [](const std::pair<TermId, Vid>& a, TermId b) { return a.first < b; });
    return it != by_store_id_.end() && it->first == id ? it->second : 0;
  }
  void SetFactCount(Vid p, std::uint64_t n) {
    if (facts_by_predicate_.size() <= p) facts_by_predicate_.resize(p + 1, 0);
    facts_by_predicate_[p] = n;
  }

  // The byte layout of the file comment. REQUIRES: Seal() called.
  // Errors: kInvalidArgument when the strings exceed what a u32 offset reaches.
  Result<std::string> Encode(std::uint64_t fact_count) const {
    std::string strings;
    for (const BuildTerm& t : terms_) strings.append(t.term.value).append(t.term.datatype).append(t.term.lang);
    if (strings.size() > 0xFFFFFFFFu) return Status::InvalidArgument("the SPARQL view's strings exceed 4 GiB");
    std::vector<Vid> by_term(terms_.size());
    for (std::size_t i = 0; i < by_term.size(); ++i) by_term[i] = static_cast<Vid>(i + 1);
    std::sort(by_term.begin(), by_term.end(),
              [&](Vid a, Vid b) { return TermFields(term(a).term) < TermFields(term(b).term); });

    std::string out;
    out.reserve(kHeaderBytes + 8 * facts_by_predicate_.size() + (kTermBytes + 4) * terms_.size() +
                3 * kTripleBytes * spo_.size() + kStoreIdBytes * by_store_id_.size() + strings.size());
    for (std::uint64_t n : {std::uint64_t(terms_.size()), std::uint64_t(spo_.size()), fact_count,
                            std::uint64_t(facts_by_predicate_.size()), std::uint64_t(by_store_id_.size()),
                            std::uint64_t(strings.size())})
      PutU64(out, n);
    for (std::uint64_t n : facts_by_predicate_) PutU64(out, n);
    std::uint32_t end = 0;
    for (const BuildTerm& t : terms_) {
      end += static_cast<std::uint32_t>(t.term.value.size() + t.term.datatype.size() + t.term.lang.size());
      PutU64(out, t.store_id);
      PutU32(out, end);
      PutU32(out, static_cast<std::uint32_t>(t.term.value.size()));
      PutU32(out, static_cast<std::uint32_t>(t.term.datatype.size()));
      PutU32(out, static_cast<std::uint32_t>(t.term.kind) | (t.store_predicate ? kPredicateFlag : 0));
    }
    for (std::array<int, 3> order : {std::array<int, 3>{0, 1, 2}, {1, 2, 0}, {2, 0, 1}}) {
      std::vector<View::Triple> index;
      index.reserve(spo_.size());
      for (const View::Triple& t : spo_) index.push_back({t[order[0]], t[order[1]], t[order[2]]});
      std::sort(index.begin(), index.end());
      for (const View::Triple& t : index)
        for (Vid v : t) PutU32(out, v);
    }
    for (Vid v : by_term) PutU32(out, v);
    for (const auto& [id, v] : by_store_id_) {
      PutU64(out, id);
      PutU32(out, v);
    }
    out.append(strings);
    return out;
  }

 private:
  std::vector<BuildTerm> terms_;
  std::unordered_map<std::string, Vid> by_key_;
  std::vector<std::pair<TermId, Vid>> by_store_id_;
  std::vector<View::Triple> spo_;
  std::vector<std::uint64_t> facts_by_predicate_;  // by Vid; predicates take the first ids
};

}  // namespace

std::string View::Key(const SparqlTerm& t) {
  std::string key(1, t.kind == SparqlTerm::Kind::kIri ? 'I' : 'L');
  key += t.value;
  key += '\0';
  key += t.datatype;
  key += '\0';
  key += t.lang;
  return key;
}

Result<std::unique_ptr<View>> View::Open(PinnedBytes bytes) {
  auto view = std::unique_ptr<View>(new View(std::move(bytes)));
  const std::string_view in = view->bytes();
  const char* at = in.data();
  std::size_t left = in.size();
  auto corrupt = [] { return Status::Corruption("the stored SPARQL view does not decode"); };
  if (left < kHeaderBytes) return corrupt();
  std::uint64_t header[6];
  for (int i = 0; i < 6; ++i) header[i] = LoadU64(at + 8 * i);
  at += kHeaderBytes, left -= kHeaderBytes;
  // Each section in turn: `count` items of `width` bytes, if the bytes hold them.
  auto take = [&](std::uint64_t count, std::size_t width, const char*& section) {
    if (count > left / width) return false;
    section = at;
    at += count * width, left -= count * width;
    return true;
  };
  const std::uint64_t terms = header[0], triples = header[1], predicates = header[3], store_ids = header[4];
  const char *spo = nullptr, *pos = nullptr, *osp = nullptr;
  if (terms > 0xFFFFFFFFu || !take(predicates, 8, view->facts_by_predicate_) ||
      !take(terms, kTermBytes, view->terms_) || !take(triples, kTripleBytes, spo) ||
      !take(triples, kTripleBytes, pos) || !take(triples, kTripleBytes, osp) || !take(terms, 4, view->by_term_) ||
      !take(store_ids, kStoreIdBytes, view->by_store_id_) || !take(header[5], 1, view->strings_) || left != 0)
    return corrupt();
  view->term_count_ = terms;
  view->triple_count_ = triples;
  view->fact_count_ = header[2];
  view->predicate_count_ = predicates;
  view->store_id_count_ = store_ids;
  view->strings_size_ = header[5];
  view->spo_ = {spo, {0, 1, 2}};
  view->pos_ = {pos, {1, 2, 0}};
  view->osp_ = {osp, {2, 0, 1}};
  // Zeroed pages from calloc: a slot's page is touched when its term is first used.
  view->decoded_.reset(static_cast<const SparqlTerm**>(std::calloc(terms ? terms : 1, sizeof(const SparqlTerm*))));
  if (!view->decoded_) throw std::bad_alloc();  // as any other allocation of the engine
  return view;
}

View::~View() {
  if (!decoded_) return;
  for (std::size_t i = 0; i < term_count_; ++i) delete decoded_[i];
}

const char* View::TermRecord(Vid id) const { return terms_ + kTermBytes * (id - 1); }

TermId View::store_id(Vid id) const { return LoadU64(TermRecord(id)); }

bool View::store_predicate(Vid id) const { return (LoadU32(TermRecord(id) + 20) & kPredicateFlag) != 0; }

View::TermView View::Fields(Vid id) const {
  TermView out;
  if (!id || id > term_count_) return out;
  const char* record = TermRecord(id);
  const std::uint64_t begin = id == 1 ? 0 : LoadU32(TermRecord(id - 1) + 8), end = LoadU32(record + 8);
  const std::uint64_t value = LoadU32(record + 12), datatype = LoadU32(record + 16);
  const std::uint32_t kind = LoadU32(record + 20) & 0xFF;
  if (begin > end || end > strings_size_ || value + datatype > end - begin ||
      (kind != static_cast<std::uint32_t>(SparqlTerm::Kind::kIri) &&
       kind != static_cast<std::uint32_t>(SparqlTerm::Kind::kLiteral)))
    return out;  // damaged bytes
  const char* text = strings_ + begin;
  out.kind = static_cast<SparqlTerm::Kind>(kind);
  out.value = std::string_view(text, value);
  out.datatype = std::string_view(text + value, datatype);
  out.lang = std::string_view(text + value + datatype, end - begin - value - datatype);
  return out;
}

const SparqlTerm& View::term(Vid id) const {
  std::atomic_ref<const SparqlTerm*> slot(decoded_[id - 1]);
  if (const SparqlTerm* t = slot.load(std::memory_order_acquire)) return *t;
  const TermView f = Fields(id);
  auto made = std::make_unique<const SparqlTerm>(
      SparqlTerm{f.kind, std::string(f.value), std::string(f.datatype), std::string(f.lang)});
  const SparqlTerm* expected = nullptr;
  if (slot.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel, std::memory_order_acquire))
    return *made.release();
  return *expected;  // another thread decoded it first
}

Vid View::Lookup(const SparqlTerm& t) const {
  const auto wanted = TermFields(t);
  auto fields = [&](Vid v) {
    const TermView f = Fields(v);
    return std::make_tuple(f.kind, f.value, f.datatype, f.lang);
  };
  std::size_t lo = 0, hi = term_count_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (fields(LoadU32(by_term_ + 4 * mid)) < wanted) lo = mid + 1;
    else hi = mid;
  }
  if (lo == term_count_) return 0;
  const Vid v = LoadU32(by_term_ + 4 * lo);
  return v && v <= term_count_ && fields(v) == wanted ? v : 0;
}

Vid View::FromStore(TermId id) const {
  std::size_t lo = 0, hi = store_id_count_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (LoadU64(by_store_id_ + kStoreIdBytes * mid) < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo == store_id_count_ || LoadU64(by_store_id_ + kStoreIdBytes * lo) != id) return 0;
  const Vid v = LoadU32(by_store_id_ + kStoreIdBytes * lo + 8);
  return v <= term_count_ ? v : 0;
}

std::uint64_t View::FactCount(Vid p) const { return p < predicate_count_ ? LoadU64(facts_by_predicate_ + 8 * p) : 0; }

std::pair<std::size_t, std::size_t> View::Range(const Ordering& index, Triple key, int bound) const {
  const Triple probe{key[index.order[0]], key[index.order[1]], key[index.order[2]]};
  // -1, 0, 1 as the first `bound` positions of triple i compare to the probe's.
  auto compare = [&](std::size_t i) {
    const Triple t = index.at(i);
    for (int k = 0; k < bound; ++k)
      if (t[k] != probe[k]) return t[k] < probe[k] ? -1 : 1;
    return 0;
  };
  std::size_t lo = 0, hi = triple_count_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (compare(mid) < 0) lo = mid + 1;
    else hi = mid;
  }
  std::size_t end_lo = lo, end_hi = triple_count_;
  while (end_lo < end_hi) {
    const std::size_t mid = end_lo + (end_hi - end_lo) / 2;
    if (compare(mid) <= 0) end_lo = mid + 1;
    else end_hi = mid;
  }
  return {lo, end_lo};
}

std::size_t View::CountAttributes(Vid s, Vid p, Vid o) const {
  std::size_t n = 0;
  if (s && p && o) {
    MatchAttributes(s, p, o, [&](Vid, Vid, Vid) { return ++n, true; });
    return n;
  }
  // Ranges are exact except for (s, o) bound without p, which is rare.
  auto width = [](std::pair<std::size_t, std::size_t> r) { return r.second - r.first; };
  if (s) return width(Range(spo_, {s, p, o}, p ? 2 : 1));
  if (p) return width(Range(pos_, {s, p, o}, o ? 2 : 1));
  if (o) return width(Range(osp_, {s, p, o}, 1));
  return triple_count_;
}

Result<std::unique_ptr<View>> View::Build(const Store& store) {
  Builder view;
  auto iri = [](std::string value) { return SparqlTerm{SparqlTerm::Kind::kIri, std::move(value), "", ""}; };

  // Predicates first, so that a store predicate id maps to its vn: IRI.
  for (std::string_view name : kPredicates) {
    auto id = store.FindPredicate(std::string(name));
    if (!id.ok()) return id.status();
    view.Add(BuildTerm{iri(std::string(kVnNamespace).append(name)), id->value_or(0), id->has_value()});
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
    const Vid v = view.Add(BuildTerm{iri(EntityIri(e)), id, false});
    pending.push_back({v, EntityRdfTriples(e)});
    for (Entity& l : EntityRdfLinks(e)) linked.push_back(std::move(l));
    return true;
  });
  if (!status.ok()) return status;
  for (const Entity& e : linked) {
    SparqlTerm t = iri(EntityIri(e));
    if (view.Has(t)) continue;
    const Vid v = view.Add(BuildTerm{std::move(t), 0, false});
    pending.push_back({v, EntityRdfTriples(e)});
  }
  for (const Pending& p : pending) {
    for (const EntityTriple& t : p.triples) {
      const Vid pred = view.Add(BuildTerm{iri(t.predicate), 0, false});
      const Vid obj = view.Add(BuildTerm{t.object_is_iri ? iri(t.object)
                                                         : SparqlTerm{SparqlTerm::Kind::kLiteral, t.object, "", ""},
                                         0, false});
      view.AddTriple(p.subject, pred, obj);
    }
  }
  view.Seal();

  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();

  // Facts per predicate, as a Scan sees them (every position a term of the
  // view): the planner's estimate of a pattern binding only its predicate,
  // and COUNT ... GROUP BY ?p without reading a fact. One prefix scan each.
  for (Vid vp = 1; vp <= view.size(); ++vp) {
    const BuildTerm& t = view.term(vp);
    if (!t.store_predicate) continue;
    std::uint64_t n = 0;
    VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, t.store_id, std::nullopt}, [&](TermId s, TermId, TermId o) {
      if (view.FromStore(s) && view.FromStore(o)) ++n;
      return true;
    }));
    view.SetFactCount(vp, n);
  }
  auto bytes = view.Encode(stats->facts);
  if (!bytes.ok()) return bytes.status();
  return Open(PinnedBytes(std::move(bytes.value())));
}

Result<std::unique_ptr<View>> View::Load(const Store& store) {
  auto kept = store.ReadDerived(kDerivedName);
  if (!kept.ok()) return kept.status();
  if (!kept.value()) return Build(store);
  return Open(std::move(*kept.value()));
}

}  // namespace vnkg::sparql
