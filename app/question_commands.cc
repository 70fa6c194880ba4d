// who, path, neighbors, events, top: the everyday questions by name.
#include <iostream>
#include <memory>

#include "commands.h"
#include "vnkg/query/questions.h"
#include "vnkg/query/table.h"

namespace vnkg::app {
namespace {

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

int Fail(const std::string& message) {
  std::cerr << "vnkg: " << message << '\n';
  return kExitError;
}

Result<std::unique_ptr<Store>> OpenForReading(const std::string& db) {
  return Store::Open(db.empty() ? DefaultDatabasePath() : db, Store::Mode::kReadOnly);
}

struct Common {
  std::string db;
};

int RunWho(const std::string& db, const std::string& name) {
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto entity = ResolveUnique(*store.value(), name);
  if (!entity.ok()) return Fail(entity.status().message());
  auto rows = Who(*store.value(), entity->id);
  if (!rows.ok()) return Fail(rows.status().message());
  std::cout << EntityLabel(entity->entity) << " (" << EntityTypeName(entity->entity.type) << ")\n";
  std::vector<std::vector<std::string>> table;
  for (const WhoRow& r : rows.value()) table.push_back({r.relation, r.what, r.date, Join(r.docs, ", ")});
  PrintTable(std::cout, {"relation", "what", "date", "sources"}, table, 70);
  return kExitOk;
}

int RunPath(const std::string& db, const std::string& a, const std::string& b, int max_hops) {
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto from = ResolveUnique(*store.value(), a);
  if (!from.ok()) return Fail(from.status().message());
  auto to = ResolveUnique(*store.value(), b);
  if (!to.ok()) return Fail(to.status().message());
  auto graph = KnowledgeGraph::Load(*store.value());
  if (!graph.ok()) return Fail(graph.status().message());
  auto va = graph->VertexOf(from->id), vb = graph->VertexOf(to->id);
  std::optional<std::vector<Hop>> path;
  if (va && vb) path = ShortestPath(graph.value(), *va, *vb, max_hops);
  if (!path) {
    std::cout << "no connection within " << max_hops << " hops\n";
    return kExitOk;
  }
  std::cout << path->size() << " hops from " << EntityLabel(from->entity) << " to " << EntityLabel(to->entity) << ":\n";
  for (const Hop& hop : *path) {
    const std::string from_label = VertexLabel(graph.value(), hop.from), to_label = VertexLabel(graph.value(), hop.to);
    if (hop.forward) std::cout << "  " << from_label << "  --" << hop.predicate << "-->  " << to_label << '\n';
    else std::cout << "  " << from_label << "  <--" << hop.predicate << "--  " << to_label << '\n';
    if (!hop.evidence.empty()) std::cout << "      \"" << hop.evidence << "\" [" << hop.doc << "]\n";
  }
  return kExitOk;
}

int RunNeighbors(const std::string& db, const std::string& name, int depth, std::size_t limit) {
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto entity = ResolveUnique(*store.value(), name);
  if (!entity.ok()) return Fail(entity.status().message());
  auto graph = KnowledgeGraph::Load(*store.value());
  if (!graph.ok()) return Fail(graph.status().message());
  auto v = graph->VertexOf(entity->id);
  std::vector<std::vector<std::string>> table;
  if (v)
    for (auto [w, distance] : Neighborhood(graph.value(), *v, depth, limit))
      table.push_back({std::to_string(distance), EntityLabel(graph->EntityOf(w)),
                       std::string(EntityTypeName(graph->EntityOf(w).type))});
  PrintTable(std::cout, {"hops", "entity", "type"}, table, 80);
  std::cout << table.size() << " entities within " << depth << " hops" << (table.size() >= limit ? " (limit reached)" : "")
            << '\n';
  return kExitOk;
}

int RunEvents(const std::string& db, const std::string& province, const std::string& from, const std::string& to) {
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto rows = Events(*store.value(), province, from, to);
  if (!rows.ok()) return Fail(rows.status().message());
  std::vector<std::vector<std::string>> table;
  for (const EventRow& r : rows.value())
    table.push_back({r.date, r.name, Join(r.organizers, "; "), Join(r.bridge_points, ", "), Join(r.places, ", ")});
  PrintTable(std::cout, {"date", "event", "organized by", "bridge points", "held in"}, table, 60);
  return kExitOk;
}

int RunTop(const std::string& db, const std::string& by, const std::string& type, std::size_t n) {
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  std::optional<EntityType> wanted;
  if (!type.empty()) {
    wanted = ParseEntityType(type);
    if (!wanted) return Fail("unknown entity type '" + type + "' (Person, Organization, Province, Place, Event, ...)");
  }
  auto graph = KnowledgeGraph::Load(*store.value());
  if (!graph.ok()) return Fail(graph.status().message());
  std::vector<std::vector<std::string>> table;
  for (auto [v, score] : MostCentral(graph.value(), by == "betweenness" ? Centrality::kBetweenness : Centrality::kDegree,
                                     wanted, n)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, by == "betweenness" ? "%.1f" : "%.0f", score);
    table.push_back({buffer, EntityLabel(graph->EntityOf(v)), std::string(EntityTypeName(graph->EntityOf(v).type))});
  }
  PrintTable(std::cout, {by, "entity", "type"}, table, 80);
  return kExitOk;
}

}  // namespace

void RegisterQuestionCommands(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db, name, other, province, from, to, by = "degree", type;
    int hops = 6, depth = 2;
    std::size_t limit = 200, n = 10;
  };
  auto args = std::make_shared<Args>();
  const std::string db_help = "database directory (default: " + DefaultDatabasePath() + ")";

  CLI::App* who = app.add_subcommand("who", "Offices, events and awards of a person (or anything by name)");
  who->add_option("name", args->name, "a name; case, diacritics and tone placement do not matter")->required();
  who->add_option("--db", args->db, db_help);
  who->footer("Example:\n  vnkg who \"bui thanh son\"");
  who->callback([args, &exit_code] { exit_code = RunWho(args->db, args->name); });

  CLI::App* path = app.add_subcommand("path", "How two entities are connected, hop by hop with evidence");
  path->add_option("from", args->name, "a name")->required();
  path->add_option("to", args->other, "another name")->required();
  path->add_option("--max-hops", args->hops, "longest connection to look for (default 6)")->check(CLI::Range(1, 20));
  path->add_option("--db", args->db, db_help);
  path->footer("Example:\n  vnkg path \"Phạm Minh Chính\" \"Hà Tĩnh\"");
  path->callback([args, &exit_code] { exit_code = RunPath(args->db, args->name, args->other, args->hops); });

  CLI::App* neighbors = app.add_subcommand("neighbors", "What lies within K hops of an entity");
  neighbors->add_option("name", args->name, "a name")->required();
  neighbors->add_option("--depth", args->depth, "hops (default 2)")->check(CLI::Range(1, 6));
  neighbors->add_option("--limit", args->limit, "at most this many entities (default 200)");
  neighbors->add_option("--db", args->db, db_help);
  neighbors->footer("Example:\n  vnkg neighbors \"Bộ Ngoại giao\" --depth 2");
  neighbors->callback([args, &exit_code] { exit_code = RunNeighbors(args->db, args->name, args->depth, args->limit); });

  CLI::App* events = app.add_subcommand("events", "Events by date and province, with organizers and bridge points");
  events->add_option("--province", args->province, "held in, or with a bridge point in, this province");
  events->add_option("--from", args->from, "from this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  events->add_option("--to", args->to, "up to this date");
  events->add_option("--db", args->db, db_help);
  events->footer("Example:\n  vnkg events --province \"ha tinh\" --from 2025");
  events->callback([args, &exit_code] { exit_code = RunEvents(args->db, args->province, args->from, args->to); });

  CLI::App* top = app.add_subcommand("top", "The most connected entities");
  top->add_option("--by", args->by, "degree or betweenness")->check(CLI::IsMember({"degree", "betweenness"}));
  top->add_option("--type", args->type, "only this entity type (Person, Organization, ...)");
  top->add_option("-n", args->n, "how many (default 10)");
  top->add_option("--db", args->db, db_help);
  top->footer("Example:\n  vnkg top --by betweenness --type Person");
  top->callback([args, &exit_code] { exit_code = RunTop(args->db, args->by, args->type, args->n); });
}

}  // namespace vnkg::app
