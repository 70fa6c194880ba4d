// What a process loads instead of computing (query/startup.h), and COUNT
// answered without rows: both must give exactly what the general path gives,
// also after a document is replaced.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <thread>

#include "../../query/src/sparql_internal.h"
#include "vnkg/query/questions.h"
#include "query_test_support.h"
#include "vnkg/query/sparql.h"
#include "vnkg/query/startup.h"

using namespace vnkg;
using namespace vnkg::query_testing;

namespace {


Fact MakeFact(const std::string& doc, const Entity& s, const std::string& p, const Entity& o) {
  Fact f;
  f.subject = s;
  f.predicate = p;
  f.object = o;
  f.doc = doc;
  f.evidence = "...";
  return f;
}

Status Put(Store& store, const std::string& doc, const std::string& text, const std::vector<Fact>& facts) {
  DocumentRecord record;
  record.id = doc;
  record.title.assign(1, 't');  // (not = "t": GCC 12 warns of a bogus overlap, -Wrestrict)
  record.content_hash = ContentHash("t", text);
  return store.PutDocument(record, facts).status();
}

const Entity kSon = Person("Bùi Thanh Sơn"), kMai = Person("Mai Sơn"), kHa = Person("Trần Báu Hà"),
             kHa2 = Person("Trần Bảu Hà");
const Entity kEvent = Event("Hội nghị tổng kết", "2025-01-06");
const Entity kBacGiang = Bridge("Bắc Giang", "2025-01-06"), kHaTinh = Bridge("Hà Tĩnh", "2025-01-06");
const Entity kMinister = Position("Bộ trưởng", "Bộ Ngoại giao");

std::vector<Fact> FirstVersion() {
  return {MakeFact("d1", kSon, "chaired", kEvent),          MakeFact("d1", kMai, "chaired", kBacGiang),
          MakeFact("d1", kHa, "attended", kHaTinh),         MakeFact("d1", kEvent, "has_bridge_point", kBacGiang),
          MakeFact("d1", kEvent, "has_bridge_point", kHaTinh), MakeFact("d1", kSon, "holds_position", kMinister)};
}
// d1 again with other content: two chaired facts go, one attended comes.
std::vector<Fact> SecondVersion() {
  return {MakeFact("d1", kSon, "attended", kEvent), MakeFact("d1", kEvent, "has_bridge_point", kHaTinh),
          MakeFact("d1", kSon, "holds_position", kMinister)};
}
std::vector<Fact> OtherDocument() {
  return {MakeFact("d2", kHa2, "chaired", kEvent), MakeFact("d2", kHa, "holds_position", kMinister)};
}

std::multiset<std::string> Bag(const Store& store, const std::string& body, bool general) {
  SparqlOptions options;
  options.general_aggregates = general;
  auto r = RunSparql(store, "PREFIX vn: <urn:vnkg:>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" + body,
                     options);
  if (!r.ok()) FAIL(r.status().message());
  std::multiset<std::string> out;
  for (const auto& row : r.value().rows) {
    std::string line;
    for (const SparqlTerm& t : row) line += SparqlTermToTsv(t) + '\t';
    out.insert(line);
  }
  return out;
}

// Queries of the counting shape (answered without rows) and near misses (the general path).
const char* const kCountQueries[] = {
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",
    "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s rdf:type ?t } GROUP BY ?t ORDER BY DESC(?n)",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s vn:chaired ?o }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "SELECT (COUNT(?o) AS ?a) (COUNT(*) AS ?b) WHERE { ?s vn:has_bridge_point ?o }",
    "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s vn:chaired ?o } GROUP BY ?s",
    "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s vn:holds_position ?o } GROUP BY ?o",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p <urn:vnkg:nothing-here> } GROUP BY ?p",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s vn:no_such_predicate ?o }",
    "SELECT ?p (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?s } GROUP BY ?p",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p HAVING (COUNT(*) > 1)",
};

void CheckFastEqualsGeneral(const Store& store) {
  for (const char* q : kCountQueries) {
    INFO(q);
    CHECK(Bag(store, q, false) == Bag(store, q, true));
  }
}

// Forwards to a store, keeping no derived data (so everything is computed),
// and remembers every Match.
class CountingStore : public Store {
 public:
  explicit CountingStore(const Store& s) : s_(s) {}
  Result<IngestOutcome> PutDocument(const DocumentRecord&, const std::vector<Fact>&) override {
    return Status::Unsupported("read-only");
  }
  Status Sync() override { return Status::Ok(); }
  Result<std::optional<DocumentRecord>> GetDocument(const std::string& id) const override { return s_.GetDocument(id); }
  Result<std::vector<DocumentRecord>> ListDocuments() const override { return s_.ListDocuments(); }
  Result<std::optional<TermId>> FindEntity(const Entity& e) const override { return s_.FindEntity(e); }
  Result<std::optional<TermId>> FindPredicate(const std::string& p) const override { return s_.FindPredicate(p); }
  Result<Entity> GetEntity(TermId id) const override { return s_.GetEntity(id); }
  Result<std::string> GetPredicate(TermId id) const override { return s_.GetPredicate(id); }
  Status ForEachEntity(const std::function<bool(TermId, const Entity&)>& v) const override { return s_.ForEachEntity(v); }
  Status Match(const TriplePattern& p, const std::function<bool(TermId, TermId, TermId)>& v) const override {
    ++matches;
    return s_.Match(p, v);
  }
  Result<std::vector<Provenance>> GetProvenance(TermId s, TermId p, TermId o) const override {
    return s_.GetProvenance(s, p, o);
  }
  Status ForEachFact(const std::function<bool(const StoredFact&)>& v) const override { return s_.ForEachFact(v); }
  Result<StoreStats> Stats() const override { return s_.Stats(); }
  mutable int matches = 0;

 private:
  const Store& s_;
};

std::multiset<std::string> AllRows(const Store& store) {
  return Bag(store, "SELECT * WHERE { ?s ?p ?o }", true);
}

}  // namespace

TEST_CASE("COUNT over one pattern gives what grouping the rows gives, before and after a replacement", "[sparql]") {
  TempDir dir{"vnkg-startup"};
  auto opened = Store::Open(dir.path + "/db", Store::Mode::kReadWrite);
  REQUIRE(opened.ok());
  Store& store = *opened.value();
  REQUIRE(Put(store, "d1", "one", FirstVersion()).ok());
  REQUIRE(Put(store, "d2", "two", OtherDocument()).ok());
  CheckFastEqualsGeneral(store);
  CHECK(Bag(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s vn:chaired ?o }", false) ==
        std::multiset<std::string>{"3\t"});

  REQUIRE(KeepStartupIndexes(store).ok());
  CheckFastEqualsGeneral(store);
  REQUIRE(Put(store, "d1", "one, changed", SecondVersion()).ok());
  CheckFastEqualsGeneral(store);
  CHECK(Bag(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s vn:chaired ?o }", false) ==
        std::multiset<std::string>{"1\t"});
  REQUIRE(KeepStartupIndexes(store).ok());
  CheckFastEqualsGeneral(store);
}

TEST_CASE("COUNT grouped by predicate reads no fact once the view is built", "[sparql]") {
  TempDir dir{"vnkg-startup"};
  auto opened = Store::Open(dir.path + "/db", Store::Mode::kReadWrite);
  REQUIRE(opened.ok());
  REQUIRE(Put(*opened.value(), "d1", "one", FirstVersion()).ok());
  CountingStore counting(*opened.value());
  auto engine = SparqlEngine::Create(counting);
  REQUIRE(engine.ok());
  const std::string q = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p";
  counting.matches = 0;
  REQUIRE(engine.value()->Run(q).ok());
  CHECK(counting.matches == 0);
  SparqlOptions general;
  general.general_aggregates = true;
  REQUIRE(engine.value()->Run(q, general).ok());
  CHECK(counting.matches > 0);
}

TEST_CASE("kept start-up indexes answer as computed ones, and a write makes them stale", "[sparql][names]") {
  TempDir dir{"vnkg-startup"};
  const std::string db = dir.path + "/db";
  {
    auto opened = Store::Open(db, Store::Mode::kReadWrite);
    REQUIRE(opened.ok());
    Store& store = *opened.value();
    REQUIRE(Put(store, "d1", "one", FirstVersion()).ok());
    REQUIRE(Put(store, "d2", "two", OtherDocument()).ok());
    for (const char* name : {"sparql_view/2", "names/1", "resolution/1"}) {
      auto kept = store.ReadDerived(name);
      REQUIRE(kept.ok());
      CHECK_FALSE(kept.value().has_value());
    }
    REQUIRE(KeepStartupIndexes(store).ok());
    for (const char* name : {"sparql_view/2", "names/1", "resolution/1"}) {
      auto kept = store.ReadDerived(name);
      REQUIRE(kept.ok());
      CHECK(kept.value().has_value());
    }
    // A replacement starts a new generation: nothing kept is used any more.
    REQUIRE(Put(store, "d1", "one, changed", SecondVersion()).ok());
    for (const char* name : {"sparql_view/2", "names/1", "resolution/1"}) {
      auto kept = store.ReadDerived(name);
      REQUIRE(kept.ok());
      CHECK_FALSE(kept.value().has_value());
    }
    // The same content again changes nothing, so what is kept stays good.
    REQUIRE(KeepStartupIndexes(store).ok());
    REQUIRE(Put(store, "d1", "one, changed", SecondVersion()).ok());
    auto kept = store.ReadDerived("sparql_view/2");
    REQUIRE(kept.ok());
    CHECK(kept.value().has_value());
  }
  auto reader = Store::Open(db, Store::Mode::kReadOnly);
  REQUIRE(reader.ok());
  const Store& loaded = *reader.value();
  CountingStore computed(loaded);  // keeps nothing: builds the view and the names
  CHECK(AllRows(loaded) == AllRows(computed));
  for (const char* q : kCountQueries) {
    INFO(q);
    CHECK(Bag(loaded, q, false) == Bag(computed, q, true));
  }

  auto kept_names = NameResolver::Load(loaded);
  auto built_names = NameResolver::Build(loaded);
  REQUIRE(kept_names.ok());
  REQUIRE(built_names.ok());
  CHECK(kept_names->Encode() == built_names->Encode());
  // One name by its rows (ResolveEntity) as by the whole index; ambiguous, exact, unknown.
  for (const char* name : {"tran bau ha", "Trần Báu Hà", "bui thanh son", "BÙI THANH SƠN", "bui thanh sen", "nobody"}) {
    INFO(name);
    auto one = ResolveEntity(loaded, name);
    auto all = built_names->Resolve(name);
    REQUIRE(one.ok());
    REQUIRE(all.ok());
    auto ids = [](const std::vector<NamedEntity>& v) {
      std::vector<std::pair<TermId, std::size_t>> out;
      for (const auto& n : v) out.emplace_back(n.id, n.facts);
      return out;
    };
    CHECK(ids(one->matches) == ids(all->matches));
    CHECK(ids(one->suggestions) == ids(all->suggestions));
  }
  auto ambiguous = ResolveEntity(loaded, "tran bau ha");
  REQUIRE(ambiguous.ok());
  CHECK(ambiguous->matches.size() == 2);
  auto unknown = ResolveEntity(loaded, "bui thanh sen");
  REQUIRE(unknown.ok());
  CHECK_FALSE(unknown->suggestions.empty());
}

namespace {

// A database of FirstVersion and OtherDocument with its start-up indexes kept.
void MakeKeptDatabase(const std::string& db) {
  auto opened = Store::Open(db, Store::Mode::kReadWrite);
  REQUIRE(opened.ok());
  REQUIRE(Put(*opened.value(), "d1", "one", FirstVersion()).ok());
  REQUIRE(Put(*opened.value(), "d2", "two", OtherDocument()).ok());
  REQUIRE(KeepStartupIndexes(*opened.value()).ok());
}

const char* const kViewQueries[] = {
    "SELECT * WHERE { ?s ?p ?o }",
    "SELECT ?s ?l WHERE { ?s a vn:Person ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT ?b ?c WHERE { ?e vn:has_bridge_point ?b . OPTIONAL { ?c vn:chaired ?b } }",
};

}  // namespace

TEST_CASE("the kept SPARQL view is read in place: the bytes Build computes, every term found again", "[sparql]") {
  TempDir dir{"vnkg-view"};
  const std::string db = dir.path + "/db";
  MakeKeptDatabase(db);
  auto reader = Store::Open(db, Store::Mode::kReadOnly);
  REQUIRE(reader.ok());
  auto kept = sparql::View::Load(*reader.value());
  auto built = sparql::View::Build(*reader.value());
  REQUIRE(kept.ok());
  REQUIRE(built.ok());
  CHECK(kept.value()->bytes() == built.value()->bytes());
  const sparql::View& view = *kept.value();
  REQUIRE(view.size() > 0);
  for (sparql::Vid v = 1; v <= view.size(); ++v) {
    INFO(v);
    CHECK(view.term(v) == built.value()->term(v));
    CHECK(view.Lookup(view.term(v)) == v);
    if (const TermId id = view.store_id(v)) CHECK(view.store_id(view.FromStore(id)) == id);
  }
  CHECK(view.Lookup(SparqlTerm{SparqlTerm::Kind::kIri, "urn:vnkg:nothing-here", "", ""}) == 0);
}

TEST_CASE("keeping the start-up indexes drops the view of the layout before", "[sparql]") {
  TempDir dir{"vnkg-view-old"};
  auto opened = Store::Open(dir.path + "/db", Store::Mode::kReadWrite);
  REQUIRE(opened.ok());
  Store& store = *opened.value();
  REQUIRE(Put(store, "d1", "one", FirstVersion()).ok());
  // As an older vnkg left it: current, so only dropping it makes it go.
  REQUIRE(store.PutDerived("sparql_view/1", "old layout").ok());
  REQUIRE(store.ReadDerived("sparql_view/1").ok());
  REQUIRE(store.ReadDerived("sparql_view/1").value().has_value());
  REQUIRE(KeepStartupIndexes(store).ok());
  auto old = store.ReadDerived("sparql_view/1");
  REQUIRE(old.ok());
  CHECK_FALSE(old.value().has_value());
  auto now = store.ReadDerived(sparql::View::kDerivedName);
  REQUIRE(now.ok());
  CHECK(now.value().has_value());
}

TEST_CASE("a damaged SPARQL view is refused when its sizes disagree, and is read within its bytes otherwise",
          "[sparql]") {
  TempDir dir{"vnkg-view-damaged"};
  const std::string db = dir.path + "/db";
  MakeKeptDatabase(db);
  auto reader = Store::Open(db, Store::Mode::kReadOnly);
  REQUIRE(reader.ok());
  auto built = sparql::View::Build(*reader.value());
  REQUIRE(built.ok());
  const std::string bytes(built.value()->bytes());
  for (std::size_t cut : {std::size_t(0), std::size_t(7), std::size_t(48), bytes.size() / 2, bytes.size() - 1}) {
    INFO(cut);
    auto view = sparql::View::Open(PinnedBytes(bytes.substr(0, cut)));
    REQUIRE_FALSE(view.ok());
    CHECK(view.status().code() == Status::Code::kCorruption);
  }
  std::vector<sparql::Query> queries;
  for (const char* q : kViewQueries) {
    auto parsed = sparql::Parse(std::string("PREFIX vn: <urn:vnkg:>\n") + q);
    REQUIRE(parsed.ok());
    queries.push_back(std::move(parsed.value()));
  }
  // Each byte in turn set to all ones (a huge id, count or offset): whatever
  // opens must answer without reading outside the bytes (the sanitizers check).
  std::size_t opened = 0;
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(0xFF);
    auto view = sparql::View::Open(PinnedBytes(std::move(damaged)));
    if (!view.ok()) continue;
    ++opened;
    auto source = sparql::MakeStoreSource(*reader.value(), std::move(view.value()));
    for (const sparql::Query& q : queries) (void)sparql::Evaluate(q, *source, SparqlOptions{});
  }
  CHECK(opened > bytes.size() / 2);
}

TEST_CASE("threads sharing one engine decode its terms once and answer as one thread does", "[sparql]") {
  TempDir dir{"vnkg-view-threads"};
  const std::string db = dir.path + "/db";
  MakeKeptDatabase(db);
  auto reader = Store::Open(db, Store::Mode::kReadOnly);
  REQUIRE(reader.ok());
  auto rows = [](const SparqlEngine& engine, const char* q) {
    std::vector<std::string> out;
    auto r = engine.Run(std::string("PREFIX vn: <urn:vnkg:>\n") + q);
    if (!r.ok()) return std::vector<std::string>{r.status().message()};
    for (const auto& row : r.value().rows) {
      std::string line;
      for (const SparqlTerm& t : row) line += SparqlTermToTsv(t) + '\t';
      out.push_back(line);
    }
    return out;
  };
  std::vector<std::vector<std::string>> expected;
  {
    auto engine = SparqlEngine::Create(*reader.value());
    REQUIRE(engine.ok());
    for (const char* q : kViewQueries) expected.push_back(rows(*engine.value(), q));
  }
  auto shared = SparqlEngine::Create(*reader.value());  // no term decoded yet
  REQUIRE(shared.ok());
  constexpr int kThreads = 4;
  std::vector<std::vector<std::vector<std::string>>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (const char* q : kViewQueries) got[t].push_back(rows(*shared.value(), q));
    });
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) CHECK(got[t] == expected);
}
