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
  // A city's bodies are completed only with a centrally-run city, a province's only with a province.
  CHECK(CompleteOrganization(g, "Thành ủy", "Đà Nẵng") == "Thành ủy Đà Nẵng");
  CHECK(CompleteOrganization(g, "Thành ủy", "Nghệ An") == "Thành ủy");
  CHECK(CompleteOrganization(g, "UBND TP", "Nghệ An") == "UBND TP");
  CHECK(CompleteOrganization(g, "UBND tỉnh", "Đà Nẵng") == "UBND tỉnh");
  CHECK(CompleteOrganization(g, "UBND Q.Tân Phú", "Hồ Chí Minh") == "UBND Q.Tân Phú");  // a district's, abbreviated
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

// The offices a person is given in one sentence, as "title | organization".
static std::vector<std::string> OfficesOf(const std::vector<PersonMention>& people, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& p : people)
    if (p.name == name)
      for (const auto& [title, org] : p.positions) out.push_back(title + " | " + org);
  return out;
}

TEST_CASE("mentions: a stacked title never crosses 'và' to another person's name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(g, MakeSentence("Tổng thống Mỹ và Thủ tướng Hoàng Minh Đức duyệt đội danh dự."), "");
  CHECK(OfficesOf(people, "Hoàng Minh Đức") == std::vector<std::string>{"Thủ tướng | "});
}

TEST_CASE("mentions: a title inside an adverbial opening belongs to nobody after its comma", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(
      g, MakeSentence("Trong cuộc gặp với Phó Chủ tịch tập đoàn Sông Hồng, Thủ tướng Hoàng Minh Đức khẳng định."), "");
  CHECK(OfficesOf(people, "Hoàng Minh Đức") == std::vector<std::string>{"Thủ tướng | "});
}

TEST_CASE("mentions: a title naming a foreign country is its own holder's", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people =
      FindPeople(g, MakeSentence("Hội nghị có sự tham dự của Thủ tướng Lào, Thủ tướng Hoàng Minh Đức."), "");
  CHECK(OfficesOf(people, "Hoàng Minh Đức") == std::vector<std::string>{"Thủ tướng | "});
}

TEST_CASE("mentions: stacked titles after 'có' all go to the name that ends the run", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(
      g, MakeSentence("Tham dự có Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Dân vận Trung ương "
                      "Hoàng Minh Đức."),
      "");
  CHECK(OfficesOf(people, "Hoàng Minh Đức").size() == 3);
}

TEST_CASE("mentions: an apposition's body runs to the clause's verb, through 'và' between lower-case words",
          "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(
      g, MakeSentence("Ông Hoàng Minh Đức, giám đốc Trung tâm Nghiên cứu và tư vấn thủy lợi miền núi, cho biết."),
      "");
  CHECK(OfficesOf(people, "Hoàng Minh Đức") ==
        std::vector<std::string>{"giám đốc | Trung tâm Nghiên cứu và tư vấn thủy lợi miền núi"});
  const auto dashed = FindPeople(
      g, MakeSentence("Ông Phan Văn Tâm - phó cục trưởng Cục Quản lý đê điều Bộ Nông nghiệp - nhận định."), "");
  CHECK(OfficesOf(dashed, "Phan Văn Tâm") ==
        std::vector<std::string>{"phó cục trưởng | Cục Quản lý đê điều Bộ Nông nghiệp"});
  const auto verb = FindPeople(
      g, MakeSentence("Ông Phan Văn Tâm, Chủ tịch UBND tỉnh Lào Cai khuyến khích người dân trồng rừng."), "");
  CHECK(OfficesOf(verb, "Phan Văn Tâm") == std::vector<std::string>{"Chủ tịch | UBND tỉnh Lào Cai"});
}

TEST_CASE("mentions: in an apposition a capitalised run is the body's, the holder being named", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people =
      FindPeople(g, MakeSentence("Ông John Miller, Chủ tịch Northwind Energy thuộc Tập đoàn Northwind cho rằng."), "");
  CHECK(OfficesOf(people, "John Miller") == std::vector<std::string>{"Chủ tịch | Northwind Energy"});
  for (const auto& p : people) CHECK(p.name != "Northwind Energy");
}

TEST_CASE("mentions: a foreign name cut by spaced dashes stays whole, a Vietnamese one does not take its title",
          "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(g, MakeSentence("Thủ tướng Thái Lan Somchai Wong - sa - wat tuyên bố."), "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Somchai Wong - sa - wat");
  const auto vn = FindPeople(g, MakeSentence("Ông Phan Văn Tâm - phó giám đốc Sở Y tế - cho biết."), "Nghệ An");
  REQUIRE(vn.size() == 1);
  CHECK(vn[0].name == "Phan Văn Tâm");
}

TEST_CASE("mentions: a family name after an apposition's body starts another person", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(
      g, MakeSentence("Ông Hoàng Minh Đức, Phó Chủ tịch UBND tỉnh Phan Văn Tâm cùng dự buổi làm việc."), "");
  for (const auto& office : OfficesOf(people, "Hoàng Minh Đức")) CHECK(office.find("Phan Văn Tâm") == std::string::npos);
  const auto firm =
      FindPeople(g, MakeSentence("Ông Phan Văn Tâm, giám đốc Công ty TNHH Hoàng Minh Phát cho biết."), "");
  CHECK(OfficesOf(firm, "Phan Văn Tâm") == std::vector<std::string>{"giám đốc | Công ty TNHH Hoàng Minh Phát"});
}

TEST_CASE("mentions: foreign and international bodies end at their holder's name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  // A region is no family name; an acronym of foreign_bodies.tsv is a body, not a first name.
  const Sentence s = MakeSentence(
      "Trước đó, Chủ tịch Hội đồng châu Âu Hendrik Vos đã gặp Tổng thư ký NATO Pieter Maas tại Brussels.");
  const auto people = FindPeople(g, s, "");
  REQUIRE(people.size() == 2);
  CHECK(people[0].name == "Hendrik Vos");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Chủ tịch");
  CHECK(people[0].positions[0].second == "Hội đồng châu Âu");
  CHECK(people[1].name == "Pieter Maas");
  REQUIRE(people[1].positions.size() == 1);
  CHECK(people[1].positions[0].first == "Tổng thư ký");
  CHECK(people[1].positions[0].second == "NATO");
}

TEST_CASE("mentions: a run of six capitals is a body's last words and a name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence("Phó Chủ tịch Hội Nhà báo Việt Nam Trần Thị Mai Hương phát biểu.");
  const auto people = FindPeople(g, s, "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Trần Thị Mai Hương");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].second == "Hội Nhà báo Việt Nam");
}

TEST_CASE("mentions: a gloss in brackets is part of the mention, a date in brackets is not", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence gloss = MakeSentence(
      "Theo ông Karl Brenner, giám đốc điều hành Diễn đàn kinh tế thế giới (WEF), các chính sách sẽ giúp ích.");
  const auto people = FindPeople(g, gloss, "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Karl Brenner");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].second == "Diễn đàn kinh tế thế giới");
  // "Chủ tịch X (1957), Thủ tướng A": the first title is someone else's, not stacked on A.
  const Sentence dated = MakeSentence("Các đoàn sang thăm có: Chủ tịch Quốc hội (5/1957), Thủ tướng Lê Văn Định (6/1961).");
  const auto visitors = FindPeople(g, dated, "");
  REQUIRE(visitors.size() == 1);
  CHECK(visitors[0].name == "Lê Văn Định");
  REQUIRE(visitors[0].positions.size() == 1);
  CHECK(visitors[0].positions[0].first == "Thủ tướng");
}

TEST_CASE("mentions: titles after \"và\" are list members, not stacked on the next name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence(
      "Gặp Chủ tịch Ủy ban châu Âu và Chủ tịch Hội đồng Bảo an, Thủ tướng Lê Văn Định đề nghị hợp tác.");
  const auto people = FindPeople(g, s, "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Lê Văn Định");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Thủ tướng");
  // An introducer after "và" still opens a list of stacked titles.
  const Sentence listed = MakeSentence("Đến dự có Thủ tướng và có Phó Thủ tướng Chính phủ, Bộ trưởng Bộ Ngoại giao Lê Văn Định.");
  const auto guests = FindPeople(g, listed, "");
  REQUIRE(guests.size() == 1);
  CHECK(guests[0].positions.size() == 2);
}

TEST_CASE("mentions: a title item, then an honorific and a name: the title is that person's", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence("Sáng nay, Phó Chủ tịch UBND tỉnh Nghệ An, ông Lê Văn Định đã ký văn bản.");
  const auto people = FindPeople(g, s, "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Lê Văn Định");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Phó Chủ tịch");
  CHECK(people[0].positions[0].second == "UBND tỉnh Nghệ An");
  // "Theo Chủ tịch X, ông A ...": an adverbial opening's title is someone else's.
  const Sentence theo = MakeSentence("Theo Chủ tịch UBND tỉnh Nghệ An, ông Lê Văn Định cần làm ngay.");
  const auto quoted = FindPeople(g, theo, "");
  REQUIRE(quoted.size() == 1);
  CHECK(quoted[0].positions.empty());
}

TEST_CASE("mentions: an office in brackets after a name, but not a caption in brackets", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(g, MakeSentence("Ông Lê Văn Định (TGĐ Công ty Hoa Sen) kiến nghị giảm thuế."), "");
  REQUIRE(people.size() == 1);
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "TGĐ");
  CHECK(people[0].positions[0].second == "Công ty Hoa Sen");
  const auto caption =
      FindPeople(g, MakeSentence("Ông Lê Văn Định (Bộ trưởng Lê An tiếp Thủ tướng Lào) phát biểu."), "");
  REQUIRE_FALSE(caption.empty());
  CHECK(caption[0].name == "Lê Văn Định");
  CHECK(caption[0].positions.empty());
}

TEST_CASE("mentions: a middle initial is part of a name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people =
      FindPeople(g, MakeSentence("Ông Robert K. Jansen, Giám đốc Quỹ Hòa Bình, cho rằng cần hợp tác."), "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Robert K. Jansen");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Giám đốc");
}

TEST_CASE("mentions: a province alone after a title is a place in the title, not a body", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(g, MakeSentence("Bí thư Nghệ An Lê Văn Định chủ trì hội nghị."), "");
  REQUIRE(people.size() == 1);
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Bí thư Nghệ An");
  CHECK(people[0].positions[0].second.empty());
  // A firm's lower-case words right after its head: "Công ty cây xanh".
  const auto firm = FindPeople(g, MakeSentence("Tổng giám đốc Công ty cây xanh Hà Nội Vũ Văn Định đề nghị."), "");
  REQUIRE(firm.size() == 1);
  CHECK(firm[0].name == "Vũ Văn Định");
  REQUIRE(firm[0].positions.size() == 1);
  CHECK(firm[0].positions[0].second == "Công ty cây xanh Hà Nội");
}

TEST_CASE("mentions: a title span never runs through a clause into another title", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto people = FindPeople(g, MakeSentence("Tổng thống Obama hội kiến Thủ tướng Lê Văn Định tại Washington."), "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Lê Văn Định");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].first == "Thủ tướng");
  CHECK(people[0].positions[0].second.empty());
  // A title right after a body's head is the body's name.
  const auto office = FindPeople(g, MakeSentence("Chủ nhiệm Văn phòng Chủ tịch nước Lê Văn Định dự."), "");
  REQUIRE(office.size() == 1);
  REQUIRE(office[0].positions.size() == 1);
  CHECK(office[0].positions[0].second == "Văn phòng Chủ tịch nước");
}

TEST_CASE("mentions: \"title là ông A\" and titles joined by \"kiêm\"", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto named = FindPeople(
      g, MakeSentence("Trung ương giới thiệu Chủ tịch nước là ông Lê Văn Định, Thủ tướng là ông Hoàng Minh Đức."), "");
  REQUIRE(named.size() == 2);
  REQUIRE(named[0].positions.size() == 1);
  CHECK(named[0].positions[0].first == "Chủ tịch nước");
  REQUIRE(named[1].positions.size() == 1);
  CHECK(named[1].positions[0].first == "Thủ tướng");
  const auto joined =
      FindPeople(g, MakeSentence("Bộ trưởng Bộ Tài chính kiêm Phó Trưởng Ban Kinh tế Trung ương Lê Văn Định phát biểu."), "");
  REQUIRE(joined.size() == 1);
  CHECK(joined[0].positions.size() == 2);
}

TEST_CASE("mentions: a title ending in a body's head is followed by that body's proper name", "[mentions]") {
  const auto people =
      FindPeople(TheGazetteer(), MakeSentence("Giám đốc Sở Tài Nguyên Môi Trường Nghệ An Lê Văn Định cho biết."), "");
  REQUIRE(people.size() == 1);
  CHECK(people[0].name == "Lê Văn Định");
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].second == "Sở Tài Nguyên Môi Trường Nghệ An");
}

TEST_CASE("mentions: a dash joins two fields of one body's name, not the clause after it", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  auto office = [&](const char* text) {
    const auto people = FindPeople(g, MakeSentence(text), "");
    return people.size() == 1 && people[0].positions.size() == 1 ? people[0].positions[0].second : std::string("?");
  };
  CHECK(office("Bộ trưởng Bộ Kế hoạch - đầu tư Lâm Văn Khải cho biết.") == "Bộ Kế hoạch - đầu tư");
  CHECK(office("Ông Lâm Văn Khải, giám đốc Sở Giáo dục - Đào tạo Bình Định, cho biết.") ==
        "Sở Giáo dục - Đào tạo Bình Định");
  CHECK(office("Giám đốc Sở Tài nguyên - Môi trường tỉnh Bình Định Lâm Văn Khải phát biểu.") ==
        "Sở Tài nguyên - Môi trường tỉnh Bình Định");
  // The closing dash of an apposition, and a lower-case verb after a capital, end the body.
  CHECK(office("Ông Lâm Văn Khải - giám đốc Học viện Cán bộ TP - nói thêm.") == "Học viện Cán bộ TP");
  CHECK(office("Ông Lâm Văn Khải - tổng giám đốc Công ty cổ phần thực phẩm Sao Mai - cảnh báo giá tôm sẽ giảm.") ==
        "Công ty cổ phần thực phẩm Sao Mai");
  CHECK(office("Ông Lâm Văn Khải - phó trưởng ban Ban Chỉ đạo về phòng chống tham nhũng - nêu rõ Ban Nội chính sẽ "
               "làm.") == "Ban Chỉ đạo về phòng chống tham nhũng");
  // A year's digit before the dash is no field.
  CHECK(office("Trung tướng Lâm Văn Khải - chính ủy Quân khu 7 - gửi gắm thông điệp.") == "Quân khu 7");
}

TEST_CASE("mentions: a dashed field that ends the sentence ends the body", "[mentions]") {
  const auto people = FindPeople(TheGazetteer(), MakeSentence("Ông Lâm Văn Khải, Giám đốc Sở Kế hoạch - đầu tư"), "");
  REQUIRE(people.size() == 1);
  REQUIRE(people[0].positions.size() == 1);
  CHECK(people[0].positions[0].second == "Sở Kế hoạch - đầu tư");
}

TEST_CASE("mentions: a province's name may end a person's name after a family name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const Sentence s = MakeSentence("Phó Thủ tướng Trương Hòa Bình chủ trì hội nghị.");
  const auto name = NameAt(g, s.tokens, s.marks, 3, false);
  REQUIRE(name);
  CHECK(name->second - name->first == 3);
  // Not when more capitals follow, nor without a family name first.
  const Sentence longer = MakeSentence("Ông Trần Hòa Bình Định cho biết.");
  CHECK_FALSE(NameAt(g, longer.tokens, longer.marks, 1, false));
  const Sentence place = MakeSentence("Tỉnh Hòa Bình đã làm.");
  CHECK_FALSE(NameAt(g, place.tokens, place.marks, 0, false));
}

TEST_CASE("mentions: a lower-case head word after a body's place is the clause's, inside a compound it is the body's",
          "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  auto offices = [&](const char* text) {
    std::vector<std::string> out;
    for (const auto& p : FindPeople(g, MakeSentence(text), ""))
      for (const auto& [title, org] : p.positions) out.push_back(p.name + ": " + title + " | " + org);
    return out;
  };
  CHECK(offices("Bí thư Thành ủy TP HCM Lâm Văn Khải báo cáo tại hội nghị.") ==
        std::vector<std::string>{"Lâm Văn Khải: Bí thư | Thành ủy TP HCM"});
  CHECK(offices("Ông Lâm Văn Khải, Phó Giám đốc Công an TP HCM báo cáo tại hội nghị.") ==
        std::vector<std::string>{"Lâm Văn Khải: Phó Giám đốc | Công an TP HCM"});
  CHECK(offices("Giám đốc Sở Ngoại vụ Đà Nẵng Lâm Văn Khải cho biết.") ==
        std::vector<std::string>{"Lâm Văn Khải: Giám đốc | Sở Ngoại vụ Đà Nẵng"});
}

TEST_CASE("mentions: two capitals after a firm's head are its name, even after a family name", "[mentions]") {
  const Gazetteer& g = TheGazetteer();
  const auto alone = FindPeople(g, MakeSentence("Phó Giám đốc Bệnh viện Bạch Mai cho biết."), "");
  CHECK(alone.empty());
  const auto named = FindPeople(g, MakeSentence("Giám đốc Bệnh viện Bạch Mai Lâm Văn Khải cho biết."), "");
  REQUIRE(named.size() == 1);
  CHECK(named[0].name == "Lâm Văn Khải");
}
