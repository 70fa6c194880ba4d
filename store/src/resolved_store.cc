#include "resolved_store.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <tuple>
#include <unordered_map>

#include "vnkg/model/text.h"
#include "vnkg/resolve/events.h"

namespace vnkg {
namespace {

// Which stored terms are shown as which.
struct Resolution {
  std::unordered_map<TermId, TermId> representative;        // a merged term -> the term shown for it
  std::unordered_map<TermId, std::vector<TermId>> members;  // a shown term of several -> all of them
  std::unordered_map<TermId, Entity> shown;                 // a shown term whose entity is not as stored
  std::unordered_map<std::string, TermId> by_key;           // EntityKey of a shown entity -> its term

  TermId Canonical(TermId id) const {
    auto it = representative.find(id);
    return it == representative.end() ? id : it->second;
  }
  bool Merged(TermId canonical) const { return members.count(canonical) > 0; }
  std::vector<TermId> Members(TermId canonical) const {
    auto it = members.find(canonical);
    return it == members.end() ? std::vector<TermId>{canonical} : it->second;
  }
};

std::string DocOfMention(const std::string& mention) { return mention.substr(0, mention.rfind('#')); }

class ResolvedStore final : public Store {
 public:
  explicit ResolvedStore(std::unique_ptr<Store> stored) : stored_(std::move(stored)) {}

  Result<IngestOutcome> PutDocument(const DocumentRecord& record, const std::vector<Fact>& facts) override {
    auto outcome = stored_->PutDocument(record, facts);
    std::lock_guard lock(mutex_);
    resolution_.reset();
    return outcome;
  }
  // Ingest ends with a Sync: the resolution is computed there once, and kept
  // (derived data, stamped with the write generation) so that readers load it
  // instead of resolving every stored event again.
  Status Sync() override {
    VNKG_RETURN_IF_ERROR(stored_->Sync());
    auto kept = stored_->ReadDerived(kResolutionName);
    if (!kept.ok()) return kept.status();
    if (kept.value()) return Status::Ok();
    auto r = Resolve();
    if (!r.ok()) return r.status();
    return stored_->PutDerived(kResolutionName, Encode(*r.value()));
  }
  Result<std::optional<PinnedBytes>> ReadDerived(const std::string& name) const override {
    return stored_->ReadDerived(name);
  }
  Status PutDerived(const std::string& name, std::string_view value) override {
    return stored_->PutDerived(name, value);
  }
  Status DropDerived(const std::string& name) override { return stored_->DropDerived(name); }
  Result<std::optional<DocumentRecord>> GetDocument(const std::string& id) const override {
    return stored_->GetDocument(id);
  }
  Result<std::vector<DocumentRecord>> ListDocuments() const override { return stored_->ListDocuments(); }
  Result<std::optional<TermId>> FindPredicate(const std::string& predicate) const override {
    return stored_->FindPredicate(predicate);
  }
  Result<std::string> GetPredicate(TermId id) const override { return stored_->GetPredicate(id); }
  Result<StoreStats> Stats() const override { return stored_->Stats(); }

  Result<std::optional<TermId>> FindEntity(const Entity& entity) const override {
    auto r = Resolve();
    if (!r.ok()) return r.status();
    const Resolution& res = *r.value();
    if (entity.type == EntityType::kEvent || entity.type == EntityType::kBridgePoint)
      if (auto it = res.by_key.find(EntityKey(entity)); it != res.by_key.end()) return std::optional<TermId>(it->second);
    auto id = stored_->FindEntity(entity);
    if (!id.ok() || !id.value()) return id;
    return std::optional<TermId>(res.Canonical(*id.value()));
  }

  Result<Entity> GetEntity(TermId id) const override {
    auto r = Resolve();
    if (!r.ok()) return r.status();
    const TermId canonical = r.value()->Canonical(id);
    if (auto it = r.value()->shown.find(canonical); it != r.value()->shown.end()) return it->second;
    return stored_->GetEntity(canonical);
  }

  Status ForEachEntity(const std::function<bool(TermId, const Entity&)>& visit) const override {
    auto r = Resolve();
    if (!r.ok()) return r.status();
    const Resolution& res = *r.value();
    return stored_->ForEachEntity([&](TermId id, const Entity& entity) {
      if (res.Canonical(id) != id) return true;
      auto it = res.shown.find(id);
      return visit(id, it == res.shown.end() ? entity : it->second);
    });
  }

  Status ForEachEntityNamed(const std::string& loose_name,
                            const std::function<bool(TermId, const Entity&)>& visit) const override {
    // Only events and bridge points are ever merged or shown otherwise.
    std::shared_ptr<const Resolution> res;
    Status failure;
    VNKG_RETURN_IF_ERROR(stored_->ForEachEntityNamed(loose_name, [&](TermId id, const Entity& entity) {
      if (entity.type != EntityType::kEvent && entity.type != EntityType::kBridgePoint) return visit(id, entity);
      if (!res) {
        auto r = Resolve();
        if (!r.ok()) {
          failure = r.status();
          return false;
        }
        res = r.value();
      }
      if (res->Canonical(id) != id) return true;
      auto it = res->shown.find(id);
      return visit(id, it == res->shown.end() ? entity : it->second);
    }));
    return failure;
  }

  Status Match(const TriplePattern& pattern,
               const std::function<bool(TermId s, TermId p, TermId o)>& visit) const override {
    auto r = Resolve();
    if (!r.ok()) return r.status();
    const Resolution& res = *r.value();
    auto expand = [&](const std::optional<TermId>& id) {
      std::vector<std::optional<TermId>> out;
      if (!id) return std::vector<std::optional<TermId>>{std::nullopt};
      for (TermId m : res.Members(res.Canonical(*id))) out.push_back(m);
      return out;
    };
    std::set<std::tuple<TermId, TermId, TermId>> seen;  // triples of merged terms, shown once
    bool stopped = false;
    for (const auto& s : expand(pattern.subject))
      for (const auto& o : expand(pattern.object)) {
        if (stopped) return Status::Ok();
        VNKG_RETURN_IF_ERROR(stored_->Match(TriplePattern{s, pattern.predicate, o}, [&](TermId a, TermId b, TermId c) {
          const TermId ca = res.Canonical(a), cc = res.Canonical(c);
          if ((res.Merged(ca) || res.Merged(cc)) && !seen.emplace(ca, b, cc).second) return true;
          if (!visit(ca, b, cc)) stopped = true;
          return !stopped;
        }));
      }
    return Status::Ok();
  }

  Result<std::vector<Provenance>> GetProvenance(TermId s, TermId p, TermId o) const override {
    auto r = Resolve();
    if (!r.ok()) return r.status();
    const Resolution& res = *r.value();
    std::vector<Provenance> out;
    for (TermId sm : res.Members(res.Canonical(s)))
      for (TermId om : res.Members(res.Canonical(o))) {
        auto part = stored_->GetProvenance(sm, p, om);
        if (!part.ok()) return part.status();
        for (Provenance& prov : part.value()) out.push_back(std::move(prov));
      }
    return out;
  }

  // Every shown fact once, its provenance gathered from the reports it stands for.
  Status ForEachFact(const std::function<bool(const StoredFact&)>& visit) const override {
    std::unordered_map<TermId, Entity> entities;
    std::unordered_map<TermId, std::string> predicates;
    Status failure;
    auto entity_of = [&](TermId id) -> Result<Entity> {
      if (auto it = entities.find(id); it != entities.end()) return it->second;
      auto e = GetEntity(id);
      if (e.ok()) entities.emplace(id, e.value());
      return e;
    };
    VNKG_RETURN_IF_ERROR(Match(TriplePattern{}, [&](TermId s, TermId p, TermId o) {
      StoredFact fact;
      fact.subject_id = s, fact.predicate_id = p, fact.object_id = o;
      auto subject = entity_of(s);
      auto object = entity_of(o);
      if (!subject.ok() || !object.ok()) {
        failure = subject.ok() ? object.status() : subject.status();
        return false;
      }
      fact.subject = subject.value();
      fact.object = object.value();
      auto predicate = predicates.find(p);
      if (predicate == predicates.end()) {
        auto name = GetPredicate(p);
        if (!name.ok()) {
          failure = name.status();
          return false;
        }
        predicate = predicates.emplace(p, name.value()).first;
      }
      fact.predicate = predicate->second;
      auto provenance = GetProvenance(s, p, o);
      if (!provenance.ok()) {
        failure = provenance.status();
        return false;
      }
      fact.provenance = std::move(provenance.value());
      return visit(fact);
    }));
    return failure;
  }

 private:
  Result<std::shared_ptr<const Resolution>> Resolve() const {
    std::lock_guard lock(mutex_);
    if (resolution_) return resolution_;
    auto kept = stored_->ReadDerived(kResolutionName);
    if (!kept.ok()) return kept.status();
    if (kept.value()) {
      auto decoded = Decode(kept.value()->bytes());
      if (!decoded) return Status::Corruption("the stored resolution of events does not decode");
      resolution_ = std::make_shared<const Resolution>(std::move(*decoded));
      return resolution_;
    }
    auto built = Build();
    if (!built.ok()) return built.status();
    resolution_ = std::make_shared<const Resolution>(std::move(built.value()));
    return resolution_;
  }

  static constexpr const char* kResolutionName = "resolution/1";  // a new byte layout takes a new name

  // representative pairs, members lists, shown entities, keys: each a count, then its rows.
  static std::string Encode(const Resolution& res) {
    DerivedWriter out;
    out.U64(res.representative.size());
    for (const auto& [id, rep] : res.representative) out.U64(id).U64(rep);
    out.U64(res.members.size());
    for (const auto& [rep, members] : res.members) {
      out.U64(rep).U64(members.size());
      for (TermId m : members) out.U64(m);
    }
    out.U64(res.shown.size());
    for (const auto& [id, entity] : res.shown) out.U64(id).Entity(entity);
    out.U64(res.by_key.size());
    for (const auto& [key, id] : res.by_key) out.Str(key).U64(id);
    return out.Take();
  }

  static std::optional<Resolution> Decode(std::string_view bytes) {
    DerivedReader in(bytes);
    Resolution res;
    std::uint64_t n = 0, a = 0, b = 0;
    if (in.U64(n))
      for (std::uint64_t i = 0; i < n && in.U64(a) && in.U64(b); ++i) res.representative.emplace(a, b);
    if (in.U64(n))
      for (std::uint64_t i = 0; i < n && in.U64(a) && in.U64(b); ++i) {
        std::vector<TermId>& members = res.members[a];
        for (std::uint64_t j = 0, m = 0; j < b && in.U64(m); ++j) members.push_back(m);
      }
    if (in.U64(n))
      for (std::uint64_t i = 0; i < n && in.U64(a); ++i) {
        Entity e;
        if (in.Entity(e)) res.shown.emplace(a, std::move(e));
      }
    if (in.U64(n))
      for (std::uint64_t i = 0; i < n; ++i) {
        std::string key;
        if (!in.Str(key) || !in.U64(a)) break;
        res.by_key.emplace(std::move(key), a);
      }
    if (!in.ok()) return std::nullopt;
    return res;
  }

  Result<Resolution> Build() const {
    Resolution res;
    struct Term {
      TermId id;
      Entity entity;
    };
    std::vector<Term> events, bridges;
    VNKG_RETURN_IF_ERROR(stored_->ForEachEntity([&](TermId id, const Entity& e) {
      if (e.type == EntityType::kEvent && !e.mention.empty()) events.push_back({id, e});
      if (e.type == EntityType::kBridgePoint && !e.mention.empty()) bridges.push_back({id, e});
      return true;
    }));
    if (events.empty()) return res;
    auto located_in = stored_->FindPredicate("located_in");
    auto organized = stored_->FindPredicate("organized");
    if (!located_in.ok()) return located_in.status();
    if (!organized.ok()) return organized.status();

    std::vector<resolve::EventReport> reports;
    resolve::PairWeights weights;
    std::unordered_map<std::string, std::size_t> event_by_key;
    for (const Term& t : events) {
      resolve::EventReport report;
      report.key = EntityKey(t.entity);
      report.date = t.entity.date;
      report.doc = DocOfMention(t.entity.mention);
      resolve::SetAbout(report, t.entity.about);
      Status failure;
      if (*located_in.value())
        VNKG_RETURN_IF_ERROR(stored_->Match(TriplePattern{t.id, *located_in.value(), std::nullopt}, [&](TermId, TermId, TermId o) {
          auto place = stored_->GetEntity(o);
          if (!place.ok()) failure = place.status();
          else report.places.push_back(FoldKey(place->name));
          return failure.ok();
        }));
      if (*organized.value())
        VNKG_RETURN_IF_ERROR(stored_->Match(TriplePattern{std::nullopt, *organized.value(), t.id}, [&](TermId s, TermId, TermId) {
          auto body = stored_->GetEntity(s);
          if (!body.ok()) failure = body.status();
          else report.organizers.push_back(FoldKey(body->name));
          return failure.ok();
        }));
      VNKG_RETURN_IF_ERROR(failure);
      weights.Add(report);
      event_by_key.emplace(report.key, reports.size());
      reports.push_back(std::move(report));
    }
    const std::vector<std::size_t> representative = resolve::ResolveEvents(reports, weights);
    for (std::size_t i = 0; i < events.size(); ++i) {
      const TermId rep = events[representative[i]].id;
      if (rep != events[i].id) res.representative[events[i].id] = rep;
      res.members[rep].push_back(events[i].id);
    }
    for (auto it = res.members.begin(); it != res.members.end();)
      it = it->second.size() < 2 ? res.members.erase(it) : std::next(it);
    for (std::size_t i = 0; i < events.size(); ++i)
      if (representative[i] == i && res.members.count(events[i].id)) res.by_key.emplace(reports[i].key, events[i].id);

    // Bridge points: one per gathering and province, shown with the mention of their gathering.
    std::map<std::string, std::vector<const Term*>> bridges_by_key;  // shown key -> stored bridge points
    std::map<std::string, Entity> shown_bridge;
    for (const Term& t : bridges) {
      Entity event;
      event.type = EntityType::kEvent;
      event.date = t.entity.date;
      event.mention = t.entity.mention;
      Entity shown = t.entity;
      if (auto it = event_by_key.find(EntityKey(event)); it != event_by_key.end())
        shown.mention = events[representative[it->second]].entity.mention;
      const std::string key = EntityKey(shown);
      bridges_by_key[key].push_back(&t);
      shown_bridge.emplace(key, shown);
    }
    for (auto& [key, terms] : bridges_by_key) {
      std::sort(terms.begin(), terms.end(),
                [](const Term* a, const Term* b) { return EntityKey(a->entity) < EntityKey(b->entity); });
      const TermId rep = terms.front()->id;
      const Entity& shown = shown_bridge.at(key);
      if (!(shown == terms.front()->entity)) res.shown[rep] = shown;
      res.by_key.emplace(key, rep);
      if (terms.size() < 2) continue;
      for (const Term* t : terms) {
        if (t->id != rep) res.representative[t->id] = rep;
        res.members[rep].push_back(t->id);
      }
    }
    return res;
  }

  std::unique_ptr<Store> stored_;
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const Resolution> resolution_;
};

}  // namespace

std::unique_ptr<Store> ResolvingStore(std::unique_ptr<Store> stored) {
  return std::make_unique<ResolvedStore>(std::move(stored));
}

}  // namespace vnkg
