// Stage 7, relations (extract/src/relations.h), on sentences written for these tests.
#include "../../extract/src/relations.h"

#include <set>

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage;
using namespace vnkg::stage::testing;

namespace {

std::string Name(const Entity& e) {
  if (e.type == EntityType::kPosition) return e.title + " | " + e.organization;
  return e.name.empty() ? e.province : e.name;
}

std::set<std::string> Triples(const DocumentContext& ctx) {
  std::set<std::string> out;
  for (const Fact& f : ctx.out.facts) out.insert(Name(f.subject) + " " + f.predicate + " " + Name(f.object));
  return out;
}

const Entity kEvent{EntityType::kEvent, "Hội nghị tổng kết", "2024-03-05", "", "", ""};

}  // namespace

TEST_CASE("relations: offices, and the province of a provincial body", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  const Sentence s = MakeSentence("Giám đốc Sở Tài chính Hoàng Minh Đức phát biểu.");
  EmitOffices(ctx, s, FindPeople(ctx.g, s, "Nghệ An"), "2024-03-05", 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Hoàng Minh Đức holds_position Giám đốc | Sở Tài chính Nghệ An",
                                              "Sở Tài chính Nghệ An located_in Nghệ An"});
  CHECK(ctx.out.facts[0].date == "2024-03-05");
}

TEST_CASE("relations: every body before 'tổ chức' organized the event", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  const Sentence s = MakeSentence("Sáng 5/3, Sở Nội vụ và UBND huyện Quỳ Hợp tổ chức hội nghị tổng kết tại Nghệ An.");
  EmitOrganizers(ctx, s, kEvent, "Nghệ An", 0.9f);
  EmitEventPlace(ctx, s, kEvent, 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Sở Nội vụ Nghệ An organized Hội nghị tổng kết",
                                              "UBND huyện Quỳ Hợp organized Hội nghị tổng kết",
                                              "Hội nghị tổng kết located_in Nghệ An"});
}

TEST_CASE("relations: an award to the people after 'cho', given by the one before", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  const Sentence s =
      MakeSentence("Chủ tịch UBND tỉnh Hoàng Minh Đức trao Bằng khen cho ông Phan Văn Tâm và bà Lý Thu Cúc.");
  const auto people = FindPeople(ctx.g, s, "Nghệ An");
  std::size_t at = 0;
  while (s.tokens[at].fold != "trao") ++at;
  AwardMemory memory;
  EmitAwards(ctx, s, people, at, "2024-03-05", memory, 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Phan Văn Tâm received_award Bằng khen",
                                              "Lý Thu Cúc received_award Bằng khen"});
  CHECK(ctx.out.facts[0].by == "Hoàng Minh Đức");
  CHECK(memory.last_giver == "Hoàng Minh Đức");
}

TEST_CASE("relations: a foreign partner and its country", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitRelationsOfPlaces(ctx, MakeSentence("Tỉnh Nghệ An ký thỏa thuận hợp tác với tỉnh Xiêng Khoảng (Lào)."));
  CHECK(Triples(ctx) == std::set<std::string>{"Nghệ An cooperates_with Xiêng Khoảng", "Xiêng Khoảng part_of Lào"});
}

TEST_CASE("relations: a fact is emitted once per evidence sentence", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  const Sentence s = MakeSentence("Sở Nội vụ tổ chức hội nghị tại Nghệ An.");
  EmitEventPlace(ctx, s, kEvent, 0.9f);
  EmitEventPlace(ctx, s, kEvent, 0.9f);
  CHECK(ctx.out.facts.size() == 1);
}

TEST_CASE("relations: a place abroad and the country the text puts it in", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitPartOf(ctx, MakeSentence("Đoàn đã làm việc tại Osaka (Nhật Bản) và ở Lyon, Pháp trong tuần."));
  EmitPartOf(ctx, MakeSentence("Hội chợ mở tại thủ đô Ottawa của Canada."));
  CHECK(Triples(ctx) == std::set<std::string>{"Osaka part_of Nhật Bản", "Lyon part_of Pháp", "Ottawa part_of Canada"});
}

TEST_CASE("relations: no part_of between the members of a list, or without a word that says place", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitPartOf(ctx, MakeSentence("Sản phẩm bán ở bang Texas, Georgia, Ohio của Mỹ."));
  EmitPartOf(ctx, MakeSentence("Xe được nhập từ Nga, Ấn Độ và ở Mỹ, Nhật Bản."));
  EmitPartOf(ctx, MakeSentence("Hãng Northwind (Mỹ) công bố kết quả."));
  CHECK(Triples(ctx).empty());
}

TEST_CASE("relations: an event held abroad is located in the place the text names with its country",
          "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitEventPlace(ctx, MakeSentence("Hội nghị diễn ra tại Osaka – Nhật Bản."), kEvent, 0.9f);
  EmitEventPlace(ctx, MakeSentence("Hội nghị diễn ra tại Singapore."), kEvent, 0.9f);
  EmitEventPlace(ctx, MakeSentence("Hội nghị diễn ra tại Khách sạn Northwind."), kEvent, 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Hội nghị tổng kết located_in Osaka",
                                              "Hội nghị tổng kết located_in Singapore"});
}

TEST_CASE("relations: awards named after 'trao giải', before 'được trao cho', and after the first recipients",
          "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  const Sentence s = MakeSentence(
      "Năm nay, giải thưởng Ngôi sao xanh được trao cho ông Phan Văn Tâm, ban tổ chức còn trao giải Bông sen vàng "
      "cho bà Lý Thu Cúc, và Giải thưởng Cây tre cho ông Hoàng Minh Đức.");
  const auto people = FindPeople(ctx.g, s, "");
  std::size_t at = 0;
  while (s.tokens[at].fold != "trao") ++at;
  AwardMemory memory;
  EmitAwards(ctx, s, people, at, "2024-03-05", memory, 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Phan Văn Tâm received_award Giải thưởng Ngôi sao xanh",
                                              "Lý Thu Cúc received_award Giải Bông sen vàng",
                                              "Hoàng Minh Đức received_award Giải thưởng Cây tre"});
}

TEST_CASE("relations: papers handed over are no award, and the subject of a new clause is no recipient", "[relations]") {
  auto awards_of = [](const std::string& text) {
    Document doc;
    DocumentContext ctx(TheGazetteer(), doc);
    const Sentence s = MakeSentence(text);
    const auto people = FindPeople(ctx.g, s, "Nghệ An");
    std::size_t at = 0;
    while (at < s.tokens.size() && s.tokens[at].fold != "trao") ++at;
    REQUIRE(at < s.tokens.size());
    AwardMemory memory;
    EmitAwards(ctx, s, people, at, "2024-03-05", memory, 0.9f);
    return Triples(ctx);
  };
  CHECK(awards_of("Giám đốc Sở Nội vụ Phan Văn Tâm trao Quyết định bổ nhiệm cho ông Lý Văn Cúc.").empty());
  CHECK(awards_of("Trao Huân chương Lao động hạng Nhất cho Công ty Điện lực, Thủ tướng Hoàng Minh Đức nhấn mạnh vai trò "
                  "của ngành.")
            .empty());
  CHECK(awards_of("Bộ trưởng Phan Văn Tâm trao Huân chương Lao động hạng Ba cho ông Lý Văn Cúc, bà Hoàng Thu Hà.") ==
        std::set<std::string>{"Lý Văn Cúc received_award Huân chương Lao động hạng Ba",
                              "Hoàng Thu Hà received_award Huân chương Lao động hạng Ba"});
}

TEST_CASE("relations: an event held at a venue of a province, and at its main bridge point", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitEventPlace(ctx, MakeSentence("Sáng 6/3, tại Khách sạn Mường Thanh, Nghệ An, đã khai mạc hội nghị."), kEvent, 0.9f);
  EmitMainBridgePlace(ctx, MakeSentence("Hội nghị kết nối 63 tỉnh với điểm cầu chính tại Hà Nội."), kEvent, 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Hội nghị tổng kết located_in Nghệ An", "Hội nghị tổng kết located_in Hà Nội"});
  // A venue not followed by its province says nothing of the province.
  Document other;
  DocumentContext none(TheGazetteer(), other);
  EmitEventPlace(none, MakeSentence("Hội nghị diễn ra tại Trung tâm Hội nghị Quốc gia, các đại biểu đến từ Nghệ An."), kEvent, 0.9f);
  CHECK(Triples(none).empty());
}

TEST_CASE("relations: \"X phối hợp với Y tổ chức\" gives two organizers, named without their verbs", "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitOrganizers(ctx, MakeSentence("Ngày 10/5, Bộ Ngoại giao đã phối hợp với UBND tỉnh Nghệ An tổ chức hội nghị."), kEvent,
                 "", 0.9f);
  EmitOrganizers(ctx, MakeSentence("Tọa đàm do báo Tuổi Trẻ phối hợp Trung ương Hội Nông dân Việt Nam tổ chức."), kEvent,
                 "", 0.9f);
  CHECK(Triples(ctx) == std::set<std::string>{"Bộ Ngoại giao organized Hội nghị tổng kết",
                                              "UBND tỉnh Nghệ An organized Hội nghị tổng kết",
                                              "báo Tuổi Trẻ organized Hội nghị tổng kết",
                                              "Trung ương Hội Nông dân Việt Nam organized Hội nghị tổng kết"});
}

TEST_CASE("relations: a city abroad of the gazetteer is a place after 'tại', and in the country written after it",
          "[relations]") {
  Document doc;
  DocumentContext ctx(TheGazetteer(), doc);
  EmitEventPlace(ctx, MakeSentence("Hội nghị cấp cao đã khai mạc tại Bangkok ngày 22-6."), kEvent, 0.9f);
  EmitEventPlace(ctx, MakeSentence("Hội nghị cấp cao đã khai mạc tại Trump Tower ngày 22-6."), kEvent, 0.9f);
  EmitPartOf(ctx, MakeSentence("Tình hình Hamburg (Đức) ngày 6-7 rất căng thẳng."));
  // Not a university's city, nor a list whose next item is another country.
  EmitPartOf(ctx, MakeSentence("Theo giáo sư Kim, Đại học Quốc gia Seoul (Hàn Quốc), điều đó khó."));
  EmitPartOf(ctx, MakeSentence("Quan hệ giữa Bắc Kinh, Mỹ và Nhật Bản căng thẳng tại Bắc Kinh, Mỹ."));
  CHECK(Triples(ctx) == std::set<std::string>{"Hội nghị tổng kết located_in Bangkok", "Hamburg part_of Đức"});
}

TEST_CASE("relations: a partner of the article's province only where the sentence speaks of the province unnamed",
          "[relations]") {
  Document doc;
  doc.text = "BẮC GIANG - Tỉnh Bắc Giang đẩy mạnh đối ngoại.";
  DocumentContext ctx(TheGazetteer(), doc);
  DocumentView& view = ctx.view;
  view.dateline_province = "Bắc Giang";
  EmitRelationsOfPlaces(ctx, MakeSentence("Các cơ quan trong tỉnh triển khai thỏa thuận đã ký với tỉnh Xay Sổm Bun (Lào)."));
  EmitRelationsOfPlaces(ctx, MakeSentence("Thủ tướng Ấn Độ Modi tăng cường hợp tác với Nhật Bản."));
  EmitRelationsOfPlaces(ctx, MakeSentence("Việt Nam cũng hợp tác với Bỉ trong nhiều lĩnh vực."));
  CHECK(Triples(ctx) == std::set<std::string>{"Bắc Giang cooperates_with Xay Sổm Bun", "Xay Sổm Bun part_of Lào"});
}
