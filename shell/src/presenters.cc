#include "vnkg/shell/presenters.h"

#include <cstdio>

namespace vnkg {
namespace {

std::string TypeName(const Entity& entity) { return std::string(EntityTypeName(entity.type)); }

}  // namespace

std::string JoinList(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

ResultTable BridgesTable(const std::vector<BridgePointRow>& rows) {
  ResultTable table;
  table.header = {"date", "event", "bridge point", "role", "person", "office", "source"};
  for (const BridgePointRow& row : rows) {
    const std::string role = row.role == "chaired" ? "chủ trì (chaired)" : row.role == "attended" ? "dự (attended)" : "-";
    table.rows.push_back({row.event_date, row.event_name, row.province, role, row.person.empty() ? "-" : row.person,
                          JoinList(row.offices, "; "), JoinList(row.docs, ", ")});
  }
  return table;
}

ResultTable WhoTable(const NamedEntity& entity, const std::vector<WhoRow>& rows) {
  ResultTable table;
  table.title = EntityLabel(entity.entity) + " (" + TypeName(entity.entity) + ")";
  table.header = {"relation", "what", "date", "sources"};
  for (const WhoRow& r : rows) {
    // An office: the first and the last date it was reported.
    std::string when = r.date;
    if (r.relation == "office" && r.dates.size() > 1) when = r.dates.front() + " – " + r.dates.back();
    table.rows.push_back({r.relation, r.what, when, JoinList(r.docs, ", ")});
  }
  return table;
}

ResultTable PathTable(const KnowledgeGraph& graph, const NamedEntity& from, const NamedEntity& to,
                      const std::optional<std::vector<Hop>>& path, int max_hops) {
  ResultTable table;
  table.header = {"hop", "from", "link", "to", "evidence", "source"};
  if (!path) {
    table.title = "no connection within " + std::to_string(max_hops) + " hops";
    return table;
  }
  table.title = std::to_string(path->size()) + " hops from " + EntityLabel(from.entity) + " to " + EntityLabel(to.entity);
  int number = 0;
  for (const Hop& hop : *path) {
    const std::string link = hop.forward ? "--" + hop.predicate + "-->" : "<--" + hop.predicate + "--";
    table.rows.push_back({std::to_string(++number), VertexLabel(graph, hop.from), link, VertexLabel(graph, hop.to),
                          hop.evidence, hop.doc});
  }
  return table;
}

ResultTable NeighborsTable(const NamedEntity& center, int depth, const NeighborList& around) {
  ResultTable table;
  table.title = "within " + std::to_string(depth) + " hops of " + EntityLabel(center.entity);
  table.header = {"hops", "entity", "type"};
  for (const NeighborRow& row : around.rows)
    table.rows.push_back({std::to_string(row.distance), EntityLabel(row.entity), TypeName(row.entity)});
  return table;
}

ResultTable EventsTable(const std::vector<EventRow>& rows) {
  ResultTable table;
  table.header = {"date", "event", "organized by", "bridge points", "held in"};
  for (const EventRow& r : rows)
    table.rows.push_back(
        {r.date, r.name, JoinList(r.organizers, "; "), JoinList(r.bridge_points, ", "), JoinList(r.places, ", ")});
  return table;
}

ResultTable TopTable(std::string_view by, const std::vector<TopRow>& rows) {
  ResultTable table;
  table.header = {std::string(by), "entity", "type"};
  for (const TopRow& row : rows) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, by == "betweenness" ? "%.1f" : "%.0f", row.score);
    table.rows.push_back({buffer, EntityLabel(row.entity), TypeName(row.entity)});
  }
  return table;
}

}  // namespace vnkg
