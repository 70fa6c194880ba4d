#include <catch2/catch.hpp>

#include "vnkg/model/fact.h"
#include "vnkg/model/text.h"

using namespace vnkg;

TEST_CASE("open syllables fold to one tone placement", "[text]") {
  CHECK(FoldKey("hoà") == FoldKey("hòa"));
  CHECK(FoldKey("Tỉnh uỷ") == "tỉnh ủy");
  CHECK(FoldKey("thoả thuận") == "thỏa thuận");
  CHECK(NormalizeText("Thuỷ") == "Thủy");
  // Closed syllables and qu- keep their mark where it is.
  CHECK(NormalizeText("Hoàng") == "Hoàng");
  CHECK(NormalizeText("quý") == "quý");
}

TEST_CASE("decomposed input is composed (NFC)", "[text]") {
  CHECK(NormalizeText("Bu\xcc\x80i") == "Bùi");  // u + combining grave
}

TEST_CASE("loose folding drops diacritics and case", "[text]") {
  CHECK(FoldLoose("Lò Văn Khánh") == "lo van khanh");
  CHECK(FoldLoose("  Đắk   Lắk ") == "dak lak");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD", "[text]") {
  CHECK(NormalizeText("a\xff" "b") == "a\xef\xbf\xbd" "b");
}

TEST_CASE("entity keys identify positions by title and organization", "[fact]") {
  Entity a{EntityType::kPosition, "", "", "", "Trưởng Ban", "Ban Đối ngoại Trung ương"};
  Entity b{EntityType::kPosition, "", "", "", "Trưởng ban Đối ngoại Trung ương", ""};
  CHECK(EntityKey(a) == EntityKey(b));
  // An event is one key per report (its mention); resolution joins reports of one gathering.
  Entity e1{EntityType::kEvent, "Hội nghị A", "2025-01-06", "", "", ""};
  Entity e2{EntityType::kEvent, "Hội nghị B", "2025-01-06", "", "", ""};
  e1.mention = "doc1#0";
  e2.mention = "doc2#0";
  CHECK(EntityKey(e1) != EntityKey(e2));
  e2.mention = "doc1#0";
  e2.about = "hội nghị\tother words";
  CHECK(EntityKey(e1) == EntityKey(e2));
  // A bare title is its holder's alone.
  Entity bare{EntityType::kPosition, "", "", "", "Chủ tịch", ""};
  Entity bare_other = bare;
  bare.mention = "nguyễn văn a";
  bare_other.mention = "trần văn b";
  CHECK(EntityKey(bare) != EntityKey(bare_other));
  CHECK(EntityTypeName(EntityType::kBridgePoint) == "BridgePoint");
  CHECK(ParseEntityType("Award") == EntityType::kAward);
  CHECK_FALSE(ParseEntityType("Nope").has_value());
}

TEST_CASE("one body, one key, however it is written", "[fact]") {
  auto org = [](const char* name) { return EntityKey(Entity{EntityType::kOrganization, name, "", "", "", ""}); };
  CHECK(org("UBND tỉnh Sơn La") == org("Ủy ban nhân dân Sơn La"));
  CHECK(org("Sở Ngoại vụ tỉnh Hà Giang") == org("Sở Ngoại vụ Hà Giang"));
  CHECK(org("Ban Đối ngoại T.Ư") == org("Ban Đối ngoại Trung ương"));
  CHECK(org("Tỉnh ủy Sơn La") != org("Sơn La"));
  CHECK(org("Tỉnh uỷ Sơn La") == org("Tỉnh ủy Sơn La"));
  auto position = [](const char* title, const char* o) {
    return EntityKey(Entity{EntityType::kPosition, "", "", "", title, o});
  };
  CHECK(position("Phó Chủ tịch", "UBND tỉnh Sơn La") == position("Phó Chủ tịch Ủy ban nhân dân Sơn La", ""));
  CHECK(position("Bí thư", "Tỉnh ủy Sơn La") == position("Bí thư Tỉnh ủy", "Sơn La"));
  CHECK(position("Phó Chủ tịch", "UBND tỉnh Sơn La") != position("Chủ tịch", "UBND tỉnh Sơn La"));
}

TEST_CASE("body keys are the same whatever white space separates the words", "[fact]") {
  auto org = [](const char* name) { return EntityKey(Entity{EntityType::kOrganization, name, "", "", "", ""}); };
  const std::string key = org("UBND tỉnh Sơn La");
  CHECK(key == "Organization|ủy ban nhân dân sơn la");
  CHECK(org("  UBND\ttỉnh \r\n Sơn\vLa\f ") == key);
  CHECK(org("UBND") == "Organization|ủy ban nhân dân");  // an expansion is several words
  CHECK(org("TP. Hồ Chí Minh") == org("Thành phố Hồ Chí Minh"));
  CHECK(org("đầu tư") == "Organization|đầu tư");  // "tư" is not "trung ương" here
  CHECK(org("Ban Kinh tế TƯ") == "Organization|ban kinh tế trung ương");
  CHECK(org("") == "Organization|");
}
