// The question commands of the REPL: bridges, who, path, neighbors, events,
// top. Each parses its words, asks query/ (bridges.h, questions.h) and hands
// the rows to its presenter (presenters.h), the one the subcommands use too;
// printing is the engine's.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

#include "repl_internal.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/questions.h"
#include "vnkg/shell/presenters.h"

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

std::string JoinedName(const Words& words) { return JoinList(words.positional, " "); }

Status NeedStore(const Repl::State& state) {
  return state.store ? Status::Ok() : Status::InvalidArgument("no database is open; .open DIR opens one");
}

Result<ResultTable> RunBridges(Repl::State& state, const Words& words, const Deadline&) {
  BridgeFilter filter;
  filter.province = Option(words, "--province");
  filter.date = Option(words, "--date");
  filter.event = Option(words, "--event");
  if (!words.positional.empty()) return Status::InvalidArgument("bridges takes only options: --province, --date, --event");
  auto rows = ListBridgePoints(*state.store, filter);
  if (!rows.ok()) return rows.status();
  return BridgesTable(rows.value());
}

Result<ResultTable> RunWho(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (words.positional.empty()) return Status::InvalidArgument("who needs a name: who bui thanh son");
  auto entity = ResolveUnique(*state.store, JoinedName(words), deadline);
  if (!entity.ok()) return entity.status();
  auto rows = Who(*state.store, entity->id, deadline);
  if (!rows.ok()) return rows.status();
  return WhoTable(entity.value(), rows.value());
}

Result<ResultTable> RunPath(Repl::State& state, const Words& words, const Deadline& deadline) {
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
  return PathTable(g, from.value(), to.value(), path, static_cast<int>(hops.value()));
}

Result<ResultTable> RunNeighbors(Repl::State& state, const Words& words, const Deadline& deadline) {
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
  NeighborList around;  // stays empty when the entity has no facts: nothing around it
  if (g.VertexOf(entity->id)) {
    auto found = Neighbors(g, entity->id, static_cast<int>(depth.value()), static_cast<std::size_t>(limit.value()), deadline);
    if (!found.ok()) return found.status();
    around = std::move(found).value();
  }
  return NeighborsTable(entity.value(), static_cast<int>(depth.value()), around);
}

Result<ResultTable> RunEvents(Repl::State& state, const Words& words, const Deadline& deadline) {
  if (!words.positional.empty()) return Status::InvalidArgument("events takes only options: --province, --from, --to");
  auto rows = Events(*state.store, Option(words, "--province"), Option(words, "--from"), Option(words, "--to"), deadline);
  if (!rows.ok()) return rows.status();
  return EventsTable(rows.value());
}

Result<ResultTable> RunTop(Repl::State& state, const Words& words, const Deadline& deadline) {
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
  auto ranked = Top(g, by == "betweenness" ? Centrality::kBetweenness : Centrality::kDegree, type,
                    static_cast<std::size_t>(n.value()), kDefaultBetweennessSources, deadline);
  if (!ranked.ok()) return ranked.status();
  return TopTable(by, ranked.value());
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
      {"bridges", RunBridges},     {"who", RunWho},       {"path", RunPath},
      {"neighbors", RunNeighbors}, {"events", RunEvents}, {"top", RunTop},
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
