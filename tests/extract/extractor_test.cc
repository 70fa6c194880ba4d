// The extractor on sentences written for these tests (invented people and
// events in the genre's forms), one hard case each.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <set>

#include "vnkg/extract/extractor.h"
#include "vnkg/model/text.h"

using namespace vnkg;

namespace {

const Extractor& TheExtractor() {
  static const Extractor extractor = [] {
    auto gazetteer = LoadGazetteer(VNKG_SOURCE_DIR "/extract/data");
    REQUIRE(gazetteer.ok());
    return Extractor(gazetteer.value());
  }();
  return extractor;
}

std::vector<Fact> Extract(const std::string& text, const std::string& date = "") {
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = date;
  return TheExtractor().Extract(doc).facts;
}

std::string Describe(const Entity& e) {
  switch (e.type) {
    case EntityType::kPosition: return e.title + " | " + e.organization;
    case EntityType::kBridgePoint: return "BP " + e.province + " " + e.date;
    case EntityType::kEvent: return "Event " + e.date;
    default: return e.name;
  }
}

// "subject predicate object" strings, for readable assertions.
std::set<std::string> Triples(const std::vector<Fact>& facts) {
  std::set<std::string> out;
  for (const Fact& f : facts) out.insert(Describe(f.subject) + " " + f.predicate + " " + Describe(f.object));
  return out;
}

bool Has(const std::vector<Fact>& facts, const std::string& triple) {
  const auto all = Triples(facts);
  if (all.count(triple)) return true;
  UNSCOPED_INFO("missing: " << triple);
  for (const auto& t : all) UNSCOPED_INFO("  have: " << t);
  return false;
}

}  // namespace

TEST_CASE("a list of officials shares one verb, each with an office", "[extractor]") {
  auto facts = Extract(
      "Sáng 12/3/2024, Bộ Tư pháp tổ chức hội nghị trực tuyến tổng kết công tác năm 2023.\n"
      "Tại điểm cầu Sơn La, Phó Chủ tịch UBND tỉnh Lò Văn Khánh, Giám đốc Sở Tư pháp Cầm Thị Hoa chủ trì hội nghị.");
  CHECK(Has(facts, "Bộ Tư pháp organized Event 2024-03-12"));
  CHECK(Has(facts, "Event 2024-03-12 has_bridge_point BP Sơn La 2024-03-12"));
  CHECK(Has(facts, "Lò Văn Khánh chaired BP Sơn La 2024-03-12"));
  CHECK(Has(facts, "Cầm Thị Hoa chaired BP Sơn La 2024-03-12"));
  // Bodies written without their province take the bridge point's.
  CHECK(Has(facts, "Lò Văn Khánh holds_position Phó Chủ tịch | UBND tỉnh Sơn La"));
  CHECK(Has(facts, "Cầm Thị Hoa holds_position Giám đốc | Sở Tư pháp Sơn La"));
}

TEST_CASE("stacked titles before a name give one office each", "[extractor]") {
  auto facts = Extract("Phó Thủ tướng, Bộ trưởng Bộ Tài chính Đinh Văn Tuấn phát biểu tại hội nghị.");
  CHECK(Has(facts, "Đinh Văn Tuấn holds_position Phó Thủ tướng | "));
  CHECK(Has(facts, "Đinh Văn Tuấn holds_position Bộ trưởng | Bộ Tài chính"));
}

TEST_CASE("titles after a name and a dash, then after a comma", "[extractor]") {
  auto facts = Extract(
      "Ngày 4/5/2023, tại Hà Nội, Bộ Công Thương tổ chức hội nghị xúc tiến thương mại. Cùng dự có ông Tạ Minh Quân - "
      "Ủy viên Trung ương Đảng, Trưởng Ban Kinh tế Trung ương.");
  CHECK(Has(facts, "Tạ Minh Quân holds_position Ủy viên | Trung ương Đảng"));
  CHECK(Has(facts, "Tạ Minh Quân holds_position Trưởng | Ban Kinh tế Trung ương"));
  CHECK(Has(facts, "Tạ Minh Quân attended Event 2023-05-04"));
  CHECK(Has(facts, "Event 2023-05-04 located_in Hà Nội"));
}

TEST_CASE("an apposition names the office of the person before it", "[extractor]") {
  auto facts = Extract(
      "LẠNG SƠN - Sáng 9/2/2024, UBND tỉnh tổ chức hội nghị trực tuyến về chuyển đổi số.\n"
      "Đồng chí Hoàng Văn Nghiệm, Phó Chủ tịch Thường trực UBND tỉnh chủ trì tại điểm cầu Lạng Sơn.");
  CHECK(Has(facts, "Hoàng Văn Nghiệm holds_position Phó Chủ tịch Thường trực | UBND tỉnh Lạng Sơn"));
  CHECK(Has(facts, "Hoàng Văn Nghiệm chaired BP Lạng Sơn 2024-02-09"));
}

TEST_CASE("ethnic-minority and short names are names", "[extractor]") {
  auto facts = Extract(
      "Bộ trưởng đã trao Bằng khen cho Phó Chủ tịch UBND tỉnh Gia Lai Ksor Hoan; Phó Chủ tịch UBND tỉnh Kon Tum Y Ngọc.");
  CHECK(Has(facts, "Ksor Hoan holds_position Phó Chủ tịch | UBND tỉnh Gia Lai"));
  CHECK(Has(facts, "Y Ngọc holds_position Phó Chủ tịch | UBND tỉnh Kon Tum"));
  CHECK(Has(facts, "Ksor Hoan received_award Bằng khen"));
  CHECK(Has(facts, "Y Ngọc received_award Bằng khen"));
}

TEST_CASE("a given name that is also a country is still a name", "[extractor]") {
  auto facts = Extract("Bộ trưởng Bộ Y tế Lương Đức Toàn và Phó Chủ tịch UBND tỉnh Hà Nam Kiều Anh Thư phát biểu.");
  CHECK(Has(facts, "Lương Đức Toàn holds_position Bộ trưởng | Bộ Y tế"));
  CHECK(Has(facts, "Kiều Anh Thư holds_position Phó Chủ tịch | UBND tỉnh Hà Nam"));
}

TEST_CASE("both tone placements are one office", "[extractor]") {
  auto a = Extract("Bí thư Tỉnh uỷ Quảng Trị Lê Quang Tùng phát biểu.");
  auto b = Extract("Bí thư Tỉnh ủy Quảng Trị Lê Quang Tùng phát biểu.");
  REQUIRE(!a.empty());
  REQUIRE(!b.empty());
  CHECK(EntityKey(a[0].object) == EntityKey(b[0].object));
}

TEST_CASE("the year of an event comes from the review it holds or the document date", "[extractor]") {
  auto review = Extract("Sáng 8/1, Bộ Y tế tổ chức hội nghị tổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024.");
  CHECK(Has(review, "Bộ Y tế organized Event 2024-01-08"));
  auto dated = Extract("Chiều 28/12, Bộ Y tế tổ chức hội nghị trực tuyến với các địa phương.", "2024-01-02");
  CHECK(Has(dated, "Bộ Y tế organized Event 2023-12-28"));
  // No year anywhere: no event rather than a guess.
  auto undated = Extract("Chiều 28/12, Bộ Y tế tổ chức hội nghị trực tuyến với các địa phương.");
  CHECK(undated.empty());
}

TEST_CASE("a ministerial title without a name is no person, and a forecast is not attendance", "[extractor]") {
  auto facts = Extract(
      "Ngày 3/3/2024, Bộ Xây dựng tổ chức hội nghị. Bộ trưởng Bộ Xây dựng nhận định dự báo năm nay khó khăn.");
  for (const Fact& f : facts) CHECK(f.subject.type != EntityType::kPerson);
}

TEST_CASE("captions and teasers are kept apart", "[extractor]") {
  auto facts = Extract(
      "Sáng 5/6/2024, Bộ Nội vụ tổ chức hội nghị sơ kết.\n"
      "anh1.jpg\n"
      "Thứ trưởng Bộ Nội vụ Vũ Đăng Minh phát biểu tại hội nghị. Ảnh: TTXVN\n"
      "Đọc thêm\n"
      "Sáng 7/6/2024, Sở Nội vụ tổ chức họp giao ban. Giám đốc Sở Nội vụ Phan Thị Lành chủ trì cuộc họp.\n"
      "Ý kiến bạn đọc (0)\n"
      "Chủ tịch Hội đồng Nguyễn Văn Bình phát biểu tại hội nghị.");
  bool caption = false, teaser = false;
  for (const Fact& f : facts) {
    if (f.subject.name == "Vũ Đăng Minh" && f.predicate == "spoke_at") {
      caption = true;
      CHECK(f.evidence == "Thứ trưởng Bộ Nội vụ Vũ Đăng Minh phát biểu tại hội nghị.");
      CHECK(f.confidence < 0.9f);
    }
    if (f.subject.name == "Phan Thị Lành" && f.predicate == "chaired") {
      teaser = true;
      CHECK(f.object.date == "2024-06-07");
      CHECK(f.confidence < 0.5f);
    }
    CHECK(f.subject.name != "Nguyễn Văn Bình");  // after the comment box
  }
  CHECK(caption);
  CHECK(teaser);
}

TEST_CASE("foreign partners and their countries", "[extractor]") {
  auto facts = Extract(
      "QUẢNG NINH - Tỉnh đã ký thỏa thuận hợp tác với tỉnh Luang Namtha (Lào) và Bản ghi nhớ với TP Sùng Tả, Quảng Tây "
      "(Trung Quốc).\nQuảng Ninh có đường biên giới chung với hai huyện Đông Hưng và Phòng Thành, nước Trung Quốc.");
  CHECK(Has(facts, "Quảng Ninh cooperates_with Luang Namtha"));
  CHECK(Has(facts, "Luang Namtha part_of Lào"));
  CHECK(Has(facts, "Quảng Ninh cooperates_with Sùng Tả"));
  CHECK(Has(facts, "Sùng Tả part_of Quảng Tây"));
  CHECK(Has(facts, "Quảng Ninh borders Đông Hưng"));
  CHECK(Has(facts, "Phòng Thành part_of Trung Quốc"));
}

TEST_CASE("every fact keeps its document, sentence and offset", "[extractor]") {
  const std::string text = "Mở đầu.\nSáng 2/4/2024, Bộ Ngoại giao tổ chức hội nghị.";
  auto facts = Extract(text);
  REQUIRE(!facts.empty());
  for (const Fact& f : facts) {
    CHECK(f.doc == "t");
    CHECK(text.substr(f.sentence_offset, f.evidence.size()) == f.evidence);
  }
}

TEST_CASE("every title after a name and its commas belongs to that name", "[extractor]") {
  auto facts = Extract(
      "Ông Đặng Quốc Khánh, Ủy viên Ban Chấp hành Trung ương Đảng, Bộ trưởng Bộ Tài chính, Trưởng Ban chỉ đạo "
      "Tây Nam Bộ cho biết như vậy.");
  CHECK(Has(facts, "Đặng Quốc Khánh holds_position Ủy viên Trung ương Đảng | "));  // its canonical title
  CHECK(Has(facts, "Đặng Quốc Khánh holds_position Bộ trưởng | Bộ Tài chính"));
  CHECK(Has(facts, "Đặng Quốc Khánh holds_position Trưởng | Ban chỉ đạo Tây Nam Bộ"));
  // Nor does a later clause's office ("công bố kết luận của Chủ tịch ...") go to the first person.
  auto other = Extract(
      "Tại buổi làm việc, ông Vũ Minh Tâm, phó giám đốc Sở Y tế Nam Định, công bố kết luận của chủ tịch UBND tỉnh "
      "Nam Định về vụ việc.");
  CHECK(Has(other, "Vũ Minh Tâm holds_position phó giám đốc | Sở Y tế Nam Định"));
  for (const std::string& t : Triples(other)) CHECK(t.find("Vũ Minh Tâm holds_position chủ tịch") == std::string::npos);
}

TEST_CASE("a place after xã, huyện or a party committee is part of the body, not a person", "[extractor]") {
  auto facts = Extract(
      "Bà Đỗ Thị Lan, phó chủ tịch UBND xã Tân Phước phản ánh sự việc. Ông Lý Văn Bảy - trưởng Ban tuyên giáo "
      "Huyện ủy Cái Bè cho biết quy trình đã sai.");
  CHECK(Has(facts, "Đỗ Thị Lan holds_position phó chủ tịch | UBND xã Tân Phước"));
  CHECK(Has(facts, "Lý Văn Bảy holds_position trưởng | Ban tuyên giáo Huyện ủy Cái Bè"));
  for (const std::string& t : Triples(facts)) CHECK(t.rfind("Tân Phước ", 0) == std::string::npos);
}

TEST_CASE("former and acting offices, and words that only look like them", "[extractor]") {
  auto facts = Extract(
      "Cựu Thủ tướng Úc Kevin Rudd phát biểu tại diễn đàn. Trong khi đó chính quyền Tổng thống Joe Biden vẫn im lặng. "
      "Theo Phó Thủ tướng Lý Quang Hà, năm nay kinh tế tăng trưởng. Chiều 4/4/2024, tại Phủ Chủ tịch, Chủ tịch nước "
      "Trương Minh Đức tiếp đoàn.");
  CHECK(Has(facts, "Kevin Rudd holds_position Cựu Thủ tướng | Úc"));
  CHECK(Has(facts, "Joe Biden holds_position Tổng thống | "));
  CHECK(Has(facts, "Lý Quang Hà holds_position Phó Thủ tướng | "));
  CHECK(Has(facts, "Trương Minh Đức holds_position Chủ tịch nước | "));
  const auto all = Triples(facts);
  CHECK_FALSE(all.count("Joe Biden holds_position quyền Tổng thống | "));
  CHECK_FALSE(all.count("Lý Quang Hà holds_position Thủ tướng | "));
  CHECK_FALSE(all.count("Trương Minh Đức holds_position Chủ tịch | "));
}

TEST_CASE("'thường trực' after a title stays in the title", "[extractor]") {
  auto facts = Extract("Ông Y Khoa Niê, Phó Trưởng ban thường trực Ban chỉ đạo Tây Bắc cho biết như vậy.");
  CHECK(Has(facts, "Y Khoa Niê holds_position Phó Trưởng ban thường trực | Ban chỉ đạo Tây Bắc"));
}

TEST_CASE("an anniversary's year is the old year plus its count", "[extractor]") {
  auto facts = Extract(
      "Sáng 19/8, tại Hà Nội, Bộ Văn hóa, Thể thao và Du lịch tổ chức lễ kỷ niệm 70 năm Cách mạng tháng Tám 1945. "
      "Tham dự lễ kỷ niệm có Chủ tịch nước Trương Minh Đức.");
  CHECK(Has(facts, "Bộ Văn hóa, Thể thao và Du lịch organized Event 2015-08-19"));
  CHECK(Has(facts, "Trương Minh Đức attended Event 2015-08-19"));
  CHECK(Has(facts, "Event 2015-08-19 located_in Hà Nội"));
}

TEST_CASE("a later sentence that names an earlier event by its word speaks of that event", "[extractor]") {
  auto facts = Extract(
      "Sáng 2/3/2024, tại Hà Nội, Ban Chỉ đạo Tây Bắc và UBND tỉnh Sơn La tổ chức họp báo giới thiệu lễ hội hoa ban. "
      "Lễ hội diễn ra từ ngày 10/3 đến 15/3/2024 tại Sơn La. "
      "Phát biểu tại buổi họp báo, Phó Thủ tướng Lý Quang Hà cho biết lễ hội năm nay lớn hơn.");
  CHECK(Has(facts, "Ban Chỉ đạo Tây Bắc organized Event 2024-03-02"));
  CHECK(Has(facts, "UBND tỉnh Sơn La organized Event 2024-03-02"));
  CHECK(Has(facts, "Lý Quang Hà spoke_at Event 2024-03-02"));
  CHECK_FALSE(Triples(facts).count("Lý Quang Hà spoke_at Event 2024-03-10"));
}

TEST_CASE("a company is no foreign partner", "[extractor]") {
  auto facts = Extract(
      "Năm 2023, tỉnh Nghệ An đã ký thỏa thuận hợp tác với Tập đoàn Sumitomo và với tỉnh Gifu (Nhật Bản).");
  CHECK(Has(facts, "Nghệ An cooperates_with Gifu"));
  CHECK(Has(facts, "Gifu part_of Nhật Bản"));
  for (const std::string& t : Triples(facts)) CHECK(t.find("cooperates_with Tập") == std::string::npos);
}

TEST_CASE("invalid UTF-8 is read with U+FFFD and reported with its document and offset", "[extractor]") {
  Document doc;
  doc.id = "bad-bytes";
  doc.text = "Sáng 12/3/2024, Bộ Tư pháp tổ chức hội nghị tổng kết công tác năm 2023.\n"
             "Phó Chủ tịch UBND tỉnh Sơn La Lò Văn Khánh \xC3\x28 dự hội nghị.";
  const std::size_t bad = doc.text.find("\xC3\x28");
  const Extraction out = TheExtractor().Extract(doc);
  REQUIRE(out.warnings.size() == 1);
  CHECK(out.warnings[0].message.find("bad-bytes") != std::string::npos);
  CHECK(out.warnings[0].message.find("byte " + std::to_string(bad)) != std::string::npos);
  CHECK(Has(out.facts, "Bộ Tư pháp organized Event 2024-03-12"));
  CHECK(Has(out.facts, "Lò Văn Khánh holds_position Phó Chủ tịch | UBND tỉnh Sơn La"));
  for (const Fact& f : out.facts) CHECK(f.evidence.find("\xC3\x28") == std::string::npos);
  // Valid text gives no warning.
  doc.text = "Sáng 12/3/2024, Bộ Tư pháp tổ chức hội nghị.";
  CHECK(TheExtractor().Extract(doc).warnings.empty());
}

TEST_CASE("ExtractValid reads a valid document as Extract does, without a check of its own", "[extractor]") {
  Document doc;
  doc.id = "valid";
  doc.text = "Sáng 12/3/2024, Bộ Tư pháp tổ chức hội nghị tổng kết công tác năm 2023.\n"
             "Phó Chủ tịch UBND tỉnh Sơn La Lò Văn Khánh dự hội nghị.";
  const Extraction checked = TheExtractor().Extract(doc);
  const Extraction trusted = TheExtractor().ExtractValid(doc);
  CHECK(Has(trusted.facts, "Lò Văn Khánh holds_position Phó Chủ tịch | UBND tỉnh Sơn La"));
  CHECK(Triples(trusted.facts) == Triples(checked.facts));
  REQUIRE(trusted.facts.size() == checked.facts.size());
  for (std::size_t k = 0; k < trusted.facts.size(); ++k) {
    CHECK(trusted.facts[k].evidence == checked.facts[k].evidence);
    CHECK(trusted.facts[k].sentence_offset == checked.facts[k].sentence_offset);
  }
  CHECK(trusted.warnings.empty());
}

TEST_CASE("an aside about an earlier dated meeting is its own event and leaves the article's in force", "[extractor]") {
  auto facts = Extract(
      "Sáng 14/3/2024, UBND tỉnh Thái Bình tổ chức hội nghị giao ban các sở, ngành.\n"
      "Trước đó, ngày 9/1/2024, phát biểu tại Hội nghị triển khai công tác năm 2024 của Sở Tài chính, Chủ tịch UBND "
      "tỉnh Đoàn Văn Lực đã yêu cầu rà soát chi tiêu.\n"
      "Phát biểu tại hội nghị giao ban, Phó Chủ tịch UBND tỉnh Mai Thị Hòa nhấn mạnh việc giải ngân.\n"
      "Ông Trịnh Văn Tú bày tỏ vinh dự được tham gia.");
  CHECK(Has(facts, "Đoàn Văn Lực spoke_at Event 2024-01-09"));
  CHECK(Has(facts, "Mai Thị Hòa spoke_at Event 2024-03-14"));
  const auto all = Triples(facts);
  CHECK_FALSE(all.count("Đoàn Văn Lực spoke_at Event 2024-03-14"));
  CHECK_FALSE(all.count("Mai Thị Hòa spoke_at Event 2024-01-09"));
  CHECK_FALSE(all.count("Trịnh Văn Tú attended Event 2024-03-14"));  // "vinh dự" is an honour, not attending
}

TEST_CASE("a date in brackets after 'hôm nay' dates the event", "[extractor]") {
  auto facts = Extract("Hôm nay (12/5/2024), Thủ tướng Lê Minh Khang dự và phát biểu tại Hội nghị Diễn đàn Mê Kông.");
  CHECK(Has(facts, "Lê Minh Khang attended Event 2024-05-12"));
  CHECK(Has(facts, "Lê Minh Khang spoke_at Event 2024-05-12"));
}

TEST_CASE("a firm's or city's own name after its head is part of the body, not a person", "[extractor]") {
  auto facts = Extract(
      "Ông Lưu Văn Tâm, Giám đốc Công ty Sao Khuê cho biết như vậy. Phó Chủ tịch UBND TP Vĩnh Yên Đặng Đức Hòa "
      "khẳng định tiến độ. Bà Kiều Thị Mai, Phó Giám đốc Bệnh viện Đa khoa TP Buôn Ma Thuột nói thêm.");
  CHECK(Has(facts, "Lưu Văn Tâm holds_position Giám đốc | Công ty Sao Khuê"));
  CHECK(Has(facts, "Đặng Đức Hòa holds_position Phó Chủ tịch | UBND TP Vĩnh Yên"));
  CHECK(Has(facts, "Kiều Thị Mai holds_position Phó Giám đốc | Bệnh viện Đa khoa TP Buôn Ma Thuột"));
  for (const std::string& t : Triples(facts)) {
    CHECK(t.rfind("Sao Khuê ", 0) == std::string::npos);
    CHECK(t.rfind("Vĩnh Yên ", 0) == std::string::npos);
  }
}

TEST_CASE("partners named without a kind or a country are no places", "[extractor]") {
  auto facts = Extract(
      "Năm 2023, TP Hải Phòng ký thỏa thuận hợp tác với Hanwha Aerospace và với thành phố Incheon (Hàn Quốc).");
  CHECK(Has(facts, "Hải Phòng cooperates_with Incheon"));
  for (const std::string& t : Triples(facts)) CHECK(t.find("Hanwha") == std::string::npos);
}

TEST_CASE("a one-word foreign name ends a title, and a principal's title is not the speaker's", "[extractor]") {
  auto facts = Extract(
      "Các lãnh đạo như tổng thống Mỹ Biden, thủ tướng Đức Olaf Scholz vẫn đứng ngoài. Thừa ủy quyền của Thủ tướng "
      "Chính phủ, Bộ trưởng Công Thương Lê Quốc Hưng đã trả lời. Ông Võ Văn Hàm – Bí thư Huyện ủy, Chủ tịch UBND "
      "huyện Đức Thọ cho biết như vậy.");
  CHECK(Has(facts, "Olaf Scholz holds_position thủ tướng | Đức"));
  CHECK(Has(facts, "Võ Văn Hàm holds_position Chủ tịch | UBND huyện Đức Thọ"));
  const auto all = Triples(facts);
  CHECK_FALSE(all.count("Olaf Scholz holds_position tổng thống | Mỹ Biden"));
  CHECK_FALSE(all.count("Lê Quốc Hưng holds_position Thủ tướng | Chính phủ"));
  // A ministry by its short name after a minister's title is the ministry (one office node).
  CHECK(Has(facts, "Lê Quốc Hưng holds_position Bộ trưởng | Bộ Công Thương"));
}

TEST_CASE("a text over the part size is read in parts, offsets into the whole text", "[extractor]") {
  std::ifstream in(VNKG_SOURCE_DIR "/examples/articles/001_31a8f32666ae666d.txt");
  const std::string article((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(article.size() > 1000);
  Document doc;
  doc.id = "long";
  while (doc.text.size() <= kExtractPartBytes + kExtractPartBytes / 2) doc.text += article + "\n\n";
  const Extraction whole = TheExtractor().Extract(doc);
  Document one;
  one.id = "long";
  one.text = article;
  const std::size_t per_article = TheExtractor().Extract(one).facts.size();
  REQUIRE(per_article > 0);
  // Two parts, each finding what one copy says (repeats within a part are one fact).
  CHECK(whole.facts.size() == 2 * per_article);
  REQUIRE_FALSE(whole.warnings.empty());
  CHECK(whole.warnings.back().message.find("read in 2 parts of at most 4 MiB") != std::string::npos);
  std::size_t in_second_part = 0;
  for (const Fact& fact : whole.facts) {
    // Each offset points into the whole text at a copy of the article.
    REQUIRE(fact.sentence_offset < doc.text.size());
    const std::size_t in_article = fact.sentence_offset % (article.size() + 2);
    CHECK(doc.text.compare(fact.sentence_offset, 40, article, in_article, 40) == 0);
    if (fact.sentence_offset >= kExtractPartBytes / 2) ++in_second_part;
  }
  CHECK(in_second_part == per_article);
}

TEST_CASE("a former or deputy bare title is its holder's alone, as the bare title is", "[extractor]") {
  auto facts = Extract("Tới dự có cựu Chủ tịch Trần Văn Khải và nguyên Giám đốc Lê Thị Hoa.");
  int bare = 0;
  for (const Fact& f : facts)
    if (f.predicate == "holds_position" && f.object.organization.empty()) {
      CHECK(f.object.mention == FoldKey(f.subject.name));
      ++bare;
    }
  CHECK(bare == 2);
}
