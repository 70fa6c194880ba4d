#include "event_mention.h"

#include <algorithm>
#include <string_view>

namespace vnkg {

using namespace std::literals;

std::string EventMentionId(const std::string& doc_id, std::size_t n) { return doc_id + "#" + std::to_string(n); }

namespace {

// The words of an event's name from `from` on, after its head and a tab.
std::string AboutWords(std::string out, const std::vector<Token>& tokens, std::size_t from);

}  // namespace

std::string EventAbout(const std::vector<Token>& tokens, std::size_t from, std::size_t head_length, bool has_head) {
  std::string out;
  if (has_head) {
    // The head and the one word after it: "lễ" alone says little, "lễ đón" and "lễ khai" say what it is.
    const std::size_t end = std::min(tokens.size(), from + head_length + 1);
    for (std::size_t i = from; i < end && tokens[i].word && !tokens[i].digits; ++i)
      out += (i > from ? " " : "") + tokens[i].fold;
  } else {
    out = "hội nghị";
  }
  return AboutWords(std::move(out), tokens, from);
}

std::string MeetingAbout(const std::vector<Token>& tokens, std::size_t from, std::size_t verb, std::size_t verb_length) {
  std::string head;
  for (std::size_t i = verb; i < verb + verb_length && i < tokens.size(); ++i) head += (i > verb ? " " : "") + tokens[i].fold;
  return AboutWords(std::move(head), tokens, from);
}

namespace {

std::string AboutWords(std::string out, const std::vector<Token>& tokens, std::size_t from) {
  out += '\t';
  // The words of its name: from the head on, kWindow words and clause breaks.
  // Further on, a sentence speaks of other things (who came, what was said).
  constexpr std::size_t kWindow = 12;
  std::size_t taken = 0;
  bool separated = true;
  for (std::size_t i = from; i < tokens.size() && taken < kWindow; ++i) {
    const Token& t = tokens[i];
    if (!t.word || t.digits) {
      if (!separated) {
        out += " |";
        ++taken;
      }
      separated = true;
      continue;
    }
    out += (out.back() == '\t' ? "" : " ") + t.fold;
    ++taken;
    separated = false;
  }
  return out;
}

}  // namespace

bool IsVenueWord(const std::vector<Token>& tokens, std::size_t at) {
  if (at == 0) return false;
  const std::string& before = tokens[at - 1].fold;
  if (before == "cung"sv || before == "phòng"sv || before == "nhà"sv) return true;
  return before == "tâm"sv && at >= 2 && tokens[at - 2].fold == "trung"sv;
}

bool IsWeakEventHead(const std::vector<Token>& tokens, std::size_t at) {
  return tokens[at].fold == "chương"sv && at + 1 < tokens.size() && tokens[at + 1].fold == "trình"sv;
}

}  // namespace vnkg
