// Stage 6, roles and bridge points (extract/src/roles.h), on sentences written for these tests.
#include "../../extract/src/roles.h"

#include "../../extract/src/events.h"

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage;
using namespace vnkg::stage::testing;

namespace {

std::vector<PersonMention> PeopleWithRoles(const Sentence& s) {
  const Gazetteer& g = TheGazetteer();
  auto people = FindPeople(g, s, "Nghệ An");
  AssignRoles(g, s, FindCues(g, s), people);
  return people;
}

}  // namespace

TEST_CASE("roles: the bridge point's province", "[roles]") {
  CHECK(BridgeProvince(MakeSentence("Tại điểm cầu tỉnh Nghệ An, ông Hoàng Minh Đức chủ trì.")) == "Nghệ An");
  CHECK(BridgeProvince(MakeSentence("Hội nghị kết nối 63 điểm cầu trên cả nước.")) == std::nullopt);
}

TEST_CASE("roles: cues and the first award verb", "[roles]") {
  const Sentence s = MakeSentence("Ông Hoàng Minh Đức chủ trì và phát biểu, sau đó trao Bằng khen cho hai tập thể.");
  const SentenceCues found = FindCues(TheGazetteer(), s);
  REQUIRE(found.cues.size() == 2);
  CHECK(std::string(found.cues[0].role) == "chaired");
  CHECK(found.cues[0].at == 4);
  CHECK(std::string(found.cues[1].role) == "spoke_at");
  REQUIRE(found.award_at);
  CHECK(s.tokens[*found.award_at].text == "trao");
}

TEST_CASE("roles: a cue after a list of people is each one's, and 'và' joins a second", "[roles]") {
  const auto people = PeopleWithRoles(
      MakeSentence("Giám đốc Sở Tài chính Hoàng Minh Đức, Phó Giám đốc Sở Y tế Lý Thu Cúc dự và phát biểu tại hội thảo."));
  REQUIRE(people.size() == 2);
  CHECK(people[0].role == "attended");
  CHECK(people[0].role2 == "spoke_at");
  CHECK(people[1].role == "attended");
}

TEST_CASE("roles: an introducing cue goes to the people after it", "[roles]") {
  const auto people = PeopleWithRoles(MakeSentence("Đến dự có Phó Giám đốc Sở Y tế Lý Thu Cúc."));
  REQUIRE(people.size() == 1);
  CHECK(people[0].role == "attended");
}

TEST_CASE("roles: a clause verb gives the cue another subject", "[roles]") {
  const auto people = PeopleWithRoles(MakeSentence("Ông Phan Văn Tâm đề nghị các đơn vị tham dự đầy đủ."));
  REQUIRE(people.size() == 1);
  CHECK(people[0].role.empty());
}

TEST_CASE("roles: chairing goes to the bridge point, speaking to the event", "[roles]") {
  Document doc;
  doc.id = "r";
  DocumentContext ctx(TheGazetteer(), doc);
  const Sentence s = MakeSentence("Tại điểm cầu tỉnh Nghệ An, ông Hoàng Minh Đức chủ trì và phát biểu.");
  const auto people = PeopleWithRoles(s);
  const Entity event{EntityType::kEvent, "Hội nghị trực tuyến", "2024-03-05", "", "", ""};
  const Entity bridge{EntityType::kBridgePoint, "", "2024-03-05", "Nghệ An", "", ""};
  EmitRoles(ctx, s, event, people, std::string("Nghệ An"), bridge, 0.9f);
  REQUIRE(ctx.out.facts.size() == 2);
  CHECK(ctx.out.facts[0].predicate == "chaired");
  CHECK(ctx.out.facts[0].object.type == EntityType::kBridgePoint);
  CHECK(ctx.out.facts[1].predicate == "spoke_at");
  CHECK(ctx.out.facts[1].object.type == EntityType::kEvent);
}

TEST_CASE("roles: the first person of a sentence opening at an event attended it", "[roles]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence("Tại hội nghị, Giám đốc Sở Nội vụ Hoàng Minh Đức cho biết, ông Phan Văn Tâm đã nghỉ.");
  auto people = FindPeople(g, s, "Nghệ An");
  REQUIRE(people.size() == 2);
  AssignRoles(g, s, FindCues(g, s), people);
  CHECK(people[0].role == "attended");
  CHECK(people[1].role.empty());
}

TEST_CASE("roles: an abbreviation's full stop does not end the list a cue introduces", "[roles]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence(
      "Hội nghị có sự tham dự của Bí thư Thành ủy TP. HCM Hoàng Minh Đức, Phó Chủ tịch UBND TP Phan Văn Tâm.");
  auto people = FindPeople(g, s, "");
  REQUIRE(people.size() == 2);
  AssignRoles(g, s, FindCues(g, s), people);
  CHECK(people[0].role == "attended");
  CHECK(people[1].role == "attended");
}

TEST_CASE("roles: several bridge points listed after 'điểm cầu'", "[roles]") {
  const Sentence s = MakeSentence("Hội nghị được tổ chức tại hai điểm cầu Nghệ An và thành phố Hải Phòng.");
  CHECK(BridgeProvinces(s) == std::vector<std::string>{"Nghệ An", "Hải Phòng"});
  CHECK(BridgeProvince(s) == std::nullopt);
}

TEST_CASE("roles: the first person of a sentence opening at a bridge point attended it", "[roles]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence("Tại điểm cầu Nghệ An, ông Hoàng Minh Đức, Phó Chủ tịch UBND tỉnh cho biết.");
  auto people = FindPeople(g, s, "Nghệ An");
  REQUIRE(people.size() == 1);
  AssignRoles(g, s, FindCues(g, s), people);
  CHECK(people[0].role == "attended");
}

TEST_CASE("roles: a person after \"của\" or \"thay mặt\" is not the subject of the verb after them", "[roles]") {
  const auto people = PeopleWithRoles(MakeSentence(
      "Được sự ủy quyền của Chủ tịch Quốc hội Hoàng Minh Đức phát biểu tại buổi lễ, Phó Chủ tịch Lý Thu Cúc cảm ơn."));
  REQUIRE(people.size() == 2);
  CHECK(people[0].name == "Hoàng Minh Đức");
  CHECK(people[0].role.empty());
  CHECK(people[1].role == "spoke_at");  // the verb after the governed one is the later subject's
}

TEST_CASE("roles: an opening that names the event in full still places its first person there", "[roles]") {
  const auto people = PeopleWithRoles(MakeSentence(
      "Tại hội nghị xúc tiến đầu tư vào các tỉnh miền Trung diễn ra tại Vinh ngày 7-11, bà Lý Thu Cúc cho rằng cần cải cách."));
  REQUIRE(people.size() == 1);
  CHECK(people[0].role == "attended");
}

TEST_CASE("roles: an opening cue introduces the subject, not a person inside its phrase", "[roles]") {
  const auto people = PeopleWithRoles(MakeSentence(
      "Phát biểu sau khi nhận cờ từ Thủ tướng Lào Hoàng Minh Đức, Thủ tướng Lý Thu Cúc nhấn mạnh vai trò của hai nước."));
  REQUIRE(people.size() == 2);
  CHECK(people[0].name == "Hoàng Minh Đức");
  CHECK(people[0].role.empty());
}

TEST_CASE("roles: both sides of a meeting attend it", "[roles]") {
  const Sentence s = MakeSentence("Chiều 20/5, Chủ tịch nước Lâm Văn Khải đã tiếp Bộ trưởng Ngoại giao Lào Bun Xẻng và "
                                  "Đại sứ Lào Phăn Khăm.");
  auto people = FindPeople(TheGazetteer(), s, "");
  const auto meeting = FindMeeting(TheGazetteer(), s);
  REQUIRE(meeting);
  AssignMeetingRoles(s, meeting->verb, meeting->verb + meeting->verb_length, people);
  REQUIRE(people.size() == 3);
  for (const PersonMention& p : people) CHECK(p.role == "attended");
}

TEST_CASE("roles: a person who said something at the sentence's gathering attended it", "[roles]") {
  const Gazetteer& g = TheGazetteer();
  auto said_at = [&](const char* text, const char* head) {
    const Sentence s = MakeSentence(text);
    auto people = FindPeople(g, s, "");
    AssignSaidAtRoles(g, s, head, people);
    return people.size() == 1 ? people[0].role : std::string("?");
  };
  CHECK(said_at("Giám đốc Sở Nội vụ Lâm Văn Khải cho biết thông tin này tại hội nghị sơ kết quý 1.", "hội nghị") ==
        "attended");
  CHECK(said_at("Bộ trưởng Lâm Văn Khải đã nhấn mạnh như vậy tại Hội nghị tổng kết.", "hội nghị") == "attended");
  // Another gathering than the sentence's, what was said, a comma: no role.
  CHECK(said_at("Bộ trưởng Lâm Văn Khải nói tại Hội nghị lần thứ 17 rằng còn vướng mắc.", "buổi làm việc").empty());
  CHECK(said_at("Bộ trưởng Lâm Văn Khải nói rằng tại hội nghị lần trước đã có kết luận.", "hội nghị").empty());
  CHECK(said_at("Bộ trưởng Lâm Văn Khải cho biết, tại hội nghị, các tỉnh đã báo cáo.", "hội nghị").empty());
}
