#include "vnkg/query/questions.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "vnkg/model/text.h"

namespace vnkg {
namespace {

// Levenshtein distance on bytes of loose-folded (ASCII) names.
std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> Distinct(std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

bool IsEventPredicate(const std::string& predicate) {
  return predicate == "chaired" || predicate == "attended" || predicate == "spoke_at";
}

// Lookups Who repeats for many rows: a document's date, an event's name by date.
class WhoContext {
 public:
  explicit WhoContext(const Store& store) : store_(store) {}

  Result<std::string> DocumentDate(const std::string& doc) {
    if (auto it = document_dates_.find(doc); it != document_dates_.end()) return it->second;
    auto record = store_.GetDocument(doc);
    if (!record.ok()) return record.status();
    const std::string date = record.value() ? record.value()->date : "";
    document_dates_.emplace(doc, date);
    return date;
  }

  // A bridge point's event: the stored Event of its date and mention (the
  // store shows each gathering once, so that is the gathering's event).
  Result<std::string> EventNameOf(const Entity& bridge) {
    const std::string key = bridge.date + '#' + bridge.mention;
    if (auto it = event_names_.find(key); it != event_names_.end()) return it->second;
    Entity event;
    event.type = EntityType::kEvent;
    event.date = bridge.date;
    event.mention = bridge.mention;
    auto id = store_.FindEntity(event);
    if (!id.ok()) return id.status();
    std::string name;
    if (id.value()) {
      auto stored = store_.GetEntity(*id.value());
      if (!stored.ok()) return stored.status();
      name = stored->name;
    }
    event_names_.emplace(key, name);
    return name;
  }

 private:
  const Store& store_;
  std::map<std::string, std::string> document_dates_, event_names_;
};

Result<WhoRow> MakeWhoRow(const Store& store, WhoContext& context, TermId subject, TermId predicate_id, TermId object_id) {
  auto predicate = store.GetPredicate(predicate_id);
  if (!predicate.ok()) return predicate.status();
  auto object = store.GetEntity(object_id);
  if (!object.ok()) return object.status();
  auto provenance = store.GetProvenance(subject, predicate_id, object_id);
  if (!provenance.ok()) return provenance.status();

  WhoRow row;
  row.relation = predicate.value() == "holds_position" ? "office" : predicate.value();
  row.what = EntityLabel(object.value());
  row.object_id = object_id;
  row.object = object.value();
  for (const Provenance& p : provenance.value()) {
    row.docs.push_back(p.doc);
    std::string reported = p.date;
    if (reported.empty()) {
      auto document_date = context.DocumentDate(p.doc);
      if (!document_date.ok()) return document_date.status();
      reported = document_date.value();
    }
    if (!reported.empty()) row.dates.push_back(reported);
  }
  row.docs = Distinct(std::move(row.docs));
  row.dates = Distinct(std::move(row.dates));
  if (!provenance->empty()) row.evidence = provenance->front().evidence;

  const Entity& o = row.object;
  if (o.type == EntityType::kEvent || o.type == EntityType::kBridgePoint) {
    row.date = o.date;
  } else if (!row.dates.empty()) {
    row.date = row.dates.front();
  }
  if (o.type == EntityType::kBridgePoint) row.province = o.province;
  if (IsEventPredicate(predicate.value())) {
    if (o.type == EntityType::kEvent) {
      row.event = o.name;
    } else if (o.type == EntityType::kBridgePoint) {
      auto name = context.EventNameOf(o);
      if (!name.ok()) return name.status();
      row.event = name.value();
    }
  }
  return row;
}

// A bare title ("Bộ trưởng" without its body) is kept by the extractor as its
// holder's alone (Entity::mention); `who` shows it under the full office it
// most likely belongs to.
bool IsBareTitle(const WhoRow& row) {
  return row.relation == "office" && row.object.type == EntityType::kPosition && !row.object.mention.empty() &&
         row.object.organization.empty();
}

// Days between two ISO dates, roughly (months of 31 days): enough to order "nearest".
long DayNumber(const std::string& iso) {
  int y = 0, m = 1, d = 1;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) < 1) return 0;
  return (static_cast<long>(y) * 12 + (m - 1)) * 31 + (d - 1);
}

long Distance(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  long best = -1;
  for (const std::string& x : a)
    for (const std::string& y : b) {
      const long gap = std::labs(DayNumber(x) - DayNumber(y));
      if (best < 0 || gap < best) best = gap;
    }
  return best;
}

bool ShareDocument(const WhoRow& a, const WhoRow& b) {
  for (const std::string& doc : a.docs)
    if (std::binary_search(b.docs.begin(), b.docs.end(), doc)) return true;
  return false;
}

// The full office of the same title (its label starts with the title) a bare title most likely belongs to: one
// reported in the same article, else the one reported nearest in time, else
// the one reported most; nullptr when the person holds no full office of that
// title.
WhoRow* OfficeOfBareTitle(const WhoRow& bare, std::vector<WhoRow>& rows) {
  const std::string title = FoldLoose(bare.object.title);
  WhoRow* best = nullptr;
  auto rank = [&](const WhoRow& r) {
    const long gap = Distance(bare.dates, r.dates);
    return std::make_tuple(ShareDocument(bare, r) ? 0 : 1, gap < 0 ? std::numeric_limits<long>::max() : gap,
                           -static_cast<long>(r.docs.size()), r.what);
  };
  for (WhoRow& r : rows) {
    // The same title, whether the body is its organization ("Bộ trưởng" | "Bộ Y tế") or written into it
    // ("Chủ tịch nước").
    const std::string label = FoldLoose(r.what);
    if (r.relation != "office" || IsBareTitle(r) || r.object.type != EntityType::kPosition ||
        label.size() <= title.size() || label.compare(0, title.size() + 1, title + " ") != 0)
      continue;
    if (!best || rank(r) < rank(*best)) best = &r;
  }
  return best;
}

// Folds each bare title's sources and dates into its full office.
void FoldBareTitles(std::vector<WhoRow>& rows) {
  std::vector<bool> folded(rows.size(), false);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!IsBareTitle(rows[i])) continue;
    WhoRow* office = OfficeOfBareTitle(rows[i], rows);
    if (!office) continue;
    office->docs.insert(office->docs.end(), rows[i].docs.begin(), rows[i].docs.end());
    office->dates.insert(office->dates.end(), rows[i].dates.begin(), rows[i].dates.end());
    office->docs = Distinct(std::move(office->docs));
    office->dates = Distinct(std::move(office->dates));
    if (!office->dates.empty()) office->date = office->dates.front();
    folded[i] = true;
  }
  std::vector<WhoRow> kept;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!folded[i]) kept.push_back(std::move(rows[i]));
  rows = std::move(kept);
}

PathStep StepOf(const KnowledgeGraph& graph, const Hop& hop) {
  return PathStep{graph.IdOf(hop.from), graph.IdOf(hop.to), graph.EntityOf(hop.from), graph.EntityOf(hop.to),
                  hop.predicate,        hop.forward,        hop.evidence,              hop.doc};
}

Status NotInGraph(TermId id) {
  return Status::NotFound("entity #" + std::to_string(id) + " is not in the graph (no facts mention it)");
}

}  // namespace

std::string VertexLabel(const KnowledgeGraph& g, Vertex v) {
  return g.LabelOf(v) + " (" + std::string(EntityTypeName(g.EntityOf(v).type)) + ")";
}

Result<NameResolver> NameResolver::Build(const Store& store) { return Build(store, Deadline()); }

// Two scans of the whole store: on a big one, the first second of every question by name.
Result<NameResolver> NameResolver::Build(const Store& store, Deadline deadline) {
  if (deadline.Check()) return deadline.Stop("looking up names", "");
  NameResolver index;
  std::unordered_map<TermId, std::size_t> position;
  VNKG_RETURN_IF_ERROR(store.ForEachEntity([&](TermId id, const Entity& e) {
    position.emplace(id, index.entries_.size());
    std::string label = EntityLabel(e);
    index.entries_.push_back(Entry{NamedEntity{id, e, 0}, FoldLoose(label), std::move(label)});
    index.by_loose_.emplace(index.entries_.back().loose, index.entries_.size() - 1);
    return !deadline.Poll();
  }));
  if (deadline.stopped()) return deadline.Stop("looking up names", std::to_string(index.entries_.size()) + " entities read");
  VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{}, [&](TermId s, TermId, TermId o) {
    if (auto it = position.find(s); it != position.end()) ++index.entries_[it->second].named.facts;
    if (auto it = position.find(o); it != position.end()) ++index.entries_[it->second].named.facts;
    return !deadline.Poll();
  }));
  if (deadline.stopped()) return deadline.Stop("looking up names", "counting facts");
  index.by_prefix_.resize(index.entries_.size());
  for (std::size_t i = 0; i < index.by_prefix_.size(); ++i) index.by_prefix_[i] = i;
  std::sort(index.by_prefix_.begin(), index.by_prefix_.end(), [&](std::size_t a, std::size_t b) {
    const Entry &x = index.entries_[a], &y = index.entries_[b];
    return std::tie(x.loose, x.label, x.named.entity.type) < std::tie(y.loose, y.label, y.named.entity.type);
  });
  return index;
}

std::string NameResolver::Encode() const {
  DerivedWriter out;
  out.U64(entries_.size());
  for (const Entry& e : entries_) out.U64(e.named.id).Entity(e.named.entity).U64(e.named.facts).Str(e.loose).Str(e.label);
  out.U64(by_prefix_.size());
  for (std::size_t i : by_prefix_) out.U64(i);
  return out.Take();
}

Result<NameResolver> NameResolver::Load(const Store& store, Deadline deadline) {
  if (deadline.Check()) return deadline.Stop("looking up names", "");
  auto kept = store.ReadDerived(kDerivedName);
  if (!kept.ok()) return kept.status();
  if (!kept.value()) return Build(store, deadline);
  NameResolver index;
  DerivedReader in(kept.value()->bytes());
  std::uint64_t n = 0;
  if (in.U64(n)) {
    index.entries_.reserve(n);
    index.by_loose_.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
      Entry e;
      std::uint64_t facts = 0;
      if (!in.U64(e.named.id) || !in.Entity(e.named.entity) || !in.U64(facts) || !in.Str(e.loose) || !in.Str(e.label))
        break;
      e.named.facts = facts;
      index.entries_.push_back(std::move(e));
      index.by_loose_.emplace(index.entries_.back().loose, index.entries_.size() - 1);
    }
  }
  if (in.U64(n)) {
    index.by_prefix_.resize(n);
    for (std::size_t& i : index.by_prefix_) {
      std::uint64_t position = 0;
      if (!in.U64(position)) break;
      i = static_cast<std::size_t>(position);
    }
  }
  bool in_range = index.by_prefix_.size() == index.entries_.size();
  for (std::size_t i : index.by_prefix_) in_range = in_range && i < index.entries_.size();
  if (!in.ok() || !in_range) return Status::Corruption("the stored name index does not decode");
  return index;
}

std::vector<std::string> NameResolver::Complete(std::string_view prefix, std::optional<EntityType> only,
                                                std::size_t limit) const {
  std::string key = FoldLoose(prefix);
  // FoldLoose trims; "bui " must still mean "a further word after bui".
  if (!key.empty() && !prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t')) key += ' ';
  auto it = std::lower_bound(by_prefix_.begin(), by_prefix_.end(), key,
                             [&](std::size_t i, const std::string& k) { return entries_[i].loose < k; });
  std::vector<std::string> out;
  for (; it != by_prefix_.end() && entries_[*it].loose.compare(0, key.size(), key) == 0 && out.size() < limit; ++it) {
    const Entry& entry = entries_[*it];
    const EntityType type = entry.named.entity.type;
    // Events and bridge points are named by dates: found by date, not offered as names.
    if (only ? type != *only : (type == EntityType::kEvent || type == EntityType::kBridgePoint)) continue;
    if (entry.label.empty()) continue;
    // One label may belong to entities of several types: offer it once.
    if (std::find(out.begin(), out.end(), entry.label) == out.end()) out.push_back(entry.label);
  }
  return out;
}

namespace {

// Events and bridge points are named by dates ("province @ date"): found by
// date when asked for, not by name.
bool Searched(const Entity& e, std::optional<EntityType> type) {
  if (type) return e.type == *type;
  return e.type != EntityType::kBridgePoint && e.type != EntityType::kEvent;
}

// Several loose matches: written with its diacritics, a name means only the
// entities spelled so; the most mentioned first.
void RankMatches(const std::string& name, std::vector<NamedEntity>& matches) {
  if (matches.size() < 2) return;
  const std::string precise = FoldKey(name);
  std::vector<NamedEntity> exact;
  for (const auto& m : matches)
    if (FoldKey(EntityLabel(m.entity)) == precise) exact.push_back(m);
  if (!exact.empty()) matches = std::move(exact);
  std::sort(matches.begin(), matches.end(), [](const NamedEntity& a, const NamedEntity& b) {
    return a.facts != b.facts ? a.facts > b.facts : a.id < b.id;
  });
}

// What NameResolver::Build counts for one entity: the facts it is subject or object of.
Result<std::size_t> CountFacts(const Store& store, TermId id) {
  std::size_t n = 0;
  auto count = [&](TermId, TermId, TermId) { return ++n, true; };
  VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{id, std::nullopt, std::nullopt}, count));
  VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, std::nullopt, id}, count));
  return n;
}

// NameResolver::Load(store).Resolve(name, type) without reading every name
// when the name matches: its name rows (Store::ForEachEntityNamed) are read
// and each match's facts counted. Only suggestions need the whole index.
Result<Resolution> ResolveOneName(const Store& store, const std::string& name, std::optional<EntityType> type,
                                  Deadline deadline) {
  const std::string wanted = FoldLoose(name);
  if (wanted.empty()) return Status::InvalidArgument("an empty name names nothing");
  if (deadline.Check()) return deadline.Stop("looking up names", "");
  Resolution out;
  VNKG_RETURN_IF_ERROR(store.ForEachEntityNamed(wanted, [&](TermId id, const Entity& e) {
    if (Searched(e, type)) out.matches.push_back(NamedEntity{id, e, 0});
    return true;
  }));
  for (NamedEntity& m : out.matches) {
    auto facts = CountFacts(store, m.id);
    if (!facts.ok()) return facts.status();
    m.facts = facts.value();
  }
  RankMatches(name, out.matches);
  if (!out.matches.empty()) return out;
  auto index = NameResolver::Load(store, deadline);
  if (!index.ok()) return index.status();
  return index->Resolve(name, type);
}

}  // namespace

Result<Resolution> NameResolver::Resolve(const std::string& name, std::optional<EntityType> type) const {
  const std::string wanted = FoldLoose(name);
  if (wanted.empty()) return Status::InvalidArgument("an empty name names nothing");
  auto searched = [&](const Entity& e) { return Searched(e, type); };
  Resolution out;
  auto [begin, end] = by_loose_.equal_range(wanted);
  for (auto it = begin; it != end; ++it)
    if (searched(entries_[it->second].named.entity)) out.matches.push_back(entries_[it->second].named);
  RankMatches(name, out.matches);
  if (out.matches.empty()) {
    const std::size_t within = std::max<std::size_t>(3, wanted.size() / 2);
    std::vector<std::pair<std::size_t, std::size_t>> near;  // (distance, entry)
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (!searched(entries_[i].named.entity)) continue;
      // Lengths differing by more than the bound cannot come within it.
      const std::size_t length = entries_[i].loose.size();
      if ((length > wanted.size() ? length - wanted.size() : wanted.size() - length) > within) continue;
      const std::size_t distance = EditDistance(entries_[i].loose, wanted);
      if (distance <= within) near.emplace_back(distance, i);
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < near.size() && out.suggestions.size() < 5; ++i)
      out.suggestions.push_back(entries_[near[i].second].named);
  }
  return out;
}

Result<Resolution> ResolveEntity(const Store& store, const std::string& name, std::optional<EntityType> type) {
  return ResolveOneName(store, name, type, Deadline());
}

Result<Resolution> ResolveName(const Store& store, const std::string& name, std::optional<EntityType> type) {
  return ResolveEntity(store, name, type);
}

Result<std::vector<WhoRow>> Who(const Store& store, TermId entity) { return Who(store, entity, Deadline()); }

Result<std::vector<WhoRow>> Who(const Store& store, TermId entity, Deadline deadline) {
  std::vector<std::pair<TermId, TermId>> edges;
  VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{entity, std::nullopt, std::nullopt}, [&](TermId, TermId p, TermId o) {
    edges.emplace_back(p, o);
    return true;
  }));
  WhoContext context(store);
  std::vector<WhoRow> rows;
  for (auto [p, o] : edges) {
    // Each row is several store reads: worth a look at the clock every time.
    if (deadline.Check())
      return deadline.Stop("who", std::to_string(rows.size()) + " of " + std::to_string(edges.size()) + " facts read");
    auto row = MakeWhoRow(store, context, entity, p, o);
    if (!row.ok()) return row.status();
    rows.push_back(std::move(row.value()));
  }
  FoldBareTitles(rows);
  std::stable_sort(rows.begin(), rows.end(), [](const WhoRow& a, const WhoRow& b) {
    const bool a_office = a.relation == "office", b_office = b.relation == "office";
    if (a_office != b_office) return a_office;
    return std::tie(a.date, a.relation, a.what) < std::tie(b.date, b.relation, b.what);
  });
  return rows;
}

std::vector<std::string> SourceDocuments(const std::vector<WhoRow>& rows) {
  std::vector<std::string> docs;
  for (const WhoRow& row : rows) docs.insert(docs.end(), row.docs.begin(), row.docs.end());
  return Distinct(std::move(docs));
}

Result<std::vector<EventRow>> Events(const Store& store, const std::string& province, const std::string& from,
                                     const std::string& to) {
  return Events(store, province, from, to, Deadline());
}

Result<std::vector<EventRow>> Events(const Store& store, const std::string& province, const std::string& from,
                                     const std::string& to, Deadline deadline) {
  if (deadline.Check()) return deadline.Stop("events", "");
  auto organized = store.FindPredicate("organized");
  auto bridges = store.FindPredicate("has_bridge_point");
  auto located = store.FindPredicate("located_in");
  if (!organized.ok()) return organized.status();
  if (!bridges.ok()) return bridges.status();
  if (!located.ok()) return located.status();
  std::vector<NamedEntity> events;
  VNKG_RETURN_IF_ERROR(store.ForEachEntity([&](TermId id, const Entity& e) {
    if (e.type != EntityType::kEvent) return true;
    // Prefix comparison on both ends: "2025" lies within from = "2025-01" as
    // much as within to = "2025-01".
    if (!from.empty() && e.date.substr(0, from.size()) < from.substr(0, e.date.size())) return true;
    if (!to.empty() && e.date.substr(0, to.size()) > to) return true;
    events.push_back({id, e});
    return !deadline.Poll();
  }));
  if (deadline.stopped()) return deadline.Stop("events", "reading entities");
  const std::string wanted_province = FoldLoose(province);
  // Every lookup below collects names; a failing one ends the question.
  Status failure;
  auto name_of = [&](TermId id) -> std::optional<Entity> {
    auto e = store.GetEntity(id);
    if (!e.ok()) {
      failure = e.status();
      return std::nullopt;
    }
    return e.value();
  };
  std::vector<EventRow> rows;
  for (const NamedEntity& event : events) {
    if (deadline.Check())
      return deadline.Stop("events", std::to_string(rows.size()) + " of " + std::to_string(events.size()) + " events read");
    EventRow row{event.entity.date, event.entity.name, {}, {}, {}, event.id};
    bool in_province = wanted_province.empty();
    if (organized.value())
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, *organized.value(), event.id}, [&](TermId s, TermId, TermId) {
        auto e = name_of(s);
        if (e) row.organizers.push_back(e->name);
        return e.has_value();
      }));
    if (bridges.value())
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{event.id, *bridges.value(), std::nullopt}, [&](TermId, TermId, TermId o) {
        auto e = name_of(o);
        if (e) {
          row.bridge_points.push_back(e->province);
          in_province = in_province || FoldLoose(e->province) == wanted_province;
        }
        return e.has_value();
      }));
    if (located.value())
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{event.id, *located.value(), std::nullopt}, [&](TermId, TermId, TermId o) {
        auto e = name_of(o);
        if (e) {
          row.places.push_back(e->name);
          in_province = in_province || FoldLoose(e->name) == wanted_province;
        }
        return e.has_value();
      }));
    VNKG_RETURN_IF_ERROR(failure);
    if (in_province) rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const EventRow& a, const EventRow& b) { return a.date < b.date; });
  return rows;
}

Result<Connection> Path(const KnowledgeGraph& graph, TermId a, TermId b, int max_hops) {
  return Path(graph, a, b, PathOptions{max_hops, 0});
}

Result<Connection> Path(const KnowledgeGraph& graph, TermId a, TermId b, const PathOptions& options) {
  return Path(graph, a, b, options, Deadline());
}

Result<Connection> Path(const KnowledgeGraph& graph, TermId a, TermId b, const PathOptions& options, Deadline deadline) {
  const auto va = graph.VertexOf(a), vb = graph.VertexOf(b);
  if (!va) return NotInGraph(a);
  if (!vb) return NotInGraph(b);
  Connection out;
  auto hops = ShortestPath(graph, *va, *vb, options, deadline);
  if (!hops.ok()) return hops.status();
  if (!hops.value()) return out;
  out.found = true;
  for (const Hop& hop : *hops.value()) out.steps.push_back(StepOf(graph, hop));
  return out;
}

Result<NeighborList> Neighbors(const KnowledgeGraph& graph, TermId center, int depth, std::size_t limit) {
  return Neighbors(graph, center, depth, limit, Deadline());
}

Result<NeighborList> Neighbors(const KnowledgeGraph& graph, TermId center, int depth, std::size_t limit,
                               Deadline deadline) {
  const auto v = graph.VertexOf(center);
  if (!v) return NotInGraph(center);
  NeighborList out;
  // One more than asked for tells whether the limit cut anything off.
  auto explored = ExploreNeighborhood(graph, *v, depth, limit + 1, deadline);
  if (!explored.ok()) return explored.status();
  std::vector<Reached>& reached = explored.value();
  out.truncated = reached.size() > limit;
  if (out.truncated) reached.resize(limit);
  for (const Reached& r : reached)
    out.rows.push_back(NeighborRow{graph.IdOf(r.vertex), graph.EntityOf(r.vertex), r.distance, StepOf(graph, r.via)});
  return out;
}

std::vector<TopRow> Top(const KnowledgeGraph& graph, Centrality by, std::optional<EntityType> type, std::size_t n,
                        std::size_t max_sources) {
  auto top = Top(graph, by, type, n, max_sources, Deadline());
  return top.ok() ? std::move(top).value() : std::vector<TopRow>{};  // cannot fail: no deadline
}

Result<std::vector<TopRow>> Top(const KnowledgeGraph& graph, Centrality by, std::optional<EntityType> type,
                                std::size_t n, std::size_t max_sources, Deadline deadline) {
  auto ranked = MostCentral(graph, by, type, n, max_sources, deadline);
  if (!ranked.ok()) return ranked.status();
  std::vector<TopRow> out;
  for (auto [v, score] : ranked.value()) out.push_back(TopRow{graph.IdOf(v), graph.EntityOf(v), score});
  return out;
}

Result<NamedEntity> ResolveUnique(const Store& store, const std::string& name) {
  return ResolveUnique(store, name, Deadline());
}

Result<NamedEntity> ResolveUnique(const Store& store, const std::string& name, Deadline deadline) {
  if (FoldLoose(name).empty()) return Status::InvalidArgument("an empty name names nothing");
  auto resolution = ResolveOneName(store, name, std::nullopt, deadline);
  if (!resolution.ok()) return resolution.status();
  if (resolution->matches.size() == 1) return resolution->matches.front();
  std::string message;
  if (resolution->matches.size() > 1) {
    message = "'" + name + "' is ambiguous; it may mean:";
    for (const auto& m : resolution->matches)
      message += "\n  " + EntityLabel(m.entity) + " (" + std::string(EntityTypeName(m.entity.type)) + ")";
  } else {
    message = "no entity is named '" + name + "'";
    if (!resolution->suggestions.empty()) {
      message += "; did you mean:";
      for (const auto& s : resolution->suggestions) message += "\n  " + EntityLabel(s.entity);
    }
  }
  return Status::NotFound(message);
}


}  // namespace vnkg
