// Stage 3, dates. Reads the dates written in a sentence ("sáng 6/1",
// "ngày 6 tháng 1 năm 2025", "hôm nay (12/5)"), the years it speaks of as its
// present (plans, law years, births and range ends aside; anniversaries
// "kỷ niệm 50 năm ... 1968" count as 2018), and gives a day without a year
// its year: from the publication date, the update stamp, the sentence, else
// the year the article speaks of most. No year the text does not support.
// Internal to the extract module.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document_context.h"

namespace vnkg::stage {

struct DayMonth {
  int day = 0, month = 0, year = 0;  // year 0: not written
  std::size_t at = 0;                // FindDate: the token it was read at
};

bool ValidDay(int d, int m);

// "6/1", "6/1/2025", "06-4" as one token; a written year is 1945-2100.
std::optional<DayMonth> ParseDateToken(std::string_view t);

// "ngày", "sáng", "chiều", "hôm", "từ", ... (folded).
bool IsTimeWord(const std::string& fold);

// The years 1990-2100 written as four-digit tokens.
void CollectYears(const std::vector<Token>& tokens, std::vector<int>& years);

// "YYYY-MM-DD".
std::string IsoDate(int y, int m, int d);

// The year of a year token or a full date, of any century ("1940",
// "19/5/1890"), else 0: for counting anniversaries and spans, not for dating news.
int WrittenYear(const Token& t);

// Which tokens stand inside square brackets: the genre's links to related
// articles, whose years are another article's.
std::vector<bool> InSquareBrackets(const std::vector<Token>& tokens);

// The latest year written in the body (plain years and full dates, links to
// related articles aside), 0 if none. Plans count: it bounds, it does not date.
int LatestWrittenYear(const std::vector<Sentence>& sentences);

// "kỷ niệm 50 năm ... 1968", "(1890 - 2017)" after "kỷ niệm 127 năm", or
// "24 năm ... (1994 - 2018)": the year the anniversary falls in, or 0. The
// nearest count before the year counts ("20 năm tái lập và 42 năm giải phóng
// (1975)" is 2017). With `latest_written` (LatestWrittenYear), an anniversary
// after latest_written + 1 counts from the present, not the past, and is none.
// `base_year`, when given, receives the year counted from (1968).
int AnniversaryYear(const std::vector<Token>& tokens, int* base_year = nullptr, int latest_written = 0);

// Which years CountNewsYears counts: those that choose the present (plans,
// laws, births, range ends, points counted from aside); those and the points
// counted from ("kể từ năm 2013", as before that rule: DominantYear keeps a
// year only when both agree); or also the years that bound the present from
// below: a month of a year ("hồi tháng 5/2017"; careers and history are
// narrated in months, so it does not choose the news year) and points counted from.
enum class YearCount { kChoose, kSinceToo, kBounds };

// Counts the years a sentence speaks of as its present into `counts`; links to
// related articles ("[...]") aside.
void CountNewsYears(const std::vector<Token>& tokens, std::map<int, int>& counts, int latest_written = 0,
                    YearCount mode = YearCount::kChoose);

// The first date of a sentence; with `need_time_word`, a date without a year
// counts only after a time word ("sáng 6/1"). The ends of a span of years
// ("(19/5/1890 - 19/5/2017)") are no dates of the news.
std::optional<DayMonth> FindDate(const std::vector<Token>& tokens, bool need_time_word);

// The ISO date of `dm` in a sentence of `tokens` of a document published on
// `doc_date` (may be empty); "" when no year can be supported.
std::string ResolveYear(const DayMonth& dm, const std::vector<Token>& tokens, bool teaser, const std::string& doc_date,
                        const DocumentView& view);

// The year the sentences (of the teasers, or of the rest) speak of most,
// leaving out plans ("vào năm 2030", "tầm nhìn 2030", "năm 2030 sẽ") and
// range ends; 0 when no year stands out.
// `support`, when given, receives its weight (a plain mention 1, a full date 3).
int DominantYear(const std::vector<Sentence>& sentences, bool teasers, int latest_written = 0, int* support = nullptr);

// Reads view.latest_written_year. Sets view.latest_full_date_year (full dates of the body, and the record's
// `doc_date`) and view.latest_news_year (CountNewsYears over the body), which
// DocumentView::IsHistory and IsStale read.
void ReadPresentYears(const std::string& doc_date, DocumentView& view);

}  // namespace vnkg::stage
