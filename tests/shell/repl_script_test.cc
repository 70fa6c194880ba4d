// Script mode: lines run as typed, the first error stops the script and names
// its line; questions over a real (small) store; SPARQL over several lines.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "repl_test_db.h"
#include "vnkg/shell/repl.h"

using namespace vnkg;

namespace {

struct Session {
  std::ostringstream out, err;
  Repl repl;
  explicit Session(const std::string& db, SparqlEngineFactory sparql = DefaultSparqlEngine())
      : repl(ReplOptions{&out, &err, std::move(sparql), false}) {
    REQUIRE(repl.Open(db).ok());
  }
  Status Run(const std::string& script) {
    std::istringstream in(script);
    return repl.RunScript(in, "script");
  }
};

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("script: questions in csv, json and table modes", "[repl]") {
  testing::ReplTestDb db;
  Session s(db.path);
  REQUIRE(s.Run(".mode csv\nwho bui thanh son\n.mode json\nevents\n").ok());
  const std::string out = s.out.str();
  CHECK(Contains(out, "relation,what,date,sources\r\n"));
  CHECK(Contains(out, "chaired,Hội nghị tổng kết,2025-01-06,d1\r\n"));
  CHECK(Contains(out, "\"date\":\"2025-01-06\""));
  CHECK_FALSE(Contains(out, "Bùi Thanh Sơn (Person)"));  // titles are for tables
  CHECK_FALSE(Contains(s.err.str(), "row"));            // no footers in csv/json scripts

  Session table(db.path);
  REQUIRE(table.Run("who \"Bùi Văn Cường\"\nbridges --province \"ben tre\"\n.schema\n").ok());
  CHECK(Contains(table.out.str(), "Bùi Văn Cường (Person)"));
  CHECK(Contains(table.out.str(), "Nguyễn Trúc Sơn"));
  CHECK(Contains(table.out.str(), "has_bridge_point"));
  CHECK(Contains(table.err.str(), "1 row"));
}

TEST_CASE("script: the first error stops it and names the line", "[repl]") {
  testing::ReplTestDb db;
  Session s(db.path);
  Status status = s.Run(".mode csv\n\n.bogus\nwho bui thanh son\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.message().rfind("script:3: unknown command .bogus", 0) == 0);
  CHECK(s.out.str().empty());  // line 4 never ran

  Session unknown(db.path);
  status = unknown.Run("who nobody at all\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == Status::Code::kNotFound);
  CHECK(Contains(status.message(), "script:1: no entity is named 'nobody at all'"));

  Session ambiguous(db.path);
  status = ambiguous.Run("path bui \"Bến Tre\" extra\n");
  REQUIRE_FALSE(status.ok());
  CHECK(Contains(status.message(), "quote names with spaces"));
}

TEST_CASE("script: SPARQL runs over several lines up to a semicolon", "[repl]") {
  testing::ReplTestDb db;
  std::string seen;
  int engines_made = 0;
  Session s(db.path, [&](const Store&) -> Result<SparqlRunner> {
    ++engines_made;
    return SparqlRunner([&](const std::string& query, const Deadline&) -> Result<ResultTable> {
      seen = query;
      ResultTable table;
      table.header = {"s"};
      table.rows = {{"Bùi Thanh Sơn"}};
      return table;
    });
  });
  REQUIRE(s.Run(".mode tsv\nPREFIX vn: <urn:vnkg:>\nSELECT ?s\nWHERE { ?s vn:chaired ?e }\n;\n").ok());
  CHECK(seen == "PREFIX vn: <urn:vnkg:>\nSELECT ?s\nWHERE { ?s vn:chaired ?e }\n");
  CHECK(s.out.str() == "s\nBùi Thanh Sơn\n");
  REQUIRE(s.Run("SELECT ?s WHERE { ?s ?p ?o };\n").ok());
  CHECK(engines_made == 1);  // one engine per open store
  REQUIRE(s.Run(".open " + db.path + "\nSELECT ?s WHERE { ?s ?p ?o };\n").ok());
  CHECK(engines_made == 2);

  Session unfinished(db.path);
  Status status = unfinished.Run("\nSELECT ?s\nWHERE { ?s ?p ?o }\n");
  REQUIRE_FALSE(status.ok());
  CHECK(Contains(status.message(), "script:2: the statement starting here never ends with ';'"));

  Session unavailable(db.path, SparqlEngineFactory{});
  status = unavailable.Run("SELECT ?s WHERE { ?s ?p ?o };\n");
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == Status::Code::kUnsupported);
  CHECK(Contains(status.message(), "SPARQL is not available"));
}

TEST_CASE("script: the default SPARQL engine answers over the store", "[repl]") {
  testing::ReplTestDb db;
  Session s(db.path);
  REQUIRE(s.Run(".mode csv\nSELECT ?name\nWHERE { ?p vn:chaired ?e ; rdfs:label ?name }\nORDER BY ?name;\n").ok());
  CHECK(s.out.str() == "name\r\nBùi Thanh Sơn\r\nNguyễn Trúc Sơn\r\n");
  Status status = s.Run("\nSELECT ?x WHERE { ?x ;\n");
  REQUIRE_FALSE(status.ok());
  CHECK(Contains(status.message(), "script:2: line 1, column"));
}

TEST_CASE("script: .read, .once and .output write and read files", "[repl]") {
  testing::ReplTestDb db;
  const auto dir = std::filesystem::path(db.path + "-files");
  std::filesystem::create_directories(dir);
  const std::string inner = (dir / "inner.vnkg").string(), once = (dir / "once.csv").string(),
                    dot = (dir / "graph.dot").string();
  std::ofstream(inner) << ".mode csv\n\nwho nobody\n";

  Session s(db.path);
  Status status = s.Run(".once " + once + "\n.mode csv\nevents\nevents\n.export dot " + dot + "\n.read " + inner + "\n");
  REQUIRE_FALSE(status.ok());
  CHECK(Contains(status.message(), "script:6: " + inner + ":3: no entity is named 'nobody'"));
  std::stringstream written;
  written << std::ifstream(once).rdbuf();
  CHECK(written.str() == "date,event,organized by,bridge points,held in\r\n2025-01-06,Hội nghị tổng kết,,Bến Tre,\r\n");
  CHECK(Contains(s.out.str(), "2025-01-06,Hội nghị tổng kết"));  // the second events came back to out
  CHECK(std::filesystem::file_size(dot) > 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("script: .quit stops it", "[repl]") {
  testing::ReplTestDb db;
  Session s(db.path);
  REQUIRE(s.Run(".quit\n.bogus\n").ok());
  CHECK(s.repl.quit_requested());
}
