// The question commands of the REPL: bridges, who, path, neighbors, events,
// top. Each parses its words, asks query/ (bridges.h, questions.h) and returns
// a ResultTable; printing is the engine's.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "repl_internal.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/questions.h"

namespace vnkg {
namespace {

constexpr QueryCommandInfo kQueryCommands[] = {
    {"bridges", "[--province P] [--date D] [--event WORDS]", "who chaired or attended each event's bridge points"},
    {"who", "NAME", "offices, events and awards of a person (or anything by name)"},
    {"path", "FROM TO [--max-hops N]", "how two entities connect, hop by hop with evidence (quote names with spaces)"},
    {"neighbors", "NAME [--depth K] [--limit N]", "what lies within K hops of an entity"},
    {"events", "[--province P] [--from D] [--to D]", "events by date and province, with organizers and bridge points"},
    {"top", "[--by degree|betweenness] [--type T] [-n N]", "the most connected entities"},
};

struct Words {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
};

// Splits words into positionals and "--option value" / "--option=value"
// pairs; an option not in `allowed` is an error naming the allowed ones.
Result<Words> ParseWords(std::string_view command, const std::vector<std::string>& args) {
  const std::vector<std::string> allowed = QuestionOptions(command);
  Words out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word.size() < 2 || word[0] != '-') {
      out.positional.push_back(word);
      continue;
    }
    std::string name = word, value;
    const bool has_value = word.find('=') != std::string::npos;
    if (has_value) {
      name = word.substr(0, word.find('='));
      value = word.substr(word.find('=') + 1);
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      return Status::InvalidArgument(std::string(command) + " has no option " + name +
                                     (list.empty() ? "" : " (it takes " + list + ")"));
    }
    if (!has_value) {
      if (i + 1 >= args.size()) return Status::InvalidArgument(name + " needs a value");
      value = args[++i];
    }
    out.options[name] = value;
  }
  return out;
}

std::string Option(const Words& words, const std::string& name, std::string fallback = "") {
  auto it = words.options.find(name);
  return it == words.options.end() ? fallback : it->second;
}

Result<long> NumberOption(const Words& words, const std::string& name, long fallback, long low, long high) {
  auto it = words.options.find(name);
  if (it == words.options.end()) return fallback;
  long value = 0;
  const auto [end, error] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (error != std::errc() || end != it->second.data() + it->second.size() || value < low || value > high)
    return Status::InvalidArgument(name + " takes a number from " + std::to_string(low) + " to " + std::to_string(high) +
                                   ", not '" + it->second + "'");
  return value;
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::string JoinedName(const Words& words) { return Join(words.positional, " "); }

Status NeedStore(const Repl::State& state) {
  return state.store ? Status::Ok() : Status::InvalidArgument("no database is open; .open DIR opens one");
}

Result<ResultTable> Bridges(Repl::State& state, const Words& words, const Deadline&) {
  BridgeFilter filter;
  filter.province = Option(words, "--province");
  filter.date = Option(words, "--date");
  filter.event = Option(words, "--event");
  if (!words.positional.empty()) return Status::InvalidArgument("bridges takes only options: --province, --date, --event");
  auto rows = ListBridgePoints(*state.store, filter);
  if (!rows.ok()) return rows.status();
  ResultTable table;
  table.header = {"date", "event", "bridge point", "role", "person", "office", "source"};
  for (const BridgePointRow& row : rows.value()) {
    const std::string role = row.role == "chaired" ? "chủ trì (chaired)" : row.role == "attended" ? "dự (attended)" : "-";
    table.rows.push_back({row.event_date, row.event_name, row.province, role, row.person.empty() ? "-" : row.person,
                          Join(row.offices, "; "), Join(row.docs, ", ")});
  }
  return table;
}

Result<ResultTable> WhoTable(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (words.positional.empty()) return Status::InvalidArgument("who needs a name: who bui thanh son");
  auto entity = ResolveUnique(*state.store, JoinedName(words), deadline);
  if (!entity.ok()) return entity.status();
  auto rows = Who(*state.store, entity->id, deadline);
  if (!rows.ok()) return rows.status();
  ResultTable table;
  table.title = EntityLabel(entity->entity) + " (" + std::string(EntityTypeName(entity->entity.type)) + ")";
  table.header = {"relation", "what", "date", "sources"};
  for (const WhoRow& r : rows.value()) table.rows.push_back({r.relation, r.what, r.date, Join(r.docs, ", ")});
  return table;
}

Result<ResultTable> PathTable(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (words.positional.size() != 2)
    return Status::InvalidArgument("path takes two names; quote names with spaces: path \"Lò Văn Khánh\" \"Cầm Thị Hoa\"");
  auto hops = NumberOption(words, "--max-hops", kDefaultMaxHops, 1, 20);
  if (!hops.ok()) return hops.status();
  auto from = ResolveUnique(*state.store, words.positional[0], deadline);
  if (!from.ok()) return from.status();
  auto to = ResolveUnique(*state.store, words.positional[1], deadline);
  if (!to.ok()) return to.status();
  auto graph = LoadGraph(state, deadline);
  if (!graph.ok()) return graph.status();
  const KnowledgeGraph& g = *graph.value();
  auto va = g.VertexOf(from->id), vb = g.VertexOf(to->id);
  std::optional<std::vector<Hop>> path;
  if (va && vb) {
    auto found = ShortestPath(g, *va, *vb, PathOptions{static_cast<int>(hops.value()), 0}, deadline);
    if (!found.ok()) return found.status();
    path = std::move(found).value();
  }
  ResultTable table;
  table.header = {"hop", "from", "link", "to", "evidence", "source"};
  if (!path) {
    table.title = "no connection within " + std::to_string(hops.value()) + " hops";
    return table;
  }
  table.title = std::to_string(path->size()) + " hops from " + EntityLabel(from->entity) + " to " + EntityLabel(to->entity);
  int number = 0;
  for (const Hop& hop : *path) {
    const std::string link = hop.forward ? "--" + hop.predicate + "-->" : "<--" + hop.predicate + "--";
    table.rows.push_back({std::to_string(++number), VertexLabel(g, hop.from), link, VertexLabel(g, hop.to), hop.evidence, hop.doc});
  }
  return table;
}

Result<ResultTable> NeighborsTable(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (words.positional.empty()) return Status::InvalidArgument("neighbors needs a name: neighbors \"Bến Tre\" --depth 2");
  auto depth = NumberOption(words, "--depth", 2, 1, 6);
  if (!depth.ok()) return depth.status();
  auto limit = NumberOption(words, "--limit", 200, 1, 1000000);
  if (!limit.ok()) return limit.status();
  auto entity = ResolveUnique(*state.store, JoinedName(words), deadline);
  if (!entity.ok()) return entity.status();
  auto graph = LoadGraph(state, deadline);
  if (!graph.ok()) return graph.status();
  const KnowledgeGraph& g = *graph.value();
  ResultTable table;
  table.title = "within " + std::to_string(depth.value()) + " hops of " + EntityLabel(entity->entity);
  table.header = {"hops", "entity", "type"};
  if (auto v = g.VertexOf(entity->id)) {
    auto reached = ExploreNeighborhood(g, *v, static_cast<int>(depth.value()), static_cast<std::size_t>(limit.value()), deadline);
    if (!reached.ok()) return reached.status();
    for (const Reached& r : reached.value())
      table.rows.push_back({std::to_string(r.distance), EntityLabel(g.EntityOf(r.vertex)),
                            std::string(EntityTypeName(g.EntityOf(r.vertex).type))});
  }
  return table;
}

Result<ResultTable> EventsTable(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (!words.positional.empty()) return Status::InvalidArgument("events takes only options: --province, --from, --to");
  auto rows = Events(*state.store, Option(words, "--province"), Option(words, "--from"), Option(words, "--to"), deadline);
  if (!rows.ok()) return rows.status();
  ResultTable table;
  table.header = {"date", "event", "organized by", "bridge points", "held in"};
  for (const EventRow& r : rows.value())
    table.rows.push_back({r.date, r.name, Join(r.organizers, "; "), Join(r.bridge_points, ", "), Join(r.places, ", ")});
  return table;
}

Result<ResultTable> TopTable(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (!words.positional.empty()) return Status::InvalidArgument("top takes only options: --by, --type, -n");
  const std::string by = Option(words, "--by", "degree");
  if (by != "degree" && by != "betweenness") return Status::InvalidArgument("--by is degree or betweenness, not '" + by + "'");
  auto n = NumberOption(words, "-n", 10, 1, 100000);
  if (!n.ok()) return n.status();
  std::optional<EntityType> type;
  if (const std::string name = Option(words, "--type"); !name.empty()) {
    type = ParseEntityType(name);
    if (!type) return Status::InvalidArgument("unknown entity type '" + name + "' (Person, Organization, Province, Place, Event, ...)");
  }
  auto graph = LoadGraph(state, deadline);
  if (!graph.ok()) return graph.status();
  const KnowledgeGraph& g = *graph.value();
  auto ranked = MostCentral(g, by == "betweenness" ? Centrality::kBetweenness : Centrality::kDegree, type,
                            static_cast<std::size_t>(n.value()), kDefaultBetweennessSources, deadline);
  if (!ranked.ok()) return ranked.status();
  ResultTable table;
  table.header = {by, "entity", "type"};
  for (auto [v, score] : ranked.value()) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, by == "betweenness" ? "%.1f" : "%.0f", score);
    table.rows.push_back({buffer, EntityLabel(g.EntityOf(v)), std::string(EntityTypeName(g.EntityOf(v).type))});
  }
  return table;
}

}  // namespace

std::span<const QueryCommandInfo> QueryCommands() { return kQueryCommands; }

std::vector<std::string> QuestionOptions(std::string_view command) {
  if (command == "bridges") return {"--province", "--date", "--event"};
  if (command == "path") return {"--max-hops"};
  if (command == "neighbors") return {"--depth", "--limit"};
  if (command == "events") return {"--province", "--from", "--to"};
  if (command == "top") return {"--by", "--type", "-n"};
  return {};
}

Result<const KnowledgeGraph*> LoadGraph(Repl::State& state, const Deadline& deadline) {
  if (state.graph) return &*state.graph;
  auto loaded = KnowledgeGraph::Load(*state.store, deadline);
  if (!loaded.ok()) return loaded.status();
  state.graph = std::move(loaded).value();
  return &*state.graph;
}

Result<ResultTable> RunQuestion(Repl::State& state, const std::string& name, const std::vector<std::string>& args,
                                const Deadline& deadline) {
  using Runner = Result<ResultTable> (*)(Repl::State&, const Words&, const Deadline&);
  static const std::map<std::string, Runner, std::less<>> kRunners = {
      {"bridges", Bridges}, {"who", WhoTable},       {"path", PathTable},
      {"neighbors", NeighborsTable}, {"events", EventsTable}, {"top", TopTable},
  };
  auto runner = kRunners.find(name);
  if (runner == kRunners.end()) {
    return Status::NotFound("unknown command '" + name +
                            "'; the questions are bridges, who, path, neighbors, events, top; .help lists all");
  }
  auto words = ParseWords(name, args);
  if (!words.ok()) return words.status();
  VNKG_RETURN_IF_ERROR(NeedStore(state));
  return runner->second(state, words.value(), deadline);
}

}  // namespace vnkg
