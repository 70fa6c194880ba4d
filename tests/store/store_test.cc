// The Store's data: orderings, dictionary, provenance, documents, counters.
#include <catch2/catch.hpp>
#include <map>

#include "store_test_support.h"

using namespace vnkg;
using namespace vnkg::store_test;

namespace {

// Counts recomputed from the data itself, to hold the meta counters against.
struct Recount {
  std::uint64_t facts = 0, provenance = 0;
};
Recount RecountFacts(const Store& store) {
  Recount count;
  REQUIRE(store.ForEachFact([&](const StoredFact& fact) {
                 ++count.facts;
                 count.provenance += fact.provenance.size();
                 return true;
               }).ok());
  return count;
}

}  // namespace

TEST_CASE("every ordering answers its patterns", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity a = Person("Lê Văn Ánh"), b = Person("Đinh Thị Bích");
  const Entity ev = Event("2024-03-05"), bp = Bridge("Sơn La", "2024-03-05");
  PutOrDie(*store, Record("d1", "x"),
           {MakeFact(a, "chaired", bp, "d1"), MakeFact(b, "attended", bp, "d1"), MakeFact(a, "spoke_at", ev, "d1"),
            MakeFact(ev, "has_bridge_point", bp, "d1")});
  const TermId ia = IdOf(*store, a), ib = IdOf(*store, b), iev = IdOf(*store, ev), ibp = IdOf(*store, bp);
  const TermId chaired = PredicateId(*store, "chaired"), attended = PredicateId(*store, "attended");
  const TermId spoke = PredicateId(*store, "spoke_at"), has_bridge = PredicateId(*store, "has_bridge_point");

  CHECK(MatchAll(*store, {ia, std::nullopt, std::nullopt}) == std::set<Triple>{{ia, chaired, ibp}, {ia, spoke, iev}});
  CHECK(MatchAll(*store, {std::nullopt, chaired, std::nullopt}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {std::nullopt, std::nullopt, ibp}) ==
        std::set<Triple>{{ia, chaired, ibp}, {ib, attended, ibp}, {iev, has_bridge, ibp}});
  CHECK(MatchAll(*store, {ia, chaired, std::nullopt}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {std::nullopt, attended, ibp}) == std::set<Triple>{{ib, attended, ibp}});
  CHECK(MatchAll(*store, {ia, std::nullopt, ibp}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {ia, chaired, ibp}) == std::set<Triple>{{ia, chaired, ibp}});
  CHECK(MatchAll(*store, {ib, chaired, ibp}).empty());
  CHECK(MatchAll(*store, {ib, std::nullopt, iev}).empty());
  CHECK(MatchAll(*store, {}).size() == 4);

  // Stopping early is honoured, for a full scan and for a prefix scan.
  int seen = 0;
  REQUIRE(store->Match({}, [&](TermId, TermId, TermId) { return ++seen < 2; }).ok());
  CHECK(seen == 2);
  seen = 0;
  REQUIRE(store->Match({std::nullopt, std::nullopt, ibp}, [&](TermId, TermId, TermId) { return ++seen < 1; }).ok());
  CHECK(seen == 1);
}

TEST_CASE("Match reads the ordering that its bound positions lead", "[store]") {
  // A triple planted in only one family is seen exactly by the patterns that
  // must read that family: this pins the choice of ordering per pattern.
  TempDb db;
  TermId a, b, c, x, p;
  {
    auto store = OpenOrDie(db.path);
    const Entity ea = Person("An"), eb = Person("Bình"), ec = Person("Chi"), ex = Organization("Sở X");
    PutOrDie(*store, Record("d1", "x"),
             {MakeFact(ea, "part_of", ex, "d1"), MakeFact(eb, "part_of", ex, "d1"), MakeFact(ec, "part_of", ex, "d1")});
    a = IdOf(*store, ea), b = IdOf(*store, eb), c = IdOf(*store, ec), x = IdOf(*store, ex);
    p = PredicateId(*store, "part_of");
  }
  const TermId q = 1000;  // an id no real triple uses as predicate
  EditRaw(db.path, [&](rocksdb::DB& raw, const auto& family) {
    REQUIRE(raw.Put(rocksdb::WriteOptions(), family("spo"), RawTripleKey(a, q, x), "").ok());
    REQUIRE(raw.Put(rocksdb::WriteOptions(), family("pos"), RawTripleKey(q, x, b), "").ok());
    REQUIRE(raw.Put(rocksdb::WriteOptions(), family("osp"), RawTripleKey(x, c, q), "").ok());
  });
  auto store = OpenOrDie(db.path, Store::Mode::kReadOnly);
  const Triple only_spo{a, q, x}, only_pos{b, q, x}, only_osp{c, q, x};
  auto planted = [&](TriplePattern pattern) {
    std::set<Triple> seen;
    for (const Triple& t : MatchAll(*store, pattern))
      if (std::get<1>(t) == q) seen.insert(t);
    return seen;
  };
  using S = std::set<Triple>;
  const std::nullopt_t _ = std::nullopt;
  CHECK(planted({_, _, _}) == S{only_spo});  // none: full spo scan
  CHECK(planted({a, _, _}) == S{only_spo});  // S -> spo
  CHECK(planted({a, q, _}) == S{only_spo});  // S+P -> spo
  CHECK(planted({a, q, x}) == S{only_spo});  // all: point lookup in spo
  CHECK(planted({_, q, _}) == S{only_pos});  // P -> pos
  CHECK(planted({_, q, x}) == S{only_pos});  // P+O -> pos
  CHECK(planted({_, _, x}) == S{only_osp});  // O -> osp
  CHECK(planted({c, _, x}) == S{only_osp});  // S+O -> osp
  CHECK(planted({a, _, x}).empty());         // S+O does not read spo
  // The real triples are still found through every ordering.
  CHECK(MatchAll(*store, {_, p, _}).size() == 3);
  CHECK(MatchAll(*store, {b, p, x}).size() == 1);
}

TEST_CASE("entities of every type keep every field, and the first display form", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  // All five attributes set on every type, each distinct, so a field that is
  // dropped or swapped in the encoding shows.
  std::vector<Entity> entities;
  for (int t = static_cast<int>(EntityType::kPerson); t <= static_cast<int>(EntityType::kAward); ++t) {
    const std::string tag = std::to_string(t);
    entities.push_back(Entity{static_cast<EntityType>(t), "Tên " + tag, "2024-0" + tag, "Tỉnh " + tag,
                              "Chức danh " + tag, "Cơ quan " + tag});
  }
  const Entity hub = Organization("Văn phòng Chính phủ");
  std::vector<Fact> facts;
  for (const Entity& e : entities) facts.push_back(MakeFact(e, "part_of", hub, "d1"));
  PutOrDie(*store, Record("d1", "x"), facts);

  std::map<TermId, Entity> by_id;
  for (const Entity& e : entities) {
    const TermId id = IdOf(*store, e);
    auto stored = store->GetEntity(id);
    REQUIRE(stored.ok());
    CHECK(stored.value() == e);
    CHECK(stored->type == e.type);
    by_id[id] = e;
  }
  by_id[IdOf(*store, hub)] = hub;
  CHECK(store->Stats()->entities == entities.size() + 1);

  // ForEachEntity: every entity once, in id order, predicates skipped.
  std::vector<TermId> visited;
  REQUIRE(store->ForEachEntity([&](TermId id, const Entity& e) {
                 visited.push_back(id);
                 CHECK(by_id.at(id) == e);
                 return true;
               }).ok());
  CHECK(visited.size() == by_id.size());
  CHECK(std::is_sorted(visited.begin(), visited.end()));

  // Another spelling with the same key is the same entity; the first form stays.
  const Entity first = Person("Lê Văn Ánh"), shouted = Person("LÊ  VĂN ÁNH");
  REQUIRE(EntityKey(first) == EntityKey(shouted));
  PutOrDie(*store, Record("d2", "y"), {MakeFact(first, "attended", Event("2024-05-01"), "d2")});
  store.reset();  // a new session: the stored dictionary, not a cache, must answer
  store = OpenOrDie(db.path);
  PutOrDie(*store, Record("d3", "z"), {MakeFact(shouted, "spoke_at", Event("2024-05-01"), "d3")});
  const TermId ia = IdOf(*store, first);
  CHECK(IdOf(*store, shouted) == ia);
  CHECK(store->GetEntity(ia)->name == "Lê Văn Ánh");
  CHECK(store->Stats()->entities == entities.size() + 1 + 2);  // Ánh and the event, once each

  // Unknown terms, and ids of the other kind.
  CHECK_FALSE(store->FindEntity(Person("Không Có Ai")).value().has_value());
  CHECK_FALSE(store->FindPredicate("never_said").value().has_value());
  const TermId part_of = PredicateId(*store, "part_of");
  CHECK(store->GetPredicate(part_of).value() == "part_of");
  CHECK(store->GetEntity(part_of).status().code() == Status::Code::kInvalidArgument);
  CHECK(store->GetPredicate(ia).status().code() == Status::Code::kInvalidArgument);
  CHECK(store->GetEntity(987654).status().code() == Status::Code::kNotFound);
}

TEST_CASE("provenance keeps every field of every occurrence", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity person = Person("Lê Văn Ánh"), award = Entity{EntityType::kAward, "Huân chương Lao động", "", "", "", ""};
  Fact f = MakeFact(person, "received_award", award, "d1", "Ông Ánh nhận Huân chương.", 40);
  f.confidence = 0.75f;
  f.date = "2024-03-05";
  f.by = "Chủ tịch nước";
  // The same fact again in the same document, from another sentence: one
  // triple, two provenance records in the order given.
  Fact again = MakeFact(person, "received_award", award, "d1", "Huân chương được trao cho ông Ánh.", 300);
  again.confidence = 0.5f;
  PutOrDie(*store, Record("d1", "x"), {f, again});
  // And from another document.
  PutOrDie(*store, Record("d2", "y"), {MakeFact(person, "received_award", award, "d2", "Câu khác.", 7)});

  const TermId ip = IdOf(*store, person), ia = IdOf(*store, award), received = PredicateId(*store, "received_award");
  auto provenance = store->GetProvenance(ip, received, ia);
  REQUIRE(provenance.ok());
  REQUIRE(provenance->size() == 3);
  const Provenance& p0 = provenance.value()[0];
  CHECK(p0.doc == "d1");
  CHECK(p0.sentence_offset == 40);
  CHECK(p0.evidence == f.evidence);
  CHECK(p0.confidence == 0.75f);
  CHECK(p0.date == "2024-03-05");
  CHECK(p0.by == "Chủ tịch nước");
  const Provenance& p1 = provenance.value()[1];
  CHECK(p1.doc == "d1");
  CHECK(p1.sentence_offset == 300);
  CHECK(p1.evidence == again.evidence);
  CHECK(p1.confidence == 0.5f);
  CHECK(p1.by.empty());
  CHECK(provenance.value()[2].doc == "d2");
  CHECK(store->GetProvenance(ia, received, ip)->empty());

  auto stats = store->Stats().value();
  CHECK(stats.facts == 1);
  CHECK(stats.provenance == 3);
  CHECK(store->GetDocument("d1").value()->fact_count == 1);

  // ForEachFact decodes the same thing.
  std::vector<StoredFact> facts;
  REQUIRE(store->ForEachFact([&](const StoredFact& sf) {
                 facts.push_back(sf);
                 return true;
               }).ok());
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].subject_id == ip);
  CHECK(facts[0].subject == person);
  CHECK(facts[0].predicate == "received_award");
  CHECK(facts[0].object == award);
  REQUIRE(facts[0].provenance.size() == 3);
  CHECK(facts[0].provenance[0].by == "Chủ tịch nước");
}

TEST_CASE("ForEachFact visits in SPO id order and stops when asked", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity ev = Event("2024-01-02");
  std::vector<Fact> facts;
  for (const char* name : {"Ánh", "Bích", "Cường", "Dũng"}) facts.push_back(MakeFact(Person(name), "attended", ev, "d1"));
  PutOrDie(*store, Record("d1", "x"), facts);
  std::vector<Triple> order;
  REQUIRE(store->ForEachFact([&](const StoredFact& f) {
                 order.emplace_back(f.subject_id, f.predicate_id, f.object_id);
                 CHECK(f.object == ev);
                 CHECK(f.provenance.size() == 1);
                 return true;
               }).ok());
  CHECK(order.size() == 4);
  CHECK(std::is_sorted(order.begin(), order.end()));
  int seen = 0;
  REQUIRE(store->ForEachFact([&](const StoredFact&) { return ++seen < 3; }).ok());
  CHECK(seen == 3);
}

TEST_CASE("the same content again is a no-op that writes nothing", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity a = Person("Lê Văn Ánh"), ev = Event("2024-03-05");
  DocumentRecord first = Record("d1", "v1");
  first.ingested_at = 1000;
  CHECK(PutOrDie(*store, first, {MakeFact(a, "attended", ev, "d1")}) == IngestOutcome::kInserted);
  const auto before = store->Stats().value();

  // Same id, same hash, different facts and time: none of it may land.
  DocumentRecord again = first;
  again.ingested_at = 2000;
  const Entity newcomer = Person("Hà Quang Cường");
  CHECK(PutOrDie(*store, again, {MakeFact(newcomer, "attended", ev, "d1")}) == IngestOutcome::kUnchanged);
  const auto after = store->Stats().value();
  CHECK(after.documents == before.documents);
  CHECK(after.facts == before.facts);
  CHECK(after.entities == before.entities);
  CHECK(after.provenance == before.provenance);
  CHECK_FALSE(store->FindEntity(newcomer).value().has_value());
  CHECK(store->GetDocument("d1").value()->ingested_at == 1000);
}

TEST_CASE("new content replaces only that document's facts", "[store]") {
  TempDb db;
  const Entity a = Person("Lê Văn Ánh"), b = Person("Đinh Thị Bích"), c = Person("Hà Quang Cường");
  const Entity d = Person("Vũ Minh Đức"), ev = Event("2024-03-05");
  {
    auto store = OpenOrDie(db.path);
    // d1 v1: a and b attended, d spoke. d2: b attended, d spoke.
    PutOrDie(*store, Record("d1", "v1"),
             {MakeFact(a, "attended", ev, "d1", "v1 a"), MakeFact(b, "attended", ev, "d1", "v1 b"),
              MakeFact(d, "spoke_at", ev, "d1", "v1 d")});
    DocumentRecord d2 = Record("d2", "w");
    d2.url = "https://example.vn/d2";
    d2.ingested_at = 77;
    PutOrDie(*store, d2, {MakeFact(b, "attended", ev, "d2", "w b"), MakeFact(d, "spoke_at", ev, "d2", "w d")});

    // d1 v2: only c attended, and d spoke (said again, in another sentence).
    CHECK(PutOrDie(*store, Record("d1", "v2"),
                   {MakeFact(c, "attended", ev, "d1", "v2 c"), MakeFact(d, "spoke_at", ev, "d1", "v2 d")}) ==
          IngestOutcome::kReplaced);
  }
  // Reopened, so the counters checked are the ones in `meta`.
  auto store = OpenOrDie(db.path, Store::Mode::kReadOnly);
  const TermId attended = PredicateId(*store, "attended"), spoke = PredicateId(*store, "spoke_at");
  const TermId ia = IdOf(*store, a), ib = IdOf(*store, b), ic = IdOf(*store, c), id = IdOf(*store, d);
  const TermId iev = IdOf(*store, ev);

  // a's fact (only d1 v1 said it) is gone from all three orderings.
  CHECK(MatchAll(*store, {ia, std::nullopt, std::nullopt}).empty());       // spo
  CHECK(MatchAll(*store, {std::nullopt, attended, iev}).count({ia, attended, iev}) == 0);  // pos
  CHECK(MatchAll(*store, {std::nullopt, std::nullopt, iev}).count({ia, attended, iev}) == 0);  // osp
  CHECK(MatchAll(*store, {ia, attended, iev}).empty());
  CHECK(store->GetProvenance(ia, attended, iev)->empty());
  // Everything else, through each ordering.
  const std::set<Triple> expected{{ib, attended, iev}, {ic, attended, iev}, {id, spoke, iev}};
  CHECK(MatchAll(*store, {std::nullopt, std::nullopt, iev}) == expected);
  CHECK(MatchAll(*store, {}) == expected);
  CHECK(MatchAll(*store, {std::nullopt, attended, std::nullopt}).size() == 2);

  // b's fact survives on d2's word alone.
  auto b_provenance = store->GetProvenance(ib, attended, iev).value();
  REQUIRE(b_provenance.size() == 1);
  CHECK(b_provenance[0].doc == "d2");
  CHECK(b_provenance[0].evidence == "w b");
  // d's fact has d2's record untouched and d1's new one instead of its old one.
  auto d_provenance = store->GetProvenance(id, spoke, iev).value();
  REQUIRE(d_provenance.size() == 2);
  CHECK(d_provenance[0].doc == "d1");
  CHECK(d_provenance[0].evidence == "v2 d");
  CHECK(d_provenance[1].doc == "d2");
  CHECK(d_provenance[1].evidence == "w d");

  // Documents: d1 is the new version; d2 as it was.
  auto d1 = store->GetDocument("d1").value();
  REQUIRE(d1.has_value());
  CHECK(d1->content_hash == ContentHash("Tiêu đề", "v2"));
  CHECK(d1->fact_count == 2);
  auto d2 = store->GetDocument("d2").value();
  REQUIRE(d2.has_value());
  CHECK(d2->content_hash == ContentHash("Tiêu đề", "w"));
  CHECK(d2->url == "https://example.vn/d2");
  CHECK(d2->ingested_at == 77);
  CHECK(d2->fact_count == 2);

  // The counters agree with the data.
  auto stats = store->Stats().value();
  CHECK(stats.documents == 2);
  CHECK(stats.facts == 3);
  CHECK(stats.provenance == 4);
  CHECK(stats.entities == 5);  // a stays in the dictionary
  const Recount recount = RecountFacts(*store);
  CHECK(recount.facts == stats.facts);
  CHECK(recount.provenance == stats.provenance);
}

TEST_CASE("a replacement that says a removed fact again keeps it once", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  const Entity a = Person("Ánh"), b = Person("Bích"), ev = Event("2024-03-05");
  PutOrDie(*store, Record("d1", "v1"), {MakeFact(a, "attended", ev, "d1", "old"), MakeFact(b, "attended", ev, "d1")});
  PutOrDie(*store, Record("d1", "v2"), {MakeFact(a, "attended", ev, "d1", "new")});
  const TermId attended = PredicateId(*store, "attended");
  auto provenance = store->GetProvenance(IdOf(*store, a), attended, IdOf(*store, ev)).value();
  REQUIRE(provenance.size() == 1);
  CHECK(provenance[0].evidence == "new");
  CHECK(MatchAll(*store, {}).size() == 1);
  CHECK(store->Stats()->facts == 1);
  CHECK(store->Stats()->provenance == 1);
}

TEST_CASE("documents are listed in id order with every field", "[store]") {
  TempDb db;
  auto store = OpenOrDie(db.path);
  for (const char* id : {"b", "c", "a"}) {
    DocumentRecord r = Record(id, std::string("text ") + id);
    r.title = std::string("Bài ") + id;
    r.date = "2025-01-06";
    r.url = std::string("https://example.vn/") + id;
    r.ingested_at = 1736150400;
    PutOrDie(*store, r, {MakeFact(Person(std::string("Người ") + id), "attended", Event("2025-01-06"), id)});
  }
  auto documents = store->ListDocuments();
  REQUIRE(documents.ok());
  REQUIRE(documents->size() == 3);
  CHECK(documents.value()[0].id == "a");
  CHECK(documents.value()[1].id == "b");
  CHECK(documents.value()[2].id == "c");
  const DocumentRecord& a = documents.value()[0];
  CHECK(a.title == "Bài a");
  CHECK(a.date == "2025-01-06");
  CHECK(a.url == "https://example.vn/a");
  CHECK(a.ingested_at == 1736150400);
  CHECK(a.content_hash == ContentHash("Tiêu đề", "text a"));
  CHECK(a.fact_count == 1);
  CHECK_FALSE(store->GetDocument("zzz").value().has_value());
}

TEST_CASE("stats count documents, facts, entities and provenance, and persist", "[store]") {
  TempDb db;
  {
    auto store = OpenOrDie(db.path);
    auto empty = store->Stats().value();
    CHECK(empty.documents == 0);
    CHECK(empty.facts == 0);
    const Entity a = Person("Ánh"), b = Person("Bích"), ev = Event("2024-01-02");
    PutOrDie(*store, Record("d1", "x"),
             {MakeFact(a, "attended", ev, "d1"), MakeFact(a, "attended", ev, "d1"), MakeFact(b, "attended", ev, "d1")});
    PutOrDie(*store, Record("d2", "y"), {MakeFact(b, "spoke_at", ev, "d2")});
    REQUIRE(store->Sync().ok());
  }
  for (auto mode : {Store::Mode::kReadOnly, Store::Mode::kReadWrite}) {
    auto store = OpenOrDie(db.path, mode);
    auto stats = store->Stats().value();
    CHECK(stats.documents == 2);
    CHECK(stats.facts == 3);
    CHECK(stats.entities == 3);
    CHECK(stats.provenance == 4);
    CHECK(stats.disk_bytes > 0);
  }
}

TEST_CASE("writes are refused where the contract forbids them", "[store]") {
  TempDb db;
  {
    auto store = OpenOrDie(db.path);
    // A fact of another document would give that document provenance it cannot remove.
    auto wrong_doc = store->PutDocument(Record("d1", "x"), {MakeFact(Person("Ánh"), "attended", Event("2024"), "d9")});
    CHECK(wrong_doc.status().code() == Status::Code::kInvalidArgument);
    CHECK(wrong_doc.status().message().find("d9") != std::string::npos);
    CHECK(store->Stats()->documents == 0);
    CHECK_FALSE(store->GetDocument("d1").value().has_value());
    CHECK(store->PutDocument(Record("", "x"), {}).status().code() == Status::Code::kInvalidArgument);
    // A fact without a document id is taken as the record's.
    PutOrDie(*store, Record("d1", "x"), {MakeFact(Person("Ánh"), "attended", Event("2024"), "")});
    CHECK(store->GetProvenance(IdOf(*store, Person("Ánh")), PredicateId(*store, "attended"),
                               IdOf(*store, Event("2024")))
              .value()[0]
              .doc == "d1");
  }
  auto reader = OpenOrDie(db.path, Store::Mode::kReadOnly);
  CHECK(reader->PutDocument(Record("d2", "y"), {}).status().code() == Status::Code::kInvalidArgument);
  CHECK(reader->Sync().code() == Status::Code::kInvalidArgument);
  CHECK(reader->Stats()->documents == 1);
}

TEST_CASE("content hashes are stable and sensitive", "[store]") {
  CHECK(ContentHash("a", "b") == ContentHash("a", "b"));
  CHECK(ContentHash("a", "b") != ContentHash("a", "c"));
  CHECK(ContentHash("ab", "") != ContentHash("a", "b"));
  CHECK(ContentHash("", "").size() == 32);
  // Pinned: a different value on another machine or build would mark every
  // stored document as changed on the next ingest.
  CHECK(ContentHash("Tiêu đề", "Nội dung.") == "90e0c61ee8383484918d7f84434f0582");
}
