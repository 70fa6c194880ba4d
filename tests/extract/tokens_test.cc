// Tokenize (extract/src/tokens.h): its ASCII and Vietnamese-letter fast paths
// give the tokens, offsets and folds of the general path.
#include "../../extract/src/tokens.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "vnkg/model/text.h"

using namespace vnkg;

namespace {

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.text);
  return out;
}

}  // namespace

TEST_CASE("tokens: words, joiners and punctuation, with offsets from base") {
  const std::string line = "Ngày 6/1/2025, Bộ KT-XH (T.Ư) họp\u00a0tại H'Hen – Đắk Lắk.";
  const std::vector<Token> tokens = Tokenize(line, 100);
  CHECK(Texts(tokens) == std::vector<std::string>{"Ngày", "6/1/2025", ",", "Bộ", "KT-XH", "(", "T.Ư", ")", "họp", "tại",
                                                  "H'Hen", "–", "Đắk", "Lắk", "."});
  for (const Token& t : tokens) CHECK(line.substr(t.begin - 100, t.end - t.begin) == t.text);
  CHECK(tokens[1].digits);
  CHECK(tokens[3].capital);
  CHECK_FALSE(tokens[2].word);
}

TEST_CASE("tokens: folds agree with FoldKey on ASCII, Vietnamese and other letters") {
  const std::string line = "HỘI NGHỊ Hoà Hòa ĐẢNG Ủy UBND Thừa-Thiên Straße Ñuñez ĂN ưu ĐẮK·x Ǆ";
  for (const Token& t : Tokenize(line, 0)) {
    INFO(t.text);
    if (t.word) CHECK(t.fold == FoldKey(t.text));
  }
  // A digit and a letter are not joined by '-' across kinds; "ưu" stays one word.
  CHECK(Texts(Tokenize("2025-Hà ưu", 0)) == std::vector<std::string>{"2025", "-", "Hà", "ưu"});
}

TEST_CASE("tokens: invalid bytes end a word and stand alone") {
  const std::string line = std::string("ab\xC3") + "cd \xE1\xBB" + " xy";
  const std::vector<Token> tokens = Tokenize(line, 0);
  REQUIRE_FALSE(tokens.empty());
  CHECK(tokens[0].text == "ab");
  for (const Token& t : tokens) CHECK(line.substr(t.begin, t.end - t.begin) == t.text);
}

TEST_CASE("tokens: FoldCachedWords is FoldKey of the whole text") {
  for (const char* text : {
           "", " ", "   ", "Ý KIẾN BẠN ĐỌC", "  Tin  liên quan ", "Đọc thêm", "Hoà  bình – HOÀ THUẬN",
           "• Điện thoại: 0123 456 789", "Cập nhật: 10:30 06/01/2025", "a\u00a0b \u00a0 c", "\u00a0",
           "OΔΟΣ ΣΑΣ", "quý  Thuỷ THÚY thuý", "e\u0301 x \u0301y", "KT-XH  \t T.Ư", "a \u2003 b"}) {
    INFO(text);
    CHECK(FoldCachedWords(text) == FoldKey(text));
  }
}

TEST_CASE("tokens: FoldCached is FoldKey, for words that fit a cache slot and longer ones") {
  // Slots hold keys and folds of up to 29 bytes; longer ones are folded anew.
  const std::string long_word = "Nghiêng" + std::string(40, 'A') + "Ư";
  const std::string long_fold = "nghiêng" + std::string(40, 'a') + "ư";
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads what the first cached
    CHECK(FoldCached("Nghiệp") == FoldKey("Nghiệp"));
    CHECK(FoldCached("HOÀ") == FoldKey("HOÀ"));
    CHECK(FoldCached("") == "");
    CHECK(FoldCached(long_word) == FoldKey(long_word));
    CHECK(FoldCached(long_word) == long_fold);
    CHECK(FoldCached(std::string(29, 'X')) == std::string(29, 'x'));
    CHECK(FoldCached(std::string(30, 'X')) == std::string(30, 'x'));
  }
  // Many distinct words: the table fills, empties and still answers.
  for (int k = 0; k < 40000; ++k) {
    const std::string word = "Đ" + std::to_string(k);
    REQUIRE(FoldCached(word) == "đ" + std::to_string(k));
  }
}
