// SPARQL evaluation on a tiny store in a temporary directory: the RDF view is
// exactly the N-Triples export, patterns with bound terms never scan the
// whole store, and each operator of the subset behaves as SPARQL 1.1 says.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

#include "vnkg/query/export.h"
#include "query_test_support.h"
#include "vnkg/query/sparql.h"

using namespace vnkg;
using namespace vnkg::query_testing;

namespace {

Fact MakeFact(const Entity& s, const std::string& p, const Entity& o) {
  Fact f;
  f.subject = s;
  f.predicate = p;
  f.object = o;
  f.doc = "d1";
  f.evidence = "...";
  return f;
}

// A store with three people, one event with two bridge points, positions.
class Fixture {
 public:
  Fixture() {
    auto store = Store::Open(dir_.path + "/db", Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    store_ = std::move(store.value());
    const Entity son = Person("Bùi Thanh Sơn"), mai = Person("Mai Sơn"), ha = Person("Trần Báu Hà");
    const Entity ev = Event("Hội nghị tổng kết", "2025-01-06");
    const Entity bg = Bridge("Bắc Giang", "2025-01-06"), ht = Bridge("Hà Tĩnh", "2025-01-06");
    const Entity minister = Position("Bộ trưởng", "Bộ Ngoại giao"), pm = Position("Thủ tướng Chính phủ", "");
    DocumentRecord record;
    record.id = "d1";
    record.title = "t";
    record.content_hash = ContentHash("t", "x");
    const std::vector<Fact> facts = {
        MakeFact(son, "chaired", ev),         MakeFact(mai, "chaired", bg),        MakeFact(ha, "attended", ht),
        MakeFact(son, "spoke_at", ev),        MakeFact(ev, "has_bridge_point", bg), MakeFact(ev, "has_bridge_point", ht),
        MakeFact(son, "holds_position", minister), MakeFact(ha, "holds_position", pm),
    };
    REQUIRE(store_->PutDocument(record, facts).ok());
  }
  const Store& store() const { return *store_; }

 private:
  TempDir dir_{"vnkg-sparql"};
  std::unique_ptr<Store> store_;
};

SparqlResult Run(const Store& store, const std::string& body, const SparqlOptions& options = {}) {
  auto r = RunSparql(store, "PREFIX vn: <urn:vnkg:>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + body,
                     options);
  if (!r.ok()) FAIL(r.status().message());
  return r.value();
}

// Rows as TSV lines, for readable comparisons.
std::vector<std::string> Lines(const SparqlResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) line += '\t';
      line += SparqlTermToTsv(row[i]);
    }
    out.push_back(line);
  }
  return out;
}
std::multiset<std::string> Bag(const SparqlResult& r) {
  auto lines = Lines(r);
  return {lines.begin(), lines.end()};
}

// Forwards to a store and remembers every Match pattern.
class RecordingStore : public Store {
 public:
  explicit RecordingStore(const Store& s) : s_(s) {}
  Result<IngestOutcome> PutDocument(const DocumentRecord& r, const std::vector<Fact>& f) override {
    return Status::Unsupported("read-only" + r.id + std::to_string(f.size()));
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
    patterns.push_back(p);
    return s_.Match(p, v);
  }
  Result<std::vector<Provenance>> GetProvenance(TermId s, TermId p, TermId o) const override {
    return s_.GetProvenance(s, p, o);
  }
  Status ForEachFact(const std::function<bool(const StoredFact&)>& v) const override { return s_.ForEachFact(v); }
  Result<StoreStats> Stats() const override { return s_.Stats(); }
  mutable std::vector<TriplePattern> patterns;

 private:
  const Store& s_;
};

}  // namespace

TEST_CASE("the engine sees exactly the triples of the N-Triples export", "[sparql]") {
  Fixture f;
  std::ostringstream nt;
  REQUIRE(ExportRdf(f.store(), RdfSyntax::kNTriples, nt).ok());
  std::multiset<std::string> exported;
  std::istringstream in(nt.str());
  for (std::string line; std::getline(in, line);) exported.insert(line);
  const SparqlResult all = Run(f.store(), "SELECT ?s ?p ?o WHERE { ?s ?p ?o }");
  std::multiset<std::string> seen;
  for (const auto& row : all.rows)
    seen.insert(SparqlTermToTsv(row[0]) + " " + SparqlTermToTsv(row[1]) + " " + SparqlTermToTsv(row[2]) + " .");
  CHECK(seen == exported);
  // The Province of a bridge point and the Organization of a position are in
  // the view although no fact names them.
  CHECK(Run(f.store(), "SELECT ?p WHERE { ?p a vn:Province ; rdfs:label \"Bắc Giang\" }").rows.size() == 1);
  CHECK(Run(f.store(), "SELECT ?o WHERE { ?x vn:organization ?o . ?o a vn:Organization }").rows.size() == 1);
}

TEST_CASE("patterns with a bound term are prefix scans, joins start from the selective side", "[sparql]") {
  Fixture f;
  RecordingStore rec(f.store());
  auto r = RunSparql(rec,
                     "PREFIX vn: <urn:vnkg:> SELECT ?who ?name WHERE { ?who vn:chaired ?e . ?who "
                     "<http://www.w3.org/2000/01/rdf-schema#label> ?name . ?e vn:date \"2025-01-06\" }");
  REQUIRE(r.ok());
  CHECK(Lines(*r) == std::vector<std::string>{"<" + EntityIri(Person("Bùi Thanh Sơn")) + ">\t\"Bùi Thanh Sơn\""});
  REQUIRE(!rec.patterns.empty());
  for (const TriplePattern& p : rec.patterns) CHECK((p.subject || p.predicate || p.object));
  // The date pattern (one match, in memory) binds ?e first: the fact lookups
  // then have subject or object bound, not the predicate alone.
  bool any_object_bound = false;
  for (const TriplePattern& p : rec.patterns) any_object_bound |= p.object.has_value();
  CHECK(any_object_bound);
}

TEST_CASE("FILTER, OPTIONAL, UNION, BIND", "[sparql]") {
  Fixture f;
  const Store& s = f.store();
  CHECK(Bag(Run(s, "SELECT ?n WHERE { ?p a vn:Person ; rdfs:label ?n FILTER(CONTAINS(?n, \"Sơn\")) }")) ==
        std::multiset<std::string>{"\"Bùi Thanh Sơn\"", "\"Mai Sơn\""});
  CHECK(Bag(Run(s, "SELECT ?n WHERE { ?p a vn:Person ; rdfs:label ?n FILTER(regex(?n, \"^BÙI\", \"i\")) }")) ==
        std::multiset<std::string>{"\"Bùi Thanh Sơn\""});
  CHECK(Bag(Run(s, "SELECT ?n WHERE { ?p a vn:Person ; rdfs:label ?n FILTER(regex(?n, \"S.n$\") && ?n != \"Mai Sơn\") }")) ==
        std::multiset<std::string>{"\"Bùi Thanh Sơn\""});
  CHECK(Bag(Run(s, "SELECT (LCASE(?n) AS ?l) WHERE { ?p a vn:Person ; rdfs:label ?n FILTER(STRSTARTS(?n, \"Trần\")) }")) ==
        std::multiset<std::string>{"\"trần báu hà\""});
  // OPTIONAL keeps people without a position; !BOUND finds them.
  CHECK(Bag(Run(s, "SELECT ?n WHERE { ?p a vn:Person ; rdfs:label ?n OPTIONAL { ?p vn:holds_position ?x } "
                   "FILTER(!BOUND(?x)) }")) == std::multiset<std::string>{"\"Mai Sơn\""});
  // A FILTER inside OPTIONAL that fails keeps the left row unextended.
  CHECK(Bag(Run(s, "SELECT ?n ?t WHERE { ?p a vn:Person ; rdfs:label ?n OPTIONAL { ?p vn:holds_position ?x . ?x "
                   "vn:title ?t FILTER(?t = \"Bộ trưởng\") } }")) ==
        std::multiset<std::string>{"\"Bùi Thanh Sơn\"\t\"Bộ trưởng\"", "\"Mai Sơn\"\t", "\"Trần Báu Hà\"\t"});
  CHECK(Run(s, "SELECT ?p WHERE { { ?p vn:chaired ?e } UNION { ?p vn:attended ?e } UNION { ?p vn:spoke_at ?e } }")
            .rows.size() == 4);
  CHECK(Bag(Run(s, "SELECT ?d WHERE { ?e a vn:Event BIND(STR(?e) AS ?i) ?e vn:date ?d FILTER(STRSTARTS(?i, \"urn:vnkg:event-\")) }")) ==
        std::multiset<std::string>{"\"2025-01-06\""});
  // A constant the data lacks matches nothing; a nested group with its own
  // FILTER sees only its own variables.
  CHECK(Run(s, "SELECT ?x WHERE { ?x a vn:Spaceship }").rows.empty());
  CHECK(Run(s, "SELECT ?p WHERE { ?p a vn:Person . { ?p rdfs:label ?l FILTER(BOUND(?p)) } }").rows.size() == 3);
}

TEST_CASE("ORDER BY, DISTINCT, LIMIT, OFFSET", "[sparql]") {
  Fixture f;
  const Store& s = f.store();
  CHECK(Lines(Run(s, "SELECT ?n WHERE { ?p a vn:Person ; rdfs:label ?n } ORDER BY DESC(?n)")) ==
        std::vector<std::string>{"\"Trần Báu Hà\"", "\"Mai Sơn\"", "\"Bùi Thanh Sơn\""});
  CHECK(Lines(Run(s, "SELECT ?n WHERE { ?p a vn:Person ; rdfs:label ?n } ORDER BY ?n LIMIT 1 OFFSET 1")) ==
        std::vector<std::string>{"\"Mai Sơn\""});
  CHECK(Run(s, "SELECT DISTINCT ?e WHERE { ?e vn:has_bridge_point ?b }").rows.size() == 1);
  CHECK(Run(s, "SELECT ?e WHERE { ?e vn:has_bridge_point ?b }").rows.size() == 2);
}

TEST_CASE("COUNT with and without GROUP BY", "[sparql]") {
  Fixture f;
  const Store& s = f.store();
  CHECK(Lines(Run(s, "SELECT (COUNT(*) AS ?n) WHERE { ?p a vn:Person }")) == std::vector<std::string>{"3"});
  // One group even over no solutions; no groups with GROUP BY.
  CHECK(Lines(Run(s, "SELECT (COUNT(*) AS ?n) WHERE { ?p a vn:Spaceship }")) == std::vector<std::string>{"0"});
  CHECK(Run(s, "SELECT ?t (COUNT(*) AS ?n) WHERE { ?p a vn:Spaceship ; a ?t } GROUP BY ?t").rows.empty());
  // COUNT(?x) skips unbound values; DISTINCT counts values once.
  CHECK(Lines(Run(s, "SELECT (COUNT(?x) AS ?a) (COUNT(*) AS ?b) (COUNT(DISTINCT ?e) AS ?c) WHERE { ?p a vn:Person "
                     "OPTIONAL { ?p vn:holds_position ?x } OPTIONAL { ?p vn:chaired ?e } }")) ==
        std::vector<std::string>{"2\t3\t2"});
  CHECK(Lines(Run(s, "SELECT ?p (COUNT(?o) AS ?n) WHERE { ?s ?p ?o FILTER(?p = vn:chaired || ?p = vn:has_bridge_point) } "
                     "GROUP BY ?p ORDER BY DESC(?n) ?p")) ==
        std::vector<std::string>{"<urn:vnkg:chaired>\t2", "<urn:vnkg:has_bridge_point>\t2"});
}

TEST_CASE("an intermediate result past the limit stops the query", "[sparql]") {
  Fixture f;
  SparqlOptions options;
  options.max_rows = 50;
  auto r = RunSparql(f.store(), "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", options);
  REQUIRE(r.status().code() == Status::Code::kAborted);
  CHECK_THAT(r.status().message(), Catch::Contains("more than 50 intermediate solutions"));
  SparqlOptions cancelled;
  cancelled.interrupted = [] { return true; };
  auto big = RunSparql(f.store(), "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", cancelled);
  CHECK(big.status().code() == Status::Code::kAborted);
}

TEST_CASE("results in the W3C formats", "[sparql]") {
  Fixture f;
  const SparqlResult r =
      Run(f.store(), "SELECT ?n ?x WHERE { ?p a vn:Person ; rdfs:label ?n OPTIONAL { ?p vn:holds_position ?x } } ORDER BY ?n");
  std::ostringstream tsv, csv, json;
  WriteSparqlResult(tsv, r, SparqlFormat::kTsv);
  WriteSparqlResult(csv, r, SparqlFormat::kCsv);
  WriteSparqlResult(json, r, SparqlFormat::kJson);
  CHECK_THAT(tsv.str(), Catch::StartsWith("?n\t?x\n\"Bùi Thanh Sơn\"\t<urn:vnkg:position-"));
  CHECK_THAT(tsv.str(), Catch::Contains("\n\"Mai Sơn\"\t\n"));
  CHECK_THAT(csv.str(), Catch::StartsWith("n,x\r\nBùi Thanh Sơn,urn:vnkg:position-"));
  CHECK_THAT(csv.str(), Catch::Contains("\r\nMai Sơn,\r\n"));
  CHECK_THAT(json.str(), Catch::Contains("\"vars\": [\n      \"n\",\n      \"x\"\n    ]"));
  CHECK_THAT(json.str(), Catch::Contains("\"type\": \"uri\""));
}
