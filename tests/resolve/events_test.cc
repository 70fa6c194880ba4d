// The merge decision of event resolution, on invented reports: pairs that are
// one gathering worded differently, and pairs of one day that are two.
#include <catch2/catch.hpp>

#include <algorithm>

#include "vnkg/resolve/events.h"

using namespace vnkg::resolve;

namespace {

EventReport Report(const std::string& doc, const std::string& head, const std::string& words,
                   std::vector<std::string> places = {}, const std::string& date = "2019-03-12") {
  EventReport r;
  r.key = "Event|" + date + "|#" + doc + "#0";
  r.date = date;
  r.doc = doc;
  r.head = head;
  r.words = words;
  r.places = std::move(places);
  return r;
}

// Common words of the genre, so that they weigh little.
PairWeights Background(const std::vector<EventReport>& reports) {
  PairWeights w;
  const char* common[] = {
      "sáng nay tại hà nội thủ tướng chính phủ chủ trì hội nghị",
      "chiều nay ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm",
      "tối nay diễn ra lễ khai mạc tại tỉnh với sự tham dự của lãnh đạo",
      "ngày hôm nay bộ trưởng chủ trì họp báo tại hà nội",
      "sáng nay tại hà nội phó thủ tướng dự lễ trao giải",
      "chủ tịch ủy ban nhân dân tỉnh tiếp đoàn công tác tại hà nội",
      "hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm",
      // Shareholder meetings are many in their season: what they share weighs little.
      "đại hội đồng cổ đông thường niên của công ty cổ phần sữa",
      "đại hội đồng cổ đông thường niên của tập đoàn cổ phần thép",
      "đại hội đồng cổ đông thường niên ngân hàng thương mại cổ phần công thương",
      "đại hội đồng cổ đông thường niên tổng công ty cổ phần điện lực",
  };
  for (int copy = 0; copy < 5; ++copy)
    for (const char* words : common) w.Add(Report("background", "hội nghị", words));
  for (const EventReport& r : reports) w.Add(r);
  return w;
}

}  // namespace

TEST_CASE("two reports of one conference, named differently, are one event", "[resolve]") {
  const auto a = Report("a1", "hội nghị", "sáng nay | tại hà nội | hội nghị asean về nông nghiệp và chuyển đổi số khai mạc");
  const auto b = Report("b7", "hội thảo", "hội thảo asean về nông nghiệp và công nghệ số diễn ra tại hà nội | với sự tham dự");
  const PairWeights w = Background({a, b});
  CHECK(MayBeOne(a, b));
  CHECK(SameEvent(a, b, w));
}

TEST_CASE("a welcome ceremony and a banquet for one visitor are two events", "[resolve]") {
  const auto a = Report("a1", "lễ đón", "thủ tướng chủ trì lễ đón chính thức thủ tướng vương quốc thái lan | tại phủ chủ tịch");
  const auto b = Report("b2", "lễ khai", "thủ tướng chủ trì lễ khai mạc diễn đàn doanh nghiệp việt nam thái lan");
  const auto c = Report("c3", "", "thủ tướng chủ trì tiệc chiêu đãi thủ tướng vương quốc thái lan");
  const PairWeights w = Background({a, b, c});
  CHECK_FALSE(MayBeOne(a, b));  // two ceremonies of different acts
  CHECK_FALSE(MayBeOne(a, c));  // a ceremony and what is not one
  CHECK_FALSE(SameEvent(a, c, w));
}

TEST_CASE("a workshop and a festival opening in one province are two events", "[resolve]") {
  const auto a = Report("a1", "hội thảo", "hội thảo xúc tiến đầu tư vào nông nghiệp tỉnh lào cai", {"lào cai"});
  const auto b = Report("b1", "lễ khai", "lễ khai mạc lễ hội hoa đào tỉnh lào cai | tối nay", {"lào cai"});
  const PairWeights w = Background({a, b});
  CHECK_FALSE(SameEvent(a, b, w));
}

TEST_CASE("shareholder meetings of two companies are two events", "[resolve]") {
  const auto a = Report("a1", "đại hội", "đại hội đồng cổ đông thường niên của ngân hàng thương mại cổ phần phương đông");
  const auto b = Report("b1", "đại hội", "đại hội đồng cổ đông thường niên của tổng công ty cổ phần bảo hiểm sông hồng");
  const auto c = Report("c1", "đại hội", "sáng nay | đại hội đồng cổ đông thường niên ngân hàng thương mại cổ phần phương đông đã diễn ra");
  const PairWeights w = Background({a, b, c});
  CHECK_FALSE(SameEvent(a, b, w));
  CHECK(SameEvent(a, c, w));
}

TEST_CASE("one report per document, one date, one place", "[resolve]") {
  const auto a = Report("a1", "hội nghị", "hội nghị xúc tiến thương mại nông sản vùng tây bắc", {"sơn la"});
  auto same_doc = Report("a1", "hội nghị", "hội nghị xúc tiến thương mại nông sản vùng tây bắc", {"sơn la"});
  same_doc.key += "x";
  const auto other_day = Report("b1", "hội nghị", "hội nghị xúc tiến thương mại nông sản vùng tây bắc", {"sơn la"}, "2019-03-13");
  const auto other_place = Report("c1", "hội nghị", "hội nghị xúc tiến thương mại nông sản vùng tây bắc", {"điện biên"});
  const auto no_place = Report("d1", "hội nghị", "hội nghị xúc tiến thương mại nông sản vùng tây bắc");
  CHECK_FALSE(MayBeOne(a, same_doc));
  CHECK_FALSE(MayBeOne(a, other_day));
  CHECK_FALSE(MayBeOne(a, other_place));
  CHECK(MayBeOne(a, no_place));
}

TEST_CASE("resolution does not depend on the order of the reports", "[resolve]") {
  std::vector<EventReport> reports = {
      Report("d4", "hội nghị", "hội nghị asean về nông nghiệp và chuyển đổi số"),
      Report("a1", "hội thảo", "hội thảo asean về nông nghiệp và công nghệ số tại hà nội"),
      Report("c3", "lễ khai", "lễ khai mạc lễ hội hoa đào tỉnh lào cai"),
      Report("b2", "lễ khai", "khai mạc lễ hội hoa đào lào cai năm nay"),
      Report("e5", "họp báo", "họp báo công bố giải thưởng sách quốc gia"),
  };
  auto groups = [](std::vector<EventReport> rs) {
    const PairWeights w = Background(rs);
    const auto rep = ResolveEvents(rs, w);
    std::vector<std::pair<std::string, std::string>> out;
    for (std::size_t i = 0; i < rs.size(); ++i) out.emplace_back(rs[i].doc, rs[rep[i]].doc);
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto forward = groups(reports);
  std::reverse(reports.begin(), reports.end());
  CHECK(groups(reports) == forward);
  std::rotate(reports.begin(), reports.begin() + 2, reports.end());
  CHECK(groups(reports) == forward);
  // The two ASEAN reports are one (shown as a1, the smaller key); the two openings are one; the press conference alone.
  const std::vector<std::pair<std::string, std::string>> want = {
      {"a1", "a1"}, {"b2", "b2"}, {"c3", "b2"}, {"d4", "a1"}, {"e5", "e5"}};
  CHECK(forward == want);
}

TEST_CASE("kinds of heads", "[resolve]") {
  CHECK(EventKind("hội thảo") == "conference");
  CHECK(EventKind("hội nghị trực") == "conference");
  CHECK(EventKind("họp báo") == "press");
  CHECK(EventKind("kỳ họp") == "session");
  CHECK(EventKind("lễ hội") == "festival");
  CHECK(EventKind("lễ khai") == "ceremony");
  CHECK(EventKind("") == "");
}
