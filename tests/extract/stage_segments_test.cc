// Stage 1, segments (extract/src/segments.h), on lines written for these tests.
#include "../../extract/src/segments.h"

#include "stage_support.h"
#include "vnkg/model/text.h"

using namespace vnkg;
using namespace vnkg::stage;

TEST_CASE("segments: an image file name is a line of its own without spaces", "[segments]") {
  CHECK(IsImageFileName("cau-moi-khanh-thanh.JPG"));
  CHECK(IsImageFileName("z123_anh.webp"));
  CHECK_FALSE(IsImageFileName("Ảnh cầu mới.jpg"));
  CHECK_FALSE(IsImageFileName("bao-cao.pdf"));
}

TEST_CASE("segments: contact lines are furniture, sentences are not", "[segments]") {
  auto furniture = [](std::string_view line) { return IsFurniture(line, FoldKey(line)); };
  CHECK(furniture("Liên hệ: toasoan@vidu.vn"));
  CHECK(furniture("Điện thoại: 0238 3844 123"));
  CHECK(furniture("0912 345 678 - 0238 384"));
  CHECK_FALSE(furniture("Năm nay, huyện trồng mới 120 ha rừng keo."));
}

TEST_CASE("segments: a photo credit makes a caption and is cut", "[segments]") {
  std::string_view line = "Các đại biểu cắt băng khánh thành cây cầu mới. Ảnh: Thu Hà";
  CHECK(StripCaptionMarks(line));
  CHECK(line == "Các đại biểu cắt băng khánh thành cây cầu mới.");
  std::string_view bar = "Lãnh đạo huyện thăm vườn cam của nông dân |";
  CHECK(StripCaptionMarks(bar));
  CHECK(bar == "Lãnh đạo huyện thăm vườn cam của nông dân");
  std::string_view plain = "Ảnh hưởng của mưa lớn kéo dài khiến nhiều tuyến đường bị ngập.";
  CHECK_FALSE(StripCaptionMarks(plain));
}

TEST_CASE("segments: kinds, repeats, teasers and the comment box", "[segments]") {
  Document doc;
  doc.title = "Huyện khánh thành cầu mới";
  doc.text =
      "Sáng 3/4, huyện tổ chức lễ khánh thành cầu. Hàng trăm người dân đến dự.\n"
      "cau-moi.jpg\n"
      "Người dân đi qua cầu mới. Ảnh: Văn Nam\n"
      "Sáng 3/4, huyện tổ chức lễ khánh thành cầu. Hàng trăm người dân đến dự.\n"
      "Cập nhật: 04/04/2023 08:15\n"
      "Tin liên quan\n"
      "Xã đón nhận danh hiệu nông thôn mới\n"
      "Bình luận\n"
      "Bài viết rất hay.\n";
  DocumentView view;
  Segment(doc, view);
  REQUIRE(view.sentences.size() == 5);
  CHECK(view.sentences[0].text == "Huyện khánh thành cầu mới");
  CHECK(view.sentences[0].offset == 0);
  CHECK(view.sentences[1].text == "Sáng 3/4, huyện tổ chức lễ khánh thành cầu.");
  CHECK(view.sentences[1].kind == SegmentKind::kBody);
  CHECK(view.sentences[2].text == "Hàng trăm người dân đến dự.");
  CHECK(doc.text.substr(view.sentences[2].offset, view.sentences[2].text.size()) == view.sentences[2].text);
  CHECK(view.sentences[3].text == "Người dân đi qua cầu mới.");
  CHECK(view.sentences[3].kind == SegmentKind::kCaption);
  CHECK(view.sentences[4].text == "Xã đón nhận danh hiệu nông thôn mới");
  CHECK(view.sentences[4].kind == SegmentKind::kTeaser);
  CHECK(view.update_year == "2023");
}

TEST_CASE("segments: a photo credit glued to the next sentence ends its caption there", "[segments]") {
  const std::string_view line = "Ông A tại phiên khai mạc - Ảnh: TTXVNPhát biểu khai mạc, ông A nêu rõ.";
  const std::size_t cut = GluedCreditEnd(line);
  REQUIRE(cut != std::string_view::npos);
  CHECK(line.substr(cut).substr(0, 5) == "Phát");
  // A credit followed by a space, a name in capitals, or a single capital: nothing glued.
  CHECK(GluedCreditEnd("Ông A phát biểu - Ảnh: TTXVN") == std::string_view::npos);
  CHECK(GluedCreditEnd("Ông A phát biểu. Ảnh: NGUYỄN KHÁNH") == std::string_view::npos);
  CHECK(GluedCreditEnd("Ông A phát biểu. Ảnh: VGP/Quang Hiếu") == std::string_view::npos);
  CHECK(GluedCreditEnd("Ảnh minh họa") == std::string_view::npos);
  Document doc;
  doc.text = "Ông A tại phiên khai mạc - Ảnh: TTXVNPhát biểu khai mạc, ông A nêu rõ.";
  DocumentView view;
  Segment(doc, view);
  REQUIRE(view.sentences.size() == 2);
  CHECK(view.sentences[0].kind == SegmentKind::kCaption);
  CHECK(view.sentences[1].text == "Phát biểu khai mạc, ông A nêu rõ.");
  CHECK(view.sentences[1].offset == doc.text.find("Phát"));
}
