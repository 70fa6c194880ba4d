// Bounded REPL statements: .timeout stops a runaway SPARQL query, Ctrl-C
// stops a question, and the session goes on.
#include <catch2/catch.hpp>
#include <sstream>

#include "../query/bounded_test_db.h"
#include "vnkg/deadline.h"
#include "vnkg/shell/repl.h"

using namespace vnkg;
using namespace vnkg::testing;

namespace {

struct Session {
  std::ostringstream out, err;
  Repl repl;
  explicit Session(const std::string& db) : repl(ReplOptions{&out, &err, DefaultSparqlEngine(), false}) {
    REQUIRE(repl.Open(db).ok());
  }
};

}  // namespace

TEST_CASE("repl: .timeout bounds each statement, Ctrl-C stops one and the session goes on", "[repl][deadline]") {
  BigStore big;
  const std::string dir = big.dir();
  big.Close();  // the REPL opens it read-only
  Session s(dir);

  CHECK(s.repl.timeout() == kDefaultTimeoutSeconds);
  REQUIRE(s.repl.ExecuteLine(".timeout").ok());
  CHECK(s.out.str() == "30 s\n");
  REQUIRE(s.repl.ExecuteLine(".timeout 0.05").ok());
  CHECK(s.repl.timeout() == 0.05);

  Status stopped = s.repl.ExecuteLine(std::string(kNestedLoop) + ";");
  REQUIRE_FALSE(stopped.ok());
  CHECK(stopped.code() == Status::Code::kDeadlineExceeded);
  CHECK(Contains(stopped.message(), "query stopped after 0.05 s (.timeout)"));

  // Ctrl-C (the flag the REPL's SIGINT handler sets) stops a question too.
  ReplInterruptFlag().store(true);
  Status cancelled = s.repl.ExecuteLine("path \"Người 1\" \"Người 2\"");
  ReplInterruptFlag().store(false);  // as RunInteractive does after each statement
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.code() == Status::Code::kAborted);
  CHECK(Contains(cancelled.message(), "stopped by Ctrl-C"));

  // The session goes on; with no limit the same question answers.
  REQUIRE(s.repl.ExecuteLine(".timeout 0").ok());
  s.out.str("");
  REQUIRE(s.repl.ExecuteLine(".timeout").ok());
  CHECK(s.out.str() == "none\n");
  REQUIRE(s.repl.ExecuteLine("path \"Người 1\" \"Người 31\"").ok());
  CHECK(Contains(s.out.str(), "2 hops from Người 1 to Người 31"));

  CHECK_FALSE(s.repl.ExecuteLine(".timeout soon").ok());
  CHECK_FALSE(s.repl.ExecuteLine(".timeout -1").ok());
}
