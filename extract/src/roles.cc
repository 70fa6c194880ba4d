// Stage 6, roles and bridge points; see roles.h.
#include "roles.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "sentences.h"
#include "vnkg/model/text.h"

namespace vnkg::stage {

using namespace std::string_view_literals;

// Bridge points: "điểm cầu [chính] [tại] [tỉnh] X", and the provinces listed
// after it ("tại hai điểm cầu Hà Nội và Thành phố Hồ Chí Minh").
std::vector<std::string> BridgeProvinces(const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  auto skip_kind_words = [&](std::size_t j) {
    while (j < tokens.size() && (tokens[j].fold == "chính"sv || tokens[j].fold == "tại"sv || tokens[j].fold == "tỉnh"sv ||
                                 tokens[j].fold == "thành"sv || tokens[j].fold == "phố"sv || tokens[j].fold == "tp"sv))
      ++j;
    return j;
  };
  auto province_at = [&](std::size_t j) { return j < tokens.size() && marks[j] && marks[j]->kind == PhraseKind::kProvince; };
  std::vector<std::string> provinces;
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (tokens[i].fold != "điểm"sv || tokens[i + 1].fold != "cầu"sv) continue;
    std::size_t j = skip_kind_words(i + 2);
    while (province_at(j)) {
      const std::string& name = marks[j]->info->canonical;
      if (std::find(provinces.begin(), provinces.end(), name) == provinces.end()) provinces.push_back(name);
      j += marks[j]->length;
      if (j + 1 < tokens.size() && (tokens[j].text == ","sv || tokens[j].fold == "và"sv) && province_at(skip_kind_words(j + 1)))
        j = skip_kind_words(j + 1);
      else
        break;
    }
    if (!provinces.empty()) break;
  }
  return provinces;
}

std::optional<std::string> BridgeProvince(const Sentence& s) {
  const std::vector<std::string> provinces = BridgeProvinces(s);
  if (provinces.size() != 1) return std::nullopt;
  return provinces.front();
}

SentenceCues FindCues(const Gazetteer& g, const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  SentenceCues found;
  std::vector<Cue>& cues = found.cues;
  std::optional<std::size_t>& award_at = found.award_at;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t length = 0;
    if (!g.IsCueFirst(s.ids[i])) continue;
    for (const char* role : {"chaired", "attended", "spoke_at"}) {
      if (MatchesCue(g, tokens, i, role, length)) {
        cues.push_back({i, length, role});
        break;
      }
    }
    if (!award_at && MatchesCue(g, tokens, i, "award_verb", length)) award_at = i;
    if (length > 1) i += length - 1;
  }
  return found;
}

namespace {

// A full stop inside a sentence is an abbreviation's ("TP. HCM", "Q. 1"), not a
// clause's end: the sentence splitter has cut at the others.
bool EndsClause(const std::vector<Token>& tokens, std::size_t i) {
  if (tokens[i].text != "."sv) return false;
  return !(i > 0 && tokens[i - 1].word && tokens[i - 1].capital && tokens[i - 1].text.size() <= 3 && i + 1 < tokens.size());
}

// "Tại hội nghị, ông A cho biết ...", "Tại buổi lễ này, Bộ trưởng A nhấn mạnh ...":
// the person a sentence opening at an event speaks of first is there. The token
// where that person may start (after the opening's comma), or nullopt.
std::optional<std::size_t> OpeningAtEvent(const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  if (tokens.size() < 5 || tokens[0].fold != "tại"sv) return std::nullopt;
  // "Tại điểm cầu Bến Tre, ông A ...": the person is at that bridge point.
  if (tokens[1].fold == "điểm"sv && tokens[2].fold == "cầu"sv)
    for (std::size_t j = 3; j < tokens.size() && j < 10; ++j)
      if (tokens[j].text == ","sv) return j + 1;
  std::size_t i = 1;
  while (i < 3 && !(s.marks[i] && s.marks[i]->kind == PhraseKind::kEventHead)) ++i;
  if (!(s.marks[i] && s.marks[i]->kind == PhraseKind::kEventHead)) return std::nullopt;
  // (The opening may name the event in full: "Tại hội nghị Thượng đỉnh ... diễn ra tại Đà Nẵng ngày 7-11, bà A nói".)
  for (std::size_t j = i + s.marks[i]->length; j < tokens.size() && j < i + 24; ++j)
    if (tokens[j].text == ","sv) return j + 1;
  return std::nullopt;
}

}  // namespace

void AssignRoles(const Gazetteer& g, const Sentence& s, const SentenceCues& found, std::vector<PersonMention>& people) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  const std::vector<Cue>& cues = found.cues;
  const std::optional<std::size_t>& award_at = found.award_at;
  std::vector<bool> covered(tokens.size(), false);  // tokens inside a person's mention
  for (const PersonMention& p : people)
    for (std::size_t i = p.begin; i < p.end && i < tokens.size(); ++i) covered[i] = true;
  for (std::size_t i = 0; i < tokens.size(); ++i)  // titles and bodies describe people too
    if (marks[i] && marks[i]->kind != PhraseKind::kEventHead)
      for (std::size_t k = i; k < i + marks[i]->length && k < tokens.size(); ++k) covered[k] = true;
  for (PersonMention& p : people) {
    // "Được sự ủy quyền của Chủ tịch A phát biểu ...", "thay mặt Bộ trưởng A, ...": a person
    // governed by "của" or "thay mặt" is not the subject of the verbs after them.
    const bool governed = p.begin > 0 && (tokens[p.begin - 1].fold == "của"sv || tokens[p.begin - 1].fold == "mặt"sv);
    // A cue after the person, before any ";" or ":".
    for (const Cue& c : cues) {
      if (governed) break;
      if (c.at < p.end) continue;
      // Only more people, commas and small words may stand between: a verb
      // that opens another clause ("đề nghị các đồng chí tham dự") or a long
      // gap means the cue has another subject.
      std::size_t gap = 0;  // tokens between that belong to no person
      bool blocked = false;
      for (std::size_t i = p.end; i < c.at && !blocked; ++i) {
        std::size_t length = 0;
        if (!covered[i] && ++gap > 12) blocked = true;
        if (tokens[i].text == ";"sv || tokens[i].text == ":"sv || EndsClause(tokens, i) ||
            (award_at && *award_at == i) || (!covered[i] && MatchesCue(g, tokens, i, "clause_verb", length)))
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
      // "Được sự ủy quyền của Chủ tịch A phát biểu ..., Phó Chủ tịch B ...": a cue right after a
      // governed person is the later subject's.
      bool after_governed = false;
      for (const PersonMention& q : people)
        after_governed = after_governed || (q.end == c.at && q.begin > 0 &&
                                            (tokens[q.begin - 1].fold == "của"sv || tokens[q.begin - 1].fold == "mặt"sv));
      const bool introduces = (after < tokens.size() && tokens[after].fold == "có"sv) ||
                              (c.at == 0 || (c.at > 0 && tokens[c.at - 1].text == ","sv)) ||
                              (c.at > 0 && tokens[c.at - 1].fold == "sự"sv) || after_governed;
      bool blocked = false;
      for (std::size_t i = after; i < p.begin; ++i)
        if (EndsClause(tokens, i) || (award_at && *award_at == i)) blocked = true;
      // "Phát biểu sau khi nhận chuông từ Thủ tướng A, Thủ tướng B nhấn mạnh": an opening cue
      // introduces the subject after its phrase's comma, not a person inside the phrase.
      // (A person after a preposition is inside that phrase.)
      const bool opening = (c.at == 0 || tokens[c.at - 1].text == ","sv) && !(after < tokens.size() && tokens[after].fold == "có"sv);
      static const std::set<std::string> kPrepositions = {"từ", "với", "cho", "tới", "đến", "trước"};
      if (opening && p.begin > after && kPrepositions.count(tokens[p.begin - 1].fold)) blocked = true;
      if (introduces && !blocked) p.role = c.role;
    }
  }
  // The first person of a sentence that opens at an event attended it (when no cue says more).
  if (const auto from = OpeningAtEvent(s))
    for (PersonMention& p : people) {
      if (p.begin < *from) continue;
      if (p.role.empty() && p.begin <= *from + 2) p.role = "attended";
      break;
    }
}

void AssignMeetingRoles(const Sentence& s, std::size_t verb, std::size_t verb_end, std::vector<PersonMention>& people) {
  const std::vector<Token>& tokens = s.tokens;
  PersonMention* host = nullptr;
  for (PersonMention& p : people) {
    std::size_t at = p.end;
    while (at < verb && (tokens[at].fold == "đã"sv || tokens[at].fold == "vừa"sv)) ++at;
    if (at == verb) host = &p;
  }
  if (host && host->role.empty()) host->role = "attended";
  std::size_t next = verb_end;
  if (next < tokens.size() && tokens[next].fold == "với"sv) ++next;
  for (PersonMention& p : people) {
    if (p.begin < next) continue;
    if (p.begin > next) break;
    if (p.role.empty()) p.role = "attended";
    next = p.end;
    if (next < tokens.size() && (tokens[next].text == ","sv || tokens[next].fold == "và"sv)) ++next;
  }
}

void AssignSaidAtRoles(const Gazetteer& g, const Sentence& s, const std::string& event_head,
                       std::vector<PersonMention>& people) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  if (event_head.empty()) return;
  for (PersonMention& p : people) {
    if (!p.role.empty()) continue;
    std::size_t verb = p.end;
    while (verb < tokens.size() && verb < p.end + 2 && !tokens[verb].capital &&
           (tokens[verb].fold == "đã"sv || tokens[verb].fold == "cũng"sv || tokens[verb].text == "-"sv))
      ++verb;
    std::size_t length = 0;
    if (verb >= tokens.size() || !g.IsCueFirst(s.ids[verb]) || !MatchesCue(g, tokens, verb, "said", length)) continue;
    static const std::set<std::string_view> kNotWhatWasSaid = {"rằng", "là", "về", "khi", "nếu", "trong", "sau", "trước"};
    std::size_t at = verb + length;
    while (at < tokens.size() && at < verb + length + 4 && tokens[at].word && !tokens[at].capital &&
           tokens[at].fold != "tại"sv && !kNotWhatWasSaid.count(tokens[at].fold))
      ++at;
    if (at + 1 >= tokens.size() || tokens[at].fold != "tại"sv || !marks[at + 1] ||
        marks[at + 1]->kind != PhraseKind::kEventHead)
      continue;
    // The gathering named there is the sentence's event ("nói tại Hội nghị lần thứ 17" in an article about
    // a working session is another gathering).
    std::string head;
    for (std::size_t i = at + 1; i < at + 1 + marks[at + 1]->length; ++i) head += (head.empty() ? "" : " ") + tokens[i].fold;
    if (head == event_head) p.role = "attended";
  }
}

void EmitRoles(DocumentContext& ctx, const Sentence& s, const Entity& event, const std::vector<PersonMention>& people,
               const std::optional<std::string>& bridge_province, const Entity& bridge, float confidence) {
  for (const PersonMention& p : people) {
    const Entity person{EntityType::kPerson, NormalizeText(p.name), "", "", "", ""};
    for (const std::string& role : {p.role, p.role2}) {
      if (role.empty()) continue;
      if (role == "spoke_at"sv) {
        ctx.Emit(person, "spoke_at", event, s, confidence);
      } else if (bridge_province) {
        ctx.Emit(person, role.c_str(), bridge, s, confidence);
      } else {
        ctx.Emit(person, role.c_str(), event, s, confidence);
      }
    }
  }
}

}  // namespace vnkg::stage
