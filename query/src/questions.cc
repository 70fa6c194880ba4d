#include "vnkg/query/questions.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "vnkg/extract/text.h"

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

std::vector<std::string> DocsOf(const std::vector<Provenance>& provenance) {
  std::set<std::string> docs;
  for (const auto& p : provenance) docs.insert(p.doc);
  return {docs.begin(), docs.end()};
}

}  // namespace

std::string VertexLabel(const KnowledgeGraph& g, Vertex v) {
  const Entity& e = g.EntityOf(v);
  return EntityLabel(e) + " (" + std::string(EntityTypeName(e.type)) + ")";
}

Result<Resolution> ResolveName(const Store& store, const std::string& name, std::optional<EntityType> type) {
  const std::string wanted = FoldLoose(name);
  Resolution out;
  std::vector<std::pair<std::size_t, NamedEntity>> near;
  VNKG_RETURN_IF_ERROR(store.ForEachEntity([&](TermId id, const Entity& e) {
    if (type && e.type != *type) return true;
    if (e.type == EntityType::kBridgePoint || e.type == EntityType::kEvent) {
      if (!type) return true;  // these are found by date and province, not by name
    }
    const std::string label = FoldLoose(EntityLabel(e));
    if (label == wanted) {
      out.matches.push_back({id, e});
    } else {
      near.push_back({EditDistance(label, wanted), {id, e}});
    }
    return true;
  }));
  if (out.matches.size() > 1) {
    // Written with its diacritics, a name means only the entities spelled so.
    std::vector<NamedEntity> exact;
    for (const auto& m : out.matches)
      if (FoldKey(EntityLabel(m.entity)) == FoldKey(name)) exact.push_back(m);
    if (!exact.empty()) out.matches = std::move(exact);
  }
  if (out.matches.empty()) {
    std::stable_sort(near.begin(), near.end(), [](auto& a, auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < near.size() && i < 5; ++i)
      if (near[i].first <= std::max<std::size_t>(3, wanted.size() / 2)) out.suggestions.push_back(near[i].second);
  }
  return out;
}

Result<std::vector<WhoRow>> Who(const Store& store, TermId entity) {
  std::vector<std::pair<TermId, TermId>> edges;
  VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{entity, std::nullopt, std::nullopt}, [&](TermId, TermId p, TermId o) {
    edges.emplace_back(p, o);
    return true;
  }));
  std::vector<WhoRow> rows;
  for (auto [p, o] : edges) {
    auto predicate = store.GetPredicate(p);
    if (!predicate.ok()) return predicate.status();
    auto object = store.GetEntity(o);
    if (!object.ok()) return object.status();
    auto provenance = store.GetProvenance(entity, p, o);
    if (!provenance.ok()) return provenance.status();
    WhoRow row;
    row.relation = predicate.value() == "holds_position" ? "office" : predicate.value();
    row.what = EntityLabel(object.value());
    row.date = object->date;
    if (row.date.empty())
      for (const auto& prov : provenance.value())
        if (!prov.date.empty() && (row.date.empty() || prov.date < row.date)) row.date = prov.date;
    row.docs = DocsOf(provenance.value());
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const WhoRow& a, const WhoRow& b) {
    const bool ao = a.relation == "office", bo = b.relation == "office";
    if (ao != bo) return ao;
    return std::tie(a.date, a.relation, a.what) < std::tie(b.date, b.relation, b.what);
  });
  return rows;
}

Result<std::vector<EventRow>> Events(const Store& store, const std::string& province, const std::string& from,
                                     const std::string& to) {
  auto organized = store.FindPredicate("organized");
  auto bridges = store.FindPredicate("has_bridge_point");
  auto located = store.FindPredicate("located_in");
  if (!organized.ok()) return organized.status();
  if (!bridges.ok()) return bridges.status();
  if (!located.ok()) return located.status();
  std::vector<NamedEntity> events;
  VNKG_RETURN_IF_ERROR(store.ForEachEntity([&](TermId id, const Entity& e) {
    if (e.type != EntityType::kEvent) return true;
    if (!from.empty() && e.date < from) return true;
    if (!to.empty() && e.date.substr(0, to.size()) > to) return true;
    events.push_back({id, e});
    return true;
  }));
  const std::string wanted_province = FoldLoose(province);
  std::vector<EventRow> rows;
  for (const NamedEntity& event : events) {
    EventRow row{event.entity.date, event.entity.name, {}, {}, {}};
    if (organized.value())
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{std::nullopt, *organized.value(), event.id}, [&](TermId s, TermId, TermId) {
        if (auto e = store.GetEntity(s); e.ok()) row.organizers.push_back(e->name);
        return true;
      }));
    bool in_province = wanted_province.empty();
    if (bridges.value())
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{event.id, *bridges.value(), std::nullopt}, [&](TermId, TermId, TermId o) {
        if (auto e = store.GetEntity(o); e.ok()) {
          row.bridge_points.push_back(e->province);
          in_province = in_province || FoldLoose(e->province) == wanted_province;
        }
        return true;
      }));
    if (located.value())
      VNKG_RETURN_IF_ERROR(store.Match(TriplePattern{event.id, *located.value(), std::nullopt}, [&](TermId, TermId, TermId o) {
        if (auto e = store.GetEntity(o); e.ok()) {
          row.places.push_back(e->name);
          in_province = in_province || FoldLoose(e->name) == wanted_province;
        }
        return true;
      }));
    if (in_province) rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const EventRow& a, const EventRow& b) { return a.date < b.date; });
  return rows;
}

}  // namespace vnkg
