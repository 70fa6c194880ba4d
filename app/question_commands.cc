// who, path, neighbors, events, top: the everyday questions by name. Each
// asks query/ and prints the table of its presenter (shell/presenters.h),
// the one the REPL shows.
//
// Each runs under a Deadline: --timeout (path, neighbors, top) and Ctrl-C
// (all of them). A stopped question prints why and how far it got, never a
// partial table; Ctrl-C exits with 130, the status a shell gives a process
// that SIGINT ended, so scripts see an interruption as one.
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "vnkg/deadline.h"
#include "vnkg/query/questions.h"
#include "vnkg/model/table.h"
#include "vnkg/shell/presenters.h"

namespace vnkg::app {
namespace {

constexpr int kExitInterrupted = 130;  // 128 + SIGINT

int Fail(const std::string& message) {
  std::cout.flush();
  std::cerr << "vnkg: " << message << '\n';
  // Whatever step noticed it, a Ctrl-C is reported as one.
  return InterruptFlag().load() ? kExitInterrupted : kExitError;
}

// From here on Ctrl-C stops the question (see CancelOnInterrupt); `seconds`
// > 0 also bounds it in time.
Deadline StartDeadline(double seconds) {
  CancelOnInterrupt();
  return Deadline::Seconds(seconds).CancelledBy(&InterruptFlag());
}

Result<std::unique_ptr<Store>> OpenForReading(const std::string& db) {
  return Store::Open(db.empty() ? DefaultDatabasePath() : db, Store::Mode::kReadOnly);
}

// A presenter's table as the subcommands print it: its title (if any) on a
// line, then aligned columns cut at `max_cell_width`.
void PrintTitled(const ResultTable& table, std::size_t max_cell_width) {
  if (!table.title.empty()) std::cout << table.title << '\n';
  PrintTable(std::cout, table.header, table.rows, max_cell_width);
}

int RunWho(const std::string& db, const std::string& name) {
  const Deadline deadline = StartDeadline(0);
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto entity = ResolveUnique(*store.value(), name, deadline);
  if (!entity.ok()) return Fail(entity.status().message());
  auto rows = Who(*store.value(), entity->id, deadline);
  if (!rows.ok()) return Fail(rows.status().message());
  PrintTitled(WhoTable(entity.value(), rows.value()), 70);
  return kExitOk;
}

int RunPath(const std::string& db, const std::string& a, const std::string& b, int max_hops, double timeout) {
  const Deadline deadline = StartDeadline(timeout);
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto from = ResolveUnique(*store.value(), a, deadline);
  if (!from.ok()) return Fail(from.status().message());
  auto to = ResolveUnique(*store.value(), b, deadline);
  if (!to.ok()) return Fail(to.status().message());
  auto graph = KnowledgeGraph::Load(*store.value(), deadline);
  if (!graph.ok()) return Fail(graph.status().message());
  auto va = graph->VertexOf(from->id), vb = graph->VertexOf(to->id);
  std::optional<std::vector<Hop>> path;
  if (va && vb) {
    auto found = ShortestPath(graph.value(), *va, *vb, PathOptions{max_hops, 0}, deadline);
    if (!found.ok()) return Fail(found.status().message());
    path = std::move(found).value();
  }
  // The REPL shows this table as it is; here each hop is a line with its
  // evidence under it.
  const ResultTable table = PathTable(graph.value(), from.value(), to.value(), path, max_hops);
  std::cout << table.title << (path ? ":" : "") << '\n';
  for (const auto& hop : table.rows) {  // hop, from, link, to, evidence, source
    std::cout << "  " << hop[1] << "  " << hop[2] << "  " << hop[3] << '\n';
    if (!hop[4].empty()) std::cout << "      \"" << hop[4] << "\" [" << hop[5] << "]\n";
  }
  return kExitOk;
}

int RunNeighbors(const std::string& db, const std::string& name, int depth, std::size_t limit, double timeout) {
  const Deadline deadline = StartDeadline(timeout);
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto entity = ResolveUnique(*store.value(), name, deadline);
  if (!entity.ok()) return Fail(entity.status().message());
  auto graph = KnowledgeGraph::Load(*store.value(), deadline);
  if (!graph.ok()) return Fail(graph.status().message());
  NeighborList around;  // stays empty when the entity has no facts: nothing around it
  if (graph->VertexOf(entity->id)) {
    auto found = Neighbors(graph.value(), entity->id, depth, limit, deadline);
    if (!found.ok()) return Fail(found.status().message());
    around = std::move(found).value();
  }
  const ResultTable table = NeighborsTable(entity.value(), depth, around);
  PrintTable(std::cout, table.header, table.rows, 80);
  std::cout << table.rows.size() << " entities within " << depth << " hops"
            << (around.truncated ? " (limit reached: --limit shows more)" : "") << '\n';
  return kExitOk;
}

int RunEvents(const std::string& db, const std::string& province, const std::string& from, const std::string& to) {
  const Deadline deadline = StartDeadline(0);
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  auto rows = Events(*store.value(), province, from, to, deadline);
  if (!rows.ok()) return Fail(rows.status().message());
  PrintTitled(EventsTable(rows.value()), 60);
  return kExitOk;
}

int RunTop(const std::string& db, const std::string& by, const std::string& type, std::size_t n, std::size_t sources,
           double timeout) {
  const Deadline deadline = StartDeadline(timeout);
  auto store = OpenForReading(db);
  if (!store.ok()) return Fail(store.status().message());
  std::optional<EntityType> wanted;
  if (!type.empty()) {
    wanted = ParseEntityType(type);
    if (!wanted) return Fail("unknown entity type '" + type + "' (Person, Organization, Province, Place, Event, ...)");
  }
  auto graph = KnowledgeGraph::Load(*store.value(), deadline);
  if (!graph.ok()) return Fail(graph.status().message());
  auto ranked = Top(graph.value(), by == "betweenness" ? Centrality::kBetweenness : Centrality::kDegree, wanted, n,
                    sources, deadline);
  if (!ranked.ok()) return Fail(ranked.status().message());
  PrintTitled(TopTable(by, ranked.value()), 80);
  return kExitOk;
}

}  // namespace

void RegisterQuestionCommands(CLI::App& app, int& exit_code) {
  struct Args {
    std::string db, name, other, province, from, to, by = "degree", type;
    int hops = kDefaultMaxHops, depth = 2;
    std::size_t limit = 200, n = 10, sources = kDefaultBetweennessSources;
    double timeout = kDefaultTimeoutSeconds;
  };
  auto args = std::make_shared<Args>();
  const std::string db_help = "database directory (default: " + DefaultDatabasePath() + ")";
  auto add_timeout = [&](CLI::App* command) {
    command->add_option("--timeout", args->timeout,
                        "stop after this many seconds, loading the graph included (0: no limit)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
  };
  const std::string stopping =
      "\nStops after --timeout seconds with exit status 1, or at Ctrl-C with 130, saying how far it got\n"
      "(never a partial answer).";

  CLI::App* who = app.add_subcommand("who", "Offices, events and awards of a person (or anything by name)");
  who->add_option("name", args->name, "a name; case, diacritics and tone placement do not matter")->required();
  who->add_option("--db", args->db, db_help);
  who->footer("Example:\n  vnkg who \"bui thanh son\"\nCtrl-C stops it (exit status 130).");
  who->callback([args, &exit_code] { exit_code = RunWho(args->db, args->name); });

  CLI::App* path = app.add_subcommand("path", "How two entities are connected, hop by hop with evidence");
  path->add_option("from", args->name, "a name")->required();
  path->add_option("to", args->other, "another name")->required();
  path->add_option("--max-hops", args->hops, "longest connection to look for (default 6)")->check(CLI::Range(1, 20));
  add_timeout(path);
  path->add_option("--db", args->db, db_help);
  path->footer("Example:\n  vnkg path \"Phạm Minh Chính\" \"Hà Tĩnh\" --max-hops 4 --timeout 10" + stopping);
  path->callback(
      [args, &exit_code] { exit_code = RunPath(args->db, args->name, args->other, args->hops, args->timeout); });

  CLI::App* neighbors = app.add_subcommand("neighbors", "What lies within K hops of an entity");
  neighbors->add_option("name", args->name, "a name")->required();
  neighbors->add_option("--depth", args->depth, "hops (default 2)")->check(CLI::Range(1, 6));
  neighbors->add_option("--limit", args->limit, "at most this many entities (default 200)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  add_timeout(neighbors);
  neighbors->add_option("--db", args->db, db_help);
  neighbors->footer("Example:\n  vnkg neighbors \"Bộ Ngoại giao\" --depth 2 --limit 500" + stopping);
  neighbors->callback([args, &exit_code] {
    exit_code = RunNeighbors(args->db, args->name, args->depth, args->limit, args->timeout);
  });

  CLI::App* events = app.add_subcommand("events", "Events by date and province, with organizers and bridge points");
  events->add_option("--province", args->province, "held in, or with a bridge point in, this province");
  events->add_option("--from", args->from, "from this date (YYYY, YYYY-MM or YYYY-MM-DD)");
  events->add_option("--to", args->to, "up to this date");
  events->add_option("--db", args->db, db_help);
  events->footer("Example:\n  vnkg events --province \"ha tinh\" --from 2025\nCtrl-C stops it (exit status 130).");
  events->callback([args, &exit_code] { exit_code = RunEvents(args->db, args->province, args->from, args->to); });

  CLI::App* top = app.add_subcommand("top", "The most connected entities");
  top->add_option("--by", args->by, "degree or betweenness")->check(CLI::IsMember({"degree", "betweenness"}));
  top->add_option("--type", args->type, "only this entity type (Person, Organization, ...)");
  top->add_option("-n", args->n, "how many (default 10)");
  top->add_option("--sources", args->sources,
                  "betweenness: breadth-first searches to estimate from (0: one per vertex, exact and slow)")
      ->capture_default_str();
  add_timeout(top);
  top->add_option("--db", args->db, db_help);
  top->footer("Example:\n  vnkg top --by betweenness --type Person" + stopping);
  top->callback([args, &exit_code] {
    exit_code = RunTop(args->db, args->by, args->type, args->n, args->sources, args->timeout);
  });
}

}  // namespace vnkg::app
