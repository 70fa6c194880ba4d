// Stage 4, mentions (extract/src/mentions.h), on sentences written for these tests.
#include "../../extract/src/mentions.h"

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage;
using namespace vnkg::stage::testing;

TEST_CASE("mentions: a name starts with a family name unless a title introduces it", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence("Hôm qua Hoàng Minh Đức và H'Nhi Byă đã đến");
  auto name = NameAt(g, s.tokens, s.marks, 2, false);
  REQUIRE(name);
  CHECK(name->second - name->first == 3);
  CHECK_FALSE(NameAt(g, s.tokens, s.marks, 0, false));  // "Hôm qua": no family name
  CHECK(NameAt(g, s.tokens, s.marks, 6, true));          // after a title, any capitalised run
  const Sentence caps = MakeSentence("Đoàn KIỂM TRA LIÊN NGÀNH");
  CHECK_FALSE(NameAt(g, caps.tokens, caps.marks, 1, true));
}

TEST_CASE("mentions: a provincial body gets the local province", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  CHECK(CompleteOrganization(g, "Sở Tài chính", "Nghệ An") == "Sở Tài chính Nghệ An");
  CHECK(CompleteOrganization(g, "UBND tỉnh", "Nghệ An") == "UBND tỉnh Nghệ An");
  CHECK(CompleteOrganization(g, "UBND tỉnh Lào Cai", "Nghệ An") == "UBND tỉnh Lào Cai");
  CHECK(CompleteOrganization(g, "UBND huyện Quỳ Hợp", "Nghệ An") == "UBND huyện Quỳ Hợp");
  CHECK(CompleteOrganization(g, "Bộ Nội vụ", "Nghệ An") == "Bộ Nội vụ");
  CHECK(CompleteOrganization(g, "Sở Tài chính", "") == "Sở Tài chính");
}

TEST_CASE("mentions: people with a title before, after a dash, or after a comma", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence(
      "Giám đốc Sở Tài chính Hoàng Minh Đức, ông Phan Văn Tâm - Chủ tịch UBND huyện Quỳ Hợp và bà Lý Thu Cúc, "
      "Phó Giám đốc Sở Y tế dự buổi làm việc.");
  REQUIRE(MayNamePeople(g, s));
  const auto people = FindPeople(g, s, "Nghệ An");
  REQUIRE(people.size() == 3);
  CHECK(people[0].name == "Hoàng Minh Đức");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Giám đốc");
  CHECK(people[0].positions[0].second == "Sở Tài chính Nghệ An");
  CHECK(people[1].name == "Phan Văn Tâm");
  REQUIRE(people[1].positions.size() == 1);
  CHECK(people[1].positions[0].first == "Chủ tịch");
  CHECK(people[1].positions[0].second == "UBND huyện Quỳ Hợp");
  CHECK(people[2].name == "Lý Thu Cúc");
  REQUIRE(people[2].positions.size() == 1);
  CHECK(people[2].positions[0].first == "Phó Giám đốc");
  CHECK(people[2].positions[0].second == "Sở Y tế Nghệ An");
}

TEST_CASE("mentions: a sentence without title, honorific, rank or cue names nobody", "[mentions]") {
  CHECK_FALSE(MayNamePeople(TheGazetteer(), MakeSentence("Hoàng Minh Đức trồng thêm hai sào lúa.")));
}

TEST_CASE("mentions: the dateline, else the province named most", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  DocumentView dateline;
  dateline.sentences.push_back(MakeSentence("LÀO CAI - Sáng nay, tỉnh Nghệ An và tỉnh Nghệ An ký kết"));
  ReadPlaces(g, dateline);
  CHECK(dateline.dateline_province == "Lào Cai");
  CHECK(ArticleProvince(dateline) == "Lào Cai");
  DocumentView counted;
  counted.sentences.push_back(MakeSentence("Đoàn của tỉnh Nghệ An thăm tỉnh Lào Cai."));
  ReadPlaces(g, counted);
  CHECK(ArticleProvince(counted) == "");
  counted.sentences.push_back(MakeSentence("Tỉnh Nghệ An cảm ơn."));
  counted.province_counts.clear();
  ReadPlaces(g, counted);
  CHECK(ArticleProvince(counted) == "Nghệ An");
}
