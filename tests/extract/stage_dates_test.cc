// Stage 3, dates (extract/src/dates.h), on sentences written for these tests.
#include "../../extract/src/dates.h"
#include "../../extract/src/segments.h"

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

TEST_CASE("dates: the ends of a span of years are no day of the news", "[dates]") {
  // A lifespan or an anniversary's count in brackets, then the day the gathering was held.
  auto found = FindDate(Tokenize("Nhân kỷ niệm 80 năm ngày thành lập Hội (3/2/1940 - 3/2/2020), sáng 1/2 hội mít tinh", 0),
                        true);
  REQUIRE(found);
  CHECK(found->day == 1);
  CHECK(found->month == 2);
  CHECK(found->year == 0);
  CHECK_FALSE(FindDate(Tokenize("Hội thành lập ngày 3/2/1990 và kỷ niệm (3/2/1990 - 3/2/2020) long trọng", 0), true)
                  ->year == 2020);
  // A day with its year written, in no span, is still a date.
  auto plain = FindDate(Tokenize("Ngày 3/2/2020, hội mít tinh", 0), true);
  REQUIRE(plain);
  CHECK(plain->year == 2020);
}

TEST_CASE("dates: an anniversary counts from a year of any century, with the nearest count", "[dates]") {
  CHECK(AnniversaryYear(Tokenize("kỷ niệm 130 năm ngày sinh nhà thơ (4/3/1890 - 4/3/2020)", 0)) == 2020);
  // Two counts: the one nearest the year counts from it.
  CHECK(AnniversaryYear(Tokenize("lễ kỷ niệm 25 năm thành lập huyện và 45 năm ngày giải phóng huyện (30/4/1975)", 0)) ==
        2020);
  // "tháng 5 năm 2019" is a month, not a count of five years.
  CHECK(AnniversaryYear(Tokenize("kỷ niệm 10 năm ngày thành lập vào tháng 5 năm 2019", 0)) == 2029);
}

TEST_CASE("dates: a count of years closed by a span of that length", "[dates]") {
  CHECK(AnniversaryYear(Tokenize("Hội nghị tổng kết 15 năm thi hành luật (2005 - 2020) diễn ra tại Hà Nội", 0)) == 2020);
  CHECK(AnniversaryYear(Tokenize("Hội nghị tổng kết 15 năm thi hành luật (2005 - 2018)", 0)) == 0);
  CHECK(AnniversaryYear(Tokenize("chương trình trong 5 năm 2021 - 2026 của ngành", 0)) == 0);  // a plan
}

TEST_CASE("dates: an anniversary after every year the article writes counts from no past", "[dates]") {
  const auto tokens = Tokenize("nhân dịp kỷ niệm 30 năm thiết lập quan hệ hai nước năm 2019", 0);
  CHECK(AnniversaryYear(tokens, nullptr, 2019) == 0);  // 2049: counted from the present
  CHECK(AnniversaryYear(tokens, nullptr, 0) == 2049);  // no bound known
  // A base of old history is never the present, whatever the article writes.
  CHECK(AnniversaryYear(Tokenize("kỷ niệm 75 năm Cách mạng tháng Tám 1945", 0), nullptr, 1945) == 2020);
}

TEST_CASE("dates: links to related articles and plans' directions are no news year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("Sở ra mắt trung tâm mới. [Năm 2016, nông sản gặp khó] Trung tâm sẽ hỗ trợ nông dân", 0),
                 counts);
  CountNewsYears(Tokenize("quy hoạch giai đoạn 2021 và định hướng 2050", 0), counts);
  CHECK(counts.empty());
  std::vector<Sentence> sentences;
  sentences.push_back(MakeSentence("Sở ra mắt trung tâm. [Năm 2016, nông sản gặp khó]"));
  CHECK(LatestWrittenYear(sentences) == 0);
}

TEST_CASE("dates: an anniversary with no year in its sentence takes only a well-supported news year", "[dates]") {
  DocumentView view;
  view.sentences.push_back(MakeSentence("Sáng 2/9, tỉnh tổ chức lễ kỷ niệm 30 năm tái lập tỉnh."));
  view.sentences.push_back(MakeSentence("Năm 2005, tỉnh xây xong cầu lớn."));
  auto resolve = [&] {
    view.latest_written_year = LatestWrittenYear(view.sentences);
    view.dominant_year = DominantYear(view.sentences, false, view.latest_written_year, &view.dominant_support);
    ReadPresentYears("", view);
    return ResolveYear(DayMonth{2, 9, 0}, view.sentences[0].tokens, false, "", view);
  };
  CHECK(resolve() == "");  // one year named once in passing
  view.sentences.push_back(MakeSentence("Tỉnh đặt mục tiêu tăng trưởng 8% trong năm 2019, tính đến ngày 30/6/2019 đạt 7%."));
  CHECK(resolve() == "2019-09-02");
  // A full date before any news (the day counted from) is history, however often written.
  view.sentences.clear();
  view.sentences.push_back(MakeSentence("Sáng 2/9, tỉnh tổ chức lễ kỷ niệm 30 năm tái lập tỉnh."));
  view.sentences.push_back(MakeSentence("Tỉnh được tái lập ngày 1/1/1989."));
  CHECK(resolve() == "");
}

TEST_CASE("dates: an anniversary's span written as one token", "[dates]") {
  CHECK(AnniversaryYear(Tokenize("kỷ niệm 130 năm ngày sinh (4/3/1890-4/3/2020)", 0)) == 2020);
}

TEST_CASE("dates: a target named a few words before its year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("hiện thực hóa các mục tiêu phát triển bền vững toàn cầu 2030 trong năm 2018", 0), counts);
  CHECK(counts == std::map<int, int>{{2018, 1}});
}

TEST_CASE("dates: a month of a year ('tháng 4/2016') bounds the present, it does not choose it", "[dates]") {
  const auto opened = Tokenize("Công ty khai trương nhà máy hồi tháng 4/2016, sản lượng tăng từ tháng 9-2016", 0);
  std::map<int, int> counts;
  CountNewsYears(opened, counts);
  CHECK(counts.empty());
  CountNewsYears(opened, counts, 0, YearCount::kBounds);
  CHECK(counts == std::map<int, int>{{2016, 2}});
  counts.clear();
  CountNewsYears(Tokenize("Dự án sẽ hoàn thành vào tháng 6/2020, tiến độ đến tháng 12/2021", 0), counts, 0, YearCount::kBounds);
  CHECK(counts.empty());  // plans
  CountNewsYears(Tokenize("Tỷ lệ đạt 4/2016 hồ sơ", 0), counts, 0, YearCount::kBounds);
  CHECK(counts.empty());  // not after "tháng"
  // An older year the article speaks of is no present when it writes a later month.
  DocumentView view;
  view.sentences.push_back(MakeSentence("Năm 2014, xã xây trường; năm 2014 cũng là năm làm đường."));
  view.sentences.push_back(MakeSentence("Hồi tháng 3/2018, xã khởi công cầu mới."));
  view.dominant_year = DominantYear(view.sentences, false);
  CHECK(view.dominant_year == 2014);
  ReadPresentYears("", view);
  CHECK(ResolveYear(DayMonth{19, 4, 0}, Tokenize("Chiều 19/4, xã họp", 0), false, "", view) == "");
}

TEST_CASE("dates: a law's amendment year is no news year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("theo Điều 93 Bộ luật Hình sự 1999, sửa đổi bổ sung 2009", 0), counts);
  CountNewsYears(Tokenize("Bộ luật này đã được sửa đổi, bổ sung năm 2017 và có hiệu lực", 0), counts);
  CHECK(counts.empty());
  CountNewsYears(Tokenize("Trong năm 2019, xã bổ sung 20 giáo viên", 0), counts);
  CHECK(counts == std::map<int, int>{{2019, 1}});
}

TEST_CASE("dates: a year's review held in January-March is in the year after the one it speaks of", "[dates]") {
  DocumentView view;
  view.sentences.push_back(MakeSentence("Chiều 15/2, huyện tổ chức hội nghị tổng kết công tác của ngành giáo dục."));
  view.sentences.push_back(MakeSentence("Trong năm 2016, ngành đã xây mới 12 trường học."));
  view.sentences.push_back(MakeSentence("Năm 2016, tỷ lệ học sinh đỗ tốt nghiệp đạt 98%."));
  view.latest_written_year = LatestWrittenYear(view.sentences);
  view.dominant_year = DominantYear(view.sentences, false, view.latest_written_year, &view.dominant_support);
  ReadPresentYears("", view);
  const auto& review = view.sentences[0].tokens;
  CHECK(ResolveYear(DayMonth{15, 2, 0}, review, false, "", view) == "2017-02-15");
  // Later in the year, or a campaign's review, or a review of many years: the year spoken of.
  CHECK(ResolveYear(DayMonth{15, 12, 0}, review, false, "", view) == "2016-12-15");
  const auto campaign = Tokenize("Chiều 15/2, huyện tổ chức tổng kết đợt thi đua mừng Đảng", 0);
  CHECK(ResolveYear(DayMonth{15, 2, 0}, campaign, false, "", view) == "2016-02-15");
  const auto interim = Tokenize("Chiều 15/2, huyện tổ chức hội nghị sơ kết công tác quý I", 0);
  CHECK(ResolveYear(DayMonth{15, 2, 0}, interim, false, "", view) == "2016-02-15");
  // An article that writes a later year: the year spoken of is not (only) the one reviewed.
  view.sentences.push_back(MakeSentence("Năm 2017, ngành phấn đấu xây thêm 5 trường."));
  view.latest_written_year = LatestWrittenYear(view.sentences);
  CHECK(ResolveYear(DayMonth{15, 2, 0}, review, false, "", view) == "2016-02-15");
}

TEST_CASE("dates: a day in the month of a year its sentence names", "[dates]") {
  DocumentView view;
  view.dominant_year = 2013;
  const auto tokens = Tokenize("Sáng 30/10, Ban Tuyên giáo tổ chức hội nghị giao ban báo chí tháng 10/2018", 0);
  CHECK(ResolveYear(DayMonth{30, 10, 0}, tokens, false, "", view) == "2018-10-30");
  // Another month, or a month ahead, says nothing of the day.
  const auto other = Tokenize("Sáng 30/10, xã họp bàn việc khởi công cầu hồi tháng 9/2018", 0);
  CHECK(ResolveYear(DayMonth{30, 10, 0}, other, false, "", view) == "2013-10-30");
  const auto ahead = Tokenize("Sáng 3/10, xã họp bàn việc khánh thành cầu vào tháng 10/2019", 0);
  CHECK(ResolveYear(DayMonth{3, 10, 0}, ahead, false, "", view) == "2013-10-03");
}

TEST_CASE("dates: a point the present is counted from, and an agreement's year, are no news year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("Kể từ năm 2013, xã không cấp phép thêm dự án nào", 0), counts);
  CountNewsYears(Tokenize("Từ 2012 đến nay, bưu điện đã chuyển 3.000 hồ sơ", 0), counts);
  CountNewsYears(Tokenize("Hai nước ủng hộ Hiệp định Paris ký năm 2015 về khí hậu", 0), counts);
  CHECK(counts.empty());
  CountNewsYears(Tokenize("Từ tháng 3/2018, xã làm đường", 0), counts, 0, YearCount::kBounds);
  CHECK(counts == std::map<int, int>{{2018, 1}});  // they bound the present
  CountNewsYears(Tokenize("Kể từ năm 2013, xã không cấp phép thêm dự án nào", 0), counts, 0, YearCount::kBounds);
  CHECK(counts == std::map<int, int>{{2013, 1}, {2018, 1}});
  // Left out, a point counted from does not make a lone year stand out.
  std::vector<Sentence> sentences;
  sentences.push_back(MakeSentence("Ủy hội được thành lập năm 1995."));
  sentences.push_back(MakeSentence("Từ năm 2010, ủy hội họp cấp cao bốn năm một lần."));
  CHECK(DominantYear(sentences, false) == 0);
  sentences.push_back(MakeSentence("Từ năm 2010, ủy hội có 4 thành viên."));
  CHECK(DominantYear(sentences, false) == 0);  // 2010 stood out: leaving it out leaves no present
  sentences.push_back(MakeSentence("Năm 2019, ủy hội họp tại Lào; năm 2019 cũng là năm ..."));
  CHECK(DominantYear(sentences, false) == 2019);
}

TEST_CASE("dates: a founding year is no news year", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("Ủy hội được thành lập năm 1995 dựa trên Hiệp ước Mekong", 0), counts);
  CountNewsYears(Tokenize("Tổ chức này thành lập vào năm 2001", 0), counts);
  CHECK(counts.empty());
  CountNewsYears(Tokenize("Năm 2018, tỉnh thành lập 12 hợp tác xã", 0), counts);
  CHECK(counts == std::map<int, int>{{2018, 1}});
}

TEST_CASE("dates: a role handed over to a host or chair is for the next edition's year, and a year up to now is past",
          "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("Thủ tướng dự Lễ bàn giao vai trò nước chủ nhà Hội nghị WEF ASEAN năm 2018 cho Việt Nam", 0),
                 counts);
  CountNewsYears(Tokenize("hội nghị chuyển giao chức chủ tịch ASEAN 2018 cho Singapore", 0), counts);
  CountNewsYears(Tokenize("kể từ khi gia nhập Interpol năm 1991 đến nay", 0), counts);
  CHECK(counts.empty());
  CountNewsYears(Tokenize("Việt Nam là chủ nhà APEC 2017", 0), counts);  // no handover: the present
  CHECK(counts == std::map<int, int>{{2017, 1}});
}

TEST_CASE("dates: the UN's 2030 agenda and goals are targets, a body's agenda of the year is not", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("triển khai Chương trình nghị sự phát triển 2030 và các mục tiêu (SDGs 2030)", 0), counts);
  CHECK(counts.empty());
  CountNewsYears(Tokenize("là nội dung quan trọng trong Nghị sự của APEC 2017", 0), counts);
  CountNewsYears(Tokenize("các chủ đề ưu tiên trong Nghị sự APEC 2017", 0), counts);
  CHECK(counts == std::map<int, int>{{2017, 2}});
}

TEST_CASE("dates: a day before November of a year the article reviews as a whole is in the year after", "[dates]") {
  Document doc;
  doc.text =
      "Ban Chấp hành Trung ương cho ý kiến về Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Bộ Chính trị năm 2017.\n"
      "Năm 2017, tình hình có nhiều diễn biến.\n"
      "Hội nghị bế mạc sáng 12-5.\n";
  DocumentView view;
  Segment(doc, view);
  view.latest_written_year = LatestWrittenYear(view.sentences);
  view.dominant_year = DominantYear(view.sentences, false, view.latest_written_year, &view.dominant_support);
  ReadPresentYears("", view);
  CHECK(view.reviewed_year == 2017);
  const auto& last = view.sentences.back().tokens;
  const auto dm = FindDate(last, true);
  REQUIRE(dm);
  CHECK(ResolveYear(*dm, last, false, "", view) == "2018-05-12");
  // A half year's review is no whole year's.
  Document half;
  half.text = "Hội nghị kiểm điểm kết quả 6 tháng đầu năm 2019.\nHội nghị họp sáng 12-7.\n";
  DocumentView half_view;
  Segment(half, half_view);
  ReadPresentYears("", half_view);
  CHECK(half_view.reviewed_year == 0);
}

TEST_CASE("dates: joining a body is history, as a founding is", "[dates]") {
  std::map<int, int> counts;
  CountNewsYears(Tokenize("Việt Nam tham gia APEC năm 1998 và gia nhập WTO năm 2007", 0), counts);
  CHECK(counts.empty());
  CountNewsYears(Tokenize("Việt Nam tham gia tích cực năm 2017", 0), counts);  // not a body's name
  CHECK(counts == std::map<int, int>{{2017, 1}});
}
