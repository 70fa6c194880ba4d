// Stage 5, events (extract/src/events.h), on articles written for these tests.
#include "../../extract/src/events.h"

#include "../../extract/src/dates.h"
#include "../../extract/src/segments.h"
#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage;
using namespace vnkg::stage::testing;

namespace {

DocumentView Read(const Document& doc) {
  DocumentView view;
  Segment(doc, view);
  view.dominant_year = DominantYear(view.sentences, false);
  view.teaser_year = DominantYear(view.sentences, true);
  MarkSentences(TheGazetteer(), view);
  return view;
}

}  // namespace

TEST_CASE("events: the name runs from the event word to the end of its clause", "[events]") {
  CHECK(EventName(MakeSentence("Sáng 5/3, Sở Nội vụ tổ chức hội nghị tổng kết công tác năm 2023 tại TP Vinh."),
                  std::size_t{8}) == "Hội nghị tổng kết công tác năm 2023");
  CHECK(EventName(MakeSentence("Ngày 8/3, huyện tổ chức tổng kết phong trào thi đua."), std::nullopt) ==
        "Hội nghị tổng kết phong trào thi đua");
}

TEST_CASE("events: one event per date, a held verb for the next, sentences in between follow", "[events]") {
  Document doc;
  doc.date = "2024-03-10";
  doc.text =
      "Sáng 5/3, Sở Nội vụ tổ chức hội nghị tổng kết công tác năm 2023.\n"
      "Các đại biểu thảo luận sôi nổi.\n"
      "Ngày 9/3, xã tổ chức lễ ra quân làm đường giao thông.\n"
      "Người dân hưởng ứng.\n"
      "Đọc thêm\n"
      "Chiều 1/3, huyện tổ chức hội thảo về chè.\n";
  const DocumentView view = Read(doc);
  REQUIRE(view.sentences.size() == 5);
  const EventTimeline timeline = FindEvents(TheGazetteer(), doc, view);
  REQUIRE(timeline.events.size() == 3);
  CHECK(timeline.events[0].entity.name == "Hội nghị tổng kết công tác năm 2023");
  CHECK(timeline.events[0].entity.date == "2024-03-05");
  CHECK(timeline.events[0].head == "hội nghị");
  CHECK(timeline.events[1].entity.name == "Lễ ra quân làm đường giao thông");
  CHECK(timeline.events[1].entity.date == "2024-03-09");
  CHECK(timeline.events[2].kind == SegmentKind::kTeaser);
  CHECK(timeline.event_of_sentence == std::vector<int>{0, 0, 1, 1, 2});
  CHECK(EventOfSentence(timeline, view, 1) == &timeline.events[0]);
}

TEST_CASE("events: a sentence naming an earlier event by its word speaks of it", "[events]") {
  Document doc;
  doc.date = "2024-03-10";
  doc.text =
      "Sáng 5/3, Sở Nội vụ tổ chức hội nghị tổng kết.\n"
      "Ngày 9/3, xã tổ chức lễ ra quân.\n"
      "Phát biểu tại hội nghị, ông giám đốc nêu ba nhiệm vụ.\n";
  const DocumentView view = Read(doc);
  const EventTimeline timeline = FindEvents(TheGazetteer(), doc, view);
  REQUIRE(timeline.events.size() == 2);
  CHECK(timeline.event_of_sentence[2] == 1);
  CHECK(EventOfSentence(timeline, view, 2) == &timeline.events[0]);
  CHECK(HasEventWord(view.sentences[2]));
}

TEST_CASE("events: a date decades off the article's years is history, not an event", "[events]") {
  Document doc;
  doc.text =
      "Năm 2022, huyện làm 10 km đường. Năm 2022 cũng là năm được mùa.\n"
      "Trong năm 2022, xã có thêm hai trường học. Cuối năm 2022, giá lúa tăng.\n"
      "Ngày 30/4/1975, hội nghị quân sự được tổ chức tại đây.\n";
  const DocumentView view = Read(doc);
  CHECK(FindEvents(TheGazetteer(), doc, view).events.empty());
}

TEST_CASE("events: a date in what someone said at an event is no date of an event", "[events]") {
  Document doc;
  doc.text =
      "Phát biểu tại lễ khai mạc, ông Trần Văn Bình cho biết từ khi Liên hợp quốc chọn ngày 14/3/2019 là "
      "ngày của toán học, nhiều nước đã hưởng ứng.\n"
      "Ngày 9/3/2019, phát biểu tại Hội nghị tổng kết của ngành, ông Bình nêu ba nhiệm vụ.\n";
  const DocumentView view = Read(doc);
  const EventTimeline timeline = FindEvents(TheGazetteer(), doc, view);
  REQUIRE(timeline.events.size() == 1);
  CHECK(timeline.events[0].entity.date == "2019-03-09");
}

TEST_CASE("events: a meeting of two named by its verb, with titles on both sides", "[events]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence(
      "Chiều 20/5, tại Phủ Chủ tịch, Chủ tịch nước Lâm Văn Khải tiếp Bộ trưởng Ngoại giao Lào Bun Xẻng đang thăm "
      "Việt Nam.");
  const auto meeting = FindMeeting(g, s);
  REQUIRE(meeting);
  CHECK(SpanText(s, meeting->from, meeting->end) == "Chủ tịch nước Lâm Văn Khải tiếp Bộ trưởng Ngoại giao Lào Bun Xẻng");
  CHECK(s.tokens[meeting->verb].fold == "tiếp");
  CHECK(FindMeeting(g, MakeSentence("Bộ trưởng Lâm Văn Khải đã hội đàm với Đoàn đại biểu Bộ Nội vụ Lào.")));
  // "tiếp tục", a verb with no title after it, a plan: no meeting.
  CHECK_FALSE(FindMeeting(g, MakeSentence("Bộ trưởng Lâm Văn Khải tiếp tục chỉ đạo các đơn vị.")));
  CHECK_FALSE(FindMeeting(g, MakeSentence("Bộ trưởng Lâm Văn Khải tiếp người dân tại trụ sở.")));
  CHECK_FALSE(FindMeeting(g, MakeSentence("Ngày mai, Thủ tướng sẽ hội đàm với Thủ tướng Lào.")));
  // No title before the verb in its clause.
  CHECK_FALSE(FindMeeting(g, MakeSentence("Sau khi tham quan, đoàn gặp Bí thư Tỉnh ủy.")));
}

TEST_CASE("events: a dated meeting is the article's event, its sides attend, another gathering is not it",
          "[events]") {
  Document doc;
  doc.date = "2017-05-21";
  doc.text =
      "Chiều 20/5, Chủ tịch nước Lâm Văn Khải tiếp Bộ trưởng Ngoại giao Lào Bun Xẻng.\n"
      "Chủ tịch nước mong Bộ trưởng Bun Xẻng tham dự Hội nghị Cấp cao ASEAN.\n";
  const DocumentView view = Read(doc);
  const EventTimeline timeline = FindEvents(TheGazetteer(), doc, view);
  REQUIRE(timeline.events.size() == 1);
  CHECK(timeline.events[0].entity.date == "2017-05-20");
  CHECK(timeline.events[0].entity.about.rfind("tiếp\t", 0) == 0);
  CHECK(EventOfSentence(timeline, view, 0) == &timeline.events[0]);
  CHECK(EventOfSentence(timeline, view, 1) == nullptr);
}
