// What the extractor tells resolution about one report of an event
// (Entity::mention, Entity::about). Kept apart from the stages of extractor.cc
// so that the rule is one small function.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tokens.h"

namespace vnkg {

// "<doc id>#<n>": the n-th event (from 0) the document reports.
std::string EventMentionId(const std::string& doc_id, std::size_t n);

// The head the event is named by, with the word after it ("lễ khai",
// "hội nghị trực"), then a tab, then the folded words of its name: the
// sentence that reports it from `from` (its head, or where its name starts)
// on, a dozen words (dates and punctuation become "|", clause breaks for the
// resolver's word pairs). Without a head word (an event read from "tổ chức
// tổng kết ..."), the head is "hội nghị", as the extractor names it.
std::string EventAbout(const std::vector<Token>& tokens, std::size_t from, std::size_t head_length, bool has_head);

// The same for a meeting named by its verb ("A tiếp B"): the verb's folded
// words as its head, then the words of its name from the first side `from` on.
std::string MeetingAbout(const std::vector<Token>& tokens, std::size_t from, std::size_t verb, std::size_t verb_length);

// True when the event word at `at` names a place rather than a gathering:
// "Trung tâm Hội nghị Quốc gia", "Cung Văn hóa", "phòng họp".
bool IsVenueWord(const std::vector<Token>& tokens, std::size_t at);

// True for "chương trình": a programme, or the agenda of another gathering
// ("đưa vào chương trình ... kỳ họp"); another event word in the sentence names it better.
bool IsWeakEventHead(const std::vector<Token>& tokens, std::size_t at);

}  // namespace vnkg
