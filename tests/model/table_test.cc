#include <catch2/catch.hpp>
#include <sstream>

#include "vnkg/model/table.h"

using namespace vnkg;

TEST_CASE("display width counts a Vietnamese letter as one column", "[table]") {
  CHECK(DisplayWidth("Hà Tĩnh") == 7);
  CHECK(DisplayWidth("Ha\xCC\x80") == 2);  // a + combining grave
  CHECK(DisplayWidth("") == 0);
}

TEST_CASE("long cells are cut with an ellipsis", "[table]") {
  CHECK(TruncateToWidth("Bùi Thanh Sơn", 20) == "Bùi Thanh Sơn");
  CHECK(TruncateToWidth("Bùi Thanh Sơn", 5) == "Bùi …");
  CHECK(DisplayWidth(TruncateToWidth("Nguyễn Trúc Sơn", 7)) == 7);
}

TEST_CASE("tables align by display width", "[table]") {
  std::ostringstream out;
  PrintTable(out, {"tỉnh", "người"}, {{"Hà Tĩnh", "A"}, {"Huế", "B"}});
  CHECK(out.str() ==
        "tỉnh     người\n"
        "-------  -----\n"
        "Hà Tĩnh  A\n"
        "Huế      B\n");
}
