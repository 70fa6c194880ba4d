// The rule-based extractor. The journey of one document:
//   lines -> segments (body, caption, teaser, furniture) -> sentences ->
//   tokens with gazetteer marks -> mentions (dates, events, bridge points,
//   people with their offices, organizations, places) -> facts.
// Every rule is about the language and the genre; names, titles, bodies and
// cue words come from extract/data.
#include "vnkg/extract/extractor.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "gazetteer.h"
#include "vnkg/extract/document_reader.h"
#include "event_mention.h"
#include "offices.h"
#include "tokens.h"
#include "vnkg/extract/text.h"

namespace vnkg {
namespace {

using namespace std::string_view_literals;

// ------------------------------------------------------------------ segments

enum class SegmentKind { kBody, kCaption, kTeaser };

struct Mark {
  PhraseKind kind;
  std::size_t length;  // tokens
  const PhraseInfo* info;
};

struct Sentence {
  std::string text;           // as written (trimmed, caption credit removed)
  std::size_t offset = 0;     // byte offset in the document text
  SegmentKind kind = SegmentKind::kBody;
  int line = 0;
  std::size_t line_begin = 0; // where `text` starts in its line (token offsets are line offsets)
  std::vector<Token> tokens;  // tokenized and marked once, read by every pass
  std::vector<std::optional<Mark>> marks;
  std::vector<std::uint32_t> ids;  // each token's gazetteer word id (Gazetteer::kNoWord if none)
};

float ConfidenceOf(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kBody: return 0.9f;
    case SegmentKind::kCaption: return 0.7f;
    case SegmentKind::kTeaser: return 0.3f;
  }
  return 0.5f;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (bool trimmed = true; trimmed;) {  // ASCII white space and no-break spaces, mixed
    trimmed = false;
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1), trimmed = true;
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1), trimmed = true;
    while (StartsWith(s, "\xC2\xA0")) s.remove_prefix(2), trimmed = true;
    while (EndsWith(s, "\xC2\xA0")) s.remove_suffix(2), trimmed = true;
  }
  return s;
}

bool IsImageFileName(std::string_view line) {
  if (line.find(' ') != std::string_view::npos) return false;
  std::string lower(line);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp"})
    if (EndsWith(lower, ext)) return true;
  return false;
}

// Contact headers and page furniture: e-mail, telephone, "ĐIỆN THOẠI:".
// `folded` is FoldKey(line) for a short line, else empty.
bool IsFurniture(std::string_view line, const std::string& folded) {
  if (line.size() >= 200) return false;
  if (line.find('@') != std::string_view::npos) return true;
  for (const char* head : {"• email", "email:", "• điện thoại", "điện thoại:", "fax:", "• đơn vị trực thuộc", "hotline"})
    if (folded.find(head) != std::string::npos && folded.size() < 200) return true;
  int digits = 0;
  for (char c : line) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  return line.size() < 60 && digits >= 8 && digits * 2 > static_cast<int>(line.size());
}

// Cuts a trailing photo credit ("Ảnh: TTXVN", "ẢnhTTXVN", " |"); true if the line is a caption.
bool StripCaptionMarks(std::string_view& line) {
  bool caption = false;
  if (EndsWith(line, "|")) {
    line.remove_suffix(1);
    line = Trim(line);
    caption = true;
  }
  for (const char* credit : {"Ảnh:", "Ảnh :", "(Ảnh", "ẢnhTTXVN", "Ảnh TTXVN", "Ảnh minh họa", "Ảnh minh hoạ"}) {
    // A credit closes the line: look only at its tail.
    const std::size_t tail = line.size() > 60 ? line.size() - 60 : 0;
    const std::size_t found = line.substr(tail).rfind(credit);
    const std::size_t at = found == std::string_view::npos ? found : tail + found;
    if (at != std::string_view::npos && at > 0) {
      line = Trim(line.substr(0, at));
      caption = true;
    }
  }
  return caption;
}

// Sentence ends: ". ! ? …" followed by a capital, a quote or the end, except
// after the genre's abbreviations (TP., ThS., T.Ư is one token already).
struct SentenceSpan {
  std::size_t begin, end;              // bytes in the line
  std::size_t first_token, end_token;  // tokens of the line
};

std::vector<SentenceSpan> SplitSentences(std::string_view line, const std::vector<Token>& tokens) {
  static const std::set<std::string> kAbbreviations = {"tp", "th", "ts", "gs", "pgs", "ths", "bs", "ks", "ls",
                                                       "mr", "ms", "st", "tt", "q", "p", "h", "x", "tx", "đ/c"};
  std::vector<SentenceSpan> out;
  std::size_t start = 0, start_token = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i].text;
    if (t != "."sv && t != "!"sv && t != "?"sv && t != "…"sv) continue;
    if (t == "."sv && i > 0 && tokens[i - 1].word && kAbbreviations.count(tokens[i - 1].fold)) continue;
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

struct DocumentView {
  std::vector<Sentence> sentences;
  std::string update_year;       // "Cập nhật: 07/01/2025"
  std::string dateline_province; // "BẮC GIANG - ..."
  int dominant_year = 0;         // the year the article speaks of most
  int teaser_year = 0;           // the same, in its teasers of other articles
};

// ------------------------------------------------------------------ dates

struct DayMonth {
  int day = 0, month = 0, year = 0;  // year 0: not written
};

bool ParseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  out = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// The text of tokens [a, b) of a sentence as written (spacing and quotes kept).
std::string SpanText(const Sentence& s, std::size_t a, std::size_t b) {
  if (a >= b || b > s.tokens.size()) return "";
  return s.text.substr(s.tokens[a].begin - s.line_begin, s.tokens[b - 1].end - s.tokens[a].begin);
}

// "hội nghị ..." -> "Hội nghị ...", for any first letter.
std::string CapitalizeFirst(const std::string& text) {
  if (text.empty()) return text;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  if (c < 0 || !u_islower(c)) return text;
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, u_toupper(c), error);
  if (error) return text;
  return std::string(buffer, static_cast<std::size_t>(length)) + text.substr(static_cast<std::size_t>(i));
}

// True for a word of two or more letters with no lower-case letter.
bool IsAllCaps(std::string_view word) {
  int letters = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    if (u_isalpha(c)) ++letters;
  }
  return letters >= 2;
}

bool ValidDay(int d, int m) { return d >= 1 && d <= 31 && m >= 1 && m <= 12; }

// "6/1", "6/1/2025", "06-4", "10.1" as one token.
std::optional<DayMonth> ParseDateToken(std::string_view t) {
  for (char sep : {'/', '-'}) {
    const std::size_t a = t.find(sep);
    if (a == std::string_view::npos) continue;
    const std::size_t b = t.find(sep, a + 1);
    DayMonth dm;
    if (!ParseInt(t.substr(0, a), dm.day)) return std::nullopt;
    if (!ParseInt(t.substr(a + 1, b == std::string_view::npos ? std::string_view::npos : b - a - 1), dm.month))
      return std::nullopt;
    if (b != std::string_view::npos && (!ParseInt(t.substr(b + 1), dm.year) || dm.year < 1945 || dm.year > 2100))
      return std::nullopt;
    if (!ValidDay(dm.day, dm.month)) return std::nullopt;
    return dm;
  }
  return std::nullopt;
}

bool IsTimeWord(const std::string& fold) {
  static const std::set<std::string> kWords = {"ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "từ", "đến",
                                               "tới", "nay", "mai", "qua"};
  return kWords.count(fold) > 0;
}

// The years written in a token range ("năm 2024", "2023-2025" counts its end only when asked).
void CollectYears(const std::vector<Token>& tokens, std::vector<int>& years) {
  for (const Token& t : tokens) {
    int y;
    if (t.digits && t.text.size() == 4 && ParseInt(t.text, y) && y >= 1990 && y <= 2100) years.push_back(y);
  }
}

std::string IsoDate(int y, int m, int d) {
  char buf[40];  // room for any int, so the compiler can prove no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// "kỷ niệm 50 năm ... 1968" or "(1968-2018)": the year the anniversary falls in, or 0.
int AnniversaryYear(const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
    int n;
    if (tokens[i].fold != "kỷ"sv || tokens[i + 1].fold != "niệm"sv || !ParseInt(tokens[i + 2].text, n) ||
        tokens[i + 3].fold != "năm"sv || n <= 0 || n > 1000)
      continue;
    for (std::size_t j = i + 4; j < tokens.size() && j < i + 24; ++j) {
      const std::string& t = tokens[j].text;
      int y, end;
      if (t.size() == 9 && (t[4] == '-') && ParseInt(t.substr(0, 4), y) && ParseInt(t.substr(5), end) && end == y + n)
        return end;
      if (tokens[j].digits && t.size() == 4 && ParseInt(t, y) && y + n >= 1990 && y + n <= 2100) return y + n;
    }
  }
  return 0;
}

// Counts the years a sentence speaks of as its present: plans ("đến năm
// 2030"), range ends, laws ("Hiến pháp 2013"), births ("sinh năm 1970") and
// the past of an anniversary aside; a full date ("5/6/2025") weighs more.
void CountNewsYears(const std::vector<Token>& tokens, std::map<int, int>& counts) {
  const int anniversary = AnniversaryYear(tokens);
  if (anniversary) counts[anniversary] += 2;
  auto born = [&](std::size_t i) {
    for (std::size_t back = 1; back <= 4 && back <= i; ++back)
      if (tokens[i - back].fold == "sinh"sv) return true;
    return false;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    int y;
    if (auto dm = ParseDateToken(tokens[i].text); dm && dm->year && !born(i) && !(anniversary && dm->year < anniversary - 1))
      counts[dm->year] += 3;
    if (!tokens[i].digits || tokens[i].text.size() != 4 || !ParseInt(tokens[i].text, y) || y < 1990 || y > 2100)
      continue;
    if (anniversary && y < anniversary - 1) continue;
    auto at = [&](std::size_t back) { return i >= back ? tokens[i - back].fold : std::string(); };
    const std::string after = i + 1 < tokens.size() ? tokens[i + 1].fold : "";
    static const std::set<std::string> kPlan = {"đến", "tới", "trước", "vào", "nhìn", "sau"};
    // "Hiến pháp 2013", "Bộ luật Tố tụng Hình sự năm 2015", "Nghị quyết ... năm 2019":
    // the year of a law, not of the news.
    bool law = false;
    for (std::size_t back = 1; back <= 6 && back <= i; ++back) {
      const std::string& w = tokens[i - back].fold;
      const std::string& before = back < i ? tokens[i - back - 1].fold : std::string();
      law = law || w == "luật"sv || w == "pháp"sv || (before == "nghị"sv && (w == "quyết"sv || w == "định"sv)) ||
            (before == "thông"sv && w == "tư"sv);
    }
    if (kPlan.count(at(1)) || (at(1) == "năm"sv && kPlan.count(at(2))) || at(1) == "-"sv || at(1) == "–"sv ||
        after == "sẽ"sv || law || born(i))
      continue;
    ++counts[y];
  }
}

// ------------------------------------------------------------------ analysis of one sentence

struct PersonMention {
  std::string name;
  std::size_t begin = 0, end = 0;  // token range of the whole item (titles and name)
  std::size_t name_begin = 0;
  std::vector<std::pair<std::string, std::string>> positions;  // title, organization
  std::string role;  // chaired / attended / spoke_at, from cue words
  std::string role2;  // a second cue joined by "và": "dự và phát biểu"
};

class DocumentExtractor {
 public:
  DocumentExtractor(const Gazetteer& g, const Document& doc) : g_(g), doc_(doc) {}

  Extraction Run();

 private:
  // Sentences and their kinds.
  void Segment();
  // Token marks from the gazetteer (longest match first).
  std::vector<std::optional<Mark>> MarkTokens(const std::vector<Token>& tokens,
                                              std::vector<std::uint32_t>* ids_out = nullptr) const;
  bool MatchesCue(const std::vector<Token>& tokens, std::size_t i, const char* role, std::size_t& length) const;
  std::optional<DayMonth> FindDate(const std::vector<Token>& tokens, bool need_time_word) const;
  std::string ResolveYear(const DayMonth& dm, const std::vector<Token>& tokens, bool teaser) const;
  std::vector<PersonMention> FindPeople(const Sentence& sentence, const std::string& local_province) const;
  std::string CompleteOrganization(std::string org, const std::string& province) const;
  std::optional<std::pair<std::size_t, std::size_t>> NameAt(const std::vector<Token>& tokens,
                                                            const std::vector<std::optional<Mark>>& marks,
                                                            std::size_t i, bool after_title) const;
  void EmitRelationsOfPlaces(const Sentence& s, const std::vector<Token>& tokens,
                             const std::vector<std::optional<Mark>>& marks);
  void Emit(Entity subject, const char* predicate, Entity object, const Sentence& s, float confidence,
            std::string date = "", std::string by = "");
  std::string ArticleProvince() const;
  // The year the sentences (of the teasers, or of the rest) speak of most,
  // leaving out plans ("vào năm 2030", "tầm nhìn 2030", "năm 2030 sẽ") and
  // range ends; 0 when no year stands out.
  int DominantYear(bool teasers) const;

  const Gazetteer& g_;
  const Document& doc_;
  DocumentView view_;
  Extraction out_;
  std::set<std::string> emitted_;  // fact keys + evidence, against duplicates
  std::map<std::string, int> province_counts_;
};

std::vector<std::optional<Mark>> DocumentExtractor::MarkTokens(const std::vector<Token>& tokens,
                                                                std::vector<std::uint32_t>* ids_out) const {
  std::vector<std::optional<Mark>> marks(tokens.size());
  std::vector<std::uint32_t> ids(tokens.size(), Gazetteer::kNoWord);  // each fold looked up once
  for (std::size_t i = 0; i < tokens.size(); ++i) ids[i] = g_.WordId(tokens[i].fold);  // "TP. X": dots too
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].word || ids[i] == Gazetteer::kNoWord) continue;
    // The phrases starting here, longest last (walk the trie).
    std::pair<std::size_t, const std::vector<PhraseInfo>*> found[16];
    std::size_t count = 0;
    std::uint32_t node = 0;
    for (std::size_t n = 0; i + n < tokens.size() && ids[i + n] != Gazetteer::kNoWord; ++n) {
      node = g_.Child(node, ids[i + n]);
      if (node == 0) break;
      if (g_.node_phrases[node] && count < 16) found[count++] = {n + 1, g_.node_phrases[node]};
    }
    for (std::size_t c = count; c > 0; --c) {
      const auto& [n, infos] = found[c - 1];
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

bool DocumentExtractor::MatchesCue(const std::vector<Token>& tokens, std::size_t i, const char* role,
                                   std::size_t& length) const {
  length = 0;
  if (!g_.cue_first_words.count(tokens[i].fold)) return false;
  auto it = g_.cue_words.find(role);
  if (it == g_.cue_words.end()) return false;
  for (const std::vector<std::string>& cue : it->second) {
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
    if (MatchesCue(tokens, i, "not_attend", not_length) && not_length > length) return false;
    // "tham dự" is found at "tham"; a bare "dự" inside it is not a second cue.
    // "vinh dự" (an honour), "can dự" (to interfere): not attending.
    if (i > 0 && (tokens[i - 1].fold == "vinh"sv || tokens[i - 1].fold == "can"sv)) return false;
  }
  return true;
}

std::optional<DayMonth> DocumentExtractor::FindDate(const std::vector<Token>& tokens, bool need_time_word) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].digits) continue;
    // "ngày 6 tháng 1 năm 2025"
    int d, m, y;
    if (i + 2 < tokens.size() && tokens[i + 1].fold == "tháng"sv && ParseInt(tokens[i].text, d) &&
        ParseInt(tokens[i + 2].text, m) && ValidDay(d, m) && i > 0 && IsTimeWord(tokens[i - 1].fold)) {
      DayMonth dm{d, m, 0};
      if (i + 4 < tokens.size() && tokens[i + 3].fold == "năm"sv && ParseInt(tokens[i + 4].text, y)) dm.year = y;
      return dm;
    }
    auto dm = ParseDateToken(tokens[i].text);
    if (!dm) continue;
    // "sáng 6/1", and "hôm nay (12/5)".
    const bool time_word = (i > 0 && IsTimeWord(tokens[i - 1].fold)) ||
                           (i > 1 && tokens[i - 1].text == "("sv && IsTimeWord(tokens[i - 2].fold));
    if (need_time_word && !time_word && dm->year == 0) continue;
    return dm;
  }
  return std::nullopt;
}

std::string DocumentExtractor::ResolveYear(const DayMonth& dm, const std::vector<Token>& tokens, bool teaser) const {
  if (dm.year) return IsoDate(dm.year, dm.month, dm.day);
  // The publication date: the latest year that puts the event on or before it.
  if (doc_.date.size() >= 10) {
    int py, pm, pd;
    if (ParseInt(doc_.date.substr(0, 4), py) && ParseInt(doc_.date.substr(5, 2), pm) && ParseInt(doc_.date.substr(8, 2), pd)) {
      const int year = (dm.month > pm || (dm.month == pm && dm.day > pd + 1)) ? py - 1 : py;
      return IsoDate(year, dm.month, dm.day);
    }
  }
  int stamp;
  if (!view_.update_year.empty() && ParseInt(view_.update_year, stamp)) return IsoDate(stamp, dm.month, dm.day);
  // The years a review sentence speaks of: "tổng kết năm 2024, nhiệm vụ năm 2025"
  // on 6/1 is 2025; a review of 2024 alone, held early in the year, is 2025 too.
  bool review = false;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    review = review || (tokens[i].fold == "tổng"sv && tokens[i + 1].fold == "kết"sv) ||
             (tokens[i].fold == "nhiệm"sv && tokens[i + 1].fold == "vụ"sv);
  std::vector<int> years;
  if (review) CollectYears(tokens, years);
  if (!years.empty()) {
    int year = *std::max_element(years.begin(), years.end());
    if (years.size() == 1 && dm.month <= 3) ++year;
    return IsoDate(year, dm.month, dm.day);
  }
  // An anniversary held that day: "kỷ niệm 50 năm ... 1968" is 2018.
  if (const int anniversary = AnniversaryYear(tokens)) return IsoDate(anniversary, dm.month, dm.day);
  // The one year the sentence itself speaks of ("Diễn đàn ... năm 2017 ... hôm nay (12/5)").
  {
    std::map<int, int> own;
    CountNewsYears(tokens, own);
    if (own.size() == 1 && (!view_.dominant_year || std::abs(own.begin()->first - view_.dominant_year) <= 1))
      return IsoDate(own.begin()->first, dm.month, dm.day);
  }
  // Else the year the article speaks of most (plans "đến năm 2030" and range
  // ends aside), the latest on a tie.
  const int latest = teaser && view_.teaser_year ? view_.teaser_year : view_.dominant_year;
  if (latest) return IsoDate(latest, dm.month, dm.day);
  return "";
}

std::optional<std::pair<std::size_t, std::size_t>> DocumentExtractor::NameAt(
    const std::vector<Token>& tokens, const std::vector<std::optional<Mark>>& marks, std::size_t i,
    bool after_title) const {
  // A name: 2-4 capitalised syllables not claimed by the gazetteer; a short
  // last syllable ("Lò S") is fine; it starts with a family name unless a
  // title or honorific stands right before it (ethnic names: "H'Hen Niê").
  std::size_t j = i;
  // One-syllable countries and honorifics are also given names: "Nguyễn Đức Chung", "Vũ Anh Tuấn".
  auto inside_name_ok = [&](std::size_t k) {
    return !marks[k] || marks[k]->kind == PhraseKind::kHonorific ||
           (marks[k]->kind == PhraseKind::kCountry && marks[k]->length == 1);
  };
  while (j < tokens.size() && j - i < 5 && tokens[j].word && tokens[j].capital && !tokens[j].digits &&
         (j == i || inside_name_ok(j))) {
    // After a title, a family name that also heads bodies ("Đoàn") starts a name when two more name words follow.
    const bool surname_head = after_title && j == i && marks[j] && marks[j]->kind == PhraseKind::kOrgHead && marks[j]->length == 1 &&
                              g_.surnames.count(tokens[j].fold) && j + 2 < tokens.size() && tokens[j + 1].capital &&
                              tokens[j + 2].capital && !marks[j + 1] && !marks[j + 2];
    if (marks[j] && j == i && marks[j]->kind != PhraseKind::kHonorific && !surname_head) break;
    ++j;
  }
  const std::size_t length = j - i;
  if (length < 2 || length > 4) return std::nullopt;
  const std::string& first = tokens[i].fold;
  if (g_.non_name_words.count(first)) return std::nullopt;
  std::string first_part = first.substr(0, first.find('\''));
  if (!after_title && !g_.surnames.count(first) && !g_.surnames.count(first_part + "'")) return std::nullopt;
  // All-capital words are abbreviations or headlines, not names ("UBND", "BẮC GIANG").
  for (std::size_t k = i; k < j; ++k)
    if (IsAllCaps(tokens[k].text)) return std::nullopt;
  return std::make_pair(i, j);
}

std::string DocumentExtractor::CompleteOrganization(std::string org, const std::string& province) const {
  if (province.empty()) return org;
  const std::string folded = FoldKey(org);
  // Provincial bodies written without their province: "UBND tỉnh", "Sở Ngoại vụ", "Tỉnh ủy".
  static const char* kProvincial[] = {"ubnd", "ủy ban nhân dân", "hđnd", "hội đồng nhân dân", "sở ", "tỉnh ủy",
                                      "thành ủy", "đoàn đại biểu quốc hội", "đoàn đbqh", "công an tỉnh",
                                      "công an tp", "công an thành phố"};
  bool provincial = false;
  for (std::string p : kProvincial) {
    if (p.back() == ' ') p.pop_back();
    provincial = provincial || folded == p || StartsWith(folded, p + " ");
  }
  if (!provincial) return org;
  for (const char* local : {" xã", " huyện", " quận", " phường", " thị xã", " thị trấn", " tp ", " thành phố "})
    if (folded.find(local) != std::string::npos) return org;  // a district, commune or city body ("UBND TP Nha Trang")
  // Already names a province?
  const std::vector<Token> tokens = Tokenize(org, 0);
  const auto marks = MarkTokens(tokens);
  for (const auto& m : marks)
    if (m && m->kind == PhraseKind::kProvince) return org;
  if (EndsWith(folded, "tỉnh") || EndsWith(folded, "thành phố") || EndsWith(folded, "tp")) return org + " " + province;
  return org + " " + province;
}

std::vector<PersonMention> DocumentExtractor::FindPeople(const Sentence& sentence,
                                                         const std::string& local_province) const {
  const std::vector<Token>& tokens = sentence.tokens;
  const std::vector<std::optional<Mark>>& marks = sentence.marks;
  // Items: runs of tokens between separators (, ; : ( ) and "và", "cùng").
  struct Item {
    std::size_t begin, end;
    bool group_start;  // after ";" or ":" or the sentence start
  };
  std::vector<Item> items;
  {
    std::size_t start = 0;
    bool group_start = true;
    int depth = 0;  // inside "( ... )": an abbreviation or gloss, part of the item
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
      const bool at_end = i == tokens.size();
      const std::string& t = at_end ? std::string() : tokens[i].text;
      if (t == "("sv) ++depth;
      if (t == ")"sv && depth > 0) --depth;
      const bool separator = at_end || (depth == 0 && (t == ","sv || t == ";"sv || t == ":"sv || t == "."sv || t == "!"sv ||
                                                       t == "?"sv || tokens[i].fold == "và"sv || tokens[i].fold == "cùng"sv));
      if (!separator) continue;
      if (i > start) items.push_back({start, i, group_start});
      group_start = at_end || t == ";"sv || t == ":"sv;
      start = i + 1;
    }
  }

  // A title span: [Phó|Quyền|nguyên|cựu] title, then its organization words, up to a name.
  auto is_surname = [&](std::size_t k) {
    const std::string& f = tokens[k].fold;
    return g_.surnames.count(f) > 0 || g_.surnames.count(f.substr(0, f.find('\'')) + "'") > 0;
  };
  // Words after which a capitalised run names a place, not a person
  // ("UBND xã Hưng Thạnh", "Huyện ủy Tháp Mười"), unless it starts with a family name.
  auto is_unit_word = [&](std::size_t k) {
    static const std::set<std::string> kUnits = {"xã", "huyện", "phường", "quận", "thị", "trấn", "thôn", "ấp", "ủy",
                                                 "tp", "phố"};
    return kUnits.count(tokens[k].fold) > 0 && !(tokens[k].fold == "thị"sv && k + 1 < tokens.size() &&
                                                 tokens[k + 1].fold != "xã"sv && tokens[k + 1].fold != "trấn"sv);
  };
  auto read_title_span = [&](std::size_t from, std::size_t limit) -> std::optional<std::pair<std::size_t, std::size_t>> {
    std::size_t t = from;
    // "chính quyền Tổng thống ...": a lower-case "quyền" after a word is part of that word.
    if (from >= limit) return std::nullopt;
    if (tokens[from].fold == "quyền"sv && !tokens[from].capital && from > 0 && tokens[from - 1].word &&
        !marks[from - 1])
      return std::nullopt;
    // "Phủ Chủ tịch": a title right after an unclaimed capitalised word is part of another name.
    if (from >= 2 && tokens[from - 1].word && tokens[from - 1].capital && !marks[from - 1] &&
        !IsAllCaps(tokens[from - 1].text) && tokens[from - 2].word && !marks[from - 2]) {
      const std::string& prev = tokens[from - 1].fold;
      if (prev != "phó"sv && prev != "quyền"sv && prev != "nguyên"sv && prev != "cựu"sv && !g_.non_name_words.count(prev))
        return std::nullopt;
    }
    while (t + 1 < limit && (tokens[t].fold == "nguyên"sv || tokens[t].fold == "quyền"sv || tokens[t].fold == "cựu"sv)) ++t;
    if (t + 1 < limit && tokens[t].fold == "phó"sv && marks[t + 1] && marks[t + 1]->kind == PhraseKind::kTitle) ++t;
    if (t >= limit || !marks[t] || marks[t]->kind != PhraseKind::kTitle) return std::nullopt;
    std::size_t end = t + marks[t]->length;
    if (end + 1 < limit && tokens[end].fold == "thường"sv && tokens[end + 1].fold == "trực"sv) end += 2;
    static const std::set<std::string> kOrgLowerWords = {"tỉnh", "thành", "phố", "nhân", "dân", "đại", "biểu", "và"};
    static const std::set<std::string> kStopWords = {"cho", "là", "đã", "đang", "sẽ", "có", "được", "cũng", "vừa",
                                                     "nói", "phát", "chủ", "dự", "tham", "điều", "trao", "tặng",
                                                     "đến", "tại", "về", "với", "của", "khi", "thì", "mà", "này",
                                                     "trong", "nhưng", "vì", "do", "bị", "đề", "yêu", "nhấn"};
    bool place_closed = false;  // a province or place name closed the body: no more lower-case words
    int lower_run = 0;          // lower-case words in a row inside a body's name
    bool lower_after_head = false;  // those words follow a body's head word ("Ban chỉ đạo", "Hội phụ nữ")
    std::size_t head_end = 0;       // just after the last body head word read ("Hội đồng" in "Hội đồng quản trị")
    bool firm_head = false;         // that head names a firm or institution by a proper name ("Công ty", "Bệnh viện")
    // The end of a place's or firm's name starting at `k`: its capitalised words, but in a run of four
    // or more a family name with one to three capitals after it starts the person ("Tháp Mười Nguyễn Văn A";
    // "Buôn Ma Thuột" stays whole).
    auto place_end = [&](std::size_t k) {
      std::size_t run = k;
      // One-syllable countries are given names too ("Đặng Đức Quỳnh").
      while (run < limit && run - k < 7 && tokens[run].word && tokens[run].capital &&
             (!marks[run] || (marks[run]->kind == PhraseKind::kCountry && marks[run]->length == 1)))
        ++run;
      // Names of three words are the most common, then two, then four ("Vĩnh Yên Đặng Đức Hòa").
      if (run - k >= 4)
        for (std::size_t length : {3, 2, 4})
          if (run - length > k && is_surname(run - length)) return run - length;
      return run;
    };
    while (end < limit) {
      if (tokens[end].text == "-"sv || tokens[end].text == "–"sv) break;
      // A company's or body's own name after its head: "Công ty Thiên An Phúc" (a family name starts a person).
      if (head_end == end && end > t && firm_head && tokens[end].capital && !marks[end] && !is_surname(end) &&
          NameAt(tokens, marks, end, true)) {
        end = place_end(end);
        place_closed = true;
        lower_run = 0;
        continue;
      }
      // A place after a unit word: "xã Hưng Thạnh", "Huyện ủy Tháp Mười", "TP Nha Trang".
      // ("huyện Đức Thọ": a one-syllable country's name is a place's word here.)
      if (end > t && is_unit_word(end - 1) && tokens[end].word && tokens[end].capital &&
          (!marks[end] || (marks[end]->kind == PhraseKind::kCountry && marks[end]->length == 1)) &&
          !is_surname(end) && !IsAllCaps(tokens[end].text)) {
        end = place_end(end);
        place_closed = true;
        lower_run = 0;
        continue;
      }
      const bool marked = marks[end] && marks[end]->kind != PhraseKind::kHonorific &&
                          !(marks[end]->kind == PhraseKind::kOrgHead && g_.surnames.count(tokens[end].fold));
      if (NameAt(tokens, marks, end, true) && !marked) {
        // "Ban chỉ đạo Tây Nguyên": after a body's lower-case words, a run without a family name is a place.
        if (lower_run == 0 || !lower_after_head || is_surname(end)) break;
        // Of a longer run, the last two words are the person's: "Cộng hòa Fiji Ru-vơ-ni Na-đa-lô".
        std::size_t run = end;
        while (run < limit && tokens[run].word && tokens[run].capital && !marks[run]) ++run;
        end = run - end >= 3 ? run - 2 : run;
        place_closed = true;
        lower_run = 0;
        continue;
      }
      if (marks[end] && marks[end]->kind != PhraseKind::kTitle && marks[end]->kind != PhraseKind::kRank &&
          marks[end]->kind != PhraseKind::kHonorific) {
        place_closed = marks[end]->kind == PhraseKind::kProvince || marks[end]->kind == PhraseKind::kCountry;
        const bool head = marks[end]->kind == PhraseKind::kOrgHead;
        if (head) {
          static const std::set<std::string> kFirms = {"công ty", "tập đoàn", "tổng công ty", "ngân hàng", "bệnh viện",
                                                       "hiệp hội", "quỹ", "trường"};
          firm_head = kFirms.count(FoldKey(marks[end]->info->canonical)) > 0;
        }
        end += marks[end]->length;
        if (head) head_end = end;
        lower_run = 0;
        continue;
      }
      if (!tokens[end].word) break;
      if (tokens[end].capital) {
        // "tổng thống Mỹ Trump": after a country or province, a lone capitalised word is a one-word name.
        if (place_closed && !(end + 1 < limit && tokens[end + 1].word && tokens[end + 1].capital)) break;
        lower_run = 0;
        ++end;
        continue;
      }
      // Body names: a capital, then lower-case words ("Sở Ngoại vụ", "Ban tuyên giáo", "Đoàn đại biểu Quốc hội").
      if (kStopWords.count(tokens[end].fold)) break;
      const bool org_word = kOrgLowerWords.count(tokens[end].fold) > 0;
      const bool after_capital = end > from && tokens[end - 1].capital && !IsAllCaps(tokens[end - 1].text);
      const bool second_after_head =
          lower_run == 1 && (head_end + 1 == end || (marks[end - 2] && marks[end - 2]->kind == PhraseKind::kOrgHead));
      if (!org_word && (place_closed || !(after_capital || second_after_head))) break;
      if (lower_run == 0)
        lower_after_head = !org_word && (head_end == end || (marks[end - 1] && marks[end - 1]->kind == PhraseKind::kOrgHead));
      lower_run = org_word ? 0 : lower_run + 1;
      ++end;
    }
    return std::make_pair(from, end);
  };

  struct Parsed {
    std::size_t item;
    std::size_t begin, end;  // tokens this mention uses
    std::optional<std::pair<std::size_t, std::size_t>> name;
    std::vector<std::pair<std::size_t, std::size_t>> title_spans;
    bool title_first = false;  // a title stands before the name
    bool pure_title = false;   // only a title span, at the end of its item
  };
  std::vector<Parsed> parsed;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    for (std::size_t i = item.begin; i < item.end;) {
      Parsed p{k, i, i, std::nullopt, {}, false, false};
      bool clause_title = false;
      std::size_t j = i;
      bool introduced = false;  // by an honorific or rank
      while (j < item.end && marks[j] && (marks[j]->kind == PhraseKind::kHonorific || marks[j]->kind == PhraseKind::kRank)) {
        j += marks[j]->length;
        introduced = true;
      }
      if (auto span = read_title_span(j, item.end)) {
        p.title_spans.push_back(*span);
        p.title_first = true;
        j = span->second;
        // Titles joined by a dash before the name: "Phó Chủ tịch UBND tỉnh – Trưởng Đoàn ĐBQH tỉnh X Y".
        while (j + 1 < item.end && (tokens[j].text == "-"sv || tokens[j].text == "–"sv)) {
          auto next = read_title_span(j + 1, item.end);
          if (!next) break;
          p.title_spans.push_back(*next);
          j = next->second;
        }
        while (j < item.end && marks[j] && marks[j]->kind == PhraseKind::kHonorific) j += marks[j]->length;
        p.name = NameAt(tokens, marks, j, true);
        if (p.name) j = p.name->second;
        else p.pure_title = j >= item.end;
        // "A, Phó Chủ tịch UBND tỉnh chủ trì ...": an apposition followed by its verb.
        clause_title = !p.name && !p.pure_title && tokens[j].word && !tokens[j].capital;
      } else {
        p.name = NameAt(tokens, marks, j, introduced);
        if (p.name) j = p.name->second;
      }
      // "Lê Văn A - Bí thư ..." : titles after a dash.
      while (p.name && j + 1 < item.end && (tokens[j].text == "-"sv || tokens[j].text == "–"sv)) {
        auto span = read_title_span(j + 1, item.end);
        if (!span) break;
        p.title_spans.push_back(*span);
        j = span->second;
      }
      if (p.name || p.pure_title || clause_title) {
        p.end = j;
        parsed.push_back(std::move(p));
        i = std::max(j, i + 1);
      } else {
        ++i;
      }
    }
  }

  // Title-only entries: to the name just before them when that name came
  // first ("Đồng chí A, Phó Chủ tịch ..."; "A - Bí thư ..., Trưởng Ban ..."),
  // else to the next named entry of the group (stacked titles).
  // "Ông A, Bộ trưởng Bộ X, Trưởng Ban Y": each title after the first goes to A too.
  std::vector<std::optional<std::size_t>> attached_back(parsed.size());
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    if (parsed[k].name || parsed[k].title_spans.empty()) continue;
    std::optional<std::size_t> owner;
    // Only an item that is a title from its start: "..., công bố kết luận của Chủ tịch X" is about someone else.
    const bool follows = k > 0 && !items[parsed[k].item].group_start && parsed[k - 1].item + 1 == parsed[k].item &&
                         items[parsed[k - 1].item].end == parsed[k - 1].end &&
                         parsed[k].begin == items[parsed[k].item].begin;
    if (follows && parsed[k - 1].name && !parsed[k - 1].title_first) owner = k - 1;
    if (follows && !owner && attached_back[k - 1]) owner = attached_back[k - 1];
    if (owner) attached_back[k] = owner;
    // "Thừa ủy quyền của Thủ tướng, Bộ trưởng X B", "Thay mặt Chủ tịch nước, ...": the title names the
    // principal, someone else than the person who follows.
    bool governed = false;
    for (std::size_t i = items[parsed[k].item].begin; i < parsed[k].begin; ++i) {
      const std::string& f = tokens[i].fold;
      governed = governed || f == "quyền"sv || f == "mặt"sv;
    }
    if (!owner && parsed[k].pure_title && !governed) {
      for (std::size_t a = k + 1; a < parsed.size(); ++a) {
        if (items[parsed[a].item].group_start) break;
        if (parsed[a].name) {
          if (parsed[a].title_first) owner = a;
          break;
        }
      }
    }
    if (owner) {
      for (auto span : parsed[k].title_spans) parsed[*owner].title_spans.push_back(span);
      parsed[k].title_spans.clear();
      parsed[*owner].begin = std::min(parsed[*owner].begin, parsed[k].begin);
      parsed[*owner].end = std::max(parsed[*owner].end, parsed[k].end);
    }
  }

  auto text_of = [&](std::size_t a, std::size_t b) { return SpanText(sentence, a, b); };
  std::vector<PersonMention> people;
  for (const Parsed& p : parsed) {
    if (!p.name) continue;
    PersonMention person;
    person.name = text_of(p.name->first, p.name->second);
    person.begin = p.begin;
    person.end = p.end;
    person.name_begin = p.name->first;
    // The province one of this person's titles names serves the others.
    std::string chain_province;
    for (auto [a, b] : p.title_spans)
      for (std::size_t i = a; i < b && chain_province.empty(); ++i)
        if (marks[i] && marks[i]->kind == PhraseKind::kProvince) chain_province = marks[i]->info->canonical;
    const std::string province = !chain_province.empty() ? chain_province : local_province;
    for (auto [a, b] : p.title_spans) {
      // Split title | organization at the first body word after the title
      // proper ("Phó Chủ tịch Thường trực | UBND tỉnh", "Giám đốc | Sở Ngoại vụ").
      std::size_t t = a;
      while (t < b && !(marks[t] && marks[t]->kind == PhraseKind::kTitle)) ++t;
      if (t >= b) continue;
      std::size_t split = t + marks[t]->length;
      for (std::size_t i = t + 1; i < split; ++i)
        if (marks[i] && (marks[i]->kind == PhraseKind::kOrgHead || marks[i]->kind == PhraseKind::kBody) &&
            tokens[i].capital) {
          split = i;
          break;
        }
      // "Phó Chủ tịch Thường trực", "Phó Trưởng ban thường trực": part of the title.
      if (split == t + marks[t]->length && split + 1 < b && tokens[split].fold == "thường"sv &&
          tokens[split + 1].fold == "trực"sv)
        split += 2;
      else if (split == t + marks[t]->length) {
        // The title's own words may hide an organization head (title aliases like "Chủ tịch UBND").
        static const std::set<std::string> kHeads = {"ubnd", "ủy", "hđnd", "hội", "sở", "tỉnh", "thành", "đoàn", "bộ", "ban"};
        for (std::size_t i = t + 1; i < split; ++i)
          if (kHeads.count(tokens[i].fold) && tokens[i].capital) {
            split = i;
            break;
          }
      }
      std::string title = text_of(a, split);
      std::string org = text_of(split, b);
      std::string full = CompleteOrganization(org.empty() ? title : org, province);
      if (org.empty()) {
        if (full != title) org = full.substr(title.size() + 1);
      } else {
        org = full;
      }
      // "Phó chủ tịch tỉnh Lai Châu": a place, not a body: one title.
      const std::string org_fold = FoldKey(org);
      if (StartsWith(org_fold, "tỉnh ") || StartsWith(org_fold, "thành phố ") || StartsWith(org_fold, "tp ")) {
        title += " " + org;
        org.clear();
      }
      person.positions.emplace_back(title, org);
    }
    people.push_back(std::move(person));
  }
  return people;
}

void DocumentExtractor::Emit(Entity subject, const char* predicate, Entity object, const Sentence& s, float confidence,
                             std::string date, std::string by) {
  const std::string key = EntityKey(subject) + "\x1f" + predicate + "\x1f" + EntityKey(object) + "\x1f" + s.text;
  if (!emitted_.insert(key).second) return;
  Fact f;
  f.subject = std::move(subject);
  f.predicate = predicate;
  f.object = std::move(object);
  f.doc = doc_.id;
  f.evidence = s.text;
  f.sentence_offset = static_cast<std::uint32_t>(s.offset);
  f.confidence = confidence;
  f.date = std::move(date);
  f.by = std::move(by);
  out_.facts.push_back(std::move(f));
}

int DocumentExtractor::DominantYear(bool teasers) const {
  std::map<int, int> counts;
  for (const Sentence& s : view_.sentences)
    if ((s.kind == SegmentKind::kTeaser) == teasers) CountNewsYears(s.tokens, counts);
  int best = 0, year = 0, distinct = 0;
  for (const auto& [y, n] : counts) {
    ++distinct;
    if (n >= best) best = n, year = y;
  }
  return (best >= 2 || distinct == 1) ? year : 0;
}

std::string DocumentExtractor::ArticleProvince() const {
  if (!view_.dateline_province.empty()) return view_.dateline_province;
  std::string best;
  int count = 0;
  for (const auto& [province, n] : province_counts_)
    if (n > count) best = province, count = n;
  return count >= 2 ? best : "";
}

void DocumentExtractor::Segment() {
  std::string_view text = doc_.text;
  std::vector<std::pair<std::string_view, std::size_t>> lines;  // line, offset
  if (!doc_.title.empty()) lines.emplace_back(doc_.title, 0);   // offset 0: the title is not in text
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(pos, nl - pos), pos);
    pos = nl + 1;
  }
  SegmentKind mode = SegmentKind::kBody;
  std::unordered_set<std::size_t> seen_lines;  // hashes of the lines read, to drop repeats
  int number = 0;
  for (auto [raw, offset] : lines) {
    ++number;
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    const std::size_t line_offset = offset + static_cast<std::size_t>(line.data() - raw.data());
    // Comment boxes, teaser headers, contact lines and update stamps are short
    // lines: only those are folded (a paragraph starting "Bình luận về ..." is body).
    const bool short_line = line.size() < 120;
    const std::string folded = short_line ? FoldKey(line) : std::string();
    if (StartsWith(folded, "ý kiến bạn đọc") || StartsWith(folded, "bình luận") || StartsWith(folded, "gửi bình luận"))
      break;  // the comment box ends the article
    if (folded == "đọc thêm"sv || StartsWith(folded, "tin liên quan") || StartsWith(folded, "bài liên quan") ||
        StartsWith(folded, "tin cùng chuyên mục") || StartsWith(folded, "xem thêm")) {
      mode = SegmentKind::kTeaser;
      continue;
    }
    if (IsImageFileName(line) || IsFurniture(line, folded)) continue;
    const std::string_view head = line.substr(0, 80);
    if (short_line ? folded.find("cập nhật") != std::string::npos
                   : (head.find("Cập nhật") != std::string_view::npos || head.find("cập nhật") != std::string_view::npos)) {
      for (const Token& t : Tokenize(line, 0))
        if (auto dm = ParseDateToken(t.text); dm && dm->year) view_.update_year = std::to_string(dm->year);
      if (line.size() < 40) continue;
    }
    if (!seen_lines.insert(std::hash<std::string_view>()(line)).second) continue;  // a caption repeating a line
    const bool caption = StripCaptionMarks(line);
    const SegmentKind kind = mode == SegmentKind::kTeaser ? mode : caption ? SegmentKind::kCaption : SegmentKind::kBody;
    std::vector<Token> line_tokens = Tokenize(line, 0);
    for (const SentenceSpan& span : SplitSentences(line, line_tokens)) {
      std::string_view sentence = Trim(line.substr(span.begin, span.end - span.begin));
      if (sentence.empty()) continue;
      Sentence s;
      s.tokens.assign(std::make_move_iterator(line_tokens.begin() + span.first_token),
                      std::make_move_iterator(line_tokens.begin() + span.end_token));
      s.text = std::string(sentence);
      s.line_begin = static_cast<std::size_t>(sentence.data() - line.data());
      s.offset = line_offset + static_cast<std::size_t>(sentence.data() - line.data());
      s.kind = kind;
      s.line = number;
      view_.sentences.push_back(std::move(s));
    }
  }
}

// Foreign partners and neighbours: "thỏa thuận ... với tỉnh X (Lào), TP Y, Z (Trung Quốc)",
// "đường biên giới chung với hai tỉnh X và Y, nước CHDCND Lào".
void DocumentExtractor::EmitRelationsOfPlaces(const Sentence& s, const std::vector<Token>& tokens,
                                              const std::vector<std::optional<Mark>>& marks) {
  // Every partner and neighbour is named after "với": most sentences have none.
  if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.fold == "với"sv; })) return;
  // Cue phrases, word by word on the folded tokens (no second fold of the sentence).
  auto has_phrase = [&](std::initializer_list<const char*> words) {
    const std::size_t n = words.size();
    for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
      std::size_t k = 0;
      for (const char* w : words) {
        if (tokens[i + k].fold != w) break;
        ++k;
      }
      if (k == n) return true;
    }
    return false;
  };
  const bool border = has_phrase({"biên", "giới", "chung", "với"});
  const bool cooperation = has_phrase({"thỏa", "thuận"}) || has_phrase({"bản", "ghi", "nhớ"}) ||
                           has_phrase({"hợp", "tác", "với"}) || has_phrase({"kết", "nghĩa", "với"});
  if (!border && !cooperation) return;
  // The Vietnamese side: a province named before "với", else the article's.
  std::string subject;
  std::size_t first_with = tokens.size();
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].fold == "với"sv) {
      first_with = i;
      break;
    }
  for (std::size_t i = 0; i < first_with; ++i)
    if (marks[i] && marks[i]->kind == PhraseKind::kProvince) {
      subject = marks[i]->info->canonical;
      break;
    }
  if (subject.empty()) subject = ArticleProvince();
  if (subject.empty()) return;
  const float confidence = ConfidenceOf(s.kind) * 0.9f;
  const char* predicate = border ? "borders" : "cooperates_with";
  auto place = [](const std::string& name) { return Entity{EntityType::kPlace, name, "", "", "", ""}; };
  static const std::set<std::string> kKinds = {"tỉnh", "tp", "tp.", "thành", "phố", "bang", "vùng", "hai", "các",
                                               "quận", "huyện", "thủ", "đô", "nước", "khu", "vực", "địa", "phương",
                                               "ba"};

  for (std::size_t w = first_with; w < tokens.size(); ++w) {
    if (tokens[w].fold != "với"sv) continue;
    std::vector<std::string> partners;  // in this list
    std::optional<std::string> last;    // the last place named
    bool after_comma = false, kind_word = false;
    bool typed = false;  // the list names its kind ("tỉnh", "TP", "bang"): its members are places
    for (std::size_t i = w + 1; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (t.text == ","sv || t.fold == "và"sv) {
        after_comma = t.text == ","sv;
        kind_word = false;
        continue;
      }
      if (t.text == "("sv) {
        // "(Lào)": the country of the place just named.
        std::size_t j = i + 1;
        if (j < tokens.size() && marks[j] && marks[j]->kind == PhraseKind::kCountry && last) {
          Emit(place(*last), "part_of", place(marks[j]->info->canonical), s, confidence);
          last = marks[j]->info->canonical;
          i = j + marks[j]->length;  // at ")"
          continue;
        }
        break;
      }
      if (t.word && (!t.capital || t.fold == "tp"sv)) {
        if (kKinds.count(t.fold)) {
          kind_word = typed = true;
          continue;
        }
        break;
      }
      if (!t.word) break;
      if (t.fold == "bản"sv || t.fold == "thỏa"sv || t.fold == "hiệp"sv) break;  // "... và Bản ghi nhớ với ..."
      if (marks[i] && marks[i]->kind == PhraseKind::kCountry) {
        // ", nước CHDCND Lào" after the places: all of them are in it.
        const std::string country = marks[i]->info->canonical;
        if (partners.empty()) {
          Emit(Entity{EntityType::kProvince, subject, "", "", "", ""}, predicate, place(country), s, confidence);
        } else if (!kind_word && !after_comma) {
          break;
        } else {
          for (const auto& p : partners) Emit(place(p), "part_of", place(country), s, confidence);
        }
        i += marks[i]->length - 1;
        last = country;
        continue;
      }
      if (marks[i] && marks[i]->kind == PhraseKind::kProvince) break;  // a Vietnamese province: not foreign
      if (marks[i] && (marks[i]->kind == PhraseKind::kOrgHead || marks[i]->kind == PhraseKind::kBody)) break;  // a company or body
      std::size_t j = i;
      while (j < tokens.size() && tokens[j].word && tokens[j].capital && !(marks[j] && j > i)) ++j;
      const std::string name = [&] {
        std::string n;
        for (std::size_t k = i; k < j; ++k) n += (k > i ? " " : "") + tokens[k].text;
        return n;
      }();
      if (after_comma && !kind_word && last) {
        // "TP Nam Ninh, Quảng Tây": the region of the place before.
        Emit(place(*last), "part_of", place(name), s, confidence);
      } else {
        // An untyped name is a place only with its country after it: "với Gifu (Nhật Bản)"; else a company, a person.
        const bool glossed = j + 1 < tokens.size() && tokens[j].text == "("sv && marks[j + 1] &&
                             marks[j + 1]->kind == PhraseKind::kCountry;
        if (!typed && !glossed) break;
        partners.push_back(name);
        Emit(Entity{EntityType::kProvince, subject, "", "", "", ""}, predicate, place(name), s, confidence);
      }
      last = name;
      after_comma = kind_word = false;
      i = j - 1;
    }
  }
}

Extraction DocumentExtractor::Run() {
  Segment();
  view_.dominant_year = DominantYear(false);
  view_.teaser_year = DominantYear(true);
  // Provinces the article speaks of, and its dateline ("BẮC GIANG - Ngày 6/1, ...").
  for (Sentence& s : view_.sentences) s.marks = MarkTokens(s.tokens, &s.ids);
  for (const Sentence& s : view_.sentences) {
    const std::vector<Token>& tokens = s.tokens;
    const auto& marks = s.marks;
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (marks[i] && marks[i]->kind == PhraseKind::kProvince) ++province_counts_[marks[i]->info->canonical];
    if (view_.dateline_province.empty() && s.kind == SegmentKind::kBody) {
      const std::size_t dash = s.text.find(" - ");
      if (dash != std::string::npos && dash < 40) {
        const std::string head = s.text.substr(0, dash);
        const std::string upper_check = head;
        bool all_upper = true;
        for (const Token& t : Tokenize(head, 0))
          if (t.word && FoldKey(t.text) == t.text) all_upper = false;
        if (all_upper) {
          // Title-case the dateline to look it up: fold is enough.
          const std::vector<Token> head_tokens = Tokenize(head, 0);
          std::string key;
          for (const Token& t : head_tokens) key += (key.empty() ? "" : " ") + t.fold;
          if (const PhraseInfo* p = g_.Find(key, PhraseKind::kProvince)) view_.dateline_province = p->canonical;
        }
      }
    }
  }

  // Events: sentences with a date and an event word (or "tổ chức tổng kết").
  struct EventInfo {
    Entity entity;
    SegmentKind kind;
    std::size_t sentence;
    std::string head;  // the folded event word it was named by ("họp báo", "hội nghị"), or ""
    bool local = false;  // an aside ("Trước đó, ngày 9/1, phát biểu tại Hội nghị ..."): only its own sentence
  };
  std::vector<EventInfo> events;
  std::vector<int> event_of_sentence(view_.sentences.size(), -1);
  int current = -1;
  for (std::size_t k = 0; k < view_.sentences.size(); ++k) {
    const Sentence& s = view_.sentences[k];
    const std::vector<Token>& tokens = s.tokens;
    const auto& marks = s.marks;
    std::optional<std::size_t> head;
    bool organizing = false, review = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      // A gathering's word, not a venue's ("Trung tâm Hội nghị"); "chương trình" only when nothing better names it.
      if (marks[i] && marks[i]->kind == PhraseKind::kEventHead && !IsVenueWord(tokens, i) &&
          (!head || (IsWeakEventHead(tokens, *head) && !IsWeakEventHead(tokens, i))))
        head = i;
      if (tokens[i].fold == "tổ"sv && i + 1 < tokens.size() && tokens[i + 1].fold == "chức"sv) organizing = true;
      if (tokens[i].fold == "diễn"sv && i + 1 < tokens.size() && tokens[i + 1].fold == "ra"sv) organizing = true;
      if (tokens[i].fold == "tổng"sv && i + 1 < tokens.size() && tokens[i + 1].fold == "kết"sv) review = true;
    }
    // An event changes when the teaser begins.
    if (s.kind == SegmentKind::kTeaser && current >= 0 && events[current].kind != SegmentKind::kTeaser) current = -1;
    const auto dm = FindDate(tokens, true);
    // After the first event, a date and an event word make a new event only
    // with a verb that holds it ("tổ chức", "diễn ra"): "vào ngày 10-4 ...
    // chương trình" is a date in passing.
    // A dated event word with a role cue ("ngày 9/1, phát biểu tại Hội nghị ...") is an event of its own,
    // but only for that sentence: the article's event stays in force.
    bool role_cue = false;
    if (dm && head && !events.empty() && !organizing)
      for (std::size_t i = 0; i < tokens.size() && !role_cue; ++i) {
        std::size_t length = 0;
        if (g_.IsCueFirst(s.ids[i]))
          for (const char* role : {"chaired", "attended", "spoke_at"}) role_cue = role_cue || MatchesCue(tokens, i, role, length);
      }
    if (dm && (head || (organizing && review)) && (events.empty() || organizing || role_cue)) {
      std::string date = ResolveYear(*dm, tokens, s.kind == SegmentKind::kTeaser);
      // The same day and month as an event already read, with no year written: that event's year.
      if (!dm->year)
        for (const EventInfo& e : events)
          if (e.entity.date.size() == 10 && e.entity.date.substr(5) == IsoDate(2000, dm->month, dm->day).substr(5) &&
              (e.kind == SegmentKind::kTeaser) == (s.kind == SegmentKind::kTeaser))
            date = e.entity.date;
      // A date years away from what the article is about is history ("30/4/1975"), not its event.
      if (dm->year && view_.dominant_year && std::abs(dm->year - view_.dominant_year) > 1) date.clear();
      if (!date.empty()) {
        // The event's name: from its head word to the end of the clause.
        std::size_t from = head ? *head : 0;
        if (!head)
          for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
            if (tokens[i].fold == "tổ"sv && tokens[i + 1].fold == "chức"sv) from = i + 2;
        std::size_t to = from;
        for (; to < tokens.size() && to - from <= 30; ++to) {
          const std::string& f = tokens[to].fold;
          const bool date_next = to + 1 < tokens.size() && ParseDateToken(tokens[to + 1].text).has_value();
          if (tokens[to].text == "."sv || tokens[to].text == ";"sv || tokens[to].text == "("sv || f == "tại"sv || f == "do"sv ||
              f == "với"sv || f == "dưới"sv || f == "nhằm"sv || f == "để"sv || (f == ","sv && to > from + 12) ||
              (f == ","sv && to > from + 2 && to + 1 < tokens.size() && tokens[to + 1].capital) ||
              ParseDateToken(tokens[to].text) || (IsTimeWord(f) && date_next))
            break;
        }
        while (to > from && !tokens[to - 1].word) --to;
        std::string name = SpanText(s, from, to);
        if (!head) name = "Hội nghị " + name;
        name = CapitalizeFirst(NormalizeText(name));
        // Same date as the event in force: the same event.
        if (current >= 0 && events[current].entity.date == date) {
          event_of_sentence[k] = current;
        } else {
          std::string head_fold;
          if (head)
            for (std::size_t i = *head; i < *head + marks[*head]->length; ++i)
              head_fold += (head_fold.empty() ? "" : " ") + tokens[i].fold;
          Entity event{EntityType::kEvent, name, date, "", "", ""};
          event.mention = EventMentionId(doc_.id, events.size());
          event.about = EventAbout(tokens, from, head ? marks[*head]->length : 0, head.has_value());
          events.push_back({std::move(event), s.kind, k, head_fold, role_cue});
          event_of_sentence[k] = static_cast<int>(events.size()) - 1;
          if (!role_cue) current = event_of_sentence[k];
        }
        continue;
      }
    }
    event_of_sentence[k] = current;
  }
  // Captions before the first event's sentence speak of it too.
  const int first_body_event = [&] {
    for (std::size_t e = 0; e < events.size(); ++e)
      if (events[e].kind != SegmentKind::kTeaser) return static_cast<int>(e);
    return -1;
  }();
  for (std::size_t k = 0; k < view_.sentences.size(); ++k)
    if (event_of_sentence[k] < 0 && view_.sentences[k].kind != SegmentKind::kTeaser) event_of_sentence[k] = first_body_event;

  const std::string article_province = ArticleProvince();
  std::map<std::string, std::string> awards_by_head;  // "kỷ niệm chương" -> its full name in this article
  std::string last_giver;
  bool previous_mentioned_event = false;
  for (std::size_t k = 0; k < view_.sentences.size(); ++k) {
    const Sentence& s = view_.sentences[k];
    const std::vector<Token>& tokens = s.tokens;
    const auto& marks = s.marks;
    const float confidence = ConfidenceOf(s.kind);
    const EventInfo* event = event_of_sentence[k] >= 0 ? &events[event_of_sentence[k]] : nullptr;
    // "Phát biểu tại buổi họp báo": a sentence that names an earlier event by its word speaks of that one.
    if (event && event->sentence != k && events.size() > 1) {
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!marks[i] || marks[i]->kind != PhraseKind::kEventHead) continue;
        std::string head_fold;
        for (std::size_t j = i; j < i + marks[i]->length; ++j) head_fold += (head_fold.empty() ? "" : " ") + tokens[j].fold;
        if (head_fold == event->head) break;
        for (std::size_t e = events.size(); e-- > 0;)
          if (events[e].sentence < k && !events[e].local && events[e].head == head_fold &&
              (events[e].kind == SegmentKind::kTeaser) == (s.kind == SegmentKind::kTeaser)) {
            event = &events[e];
            break;
          }
        break;
      }
    }
    const bool defines_event = event && event->sentence == k;

    // Bridge points: "điểm cầu [chính] [tại] [tỉnh] X".
    std::optional<std::string> bridge_province;
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
      if (tokens[i].fold != "điểm"sv || tokens[i + 1].fold != "cầu"sv) continue;
      std::size_t j = i + 2;
      while (j < tokens.size() && (tokens[j].fold == "chính"sv || tokens[j].fold == "tại"sv || tokens[j].fold == "tỉnh"sv ||
                                   tokens[j].fold == "thành"sv || tokens[j].fold == "phố"sv || tokens[j].fold == "tp"sv))
        ++j;
      if (j < tokens.size() && marks[j] && marks[j]->kind == PhraseKind::kProvince) {
        bridge_province = marks[j]->info->canonical;
        break;
      }
    }
    const std::string local_province = bridge_province ? *bridge_province : article_province;
    bool mentions_event = defines_event || bridge_province.has_value();
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (marks[i] && marks[i]->kind == PhraseKind::kEventHead) mentions_event = true;

    Entity bridge;
    if (event && bridge_province) {
      bridge = Entity{EntityType::kBridgePoint, "", event->entity.date, *bridge_province, "", ""};
      bridge.mention = event->entity.mention;
      Emit(event->entity, "has_bridge_point", bridge, s, confidence);
    }

    // People, their offices, and what they did.
    // People need a title, an honorific, a rank or a role cue nearby; most sentences have none.
    bool may_name_people = false;
    for (std::size_t i = 0; i < tokens.size() && !may_name_people; ++i)
      may_name_people = (marks[i] && (marks[i]->kind == PhraseKind::kTitle || marks[i]->kind == PhraseKind::kHonorific ||
                                      marks[i]->kind == PhraseKind::kRank)) ||
                        g_.IsCueFirst(s.ids[i]);
    std::vector<PersonMention> people;
    if (may_name_people) people = FindPeople(s, local_province);
    for (const PersonMention& p : people) {
      const Entity person{EntityType::kPerson, NormalizeText(p.name), "", "", "", ""};
      for (const auto& [title, org] : p.positions) {
        Entity position{EntityType::kPosition, "", "", "", NormalizeText(title), NormalizeText(org)};
        Emit(person, "holds_position", position, s, confidence, event ? event->entity.date : doc_.date);
        if (!org.empty()) {
          // A provincial body is in its province.
          const std::vector<Token> org_tokens = Tokenize(org, 0);
          const auto org_marks = MarkTokens(org_tokens);
          for (std::size_t i = 0; i < org_tokens.size(); ++i)
            if (org_marks[i] && org_marks[i]->kind == PhraseKind::kProvince) {
              Emit(Entity{EntityType::kOrganization, NormalizeText(org), "", "", "", ""}, "located_in",
                   Entity{EntityType::kProvince, org_marks[i]->info->canonical, "", "", "", ""}, s, confidence * 0.9f);
              break;
            }
        }
      }
    }

    // Role cues: the people before a cue in the same clause, or after an
    // introducing cue ("Đến dự có ...", "Phát biểu tại hội nghị, ...").
    struct Cue {
      std::size_t at, length;
      const char* role;
    };
    std::vector<Cue> cues;
    std::optional<std::size_t> award_at;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      std::size_t length = 0;
      if (!g_.IsCueFirst(s.ids[i])) continue;
      for (const char* role : {"chaired", "attended", "spoke_at"}) {
        if (MatchesCue(tokens, i, role, length)) {
          cues.push_back({i, length, role});
          break;
        }
      }
      if (!award_at && MatchesCue(tokens, i, "award_verb", length)) award_at = i;
      if (length > 1) i += length - 1;
    }
    if (event && mentions_event == false && previous_mentioned_event && !cues.empty()) mentions_event = true;
    std::vector<bool> covered(tokens.size(), false);  // tokens inside a person's mention
    for (const PersonMention& p : people)
      for (std::size_t i = p.begin; i < p.end && i < tokens.size(); ++i) covered[i] = true;
    for (std::size_t i = 0; i < tokens.size(); ++i)  // titles and bodies describe people too
      if (marks[i] && marks[i]->kind != PhraseKind::kEventHead)
        for (std::size_t k = i; k < i + marks[i]->length && k < tokens.size(); ++k) covered[k] = true;
    for (PersonMention& p : people) {
      // A cue after the person, before any ";" or ":".
      for (const Cue& c : cues) {
        if (c.at < p.end) continue;
        // Only more people, commas and small words may stand between: a verb
        // that opens another clause ("đề nghị các đồng chí tham dự") or a long
        // gap means the cue has another subject.
        std::size_t gap = 0;  // tokens between that belong to no person
        bool blocked = false;
        for (std::size_t i = p.end; i < c.at && !blocked; ++i) {
          std::size_t length = 0;
          if (!covered[i] && ++gap > 12) blocked = true;
          if (tokens[i].text == ";"sv || tokens[i].text == ":"sv || tokens[i].text == "."sv ||
              (award_at && *award_at == i) || (!covered[i] && MatchesCue(tokens, i, "clause_verb", length)))
            blocked = true;
        }
        if (!blocked) {
          p.role = c.role;
          // "dự và phát biểu tại ...": the next cue, right after "và", is this person's too.
          const std::size_t after = c.at + c.length;
          for (const Cue& next : cues)
            if (next.at == after + 1 && tokens[after].fold == "và"sv && next.role != p.role) p.role2 = next.role;
        }
        break;
      }
      if (!p.role.empty()) continue;
      // An introducing cue before the person: "dự có", "tham dự có", "phát biểu ...,".
      for (const Cue& c : cues) {
        if (c.at >= p.begin) break;
        const std::size_t after = c.at + c.length;
        const bool introduces = (after < tokens.size() && tokens[after].fold == "có"sv) ||
                                (c.at == 0 || (c.at > 0 && tokens[c.at - 1].text == ","sv)) ||
                                (c.at > 0 && tokens[c.at - 1].fold == "sự"sv);
        bool blocked = false;
        for (std::size_t i = after; i < p.begin; ++i)
          if (tokens[i].text == "."sv || (award_at && *award_at == i)) blocked = true;
        if (introduces && !blocked) p.role = c.role;
      }
    }
    if (event && mentions_event) {
      for (const PersonMention& p : people) {
        const Entity person{EntityType::kPerson, NormalizeText(p.name), "", "", "", ""};
        for (const std::string& role : {p.role, p.role2}) {
          if (role.empty()) continue;
          if (role == "spoke_at"sv) {
            Emit(person, "spoke_at", event->entity, s, confidence);
          } else if (bridge_province) {
            Emit(person, role.c_str(), bridge, s, confidence);
          } else {
            Emit(person, role.c_str(), event->entity, s, confidence);
          }
        }
      }
    }
    previous_mentioned_event = mentions_event && event;

    // The organizer and the place of an event, in the sentence that defines it.
    if (defines_event) {
      for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        if (tokens[i].fold != "tổ"sv || tokens[i + 1].fold != "chức"sv) continue;
        // "X tổ chức" (X right before, past "đã", "sẽ", "vừa") or "do X tổ chức".
        std::size_t end = i;
        while (end > 0 && (tokens[end - 1].fold == "đã"sv || tokens[end - 1].fold == "sẽ"sv || tokens[end - 1].fold == "vừa"sv))
          --end;
        std::size_t begin = end;
        for (bool inside_name = true; inside_name;) {
          while (begin > 0 && tokens[begin - 1].text != ","sv && tokens[begin - 1].fold != "do"sv &&
                 tokens[begin - 1].text != "-"sv && tokens[begin - 1].text != ";"sv)
            --begin;
          // A comma inside a body's name ("Bộ Văn hóa, Thể thao và Du lịch") does not end it.
          inside_name = false;
          for (std::size_t m = 0; begin > 0 && m + 1 < begin; ++m)
            if (marks[m] && m + marks[m]->length >= begin && (marks[m]->kind == PhraseKind::kBody ||
                                                              marks[m]->kind == PhraseKind::kOrgHead)) {
              begin = m;
              inside_name = true;
              break;
            }
        }
        while (begin < end && marks[begin] && marks[begin]->kind == PhraseKind::kHonorific) ++begin;
        auto starts_body = [&](std::size_t at) {
          return at < end && marks[at] &&
                 (marks[at]->kind == PhraseKind::kBody || marks[at]->kind == PhraseKind::kOrgHead) && tokens[at].capital;
        };
        // "Ban Chỉ đạo X và UBND tỉnh Y tổ chức": each body organized it.
        for (std::size_t part = begin; starts_body(part);) {
          std::size_t part_end = part + 1;
          while (part_end < end && !((tokens[part_end].fold == "và"sv || tokens[part_end].fold == "cùng"sv) &&
                                     starts_body(part_end + 1)))
            ++part_end;
          std::string org;
          for (std::size_t t = part; t < part_end; ++t) org += (t > part && tokens[t].text != ","sv ? " " : "") + tokens[t].text;
          org = CompleteOrganization(org, local_province);
          Emit(Entity{EntityType::kOrganization, NormalizeText(org), "", "", "", ""}, "organized", event->entity, s,
               confidence);
          part = part_end + 1;
        }
        break;
      }
      for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
        if (tokens[i].fold == "tại"sv && marks[i + 1] && marks[i + 1]->kind == PhraseKind::kProvince &&
            !(i >= 2 && tokens[i - 1].fold == "cầu"sv)) {
          Emit(event->entity, "located_in", Entity{EntityType::kProvince, marks[i + 1]->info->canonical, "", "", "", ""}, s,
               confidence);
          break;
        }
    }

    // Awards: "trao <award> cho A; B", given by the person before the verb.
    if (award_at) {
      std::size_t i = *award_at;
      std::size_t length = 0;
      MatchesCue(tokens, i, "award_verb", length);
      std::size_t start = i + length, cho = start;
      while (cho < tokens.size() && tokens[cho].fold != "cho"sv) ++cho;
      if (cho < tokens.size() && cho > start && tokens[start].capital) {
        std::string award = SpanText(s, start, cho);
        std::string head;
        std::size_t t = start;
        while (t < cho && tokens[t].word) head += (head.empty() ? "" : " ") + tokens[t++].fold;
        if (t < cho) awards_by_head[head] = award;
        else if (auto it = awards_by_head.find(head); it != awards_by_head.end()) award = it->second;
        std::string giver;
        for (const PersonMention& p : people)
          if (p.end <= i) giver = NormalizeText(p.name);
        if (giver.empty()) giver = last_giver;
        last_giver = giver;
        std::size_t stop = tokens.size();
        for (std::size_t n = cho + 1; n < tokens.size(); ++n) {
          std::size_t l;
          if (MatchesCue(tokens, n, "award_verb", l)) {
            stop = n;
            break;
          }
        }
        for (const PersonMention& p : people)
          if (p.begin > cho && p.begin < stop)
            Emit(Entity{EntityType::kPerson, NormalizeText(p.name), "", "", "", ""}, "received_award",
                 Entity{EntityType::kAward, NormalizeText(award), "", "", "", ""}, s, confidence,
                 event ? event->entity.date : doc_.date, giver);
      }
    }

    EmitRelationsOfPlaces(s, tokens, marks);
  }
  ResolveOffices(out_.facts, g_);
  return std::move(out_);
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}
Extractor::~Extractor() = default;

namespace {

// Where a part of at most `limit` bytes starting at `from` should end: after
// the last paragraph break (else line break, else sentence end, else space)
// in its second half, so that no sentence is cut when the text allows.
std::size_t PartEnd(const std::string& text, std::size_t from, std::size_t limit) {
  if (text.size() - from <= limit) return text.size();
  const std::size_t hard = from + limit, floor = from + limit / 2;
  for (const char* separator : {"\n\n", "\n", ". ", " "}) {
    const std::size_t at = text.rfind(separator, hard - std::strlen(separator));
    if (at != std::string::npos && at >= floor) return at + std::strlen(separator);
  }
  std::size_t end = hard;  // no separator: cut between UTF-8 characters
  while (end > floor && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

Extraction Extractor::Extract(const Document& document) const {
  if (document.text.size() > kExtractPartBytes) {
    // A "document" this long is a dump, not an article: its parts are read
    // one at a time so that memory stays bounded (the whole text at once
    // took ~30 bytes a byte), at the cost of context across parts.
    Extraction out;
    std::size_t parts = 0;
    for (std::size_t from = 0; from < document.text.size(); ++parts) {
      const std::size_t end = PartEnd(document.text, from, kExtractPartBytes);
      Document part;
      part.id = document.id;
      part.title = document.title;
      part.date = document.date;
      part.url = document.url;
      part.origin = document.origin;
      part.text = document.text.substr(from, end - from);
      Extraction got = Extract(part);
      for (Fact& fact : got.facts) {
        fact.sentence_offset += static_cast<std::uint32_t>(from);
        out.facts.push_back(std::move(fact));
      }
      for (ExtractWarning& warning : got.warnings) out.warnings.push_back(std::move(warning));
      from = end;
    }
    const std::string id = document.id.empty() ? document.origin : document.id;
    out.warnings.push_back({"document " + id + ": " + std::to_string(document.text.size() / (1024 * 1024)) +
                            " MiB of text, read in " + std::to_string(parts) + " parts of at most " +
                            std::to_string(kExtractPartBytes / (1024 * 1024)) +
                            " MiB; facts whose context spans two parts may be missed"});
    return out;
  }
  const std::int64_t bad_text = FirstInvalidUtf8(document.text);
  const std::int64_t bad_title = FirstInvalidUtf8(document.title);
  if (bad_text < 0 && bad_title < 0) return DocumentExtractor(*gazetteer_, document).Run();
  // Invalid bytes become U+FFFD (NUL bytes are dropped); offsets then count in the repaired text.
  Document repaired = document;
  RepairUtf8(repaired.text);
  RepairUtf8(repaired.title);
  Extraction out = DocumentExtractor(*gazetteer_, repaired).Run();
  const std::string id = document.id.empty() ? document.origin : document.id;
  if (bad_text >= 0)
    out.warnings.push_back({"document " + id + ": invalid UTF-8 at byte " + std::to_string(bad_text) +
                            " of its text; read with U+FFFD in its place"});
  if (bad_title >= 0)
    out.warnings.push_back({"document " + id + ": invalid UTF-8 at byte " + std::to_string(bad_title) +
                            " of its title; read with U+FFFD in its place"});
  return out;
}

}  // namespace vnkg
