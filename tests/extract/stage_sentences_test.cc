// Stage 2, sentences and tokens (extract/src/sentences.h), on sentences written for these tests.
#include "../../extract/src/sentences.h"

#include "stage_support.h"

using namespace vnkg;
using namespace vnkg::stage;
using namespace vnkg::stage::testing;

namespace {

std::vector<std::string> Sentences(const std::string& line) {
  const std::vector<Token> tokens = Tokenize(line, 0);
  std::vector<std::string> out;
  for (const SentenceSpan& span : SplitSentences(line, tokens)) out.push_back(line.substr(span.begin, span.end - span.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences: a stop before a capital ends a sentence, not after an abbreviation", "[sentences]") {
  CHECK(Sentences("Đoàn công tác về TP. Vinh chiều qua. Sau đó, đoàn thăm cảng biển!") ==
        std::vector<std::string>{"Đoàn công tác về TP. Vinh chiều qua.", "Sau đó, đoàn thăm cảng biển!"});
  CHECK(Sentences("Tổng vốn là 1.200 tỷ đồng. 30% dành cho giáo dục") ==
        std::vector<std::string>{"Tổng vốn là 1.200 tỷ đồng.", "30% dành cho giáo dục"});
  CHECK(Sentences("Giá lúa tăng nhẹ. vụ này được mùa.") == std::vector<std::string>{"Giá lúa tăng nhẹ. vụ này được mùa."});
}

TEST_CASE("sentences: token ranges of each sentence follow the line's tokens", "[sentences]") {
  const std::string line = "Hội nghị bế mạc. Các đại biểu ra về.";
  const std::vector<Token> tokens = Tokenize(line, 0);
  const auto spans = SplitSentences(line, tokens);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].first_token == 0);
  CHECK(spans[0].end_token == spans[1].first_token);
  CHECK(spans[1].end_token == tokens.size());
}

TEST_CASE("sentences: the gazetteer marks the longest phrase, capitals for places", "[sentences]") {
  const Sentence s = MakeSentence("Giám đốc Sở Tài chính tỉnh Nghệ An đến thăm hội nghị");
  REQUIRE(s.marks[0]);
  CHECK(s.marks[0]->kind == PhraseKind::kTitle);
  CHECK(s.marks[0]->length == 3);  // "Giám đốc Sở", a title of its own, not "Giám đốc"
  CHECK(s.ids.size() == s.tokens.size());
  bool province = false;
  for (std::size_t i = 0; i < s.tokens.size(); ++i)
    if (s.marks[i] && s.marks[i]->kind == PhraseKind::kProvince) province = s.marks[i]->info->canonical == "Nghệ An";
  CHECK(province);
  const Sentence lower = MakeSentence("người dân nghệ an");
  for (const auto& m : lower.marks) CHECK_FALSE((m && m->kind == PhraseKind::kProvince));
}

TEST_CASE("sentences: role cues, with their exceptions", "[sentences]") {
  const Gazetteer& g = TheGazetteer();
  std::size_t length = 0;
  const Sentence chair = MakeSentence("Ông Bùi Văn Khang chủ trì buổi làm việc");
  CHECK(MatchesCue(g, chair.tokens, 4, "chaired", length));
  CHECK(length == 2);
  const Sentence office = MakeSentence("bà Lý Thu Cúc, giám đốc điều hành công ty");
  CHECK_FALSE(MatchesCue(g, office.tokens, 7, "chaired", length));
  const Sentence honour = MakeSentence("Tôi rất vinh dự được gặp các bạn");
  CHECK_FALSE(MatchesCue(g, honour.tokens, 3, "attended", length));
  const Sentence attend = MakeSentence("Nhiều hộ dân tới dự lễ");
  CHECK(MatchesCue(g, attend.tokens, 3, "attended", length));
  CHECK(length == 2);
}

TEST_CASE("sentences: an initial inside a name does not end the sentence", "[sentences]") {
  const std::string line = "Ông John K. Miller cho biết. Hội nghị kết thúc.";
  const auto spans = SplitSentences(line, Tokenize(line, 0));
  CHECK(spans.size() == 2);
}
