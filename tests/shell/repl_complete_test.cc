// Tab completion: commands, choices, options and names with or without
// diacritics.
#include <catch2/catch.hpp>
#include <sstream>

#include "repl_test_db.h"
#include "vnkg/query/questions.h"
#include "vnkg/shell/repl.h"

using namespace vnkg;
using Strings = std::vector<std::string>;

TEST_CASE("name index: prefixes ignore case and diacritics", "[repl]") {
  // The four names of the test database (a Bùi mentioned twice), an event
  // and a bridge point, which completion leaves out.
  testing::ReplTestDb db;
  auto store = Store::Open(db.path, Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto built = NameResolver::Build(*store.value());
  REQUIRE(built.ok());
  const NameResolver& names = built.value();
  CHECK(names.Complete("").size() == 4);

  CHECK(names.Complete("bui") == Strings{"Bùi Thanh Sơn", "Bùi Văn Cường"});
  CHECK(names.Complete("bùi") == Strings{"Bùi Thanh Sơn", "Bùi Văn Cường"});
  CHECK(names.Complete("BÙI TH") == Strings{"Bùi Thanh Sơn"});
  CHECK(names.Complete("bui thanh son") == Strings{"Bùi Thanh Sơn"});
  CHECK(names.Complete("nguyen") == Strings{"Nguyễn Trúc Sơn"});
  CHECK(names.Complete("b") == Strings{"Bến Tre", "Bùi Thanh Sơn", "Bùi Văn Cường"});
  CHECK(names.Complete("b", EntityType::kProvince) == Strings{"Bến Tre"});
  CHECK(names.Complete("bui", std::nullopt, 1) == Strings{"Bùi Thanh Sơn"});
  CHECK(names.Complete("bu ").empty());  // a blank ends the word: "Bùi" is not "bu"
  CHECK(names.Complete("bui ") == Strings{"Bùi Thanh Sơn", "Bùi Văn Cường"});
  CHECK(names.Complete("tran").empty());
}

TEST_CASE("completion of commands, choices, options and names", "[repl]") {
  testing::ReplTestDb db;
  std::ostringstream out, err;
  Repl repl(ReplOptions{&out, &err, DefaultSparqlEngine(), false});
  REQUIRE(repl.Open(db.path).ok());

  auto complete = [&](std::string_view line) { return repl.Complete(line); };

  CHECK(complete("wh").candidates == Strings{"who"});
  CHECK(complete("").candidates.size() >= 6);
  CHECK(complete(".mo").candidates == Strings{".mode"});
  CHECK(complete(".e").candidates == Strings{".export", ".exit"});
  Completion mode = complete(".mode c");
  CHECK(mode.replace_from == 6);
  CHECK(mode.candidates == Strings{"csv"});
  CHECK(complete(".timer ").candidates == Strings{"on", "off"});
  CHECK(complete(".export d").candidates == Strings{"dot"});
  CHECK(complete(".read ex").file_names);
  CHECK(complete(".open ").file_names);

  // who: the rest of the line is one name, diacritics optional.
  Completion who = complete("who bui");
  CHECK(who.replace_from == 4);
  CHECK(who.candidates == Strings{"Bùi Thanh Sơn", "Bùi Văn Cường"});
  who = complete("who  bui th");
  CHECK(who.replace_from == 5);
  CHECK(who.candidates == Strings{"Bùi Thanh Sơn"});
  CHECK(complete("WHO Nguyen").candidates == Strings{"Nguyễn Trúc Sơn"});
  // Events and bridge points are found by date and province, not offered as names.
  CHECK(complete("who hoi").candidates.empty());

  // path: two names, so one with spaces comes quoted.
  Completion path = complete("path bui t");
  CHECK(path.replace_from == 9);
  CHECK(complete("path bui").candidates == Strings{"\"Bùi Thanh Sơn\"", "\"Bùi Văn Cường\""});
  Completion quoted = complete("path \"Bùi Thanh Sơn\" \"nguy");
  CHECK(quoted.replace_from == std::string_view("path \"Bùi Thanh Sơn\" \"").size());
  CHECK(quoted.candidates == Strings{"Nguyễn Trúc Sơn\""});

  // Options and their values.
  CHECK(complete("bridges --pro").candidates == Strings{"--province"});
  CHECK(complete("bridges --province ben").candidates == Strings{"Bến Tre"});
  CHECK(complete("bridges --province bui").candidates.empty());  // only provinces
  CHECK(complete("top --by b").candidates == Strings{"betweenness"});
  CHECK(complete("top --type per").candidates == Strings{"Person"});
  CHECK(complete("neighbors --depth 2 ben").candidates == Strings{"Bến Tre"});

  // Inside a SPARQL statement: keywords and predicates.
  CHECK(complete("SEL").candidates == Strings{"SELECT"});
  REQUIRE(repl.ExecuteLine("SELECT ?s").ok());
  REQUIRE(repl.continuing());
  CHECK(complete("WHERE { ?s vn:cha").candidates == Strings{"vn:chaired"});
  CHECK(complete("WHERE { ?s a vn:Pe").candidates == Strings{"vn:Person"});
  CHECK(complete("WHERE { ?s rdfs:l").candidates == Strings{"rdfs:label"});
  CHECK(complete("WHERE { ?s vn:chaired ?e . ?s rdfs:label \"bui t").candidates == Strings{"Bùi Thanh Sơn\""});
  repl.DiscardPending();
  CHECK_FALSE(repl.continuing());
}
