#include <rocksdb/db.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "vnkg/store/store.h"

using namespace vnkg;
namespace fs = std::filesystem;

namespace {

struct TempDb {
  std::string path;
  TempDb() {
    static int counter = 0;
    path = (fs::temp_directory_path() /
            ("vnkg-store-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
               .string();
    fs::remove_all(path);
  }
  ~TempDb() { fs::remove_all(path); }
};

Entity Person(const std::string& name) { return Entity{EntityType::kPerson, name, "", "", "", ""}; }
Entity Event(const std::string& date, const std::string& name = "Hội nghị") {
  return Entity{EntityType::kEvent, name, date, "", "", ""};
}
Entity Bridge(const std::string& province, const std::string& date) {
  return Entity{EntityType::kBridgePoint, "", date, province, "", ""};
}

Fact MakeFact(const Entity& s, const std::string& p, const Entity& o, const std::string& doc,
              const std::string& evidence = "Câu chứng cứ.") {
  Fact f;
  f.subject = s;
  f.predicate = p;
  f.object = o;
  f.doc = doc;
  f.evidence = evidence;
  f.sentence_offset = 12;
  f.confidence = 0.9f;
  return f;
}

DocumentRecord Record(const std::string& id, const std::string& text) {
  DocumentRecord r;
  r.id = id;
  r.title = "Tiêu đề";
  r.content_hash = ContentHash(r.title, text);
  return r;
}

std::unique_ptr<Store> OpenOrDie(const std::string& path, Store::Mode mode = Store::Mode::kReadWrite) {
  auto store = Store::Open(path, mode);
  INFO(store.status().message());
  REQUIRE(store.ok());
  return std::move(store.value());
}

using Triple = std::tuple<TermId, TermId, TermId>;
std::set<Triple> MatchAll(const Store& store, TriplePattern pattern) {
  std::set<Triple> out;
  REQUIRE(store.Match(pattern, [&](TermId s, TermId p, TermId o) {
                 out.emplace(s, p, o);
                 return true;
               }).ok());
  return out;
}

TermId IdOf(const Store& store, const Entity& e) {
  auto id = store.FindEntity(e);
  REQUIRE(id.ok());
  REQUIRE(id.value().has_value());
  return *id.value();
}

}  // namespace

TEST_CASE("every ordering answers its patterns", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity a = Person("Lê Văn Ánh"), b = Person("Đinh Thị Bích");
  const Entity ev = Event("2024-03-05"), bp = Bridge("Sơn La", "2024-03-05");
  REQUIRE(store->PutDocument(Record("d1", "x"), {MakeFact(a, "chaired", bp, "d1"), MakeFact(b, "attended", bp, "d1"),
                                                 MakeFact(a, "spoke_at", ev, "d1"),
                                                 MakeFact(ev, "has_bridge_point", bp, "d1")})
              .ok());
  const TermId ia = IdOf(*store, a), ib = IdOf(*store, b), iev = IdOf(*store, ev), ibp = IdOf(*store, bp);
  const TermId chaired = *store->FindPredicate("chaired").value();
  const TermId attended = *store->FindPredicate("attended").value();
  const TermId spoke = *store->FindPredicate("spoke_at").value();

  CHECK(MatchAll(*store, {ia, std::nullopt, std::nullopt}) == std::set<Triple>{{ia, chaired, ibp}, {ia, spoke, iev}});
  CHECK(MatchAll(*store, {std::nullopt, chaired, std::nullopt}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {std::nullopt, std::nullopt, ibp}).size() == 3);
  CHECK(MatchAll(*store, {ia, chaired, std::nullopt}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {std::nullopt, attended, ibp}) == std::set<Triple>{{ib, attended, ibp}});
  CHECK(MatchAll(*store, {ia, std::nullopt, ibp}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {ia, chaired, ibp}).size() == 1);
  CHECK(MatchAll(*store, {ib, chaired, ibp}).empty());
  CHECK(MatchAll(*store, {}).size() == 4);
  // Stopping early is honoured.
  int seen = 0;
  REQUIRE(store->Match({}, [&](TermId, TermId, TermId) { return ++seen < 2; }).ok());
  CHECK(seen == 2);
}

TEST_CASE("entities and provenance round trip", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  Entity position{EntityType::kPosition, "", "", "", "Phó Chủ tịch", "UBND tỉnh Sơn La"};
  Entity person = Person("Lê Văn Ánh");
  Fact f = MakeFact(person, "holds_position", position, "d1", "Phó Chủ tịch UBND tỉnh Sơn La Lê Văn Ánh phát biểu.");
  f.date = "2024-03-05";
  REQUIRE(store->PutDocument(Record("d1", "x"), {f}).ok());
  // Another spelling of the same person (tone placement, case) is the same entity; the first form stays.
  Fact g = MakeFact(Person("LÊ VĂN ÁNH"), "holds_position", position, "d2");
  REQUIRE(store->PutDocument(Record("d2", "y"), {g}).ok());

  const TermId ip = IdOf(*store, person), ipos = IdOf(*store, position);
  CHECK(store->GetEntity(ip).value() == person);
  CHECK(store->GetEntity(ipos).value() == position);
  const TermId holds = *store->FindPredicate("holds_position").value();
  auto provenance = store->GetProvenance(ip, holds, ipos);
  REQUIRE(provenance.ok());
  REQUIRE(provenance->size() == 2);
  CHECK(provenance.value()[0].doc == "d1");
  CHECK(provenance.value()[0].evidence == f.evidence);
  CHECK(provenance.value()[0].sentence_offset == 12);
  CHECK(provenance.value()[0].date == "2024-03-05");
  CHECK(provenance.value()[0].confidence == Approx(0.9));
  CHECK(provenance.value()[1].doc == "d2");

  std::vector<StoredFact> facts;
  REQUIRE(store->ForEachFact([&](const StoredFact& sf) {
                 facts.push_back(sf);
                 return true;
               }).ok());
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject == person);
  CHECK(facts[0].predicate == "holds_position");
  CHECK(facts[0].provenance.size() == 2);
  auto stats = store->Stats();
  CHECK(stats->documents == 2);
  CHECK(stats->facts == 1);
  CHECK(stats->entities == 2);
  CHECK(stats->provenance == 2);
}

TEST_CASE("the same content again is a no-op, new content replaces only that document", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity a = Person("Lê Văn Ánh"), b = Person("Đinh Thị Bích"), c = Person("Hà Quang Cường");
  const Entity ev = Event("2024-03-05");
  REQUIRE(store->PutDocument(Record("d1", "v1"), {MakeFact(a, "attended", ev, "d1"), MakeFact(b, "attended", ev, "d1")})
              .value() == IngestOutcome::kInserted);
  REQUIRE(store->PutDocument(Record("d2", "w"), {MakeFact(b, "attended", ev, "d2")}).value() == IngestOutcome::kInserted);
  auto before = store->Stats().value();
  CHECK(store->PutDocument(Record("d1", "v1"), {MakeFact(c, "attended", ev, "d1")}).value() == IngestOutcome::kUnchanged);
  CHECK(store->Stats()->facts == before.facts);
  CHECK(store->Stats()->provenance == before.provenance);

  // d1 v2 says only that c attended: a's fact goes, b's stays (d2 says it) with d2's provenance only.
  CHECK(store->PutDocument(Record("d1", "v2"), {MakeFact(c, "attended", ev, "d1")}).value() == IngestOutcome::kReplaced);
  const TermId attended = *store->FindPredicate("attended").value();
  const TermId ia = IdOf(*store, a), ib = IdOf(*store, b), ic = IdOf(*store, c), iev = IdOf(*store, ev);
  CHECK(MatchAll(*store, {ia, std::nullopt, std::nullopt}).empty());
  CHECK(MatchAll(*store, {std::nullopt, std::nullopt, iev}) == std::set<Triple>{{ib, attended, iev}, {ic, attended, iev}});
  CHECK(MatchAll(*store, {std::nullopt, attended, std::nullopt}).size() == 2);
  auto b_provenance = store->GetProvenance(ib, attended, iev).value();
  REQUIRE(b_provenance.size() == 1);
  CHECK(b_provenance[0].doc == "d2");
  auto stats = store->Stats().value();
  CHECK(stats.documents == 2);
  CHECK(stats.facts == 2);
  CHECK(stats.provenance == 2);
  CHECK(store->GetDocument("d1").value()->content_hash == ContentHash("Tiêu đề", "v2"));
}

TEST_CASE("a database of another schema version is refused clearly", "[store]") {
  TempDb db;
  { auto store = OpenOrDie(db.path); }
  {
    rocksdb::DB* raw = nullptr;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (const char* name : {"default", "meta", "terms", "term_index", "spo", "pos", "osp", "provenance", "documents"})
      families.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    REQUIRE(rocksdb::DB::Open(rocksdb::DBOptions(), db.path, families, &handles, &raw).ok());
    REQUIRE(raw->Put(rocksdb::WriteOptions(), handles[1], "schema_version", "999").ok());
    for (auto* h : handles) raw->DestroyColumnFamilyHandle(h);
    delete raw;
  }
  auto store = Store::Open(db.path, Store::Mode::kReadWrite);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().code() == Status::Code::kVersionMismatch);
  CHECK(store.status().message().find("999") != std::string::npos);
}

TEST_CASE("a second writer is refused with the holder named, and readers still read", "[store]") {
  TempDb db;
  auto writer = OpenOrDie(db.path);
  REQUIRE(writer->PutDocument(Record("d1", "x"), {MakeFact(Person("Lê Văn Ánh"), "attended", Event("2024-01-02"), "d1")}).ok());

  auto second = Store::Open(db.path, Store::Mode::kReadWrite);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == Status::Code::kBusy);
  CHECK(second.status().message().find("process " + std::to_string(::getpid())) != std::string::npos);

  // Another process gets the same answer.
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto other = Store::Open(db.path, Store::Mode::kReadWrite);
    _exit(!other.ok() && other.status().code() == Status::Code::kBusy ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);

  auto reader = OpenOrDie(db.path, Store::Mode::kReadOnly);
  CHECK(reader->Stats()->documents == 1);
  CHECK(MatchAll(*reader, {}).size() == 1);
}

TEST_CASE("opening what is not a database says so", "[store]") {
  TempDb db;
  auto missing = Store::Open(db.path + "/nope", Store::Mode::kReadOnly);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kNotFound);
  fs::create_directories(db.path);
  std::ofstream(db.path + "/notes.txt") << "not a database";
  auto foreign = Store::Open(db.path, Store::Mode::kReadWrite);
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.status().message().find("not a vnkg database") != std::string::npos);
  CHECK(fs::exists(db.path + "/notes.txt"));
  // Missing parents of a new database are created.
  auto nested = Store::Open(db.path + "/a/b/c", Store::Mode::kReadWrite);
  CHECK(nested.ok());
}

TEST_CASE("content hashes are stable and sensitive", "[store]") {
  CHECK(ContentHash("a", "b") == ContentHash("a", "b"));
  CHECK(ContentHash("a", "b") != ContentHash("a", "c"));
  CHECK(ContentHash("ab", "") != ContentHash("a", "b"));
  CHECK(ContentHash("", "").size() == 32);
}
