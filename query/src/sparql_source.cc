// The RDF view of a Store as a TripleSource (sparql_internal.h): attribute
// triples from the View, facts from Store::Match prefix scans.
#include <sstream>
#include <unordered_map>

#include "sparql_internal.h"

namespace vnkg::sparql {
namespace {

class StoreSource final : public TripleSource {
 public:
  StoreSource(const Store& store, std::unique_ptr<View> view) : store_(store), view_(std::move(view)) {}

  std::size_t size() const override { return view_->size(); }
  const SparqlTerm& term(Vid id) const override { return view_->term(id); }
  Vid Lookup(const SparqlTerm& t) const override { return view_->Lookup(t); }

  Status Scan(Vid s, Vid p, Vid o, const std::function<bool(Vid, Vid, Vid)>& visit) const override {
    const std::size_t n = view_->size();
    if (s > n || p > n || o > n) return Status::Ok();  // a term not in the data
    bool go_on = true;
    if (!p || !view_->store_predicate(p)) {
      view_->MatchAttributes(s, p, o, [&](Vid a, Vid b, Vid c) { return go_on = visit(a, b, c); });
      if (!go_on) return Status::Ok();
    }
    return ScanFacts(s, p, o, visit);
  }

  // Counts without rows: attributes from one range of the view's orderings,
  // facts per predicate from the view's counts when the predicate is the
  // group (or the only bound position), else one prefix scan of the store.
  Status CountBy(Vid s, Vid p, Vid o, int group, std::vector<std::pair<Vid, std::uint64_t>>& out) const override {
    out.clear();
    std::unordered_map<Vid, std::uint64_t> tally;
    std::uint64_t total = 0;
    auto add = [&](Vid key, std::uint64_t k) {
      if (group < 0) total += k;
      else if (k) tally[key] += k;
    };
    const std::size_t n = view_->size();
    if (s <= n && p <= n && o <= n) {
      if (!p || !view_->store_predicate(p))
        view_->MatchAttributes(s, p, o, [&](Vid a, Vid b, Vid c) {
          const Vid spo[3] = {a, b, c};
          add(group < 0 ? 0 : spo[group], 1);
          return true;
        });
      if (!s && !o && group != 0 && group != 2) {
        if (!p) {
          for (Vid v = 1; v <= n; ++v) add(v, view_->FactCount(v));
        } else if (view_->store_predicate(p)) {
          add(p, view_->FactCount(p));
        }
      } else {
        VNKG_RETURN_IF_ERROR(ScanFacts(s, p, o, [&](Vid a, Vid b, Vid c) {
          const Vid spo[3] = {a, b, c};
          add(group < 0 ? 0 : spo[group], 1);
          return true;
        }));
      }
    }
    if (group < 0) out.emplace_back(0, total);
    else out.assign(tally.begin(), tally.end());
    return Status::Ok();
  }

  // Matches of the pattern, counted up to a cap: cheap, and exact where it
  // matters (the selective patterns).
  Result<double> Estimate(Vid s, Vid p, Vid o) const override {
    const std::size_t n = view_->size();
    if (s > n || p > n || o > n) return 0.0;
    const bool fact_predicate = p && view_->store_predicate(p);
    double count = fact_predicate ? 0 : double(view_->CountAttributes(s, p, o));
    if (p && !fact_predicate) return count;
    if (!s && !p && !o) return count + double(view_->fact_count());
    if (p && !s && !o) return double(view_->FactCount(p));  // exact, counted with the view
    constexpr std::size_t kCap = 10000;
    std::size_t facts = 0;
    Status st = Scan(s, p, o, [&](Vid, Vid b, Vid) {
      if (!p && !view_->store_predicate(b)) return true;  // attributes were counted above
      return ++facts < kCap;
    });
    if (!st.ok()) return st;
    return count + double(facts);
  }

  std::vector<std::string> Provenance(Vid s, Vid p, Vid o) const override {
    std::vector<std::string> out;
    const std::size_t n = view_->size();
    if (!s || !p || !o || s > n || p > n || o > n) return out;
    if (!view_->store_id(s) || !view_->store_predicate(p) || !view_->store_id(o) || view_->store_predicate(o)) return out;
    auto records = store_.GetProvenance(view_->store_id(s), view_->store_id(p), view_->store_id(o));
    if (!records.ok()) return out;
    for (const auto& r : *records) {
      std::ostringstream line;
      line << "from " << r.doc << ", sentence at " << r.sentence_offset << ", confidence " << r.confidence;
      if (!r.evidence.empty()) line << ": " << r.evidence;
      std::string text = line.str();
      for (char& ch : text)
        if (ch == '\n' || ch == '\r') ch = ' ';
      out.push_back(std::move(text));
    }
    return out;
  }

 private:
  // The facts (not attributes) of the pattern: one Store::Match.
  Status ScanFacts(Vid s, Vid p, Vid o, const std::function<bool(Vid, Vid, Vid)>& visit) const {
    TriplePattern pattern;
    if (p) {
      if (!view_->store_predicate(p)) return Status::Ok();
      pattern.predicate = view_->store_id(p);
    }
    for (auto [vid, slot] : {std::pair{s, &pattern.subject}, std::pair{o, &pattern.object}}) {
      if (!vid) continue;
      // Literals and unstored entities are in no fact.
      if (!view_->store_id(vid) || view_->store_predicate(vid)) return Status::Ok();
      *slot = view_->store_id(vid);
    }
    return store_.Match(pattern, [&](TermId a, TermId b, TermId c) {
      const Vid va = view_->FromStore(a), vb = view_->FromStore(b), vc = view_->FromStore(c);
      if (!va || !vb || !vc) return true;  // a predicate outside the vocabulary: not in the RDF view
      return visit(va, vb, vc);
    });
  }

  const Store& store_;
  std::unique_ptr<View> view_;
};

}  // namespace

Status TripleSource::CountBy(Vid s, Vid p, Vid o, int group, std::vector<std::pair<Vid, std::uint64_t>>& out) const {
  std::unordered_map<Vid, std::uint64_t> tally;
  std::uint64_t total = 0;
  VNKG_RETURN_IF_ERROR(Scan(s, p, o, [&](Vid a, Vid b, Vid c) {
    const Vid spo[3] = {a, b, c};
    if (group < 0) ++total;
    else ++tally[spo[group]];
    return true;
  }));
  out.clear();
  if (group < 0) out.emplace_back(0, total);
  else out.assign(tally.begin(), tally.end());
  return Status::Ok();
}

std::unique_ptr<TripleSource> MakeStoreSource(const Store& store, std::unique_ptr<View> view) {
  return std::make_unique<StoreSource>(store, std::move(view));
}

}  // namespace vnkg::sparql
