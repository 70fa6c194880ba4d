// Bounded SPARQL statements (the REPL's: tests/shell/bounded_repl_test.cc):
// a runaway query (a cross product, or a nested loop whose every step is
// filtered out) stops with the deadline's
// error when the deadline has passed or passes while it runs, or when the
// cancel flag (Ctrl-C) is set, even from another thread mid-query; a query
// with no deadline answers in full.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "vnkg/deadline.h"
#include "vnkg/query/sparql.h"
#include "bounded_test_db.h"

using namespace vnkg;
using namespace vnkg::testing;
using namespace std::chrono_literals;

namespace {

SparqlOptions With(Deadline deadline, std::size_t max_rows = 1'000'000'000) {
  SparqlOptions options;
  options.max_rows = max_rows;
  options.deadline = deadline;
  return options;
}


}  // namespace

TEST_CASE("sparql: a runaway query stops at an expired or tiny deadline", "[sparql][deadline]") {
  BigStore big;
  auto expired = RunSparql(big.store(), kCrossProduct, With(Deadline::Expired()));
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.status().code() == Status::Code::kDeadlineExceeded);
  CHECK(expired.status().message() == "query stopped after 0 s (--timeout)");

  // The engine first, so that the 50 ms are the query's own.
  auto engine = SparqlEngine::Create(big.store());
  REQUIRE(engine.ok());
  for (const char* query : {kCrossProduct, kNestedLoop}) {
    INFO(query);
    const auto start = std::chrono::steady_clock::now();
    auto tiny = engine.value()->Run(query, With(Deadline::After(50ms)));
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(tiny.ok());
    CHECK(tiny.status().code() == Status::Code::kDeadlineExceeded);
    CHECK(Contains(tiny.status().message(), "query stopped after 0.05 s (--timeout); "));
    CHECK(Contains(tiny.status().message(), " intermediate solutions computed"));
    // Unbounded, each runs for minutes; stopped, it returns at once (the
    // margin is for sanitizers on a shared machine).
    CHECK(took < 5s);
  }
}

TEST_CASE("sparql: the cancel flag stops a runaway query, also from another thread", "[sparql][deadline]") {
  BigStore big;
  std::atomic<bool> pressed{true};
  auto at_once = RunSparql(big.store(), kCrossProduct, With(Deadline().CancelledBy(&pressed)));
  REQUIRE_FALSE(at_once.ok());
  CHECK(at_once.status().code() == Status::Code::kAborted);
  CHECK(Contains(at_once.status().message(), "query stopped by Ctrl-C"));

  // As a SIGINT handler would: the flag is set while the query runs. The
  // 60 s limit only keeps a broken poll from hanging the test.
  pressed = false;
  auto engine = SparqlEngine::Create(big.store());
  REQUIRE(engine.ok());
  std::thread presser([&] {
    std::this_thread::sleep_for(30ms);
    pressed = true;
  });
  const auto start = std::chrono::steady_clock::now();
  auto mid = engine.value()->Run(kNestedLoop, With(Deadline::Seconds(60).CancelledBy(&pressed)));
  const auto took = std::chrono::steady_clock::now() - start;
  presser.join();
  REQUIRE_FALSE(mid.ok());
  CHECK(mid.status().code() == Status::Code::kAborted);
  CHECK(Contains(mid.status().message(), "query stopped by Ctrl-C; "));
  CHECK(took < 5s);
}

TEST_CASE("sparql: without a deadline a query answers in full - the row limit still holds", "[sparql][deadline]") {
  BigStore big;
  const std::string count = "PREFIX vn: <urn:vnkg:> SELECT (COUNT(*) AS ?n) WHERE { ?a vn:attended ?b }";
  auto none = RunSparql(big.store(), count, With(Deadline()));
  REQUIRE(none.ok());
  REQUIRE(none->rows.size() == 1);
  CHECK(none->rows[0][0].value == std::to_string(kPeople));
  auto roomy = RunSparql(big.store(), count, With(Deadline::Seconds(3600)));
  REQUIRE(roomy.ok());
  CHECK(roomy->rows == none->rows);

  // Past max_rows the cross product stops by size, whatever the time.
  auto big_step = RunSparql(big.store(), kCrossProduct, With(Deadline(), 100'000));
  REQUIRE_FALSE(big_step.ok());
  CHECK(big_step.status().code() == Status::Code::kAborted);
  CHECK(Contains(big_step.status().message(), "more than 100000 intermediate solutions"));
}
