// Stage 2, sentences and tokens; see sentences.h.
#include "sentences.h"

#include <cstring>
#include <set>
#include <string>

namespace vnkg::stage {

using namespace std::string_view_literals;

// Sentence ends: ". ! ? …" followed by a capital, a quote or the end, except
// after the genre's abbreviations (TP., ThS., T.Ư is one token already).
std::vector<SentenceSpan> SplitSentences(std::string_view line, const std::vector<Token>& tokens) {
  static const std::set<std::string> kAbbreviations = {"tp", "th", "ts", "gs", "pgs", "ths", "bs", "ks", "ls",
                                                       "mr", "ms", "st", "tt", "q", "p", "h", "x", "tx", "đ/c"};
  std::vector<SentenceSpan> out;
  std::size_t start = 0, start_token = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i].text;
    if (t != "."sv && t != "!"sv && t != "?"sv && t != "…"sv) continue;
    if (t == "."sv && i > 0 && tokens[i - 1].word && kAbbreviations.count(tokens[i - 1].fold)) continue;
    // An initial inside a name: "Alexander C. Feldman" (one capital letter before the dot).
    if (t == "."sv && i > 0 && tokens[i - 1].word && tokens[i - 1].capital && tokens[i - 1].text.size() == 1 &&
        i + 1 < tokens.size() && tokens[i + 1].word && tokens[i + 1].capital)
      continue;
    const bool at_end = i + 1 == tokens.size();
    if (!at_end) {
      const Token& next = tokens[i + 1];
      const bool opens = next.capital || next.digits || next.text == "\""sv || next.text == "“"sv || next.text == "("sv;
      if (!opens || (next.text == "."sv || next.text == "/"sv)) continue;  // "./." ends an article
    }
    out.push_back({start, tokens[i].end, start_token, i + 1});
    start = at_end ? line.size() : tokens[i + 1].begin;
    start_token = i + 1;
  }
  if (start < line.size() && !Trim(line.substr(start)).empty()) out.push_back({start, line.size(), start_token, tokens.size()});
  return out;
}

std::vector<std::optional<Mark>> MarkTokens(const Gazetteer& g, const std::vector<Token>& tokens,
                                            std::vector<std::uint32_t>* ids_out) {
  std::vector<std::optional<Mark>> marks(tokens.size());
  std::vector<std::uint32_t> ids(tokens.size(), Gazetteer::kNoWord);  // each fold looked up once
  for (std::size_t i = 0; i < tokens.size(); ++i) ids[i] = g.WordId(tokens[i].fold);  // "TP. X": dots too
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].word || ids[i] == Gazetteer::kNoWord) continue;
    // The phrases starting here, longest last (walk the trie).
    // Left uninitialised (only [0, count) is read): zeroing 16 pairs for every
    // token with a word id cost more than the walk.
    std::size_t found_length[16];
    const std::vector<PhraseInfo>* found_infos[16];
    std::size_t count = 0;
    std::uint32_t node = 0;
    for (std::size_t n = 0; i + n < tokens.size() && ids[i + n] != Gazetteer::kNoWord; ++n) {
      node = g.Child(node, ids[i + n]);
      if (node == 0) break;
      if (g.node_phrases[node] && count < 16) {
        found_length[count] = n + 1;
        found_infos[count++] = g.node_phrases[node];
      }
    }
    for (std::size_t c = count; c > 0; --c) {
      const std::size_t n = found_length[c - 1];
      const std::vector<PhraseInfo>* infos = found_infos[c - 1];
      // Prefer the kinds that matter most when a phrase has several.
      const PhraseInfo* best = nullptr;
      for (PhraseKind kind : {PhraseKind::kTitle, PhraseKind::kRank, PhraseKind::kProvince, PhraseKind::kCountry,
                              PhraseKind::kBody, PhraseKind::kEventHead, PhraseKind::kHonorific, PhraseKind::kOrgHead})
        for (const auto& info : *infos)
          if (!best && info.kind == kind) best = &info;
      if (!best) continue;
      // A province or body written in lower case is an ordinary phrase ("hà nội" never is, "lễ" is fine).
      if ((best->kind == PhraseKind::kProvince || best->kind == PhraseKind::kCountry || best->kind == PhraseKind::kBody) &&
          !tokens[i].capital)
        continue;
      marks[i] = Mark{best->kind, n, best};
      break;
    }
  }
  if (ids_out) *ids_out = std::move(ids);
  return marks;
}

bool MatchesCue(const Gazetteer& g, const std::vector<Token>& tokens, std::size_t i, const char* role,
                std::size_t& length) {
  length = 0;
  const std::uint32_t first = g.WordId(tokens[i].fold);
  if (!g.IsCueFirst(first)) return false;
  auto it = g.cue_words.find(std::string_view(role));
  if (it == g.cue_words.end()) return false;
  auto starting_here = it->second.find(first);
  if (starting_here == it->second.end()) return false;
  for (const std::vector<std::string>& cue : starting_here->second) {
    if (cue.size() <= length || i + cue.size() > tokens.size()) continue;
    std::size_t n = 0;
    while (n < cue.size() && tokens[i + n].fold == cue[n]) ++n;
    if (n == cue.size()) length = n;
  }
  if (length == 0) return false;
  if (std::strcmp(role, "chaired") == 0 && tokens[i].fold == "điều"sv && i > 0 &&
      (tokens[i - 1].fold == "đốc"sv || tokens[i - 1].fold == "ban"sv || tokens[i - 1].fold == "quan"sv ||
       tokens[i - 1].fold == "đồng"sv || tokens[i - 1].fold == "viên"sv))
    return false;  // "giám đốc điều hành", "ban điều hành": an office, not chairing
  if (std::strcmp(role, "attended") == 0) {
    std::size_t not_length = 0;
    if (MatchesCue(g, tokens, i, "not_attend", not_length) && not_length > length) return false;
    // "tham dự" is found at "tham"; a bare "dự" inside it is not a second cue.
    // "vinh dự" (an honour), "can dự" (to interfere): not attending.
    if (i > 0 && (tokens[i - 1].fold == "vinh"sv || tokens[i - 1].fold == "can"sv)) return false;
  }
  return true;
}

void MarkSentences(const Gazetteer& g, DocumentView& view) {
  for (Sentence& s : view.sentences) s.marks = MarkTokens(g, s.tokens, &s.ids);
}

}  // namespace vnkg::stage
