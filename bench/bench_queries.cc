// vnkg_bench_queries DB [N]: times bridges, who, 2-hop neighbors and path on
// N sampled entities of a database, in-process (the database and the graph
// are opened and loaded once, and that load is timed apart). Prints JSON:
// {"graph_load_ms": ..., "bridges": {"p50_ms": .., "p99_ms": .., "n": ..}, ...}
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>

#include "vnkg/graph/graph.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/questions.h"

using namespace vnkg;
using Clock = std::chrono::steady_clock;

namespace {

struct Timings {
  std::vector<double> ms;
  double Percentile(double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * (ms.size() - 1) + 0.5))];
  }
};

template <typename F>
double TimeMs(F&& f) {
  const auto start = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: vnkg_bench_queries DB [N]\n";
    return 2;
  }
  const std::size_t n = argc > 2 ? std::stoul(argv[2]) : 200;
  auto store = Store::Open(argv[1], Store::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << store.status().message() << '\n';
    return 1;
  }
  std::vector<TermId> people;
  std::vector<std::string> provinces;
  Status s = store.value()->ForEachEntity([&](TermId id, const Entity& e) {
    if (e.type == EntityType::kPerson) people.push_back(id);
    if (e.type == EntityType::kProvince) provinces.push_back(e.name);
    return true;
  });
  if (!s.ok() || people.size() < 2) {
    std::cerr << "too few people in the database\n";
    return 1;
  }
  std::mt19937 random(42);
  auto pick = [&](const auto& v) { return v[random() % v.size()]; };

  Result<KnowledgeGraph> graph = Status::Aborted("not loaded");
  const double load_ms = TimeMs([&] { graph = KnowledgeGraph::Load(*store.value()); });
  if (!graph.ok()) return 1;

  Timings bridges, who, neighbors, path;
  for (std::size_t i = 0; i < n; ++i) {
    const TermId a = pick(people), b = pick(people);
    BridgeFilter filter;
    if (!provinces.empty()) filter.province = pick(provinces);
    bridges.ms.push_back(TimeMs([&] { (void)ListBridgePoints(*store.value(), filter); }));
    who.ms.push_back(TimeMs([&] { (void)Who(*store.value(), a); }));
    auto va = graph->VertexOf(a), vb = graph->VertexOf(b);
    if (va) neighbors.ms.push_back(TimeMs([&] { (void)Neighborhood(graph.value(), *va, 2, 100000); }));
    if (va && vb) path.ms.push_back(TimeMs([&] { (void)ShortestPath(graph.value(), *va, *vb, 6); }));
  }
  auto entry = [](const char* name, Timings& t) {
    std::printf("\"%s\": {\"p50_ms\": %.4f, \"p99_ms\": %.4f, \"n\": %zu}", name, t.Percentile(0.5), t.Percentile(0.99),
                t.ms.size());
  };
  std::printf("{\"graph_load_ms\": %.1f, \"graph_vertices\": %zu, ", load_ms, graph->size());
  entry("bridges", bridges);
  std::printf(", ");
  entry("who", who);
  std::printf(", ");
  entry("neighbors_2hop", neighbors);
  std::printf(", ");
  entry("path", path);
  std::printf("}\n");
  return 0;
}
