// Stage 5, events; see events.h.
#include "events.h"

#include <cstdlib>
#include <set>
#include <string_view>

#include "dates.h"
#include "event_mention.h"
#include "sentences.h"
#include "vnkg/model/text.h"

namespace vnkg::stage {

using namespace std::string_view_literals;

namespace {

// Whether a clause verb ("cho biết", "khẳng định": cues.tsv) stands between
// the event word and the date: then the date is in what someone said at the
// event, not the event's own.
bool SaidBetween(const Gazetteer& g, const Sentence& s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < s.tokens.size(); ++i) {
    std::size_t length = 0;
    if (g.IsCueFirst(s.ids[i]) && MatchesCue(g, s.tokens, i, "clause_verb", length)) return true;
  }
  return false;
}

// A role cue anywhere in the sentence ("ngày 9/1, phát biểu tại Hội nghị ...").
bool HasRoleCue(const Gazetteer& g, const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  bool role_cue = false;
  for (std::size_t i = 0; i < tokens.size() && !role_cue; ++i) {
    std::size_t length = 0;
    if (g.IsCueFirst(s.ids[i]))
      for (const char* role : {"chaired", "attended", "spoke_at"}) role_cue = role_cue || MatchesCue(g, tokens, i, role, length);
  }
  return role_cue;
}

// Title, rank or honorific: the marks a person's mention starts with.
bool IsPersonMark(const std::optional<Mark>& m) {
  return m && (m->kind == PhraseKind::kTitle || m->kind == PhraseKind::kRank || m->kind == PhraseKind::kHonorific);
}

}  // namespace

std::optional<Meeting> FindMeeting(const Gazetteer& g, const Sentence& s) {
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  // The mark covering each token, if any: a title's or a body's lower-case words are part of a mention.
  std::vector<std::size_t> mark_at(tokens.size(), tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (marks[i])
      for (std::size_t k = i; k < i + marks[i]->length && k < tokens.size(); ++k) mark_at[k] = i;
  for (std::size_t verb = 1; verb + 1 < tokens.size(); ++verb) {
    std::size_t length = 0;
    if (!g.IsCueFirst(s.ids[verb]) || !MatchesCue(g, tokens, verb, "meeting", length)) continue;
    // The first side: back over its name, titles, bodies and "đã"/"vừa", to the clause's comma.
    std::optional<std::size_t> from;
    std::size_t b = verb;
    if (tokens[b - 1].fold == "sẽ"sv) continue;
    while (b > 0) {
      const std::size_t i = b - 1;
      if (mark_at[i] < tokens.size() && marks[mark_at[i]]->kind != PhraseKind::kEventHead) {
        if (IsPersonMark(marks[mark_at[i]])) from = mark_at[i];
        b = mark_at[i];
      } else if ((tokens[i].word && tokens[i].capital && !tokens[i].digits) ||
                 ((tokens[i].fold == "đã"sv || tokens[i].fold == "vừa"sv) && i + 1 == verb)) {
        b = i;
      } else {
        break;
      }
    }
    if (!from) continue;
    // The second side, right after the verb.
    std::size_t o = verb + length;
    if (o < tokens.size() && tokens[o].fold == "với"sv) ++o;
    if (o >= tokens.size() || !(IsPersonMark(marks[o]) || tokens[o].fold == "đoàn"sv)) continue;
    // The clause ends at punctuation or a word that starts an adjunct ("đang có chuyến thăm", "nhân dịp", "tại").
    static const std::set<std::string_view> kAdjunct = {"đang", "nhân", "tại", "về", "trong", "sau", "khi", "để",
                                                        "nhằm", "vào", "sáng", "chiều", "tối", "trưa", "hôm", "ngày"};
    std::size_t end = o;
    while (end < tokens.size() && end - *from < 30 && (tokens[end].word || tokens[end].text == "-"sv) &&
           !kAdjunct.count(tokens[end].fold))
      ++end;
    while (end > o && !tokens[end - 1].word) --end;
    return Meeting{*from, verb, length, end};
  }
  return std::nullopt;
}

// Where an event's name starts: its head word, else after "tổ chức".
std::size_t EventNameStart(const Sentence& s, std::optional<std::size_t> head) {
  const std::vector<Token>& tokens = s.tokens;
  std::size_t from = head ? *head : 0;
  if (!head)
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
      if (tokens[i].fold == "tổ"sv && tokens[i + 1].fold == "chức"sv) from = i + 2;
  return from;
}

std::string EventName(const Sentence& s, std::optional<std::size_t> head) {
  const std::vector<Token>& tokens = s.tokens;
  const std::size_t from = EventNameStart(s, head);
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
  return name;
}

EventTimeline FindEvents(const Gazetteer& g, const Document& doc, const DocumentView& view) {
  EventTimeline timeline;
  std::vector<EventInfo>& events = timeline.events;
  std::vector<int>& event_of_sentence = timeline.event_of_sentence;
  event_of_sentence.assign(view.sentences.size(), -1);
  int current = -1;
  for (std::size_t k = 0; k < view.sentences.size(); ++k) {
    const Sentence& s = view.sentences[k];
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
    // A role cue's event is dated in its own clause ("ngày 9/1, phát biểu tại Hội nghị", "tại Hội nghị ...
    // ngày 9/1"); a date after what someone said there is not its date ("Phát biểu tại lễ khai mạc, Đại sứ
    // cho biết, kể từ khi ... chọn ngày 21/6 là Ngày Quốc tế Yoga").
    const bool aside_date = dm && head && !SaidBetween(g, s, *head, dm->at);
    const bool role_cue = dm && head && !events.empty() && !organizing && HasRoleCue(g, s);
    if (dm && head && !organizing && !aside_date && HasRoleCue(g, s)) {
      event_of_sentence[k] = current;
      continue;
    }
    // The date of an event the sentence defines, "" when its year is not supported.
    auto event_date = [&] {
      std::string date = ResolveYear(*dm, tokens, s.kind == SegmentKind::kTeaser, doc.date, view);
      // The same day and month as an event already read, with no year written: that event's year.
      if (!dm->year)
        for (const EventInfo& e : events)
          if (e.entity.date.size() == 10 && e.entity.date.substr(5) == IsoDate(2000, dm->month, dm->day).substr(5) &&
              (e.kind == SegmentKind::kTeaser) == (s.kind == SegmentKind::kTeaser))
            date = e.entity.date;
      // A date years away from what the article is about is history ("30/4/1975"), not its event.
      if (dm->year && ((view.dominant_year && std::abs(dm->year - view.dominant_year) > 1) ||
                       (s.kind != SegmentKind::kTeaser && view.IsHistory(dm->year))))
        date.clear();
      return date;
    };
    // A meeting of two ("Chiều 20/5, ..., Chủ tịch nước A tiếp Bộ trưởng B"), in a sentence with no event
    // word: the article's event when it is the first, else an aside of its own sentence.
    if (dm && !head)
      if (const auto meeting = FindMeeting(g, s); meeting && !(dm->at > meeting->verb && SaidBetween(g, s, meeting->verb, dm->at)))
        if (std::string date = event_date(); !date.empty()) {
          Entity event{EntityType::kEvent, CapitalizeFirst(NormalizeText(SpanText(s, meeting->from, meeting->end))),
                       date, "", "", ""};
          event.mention = EventMentionId(doc.id, events.size());
          event.about = MeetingAbout(tokens, meeting->from, meeting->verb, meeting->verb_length);
          const bool aside = !events.empty();
          events.push_back({std::move(event), s.kind, k, "", aside, meeting->verb, meeting->verb_length});
          event_of_sentence[k] = static_cast<int>(events.size()) - 1;
          if (!aside) current = event_of_sentence[k];
          continue;
        }
    if (dm && (head || (organizing && review)) && (events.empty() || organizing || role_cue)) {
      const std::string date = event_date();
      if (!date.empty()) {
        // The event's name: from its head word to the end of the clause.
        const std::string name = EventName(s, head);
        // Same date as the event in force: the same event.
        if (current >= 0 && events[current].entity.date == date) {
          event_of_sentence[k] = current;
        } else {
          std::string head_fold;
          if (head)
            for (std::size_t i = *head; i < *head + marks[*head]->length; ++i)
              head_fold += (head_fold.empty() ? "" : " ") + tokens[i].fold;
          Entity event{EntityType::kEvent, name, date, "", "", ""};
          event.mention = EventMentionId(doc.id, events.size());
          event.about = EventAbout(tokens, EventNameStart(s, head), head ? marks[*head]->length : 0, head.has_value());
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
  for (std::size_t k = 0; k < view.sentences.size(); ++k)
    if (event_of_sentence[k] < 0 && view.sentences[k].kind != SegmentKind::kTeaser) event_of_sentence[k] = first_body_event;
  return timeline;
}

const EventInfo* EventOfSentence(const EventTimeline& timeline, const DocumentView& view, std::size_t k) {
  const std::vector<EventInfo>& events = timeline.events;
  const Sentence& s = view.sentences[k];
  const std::vector<Token>& tokens = s.tokens;
  const auto& marks = s.marks;
  const EventInfo* event = timeline.event_of_sentence[k] >= 0 ? &events[timeline.event_of_sentence[k]] : nullptr;
  // A meeting in force is not the gathering another sentence names by its word ("... mong muốn Tổng thống
  // B tham dự Hội nghị Cấp cao APEC").
  if (event && event->meeting_verb_length && event->sentence != k && HasEventWord(s)) return nullptr;
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
  return event;
}

bool HasEventWord(const Sentence& s) {
  for (std::size_t i = 0; i < s.tokens.size(); ++i)
    if (s.marks[i] && s.marks[i]->kind == PhraseKind::kEventHead) return true;
  return false;
}

}  // namespace vnkg::stage
