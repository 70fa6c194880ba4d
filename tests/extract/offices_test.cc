// One document's offices made one (extract/src/offices.h).
#include "../../extract/src/offices.h"

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage::testing;

TEST_CASE("offices: a bare title, read with its prefix or its \"thường trực\", belongs to its holder alone", "[offices]") {
  std::vector<Fact> facts = {OfficeFact("Lê Văn Định", "Phó Chủ tịch thường trực"), OfficeFact("Hoàng Minh Đức", "cựu Chủ tịch"),
                             OfficeFact("Lý Thu Cúc", "Phó Thủ tướng")};
  ResolveOffices(facts, TheGazetteer());
  CHECK(facts[0].object.mention == "lê văn định");
  CHECK(facts[1].object.mention == "hoàng minh đức");
  CHECK(facts[2].object.mention.empty());  // a title that needs no body is one office for all its holders
}

TEST_CASE("offices: a bare title takes the one body its holder holds it at in the article", "[offices]") {
  std::vector<Fact> facts = {OfficeFact("Lê Văn Định", "Phó Chủ tịch Thường trực", "UBND tỉnh Nghệ An"),
                             OfficeFact("Lê Văn Định", "Phó Chủ tịch Thường trực")};
  ResolveOffices(facts, TheGazetteer());
  CHECK(facts[1].object.organization == "UBND tỉnh Nghệ An");
}

TEST_CASE("offices: a ministry's short name is Vietnam's only for a Vietnamese holder, and any written name is one",
          "[offices]") {
  std::vector<Fact> facts = {OfficeFact("Lâm Văn Khải", "Bộ trưởng", "Quốc phòng"),
                             OfficeFact("James Mattis", "Bộ trưởng", "Quốc phòng"),
                             OfficeFact("Lâm Văn Khải", "Bộ trưởng", "Bộ Kế hoạch - đầu tư"),
                             OfficeFact("Mark Esper", "Bộ trưởng", "Bộ Quốc phòng")};
  ResolveOffices(facts, TheGazetteer());
  CHECK(facts[0].object.organization == "Bộ Quốc phòng");
  CHECK(facts[1].object.title == "Bộ trưởng Quốc phòng");
  CHECK(facts[1].object.organization.empty());
  CHECK(facts[2].object.organization == "Bộ Kế hoạch và Đầu tư");
  CHECK(facts[3].object.title == "Bộ trưởng Bộ Quốc phòng");
}

TEST_CASE("offices: a province written inside a body by another of its names gets its canonical name", "[offices]") {
  std::vector<Fact> facts = {OfficeFact("Lâm Văn Khải", "Bí thư", "Thành ủy TP.HCM"),
                             OfficeFact("Lâm Văn Khải", "Giám đốc", "Sở TN - MT TPHCM"),
                             OfficeFact("Lâm Văn Khải", "Chủ tịch", "UBND tỉnh Thừa Thiên - Huế"),
                             OfficeFact("Lâm Văn Khải", "Chủ tịch", "UBND TP Hà Nội")};
  ResolveOffices(facts, TheGazetteer());
  CHECK(facts[0].object.organization == "Thành ủy TP Hồ Chí Minh");
  CHECK(facts[1].object.organization == "Sở TN - MT TP Hồ Chí Minh");
  CHECK(facts[2].object.organization == "UBND tỉnh Huế");
  CHECK(facts[3].object.organization == "UBND TP Hà Nội");  // its own name: as written
}

TEST_CASE("offices: an office written by another of its names is its canonical title", "[offices]") {
  std::vector<Fact> facts = {OfficeFact("Lâm Văn Khải", "Thủ tướng", "Việt Nam"), OfficeFact("Lâm Văn Khải", "Chủ tịch nước CHXHCN Việt Nam"),
                             OfficeFact("Lâm Văn Khải", "Thủ tướng Chính phủ nước CHXHCN Việt Nam"),
                             OfficeFact("Lâm Văn Khải", "Thủ tướng")};
  ResolveOffices(facts, TheGazetteer());
  CHECK(facts[0].object.title == "Thủ tướng Chính phủ");
  CHECK(facts[0].object.organization.empty());
  CHECK(facts[1].object.title == "Chủ tịch nước");
  CHECK(facts[2].object.title == "Thủ tướng Chính phủ");
  CHECK(facts[3].object.title == "Thủ tướng");  // the bare title is every country's: left as written
}
