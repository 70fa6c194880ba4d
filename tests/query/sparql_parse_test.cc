// The SPARQL parser: what it accepts, how it points at a mistake, and how it
// names a feature outside the subset.
#include <catch2/catch.hpp>
#include <string>

#include "vnkg/query/sparql.h"

using namespace vnkg;

namespace {

Status Check(const std::string& q) { return ParseSparql(q); }

}  // namespace

TEST_CASE("the supported subset parses", "[sparql]") {
  const char* queries[] = {
      "SELECT * WHERE { ?s ?p ?o }",
      "PREFIX vn: <urn:vnkg:> SELECT ?x WHERE { ?x a vn:Person ; rdfs:label ?l , ?m . }",
      "select distinct ?x where { ?x a <urn:vnkg:Person> } order by desc(?x) limit 3 offset 1",
      "SELECT ?x WHERE { ?x rdfs:label ?l FILTER(regex(?l, \"^B\", \"i\") && !CONTAINS(?l, 'x') || STRSTARTS(LCASE(STR(?x)), \"u\")) }",
      "SELECT ?x ?y WHERE { ?x vn:date ?d . OPTIONAL { ?x vn:has_bridge_point ?y FILTER(BOUND(?y)) } }",
      "SELECT ?x WHERE { { ?x vn:chaired ?e } UNION { ?x vn:attended ?e } UNION { ?x vn:spoke_at ?e } }",
      "SELECT ?x ?s WHERE { ?x a vn:Event BIND(STR(?x) AS ?s) FILTER(?s != \"\") }",
      "SELECT ?t (COUNT(DISTINCT ?x) AS ?n) (COUNT(*) AS ?all) WHERE { ?x a ?t } GROUP BY ?t ORDER BY DESC(?n)",
      "SELECT (COUNT(?x) AS ?n) WHERE { ?x a vn:Person }",
      "SELECT ?x WHERE { ?x rdfs:label \"\"\"long\nstring\"\"\" ; vn:date \"2025\"^^xsd:string ; rdfs:label \"x\"@vi }",
      "# a comment\nSELECT ?x WHERE { ?x ?p 42 . ?x ?q true } # another",
      "SELECT ?x WHERE { ?x a vn:Person ; }",
      "SELECT ?x WHERE {}",
  };
  for (const char* q : queries) {
    INFO(q);
    Status s = Check(q);
    CHECK(s.ok());
    if (!s.ok()) WARN(s.message());
  }
}

TEST_CASE("a syntax error gives line, column, the line and a caret", "[sparql]") {
  Status s = Check("PREFIX vn: <urn:vnkg:>\nSELECT ?x WHERE {\n  ?x a vn:Person .\n  FILTER(?x = )\n}\n");
  REQUIRE(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message() ==
        "line 4, column 15: syntax error: expected an expression but found ')'\n"
        "    FILTER(?x = )\n"
        "                ^");
}

TEST_CASE("columns count characters, not bytes", "[sparql]") {
  Status s = Check("SELECT ?x WHERE { ?x rdfs:label \"Hà Tĩnh\" ?y }");
  REQUIRE(s.code() == Status::Code::kInvalidArgument);
  CHECK_THAT(s.message(), Catch::StartsWith("line 1, column 43: syntax error: expected '.' or '}' after a triple"));
  CHECK_THAT(s.message(), Catch::EndsWith("\n  " + std::string(42, ' ') + "^"));
}

TEST_CASE("syntax errors say what was expected", "[sparql]") {
  struct Case {
    const char* query;
    const char* message;
  };
  const Case cases[] = {
      {"SELECT ?x WHERE { ?x a vn:Person", "line 1, column 17: syntax error: '{' is never closed"},
      {"SELECT ?x { ?x zz:y ?z }", "undeclared prefix 'zz:'"},
      {"SELECT WHERE { ?x ?p ?o }", "expected '*', a variable or '(expression AS ?var)' after SELECT"},
      {"SELECT ?x WHERE { ?x ?p \"open }", "unterminated string"},
      {"SELECT ?x WHERE { ?x ?p ?o } LIMIT x", "expected a non-negative integer after LIMIT"},
      {"SELECT ?x WHERE { ?x ?p ?o FILTER(foo(?x)) }", "unknown function or keyword 'foo'"},
      {"SELECT ?x WHERE { ?x ?p ?o FILTER(CONTAINS(?x)) }", "CONTAINS takes 2 arguments, not 1"},
      {"SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o }", "?x is selected but neither grouped (GROUP BY) nor aggregated"},
      {"SELECT ?x WHERE { ?x ?p ?o BIND(1 AS ?x) }", "?x is already bound in this group"},
      {"SELECT (STR(?o) AS ?o) WHERE { ?x ?p ?o }", "?o is already in scope"},
      {"SELECT * WHERE { ?x ?p ?o } GROUP BY ?x", "SELECT * cannot be used with GROUP BY"},
      {"SELECT ?x WHERE { ?x ?p ?o } }", "expected the end of the query but found '}'"},
      {"SELECT ?x WHERE { ?x ?p ?o ~ }", "unexpected character '~'"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    Status s = Check(c.query);
    CHECK(s.code() == Status::Code::kInvalidArgument);
    CHECK_THAT(s.message(), Catch::Contains(c.message));
    CHECK_THAT(s.message(), Catch::Contains("^"));
  }
}

TEST_CASE("features outside the subset are named as unsupported", "[sparql]") {
  struct Case {
    const char* query;
    const char* feature;
  };
  const Case cases[] = {
      {"INSERT DATA { <a> <b> <c> }", "SPARQL Update"},
      {"SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "SERVICE"},
      {"SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "GRAPH"},
      {"SELECT * FROM <x> WHERE { ?s ?p ?o }", "FROM"},
      {"BASE <urn:x> SELECT * WHERE { ?s ?p ?o }", "BASE"},
      {"SELECT (BNODE() AS ?b) WHERE { ?s ?p ?o }", "BNODE()"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(xsd:gYear(?o)) }", "the function <http://www.w3.org/2001/XMLSchema#gYear>"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(<urn:my:function>(?o)) }", "the function <urn:my:function>"},
      {"CONSTRUCT { ?s vn:p [] } WHERE { ?s ?p ?o }", "blank nodes in a CONSTRUCT template"},
      {"CONSTRUCT { _:b vn:p ?o } WHERE { ?s ?p ?o }", "blank nodes in a CONSTRUCT template"},
      {"CONSTRUCT WHERE { ?s vn:p _:b }", "blank nodes in a CONSTRUCT template"},
      {"SELECT * WHERE { ?s ?p ( ?o ) }", "RDF collections"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(COUNT(?s) > 1) }", "aggregates outside SELECT, HAVING and ORDER BY"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(MAX(?s) > 1) }", "aggregates outside SELECT, HAVING and ORDER BY"},
      {"SELECT ?k WHERE { ?s ?p ?o } GROUP BY (COUNT(?o) AS ?k)", "aggregates outside SELECT, HAVING and ORDER BY"},
      {"CONSTRUCT { ?s vn:p/vn:q ?o } WHERE { ?s ?p ?o }", "property paths in a CONSTRUCT template"},
      {"ASK { ?s ?p ?o } GROUP BY ?s", "GROUP BY or HAVING outside SELECT"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    Status s = Check(c.query);
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK_THAT(s.message(), Catch::Contains(std::string("unsupported SPARQL feature: ") + c.feature));
    CHECK_THAT(s.message(), Catch::StartsWith("line 1, column "));
  }
}

TEST_CASE("the features of #16 parse", "[sparql]") {
  const char* const queries[] = {
      "ASK { ?s ?p ?o }",
      "ASK WHERE { ?s a vn:Person FILTER EXISTS { ?s vn:chaired ?e } }",
      "CONSTRUCT { ?s vn:knows ?o } WHERE { ?s vn:attended ?e . ?o vn:attended ?e }",
      "CONSTRUCT WHERE { ?s a vn:Person }",
      "DESCRIBE <urn:vnkg:x>",
      "DESCRIBE ?e WHERE { ?e a vn:Event } LIMIT 2",
      "DESCRIBE * WHERE { ?e a vn:Event }",
      "SELECT * WHERE { ?s vn:part_of+ ?o }",
      "SELECT * WHERE { ?s vn:part_of/vn:part_of ?o }",
      "SELECT * WHERE { ?s ^vn:part_of ?o }",
      "SELECT * WHERE { ?s (vn:part_of|^vn:located_in)* ?o }",
      "SELECT * WHERE { ?s vn:part_of? ?o }",
      "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 } }",
      "SELECT * WHERE { ?s ?p ?o MINUS { ?s a vn:Person } }",
      "SELECT * WHERE { ?s ?p ?o } VALUES ?s { <a> }",
      "SELECT * WHERE { VALUES (?s ?o) { (<a> UNDEF) (UNDEF 1) } }",
      "SELECT (SUM(?x) AS ?n) (AVG(?x) AS ?a) (MIN(?x) AS ?mi) (MAX(?x) AS ?ma) WHERE { ?s ?p ?x }",
      "SELECT (SAMPLE(?x) AS ?n) (GROUP_CONCAT(DISTINCT ?x; SEPARATOR = \", \") AS ?all) WHERE { ?s ?p ?x }",
      "SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s HAVING (COUNT(*) > 1)",
      "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY DESC(COUNT(?o)) ?s",
      "SELECT * WHERE { ?s ?p ?o FILTER(NOT EXISTS { ?s a vn:Person }) }",
      "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { ?s a vn:Person } }",
      "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (1, 2) && ?o NOT IN (3)) }",
      "SELECT * WHERE { ?s ?p ?o FILTER(?o > -1 && ?o < +2.5) }",
      "SELECT (STRLEN(?o) AS ?n) (SUBSTR(?o, 2) AS ?t) (REPLACE(?o, \"a\", \"b\", \"i\") AS ?r) WHERE { ?s ?p ?o }",
      "SELECT (YEAR(xsd:date(?o)) AS ?y) (MONTH(NOW()) AS ?m) (COALESCE(?x, 1) AS ?c) (IF(?o, 1, 2) AS ?i) "
      "WHERE { ?s ?p ?o }",
      "SELECT * WHERE { ?s !vn:part_of ?o . ?s !a ?x . ?s !^vn:p ?y . ?s !(vn:p|^vn:q|a) ?z . ?s !() ?w }",
      "SELECT * WHERE { ?s (!vn:p)+/!(^a)* ?o }",
      "SELECT * WHERE { _:b ?p ?o . _:b a [] }",
      "SELECT * WHERE { [ vn:p ?o ; vn:q [ a vn:X ] ] . ?s vn:r [ vn:p ?o ], _:c ; vn:s [] . }",
      "SELECT * WHERE { [ vn:p ?o ] }",
      "SELECT * WHERE { ?s vn:p/vn:q [ vn:r/vn:t ?o ] }",
      "SELECT (?o + 1 AS ?a) (-?o * 2 / 3 - +4 AS ?b) (ABS(?o) AS ?c) WHERE { ?s ?p ?o FILTER(?o -1 > 2) }",
      "SELECT ?y (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY (SUBSTR(?o, 1, 4) AS ?y) HAVING (COUNT(*) > 1) "
      "ORDER BY ?y",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY STR(?s) (LCASE(?o)) xsd:integer(?o) ?p",
      "SELECT ?s WHERE { { SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY (STR(?s) AS ?k) ?s } }",
  };
  for (const char* q : queries) {
    INFO(q);
    Status s = Check(q);
    CHECK(s.ok());
    if (!s.ok()) WARN(s.message());
  }
}

TEST_CASE("the binder checks scopes, projection and grouping", "[sparql]") {
  struct Case {
    const char* query;
    const char* message;
  };
  const Case cases[] = {
      {"SELECT ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "?s is selected but neither grouped"},
      {"SELECT (STR(?o) AS ?x) (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s", "?o is used in (... AS ?x)"},
      {"SELECT * WHERE { ?s ?p ?o } GROUP BY ?s", "SELECT * cannot be used"},
      {"SELECT ?s WHERE { ?s ?p ?o } ORDER BY COUNT(?s)", "?s is selected but neither grouped"},
      {"SELECT (1 AS ?s) WHERE { ?s ?p ?o }", "?s is already in scope"},
      {"SELECT * WHERE { VALUES (?a ?b) { (1) } }", "a VALUES row has 1 values for 2 variables"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(SUBSTR(?o)) }", "takes 2 to 3 arguments, not 1"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(BOUND(1)) }", "expected a variable in BOUND"},
      {"DESCRIBE ?x WHERE { ?s ?p ?o }", "DESCRIBE ?x: the variable is not bound"},
      {"SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY (STR(?o) AS ?o)", "?o is already in scope"},
      // The key of GROUP BY (expr) has no name: ?o itself is not grouped.
      {"SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY (STR(?o))", "?o is selected but neither grouped"},
      {"SELECT ?s WHERE { ?s ?p ?o } GROUP BY (?s AS)", "a variable after AS"},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    Status s = Check(c.query);
    CHECK(s.code() == Status::Code::kInvalidArgument);
    CHECK_THAT(s.message(), Catch::Contains(c.message));
  }
}

// Found by fuzz/fuzz_sparql: "SELECT ((((...", about a thousand '(' deep,
// overflowed the stack (the parser and the evaluator recurse once a level);
// so did long chains of || or UNION in the release build.
TEST_CASE("deep nesting and long chains are refused as unsupported, not a crash", "[sparql]") {
  const auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  const std::string filter = "SELECT ?s WHERE { ?s ?p ?o FILTER(";
  const std::string too_deep[] = {
      "SELECT (" + repeat("(", 100000) + "?s" + repeat(")", 100000) + " AS ?x) WHERE { ?s ?p ?o }",
      filter + repeat("!", 100000) + "BOUND(?s)) }",
      filter + repeat("?s = ?o || ", 30000) + "true) }",
      filter + repeat("?s = ?o && ", 30000) + "true) }",
      "SELECT ?s WHERE { ?s ?p ?o " + repeat("{ ?s ?p ?o } UNION ", 20000) + "{ ?s ?p ?o } }",
      "SELECT ?s WHERE " + repeat("{ ", 50000) + repeat("} ", 50000),
      "SELECT ?s WHERE { " + repeat("OPTIONAL { ?s ?p ?o } ", 20000) + "}",
      "SELECT ?s WHERE { " + repeat("MINUS { ?s ?p ?o } ", 20000) + "}",
      "SELECT ?s WHERE { ?s " + repeat("vn:p/", 30000) + "vn:p ?o }",
      "SELECT ?s WHERE { ?s " + repeat("vn:p|", 30000) + "vn:p ?o }",
      "SELECT ?s WHERE { ?s " + repeat("(", 100000) + "vn:p" + repeat(")", 100000) + " ?o }",
      "SELECT ?s WHERE { ?s ?p ?o " + repeat("FILTER EXISTS { ?s ?p ?o ", 20000) + repeat("} ", 20000) + "}",
      "SELECT ?s WHERE " + repeat("{ SELECT ?s WHERE ", 20000) + "{ ?s ?p ?o }" + repeat(" }", 20000),
  };
  for (const std::string& q : too_deep) {
    INFO(q.substr(0, 60));
    Status s = Check(q);
    CHECK(s.code() == Status::Code::kUnsupported);
    CHECK_THAT(s.message(), Catch::Contains("levels of nesting"));
  }
  // What people write is far below the limit.
  CHECK(Check(filter + repeat("(", 60) + "?s = ?o" + repeat(")", 60) + ") }").ok());
  CHECK(Check(filter + repeat("?s = ?o || ", 100) + "true) }").ok());
  CHECK(Check("SELECT ?s WHERE { ?s ?p ?o " + repeat("{ ?s ?p ?o } UNION ", 100) + "{ ?s ?p ?o } }").ok());
  CHECK(Check("SELECT ?s WHERE " + repeat("{ ", 40) + "?s ?p ?o " + repeat("} ", 40)).ok());
}

TEST_CASE("TSV terms follow the W3C results format", "[sparql]") {
  using K = SparqlTerm::Kind;
  CHECK(SparqlTermToTsv({K::kIri, "urn:vnkg:Person", "", ""}) == "<urn:vnkg:Person>");
  CHECK(SparqlTermToTsv({K::kLiteral, "Hà \"Tĩnh\"\t\n\\", "", ""}) == "\"Hà \\\"Tĩnh\\\"\\t\\n\\\\\"");
  CHECK(SparqlTermToTsv({K::kLiteral, "12", "http://www.w3.org/2001/XMLSchema#integer", ""}) == "12");
  CHECK(SparqlTermToTsv({K::kLiteral, "true", "http://www.w3.org/2001/XMLSchema#boolean", ""}) == "true");
  CHECK(SparqlTermToTsv({K::kLiteral, "x", "", "vi"}) == "\"x\"@vi");
  CHECK(SparqlTermToTsv({K::kLiteral, "1.5", "http://www.w3.org/2001/XMLSchema#decimal", ""}) ==
        "\"1.5\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
  CHECK(SparqlTermToTsv({}).empty());
}
