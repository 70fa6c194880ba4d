// Stage 3, dates; see dates.h.
#include "dates.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace vnkg::stage {

using namespace std::string_view_literals;

bool ValidDay(int d, int m) { return d >= 1 && d <= 31 && m >= 1 && m <= 12; }

// "6/1", "6/1/2025", "06-4", "10.1" as one token.
std::optional<DayMonth> ParseDateToken(std::string_view t) {
  // A date starts with its day's digit: words, most tokens, are answered
  // without the two searches below (the date stage asks of every token).
  if (t.empty() || t[0] < '0' || t[0] > '9') return std::nullopt;
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

// The year of a full date or a plain year token, any century ("19/5/1890",
// "1940"): for counting anniversaries and spans, not for dating news.
int WrittenYear(const Token& t) {
  if (!t.digits) return 0;
  int y;
  if (t.text.size() == 4 && ParseInt(t.text, y)) return y;
  const std::size_t last = t.text.find_last_of("/-");
  if (last == std::string::npos || last + 5 != t.text.size() || !ParseInt(t.text.substr(last + 1), y)) return 0;
  return y;
}

namespace {

// Whether a token starts with a digit: every date, year and count this stage
// reads is such a token, so a sentence without one (most) is passed over.
bool HasDigitToken(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.digits; });
}

bool IsDash(const Token& t) { return t.text == "-"sv || t.text == "–"sv || t.text == "—"sv; }

// Whether tokens[i] is one end of a span of years ("(19/5/1890 - 19/5/2017)",
// "(1994 - 2018)"): a lifespan or an anniversary's count, not a day of the news.
bool EndsYearSpan(const std::vector<Token>& tokens, std::size_t i) {
  const int y = WrittenYear(tokens[i]);
  if (!y) return false;
  if (i + 2 < tokens.size() && IsDash(tokens[i + 1]) && WrittenYear(tokens[i + 2]) > y) return true;
  return i >= 2 && IsDash(tokens[i - 1]) && WrittenYear(tokens[i - 2]) && WrittenYear(tokens[i - 2]) < y;
}

}  // namespace

// Tokens inside square brackets: the genre's links to related articles
// ("[Năm 2017, thách thức của ngành nông nghiệp sẽ khắc nghiệt hơn]"), whose
// years are another article's.
std::vector<bool> InSquareBrackets(const std::vector<Token>& tokens) {
  std::vector<bool> inside(tokens.size(), false);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].text != "["sv) continue;
    std::size_t close = i + 1;
    while (close < tokens.size() && tokens[close].text != "]"sv) ++close;
    if (close == tokens.size()) break;
    for (std::size_t j = i; j <= close; ++j) inside[j] = true;
    i = close;
  }
  return inside;
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

// How many years after the latest year an article writes its anniversary may
// fall: the present is often unwritten ("(2015)" in an article of 2017).
constexpr int kAnniversaryReach = 2;
// The earliest year a news article's present is taken to be (CollectYears).
constexpr int kOldestNewsYear = 1990;

// "kỷ niệm 50 năm ... 1968" or "(1968-2018)": the year the anniversary falls in, or 0.
int AnniversaryYear(const std::vector<Token>& tokens, int* base_year, int latest_written) {
  // A count of years before a word that is not a year ("42 năm ngày", not "tháng 5 năm 2018").
  auto count_at = [&](std::size_t i, int& n) {
    return i + 1 < tokens.size() && tokens[i].digits && tokens[i].text.size() < 4 && tokens[i + 1].fold == "năm"sv &&
           !(i > 0 && tokens[i - 1].fold == "tháng"sv) && ParseInt(tokens[i].text, n) && n > 0 && n <= 1000;
  };
  // An anniversary after every year the article writes counts from the article's
  // present, not from its past ("kỷ niệm 45 năm quan hệ ... năm 2018" is not 2063).
  // A base of old history ("70 năm Cách mạng tháng Tám 1945") is never the present.
  auto plausible = [&](int from, int year) {
    return year >= 1990 && year <= 2100 &&
           (from < kOldestNewsYear || !latest_written || year <= latest_written + kAnniversaryReach);
  };
  for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
    int n;
    const bool anniversary = tokens[i].fold == "kỷ"sv && tokens[i + 1].fold == "niệm"sv && count_at(i + 2, n);
    // "tổng kết 24 năm thực hiện pháp lệnh (1994 - 2018)": a count of years that
    // a span of exactly that length in brackets closes (a span written right on,
    // "kế hoạch 5 năm 2018 - 2023", is a plan's).
    if (!anniversary && count_at(i, n)) {
      for (std::size_t j = i + 2; j + 2 < tokens.size() && j < i + 24; ++j) {
        const int from = WrittenYear(tokens[j]);
        if (from && tokens[j - 1].text == "("sv && IsDash(tokens[j + 1]) && WrittenYear(tokens[j + 2]) == from + n && plausible(from, from + n)) {
          if (base_year) *base_year = from;
          return from + n;
        }
      }
      continue;
    }
    if (!anniversary) continue;
    for (std::size_t j = i + 4; j < tokens.size() && j < i + 24; ++j) {
      const std::string& t = tokens[j].text;
      int y, end, nearer;
      // "kỷ niệm 20 năm tái lập tỉnh và 42 năm ngày giải phóng (24/3/1975)": the nearest count.
      if (count_at(j, nearer)) {
        n = nearer;
        continue;
      }
      if (t.size() == 9 && (t[4] == '-') && ParseInt(t.substr(0, 4), y) && ParseInt(t.substr(5), end) && end == y + n) {
        if (base_year) *base_year = y;
        return end;
      }
      // "(19/5/1890-19/5/2017)" written as one token.
      if (const std::size_t dash = t.find('-'); tokens[j].digits && dash != std::string::npos && t.find('/') < dash) {
        Token from_part, to_part;
        from_part.digits = to_part.digits = true;
        from_part.text = t.substr(0, dash);
        to_part.text = t.substr(dash + 1);
        const int from = WrittenYear(from_part);
        if (from && WrittenYear(to_part) == from + n && plausible(from, from + n)) {
          if (base_year) *base_year = from;
          return from + n;
        }
      }
      // "kỷ niệm 45 năm quan hệ ... năm 2018": a year that is itself the present gives no later anniversary
      // (the caller checks the result against the years the article speaks of).
      // "kỷ niệm 45 năm ... trong năm 2018": the year the anniversary is held in, not counted from.
      if (tokens[j].digits && t.size() == 4 && ParseInt(t, y) && j >= i + 6 && tokens[j - 1].fold == "năm"sv &&
          (tokens[j - 2].fold == "trong"sv || tokens[j - 2].fold == "vào"sv || tokens[j - 2].fold == "suốt"sv)) {
        if (base_year) *base_year = y - n;
        return y;
      }
      // A full date or a year counts from its year ("(15/6/1957 - 15/6/2017)", "(19/5/1890 - 19/5/2017)").
      if (const int from = WrittenYear(tokens[j]); from && plausible(from, from + n)) {
        if (base_year) *base_year = from;
        return from + n;
      }
    }
  }
  return 0;
}

// "tháng 5/2017", "tháng 3-2018" at tokens[i] (after "tháng"): its year, 1990-2100.
static bool MonthYear(const std::vector<Token>& tokens, std::size_t i, int& year) {
  if (i == 0 || tokens[i - 1].fold != "tháng"sv || !tokens[i].digits) return false;
  const std::string& t = tokens[i].text;
  const std::size_t sep = t.find_first_of("/-");
  int month;
  if (sep == std::string::npos || sep == 0 || sep > 2 || sep + 5 != t.size() || !ParseInt(t.substr(0, sep), month) ||
      month < 1 || month > 12 || !ParseInt(t.substr(sep + 1), year))
    return false;
  return year >= kOldestNewsYear && year <= 2100;
}

// How many words before a year its target word may stand ("mục tiêu phát triển bền vững toàn cầu 2030").
constexpr std::size_t kTargetReach = 8;

// Counts the years a sentence speaks of as its present: plans ("đến năm
// 2030"), range ends, laws ("Hiến pháp 2013"), births ("sinh năm 1970") and
// the past of an anniversary aside; a full date ("5/6/2025") weighs more.
// `anniversary` and `linked` are the sentence's AnniversaryYear and
// InSquareBrackets, the same in every mode: DominantYear, which counts two
// modes, computes them once.
static void CountYearsOf(const std::vector<Token>& tokens, int anniversary, const std::vector<bool>& linked,
                         std::map<int, int>& counts, YearCount mode) {
  if (anniversary) counts[anniversary] += 2;
  auto born = [&](std::size_t i) {
    for (std::size_t back = 1; back <= 4 && back <= i; ++back)
      if (tokens[i - back].fold == "sinh"sv) return true;
    // "thành lập năm 1995", "được thành lập từ năm 2002", "thành lập vào năm 2001": a founding, as a birth
    // (it still bounds the present).
    if (mode == YearCount::kBounds) return false;
    std::size_t k = i;
    if (k > 0 && tokens[k - 1].fold == "năm"sv) --k;
    if (k > 0 && (tokens[k - 1].fold == "từ"sv || tokens[k - 1].fold == "vào"sv)) --k;
    if (k >= 2 && tokens[k - 1].fold == "lập"sv && tokens[k - 2].fold == "thành"sv) return true;
    // "Việt Nam gia nhập WTO năm 2007", "tham gia APEC năm 1998": joining a body, by its name, as a founding.
    std::size_t j = k;
    while (j > 0 && k - j < 4 && tokens[j - 1].word && tokens[j - 1].capital) --j;
    return j < k && j >= 2 && tokens[j - 1].fold == (tokens[j - 2].fold == "gia"sv ? "nhập"sv : "gia"sv) &&
           (tokens[j - 2].fold == "gia"sv || tokens[j - 2].fold == "tham"sv);
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    int y;
    if (!tokens[i].digits || linked[i]) continue;  // dates, years and months of a year all start with a digit
    if (auto dm = ParseDateToken(tokens[i].text); dm && dm->year && !born(i) && !(anniversary && dm->year < anniversary - 1))
      counts[dm->year] += 3;
    // "hồi tháng 5/2017", "tháng 3-2018": a month of a year is that year, read from the word before "tháng".
    const bool month_year = mode == YearCount::kBounds && MonthYear(tokens, i, y);
    if (!month_year &&
        (!tokens[i].digits || tokens[i].text.size() != 4 || !ParseInt(tokens[i].text, y) || y < 1990 || y > 2100))
      continue;
    if (anniversary && y < anniversary - 1) continue;
    const std::size_t word = month_year ? i - 1 : i;  // where the year's phrase starts
    // Views, not copies: these run for every year of every sentence, three times.
    auto at = [&](std::size_t back) { return word >= back ? std::string_view(tokens[word - back].fold) : std::string_view(); };
    const std::string_view after = i + 1 < tokens.size() ? std::string_view(tokens[i + 1].fold) : std::string_view();
    static const std::set<std::string, std::less<>> kPlan = {"đến", "tới", "trước", "vào", "nhìn", "sau", "tiêu",
                                              "hoạch", "kiến", "hướng"};  // "mục tiêu 2026", "kế hoạch 2020", "dự kiến 2020", "định hướng 2030"
    // "Hiến pháp 2013", "Bộ luật Tố tụng Hình sự năm 2015", "Nghị quyết ... năm 2019":
    // the year of a law, not of the news.
    // "Bộ luật Hình sự 2015 đã sửa đổi bổ sung 2017", "sửa đổi, bổ sung năm 2009": a law's amendment.
    const std::size_t bare = at(1) == "năm"sv ? 2 : 1;
    bool law = (at(bare) == "sung"sv && at(bare + 1) == "bổ"sv) || (at(bare) == "đổi"sv && at(bare + 1) == "sửa"sv);
    for (std::size_t back = 1; back <= 6 && back <= word; ++back) {
      const std::string& w = tokens[word - back].fold;
      const std::string_view before = back < word ? std::string_view(tokens[word - back - 1].fold) : std::string_view();
      // "Hiệp định Paris 2015", "hiệp ước khí hậu Paris ký năm 2015": an agreement's year, as a law's.
      law = law || w == "luật"sv || w == "pháp"sv || (before == "nghị"sv && (w == "quyết"sv || w == "định"sv)) ||
            (before == "hiệp"sv && (w == "định"sv || w == "ước"sv)) ||
            (before == "thông"sv && w == "tư"sv);
    }
    // A target's year: "tầm nhìn ASEAN 2025", "Chương trình nghị sự 2030", "giai đoạn 2016 - 2020".
    static const std::set<std::string, std::less<>> kTarget = {"nhìn", "sự", "đoạn", "tiêu"};
    bool target = kTarget.count(at(1)) || at(2) == "nhìn"sv;
    // "các mục tiêu xanh toàn cầu 2030", "Mục tiêu phát triển bền vững toàn cầu 2030": a target named a few
    // words before its year, in the same phrase.
    // ("Chương trình nghị sự phát triển 2030", the goals by their acronym: "SDGs 2030"; not "nghị sự của APEC
    // 2017" or "Nghị sự APEC 2017", this year's agenda of a body.)
    bool owned = false;
    for (std::size_t back = 1; back <= kTargetReach && back <= word && tokens[word - back].word && !target; ++back) {
      owned = owned || tokens[word - back].fold == "của"sv || (tokens[word - back].capital && back < word &&
                                                                tokens[word - back - 1].fold != "nghị"sv);
      target = tokens[word - back].fold == "tiêu"sv || tokens[word - back].fold == "nhìn"sv ||
               (!owned && tokens[word - back].fold == "sự"sv && back < word && tokens[word - back - 1].fold == "nghị"sv);
    }
    target = target || at(1) == "sdgs"sv || at(1) == "sdg"sv;
    // "Lễ bàn giao vai trò nước chủ nhà Hội nghị WEF ASEAN năm 2018", "chuyển giao chức chủ tịch ASEAN 2018":
    // a host's or chair's role is handed over for the next year's edition, not this one's.
    bool handover = false;
    for (std::size_t back = 2, host = 0; back <= 14 && back <= word && !handover; ++back) {
      const std::string& w = tokens[word - back + 1].fold;
      if (w == "nhà"sv || w == "tịch"sv) host = host || tokens[word - back].fold == "chủ"sv;
      handover = host && w == "giao"sv && (tokens[word - back].fold == "bàn"sv || tokens[word - back].fold == "chuyển"sv);
    }
    // "kể từ năm 2013", "từ 2012 đến nay": a point the present is counted from, in its past; it bounds the
    // present (YearCount::kBounds), it does not choose it.
    // "gia nhập Interpol năm 1991 đến nay": the same, named by what follows it.
    const bool to_now = (after == "đến"sv || after == "tới"sv) && i + 2 < tokens.size() && tokens[i + 2].fold == "nay"sv;
    const bool since = mode == YearCount::kChoose && (at(1) == "từ"sv || (at(1) == "năm"sv && at(2) == "từ"sv) || to_now);
    if (kPlan.count(at(1)) || (at(1) == "năm"sv && kPlan.count(at(2))) || at(1) == "-"sv || at(1) == "–"sv || target || since ||
        after == "sẽ"sv || law || born(i) || handover)
      continue;
    ++counts[y];
  }
}

void CountNewsYears(const std::vector<Token>& tokens, std::map<int, int>& counts, int latest_written, YearCount mode) {
  if (!HasDigitToken(tokens)) return;  // the anniversary's count and every year counted are digits
  CountYearsOf(tokens, AnniversaryYear(tokens, nullptr, latest_written), InSquareBrackets(tokens), counts, mode);
}

std::optional<DayMonth> FindDate(const std::vector<Token>& tokens, bool need_time_word) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].digits) continue;
    // "ngày 6 tháng 1 năm 2025"
    int d, m, y;
    if (i + 2 < tokens.size() && tokens[i + 1].fold == "tháng"sv && ParseInt(tokens[i].text, d) &&
        ParseInt(tokens[i + 2].text, m) && ValidDay(d, m) && i > 0 && IsTimeWord(tokens[i - 1].fold)) {
      DayMonth dm{d, m, 0, i};
      if (i + 4 < tokens.size() && tokens[i + 3].fold == "năm"sv && ParseInt(tokens[i + 4].text, y)) dm.year = y;
      return dm;
    }
    auto dm = ParseDateToken(tokens[i].text);
    if (!dm) continue;
    // "kỷ niệm 127 năm Ngày sinh (19/5/1890 - 19/5/2017)": the ends of a span of years date the past and its
    // anniversary, not a gathering.
    if (dm->year && EndsYearSpan(tokens, i)) continue;
    // "sáng 6/1", and "hôm nay (12/5)".
    const bool time_word = (i > 0 && IsTimeWord(tokens[i - 1].fold)) ||
                           (i > 1 && tokens[i - 1].text == "("sv && IsTimeWord(tokens[i - 2].fold));
    if (need_time_word && !time_word && dm->year == 0) continue;
    dm->at = i;
    return dm;
  }
  return std::nullopt;
}

int LatestWrittenYear(const std::vector<Sentence>& sentences) {
  int latest = 0;
  for (const Sentence& s : sentences)
    if (s.kind != SegmentKind::kTeaser) {
      if (!HasDigitToken(s.tokens)) continue;
      const std::vector<bool> linked = InSquareBrackets(s.tokens);
      for (std::size_t i = 0; i < s.tokens.size(); ++i)
        if (!linked[i]) latest = std::max(latest, WrittenYear(s.tokens[i]));
    }
  return latest;
}

// Whether the body writes a plain year before `year`: then `year`, the latest,
// is the article's present, and an anniversary counted from it would be in the
// future ("kỷ niệm 45 năm quan hệ ngoại giao ... năm 2018" beside 2016, 2017).
bool WritesEarlierYear(const std::vector<Sentence>& sentences, int year) {
  int y;
  for (const Sentence& s : sentences)
    if (s.kind != SegmentKind::kTeaser)
      for (const Token& t : s.tokens)
        if (t.digits && t.text.size() == 4 && ParseInt(t.text, y) && y < year) return true;
  return false;
}

// True when `year` is written in the article's body only inside full dates of
// days months away from `day` ("(11/1/1969)" beside "chiều 6/5"): such a year
// dates those days, not the article's present.
bool OnlyInFullDates(const std::vector<Sentence>& sentences, int year, const DayMonth& day) {
  const std::string written = std::to_string(year);
  bool in_date = false;
  for (const Sentence& s : sentences)
    if (s.kind != SegmentKind::kTeaser)
      for (const Token& t : s.tokens) {
        if (!t.digits) continue;
        if (t.text == written) return false;
        if (auto dm = ParseDateToken(t.text); dm && dm->year == year) {
          // A full date within two months of the day speaks of the same season ("đến ngày 3/3/2019" beside "sáng 4/3").
          if (std::abs((dm->month * 31 + dm->day) - (day.month * 31 + day.day)) <= 62) return false;
          in_date = true;
        }
      }
  return in_date;
}

// The count of "kỷ niệm N năm" when the sentence names no year it counts from, else 0.
int BaselessAnniversaryCount(const std::vector<Token>& tokens) {
  if (AnniversaryYear(tokens)) return 0;
  int n;
  for (std::size_t i = 0; i + 3 < tokens.size(); ++i)
    if (tokens[i].fold == "kỷ"sv && tokens[i + 1].fold == "niệm"sv && tokens[i + 2].digits && tokens[i + 3].fold == "năm"sv &&
        ParseInt(tokens[i + 2].text, n) && n > 0 && n <= 1000)
      return n;
  return 0;
}

// "tổng kết công tác", "tổng kết năm", "Hội nghị tổng kết của ...": the review of a year's work (not "sơ kết",
// not "tổng kết 10 năm thực hiện ...", not a campaign's or a festival's "tổng kết đợt", "tổng kết Lễ hội").
static bool YearReview(const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (tokens[i].fold != "tổng"sv || tokens[i + 1].fold != "kết"sv) continue;
    const Token& next = tokens[i + 2];
    if (next.fold == "công"sv || next.fold == "năm"sv || next.fold == "của"sv || next.fold == "hoạt"sv) return true;
  }
  return false;
}

std::string ResolveYear(const DayMonth& dm, const std::vector<Token>& tokens, bool teaser, const std::string& doc_date,
                        const DocumentView& view) {
  if (dm.year) return IsoDate(dm.year, dm.month, dm.day);
  // The publication date: the latest year that puts the event on or before it.
  if (doc_date.size() >= 10) {
    int py, pm, pd;
    if (ParseInt(doc_date.substr(0, 4), py) && ParseInt(doc_date.substr(5, 2), pm) && ParseInt(doc_date.substr(8, 2), pd)) {
      const int year = (dm.month > pm || (dm.month == pm && dm.day > pd + 1)) ? py - 1 : py;
      return IsoDate(year, dm.month, dm.day);
    }
  }
  int stamp;
  if (!view.update_year.empty() && ParseInt(view.update_year, stamp)) return IsoDate(stamp, dm.month, dm.day);
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
  // An anniversary held that day: "kỷ niệm 50 năm ... 1968" is 2018 (not when that
  // would be after every year the article speaks of: "kỷ niệm 45 năm ... năm 2018").
  int base = 0;
  if (const int anniversary = AnniversaryYear(tokens, &base, view.latest_written_year);
      anniversary && !(base >= view.latest_written_year && WritesEarlierYear(view.sentences, base)))
    return IsoDate(anniversary, dm.month, dm.day);
  // "nhân dịp kỷ niệm 127 năm ngày sinh ..." with no year to count from: the
  // article's years are the history it remembers as much as its present; only
  // a news year it speaks of more than once dates the day ("2017 là năm thứ
  // hai ..." beside "31/10/2017"), never one named once in passing ("Năm 2005,
  // ngành y tế đã ...") or one before any news ("ngày 20/9/1977").
  if (BaselessAnniversaryCount(tokens) && (view.dominant_support < 2 || view.dominant_year < kOldestNewsYear)) return "";
  // The one year the sentence itself speaks of ("Diễn đàn ... năm 2017 ... hôm nay (12/5)").
  {
    std::map<int, int> own;
    CountNewsYears(tokens, own, view.latest_written_year);
    if (own.size() == 1 && (!view.dominant_year || std::abs(own.begin()->first - view.dominant_year) <= 1) &&
        !view.IsStale(own.begin()->first))
      return IsoDate(own.begin()->first, dm.month, dm.day);
  }
  // "Sáng 30/10, ... hội nghị giao ban báo chí tháng 10/2018": the day is in the month of a year its sentence
  // names (not a plan's: "vào tháng 10/2018", "đến tháng 10/2018").
  {
    int year = 0, found = 0, y;
    static const std::set<std::string> kAhead = {"đến", "tới", "trước", "vào", "sau"};
    for (std::size_t i = 1; i < tokens.size(); ++i)
      if (MonthYear(tokens, i, y) && tokens[i].text.substr(0, tokens[i].text.find_first_of("/-")) ==
                                         std::to_string(dm.month) &&
          !(i >= 2 && kAhead.count(tokens[i - 2].fold)))
        year = y, ++found;
    if (found == 1 && !view.IsStale(year)) return IsoDate(year, dm.month, dm.day);
  }
  // Else the year the article speaks of most (plans "đến năm 2030" and range
  // ends aside), the latest on a tie.
  const int latest = teaser && view.teaser_year ? view.teaser_year : view.dominant_year;
  if (latest && (teaser || (!view.IsStale(latest) && !OnlyInFullDates(view.sentences, latest, dm)))) {
    // "Hội nghị tổng kết của Công ty ... chiều 21/1" in an article that speaks of 2016 and of no later
    // year: a year's review held in January-March reviews the year before, so the year spoken of is
    // the year reviewed and the day is in the next.
    if (!teaser && dm.month <= 3 && YearReview(tokens) && view.latest_written_year == latest)
      return IsoDate(latest + 1, dm.month, dm.day);
    // A day before November of a year the article reviews as a whole is in the year after: "Hội nghị Trung ương
    // 7 ... bế mạc sáng 12-5" of an article on the "Báo cáo kiểm điểm ... năm 2017" is 2018-05-12.
    if (!teaser && dm.month <= 10 && view.reviewed_year == latest && view.latest_written_year == latest)
      return IsoDate(latest + 1, dm.month, dm.day);
    return IsoDate(latest, dm.month, dm.day);
  }
  return "";
}

int DominantYear(const std::vector<Sentence>& sentences, bool teasers, int latest_written, int* support) {
  // The year that stands out, 0 if none, and its weight.
  auto standing_out = [](const std::map<int, int>& counts, int& best) {
    int year = 0, distinct = 0;
    best = 0;
    for (const auto& [y, n] : counts) {
      ++distinct;
      if (n >= best) best = n, year = y;
    }
    return (best >= 2 || distinct == 1) ? year : 0;
  };
  std::map<int, int> counts, with_since;
  for (const Sentence& s : sentences)
    if ((s.kind == SegmentKind::kTeaser) == teasers && HasDigitToken(s.tokens)) {
      // CountNewsYears in two modes, the sentence's anniversary and links read once.
      const int anniversary = AnniversaryYear(s.tokens, nullptr, latest_written);
      const std::vector<bool> linked = InSquareBrackets(s.tokens);
      CountYearsOf(s.tokens, anniversary, linked, counts, YearCount::kChoose);
      CountYearsOf(s.tokens, anniversary, linked, with_since, YearCount::kSinceToo);
    }
  int best = 0, best_with_since = 0;
  const int year = standing_out(counts, best);
  if (support) *support = best;
  // Leaving out the points counted from ("kể từ năm 2013") drops a year of the past; it does not make a
  // lone mention stand out ("thành lập năm 1995" beside "từ năm 2010").
  return year == standing_out(with_since, best_with_since) || best >= 2 ? year : 0;
}

// The whole year a sentence reviews: "kiểm điểm [...] năm 2017" (sixteen words at most between, commas
// too: "kiểm điểm sự lãnh đạo, chỉ đạo của Bộ Chính trị ... năm 2017"; no months:
// "kiểm điểm 6 tháng đầu năm 2019" reviews half a year), "tổng kết [công tác] năm 2017"; else 0.
static int ReviewedYear(const std::vector<Token>& tokens) {
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    std::size_t from = 0;
    if (tokens[i].fold == "kiểm"sv && tokens[i + 1].fold == "điểm"sv) from = i + 2;
    if (tokens[i].fold == "tổng"sv && tokens[i + 1].fold == "kết"sv) from = i + 2;
    if (!from) continue;
    const bool review_of_work = tokens[i].fold == "kiểm"sv;
    for (std::size_t k = from; k + 1 < tokens.size() && k < from + 16; ++k) {
      const std::string& f = tokens[k].fold;
      if (f == "tháng"sv || f == "quý"sv || f == "học"sv || f == "đầu"sv || f == "hè"sv ||
          (tokens[k].text == ","sv && !review_of_work))
        break;
      // "tổng kết năm", "tổng kết công tác năm": nothing else between for a year's review.
      if (!review_of_work && k > from + 1 && f != "năm"sv) break;
      if (!review_of_work && k == from + 1 && tokens[from].fold != "công"sv && f != "năm"sv) break;
      int y;
      if (f == "năm"sv && tokens[k + 1].digits && tokens[k + 1].text.size() == 4 && ParseInt(tokens[k + 1].text, y) &&
          (k + 2 >= tokens.size() || (tokens[k + 2].text != "-"sv && tokens[k + 2].text != "–"sv)))
        return y;
    }
  }
  return 0;
}

void ReadPresentYears(const std::string& doc_date, DocumentView& view) {
  // Full dates ("16-5-2019") are the news's and its history's; plans name
  // years, rarely days ("vào đầu năm 2021").
  std::map<int, int> years;
  for (const Sentence& s : view.sentences) {
    if (s.kind == SegmentKind::kTeaser) continue;
    if (const int reviewed = ReviewedYear(s.tokens); reviewed > view.reviewed_year) view.reviewed_year = reviewed;
    for (const Token& t : s.tokens)
      if (t.digits)
        if (auto dm = ParseDateToken(t.text); dm && dm->year)
          view.latest_full_date_year = std::max(view.latest_full_date_year, dm->year);
    CountNewsYears(s.tokens, years, view.latest_written_year, YearCount::kBounds);
  }
  view.latest_news_year = years.empty() ? 0 : years.rbegin()->first;
  int published;
  if (doc_date.size() >= 4 && ParseInt(doc_date.substr(0, 4), published))
    view.latest_full_date_year = std::max(view.latest_full_date_year, published);
}

}  // namespace vnkg::stage
