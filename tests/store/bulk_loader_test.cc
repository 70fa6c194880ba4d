// The bulk loader builds the database the per-document writer builds.
#include <catch2/catch.hpp>
#include <sstream>

#include "store_test_support.h"
#include "vnkg/store/bulk.h"

using namespace vnkg;
using namespace vnkg::store_test;

namespace {

struct Input {
  DocumentRecord record;
  std::vector<Fact> facts;
};

// Documents that exercise every rule: shared triples, a fact stated twice in
// one document, a replaced document (whose triples are partly supported
// elsewhere), a repeat with the same content, and a document with no facts.
std::vector<Input> Inputs() {
  const Entity a = Person("Lê Văn Ánh"), b = Person("Đinh Thị Bích"), c = Person("Hà Minh Châu");
  const Entity ev = Event("2024-03-05"), bp = Bridge("Sơn La", "2024-03-05"), bp2 = Bridge("Lai Châu", "2024-03-05");
  const Entity ministry = Organization("Bộ Tài chính");
  std::vector<Input> in;
  in.push_back({Record("d1", "v1"),
                {MakeFact(a, "chaired", bp, "d1"), MakeFact(b, "attended", bp, "d1"), MakeFact(a, "chaired", bp, "d1", "Lần hai.", 40),
                 MakeFact(ev, "has_bridge_point", bp, "d1")}});
  in.push_back({Record("d2", "v1"), {MakeFact(a, "chaired", bp, "d2"), MakeFact(ministry, "organized", ev, "d2")}});
  in.push_back({Record("d3", "v1"), {}});
  // d1 again with new content: "b attended" goes (no other support), "a
  // chaired" stays (d2 states it), new terms appear.
  in.push_back({Record("d1", "v2"), {MakeFact(a, "chaired", bp, "d1"), MakeFact(c, "chaired", bp2, "d1"),
                                     MakeFact(ev, "has_bridge_point", bp2, "d1")}});
  in.push_back({Record("d2", "v1"), {MakeFact(a, "chaired", bp, "d2"), MakeFact(ministry, "organized", ev, "d2")}});
  in.push_back({Record("d4", "v1"), {MakeFact(b, "attended", bp2, "d4")}});
  return in;
}

// Everything a reader can see of a database, as text.
std::string Dump(const Store& store) {
  std::ostringstream out;
  REQUIRE(store.ForEachEntity([&](TermId id, const Entity& e) {
                 out << "entity " << id << ' ' << static_cast<int>(e.type) << ' ' << e.name << '|' << e.date << '|'
                     << e.province << '\n';
                 return true;
               }).ok());
  REQUIRE(store.ForEachFact([&](const StoredFact& f) {
                 out << "fact " << f.subject_id << ' ' << f.predicate_id << ' ' << f.object_id << ' ' << f.predicate;
                 for (const Provenance& p : f.provenance)
                   out << " [" << p.doc << ' ' << p.sentence_offset << ' ' << p.evidence << ' ' << p.confidence << ']';
                 out << '\n';
                 return true;
               }).ok());
  auto documents = store.ListDocuments();
  REQUIRE(documents.ok());
  for (const DocumentRecord& d : documents.value())
    out << "doc " << d.id << ' ' << d.content_hash << ' ' << d.title << ' ' << d.fact_count << '\n';
  auto stats = store.Stats();
  REQUIRE(stats.ok());
  out << "stats " << stats->documents << ' ' << stats->facts << ' ' << stats->entities << ' ' << stats->provenance << '\n';
  return out.str();
}

}  // namespace

TEST_CASE("a bulk load builds the database that per-document writes build", "[store][bulk]") {
  const auto inputs = Inputs();
  TempDb normal_db, bulk_db;
  std::vector<IngestOutcome> normal_outcomes, bulk_outcomes;
  {
    auto store = OpenOrDie(normal_db.path);
    for (const Input& in : inputs) normal_outcomes.push_back(PutOrDie(*store, in.record, in.facts));
    REQUIRE(store->Sync().ok());
  }
  // A run size of one byte writes a run after every document, so that the
  // replacement of d1 must delete rows already inside SST files.
  const std::size_t run_bytes = GENERATE(std::size_t{1}, std::size_t{1} << 20);
  CAPTURE(run_bytes);
  BulkOptions options;
  options.run_bytes = run_bytes;
  auto loader = BulkLoader::Create(bulk_db.path, options);
  INFO(loader.status().message());
  REQUIRE(loader.ok());
  for (const Input& in : inputs) {
    auto outcome = loader.value()->PutDocument(in.record, in.facts);
    REQUIRE(outcome.ok());
    bulk_outcomes.push_back(outcome.value());
  }
  CHECK_FALSE(fs::exists(bulk_db.path));  // nothing visible before Finish
  auto summary = loader.value()->Finish();
  INFO(summary.status().message());
  REQUIRE(summary.ok());
  CHECK(summary->runs == (run_bytes == 1 ? 5u : 1u));  // the unchanged repeat of d2 writes nothing
  loader.value().reset();

  CHECK(bulk_outcomes == normal_outcomes);
  auto normal = OpenOrDie(normal_db.path, Store::Mode::kReadOnly);
  auto bulk = OpenOrDie(bulk_db.path, Store::Mode::kReadOnly);
  const std::string expected = Dump(*normal);
  CHECK(expected.find("Đinh Thị Bích") != std::string::npos);
  CHECK(Dump(*bulk) == expected);
  // The orderings agree too, not only the SPO scan behind ForEachFact.
  const TermId bp2 = IdOf(*normal, Bridge("Lai Châu", "2024-03-05"));
  CHECK(MatchAll(*bulk, {std::nullopt, std::nullopt, bp2}) == MatchAll(*normal, {std::nullopt, std::nullopt, bp2}));
  const TermId chaired = PredicateId(*normal, "chaired");
  CHECK(MatchAll(*bulk, {std::nullopt, chaired, std::nullopt}) == MatchAll(*normal, {std::nullopt, chaired, std::nullopt}));
}

TEST_CASE("a bulk-built database takes normal writes afterwards", "[store][bulk]") {
  TempDb db;
  {
    auto loader = BulkLoader::Create(db.path);
    REQUIRE(loader.ok());
    REQUIRE(loader.value()->PutDocument(Record("d1", "x"), {MakeFact(Person("An"), "attended", Event("2024-01-01"), "d1")}).ok());
    REQUIRE(loader.value()->Finish().ok());
  }
  auto store = OpenOrDie(db.path);
  CHECK(PutOrDie(*store, Record("d2", "y"), {MakeFact(Person("Bình"), "attended", Event("2024-01-01"), "d2")}) ==
        IngestOutcome::kInserted);
  CHECK(PutOrDie(*store, Record("d1", "x"), {}) == IngestOutcome::kUnchanged);
  // New ids continue after the bulk load's: "Bình" does not reuse an id.
  CHECK(IdOf(*store, Person("Bình")) > IdOf(*store, Event("2024-01-01")));
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->documents == 2);
  CHECK(stats->facts == 2);
  CHECK(stats->entities == 3);
}

TEST_CASE("a bulk load refuses a non-empty directory and leaves nothing when abandoned", "[store][bulk]") {
  TempDb db;
  {
    auto store = OpenOrDie(db.path);
    PutOrDie(*store, Record("d1", "x"), {});
  }
  auto refused = BulkLoader::Create(db.path);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Status::Code::kInvalidArgument);
  CHECK(refused.status().message().find(db.path) != std::string::npos);
  CHECK(OpenOrDie(db.path, Store::Mode::kReadOnly)->Stats()->documents == 1);  // untouched

  TempDb fresh;
  {
    auto loader = BulkLoader::Create(fresh.path);
    REQUIRE(loader.ok());
    REQUIRE(loader.value()->PutDocument(Record("d1", "x"), {MakeFact(Person("An"), "attended", Event("2024-01-01"), "d1")}).ok());
    REQUIRE(loader.value()->Sync().ok());
  }  // destroyed without Finish
  CHECK_FALSE(fs::exists(fresh.path));
  for (const auto& entry : fs::directory_iterator(fs::path(fresh.path).parent_path()))
    CHECK(entry.path().filename().string().rfind(fs::path(fresh.path).filename().string() + ".bulk-", 0) != 0);
}
