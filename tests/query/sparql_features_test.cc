// The SPARQL 1.1 features of #16, evaluated over an in-memory TripleSource:
// the evaluator's narrow interface (scan by pattern, count estimate), so a
// test double is a dozen lines instead of a 13-method Store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../../query/src/sparql_internal.h"
#include "vnkg/query/sparql.h"

using namespace vnkg;
using namespace vnkg::sparql;

namespace {

SparqlTerm Iri(const std::string& local) { return {SparqlTerm::Kind::kIri, "urn:vnkg:" + local, "", ""}; }
SparqlTerm Lit(const std::string& v) { return {SparqlTerm::Kind::kLiteral, v, "", ""}; }

class MemorySource final : public TripleSource {
 public:
  void Add(const SparqlTerm& s, const SparqlTerm& p, const SparqlTerm& o) { triples_.push_back({Id(s), Id(p), Id(o)}); }
  std::size_t size() const override { return terms_.size(); }
  const SparqlTerm& term(Vid id) const override { return terms_[id - 1]; }
  Vid Lookup(const SparqlTerm& t) const override {
    auto it = std::find(terms_.begin(), terms_.end(), t);
    return it == terms_.end() ? 0 : static_cast<Vid>(it - terms_.begin() + 1);
  }
  Status Scan(Vid s, Vid p, Vid o, const std::function<bool(Vid, Vid, Vid)>& visit) const override {
    ++scans;
    for (const auto& t : triples_)
      if ((!s || t[0] == s) && (!p || t[1] == p) && (!o || t[2] == o))
        if (!visit(t[0], t[1], t[2])) break;
    return Status::Ok();
  }
  Result<double> Estimate(Vid s, Vid p, Vid o) const override {
    double n = 0;
    for (const auto& t : triples_) n += (!s || t[0] == s) && (!p || t[1] == p) && (!o || t[2] == o);
    return n;
  }
  mutable std::size_t scans = 0;

 private:
  Vid Id(const SparqlTerm& t) {
    if (Vid v = Lookup(t)) return v;
    terms_.push_back(t);
    return static_cast<Vid>(terms_.size());
  }
  std::vector<SparqlTerm> terms_;
  std::vector<std::array<Vid, 3>> triples_;
};

// A small graph: places in a part_of chain with a cycle (c -> a), people,
// events, offices.
MemorySource Graph() {
  MemorySource g;
  const SparqlTerm type = {SparqlTerm::Kind::kIri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "", ""};
  const SparqlTerm label = {SparqlTerm::Kind::kIri, "http://www.w3.org/2000/01/rdf-schema#label", "", ""};
  for (const char* p : {"a", "b", "c", "d"}) g.Add(Iri(p), type, Iri("Place")), g.Add(Iri(p), label, Lit(p));
  g.Add(Iri("a"), Iri("part_of"), Iri("b"));
  g.Add(Iri("b"), Iri("part_of"), Iri("c"));
  g.Add(Iri("c"), Iri("part_of"), Iri("a"));  // the cycle
  g.Add(Iri("d"), Iri("part_of"), Iri("a"));
  for (const char* p : {"son", "mai", "ha"}) g.Add(Iri(p), type, Iri("Person")), g.Add(Iri(p), label, Lit(p));
  g.Add(Iri("e1"), type, Iri("Event"));
  g.Add(Iri("e1"), Iri("date"), Lit("2025-01-06"));
  g.Add(Iri("e2"), type, Iri("Event"));
  g.Add(Iri("e2"), Iri("date"), Lit("2023-12-18"));
  g.Add(Iri("son"), Iri("chaired"), Iri("e1"));
  g.Add(Iri("son"), Iri("chaired"), Iri("e2"));
  g.Add(Iri("mai"), Iri("attended"), Iri("e1"));
  g.Add(Iri("ha"), Iri("attended"), Iri("e2"));
  g.Add(Iri("son"), Iri("holds_position"), Iri("minister"));
  g.Add(Iri("son"), Iri("holds_position"), Iri("deputy"));
  g.Add(Iri("mai"), Iri("holds_position"), Iri("chair"));
  return g;
}

Result<SparqlResult> Answer(const TripleSource& g, const std::string& body, const SparqlOptions& options = {}) {
  auto q = Parse("PREFIX vn: <urn:vnkg:>\n" + body);
  if (!q.ok()) return q.status();
  return Evaluate(*q, g, options);
}

// Rows as "v1 v2 ..." with vn: IRIs shortened, as a multiset.
std::multiset<std::string> Rows(const TripleSource& g, const std::string& body) {
  auto r = Answer(g, body);
  if (!r.ok()) FAIL(r.status().message());
  std::multiset<std::string> out;
  for (const auto& row : r->rows) {
    std::string line;
    for (const SparqlTerm& t : row) {
      if (!line.empty()) line += ' ';
      std::string v = t.kind == SparqlTerm::Kind::kUnbound ? "-" : t.value;
      if (v.rfind("urn:vnkg:", 0) == 0) v = v.substr(9);
      line += v;
    }
    out.insert(line);
  }
  return out;
}
using Bag = std::multiset<std::string>;

}  // namespace

TEST_CASE("ASK is true when the pattern has a solution", "[sparql]") {
  MemorySource g = Graph();
  auto yes = Answer(g, "ASK { ?p vn:chaired ?e }");
  REQUIRE(yes.ok());
  CHECK(yes->form == SparqlResult::Form::kBoolean);
  CHECK(yes->boolean);
  CHECK_FALSE(Answer(g, "ASK { ?p vn:chaired vn:nothing }")->boolean);
  CHECK_FALSE(Answer(g, "ASK { ?p vn:chaired ?e FILTER(?p = vn:mai) }")->boolean);
}

TEST_CASE("VALUES inline, with UNDEF, and trailing", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?p ?e WHERE { VALUES ?p { vn:mai vn:ha } ?p vn:attended ?e }") == Bag{"mai e1", "ha e2"});
  CHECK(Rows(g, "SELECT ?p ?e WHERE { VALUES (?p ?e) { (vn:son UNDEF) (UNDEF vn:e2) } ?p vn:chaired ?e }") ==
        Bag{"son e1", "son e2", "son e2"});
  CHECK(Rows(g, "SELECT ?p WHERE { ?p vn:attended ?e } VALUES ?e { vn:e2 }") == Bag{"ha"});
  CHECK(Rows(g, "SELECT * WHERE { VALUES ?x { \"not in the data\" } }") == Bag{"not in the data"});
}

TEST_CASE("aggregates, several in one SELECT, and HAVING", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?p (COUNT(?x) AS ?n) (MIN(?x) AS ?first) (MAX(?x) AS ?last) (SAMPLE(?x) AS ?one) "
                "WHERE { ?p vn:holds_position ?x FILTER(?p = vn:mai) } GROUP BY ?p") ==
        Bag{"mai 1 chair chair chair"});
  CHECK(Rows(g, "SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { ?e vn:date ?d }") ==
        Bag{"2023-12-18 2025-01-06"});
  CHECK(Rows(g, "SELECT (SUM(?one) AS ?s) (AVG(?one) AS ?a) WHERE { ?p vn:chaired ?e BIND(2 AS ?one) }") ==
        Bag{"4 2.0"});
  // The average of integers is exact to 18 places, not a double's 15 digits (66579 / 33 = 2017.5454...).
  CHECK(Rows(g, "SELECT (AVG(?y) AS ?a) WHERE { VALUES ?y { 2017 2018 2018 } }") ==
        Bag{"2017.666666666666666666"});
  CHECK(Rows(g, "SELECT (AVG(?y) AS ?a) WHERE { VALUES ?y { -3 -4 } }") == Bag{"-3.5"});
  CHECK(Rows(g, "SELECT (GROUP_CONCAT(?d; SEPARATOR=\"|\") AS ?all) WHERE { vn:e1 vn:date ?d }") == Bag{"2025-01-06"});
  CHECK(Rows(g, "SELECT ?p WHERE { ?p vn:holds_position ?x } GROUP BY ?p HAVING (COUNT(?x) >= 2)") == Bag{"son"});
  CHECK(Rows(g, "SELECT ?p WHERE { ?p vn:holds_position ?x } GROUP BY ?p HAVING (COUNT(?x) >= 1) (MIN(?x) = vn:chair)") ==
        Bag{"mai"});  // two constraints; MIN of IRIs in ORDER BY order (son's is vn:deputy)
}

TEST_CASE("ORDER BY an aggregate", "[sparql]") {
  MemorySource g = Graph();
  auto r = Answer(g, "SELECT ?p WHERE { ?p vn:holds_position ?x } GROUP BY ?p ORDER BY DESC(COUNT(?x)) ?p");
  REQUIRE(r.ok());
  REQUIRE(r->rows.size() == 2);
  CHECK(r->variables == std::vector<std::string>{"p"});  // the hidden key is not projected
  CHECK(r->rows[0][0].value == "urn:vnkg:son");
  CHECK(r->rows[1][0].value == "urn:vnkg:mai");
}

TEST_CASE("GROUP BY with no rows, and aggregates over unbound values", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x vn:nothing ?y } GROUP BY ?x").empty());
  CHECK(Rows(g, "SELECT (COUNT(*) AS ?n) (SUM(?y) AS ?s) (GROUP_CONCAT(?y) AS ?g) (MAX(?y) AS ?m) "
                "WHERE { ?x vn:nothing ?y }") == Bag{"0 0  -"});
  // ?d is unbound for people: COUNT counts bound values, SAMPLE picks one,
  // SUM / MIN are errors (unbound), as in Oxigraph.
  CHECK(Rows(g, "SELECT (COUNT(?d) AS ?n) (SAMPLE(?d) AS ?any) (MIN(?d) AS ?min) (COUNT(*) AS ?all) "
                "WHERE { ?x a ?t OPTIONAL { ?x vn:date ?d FILTER(?d = \"2025-01-06\") } }") == Bag{"1 2025-01-06 - 9"});
}

TEST_CASE("FILTER EXISTS and NOT EXISTS see the outer row", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?p WHERE { ?p a vn:Person FILTER EXISTS { ?p vn:chaired ?e } }") == Bag{"son"});
  CHECK(Rows(g, "SELECT ?p WHERE { ?p vn:attended ?e FILTER NOT EXISTS { ?p vn:holds_position ?x } }") == Bag{"ha"});
  // The inner FILTER reads ?d of the outer row: substitution, not a join.
  CHECK(Rows(g, "SELECT ?e WHERE { ?e vn:date ?d FILTER NOT EXISTS { ?x vn:date ?d2 FILTER(?d2 > ?d) } }") ==
        Bag{"e1"});
}

TEST_CASE("MINUS removes compatible rows that share a variable", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?p WHERE { ?p vn:attended ?e MINUS { ?p vn:holds_position ?x } }") == Bag{"ha"});
  CHECK(Rows(g, "SELECT ?p WHERE { ?p vn:attended ?e MINUS { ?x a vn:Place } }") == Bag{"mai", "ha"});  // no shared variable
}

TEST_CASE("string and date functions come from the function table", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT (SUBSTR(\"Hà Tĩnh\", 4) AS ?a) (SUBSTR(\"Hà Tĩnh\", 0, 2) AS ?b) "
                "(REPLACE(\"2025-01-06\", \"^(\\\\d+)-(\\\\d+).*\", \"$2/$1\") AS ?c) "
                "(STRSTARTS(\"Hà Tĩnh\", \"Hà\") AS ?d) (STRENDS(\"Hà Tĩnh\", \"Tĩnh\") AS ?e) WHERE {}") ==
        Bag{"Tĩnh H 01/2025 true true"});
  CHECK(Rows(g, "SELECT ?e (YEAR(xsd:date(?d)) AS ?y) (MONTH(xsd:date(?d)) AS ?m) WHERE { ?e vn:date ?d }") ==
        Bag{"e1 2025 1", "e2 2023 12"});
  CHECK(Rows(g, "SELECT (COALESCE(?nothing, \"x\") AS ?a) (IF(1 = 1, \"yes\", ?nothing) AS ?b) "
                "(IF(?nothing, 1, 2) AS ?c) (YEAR(xsd:date(\"2025-01\")) AS ?d) WHERE {}") == Bag{"x yes - -"});
  CHECK(Rows(g, "SELECT (ENCODE_FOR_URI(\"Hà Tĩnh/1\") AS ?u) WHERE {}") == Bag{"H%C3%A0%20T%C4%A9nh%2F1"});
  auto now = Answer(g, "SELECT (NOW() AS ?t) WHERE {}");
  REQUIRE(now.ok());
  CHECK(now->rows[0][0].datatype == "http://www.w3.org/2001/XMLSchema#dateTime");
  // Every function the parser accepts is listed for completion and help.
  std::set<std::string> names;
  for (const auto& f : SparqlFunctions()) names.insert(f.name);
  for (const char* n : {"STRSTARTS", "STRENDS", "SUBSTR", "REPLACE", "YEAR", "MONTH", "NOW", "COALESCE", "IF", "SUM",
                        "GROUP_CONCAT"})
    CHECK(names.count(n) == 1);
}

TEST_CASE("arithmetic: types, left associativity, errors, and the rounding functions", "[sparql]") {
  MemorySource g = Graph();
  // Integers stay integers except under /, which gives a decimal (18 places).
  CHECK(Rows(g, "SELECT (1 + 2 * 3 AS ?a) (7 / 2 AS ?b) (1 / 3 AS ?c) (2.5 * 2 AS ?d) (1e0 / 4 AS ?e) WHERE {}") ==
        Bag{"7 3.5 0.333333333333333333 5.0 0.25E0"});
  // The grammar's + - * / chains are left associative (Oxigraph 0.5 groups them to the right).
  CHECK(Rows(g, "SELECT (10 - 4 - 3 AS ?a) (8 / 4 / 2 AS ?b) (2 * 3 / 4 AS ?c) WHERE {}") == Bag{"3 1.0 1.5"});
  // A + or - touching a number after an operand is the operator: ?x -1 is ?x minus 1.
  CHECK(Rows(g, "SELECT (?x -1 AS ?a) (-?x AS ?b) (+?x AS ?c) (- -?x AS ?d) WHERE { BIND(5 AS ?x) }") ==
        Bag{"4 -5 5 5"});
  // Errors leave the value unbound: a non-number, an integer or decimal division by zero, an overflow.
  CHECK(Rows(g, "SELECT (\"a\" + 1 AS ?a) (1 / 0 AS ?b) (1.0 / 0 AS ?c) (9223372036854775807 + 1 AS ?d) "
                "(-\"a\" AS ?e) (1e0 / 0 AS ?f) WHERE {}") == Bag{"- - - - - INF"});
  // ROUND takes halves towards positive infinity (SPARQL 1.1, 17.4.4.3), decimals and doubles alike.
  CHECK(Rows(g, "SELECT (ROUND(-2.5) AS ?a) (ROUND(2.5) AS ?b) (ROUND(-2.5e0) AS ?c) (CEIL(-1.5) AS ?d) "
                "(FLOOR(-1.5) AS ?e) (ABS(-3) AS ?f) (ABS(-1.5e0) AS ?g) (ROUND(7) AS ?h) (ABS(\"x\") AS ?i) WHERE {}") ==
        Bag{"-2.0 3.0 -2E0 -1.0 -2.0 3 1.5E0 7 -"});
  // In FILTER and ORDER BY, with aggregates.
  CHECK(Rows(g, "SELECT ?e WHERE { ?e vn:date ?d FILTER(YEAR(xsd:date(?d)) - 2000 > 24) }") == Bag{"e1"});
  CHECK(Rows(g, "SELECT ?p (COUNT(*) * 10 AS ?n) WHERE { ?p vn:holds_position ?o } GROUP BY ?p") ==
        Bag{"son 20", "mai 10"});
}

TEST_CASE("casts, time parts and term functions", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT (xsd:decimal(\"2.50\") AS ?a) (xsd:decimal(\"1e3\") AS ?b) (xsd:double(\"1e3\") AS ?c) "
                "(xsd:float(0.1) AS ?d) (xsd:double(0.1) AS ?e) (xsd:boolean(\"0\") AS ?f) (xsd:boolean(2.5) AS ?g) "
                "(xsd:boolean(\"yes\") AS ?h) (xsd:decimal(true) AS ?i) WHERE {}") ==
        Bag{"2.50 - 1000E0 0.1E0 0.1E0 false true - 1.0"});
  CHECK(Rows(g, "SELECT (HOURS(?t) AS ?h) (MINUTES(?t) AS ?m) (SECONDS(?t) AS ?s) (TIMEZONE(?t) AS ?z) (TZ(?t) AS ?tz) "
                "(TIMEZONE(?u) AS ?zu) (TZ(?u) AS ?tu) (HOURS(xsd:date(\"2025-01-06\")) AS ?dh) "
                "WHERE { BIND(xsd:dateTime(\"2025-01-06T09:05:07.5-05:30\") AS ?t) "
                "BIND(xsd:dateTime(\"2025-01-06T23:00:00\") AS ?u) }") ==
        Bag{"9 5 7.5 -PT5H30M -05:30 -  -"});
  // Found by fuzz/fuzz_sparql: a dateTime whose seconds were not digits was
  // accepted, and TIMEZONE read past its end. Every field must be digits.
  CHECK(Rows(g, "SELECT (TIMEZONE(xsd:dateTime(\"2025-01-06T23:00:\u00100Z\")) AS ?a) "
                "(xsd:dateTime(\"2025-01-06T23:00:0Z\") AS ?b) (xsd:dateTime(\"2025-01-06T23:00:00.Z\") AS ?c) "
                "(xsd:dateTime(\"2025-01-06T23:00:00+ab:00\") AS ?d) (HOURS(xsd:dateTime(\"2025-01-06Tab:00:00\")) AS ?e) "
                "WHERE {}") == Bag{"- - - - -"});
  CHECK(Rows(g, "SELECT (IRI(\"urn:vnkg:son\") AS ?i) (STR(STRLANG(\"chào\", \"vi\")) AS ?s) "
                "(LANG(STRLANG(\"chào\", \"vi\")) AS ?l) (LANGMATCHES(\"vi-VN\", \"VI\") AS ?a) "
                "(LANGMATCHES(\"vim\", \"vi\") AS ?b) (LANGMATCHES(\"\", \"*\") AS ?c) (ISBLANK(vn:son) AS ?d) "
                "(IRI(1) AS ?e) WHERE {}") == Bag{"son chào vi true false false false -"});
  // RAND, UUID and STRUUID: a new value at every call, of the right form.
  auto random = Answer(g, "SELECT (RAND() AS ?r) (UUID() AS ?u) (STRUUID() AS ?s) WHERE { VALUES ?x { 1 2 } }");
  REQUIRE(random.ok());
  REQUIRE(random->rows.size() == 2);
  for (const auto& row : random->rows) {
    const double r = std::stod(row[0].value);
    CHECK((r >= 0 && r < 1));
    CHECK(row[1].kind == SparqlTerm::Kind::kIri);
    CHECK(row[1].value.size() == 45);
    CHECK(row[1].value.rfind("urn:uuid:", 0) == 0);
    CHECK(row[1].value[9 + 14] == '4');  // version 4
    CHECK(row[2].value.size() == 36);
  }
  CHECK(random->rows[0][1].value != random->rows[1][1].value);
  CHECK(random->rows[0][2].value != random->rows[1][2].value);
  // Digests of the UTF-8 bytes, in hex (the values coreutils' md5sum and sha1sum print).
  CHECK(Rows(g, "SELECT (MD5(\"abc\") AS ?a) (SHA1(\"abc\") AS ?b) (MD5(\"chào\") AS ?c) (MD5(1) AS ?d) WHERE {}") ==
        Bag{"900150983cd24fb0d6963f7d28e17f72 a9993e364706816aba3e25717850c26c9cd0d89d "
            "1b0c9960b0fe198b92abc6c88baa6cd3 -"});
  // IRI() makes a term that joins with the graph's.
  CHECK(Rows(g, "SELECT ?e WHERE { BIND(IRI(\"urn:vnkg:son\") AS ?p) ?p vn:chaired ?e }") == Bag{"e1", "e2"});
}

TEST_CASE("blank nodes in patterns are variables that no query names", "[sparql]") {
  MemorySource g = Graph();
  // [] matches anything; SELECT * does not show it.
  CHECK(Rows(g, "SELECT * WHERE { ?p vn:chaired [] }") == Bag{"son", "son"});
  CHECK(Rows(g, "SELECT DISTINCT ?p WHERE { ?p vn:attended [ vn:date ?d ] }") == Bag{"mai", "ha"});
  // One label is one node: both triples must meet at the same event.
  CHECK(Rows(g, "SELECT ?a ?b WHERE { ?a vn:chaired _:e . ?b vn:attended _:e }") == Bag{"son mai", "son ha"});
  // Each [] is a new node: these two need not meet.
  CHECK(Rows(g, "SELECT (COUNT(*) AS ?n) WHERE { vn:son vn:chaired [] . vn:mai vn:attended [] }") == Bag{"2"});
  // A property list as the subject, standing alone.
  CHECK(Rows(g, "SELECT ?d WHERE { [ a vn:Event ; vn:date ?d ] }") == Bag{"2025-01-06", "2023-12-18"});
}

TEST_CASE("subqueries project their variables and hide the others", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?p ?n WHERE { { SELECT ?p (COUNT(?x) AS ?n) WHERE { ?p vn:holds_position ?x } GROUP BY ?p "
                "HAVING (COUNT(?x) >= 2) } ?p a vn:Person }") == Bag{"son 2"});
  CHECK(Rows(g, "SELECT ?p ?x WHERE { ?p vn:attended ?e . { SELECT ?p WHERE { ?p vn:holds_position ?x } } }") ==
        Bag{"mai -"});
  CHECK(Rows(g, "SELECT ?e WHERE { { SELECT ?e WHERE { ?e vn:date ?d } ORDER BY DESC(?d) LIMIT 1 } }") == Bag{"e1"});
}

TEST_CASE("property paths, and closures that end on a cycle", "[sparql]") {
  MemorySource g = Graph();
  CHECK(Rows(g, "SELECT ?x WHERE { vn:d vn:part_of+ ?x }") == Bag{"a", "b", "c"});
  CHECK(Rows(g, "SELECT ?x WHERE { vn:d vn:part_of* ?x }") == Bag{"d", "a", "b", "c"});
  CHECK(Rows(g, "SELECT ?x WHERE { ?x vn:part_of+ vn:a }") == Bag{"a", "b", "c", "d"});  // a is on the cycle
  CHECK(Rows(g, "SELECT ?x WHERE { vn:d vn:part_of? ?x }") == Bag{"d", "a"});
  CHECK(Rows(g, "SELECT ?x WHERE { vn:nowhere vn:part_of* ?x }").empty());  // not in the data: no path (Oxigraph)
  CHECK(Rows(g, "SELECT ?x WHERE { vn:d vn:part_of/vn:part_of ?x }") == Bag{"b"});
  CHECK(Rows(g, "SELECT ?x WHERE { vn:b ^vn:part_of ?x }") == Bag{"a"});
  CHECK(Rows(g, "SELECT ?e WHERE { vn:son vn:chaired|vn:attended ?e }") == Bag{"e1", "e2"});
  CHECK(Rows(g, "SELECT ?p WHERE { vn:e1 ^(vn:chaired|vn:attended) ?p }") == Bag{"son", "mai"});
  CHECK(Rows(g, "SELECT (COUNT(*) AS ?n) WHERE { ?x (vn:part_of|^vn:part_of)+ ?y }") == Bag{"16"});
}

TEST_CASE("negated property sets: forward, inverse, both, and repeated", "[sparql]") {
  MemorySource g = Graph();
  // Every link out of son but his offices: one row per triple.
  CHECK(Rows(g, "SELECT ?o WHERE { vn:son !(vn:holds_position|rdfs:label) ?o }") == Bag{"Person", "e1", "e2"});
  // Links into e1 other than chaired; links out of it other than its type.
  CHECK(Rows(g, "SELECT ?x WHERE { vn:e1 !(^vn:chaired|a) ?x }") == Bag{"2025-01-06", "mai"});
  CHECK(Rows(g, "SELECT ?x WHERE { vn:e1 !^vn:chaired ?x }") == Bag{"mai"});
  // A predicate the data lacks excludes nothing; !() is any predicate.
  CHECK(Rows(g, "SELECT (COUNT(*) AS ?n) WHERE { vn:son !vn:nothing ?o }") == Bag{"6"});
  CHECK(Rows(g, "SELECT (COUNT(*) AS ?n) WHERE { vn:son !() ?o }") == Bag{"6"});
  // Repeated: the part_of cycle, reached by any link but labels and types.
  CHECK(Rows(g, "SELECT ?x WHERE { vn:d !(a|rdfs:label)+ ?x }") == Bag{"a", "b", "c"});
}

TEST_CASE("a path or a subquery stops at the row limit and the deadline", "[sparql]") {
  MemorySource g = Graph();
  SparqlOptions few;
  few.max_rows = 5;
  auto path = Answer(g, "SELECT * WHERE { ?x (vn:part_of|^vn:part_of)* ?y }", few);
  CHECK(path.status().code() == Status::Code::kAborted);
  auto sub = Answer(g, "SELECT * WHERE { { SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y } } }", few);
  CHECK(sub.status().code() == Status::Code::kAborted);
  SparqlOptions expired;
  expired.deadline = Deadline::Expired();
  CHECK(Answer(g, "SELECT * WHERE { ?x vn:part_of* ?y }", expired).status().code() ==
        Status::Code::kDeadlineExceeded);
}

TEST_CASE("CONSTRUCT instantiates the template, DESCRIBE gives a resource's triples", "[sparql]") {
  MemorySource g = Graph();
  auto c = Answer(g, "CONSTRUCT { ?e vn:chaired_by ?p . ?p a vn:Chair } WHERE { ?p vn:chaired ?e }");
  REQUIRE(c.ok());
  CHECK(c->form == SparqlResult::Form::kGraph);
  CHECK(c->triples.size() == 3);  // two chaired_by, one (deduplicated) type
  auto w = Answer(g, "CONSTRUCT WHERE { ?e vn:date ?d }");
  REQUIRE(w.ok());
  CHECK(w->triples.size() == 2);
  auto unbound = Answer(g, "CONSTRUCT { ?p vn:x ?nothing } WHERE { ?p vn:chaired ?e }");
  CHECK(unbound->triples.empty());
  auto d = Answer(g, "DESCRIBE vn:e1");
  REQUIRE(d.ok());
  CHECK(d->triples.size() == 2);  // rdf:type and vn:date
  auto dv = Answer(g, "DESCRIBE ?p WHERE { ?p vn:attended vn:e2 }");
  REQUIRE(dv.ok());
  CHECK(dv->triples.size() == 3);  // ha: type, label, attended
}
