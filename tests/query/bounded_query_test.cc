// Bounded SPARQL and REPL statements: a runaway query (a cross product, or
// a nested loop whose every step is filtered out) stops with the deadline's
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
#include "vnkg/query/repl.h"
#include "vnkg/query/sparql.h"

using namespace vnkg;
using namespace std::chrono_literals;

namespace {

constexpr int kPeople = 3000;

// 3000 people attending 30 events: about 10,000 triples in the RDF view
// (facts, types, labels, dates), so a two-pattern cross product has ~10^8
// solutions and the nested loop below ~10^8 steps.
class BigStore {
 public:
  BigStore()
      : dir_((std::filesystem::temp_directory_path() / ("vnkg-bounded-sparql-" + std::to_string(::getpid()))).string()) {
    std::filesystem::remove_all(dir_);
    auto opened = Store::Open(dir_, Store::Mode::kReadWrite);
    REQUIRE(opened.ok());
    store_ = std::move(opened.value());
    std::vector<Fact> facts;
    for (int i = 0; i < kPeople; ++i) {
      Fact f;
      f.subject = Entity{EntityType::kPerson, "Người " + std::to_string(i), "", "", "", ""};
      f.predicate = "attended";
      const int event = i % 30;
      f.object = Entity{EntityType::kEvent, "Hội nghị " + std::to_string(event),
                        "2024-01-" + std::string(event < 9 ? "0" : "") + std::to_string(event + 1), "", "", ""};
      f.doc = "d";
      f.evidence = "x";
      facts.push_back(std::move(f));
    }
    DocumentRecord record;
    record.id = "d";
    record.content_hash = ContentHash("t", "x");
    REQUIRE(store_->PutDocument(record, facts).ok());
  }
  ~BigStore() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  const Store& store() const { return *store_; }
  const std::string& dir() const { return dir_; }
  void Close() { store_.reset(); }

 private:
  std::string dir_;
  std::unique_ptr<Store> store_;
};

// Every triple against every triple: the solutions themselves pile up.
constexpr const char* kCrossProduct = "SELECT * WHERE { ?a ?p ?b . ?c ?q ?d }";
// Every triple against every triple again, but the OPTIONAL's filter throws
// each pair away: memory stays small while the work is quadratic (the
// variables of the filter are not joined in the pattern, a common mistake).
constexpr const char* kNestedLoop =
    "SELECT ?a ?b WHERE { ?a ?p ?b OPTIONAL { ?c ?q ?d FILTER(?c = ?b && ?d = ?a) } }";

SparqlOptions With(Deadline deadline, std::size_t max_rows = 1'000'000'000) {
  SparqlOptions options;
  options.max_rows = max_rows;
  options.deadline = deadline;
  return options;
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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
