// Stage 3, dates (extract/src/dates.h), on sentences written for these tests.
#include "../../extract/src/dates.h"

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage;
using namespace vnkg::stage::testing;

TEST_CASE("dates: a date token with or without its year", "[dates]") {
  auto dm = ParseDateToken("14/9/2022");
  REQUIRE(dm);
  CHECK(dm->day == 14);
  CHECK(dm->month == 9);
  CHECK(dm->year == 2022);
  auto short_form = ParseDateToken("02-11");
  REQUIRE(short_form);
  CHECK(short_form->year == 0);
  CHECK_FALSE(ParseDateToken("31/13"));
  CHECK_FALSE(ParseDateToken("3/2/1890"));  // before 1945: not a news date
  CHECK_FALSE(ParseDateToken("hôm/nay"));
}

TEST_CASE("dates: a date without a year needs a time word", "[dates]") {
  auto found = FindDate(Tokenize("Chiều 14/9, đoàn đến thăm trường", 0), true);
  REQUIRE(found);
  CHECK(found->day == 14);
  CHECK_FALSE(FindDate(Tokenize("Tỷ lệ đạt 14/9 chỉ tiêu", 0), true));
  CHECK(FindDate(Tokenize("Tỷ lệ đạt 14/9 chỉ tiêu", 0), false));
  auto spelled = FindDate(Tokenize("Ngày 3 tháng 5 năm 2022, xã tổ chức đại hội", 0), true);
  REQUIRE(spelled);
  CHECK(spelled->month == 5);
  CHECK(spelled->year == 2022);
  auto in_brackets = FindDate(Tokenize("Hôm nay (21/6), huyện ra quân", 0), true);
  REQUIRE(in_brackets);
  CHECK(in_brackets->day == 21);
}

TEST_CASE("dates: an anniversary falls in the year it counts to", "[dates]") {
  CHECK(AnniversaryYear(Tokenize("Lễ kỷ niệm 20 năm thành lập trường (1999-2019)", 0)) == 2019);
  CHECK(AnniversaryYear(Tokenize("kỷ niệm 45 năm ngày giải phóng huyện 1975", 0)) == 2020);
  CHECK(AnniversaryYear(Tokenize("Trường được thành lập năm 1999", 0)) == 0);
}

TEST_CASE("dates: plans, laws and births are not the news year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("Kết quả năm 2021 vượt kế hoạch, hướng đến năm 2030", 0), counts);
  CountNewsYears(Tokenize("theo Luật Đất đai 2013, ông sinh năm 1995", 0), counts);
  CHECK(counts == std::map<int, int>{{2021, 1}});
}

TEST_CASE("dates: a day's year comes from the publication date, else the article", "[dates]") {
  DocumentView view;
  const auto tokens = Tokenize("Sáng 28/12, huyện họp", 0);
  const DayMonth late{28, 12, 0};
  CHECK(ResolveYear(late, tokens, false, "2023-01-05", view) == "2022-12-28");
  CHECK(ResolveYear(late, tokens, false, "2023-12-30", view) == "2023-12-28");
  CHECK(ResolveYear(late, tokens, false, "", view) == "");
  view.dominant_year = 2019;
  CHECK(ResolveYear(late, tokens, false, "", view) == "2019-12-28");
  view.update_year = "2018";
  CHECK(ResolveYear(late, tokens, false, "", view) == "2018-12-28");
  CHECK(ResolveYear(DayMonth{1, 2, 2016}, tokens, false, "2023-01-05", view) == "2016-02-01");
}

TEST_CASE("dates: the dominant year of the body and of the teasers", "[dates]") {
  std::vector<Sentence> sentences;
  sentences.push_back(MakeSentence("Năm 2021, xã trồng 30 ha rừng."));
  sentences.push_back(MakeSentence("Sang năm 2021, xã làm thêm 5 km đường."));
  sentences.push_back(MakeSentence("Năm 2017 huyện hoàn thành đường tỉnh.", SegmentKind::kTeaser));
  CHECK(DominantYear(sentences, false) == 2021);
  CHECK(DominantYear(sentences, true) == 2017);
}

TEST_CASE("dates: a written year well before the article's latest full date is history", "[dates]") {
  DocumentView view;
  view.sentences.push_back(MakeSentence("Ngày 3/2/1961, tổ chức được thành lập."));
  view.sentences.push_back(MakeSentence("Sáng 19/4/2017, hội nghị khai mạc."));
  ReadPresentYears("", view);
  CHECK(view.latest_full_date_year == 2017);
  CHECK(view.IsHistory(1961));
  CHECK_FALSE(view.IsHistory(2016));
}

TEST_CASE("dates: a guessed year is dropped when the article speaks of a later present", "[dates]") {
  DocumentView view;
  view.sentences.push_back(MakeSentence("Ngày 3/2/1961, tổ chức được thành lập."));
  view.sentences.push_back(MakeSentence("Hội đồng từng họp tại đây vào các năm 1989, 1999 và 2005."));
  view.dominant_year = 1961;
  ReadPresentYears("", view);
  CHECK(view.IsStale(1961));
  const auto tokens = Tokenize("Chiều 19/4, hội nghị khai mạc", 0);
  CHECK(ResolveYear(DayMonth{19, 4, 0}, tokens, false, "", view) == "");
}

TEST_CASE("dates: an anniversary held 'trong năm' a year falls in that year, not after it", "[dates]") {
  int base = 0;
  CHECK(AnniversaryYear(Tokenize("tổ chức kỷ niệm 45 năm thiết lập quan hệ ngoại giao trong năm 2018", 0), &base) ==
        2018);
  CHECK(base == 1973);
}

TEST_CASE("dates: a target's year is no news year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("thực hiện Tầm nhìn ASEAN 2025 và Chương trình nghị sự 2030", 0), counts);
  CHECK(counts.empty());
}

TEST_CASE("dates: a year written only in another day's full date does not date a bare day", "[dates]") {
  DocumentView view;
  view.sentences.push_back(MakeSentence("Hai nước thiết lập quan hệ ngoại giao (11/1/1969)."));
  view.sentences.push_back(MakeSentence("Chiều 6/5, Phó Chủ tịch nước chủ trì lễ đón."));
  view.dominant_year = 1969;
  ReadPresentYears("", view);
  CHECK(ResolveYear(DayMonth{6, 5, 0}, view.sentences[1].tokens, false, "", view) == "");
}

TEST_CASE("dates: an anniversary counted from a full date", "[dates]") {
  CHECK(AnniversaryYear(Tokenize("lễ kỷ niệm 60 năm ngày Bác về thăm tỉnh (15/6/1957 - 15/6/2017)", 0)) == 2017);
}
