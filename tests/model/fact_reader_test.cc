// The streaming fact reader (model/fact_reader.h): what it accepts, what it
// says about what it refuses, and that it agrees with the DOM reader it
// replaced (fuzz/facts_json_reference.h) line for line.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "facts_json_reference.h"
#include "vnkg/model/fact_reader.h"
#include "vnkg/model/facts_json.h"

using namespace vnkg;

namespace {

bool SameFact(const Fact& a, const Fact& b) {
  return a.subject == b.subject && a.subject.mention == b.subject.mention && a.subject.about == b.subject.about &&
         a.object == b.object && a.object.mention == b.object.mention && a.object.about == b.object.about &&
         a.predicate == b.predicate && a.doc == b.doc && a.evidence == b.evidence && a.date == b.date &&
         a.by == b.by && a.confidence == b.confidence && a.sentence_offset == b.sentence_offset;
}

// Both readers on `line`: the same verdict, and the same fact when accepted.
// Returns the streaming reader's status.
Status Agree(FactLineReader& reader, const std::string& line) {
  Fact fact;
  Status status = reader.Read(line, fact);
  auto expected = reference::FactFromJsonLineDom(line);
  INFO("line: " << line);
  INFO("streaming: " << (status.ok() ? "ok" : status.message()));
  INFO("DOM: " << (expected.ok() ? "ok" : expected.status().message()));
  REQUIRE(status.ok() == expected.ok());
  if (status.ok()) CHECK(SameFact(fact, expected.value()));
  return status;
}

std::string Message(const std::string& line) {
  FactLineReader reader;
  Fact fact;
  Status status = reader.Read(line, fact);
  return status.ok() ? "ok" : status.message();
}

const std::string kPerson = R"({"type":"Person","name":"Lò Văn Ánh"})";
const std::string kPosition = R"({"type":"Position","title":"Phó Chủ tịch","organization":"UBND tỉnh Sơn La"})";

std::string Line(const std::string& middle = "") {
  return R"({"subject":)" + kPerson + R"(,"predicate":"holds_position","object":)" + kPosition +
         R"(,"doc":"d1","evidence":"Phó Chủ tịch UBND tỉnh Sơn La Lò Văn Ánh phát biểu.","confidence":0.9)" + middle + "}";
}

// Lines as `vnkg extract` and `vnkg export --format facts` write them.
const std::vector<std::string> kWellFormed = {
    Line(),
    R"({"subject":{"type":"Person","name":"Mai Sơn"},"predicate":"chaired","object":{"type":"BridgePoint","province":"Bắc Giang","event_date":"2025-01-06","mention":"d2#1"},"doc":"d2","evidence":"…","confidence":0.9,"date":"2025-01-06"})",
    R"({"subject":{"type":"Event","name":"Hội nghị tổng kết","date":"2025-01-06","mention":"d2#1","about":"conference hoi nghi"},"predicate":"located_in","object":{"type":"Province","name":"Hà Tĩnh"},"doc":"d2","evidence":"x","confidence":1.0})",
    R"({"subject":{"type":"Person","name":"A","id":"vn:person/a"},"predicate":"received_award","object":{"type":"Award","name":"Huân chương Lao động","id":"x"},"doc":"d3","docs":["d3","d4"],"evidence":"e","confidence":0.5,"date":"2024","by":"Chủ tịch nước"})",
    R"({"subject":{"type":"Person","name":"B"},"predicate":"holds_position","object":{"type":"Position","title":"Bộ trưởng","organization":null,"holder":"b"},"doc":"d5","evidence":"e"})",
    R"({"subject":{"type":"Person","name":"C"},"predicate":"chaired","object":{"type":"BridgePoint","province":"Huế","event_date":"2024-02-01","event":{"type":"Event","date":"2024-02-01","id":"e1"},"id":"bp1"},"doc":"d6","evidence":"e","confidence":0})",
};

}  // namespace

TEST_CASE("fact reader: well-formed lines give the facts the DOM reader gave", "[fact_reader]") {
  FactLineReader reader;
  for (const std::string& line : kWellFormed) CHECK(Agree(reader, line).ok());
  Fact fact;
  REQUIRE(reader.Read(Line(), fact).ok());
  CHECK(fact.subject.type == EntityType::kPerson);
  CHECK(fact.subject.name == "Lò Văn Ánh");
  CHECK(fact.predicate == "holds_position");
  CHECK(fact.object.title == "Phó Chủ tịch");
  CHECK(fact.object.organization == "UBND tỉnh Sơn La");
  CHECK(fact.doc == "d1");
  CHECK(fact.confidence == 0.9f);
}

TEST_CASE("fact reader: one reader for many lines carries nothing from one line to the next", "[fact_reader]") {
  FactLineReader reader;
  Fact fact;
  REQUIRE(reader.Read(kWellFormed[3], fact).ok());  // date, by, an award
  REQUIRE(fact.by == "Chủ tịch nước");
  REQUIRE(reader.Read(kWellFormed[4], fact).ok());  // none of them, a bare title with its holder
  CHECK(fact.by.empty());
  CHECK(fact.date.empty());
  CHECK(fact.confidence == 1.0f);
  CHECK(fact.object.organization.empty());
  CHECK(fact.object.mention == "b");
  REQUIRE_FALSE(reader.Read("{", fact).ok());
  // A failed line leaves nothing behind either.
  REQUIRE(reader.Read(kWellFormed[0], fact).ok());
  CHECK(SameFact(fact, reference::FactFromJsonLineDom(kWellFormed[0]).value()));
}

TEST_CASE("fact reader: each kind of malformed line says what is wrong", "[fact_reader]") {
  CHECK(Message("{") == "not valid JSON at column 1: an object or array is not closed");
  CHECK(Message(R"({"subject": "x)") == "not valid JSON: a string is not closed");
  CHECK(Message("{\"doc\":\"a\xff\"}") == "not valid JSON at column 10: invalid UTF-8");
  CHECK(Message("{\"doc\":\"a\tb\"}").find("control character") != std::string::npos);
  CHECK(Message(R"({"doc":"a\qb"})") .find("a bad escape in a string") != std::string::npos);
  CHECK(Message(R"({"confidence":01})").find("a malformed number") != std::string::npos);
  CHECK(Message(R"({"confidence":1e999})").find("a malformed number, or one out of range") != std::string::npos);
  CHECK(Message(R"({"x":tru})") == "not valid JSON at column 6: unexpected or missing character");
  CHECK(Message(R"({"x":nul})") == "not valid JSON at column 6: unexpected or missing character");
  CHECK(Message(R"({"x":1} {"y":2})").find("something after the object") != std::string::npos);
  CHECK(Message(R"({"x":[1,2})").rfind("not valid JSON", 0) == 0);
  CHECK(Message(R"({"x" 1})").rfind("not valid JSON", 0) == 0);
  CHECK(Message("[1,2]") == "not a JSON object");
  CHECK(Message("\"fact\"") == "not a JSON object");
  CHECK(Message("{}") == "subject: not an object");
  CHECK(Message(R"({"subject":"Mai Sơn"})") == "subject: not an object");
  CHECK(Message(R"({"subject":{"type":"X"}})") == "subject.type: unknown entity type 'X'");
  CHECK(Message(R"({"subject":{"name":"A"}})") == "subject.type: unknown entity type ''");
  CHECK(Message(R"({"subject":)" + kPerson + R"(,"object":[]})") == "object: not an object");
  CHECK(Message(R"({"subject":)" + kPerson + R"(,"object":{"type":"Planet"}})") ==
        "object.type: unknown entity type 'Planet'");
  CHECK(Message(R"({"subject":)" + kPerson + R"(,"predicate":"likes","object":)" + kPosition + "}") ==
        "predicate: unknown predicate 'likes'");
  CHECK(Message(R"({"subject":)" + kPerson + R"(,"predicate":7,"object":)" + kPosition + "}") ==
        "predicate: unknown predicate ''");
  // Malformed JSON is reported before what the members mean.
  CHECK(Message(R"({"subject":{"type":"X"},"x":tru})").rfind("not valid JSON at column 29", 0) == 0);
}

TEST_CASE("fact reader: unicode escapes, in values and keys", "[fact_reader]") {
  FactLineReader reader;
  Fact fact;
  // "Lò Văn Ánh" escaped, a character outside the BMP as a surrogate pair, and
  // a key written with an escape (it is still "doc").
  const std::string line = R"({"subject":{"type":"Person","name":"L\u00f2 V\u0103n \u00c1nh"},"predicate":"chaired",)"
                           R"("object":{"type":"Place","name":"\ud83c\udf0f \"quoted\" \\ \/"},"\u0064oc":"d\n1"})";
  REQUIRE(Agree(reader, line).ok());
  REQUIRE(reader.Read(line, fact).ok());
  CHECK(fact.subject.name == "Lò Văn Ánh");
  CHECK(fact.object.name == "\xF0\x9F\x8C\x8F \"quoted\" \\ /");
  CHECK(fact.doc == "d\n1");
  // Lone or reversed surrogates are not text: both readers refuse them.
  for (const char* bad : {R"("\ud800")", R"("\udc00")", R"("\ud800\u0041")", R"("\udc00\ud800")", R"("\u12")"}) {
    const std::string with_bad = Line(std::string(R"(,"x":)") + bad);
    CHECK_FALSE(Agree(reader, with_bad).ok());
  }
}

TEST_CASE("fact reader: large lines", "[fact_reader]") {
  FactLineReader reader;
  Fact fact;
  std::string evidence;
  while (evidence.size() < (std::size_t{4} << 20)) evidence += "Phó Chủ tịch UBND tỉnh Sơn La phát biểu. ";
  const std::string big = Line(R"(,"evidence":")" + evidence + "\"");
  REQUIRE(reader.Read(big, fact).ok());
  CHECK(fact.evidence == evidence);
  // The reader's buffers shrink back to nothing special: a small line after
  // a big one is read the same.
  REQUIRE(reader.Read(kWellFormed[1], fact).ok());
  CHECK(fact.evidence == "…");
  // Deep nesting in a member of no interest is fine up to the limit.
  const std::string deep = std::string(1000, '[') + std::string(1000, ']');
  CHECK(Agree(reader, Line(R"(,"x":)" + deep)).ok());
  const std::string deeper = std::string(kMaxFactNesting + 1, '[') + std::string(kMaxFactNesting + 1, ']');
  CHECK(Message(Line(R"(,"x":)" + deeper)).find("nested too deeply") != std::string::npos);
}

TEST_CASE("fact reader: agrees with the DOM reader on the corners of JSON", "[fact_reader]") {
  FactLineReader reader;
  const std::vector<std::string> corners = {
      // Duplicate members: the last wins, whole objects included.
      Line(R"(,"doc":"d9")"),
      Line(R"(,"confidence":"high")"),
      Line(R"(,"confidence":0.25,"confidence":null)"),
      Line(R"(,"subject":{"type":"Place","name":"Huế"})"),
      Line(R"(,"subject":5)"),
      R"({"subject":{"type":"Person","name":"A","name":7},"predicate":"chaired","object":{"type":"Place","type":"Province","name":"Huế"}})",
      // Numbers.
      Line(R"(,"confidence":1)"), Line(R"(,"confidence":-0)"), Line(R"(,"confidence":1e-400)"),
      Line(R"(,"confidence":123456789012345678901234567890)"), Line(R"(,"confidence":1.5E+2)"),
      Line(R"(,"confidence":-0.0e0)"), Line(R"(,"x":1.)"), Line(R"(,"x":.5)"), Line(R"(,"x":+1)"),
      Line(R"(,"x":-)"), Line(R"(,"x":1e)"), Line(R"(,"x":0x10)"), Line(R"(,"x":NaN)"), Line(R"(,"x":Infinity)"),
      // Literals and structure.
      Line(R"(,"x":true,"y":false,"z":null)"), Line(R"(,"x":truex)"), Line(R"(,"x":nulll)"), Line(R"(,"x":[true,])"),
      Line(R"(,"x":{"a":1,})"), Line(R"(,"x":{,})"), Line(R"(,)"), Line(R"(,"x":[])"), Line(R"(,"x":{})"),
      Line(R"(,"x":[[],[{}],{"a":[null]}])"), Line(R"(,"x":'a')"), Line(R"(,"x":"\u0000")"),
      // White space, a byte order mark, what may surround the object.
      std::string(" \t").append(Line()).append(" \r"), std::string("\xEF\xBB\xBF").append(Line()),
      Line() + "\x0c", std::string("\x0b").append(Line()), Line() + ",", Line() + "}",
      Line() + std::string(1, '\0'), Line() + std::string(1, '\0') + "junk", std::string(1, '\0').append(Line()),
      Line(R"(,"x":"a)" + std::string(1, '\0') + R"(b")"), "", " ", "null", "{}", "[]", "{\"subject\":{}}",
  };
  for (const std::string& line : corners) (void)Agree(reader, line);
}

TEST_CASE("fact reader: agrees with the DOM reader on mutated lines", "[fact_reader]") {
  // A small fuzzer in the unit tests (fuzz_jsonl is the long-running one):
  // well-formed lines with bytes flipped, inserted, removed or cut, from a
  // fixed seed so that any failure repeats.
  FactLineReader reader;
  std::mt19937 random(15);
  const std::string alphabet = "{}[]\":,\\ u0123456789.eE+-tfnlrsa\xC3\xA1\xFF\x80";
  std::size_t accepted = 0, refused = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string line = kWellFormed[random() % kWellFormed.size()];
    const int edits = 1 + random() % 3;
    for (int e = 0; e < edits && !line.empty(); ++e) {
      const std::size_t at = random() % line.size();
      switch (random() % 4) {
        case 0: line[at] = alphabet[random() % alphabet.size()]; break;
        case 1: line.insert(line.begin() + at, alphabet[random() % alphabet.size()]); break;
        case 2: line.erase(at, 1 + random() % 4); break;
        default: line.resize(at); break;
      }
    }
    (Agree(reader, line).ok() ? accepted : refused)++;
  }
  // Both verdicts were exercised, or the test would prove little.
  CHECK(accepted > 100);
  CHECK(refused > 100);
}
