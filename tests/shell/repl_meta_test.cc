// The REPL's words, meta-command table, settings and result formats.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "vnkg/shell/repl.h"

using namespace vnkg;

namespace {

struct Session {
  std::ostringstream out, err;
  Repl repl;
  Session() : repl(ReplOptions{&out, &err, DefaultSparqlEngine(), false}) {}
};

}  // namespace

TEST_CASE("command words: blanks separate, quotes group, backslash escapes", "[repl]") {
  auto words = SplitCommandWords(R"(path "Mai Sơn"  'Nguyễn Trúc Sơn' Bến\ Tre "say \"hi\"")");
  REQUIRE(words.ok());
  CHECK(words.value() == std::vector<std::string>{"path", "Mai Sơn", "Nguyễn Trúc Sơn", "Bến Tre", "say \"hi\""});
  CHECK(SplitCommandWords("  ").value().empty());
  CHECK(SplitCommandWords(R"(who "")").value() == std::vector<std::string>{"who", ""});
  auto unterminated = SplitCommandWords(R"(who "Bùi Thanh)");
  REQUIRE_FALSE(unterminated.ok());
  CHECK(unterminated.status().message().find("unterminated") != std::string::npos);
}

TEST_CASE("meta-command table: dotted, unique, each with a handler and help", "[repl]") {
  std::set<std::string_view> names;
  for (const MetaCommand& m : MetaCommands()) {
    CHECK(m.name.front() == '.');
    CHECK(m.handler != nullptr);
    CHECK_FALSE(m.help.empty());
    CHECK(names.insert(m.name).second);
  }
  for (const char* required : {".help", ".mode", ".timer", ".maxrows", ".output", ".once", ".read", ".export",
                               ".schema", ".open", ".quit"})
    CHECK(names.count(required) == 1);
}

TEST_CASE(".help is generated from the tables", "[repl]") {
  Session s;
  REQUIRE(s.repl.ExecuteLine(".help").ok());
  const std::string help = s.out.str();
  for (const MetaCommand& m : MetaCommands()) {
    CHECK(help.find(std::string(m.name)) != std::string::npos);
    CHECK(help.find(std::string(m.help)) != std::string::npos);
  }
  for (const QueryCommandInfo& q : QueryCommands()) CHECK(help.find(std::string(q.usage)) != std::string::npos);
  CHECK((help.find("not available in this build yet") != std::string::npos) == !DefaultSparqlEngine());

  Session one;
  REQUIRE(one.repl.ExecuteLine(".help mode").ok());
  CHECK(one.out.str().find(".mode table|json|csv|tsv") != std::string::npos);
  CHECK(one.out.str().find(".timer") == std::string::npos);
  CHECK_FALSE(one.repl.ExecuteLine(".help nothing").ok());
}

TEST_CASE("meta commands parse their arguments and refuse bad ones", "[repl]") {
  Session s;
  CHECK(s.repl.mode() == OutputMode::kTable);
  REQUIRE(s.repl.ExecuteLine(".mode csv").ok());
  CHECK(s.repl.mode() == OutputMode::kCsv);
  REQUIRE(s.repl.ExecuteLine(".MODE Json").ok());
  CHECK(s.repl.mode() == OutputMode::kJson);
  auto bad_mode = s.repl.ExecuteLine(".mode xml");
  CHECK_FALSE(bad_mode.ok());
  CHECK(bad_mode.message().find("table, json, csv, tsv") != std::string::npos);
  CHECK(s.repl.mode() == OutputMode::kJson);

  REQUIRE(s.repl.ExecuteLine(".timer on").ok());
  CHECK(s.repl.timer());
  CHECK_FALSE(s.repl.ExecuteLine(".timer maybe").ok());
  CHECK_FALSE(s.repl.ExecuteLine(".timer").ok());
  CHECK(s.repl.timer());

  REQUIRE(s.repl.ExecuteLine(".maxrows 5").ok());
  CHECK(s.repl.max_rows() == 5);
  CHECK_FALSE(s.repl.ExecuteLine(".maxrows -1").ok());
  CHECK_FALSE(s.repl.ExecuteLine(".maxrows 5 6").ok());
  CHECK(s.repl.max_rows() == 5);

  auto unknown = s.repl.ExecuteLine(".frobnicate");
  CHECK_FALSE(unknown.ok());
  CHECK(unknown.message().find(".help") != std::string::npos);
  CHECK_FALSE(s.repl.ExecuteLine(".schema").ok());  // no database open
  CHECK_FALSE(s.repl.ExecuteLine(".open /nonexistent/vnkg/db").ok());
  CHECK_FALSE(s.repl.ExecuteLine("who \"unterminated").ok());
  CHECK_FALSE(s.repl.ExecuteLine("frobnicate").ok());

  CHECK_FALSE(s.repl.quit_requested());
  REQUIRE(s.repl.ExecuteLine(".quit").ok());
  CHECK(s.repl.quit_requested());
}

TEST_CASE("blank lines and # comments do nothing", "[repl]") {
  Session s;
  CHECK(s.repl.ExecuteLine("").ok());
  CHECK(s.repl.ExecuteLine("   ").ok());
  CHECK(s.repl.ExecuteLine("# .mode csv").ok());
  CHECK(s.repl.mode() == OutputMode::kTable);
}

TEST_CASE("results in every mode", "[repl]") {
  ResultTable table;
  table.title = "Bùi Thanh Sơn (Person)";
  table.header = {"what", "note"};
  table.rows = {{"Hội nghị, \"lớn\"", "a\tb"}, {"Bến Tre", "line\nbreak"}};

  std::ostringstream csv;
  WriteResult(csv, table, OutputMode::kCsv, 1);  // only tables are cut
  CHECK(csv.str() == "what,note\r\n\"Hội nghị, \"\"lớn\"\"\",a\tb\r\nBến Tre,\"line\nbreak\"\r\n");

  std::ostringstream tsv;
  WriteResult(tsv, table, OutputMode::kTsv, 0);
  CHECK(tsv.str() == "what\tnote\nHội nghị, \"lớn\"\ta\\tb\nBến Tre\tline\\nbreak\n");

  std::ostringstream json;
  WriteResult(json, table, OutputMode::kJson, 0);
  CHECK(json.str() == "[{\"what\":\"Hội nghị, \\\"lớn\\\"\",\"note\":\"a\\tb\"},\n {\"what\":\"Bến Tre\",\"note\":\"line\\nbreak\"}]\n");

  std::ostringstream text;
  WriteResult(text, table, OutputMode::kTable, 1);
  CHECK(text.str().rfind("Bùi Thanh Sơn (Person)\n", 0) == 0);
  CHECK(text.str().find("Hội nghị") != std::string::npos);
  CHECK(text.str().find("Bến Tre") == std::string::npos);
  CHECK(text.str().find("… 1 more rows (.maxrows 0 shows all)") != std::string::npos);

  ResultTable wide;
  wide.header = {"name"};
  wide.rows = {{std::string(30, 'x') + "ồ"}};
  std::ostringstream cut;
  WriteResult(cut, wide, OutputMode::kTable, 0, 10);
  CHECK(cut.str().find("xxxxxxxxx…") != std::string::npos);
}
