#include <catch2/catch.hpp>
#include <string>

#include "vnkg/model/facts_json.h"

using namespace vnkg;

TEST_CASE("a fact survives the JSON line round trip", "[facts_json]") {
  Fact f;
  f.subject = Entity{EntityType::kPerson, "Lò Văn Ánh", "", "", "", ""};
  f.predicate = "holds_position";
  f.object = Entity{EntityType::kPosition, "", "", "", "Phó Chủ tịch", "UBND tỉnh Sơn La"};
  f.doc = "d1";
  f.evidence = "Phó Chủ tịch UBND tỉnh Sơn La Lò Văn Ánh phát biểu.";
  f.confidence = 0.75f;
  auto line = FactToJsonLine(f);
  CHECK(line.find("\"organization\":\"UBND tỉnh Sơn La\"") != std::string::npos);
  auto back = FactFromJsonLine(line);
  REQUIRE(back.ok());
  CHECK(back->subject == f.subject);
  CHECK(back->object == f.object);
  CHECK(back->doc == "d1");
  CHECK(back->confidence == Approx(0.75));

  Fact bp;
  bp.subject = f.subject;
  bp.predicate = "chaired";
  bp.object = Entity{EntityType::kBridgePoint, "", "2024-03-02", "Sơn La", "", ""};
  auto bp_line = FactToJsonLine(bp);
  CHECK(bp_line.find("\"event_date\":\"2024-03-02\"") != std::string::npos);
  CHECK(FactFromJsonLine(bp_line)->object == bp.object);
  Fact null_org = f;
  null_org.object.organization.clear();
  CHECK(FactToJsonLine(null_org).find("\"organization\":null") != std::string::npos);
}

TEST_CASE("malformed fact lines say what is wrong", "[facts_json]") {
  CHECK_FALSE(FactFromJsonLine("{").ok());
  auto bad_type = FactFromJsonLine(R"({"subject":{"type":"X"},"predicate":"chaired","object":{"type":"Event"}})");
  REQUIRE_FALSE(bad_type.ok());
  CHECK(bad_type.status().message() == "subject.type: unknown entity type 'X'");
  auto bad_predicate = FactFromJsonLine(R"({"subject":{"type":"Person"},"predicate":"likes","object":{"type":"Event"}})");
  REQUIRE_FALSE(bad_predicate.ok());
  CHECK(bad_predicate.status().message().find("likes") != std::string::npos);
}

// Found by fuzz/fuzz_jsonl: "confidence": 1e99 became inf as a float, and the
// export wrote it back as "confidence":null.
TEST_CASE("a confidence outside 0..1 is ignored, so the export never writes null", "[facts_json]") {
  const std::string head = R"({"subject":{"type":"Person","name":"A"},"predicate":"chaired",)"
                           R"("object":{"type":"Place","name":"B"},"confidence":)";
  for (const char* bad : {"1e99", "-1e99", "1.5", "-0.25"}) {
    auto fact = FactFromJsonLine(head + bad + "}");
    REQUIRE(fact.ok());
    CHECK(fact->confidence == 1.0f);
    CHECK(FactToJsonLine(fact.value()).find("\"confidence\":1.0") != std::string::npos);
  }
  auto kept = FactFromJsonLine(head + "0.25}");
  REQUIRE(kept.ok());
  CHECK(kept->confidence == 0.25f);
}

