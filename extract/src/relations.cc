// Stage 7, relations; see relations.h.
#include "relations.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

#include "sentences.h"
#include "vnkg/model/text.h"

namespace vnkg::stage {

using namespace std::string_view_literals;

void EmitOffices(DocumentContext& ctx, const Sentence& s, const std::vector<PersonMention>& people,
                 const std::string& date, float confidence) {
  const Gazetteer& g = ctx.g;
  for (const PersonMention& p : people) {
    const Entity person{EntityType::kPerson, NormalizeText(p.name), "", "", "", ""};
    for (const auto& [title, org] : p.positions) {
      Entity position{EntityType::kPosition, "", "", "", NormalizeText(title), NormalizeText(org)};
      ctx.Emit(person, "holds_position", position, s, confidence, date);
      if (!org.empty()) {
        // A provincial body is in its province.
        const std::vector<Token> org_tokens = Tokenize(org, 0);
        const auto org_marks = MarkTokens(g, org_tokens);
        // (A mark's inner words are not read again: "Thái Bình Dương" holds no "Bình Dương".)
        for (std::size_t i = 0; i < org_tokens.size(); i += org_marks[i] ? org_marks[i]->length : 1)
          if (org_marks[i] && org_marks[i]->kind == PhraseKind::kProvince) {
            ctx.Emit(Entity{EntityType::kOrganization, NormalizeText(org), "", "", "", ""}, "located_in",
                     Entity{EntityType::kProvince, org_marks[i]->info->canonical, "", "", "", ""}, s, confidence * 0.9f);
            break;
          }
      }
    }
  }
}

void EmitOrganizers(DocumentContext& ctx, const Sentence& s, const Entity& event, const std::string& local_province,
                    float confidence) {
  const Gazetteer& g = ctx.g;
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
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
    // A body: a body or a body's head, capitalised ("Bộ Ngoại giao") or before its capitalised
    // name ("báo Tuổi Trẻ"), or "Trung ương" before one ("Trung ương Hội Liên hiệp thanh niên").
    auto starts_body = [&](std::size_t at) {
      if (at + 2 < end && tokens[at].fold == "trung"sv && tokens[at + 1].fold == "ương"sv) at += 2;
      return at < end && marks[at] &&
             (marks[at]->kind == PhraseKind::kBody || marks[at]->kind == PhraseKind::kOrgHead) &&
             (tokens[at].capital || (at + 1 < end && tokens[at + 1].capital));
    };
    // Between two organizers: "và", "cùng", "phối hợp [với]".
    auto separator_at = [&](std::size_t at) -> std::size_t {
      if (at >= end) return 0;
      std::size_t length = 0;
      if (tokens[at].fold == "và"sv || tokens[at].fold == "cùng"sv) length = 1;
      else if (at + 1 < end && tokens[at].fold == "phối"sv && tokens[at + 1].fold == "hợp"sv) {
        length = at + 2 < end && tokens[at + 2].fold == "với"sv ? 3 : 2;
        // After "phối hợp với" comes another organizer, even one not in the gazetteer ("Nhóm X").
        return at + length < end && (tokens[at + length].capital || starts_body(at + length)) ? length : 0;
      }
      return length && starts_body(at + length) ? length : 0;
    };
    // "Ban Chỉ đạo X và UBND tỉnh Y tổ chức", "Bộ X phối hợp với UBND tỉnh Y tổ chức": each body organized it.
    for (std::size_t part = begin; starts_body(part);) {
      std::size_t part_end = part + 1;
      while (part_end < end && !separator_at(part_end)) ++part_end;
      // The verbs before "tổ chức" are not the body's name: "Bộ X đã", "Hội Y phối hợp", "Bộ Z chủ trì".
      static const std::set<std::string> kVerbWords = {"đã", "sẽ", "vừa", "cùng", "chủ", "trì", "phối", "hợp",
                                                       "với", "đăng", "cai", "đồng", "đứng", "ra"};
      std::size_t name_end = part_end;
      while (name_end > part + 1 && !tokens[name_end - 1].capital && kVerbWords.count(tokens[name_end - 1].fold))
        --name_end;
      // A clause inside ("UBND TP X yêu cầu Công an TP X xác minh ..."): not one body's name.
      bool clause = false;
      for (std::size_t t = part; t < name_end && !clause; ++t) {
        std::size_t length = 0;
        clause = !tokens[t].capital && g.IsCueFirst(s.ids[t]) && MatchesCue(g, tokens, t, "clause_verb", length);
      }
      if (clause) break;
      std::string org;
      for (std::size_t t = part; t < name_end; ++t) org += (t > part && tokens[t].text != ","sv ? " " : "") + tokens[t].text;
      org = CompleteOrganization(g, org, local_province);
      ctx.Emit(Entity{EntityType::kOrganization, NormalizeText(org), "", "", "", ""}, "organized", event, s,
               confidence);
      part = part_end + std::max<std::size_t>(1, separator_at(part_end));
    }
    break;
  }
}

namespace {

// A place named abroad after a word that says it is a place ("tại", "ở",
// "thủ đô", "thành phố", "bang", "đảo"), with the country it is
// in when the text gives it: "tại Hamburg (Đức)", "ở Marawi, Philippines",
// "tại Phnom Penh – Campuchia", "thủ đô Brussels của Bỉ". A country alone
// ("tại Singapore") is a place with no country above it.
struct ForeignPlace {
  std::string name;
  std::string country;  // "" when not given, or when `name` is itself a country
  std::size_t end = 0;  // the token after the whole mention
  bool known = false;   // a city abroad of world_places.tsv ("Bangkok"), a place whatever the text says
};

bool IsPlaceWord(const std::string& fold) {
  // Compared in turn, not looked up in a std::set: EmitPartOf asks of every
  // token. Most tokens share a length with one of these words, so the first
  // byte is compared before the rest.
  static constexpr std::string_view kWords[] = {"tại", "ở", "đô", "phố", "bang", "đảo"};
  return std::any_of(std::begin(kWords), std::end(kWords),
                     [&](std::string_view w) { return fold.size() == w.size() && fold[0] == w[0] && fold == w; });
}

std::optional<ForeignPlace> PlaceFrom(const Gazetteer& g, const Sentence& s, std::size_t b, bool after_kind_word);

std::optional<ForeignPlace> ForeignPlaceAfter(const Gazetteer& g, const Sentence& s, std::size_t i) {
  const std::vector<Token>& tokens = s.tokens;
  if (!IsPlaceWord(tokens[i].fold) || i + 1 >= tokens.size()) return std::nullopt;
  std::size_t b = i + 1;
  // "tại thủ đô X", "ở thành phố X", "tại TP X".
  while (b + 1 < tokens.size() && (tokens[b].fold == "thủ"sv || tokens[b].fold == "đô"sv || tokens[b].fold == "thành"sv ||
                                   tokens[b].fold == "phố"sv || tokens[b].fold == "tp"sv || tokens[b].fold == "bang"sv))
    ++b;
  return PlaceFrom(g, s, b, b > i + 1);
}

// The place named from token b on (after its place word, or a known city standing alone), with its country.
std::optional<ForeignPlace> PlaceFrom(const Gazetteer& g, const Sentence& s, std::size_t b, bool after_kind_word) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  auto is_country = [&](std::size_t k) { return marks[k] && marks[k]->kind == PhraseKind::kCountry; };
  if (is_country(b)) {
    ForeignPlace country{marks[b]->info->canonical, "", b + marks[b]->length};
    // A country followed by another is a list ("tại Nga, Ấn Độ"), not a place in a place.
    return country;
  }
  std::size_t e = b;
  while (e < tokens.size() && e - b < 4 && tokens[e].word && tokens[e].capital && !marks[e] && !IsAllCaps(tokens[e].text))
    ++e;
  if (e == b || (e < tokens.size() && tokens[e].word && tokens[e].capital)) return std::nullopt;
  ForeignPlace place{SpanText(s, b, e), "", e};
  // EmitPartOf asks at every capitalised word: the cached syllable folds, not ICU.
  place.known = g.world_places.count(FoldCachedWords(place.name)) > 0;
  // Its country: "(Đức)", ", Philippines", "– Campuchia", "của Bỉ" (after "thủ đô" / "thành phố").
  std::size_t c = e + 1;
  if (e + 2 < tokens.size() && tokens[e].text == "("sv && is_country(c) && c + marks[c]->length < tokens.size() &&
      tokens[c + marks[c]->length].text == ")"sv) {
    place.country = marks[c]->info->canonical;
    place.end = c + marks[c]->length + 1;
  } else if (e + 1 < tokens.size() && (tokens[e].text == ","sv || tokens[e].text == "–"sv || tokens[e].text == "-"sv ||
                                       (tokens[e].fold == "của"sv && after_kind_word)) &&
             is_country(c)) {
    const std::size_t after = c + marks[c]->length;
    // "bang California, Georgia, Montana", ", Nhật Bản, Hàn Quốc": a list, not the country of the place.
    const bool list = after + 1 < tokens.size() && (tokens[after].text == ","sv || tokens[after].fold == "và"sv) &&
                      tokens[after + 1].capital;
    if (!list) {
      place.country = marks[c]->info->canonical;
      place.end = after;
    }
  }
  return place;
}

Entity PlaceEntity(const std::string& name) { return Entity{EntityType::kPlace, name, "", "", "", ""}; }

}  // namespace

namespace {

// "tại Hội trường Thống Nhất, TP. Hồ Chí Minh", "tại Trung tâm Hội nghị Quốc gia, Hà Nội": a venue
// (a capitalised name, with the lower-case words of its head), a comma, then its province. The
// province's mark, or nullptr.
const Mark* ProvinceAfterVenue(const Sentence& s, std::size_t venue) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  if (venue >= tokens.size() || !tokens[venue].capital || (marks[venue] && marks[venue]->kind == PhraseKind::kProvince))
    return nullptr;
  std::size_t k = venue;
  while (k < tokens.size() && k - venue < 8 && tokens[k].word && (tokens[k].capital || (k > venue && tokens[k - 1].capital)))
    ++k;
  if (k == venue || k + 1 >= tokens.size() || tokens[k].text != ","sv) return nullptr;
  ++k;
  while (k < tokens.size() && (tokens[k].fold == "tp"sv || tokens[k].fold == "tỉnh"sv || tokens[k].fold == "thành"sv ||
                               tokens[k].fold == "phố"sv || tokens[k].text == "."sv))
    ++k;
  if (k < tokens.size() && marks[k] && marks[k]->kind == PhraseKind::kProvince) return &*marks[k];
  return nullptr;
}

}  // namespace

void EmitMainBridgePlace(DocumentContext& ctx, const Sentence& s, const Entity& event, float confidence) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
    if (tokens[i].fold != "điểm"sv || tokens[i + 1].fold != "cầu"sv || tokens[i + 2].fold != "chính"sv) continue;
    std::size_t k = i + 3;
    while (k < tokens.size() && (tokens[k].fold == "tại"sv || tokens[k].fold == "ở"sv || tokens[k].fold == "tp"sv ||
                                 tokens[k].fold == "tỉnh"sv || tokens[k].fold == "thành"sv || tokens[k].fold == "phố"sv))
      ++k;
    if (k < tokens.size() && marks[k] && marks[k]->kind == PhraseKind::kProvince)
      ctx.Emit(event, "located_in", Entity{EntityType::kProvince, marks[k]->info->canonical, "", "", "", ""}, s,
               confidence);
    return;
  }
}

void EmitEventPlace(DocumentContext& ctx, const Sentence& s, const Entity& event, float confidence) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].fold != "tại"sv || (i >= 2 && tokens[i - 1].fold == "cầu"sv)) continue;
    const Mark* province = marks[i + 1] && marks[i + 1]->kind == PhraseKind::kProvince ? &*marks[i + 1] : nullptr;
    if (!province) province = ProvinceAfterVenue(s, i + 1);
    if (province) {
      ctx.Emit(event, "located_in", Entity{EntityType::kProvince, province->info->canonical, "", "", "", ""}, s,
               confidence);
      return;
    }
    // Abroad, only where the text says which country (or names one): a bare
    // capitalised word after "tại" may be a building or a firm.
    if (auto place = ForeignPlaceAfter(ctx.g, s, i); place && (!place->country.empty() || marks[i + 1] || place->known)) {
      ctx.Emit(event, "located_in", PlaceEntity(place->name), s, confidence * 0.9f);
      return;
    }
  }
}

// A body's head word in the four tokens before i: "Đại học Quốc gia Seoul (Hàn Quốc)" names a university.
static bool AfterBodyHead(const Sentence& s, std::size_t i) {
  for (std::size_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
    if (s.marks[k] && (s.marks[k]->kind == PhraseKind::kOrgHead || s.marks[k]->kind == PhraseKind::kBody)) return true;
  return false;
}

void EmitPartOf(DocumentContext& ctx, const Sentence& s) {
  const float confidence = ConfidenceOf(s.kind) * 0.8f;
  for (std::size_t i = 0; i + 3 < s.tokens.size(); ++i) {
    // After a place word ("tại Marawi, Philippines"), or a city abroad standing alone ("Hamburg (Đức)").
    std::optional<ForeignPlace> place;
    if (IsPlaceWord(s.tokens[i].fold)) {
      place = ForeignPlaceAfter(ctx.g, s, i);
    } else if (s.tokens[i].capital && (i == 0 || !s.tokens[i - 1].capital) && !AfterBodyHead(s, i) &&
               ctx.g.world_place_first_words.count(s.tokens[i].fold)) {
      // (The first word of a name's fold is its first token's: FoldKey folds white space to one
      // space and changes nothing across it. A country or a name with another first word is no city
      // abroad, which this branch would drop below.)
      place = PlaceFrom(ctx.g, s, i, false);
      if (place && !place->known) place.reset();
    }
    if (!place || place->country.empty()) continue;
    // A city abroad whose written "country" is another is in a list ("Bắc Kinh, Mỹ và ..."), not in it.
    if (const auto known = ctx.g.world_places.find(FoldCachedWords(place->name));
        known != ctx.g.world_places.end() && known->second != place->country)
      continue;
    ctx.Emit(PlaceEntity(place->name), "part_of", PlaceEntity(place->country), s, confidence);
    i = place->end - 1;
  }
}

// Awards: "trao <award> cho A; B", given by the person before the verb; also
// "trao giải X cho A" (the award is "Giải X"), "giải thưởng X [được] trao cho A"
// (the award before the verb), and further awards of the same sentence after
// the recipients ("..., và Giải thưởng Y cho B").
namespace {

// An award's name starting at k: a head word ("giải thưởng", "Huân chương") and a
// capitalised name after it, or any capitalised phrase; the head's length, or 0.
std::size_t AwardHeadAt(const Gazetteer& g, const std::vector<Token>& tokens, std::size_t k) {
  std::size_t length = 0;
  if (k < tokens.size() && g.IsCueFirst(g.WordId(tokens[k].fold)) && MatchesCue(g, tokens, k, "award_head", length) &&
      k + length < tokens.size() && tokens[k + length].capital)
    return length;
  return 0;
}

std::string AwardName(const Sentence& s, std::size_t from, std::size_t to) {
  return CapitalizeFirst(NormalizeText(SpanText(s, from, to)));
}

}  // namespace

static std::size_t EmitAwardsOfVerb(DocumentContext& ctx, const Sentence& s, const std::vector<PersonMention>& people,
                             std::size_t award_at, const std::string& date, const std::string& giver,
                             AwardMemory& memory, float confidence);

void EmitAwards(DocumentContext& ctx, const Sentence& s, const std::vector<PersonMention>& people,
                std::size_t award_at, const std::string& date, AwardMemory& memory, float confidence) {
  // The giver is named before the first verb; each verb gives its own awards
  // ("trao giải X cho A, ... còn trao giải Y cho B").
  std::string giver;
  for (const PersonMention& p : people)
    if (p.end <= award_at) giver = NormalizeText(p.name);
  if (giver.empty()) giver = memory.last_giver;
  memory.last_giver = giver;
  const std::vector<Token>& tokens = s.tokens;
  for (std::size_t verb = award_at; verb < tokens.size();) {
    const std::size_t read_to = EmitAwardsOfVerb(ctx, s, people, verb, date, giver, memory, confidence);
    std::size_t length = 0;
    verb = read_to;
    while (verb < tokens.size() && !MatchesCue(ctx.g, tokens, verb, "award_verb", length)) ++verb;
  }
}

// The awards one award verb gives; returns the token where its recipients end.
static std::size_t EmitAwardsOfVerb(DocumentContext& ctx, const Sentence& s, const std::vector<PersonMention>& people,
                             std::size_t award_at, const std::string& date, const std::string& giver,
                             AwardMemory& memory, float confidence) {
  const Gazetteer& g = ctx.g;
  const std::vector<Token>& tokens = s.tokens;
  std::size_t verb_length = 0;
  MatchesCue(g, tokens, award_at, "award_verb", verb_length);
  const std::size_t after_verb = award_at + verb_length;
  auto next_cho = [&](std::size_t from) {
    while (from < tokens.size() && tokens[from].fold != "cho"sv) ++from;
    return from;
  };
  struct Given {
    std::size_t name_begin, name_end;  // the award's words
    std::size_t recipients_from;       // just after its "cho"
  };
  std::vector<Given> given;
  // "giải thưởng X [được | sẽ được] trao cho A": the award stands before the verb.
  {
    std::size_t v = award_at;
    while (v > 0 && (tokens[v - 1].fold == "được"sv || tokens[v - 1].fold == "sẽ"sv)) --v;
    for (std::size_t h = v; h-- > 0 && v - h <= 12;) {
      if (!tokens[h].word) break;
      if (AwardHeadAt(g, tokens, h) && after_verb < tokens.size() && tokens[after_verb].fold == "cho"sv) {
        given.push_back({h, v, after_verb + 1});
        break;
      }
    }
  }
  // "trao <Award> cho A", "trao giải X cho A". Only what an award's head word names is an award:
  // "trao Quyết định cho A", "trao Giấy chứng nhận đầu tư cho 8 dự án" hand over papers.
  std::size_t head_length = 0;
  const bool verb_names_kind = verb_length > 1 && tokens[after_verb - 1].fold == "hiệu"sv;  // "trao tặng danh hiệu X"
  const bool names_award =
      after_verb < tokens.size() &&
      ((tokens[after_verb].capital && (verb_names_kind || MatchesCue(g, tokens, after_verb, "award_head", head_length))) ||
       AwardHeadAt(g, tokens, after_verb));
  if (given.empty() && names_award) {
    const std::size_t cho = next_cho(after_verb);
    if (cho < tokens.size() && cho > after_verb) given.push_back({after_verb, cho, cho + 1});
  }
  if (given.empty()) return after_verb;
  // Further awards after the first recipients: ", và Giải thưởng Y cho B".
  for (std::size_t n = given.back().recipients_from; n + 1 < tokens.size(); ++n) {
    std::size_t l;
    if (MatchesCue(g, tokens, n, "award_verb", l)) break;
    if (!tokens[n].capital || !AwardHeadAt(g, tokens, n) || !(tokens[n - 1].text == ","sv || tokens[n - 1].fold == "và"sv))
      continue;
    const std::size_t cho = next_cho(n);
    if (cho >= tokens.size()) break;
    given.push_back({n, cho, cho + 1});
    n = cho;
  }
  std::size_t read_to = after_verb;
  for (std::size_t k = 0; k < given.size(); ++k) {
    const Given& a = given[k];
    std::string award = AwardName(s, a.name_begin, a.name_end);
    // "Kỷ niệm chương" alone, after "Kỷ niệm chương X" was named: the same award.
    std::string head;
    std::size_t t = a.name_begin;
    while (t < a.name_end && tokens[t].word) head += (head.empty() ? "" : " ") + tokens[t++].fold;
    if (t < a.name_end) memory.awards_by_head[head] = award;
    else if (auto it = memory.awards_by_head.find(head); it != memory.awards_by_head.end()) award = it->second;
    std::size_t stop = k + 1 < given.size() ? given[k + 1].name_begin : tokens.size();
    for (std::size_t n = a.recipients_from; n < stop; ++n) {
      std::size_t l;
      if (MatchesCue(g, tokens, n, "award_verb", l)) {
        stop = n;
        break;
      }
    }
    // "trao Huân chương X cho Bộ đội biên phòng, Thủ tướng A nhấn mạnh ...": a person after a comma
    // who is the subject of a clause of his own (a word follows his mention) is no recipient.
    for (const PersonMention& p : people)
      if (p.begin > a.recipients_from && p.begin < stop && p.begin > 0 && tokens[p.begin - 1].text == ","sv &&
          p.end < tokens.size() && tokens[p.end].word && !tokens[p.end].capital && tokens[p.end].fold != "và"sv &&
          tokens[p.end].fold != "cùng"sv) {
        stop = p.begin;
        break;
      }
    for (const PersonMention& p : people)
      if (p.begin >= a.recipients_from && p.begin < stop)
        ctx.Emit(Entity{EntityType::kPerson, NormalizeText(p.name), "", "", "", ""}, "received_award",
                 Entity{EntityType::kAward, award, "", "", "", ""}, s, confidence, date, giver);
    read_to = std::max(read_to, stop == tokens.size() ? a.recipients_from : stop);
  }
  return read_to;
}

// Foreign partners and neighbours: "thỏa thuận ... với tỉnh X (Lào), TP Y, Z (Trung Quốc)",
// "đường biên giới chung với hai tỉnh X và Y, nước CHDCND Lào".
void EmitRelationsOfPlaces(DocumentContext& ctx, const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  // Every partner and neighbour is named after "với": most sentences have none.
  if (std::none_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.fold == "với"sv; })) return;
  // Cue phrases, word by word on the folded tokens (no second fold of the sentence).
  // Views, not C strings: a word of another length is told apart without a memcmp.
  auto has_phrase = [&](std::initializer_list<std::string_view> words) {
    const std::size_t n = words.size();
    for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
      std::size_t k = 0;
      for (std::string_view w : words) {
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
  // The Vietnamese side: a province named before "với"; the article's only where the sentence speaks of it
  // unnamed ("Các cơ quan, địa phương trong tỉnh ... hợp tác theo thỏa thuận đã ký với tỉnh X"), with no
  // country or title before "với" ("Thủ tướng Modi ... tăng cường hợp tác với Đông Nam Á" in an article
  // from Đà Nẵng is India's; "Việt Nam cũng hợp tác với Bỉ" is the country's).
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
  if (subject.empty()) {
    bool unnamed_province = false, other_side = false;
    for (std::size_t i = 0; i < first_with; ++i) {
      const std::string& f = tokens[i].fold;
      if ((f == "tỉnh"sv || f == "tp"sv || (f == "thành"sv && i + 1 < first_with && tokens[i + 1].fold == "phố"sv)) &&
          !tokens[i].capital && !(i + 1 < tokens.size() && tokens[i + 1].capital))
        unnamed_province = true;
      if (marks[i] && (marks[i]->kind == PhraseKind::kCountry || marks[i]->kind == PhraseKind::kTitle ||
                       marks[i]->kind == PhraseKind::kHonorific))
        other_side = true;
    }
    if (unnamed_province && !other_side) subject = ArticleProvince(ctx.view);
  }
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
          ctx.Emit(place(*last), "part_of", place(marks[j]->info->canonical), s, confidence);
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
          ctx.Emit(Entity{EntityType::kProvince, subject, "", "", "", ""}, predicate, place(country), s, confidence);
        } else if (!kind_word && !after_comma) {
          break;
        } else {
          for (const auto& p : partners) ctx.Emit(place(p), "part_of", place(country), s, confidence);
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
        ctx.Emit(place(*last), "part_of", place(name), s, confidence);
      } else {
        // An untyped name is a place only with its country after it: "với Gifu (Nhật Bản)"; else a company, a person.
        const bool glossed = j + 1 < tokens.size() && tokens[j].text == "("sv && marks[j + 1] &&
                             marks[j + 1]->kind == PhraseKind::kCountry;
        if (!typed && !glossed) break;
        partners.push_back(name);
        ctx.Emit(Entity{EntityType::kProvince, subject, "", "", "", ""}, predicate, place(name), s, confidence);
      }
      last = name;
      after_comma = kind_word = false;
      i = j - 1;
    }
  }
}

}  // namespace vnkg::stage
