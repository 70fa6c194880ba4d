// What every stage of the extractor reads and writes for one document: its
// sentences (tokens, gazetteer marks and word ids), what the whole article
// says (update stamp, dateline, dominant years, provinces named), and the
// facts emitted so far (each fact once per evidence sentence).
// Internal to the extract module.
#pragma once

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "tokens.h"
#include "vnkg/extract/extractor.h"
#include "vnkg/model/fact.h"

namespace vnkg::stage {

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

struct DocumentView {
  std::vector<Sentence> sentences;
  std::string update_year;       // "Cập nhật: 07/01/2025"
  std::string dateline_province; // "BẮC GIANG - ..."
  int dominant_year = 0;         // the year the article speaks of most
  int dominant_support = 0;      // its weight (DominantYear)
  int teaser_year = 0;           // the same, in its teasers of other articles
  // History is not news: a year written in a full date well before the
  // latest full date of the article (or its record's date) is history
  // ("ngày 6/12/1953 ... quyết định" beside "19/5/2017"); and a year guessed
  // from the article's words is no guess at all when the article speaks of a
  // later year as a present, not a plan ("thành lập năm 1961 ... các năm 1989,
  // 1999 và 2005" says nothing of this year's news). Set by ReadPresentYears.
  int latest_full_date_year = 0;
  int latest_news_year = 0;
  int latest_written_year = 0;  // LatestWrittenYear: bounds anniversaries (set before the dominant year)
  // A whole year the article reviews ("Báo cáo kiểm điểm ... năm 2017", "tổng kết công tác năm 2017"):
  // a review is held after its year, so a day of the article is not in it before November. Set by
  // ReadPresentYears; 0 when none.
  int reviewed_year = 0;
  bool IsHistory(int written_year) const { return latest_full_date_year && written_year < latest_full_date_year - 1; }
  bool IsStale(int guessed_year) const { return latest_news_year && guessed_year < latest_news_year - 1; }
  std::map<std::string, int> province_counts;  // provinces named, by canonical name
};

// The facts of one document, each (subject, predicate, object, evidence) once.
struct DocumentContext {
  DocumentContext(const Gazetteer& gazetteer, const Document& document) : g(gazetteer), doc(document) {}

  void Emit(Entity subject, const char* predicate, Entity object, const Sentence& s, float confidence,
            std::string date = "", std::string by = "");

  const Gazetteer& g;
  const Document& doc;
  DocumentView view;
  Extraction out;
  std::set<std::string> emitted;  // fact keys + evidence, against duplicates
};

float ConfidenceOf(SegmentKind kind);

// Small text helpers shared by the stages.
inline bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ASCII white space and no-break spaces, mixed, cut from both ends.
std::string_view Trim(std::string_view s);

// A non-negative decimal of 1-4 digits.
inline bool ParseInt(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  out = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// The text of tokens [a, b) of a sentence as written (spacing and quotes kept).
inline std::string SpanText(const Sentence& s, std::size_t a, std::size_t b) {
  if (a >= b || b > s.tokens.size()) return "";
  return s.text.substr(s.tokens[a].begin - s.line_begin, s.tokens[b - 1].end - s.tokens[a].begin);
}

// "hội nghị ..." -> "Hội nghị ...", for any first letter.
std::string CapitalizeFirst(const std::string& text);

// True for a word of two or more letters with no lower-case letter.
bool IsAllCaps(std::string_view word);

}  // namespace vnkg::stage
