// Short names resolved to the article's full name (extract/src/short_names.h).
#include "../../extract/src/short_names.h"

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage::testing;

TEST_CASE("short names: a given name alone is the full name of the article it ends", "[short_names]") {
  std::vector<Fact> facts = {OfficeFact("Nguyễn Xuân Anh", "Bí thư Thành ủy Đà Nẵng"), OfficeFact("Xuân Anh", "Bí thư"),
                             OfficeFact("Donald Trump", "Tổng thống")};
  ResolveShortNames(facts, TheGazetteer());
  CHECK(facts[1].subject.name == "Nguyễn Xuân Anh");
  CHECK(facts[2].subject.name == "Donald Trump");  // ends no full name: as written
}

TEST_CASE("short names: a short name that ends two full names stays as written", "[short_names]") {
  std::vector<Fact> facts = {OfficeFact("Nguyễn Văn Hùng", "Bộ trưởng"), OfficeFact("Trần Văn Hùng", "Thứ trưởng"),
                             OfficeFact("Văn Hùng", "Bộ trưởng")};
  ResolveShortNames(facts, TheGazetteer());
  CHECK(facts[2].subject.name == "Văn Hùng");
}
