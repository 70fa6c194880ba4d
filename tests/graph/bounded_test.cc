// Bounded walks: on a graph built to be large, every walk that takes a
// Deadline stops with its error when the deadline has passed, when it
// passes during the walk, or when the cancel flag (Ctrl-C) is set; and
// finishes with the same answer as the unbounded walk when there is none.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <thread>

#include "vnkg/deadline.h"
#include "vnkg/graph/graph.h"
#include "vnkg/query/questions.h"

using namespace vnkg;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t kChain = 200'000;  // vertices: big enough that a whole walk takes milliseconds

Entity Person(std::size_t i) { return Entity{EntityType::kPerson, "N" + std::to_string(i), "", "", "", ""}; }

// N0 - N1 - ... - N199999 (cooperates_with), plus one person alone with an
// award: a search for them from the chain walks all of it and finds nothing.
// Built once per process (each test case runs in its own under ctest).
const KnowledgeGraph& Chain() {
  static const KnowledgeGraph graph = [] {
    std::vector<StoredFact> facts;
    facts.reserve(kChain);
    for (std::size_t i = 0; i + 1 < kChain; ++i) {
      StoredFact f;
      f.subject_id = i + 1;
      f.subject = Person(i);
      f.predicate = "cooperates_with";
      f.object_id = i + 2;
      f.object = Person(i + 1);
      facts.push_back(std::move(f));
    }
    StoredFact alone;
    alone.subject_id = kChain + 1;
    alone.subject = Entity{EntityType::kPerson, "Ẩn Danh", "", "", "", ""};
    alone.predicate = "received_award";
    alone.object_id = kChain + 2;
    alone.object = Entity{EntityType::kAward, "Huân chương", "", "", "", ""};
    facts.push_back(std::move(alone));
    return KnowledgeGraph::FromFacts(facts);
  }();
  return graph;
}

Vertex V(TermId id) { return *Chain().VertexOf(id); }
const TermId kFirst = 1, kLast = kChain, kAlone = kChain + 1;

Deadline CancelledDeadline() {
  static std::atomic<bool> pressed{true};  // as if Ctrl-C had been pressed
  return Deadline().CancelledBy(&pressed);
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("deadline: never, expired, seconds, cancel flag, and the messages", "[deadline]") {
  Deadline never;
  bool stopped = false;
  for (int i = 0; i < 10'000; ++i) stopped = stopped || never.Poll();
  CHECK_FALSE(stopped);
  CHECK_FALSE(never.Check());
  CHECK_FALSE(Deadline::Seconds(0).Check());  // --timeout 0: no limit
  CHECK_FALSE(Deadline::Seconds(-1).bounded());
  CHECK_FALSE(Deadline::Seconds(3600).Check());

  Deadline expired = Deadline::Expired();
  CHECK(expired.Check());
  CHECK(expired.Poll());  // once stopped, every poll says so
  Status timed_out = Deadline::Seconds(2).Stop("path search", "7 vertices visited");
  CHECK(timed_out.code() == Status::Code::kDeadlineExceeded);
  CHECK(timed_out.message() == "path search stopped after 2.0 s (--timeout); 7 vertices visited");
  CHECK(Deadline::Seconds(0.5).SettingName(".timeout").Stop("query", "").message() ==
        "query stopped after 0.5 s (.timeout)");

  std::atomic<bool> flag{false};
  Deadline cancellable = Deadline().CancelledBy(&flag);
  CHECK_FALSE(cancellable.Check());
  flag = true;
  // Poll looks at the flag only every kStride calls: cheap, and still prompt.
  std::uint32_t polls = 0;
  while (!cancellable.Poll()) ++polls;
  CHECK(polls < Deadline::kStride);
  CHECK(cancellable.cancelled());
  Status cancelled = cancellable.Stop("path search", "7 vertices visited");
  CHECK(cancelled.code() == Status::Code::kAborted);
  CHECK(cancelled.message() == "path search stopped by Ctrl-C; 7 vertices visited");

  // The clock is read within a stride of polls, so a passed deadline is noticed.
  Deadline soon = Deadline::After(1ms);
  std::this_thread::sleep_for(5ms);
  polls = 0;
  while (!soon.Poll()) ++polls;
  CHECK(polls < Deadline::kStride);
  CHECK_FALSE(soon.cancelled());
}

TEST_CASE("bounded path search on a 200k chain: expired, tiny, cancelled, none", "[graph][deadline]") {
  const KnowledgeGraph& g = Chain();
  REQUIRE(g.size() == kChain + 2);
  const PathOptions far{1'000'000, 0};

  auto expired = ShortestPath(g, V(kFirst), V(kAlone), far, Deadline::Expired());
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.status().code() == Status::Code::kDeadlineExceeded);
  CHECK(Contains(expired.status().message(), "path search stopped after 0 s (--timeout); 0 vertices visited"));

  // The whole walk takes milliseconds; 200 µs runs out during it.
  const auto start = std::chrono::steady_clock::now();
  auto tiny = ShortestPath(g, V(kFirst), V(kAlone), far, Deadline::After(200us));
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(tiny.ok());
  CHECK(tiny.status().code() == Status::Code::kDeadlineExceeded);
  CHECK(Contains(tiny.status().message(), "vertices visited"));
  CHECK(took < 1s);  // generous for sanitizers on a shared machine; typically 0.2 ms

  auto cancelled = ShortestPath(g, V(kFirst), V(kLast), far, CancelledDeadline());
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.status().code() == Status::Code::kAborted);
  CHECK(Contains(cancelled.status().message(), "path search stopped by Ctrl-C"));

  // A "no connection" is an answer only from a search that finished.
  auto none = ShortestPath(g, V(kFirst), V(kAlone), far, Deadline());
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
  auto whole = ShortestPath(g, V(kFirst), V(kLast), far, Deadline::Seconds(3600));
  REQUIRE(whole.ok());
  REQUIRE(whole->has_value());
  CHECK((*whole)->size() == kChain - 1);
  CHECK((*whole)->back().to == V(kLast));
  // The hop limit still bounds it, and the unbounded overload agrees.
  auto short_hops = ShortestPath(g, V(kFirst), V(kLast), PathOptions{10, 0}, Deadline());
  REQUIRE(short_hops.ok());
  CHECK_FALSE(short_hops->has_value());
  CHECK(ShortestPath(g, V(kFirst), V(kLast), far)->size() == kChain - 1);

  // Through the question layer: the stop is an error, not found == false.
  auto path = Path(g, kFirst, kLast, far, Deadline::Expired());
  REQUIRE_FALSE(path.ok());
  CHECK(path.status().code() == Status::Code::kDeadlineExceeded);
}

TEST_CASE("bounded neighbourhood on a 200k chain: expired, tiny, cancelled, none", "[graph][deadline]") {
  const KnowledgeGraph& g = Chain();
  const int deep = 1'000'000;
  const std::size_t all = 1'000'000;

  auto expired = ExploreNeighborhood(g, V(kFirst), deep, all, Deadline::Expired());
  REQUIRE_FALSE(expired.ok());
  CHECK(expired.status().code() == Status::Code::kDeadlineExceeded);
  CHECK(Contains(expired.status().message(), "neighbourhood search stopped after"));

  auto tiny = ExploreNeighborhood(g, V(kFirst), deep, all, Deadline::After(200us));
  REQUIRE_FALSE(tiny.ok());
  CHECK(tiny.status().code() == Status::Code::kDeadlineExceeded);
  CHECK(Contains(tiny.status().message(), "vertices reached"));

  auto cancelled = ExploreNeighborhood(g, V(kFirst), deep, all, CancelledDeadline());
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.status().code() == Status::Code::kAborted);

  auto whole = ExploreNeighborhood(g, V(kFirst), deep, all, Deadline());
  REQUIRE(whole.ok());
  CHECK(whole->size() == kChain - 1);
  CHECK(whole->back().distance == static_cast<int>(kChain - 1));
  CHECK(ExploreNeighborhood(g, V(kFirst), deep, all).size() == kChain - 1);

  auto listed = Neighbors(g, kFirst, deep, 10, Deadline::Seconds(3600));
  REQUIRE(listed.ok());
  CHECK(listed->rows.size() == 10);
  CHECK(listed->truncated);
  auto stopped = Neighbors(g, kFirst, deep, all, CancelledDeadline());
  REQUIRE_FALSE(stopped.ok());
  CHECK(stopped.status().code() == Status::Code::kAborted);
}

TEST_CASE("bounded betweenness: exact on a 200k chain would take hours - it stops", "[graph][deadline]") {
  const KnowledgeGraph& g = Chain();
  const auto start = std::chrono::steady_clock::now();
  auto exact = MostCentral(g, Centrality::kBetweenness, std::nullopt, 5, 0, Deadline::After(50ms));
  const auto took = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(exact.ok());
  CHECK(exact.status().code() == Status::Code::kDeadlineExceeded);
  CHECK(Contains(exact.status().message(), "betweenness stopped after 0.05 s (--timeout);"));
  CHECK(Contains(exact.status().message(), "searches done"));
  CHECK(took < 5s);

  auto cancelled = Top(g, Centrality::kBetweenness, std::nullopt, 5, 0, CancelledDeadline());
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.status().code() == Status::Code::kAborted);
  auto by_degree = MostCentral(g, Centrality::kDegree, std::nullopt, 5, 0, Deadline::Expired());
  CHECK(by_degree.status().code() == Status::Code::kDeadlineExceeded);

  // A few sampled sources finish, and give what the unbounded call gives.
  auto sampled = MostCentral(g, Centrality::kBetweenness, EntityType::kPerson, 3, 4, Deadline());
  REQUIRE(sampled.ok());
  CHECK(sampled.value() == MostCentral(g, Centrality::kBetweenness, EntityType::kPerson, 3, 4));
}

namespace {

// A real store of a few thousand facts, for the walks that read one.
struct ChainStore {
  std::string dir;
  std::unique_ptr<Store> store;
  ChainStore()
      : dir((std::filesystem::temp_directory_path() / ("vnkg-bounded-" + std::to_string(::getpid()))).string()) {
    std::filesystem::remove_all(dir);
    auto opened = Store::Open(dir, Store::Mode::kReadWrite);
    REQUIRE(opened.ok());
    store = std::move(opened.value());
    std::vector<Fact> facts;
    for (std::size_t i = 0; i < 5000; ++i) {
      Fact f;
      f.subject = Person(i);
      f.predicate = "cooperates_with";
      f.object = Person(i + 1);
      f.doc = "d";
      f.evidence = "x";
      facts.push_back(std::move(f));
    }
    DocumentRecord record;
    record.id = "d";
    record.content_hash = ContentHash("t", "x");
    REQUIRE(store->PutDocument(record, facts).ok());
  }
  ~ChainStore() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

}  // namespace

TEST_CASE("loading the graph and looking up names stop at the deadline too", "[graph][deadline]") {
  ChainStore s;
  auto expired = KnowledgeGraph::Load(*s.store, Deadline::Expired());
  REQUIRE_FALSE(expired.ok());
  CHECK(Contains(expired.status().message(), "loading the graph stopped after"));
  auto cancelled = KnowledgeGraph::Load(*s.store, CancelledDeadline());
  REQUIRE_FALSE(cancelled.ok());
  CHECK(cancelled.status().code() == Status::Code::kAborted);
  auto loaded = KnowledgeGraph::Load(*s.store, Deadline::Seconds(3600));
  REQUIRE(loaded.ok());
  CHECK(loaded->size() == 5001);

  auto name = ResolveUnique(*s.store, "n4999", Deadline::Expired());
  CHECK(name.status().code() == Status::Code::kDeadlineExceeded);
  auto found = ResolveUnique(*s.store, "n4999", Deadline());
  REQUIRE(found.ok());
  CHECK(found->entity.name == "N4999");
  auto who = Who(*s.store, found->id, CancelledDeadline());
  CHECK(who.status().code() == Status::Code::kAborted);
  auto events = Events(*s.store, "", "", "", Deadline::Expired());
  CHECK(events.status().code() == Status::Code::kDeadlineExceeded);
}
