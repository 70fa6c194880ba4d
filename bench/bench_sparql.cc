// vnkg_bench_sparql DB RUNS QUERY.rq...: SPARQL in-process, warm. Opens the
// database and makes the engine once (each step timed: what a cold process
// pays before its first answer), then runs each query once to warm up and
// RUNS times more, on the path that counts without rows and on the general
// path (SparqlOptions::general_aggregates). Prints JSON:
// {"kept_view_bytes": .., ..., "open_ms": .., "engine_ms": .., "names_ms": .., "queries": {"NAME": {"rows": ..,
//  "median_ms": .., "general_median_ms": ..}, ...}}
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "vnkg/query/questions.h"
#include "vnkg/query/sparql.h"

using namespace vnkg;
using Clock = std::chrono::steady_clock;

namespace {

double Since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::string BaseName(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  return name.substr(0, name.rfind('.'));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: vnkg_bench_sparql DB RUNS QUERY.rq...\n";
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[2]));
  auto start = Clock::now();
  auto store = Store::Open(argv[1], Store::Mode::kReadOnly);
  if (!store.ok()) {
    std::cerr << store.status().message() << '\n';
    return 1;
  }
  const double open_ms = Since(start);
  start = Clock::now();
  auto engine = SparqlEngine::Create(*store.value());
  if (!engine.ok()) {
    std::cerr << engine.status().message() << '\n';
    return 1;
  }
  const double engine_ms = Since(start);
  start = Clock::now();
  auto names = NameResolver::Load(*store.value());
  const double names_ms = Since(start);
  if (!names.ok()) {
    std::cerr << names.status().message() << '\n';
    return 1;
  }
  // The sizes of what the store keeps for a cold start (0: not kept or stale).
  auto kept_bytes = [&](const char* name) -> std::size_t {
    auto kept = store.value()->ReadDerived(name);
    return kept.ok() && kept.value() ? kept.value()->bytes().size() : 0;
  };
  std::cout << "{\"kept_view_bytes\": " << kept_bytes("sparql_view/2")
            << ", \"kept_names_bytes\": " << kept_bytes(NameResolver::kDerivedName)
            << ", \"kept_resolution_bytes\": " << kept_bytes("resolution/1") << ", \"open_ms\": " << open_ms << ", \"engine_ms\": " << engine_ms << ", \"names_ms\": " << names_ms
            << ", \"queries\": {";
  for (int i = 3; i < argc; ++i) {
    std::ifstream in(argv[i]);
    std::stringstream text;
    text << in.rdbuf();
    std::size_t rows = 0;
    double medians[2];
    for (bool general : {false, true}) {
      SparqlOptions options;
      options.general_aggregates = general;
      std::vector<double> ms;
      for (int r = 0; r <= runs; ++r) {
        start = Clock::now();
        auto result = engine.value()->Run(text.str(), options);
        const double t = Since(start);
        if (!result.ok()) {
          std::cerr << argv[i] << ": " << result.status().message() << '\n';
          return 1;
        }
        rows = result->rows.size();
        if (r > 0) ms.push_back(t);  // the first run warms up
      }
      medians[general ? 1 : 0] = Median(ms);
    }
    std::cout << (i > 3 ? ", " : "") << '"' << BaseName(argv[i]) << "\": {\"rows\": " << rows
              << ", \"median_ms\": " << medians[0] << ", \"general_median_ms\": " << medians[1] << '}';
  }
  std::cout << "}}\n";
  return 0;
}
