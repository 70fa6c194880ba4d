// Stage 5, events. An event is named in a sentence with a date and an event
// word ("Hội nghị ...", "Lễ ...") or "tổ chức tổng kết", or with a meeting's
// verb between two people ("A tiếp B", FindMeeting); after the first,
// a new one needs a verb that holds it ("tổ chức", "diễn ra") or a role cue
// (then it is an aside, for its own sentence only). Its name runs from the
// event word to the end of the clause. Every sentence then gets the event in
// force (teasers have their own; captions before the first event get it),
// unless it names an earlier event by its word ("tại buổi họp báo").
// Internal to the extract module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "document_context.h"

namespace vnkg::stage {

struct EventInfo {
  Entity entity;
  SegmentKind kind;
  std::size_t sentence;
  std::string head;  // the folded event word it was named by ("họp báo", "hội nghị"), or ""
  bool local = false;  // an aside ("Trước đó, ngày 9/1, phát biểu tại Hội nghị ..."): only its own sentence
  // A meeting named by its verb ("A tiếp B"): the verb's tokens in the event's sentence; length 0 otherwise.
  std::size_t meeting_verb = 0, meeting_verb_length = 0;
};

// A meeting of two sides named by its verb: "Chủ tịch nước A tiếp Bộ trưởng B", "Thượng tướng A ...
// đã hội đàm với Đoàn ...", "bà A đã gặp Tổng thống B". The verb (cues.tsv, "meeting") has a title,
// rank or honorific in its clause before it (no comma between) and another, or a delegation, right
// after it (past "với"); "sẽ" before it is a plan, not a meeting. `from` is where the first side's
// title starts, `end` where the clause ends after the second side.
struct Meeting {
  std::size_t from, verb, verb_length, end;
};
std::optional<Meeting> FindMeeting(const Gazetteer& g, const Sentence& s);

struct EventTimeline {
  std::vector<EventInfo> events;
  std::vector<int> event_of_sentence;  // an index in `events`, or -1
};

// The events of a document whose sentences are marked, and the event in force at each sentence.
EventTimeline FindEvents(const Gazetteer& g, const Document& doc, const DocumentView& view);

// The name of an event defined in `s`: from its event word `head` (else
// after "tổ chức", as "Hội nghị ...") to the end of its clause, capitalised.
std::string EventName(const Sentence& s, std::optional<std::size_t> head);

// The event sentence k speaks of, or nullptr: the one in force, unless the
// sentence names an earlier event by its event word.
const EventInfo* EventOfSentence(const EventTimeline& timeline, const DocumentView& view, std::size_t k);

// True when a sentence has an event word.
bool HasEventWord(const Sentence& s);

}  // namespace vnkg::stage
