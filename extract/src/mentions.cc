// Stage 4, mentions: people with their offices, organizations, places; see mentions.h.
#include "mentions.h"

#include <algorithm>
#include <set>

#include "sentences.h"
#include "vnkg/model/text.h"

namespace vnkg::stage {

using namespace std::string_view_literals;

std::optional<std::pair<std::size_t, std::size_t>> NameAt(const Gazetteer& g, const std::vector<Token>& tokens,
                                                          const std::vector<std::optional<Mark>>& marks,
                                                          std::size_t i, bool after_title) {
  // A name: 2-4 capitalised syllables not claimed by the gazetteer; a short
  // last syllable ("Lò S") is fine; it starts with a family name unless a
  // title or honorific stands right before it (ethnic names: "H'Hen Niê").
  // ParseItems asks at every token: a name's first token is a capitalised word (the loop below takes no other).
  if (i >= tokens.size() || !tokens[i].word || !tokens[i].capital || tokens[i].digits) return std::nullopt;
  std::size_t j = i;
  // One-syllable countries and honorifics are also given names: "Nguyễn Đức Chung", "Vũ Anh Tuấn".
  // So are a province's words that end a name after a family name: "Trương Hòa Bình", "Nguyễn Thái Bình".
  auto province_ends_name = [&](std::size_t k) {
    const std::size_t after = k + marks[k]->length;
    return marks[k]->kind == PhraseKind::kProvince && marks[k]->length == 2 && k > i && g.surnames.count(tokens[i].fold) &&
           after - i <= 4 && !(after < tokens.size() && tokens[after].word && tokens[after].capital);
  };
  auto inside_name_ok = [&](std::size_t k) {
    return !marks[k] || marks[k]->kind == PhraseKind::kHonorific ||
           (marks[k]->kind == PhraseKind::kCountry && marks[k]->length == 1) || province_ends_name(k);
  };
  // A middle initial ("Alexander C. Feldman", "George W. Bush"): one capital letter and its dot.
  auto initial_dot = [&](std::size_t k) {
    return k > i && k + 1 < tokens.size() && tokens[k].text == "."sv && tokens[k - 1].text.size() == 1 &&
           tokens[k - 1].capital && tokens[k + 1].word && tokens[k + 1].capital && !marks[k + 1];
  };
  while (j < tokens.size() && j - i < 5 &&
         (initial_dot(j) || (tokens[j].word && tokens[j].capital && !tokens[j].digits && (j == i || inside_name_ok(j))))) {
    // After a title, a family name that also heads bodies ("Đoàn") starts a name when two more name words follow.
    const bool surname_head = after_title && j == i && marks[j] && marks[j]->kind == PhraseKind::kOrgHead && marks[j]->length == 1 &&
                              g.surnames.count(tokens[j].fold) && j + 2 < tokens.size() && tokens[j + 1].capital &&
                              tokens[j + 2].capital && !marks[j + 1] && !marks[j + 2];
    if (marks[j] && j == i && marks[j]->kind != PhraseKind::kHonorific && !surname_head) break;
    ++j;
  }
  const std::size_t length = j - i;
  if (length < 2 || length > 4) return std::nullopt;
  const std::string& first = tokens[i].fold;
  if (g.non_name_words.count(first)) return std::nullopt;
  if (!after_title && !g.surnames.count(first) && !g.surnames.count(first.substr(0, first.find('\'')) + "'"))
    return std::nullopt;
  // All-capital words are abbreviations or headlines, not names ("UBND", "BẮC GIANG").
  for (std::size_t k = i; k < j; ++k)
    if (IsAllCaps(tokens[k].text) && !(k + 1 < j && initial_dot(k + 1))) return std::nullopt;
  // Foreign names cut by spaced punctuation in the source ("Prayuth Chan - o - cha",
  // "Moon Jae - in", "Peter O ' Neill") go on: a short unaccented lower-case piece
  // after a dash that is no title or word of the gazetteer, or a capitalised piece after an apostrophe. Vietnamese
  // names (a family name first) never do, so "A - phó giám đốc" stays apart.
  if (!g.surnames.count(first))
    while (j + 1 < tokens.size()) {
      const Token& piece = tokens[j + 1];
      const bool ascii = std::all_of(piece.text.begin(), piece.text.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      const bool dash_piece = tokens[j].text == "-"sv && piece.word && !piece.capital && ascii && piece.text.size() <= 4 &&
                              !marks[j + 1] && g.WordId(piece.fold) == Gazetteer::kNoWord &&
                              !(j + 2 < tokens.size() && marks[j + 2]);
      const bool apostrophe_piece = tokens[j].text == "'"sv && piece.word && piece.capital && !marks[j + 1];
      if (!dash_piece && !apostrophe_piece) break;
      j += 2;
    }
  return std::make_pair(i, j);
}

std::string CompleteOrganization(const Gazetteer& g, std::string org, const std::string& province) {
  if (province.empty()) return org;
  const std::string folded = FoldCachedWords(org);
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
  for (const char* local : {" xã", " huyện", " quận", " phường", " thị xã", " thị trấn", " tp ", " thành phố ", " q.",
                            " h.", " p.", " tx."})
    if (folded.find(local) != std::string::npos) return org;  // a district, commune or city body ("UBND TP Nha Trang")
  // A city's bodies in a province are a provincial city's ("Thành ủy" in Gia Lai is Pleiku's), and
  // a province's bodies are not a centrally-run city's: which one, the text does not say.
  const bool city = g.cities.count(province) > 0;
  for (const char* city_body : {"thành ủy", "thành đoàn", "ubnd tp", "ubnd thành phố", "hđnd tp", "hđnd thành phố",
                                "ủy ban nhân dân thành phố", "hội đồng nhân dân thành phố", "công an tp", "công an thành phố"})
    if (!city && (folded == city_body || StartsWith(folded, std::string(city_body) + " "))) return org;
  for (const char* province_body : {"tỉnh ủy", "tỉnh đoàn", "ubnd tỉnh", "hđnd tỉnh", "ủy ban nhân dân tỉnh",
                                    "hội đồng nhân dân tỉnh", "công an tỉnh"})
    if (city && (folded == province_body || StartsWith(folded, std::string(province_body) + " "))) return org;
  // Already names a province?
  const std::vector<Token> tokens = Tokenize(org, 0);
  const auto marks = MarkTokens(g, tokens);
  for (const auto& m : marks)
    if (m && m->kind == PhraseKind::kProvince) return org;
  if (EndsWith(folded, "tỉnh") || EndsWith(folded, "thành phố") || EndsWith(folded, "tp")) return org + " " + province;
  return org + " " + province;
}

namespace {

// Items: runs of tokens between separators (, ; : ( ) and "và", "cùng").
struct Item {
  std::size_t begin, end;
  bool group_start;  // after ";" or ":" or the sentence start
};

std::vector<Item> SplitItems(const std::vector<Token>& tokens) {
  std::vector<Item> items;
  std::size_t start = 0;
  bool group_start = true;
  int depth = 0;  // inside "( ... )": an abbreviation or gloss, part of the item
  for (std::size_t i = 0; i <= tokens.size(); ++i) {
    const bool at_end = i == tokens.size();
    const std::string_view t = at_end ? std::string_view() : std::string_view(tokens[i].text);  // a view: no copy of each token
    if (t == "("sv) ++depth;
    if (t == ")"sv && depth > 0) --depth;
    const bool separator = at_end || (depth == 0 && (t == ","sv || t == ";"sv || t == ":"sv || t == "."sv || t == "!"sv ||
                                                     t == "?"sv || tokens[i].fold == "và"sv || tokens[i].fold == "cùng"sv));
    // The dot of a middle initial ("Alexander C. Feldman") is inside the item.
    const bool initial = !at_end && t == "."sv && i > 0 && tokens[i - 1].word && tokens[i - 1].capital &&
                         tokens[i - 1].text.size() == 1 && i + 1 < tokens.size() && tokens[i + 1].capital;
    // Nor does a dot before a lower-case word, which the sentence splitter left inside: "Saigon Co. op".
    const bool inner_dot = !at_end && t == "."sv && i + 1 < tokens.size() && tokens[i + 1].word && !tokens[i + 1].capital;
    if (!separator || initial || inner_dot) continue;
    if (i > start) items.push_back({start, i, group_start});
    group_start = at_end || t == ";"sv || t == ":"sv;
    start = i + 1;
  }
  return items;
}

struct Parsed {
  std::size_t item;
  std::size_t begin, end;  // tokens this mention uses
  std::optional<std::pair<std::size_t, std::size_t>> name;
  std::vector<std::pair<std::size_t, std::size_t>> title_spans;
  bool title_first = false;  // a title stands before the name
  bool pure_title = false;   // only a title span, at the end of its item
};

// The people of one sentence, read in steps: items -> parsed mentions (names
// and title spans) -> titles attached to their names -> people with offices.
class PeopleReader {
 public:
  PeopleReader(const Gazetteer& gazetteer, const Sentence& s)
      : g(gazetteer), sentence(s), tokens(s.tokens), marks(s.marks) {}

  std::vector<Parsed> ParseItems(const std::vector<Item>& items) const;
  void AttachTitles(const std::vector<Item>& items, std::vector<Parsed>& parsed) const;
  std::vector<PersonMention> BuildPeople(const std::vector<Parsed>& parsed, const std::string& local_province) const;

 private:
  // Where a title span's end stands while it is read.
  struct SpanState {
    std::size_t from, t, limit;  // the span's start, its title word, the item's end
    std::size_t end;
    bool place_closed = false;  // a province or place name closed the body: no more lower-case words
    int lower_run = 0;          // lower-case words in a row inside a body's name
    bool lower_after_head = false;  // those words follow a body's head word ("Ban chỉ đạo", "Hội phụ nữ")
    std::size_t head_end = 0;       // just after the last body head word read ("Hội đồng" in "Hội đồng quản trị")
    bool firm_head = false;         // that head names a firm or institution by a proper name ("Công ty", "Bệnh viện")
    // The span follows its holder's name ("A, giám đốc Trung tâm Nghiên cứu và tư vấn
    // nông nghiệp nhiệt đới, ..."; "A - phó cục trưởng Cục Cảnh sát giao thông Bộ Công an -"):
    // the body's name runs on to the end of the apposition, up to a verb.
    bool apposition = false;
    // That apposition opened with a dash ("A - giám đốc Sở X - nhận định"): a later dash closes it
    // unless a capitalised field follows ("- Môi trường").
    bool after_dash = false;
  };

  bool IsSurname(std::size_t k) const;
  bool IsUnitWord(std::size_t k) const;
  std::size_t PlaceEnd(std::size_t k, std::size_t limit) const;
  std::optional<std::pair<std::size_t, std::size_t>> ReadTitleSpan(std::size_t from, std::size_t limit,
                                                                   bool apposition = false,
                                                                   bool after_dash = false) const;
  bool EndsApposition(std::size_t k) const;
  bool DashJoinsFields(SpanState& st) const;
  std::size_t SkipGloss(std::size_t k, std::size_t limit) const;
  bool OneTitleIn(std::size_t begin, std::size_t end) const;
  bool StartsClauseVerb(std::size_t k) const;
  std::size_t AppositionLimit(const std::vector<Item>& items, std::size_t k) const;
  bool StepTitleSpan(SpanState& st) const;
  std::optional<std::pair<std::string, std::string>> PositionOf(std::size_t a, std::size_t b,
                                                                const std::string& province) const;

  const Gazetteer& g;
  const Sentence& sentence;
  const std::vector<Token>& tokens;
  const std::vector<std::optional<Mark>>& marks;
};

bool PeopleReader::IsSurname(std::size_t k) const {
  const std::string& f = tokens[k].fold;
  return g.surnames.count(f) > 0 || g.surnames.count(f.substr(0, f.find('\'')) + "'") > 0;
}

// Words after which a capitalised run names a place, not a person
// ("UBND xã Hưng Thạnh", "Huyện ủy Tháp Mười"), unless it starts with a family name.
bool PeopleReader::IsUnitWord(std::size_t k) const {
  static const std::set<std::string> kUnits = {"xã", "huyện", "phường", "quận", "thị", "trấn", "thôn", "ấp", "ủy",
                                               "tp", "phố"};
  return kUnits.count(tokens[k].fold) > 0 && !(tokens[k].fold == "thị"sv && k + 1 < tokens.size() &&
                                               tokens[k + 1].fold != "xã"sv && tokens[k + 1].fold != "trấn"sv);
}

// The end of a place's or firm's name starting at `k`: its capitalised words, but in a run of four
// or more a family name with one to three capitals after it starts the person ("Tháp Mười Nguyễn Văn A";
// "Buôn Ma Thuột" stays whole).
std::size_t PeopleReader::PlaceEnd(std::size_t k, std::size_t limit) const {
  std::size_t run = k;
  // One-syllable countries are given names too ("Đặng Đức Quỳnh").
  while (run < limit && run - k < 7 && tokens[run].word && tokens[run].capital &&
         (!marks[run] || (marks[run]->kind == PhraseKind::kCountry && marks[run]->length == 1)))
    ++run;
  // Names of three words are the most common ("Vĩnh Yên Đặng Đức Hòa"), then four, whose
  // third word may be a family name too ("Việt Nam Nguyễn Thị Kim Ngân"), then two.
  if (run - k >= 4)
    for (std::size_t length : {3, 4, 2})
      if (run - length > k && IsSurname(run - length)) return run - length;
  return run;
}

// A title span: [Phó|Quyền|nguyên|cựu] title, then its organization words, up to a name.
std::optional<std::pair<std::size_t, std::size_t>> PeopleReader::ReadTitleSpan(std::size_t from, std::size_t limit,
                                                                               bool apposition,
                                                                               bool after_dash) const {
  std::size_t t = from;
  if (from >= limit) return std::nullopt;
  // ParseItems asks at every token, and most start no title: without a title's mark here, only the
  // prefixes skipped below lead to one. (Every check in between answers no title too.)
  if (!(marks[from] && marks[from]->kind == PhraseKind::kTitle) && tokens[from].fold != "nguyên"sv &&
      tokens[from].fold != "quyền"sv && tokens[from].fold != "cựu"sv && tokens[from].fold != "phó"sv)
    return std::nullopt;
  // "chính quyền Tổng thống ...": a lower-case "quyền" after a word is part of that word.
  if (tokens[from].fold == "quyền"sv && !tokens[from].capital && from > 0 && tokens[from - 1].word &&
      !marks[from - 1])
    return std::nullopt;
  // "Phủ Chủ tịch": a title right after an unclaimed capitalised word is part of another name.
  if (from >= 2 && tokens[from - 1].word && tokens[from - 1].capital && !marks[from - 1] &&
      !IsAllCaps(tokens[from - 1].text) && tokens[from - 2].word && !marks[from - 2]) {
    const std::string& prev = tokens[from - 1].fold;
    if (prev != "phó"sv && prev != "quyền"sv && prev != "nguyên"sv && prev != "cựu"sv && !g.non_name_words.count(prev))
      return std::nullopt;
  }
  while (t + 1 < limit && (tokens[t].fold == "nguyên"sv || tokens[t].fold == "quyền"sv || tokens[t].fold == "cựu"sv)) ++t;
  if (t + 1 < limit && tokens[t].fold == "phó"sv && marks[t + 1] && marks[t + 1]->kind == PhraseKind::kTitle) ++t;
  if (t >= limit || !marks[t] || marks[t]->kind != PhraseKind::kTitle) return std::nullopt;
  std::size_t end = t + marks[t]->length;
  if (end + 1 < limit && tokens[end].fold == "thường"sv && tokens[end + 1].fold == "trực"sv) end += 2;
  SpanState st{from, t, limit, end};
  st.apposition = apposition;
  st.after_dash = after_dash;
  // A title that ends in a body's head ("Giám đốc Sở", "Chủ tịch UBND"): the body's name follows.
  if (g.Find(tokens[end - 1].fold, PhraseKind::kOrgHead) && tokens[end - 1].capital) {
    st.head_end = end;
    st.firm_head = true;  // a department's proper name follows like a firm's: "Sở Tài Nguyên Môi Trường"
  }
  while (st.end < limit && StepTitleSpan(st)) {
  }
  return std::make_pair(from, st.end);
}

// A dash between two fields of one body's name ("Bộ Kế hoạch - đầu tư", "Sở Tài nguyên - Môi
// trường tỉnh X", "Sở Văn hóa - Thể thao"): after a body's head and a word of its own, the words after
// the dash are the body's, up to a name, a mark (a title, another body: "Vụ Pháp chế - Bộ Y tế"), a
// clause's word or four words. A dash after a firm's proper name ("Công ty Hoàng Long - đơn vị thi
// công") or before a person ("Chủ tịch UBND tỉnh - Hồ Tiến Thiệu") ends the span. Steps past the
// dash and those words; false when the dash ends the span.
bool PeopleReader::DashJoinsFields(SpanState& st) const {
  static const std::set<std::string> kNotField = {"cho", "là", "đã", "đang", "sẽ", "có", "được", "cũng", "vừa",
                                                  "đến", "tại", "về", "với", "của", "khi", "thì", "mà", "này",
                                                  "trong", "nhưng", "vì", "do", "bị", "và", "đơn", "nơi", "người", "ảnh", "còn", "nói", "vẫn", "lại"};
  const std::size_t dash = st.end;
  if (!st.head_end || dash <= st.head_end || st.place_closed || tokens[dash - 1].digits) return false;
  // Fields pair up in case: "Kế hoạch - đầu tư", "TN - MT"; a lower-case word after a capital is the
  // clause's ("Học viện Cán bộ TP - nói", "Cảng Quy Nhơn - ký ...").
  if (dash + 1 < st.limit && !tokens[dash + 1].capital && (tokens[dash - 1].capital || st.after_dash)) return false;
  std::size_t k = dash + 1;
  // (A lower-case head word is a compound's end, "Môi trường", not a body of its own.)
  while (k < st.limit && k - dash <= 4 && tokens[k].word &&
         (!marks[k] || (marks[k]->kind == PhraseKind::kOrgHead && !tokens[k].capital)) && !kNotField.count(tokens[k].fold) &&
         !StartsClauseVerb(k) && !NameAt(g, tokens, marks, k, true))
    ++k;
  // At least a word, and the field ends where a body's name may end: the item's end, punctuation, a
  // person's name, a province ("Hà Nội", "tỉnh X") or the clause's verb; not inside a clause that goes on
  // ("- nói việc các doanh nghiệp ...", "- nêu rõ Ban Nội chính ...", "- cảnh báo giá ...").
  if (k == dash + 1) return false;
  if (k >= st.limit) {
    st.end = k;
    st.lower_run = 0;
    return true;
  }
  const bool place_follows = (marks[k] && (marks[k]->kind == PhraseKind::kProvince || marks[k]->kind == PhraseKind::kCountry)) ||
                             IsUnitWord(k) || tokens[k].fold == "tỉnh"sv || tokens[k].fold == "thành"sv ||
                             tokens[k].fold == "trung"sv;
  if (tokens[k].word && !place_follows && !NameAt(g, tokens, marks, k, true) && !StartsClauseVerb(k))
    return false;
  st.end = k;
  st.lower_run = 0;
  return true;
}

// One step of a title span's end; false when the span ends at st.end.
bool PeopleReader::StepTitleSpan(SpanState& st) const {
  const std::size_t from = st.from, t = st.t, limit = st.limit;
  std::size_t& end = st.end;
  bool& place_closed = st.place_closed;
  int& lower_run = st.lower_run;
  bool& lower_after_head = st.lower_after_head;
  std::size_t& head_end = st.head_end;
  bool& firm_head = st.firm_head;
  static const std::set<std::string> kOrgLowerWords = {"tỉnh", "thành", "phố", "nhân", "dân", "đại", "biểu", "và"};
  static const std::set<std::string> kStopWords = {"cho", "là", "đã", "đang", "sẽ", "có", "được", "cũng", "vừa",
                                                   "nói", "phát", "chủ", "dự", "tham", "điều", "trao", "tặng",
                                                   "đến", "tại", "về", "với", "của", "khi", "thì", "mà", "này",
                                                   "trong", "nhưng", "vì", "do", "bị", "đề", "yêu", "nhấn",
                                                   "giữ", "làm", "kiêm"};
  if (tokens[end].text == "-"sv || tokens[end].text == "–"sv) return DashJoinsFields(st);
  // A company's or body's own name after its head: "Công ty Thiên An Phúc", "Giám đốc Sở Tài Nguyên
  // Môi Trường" (a family name starts a person).
  // Two capitals after it are its name even when the first is a family name ("Bệnh viện Bạch Mai", "Công ty
  // Hoàng Long"): a holder is written with three or more, or after the body's name.
  const bool two_word_name = end + 2 <= limit && tokens[end + 1].word && tokens[end + 1].capital && !marks[end + 1] &&
                             !(end + 2 < tokens.size() && tokens[end + 2].word && tokens[end + 2].capital);
  if (head_end == end && end > t && firm_head && tokens[end].capital && !marks[end] && (!IsSurname(end) || two_word_name) &&
      NameAt(g, tokens, marks, end, true)) {
    end = PlaceEnd(end, limit);
    place_closed = true;
    lower_run = 0;
    return true;
  }
  // A place after a unit word: "xã Hưng Thạnh", "Huyện ủy Tháp Mười", "TP Nha Trang".
  // ("huyện Đức Thọ": a one-syllable country's name is a place's word here.)
  if (end > t && IsUnitWord(end - 1) && tokens[end].word && tokens[end].capital &&
      (!marks[end] || (marks[end]->kind == PhraseKind::kCountry && marks[end]->length == 1)) &&
      !IsSurname(end) && !IsAllCaps(tokens[end].text)) {
    end = PlaceEnd(end, limit);
    place_closed = true;
    lower_run = 0;
    return true;
  }
  const bool marked = marks[end] && marks[end]->kind != PhraseKind::kHonorific &&
                      !(marks[end]->kind == PhraseKind::kOrgHead && g.surnames.count(tokens[end].fold));
  if (st.apposition && end > t && !marked && tokens[end].word && tokens[end].capital &&
      (!IsSurname(end) || (IsAllCaps(tokens[end - 1].text) && !IsUnitWord(end - 1)))) {
    // In an apposition the holder is already named: capitalised words are the body's
    // ("A, Chủ tịch ExxonMobil Development thuộc Tập đoàn ..."); a family name starts
    // another person ("A, Phó Thủ tướng Chính phủ Trịnh Đình Dũng") unless a firm's
    // legal form stands before it ("giám đốc Công ty TNHH Hồ Hoàn Cầu").
    lower_run = 0;
    ++end;
    return true;
  }
  if (NameAt(g, tokens, marks, end, true) && !marked) {
    // "Ban chỉ đạo Tây Nguyên": after a body's lower-case words, a run without a family name is a place.
    if (lower_run == 0 || !lower_after_head || IsSurname(end)) return false;
    // Of a longer run, the last two words are the person's: "Cộng hòa Fiji Ru-vơ-ni Na-đa-lô".
    std::size_t run = end;
    while (run < limit && tokens[run].word && tokens[run].capital && !marks[run]) ++run;
    end = run - end >= 3 ? run - 2 : run;
    place_closed = true;
    lower_run = 0;
    return true;
  }
  // Another title after the clause's words is another person's ("Tổng thống Obama hội kiến Thủ
  // tướng A"); after a body's head it is the body's name ("Văn phòng Chủ tịch nước").
  if (marks[end] && marks[end]->kind == PhraseKind::kTitle && end > t + marks[t]->length && !tokens[end - 1].capital &&
      head_end != end)
    return false;
  // A lower-case head word after a body's name closed by its place or an abbreviation is the clause's word,
  // not another body: "Thành ủy TP HCM báo cáo", "UBND tỉnh Nghệ An đoàn kết" ("báo", "đoàn" head bodies
  // only as "Báo X", "Đoàn X"; after a capitalised word they end compounds: "Ngoại vụ", "Thành đoàn").
  if (marks[end] && marks[end]->kind == PhraseKind::kOrgHead && marks[end]->length == 1 && !tokens[end].capital &&
      end > t + marks[t]->length && (place_closed || IsAllCaps(tokens[end - 1].text)))
    return false;
  if (marks[end] && marks[end]->kind != PhraseKind::kTitle && marks[end]->kind != PhraseKind::kRank &&
      marks[end]->kind != PhraseKind::kHonorific) {
    place_closed = marks[end]->kind == PhraseKind::kProvince || marks[end]->kind == PhraseKind::kCountry;
    const bool head = marks[end]->kind == PhraseKind::kOrgHead;
    if (head) {
      static const std::set<std::string> kFirms = {"công ty", "tập đoàn", "tổng công ty", "ngân hàng", "bệnh viện",
                                                   "hiệp hội", "quỹ", "trường"};
      firm_head = kFirms.count(FoldCachedWords(marks[end]->info->canonical)) > 0;
    }
    end += marks[end]->length;
    if (head) head_end = end;
    lower_run = 0;
    return true;
  }
  if (!tokens[end].word) return false;
  // A verb of the clause ends the body ("Thủ tướng Ardern mời Thủ tướng A").
  if (!tokens[end].capital && end > t && StartsClauseVerb(end)) return false;
  if (tokens[end].capital) {
    // "tổng thống Mỹ Trump": after a country or province, a lone capitalised word is a one-word name.
    if (place_closed && !(end + 1 < limit && tokens[end + 1].word && tokens[end + 1].capital)) return false;
    lower_run = 0;
    // A run of four or more capitals ends a body and starts its holder at a family name:
    // "Hội Luật gia Việt Nam Trần Đức Long" (the run too long to be one name).
    const std::size_t body_end = PlaceEnd(end, limit);
    end = body_end > end && body_end < limit && IsSurname(body_end) ? body_end : end + 1;
    return true;
  }
  // Body names: a capital, then lower-case words ("Sở Ngoại vụ", "Ban tuyên giáo", "Đoàn đại biểu Quốc hội").
  if (st.apposition && end > t) {
    // A body's own name may hold "về", "của", "trong" ("Hội đồng tư vấn quốc gia về biến đổi khí
    // hậu", "Ban Công tác đại biểu của Ủy ban Thường vụ Quốc hội"); after its province it ends.
    // Such a word joins only lower-case words of the body ("Trung ương về thay ..." is a clause).
    static const std::set<std::string> kOwnWords = {"về", "của", "trong", "đề", "phát", "tham", "điều"};
    const bool own_word = kOwnWords.count(tokens[end].fold) && end > t + marks[t]->length &&
                          !tokens[end - 1].capital &&
                          !(tokens[end].fold == "tham"sv && end + 1 < limit && tokens[end + 1].fold == "gia"sv);
    if ((kStopWords.count(tokens[end].fold) && !own_word) || place_closed || EndsApposition(end) || lower_run >= 14)
      return false;
    ++lower_run;
    ++end;
    return true;
  }
  if (kStopWords.count(tokens[end].fold)) return false;
  const bool org_word = kOrgLowerWords.count(tokens[end].fold) > 0;
  // (Right after a body's head counts as after a capital: "Công ty cây xanh", whose head ends in "ty".)
  const bool after_capital = end > from && ((tokens[end - 1].capital && !IsAllCaps(tokens[end - 1].text)) ||
                                            (head_end == end && end > t + marks[t]->length));
  const bool second_after_head =
      lower_run == 1 && (head_end + 1 == end || (marks[end - 2] && marks[end - 2]->kind == PhraseKind::kOrgHead));
  if (!org_word && (place_closed || !(after_capital || second_after_head))) return false;
  if (lower_run == 0)
    lower_after_head = !org_word && (head_end == end || (marks[end - 1] && marks[end - 1]->kind == PhraseKind::kOrgHead));
  lower_run = org_word ? 0 : lower_run + 1;
  ++end;
  return true;
}

// Past a gloss in brackets at k ("Diễn đàn Kinh tế thế giới (WEF)", "Mác-tin Chung-oong
// (Martin Chungong)"): the original spelling or acronym of what stands before it, part of
// the mention but not of its name. k itself when no short bracket closes before `limit`.
std::size_t PeopleReader::SkipGloss(std::size_t k, std::size_t limit) const {
  if (k >= limit || tokens[k].text != "("sv) return k;
  for (std::size_t close = k + 1; close < limit && close <= k + 8; ++close) {
    if (tokens[close].text == ")"sv) return close > k + 1 ? close + 1 : k;
    // Dates and counts in brackets ("(8 - 12/7/1957)") are no gloss: what follows is another item.
    if (tokens[close].text == "("sv || tokens[close].digits || !(tokens[close].word || tokens[close].text == "-"sv)) break;
  }
  return k;
}

// True when [begin, end) holds one title, at its start: "(TGĐ Vina Capital)" is an office,
// "(Tổng thống A hội kiến Thủ tướng B)" a caption.
bool PeopleReader::OneTitleIn(std::size_t begin, std::size_t end) const {
  std::size_t titles = 0;
  for (std::size_t i = begin; i < end; ++i)
    if (marks[i] && marks[i]->kind == PhraseKind::kTitle) {
      ++titles;
      i += marks[i]->length - 1;
    }
  return titles == 1;
}

// A word that ends an apposition's body name: a verb of the clause ("cho biết", "nhấn
// mạnh", the role cues), "thuộc" (the body it belongs to is another), "kiêm".
bool PeopleReader::EndsApposition(std::size_t k) const {
  static const std::set<std::string> kEnds = {"thuộc", "kiêm", "nêu", "nhận", "bày", "chia", "trả", "kiến",
                                              "tái", "lưu", "cảnh", "giải", "phân", "mong", "cam", "thừa", "gửi",
                                              "ký", "khai", "trình", "báo", "đánh", "đưa", "vẫn", "còn",
                                              "luôn", "từng", "góp", "giữ", "thay", "hiện", "nay", "lại", "sau", "trước", "ngày", "hôm",
                                              "sáng", "chiều", "tối", "trưa", "rằng", "ra", "tiếp", "gặp", "làm",
                                              "ông", "bà", "anh", "chị"};
  return kEnds.count(tokens[k].fold) || StartsClauseVerb(k);
}

// A role cue, a clause verb ("cho biết", "mời") or an award verb starts at k.
bool PeopleReader::StartsClauseVerb(std::size_t k) const {
  std::size_t length = 0;
  if (g.IsCueFirst(sentence.ids[k]))
    for (const char* role : {"chaired", "attended", "spoke_at", "clause_verb", "award_verb"})
      if (MatchesCue(g, tokens, k, role, length)) return true;
  return false;
}

// Where an apposition in item k may end: the item's end, or further past a "và"
// that joins lower-case words inside a body's name ("Trung tâm Nghiên cứu và tư
// vấn nông nghiệp", "Vụ Chính trị và công tác học sinh sinh viên").
std::size_t PeopleReader::AppositionLimit(const std::vector<Item>& items, std::size_t k) const {
  std::size_t limit = items[k].end;
  for (std::size_t next = k + 1; next < items.size() && limit + 1 < tokens.size(); ++next) {
    const std::size_t v = limit;
    if (tokens[v].fold != "và"sv || items[next].begin != v + 1) break;
    const Token& before = tokens[v - 1];
    const Token& after = tokens[v + 1];
    if (!before.word || before.capital || !after.word || after.capital || marks[v + 1]) break;
    limit = items[next].end;
  }
  return limit;
}

std::vector<Parsed> PeopleReader::ParseItems(const std::vector<Item>& items) const {
  std::vector<Parsed> parsed;
  std::size_t read_on = 0;  // where an apposition read on past its item's end ("... nghiên cứu và tư vấn ...")
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    const std::size_t first = std::max(item.begin, read_on);
    for (std::size_t i = first; i < item.end;) {
      Parsed p{k, i, i, std::nullopt, {}, false, false};
      bool clause_title = false;
      std::size_t j = i;
      bool introduced = false;  // by an honorific or rank
      while (j < item.end && marks[j] && (marks[j]->kind == PhraseKind::kHonorific || marks[j]->kind == PhraseKind::kRank)) {
        j += marks[j]->length;
        introduced = true;
      }
      // "A, giám đốc Sở X, ...": a title item right after a bare name, past a comma, is its apposition.
      const bool apposition = !introduced && i == item.begin && !parsed.empty() && parsed.back().item + 1 == k &&
                              parsed.back().name && !parsed.back().title_first &&
                              parsed.back().end == items[k - 1].end && tokens[items[k - 1].end].text == ","sv;
      if (auto span = ReadTitleSpan(j, apposition ? AppositionLimit(items, k) : item.end, apposition)) {
        p.title_spans.push_back(*span);
        p.title_first = true;
        j = SkipGloss(span->second, item.end);
        // Titles joined by a dash or "kiêm" before the name: "Phó Chủ tịch UBND tỉnh – Trưởng Đoàn
        // ĐBQH tỉnh X Y", "Bộ trưởng Bộ X kiêm Phó Trưởng Ban Y Z".
        while (j + 1 < item.end && (tokens[j].text == "-"sv || tokens[j].text == "–"sv || tokens[j].fold == "kiêm"sv)) {
          auto next = ReadTitleSpan(j + 1, item.end);
          if (!next) break;
          p.title_spans.push_back(*next);
          j = next->second;
        }
        // "Chủ tịch nước là ông A, Ủy viên ...": the title, "là", then its holder, whom the
        // honorific introduces as if the title came after (the items that follow are his too).
        if (j + 2 < item.end && tokens[j].fold == "là"sv && marks[j + 1] && marks[j + 1]->kind == PhraseKind::kHonorific) {
          ++j;
          p.title_first = false;
        }
        while (j < item.end && marks[j] && marks[j]->kind == PhraseKind::kHonorific) j += marks[j]->length;
        p.name = NameAt(g, tokens, marks, j, true);
        if (p.name) j = SkipGloss(p.name->second, item.end);
        else p.pure_title = j >= item.end;
        // "A, Phó Chủ tịch UBND tỉnh chủ trì ...": an apposition followed by its verb.
        clause_title = !p.name && !p.pure_title && tokens[j].word && !tokens[j].capital;
      } else {
        p.name = NameAt(g, tokens, marks, j, introduced);
        if (p.name) j = p.name->second;
      }
      // "Ông A (TGĐ Công ty X) kiến nghị": a title in brackets right after a name is its holder's.
      if (p.name && !p.title_first && j == p.name->second && j + 2 < item.end && tokens[j].text == "("sv) {
        std::size_t close = j + 1;
        while (close < item.end && tokens[close].text != ")"sv && tokens[close].text != "("sv) ++close;
        if (close < item.end && tokens[close].text == ")"sv)
          if (auto span = ReadTitleSpan(j + 1, close, true); span && span->second == close && close - j <= 12 &&
                                                                 OneTitleIn(j + 1, close)) {
            p.title_spans.push_back(*span);
            j = close + 1;
          }
      }
      if (p.name && !p.title_first) j = SkipGloss(j, item.end);
      // "Lê Văn A - Bí thư ..." : titles after a dash.
      while (p.name && j + 1 < item.end && (tokens[j].text == "-"sv || tokens[j].text == "–"sv)) {
        auto span = ReadTitleSpan(j + 1, AppositionLimit(items, k), !p.title_first, !p.title_first);
        if (!span) break;
        p.title_spans.push_back(*span);
        j = span->second;
      }
      if (p.name || p.pure_title || clause_title) {
        p.end = j;
        if (j > item.end) read_on = j;
        parsed.push_back(std::move(p));
        i = std::max(j, i + 1);
      } else {
        ++i;
      }
    }
  }
  return parsed;
}

// Title-only entries: to the name just before them when that name came
// first ("Đồng chí A, Phó Chủ tịch ..."; "A - Bí thư ..., Trưởng Ban ..."),
// else to the next named entry of the group (stacked titles).
// "Ông A, Bộ trưởng Bộ X, Trưởng Ban Y": each title after the first goes to A too.
void PeopleReader::AttachTitles(const std::vector<Item>& items, std::vector<Parsed>& parsed) const {
  std::vector<std::optional<std::size_t>> attached_back(parsed.size());
  std::vector<std::size_t> own_begin(parsed.size());  // before titles attached to an entry widen it
  for (std::size_t k = 0; k < parsed.size(); ++k) own_begin[k] = parsed[k].begin;
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
      governed = governed || f == "quyền"sv || f == "mặt"sv || f == "diện"sv;  // ủy quyền, thay mặt, đại diện của
    }
    // Stacked titles go forward only along a comma-separated run of items that
    // are titles from their start ("Ủy viên Bộ Chính trị, Bí thư Thành ủy, Chủ tịch
    // UBND tỉnh X Nguyễn Văn A"): never across "và" / "cùng", never from inside a
    // clause ("trong cuộc gặp với Tổng thư ký LHQ, Thủ tướng A"), and a title that
    // names a foreign country ("Thủ tướng Nhật Bản, Thủ tướng A") is its own holder's.
    // A list may be introduced inside the first item: "Tham dự có Ủy viên Bộ Chính
    // trị, Bí thư ... A", "trao Kỷ niệm chương cho Phó Bí thư Tỉnh ủy, Chủ tịch ... A".
    // (Not after an adverbial opening, whose comma ends it: "Trong cuộc gặp với Phó chủ tịch tập
    // đoàn X, Thủ tướng A", "Theo Chủ tịch Y, Chủ tịch nước B".)
    auto starts_item = [&](std::size_t a) {
      // ("với", "của", "là" are not: "Báo cáo với Phó Thủ tướng, Bộ trưởng X A cho hay", "ý kiến của
      // Chủ tịch Y, Thủ tướng A cho rằng", "Chủ tịch nước là ông B, Thủ tướng là ông A" name two people.)
      static const std::set<std::string> kIntroducers = {"có", "cho", "gồm", "tới", "đến", "do"};
      static const std::set<std::string> kAdverbialOpenings = {"trong", "tại", "theo", "qua", "sau", "trước", "khi",
                                                               "nhân", "về", "ngoài", "bên", "nhất"};
      const std::size_t b = own_begin[a];
      const std::size_t item_begin = items[parsed[a].item].begin;
      if (b == item_begin) return true;
      return a == k && kIntroducers.count(tokens[b - 1].fold) && !kAdverbialOpenings.count(tokens[item_begin].fold);
    };
    auto comma_after = [&](std::size_t a) {
      const std::size_t end = items[parsed[a].item].end;
      return end < tokens.size() && tokens[end].text == ","sv && parsed[a].end == end;
    };
    auto names_country = [&](std::size_t a) {
      for (auto [b, e] : parsed[a].title_spans)
        for (std::size_t i = b; i < e; ++i)
          if (marks[i] && (marks[i]->kind == PhraseKind::kCountry || marks[i]->info->foreign)) return true;
      return false;
    };
    // "Gặp Chủ tịch Ủy ban X và Chủ tịch Hội đồng Y, Thủ tướng A": an item after "và" or "cùng"
    // is another member of a list, never the first of titles stacked on a name.
    const std::size_t k_begin = items[parsed[k].item].begin;
    const bool after_conjunction = k_begin > 0 && parsed[k].begin == k_begin &&
                                   (tokens[k_begin - 1].fold == "và"sv || tokens[k_begin - 1].fold == "cùng"sv);
    if (!owner && parsed[k].pure_title && !governed && !after_conjunction && starts_item(k) && !names_country(k)) {
      for (std::size_t a = k + 1; a < parsed.size(); ++a) {
        if (items[parsed[a].item].group_start || !comma_after(a - 1) || parsed[a].item != parsed[a - 1].item + 1 ||
            !starts_item(a))
          break;
        if (parsed[a].name) {
          // "Phó Chủ tịch UBND thành phố, ông A đã ...": the titles go to a name its honorific introduces.
          const bool introduced = marks[parsed[a].begin] && marks[parsed[a].begin]->kind == PhraseKind::kHonorific &&
                                  parsed[a].begin == items[parsed[a].item].begin;
          if (parsed[a].title_first || introduced) owner = a;
          break;
        }
        if (!parsed[a].pure_title || names_country(a)) break;
      }
    }
    if (owner) {
      for (auto span : parsed[k].title_spans) parsed[*owner].title_spans.push_back(span);
      parsed[k].title_spans.clear();
      parsed[*owner].begin = std::min(parsed[*owner].begin, parsed[k].begin);
      parsed[*owner].end = std::max(parsed[*owner].end, parsed[k].end);
    }
  }
}

// Split title | organization at the first body word after the title
// proper ("Phó Chủ tịch Thường trực | UBND tỉnh", "Giám đốc | Sở Ngoại vụ").
std::optional<std::pair<std::string, std::string>> PeopleReader::PositionOf(std::size_t a, std::size_t b,
                                                                            const std::string& province) const {
  std::size_t t = a;
  while (t < b && !(marks[t] && marks[t]->kind == PhraseKind::kTitle)) ++t;
  if (t >= b) return std::nullopt;
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
  std::string title = SpanText(sentence, a, split);
  std::string org = SpanText(sentence, split, b);
  std::string full = CompleteOrganization(g, org.empty() ? title : org, province);
  if (org.empty()) {
    if (full != title) org = full.substr(title.size() + 1);
  } else {
    org = full;
  }
  // "Phó chủ tịch tỉnh Lai Châu", "Bí thư Đà Nẵng", "Chủ tịch TP": a place, not a body: one title.
  std::string org_fold = FoldCachedWords(org);
  if ((org_fold == "tp" || org_fold == "tỉnh" || org_fold == "thành phố") && !province.empty()) {
    org += " " + province;
    org_fold = FoldCachedWords(org);
  }
  const std::vector<Token> org_tokens = Tokenize(org, 0);
  const auto org_marks = MarkTokens(g, org_tokens);
  const bool just_a_province = !org_marks.empty() && org_marks[0] && org_marks[0]->kind == PhraseKind::kProvince &&
                               org_marks[0]->length == org_tokens.size();
  if (just_a_province || StartsWith(org_fold, "tỉnh ") || StartsWith(org_fold, "thành phố ") ||
      StartsWith(org_fold, "tp ")) {
    title += " " + org;
    org.clear();
  }
  return std::make_pair(std::move(title), std::move(org));
}

std::vector<PersonMention> PeopleReader::BuildPeople(const std::vector<Parsed>& parsed,
                                                     const std::string& local_province) const {
  std::vector<PersonMention> people;
  for (const Parsed& p : parsed) {
    if (!p.name) continue;
    PersonMention person;
    person.name = SpanText(sentence, p.name->first, p.name->second);
    person.begin = p.begin;
    person.end = p.end;
    person.name_begin = p.name->first;
    // The province one of this person's titles names serves the others.
    std::string chain_province;
    for (auto [a, b] : p.title_spans)
      for (std::size_t i = a; i < b && chain_province.empty(); i += marks[i] ? marks[i]->length : 1)
        if (marks[i] && marks[i]->kind == PhraseKind::kProvince) chain_province = marks[i]->info->canonical;
    const std::string province = !chain_province.empty() ? chain_province : local_province;
    for (auto [a, b] : p.title_spans) {
      if (auto position = PositionOf(a, b, province)) person.positions.push_back(std::move(*position));
    }
    people.push_back(std::move(person));
  }
  return people;
}

}  // namespace

bool MayNamePeople(const Gazetteer& g, const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  bool may_name_people = false;
  for (std::size_t i = 0; i < tokens.size() && !may_name_people; ++i)
    may_name_people = (marks[i] && (marks[i]->kind == PhraseKind::kTitle || marks[i]->kind == PhraseKind::kHonorific ||
                                    marks[i]->kind == PhraseKind::kRank)) ||
                      g.IsCueFirst(s.ids[i]);
  return may_name_people;
}

std::vector<PersonMention> FindPeople(const Gazetteer& g, const Sentence& sentence, const std::string& local_province) {
  const PeopleReader reader(g, sentence);
  const std::vector<Item> items = SplitItems(sentence.tokens);
  std::vector<Parsed> parsed = reader.ParseItems(items);
  reader.AttachTitles(items, parsed);
  return reader.BuildPeople(parsed, local_province);
}

void ReadPlaces(const Gazetteer& g, DocumentView& view) {
  for (const Sentence& s : view.sentences) {
    const std::vector<Token>& tokens = s.tokens;
    const auto& marks = s.marks;
    // (Not inside another mark: "Thái Bình Dương" names no "Bình Dương".)
    for (std::size_t i = 0; i < tokens.size(); i += marks[i] ? marks[i]->length : 1)
      if (marks[i] && marks[i]->kind == PhraseKind::kProvince) ++view.province_counts[marks[i]->info->canonical];
    if (view.dateline_province.empty() && s.kind == SegmentKind::kBody) {
      // Only a dash in the first 40 bytes counts: the search stops there, not at the sentence's end.
      const std::size_t dash = std::string_view(s.text).substr(0, 40 + 2).find(" - ");
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
          if (const PhraseInfo* p = g.Find(key, PhraseKind::kProvince)) view.dateline_province = p->canonical;
        }
      }
    }
  }
}

std::string ArticleProvince(const DocumentView& view) {
  if (!view.dateline_province.empty()) return view.dateline_province;
  std::string best;
  int count = 0;
  for (const auto& [province, n] : view.province_counts)
    if (n > count) best = province, count = n;
  return count >= 2 ? best : "";
}

}  // namespace vnkg::stage
