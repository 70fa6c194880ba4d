// Stage 6, roles and bridge points. Role cues of the gazetteer ("chủ trì",
// "dự", "phát biểu", ...) give the people of a sentence their part in the
// event: a cue after a person in the same clause (only more people, commas and
// small words between; no ";", ":", award verb or clause verb), or an
// introducing cue before them ("Đến dự có ...", "Phát biểu tại hội nghị, ...").
// "dự và phát biểu": both roles. A sentence naming "điểm cầu [tỉnh] X" speaks
// of the bridge point of X; chairing and attending there go to that point.
// Internal to the extract module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "document_context.h"
#include "mentions.h"

namespace vnkg::stage {

struct Cue {
  std::size_t at, length;  // tokens
  const char* role;        // "chaired", "attended" or "spoke_at"
};

struct SentenceCues {
  std::vector<Cue> cues;                // in order, not overlapping
  std::optional<std::size_t> award_at;  // the first award verb ("trao tặng")
};

// The province of "điểm cầu [chính] [tại] [tỉnh] X" in a marked sentence, when it names one only.
std::optional<std::string> BridgeProvince(const Sentence& s);

// Every province named as a bridge point in the sentence ("điểm cầu X và Y");
// BridgeProvince above is the province when there is exactly one.
std::vector<std::string> BridgeProvinces(const Sentence& s);

// The role cues and the first award verb of a sentence.
SentenceCues FindCues(const Gazetteer& g, const Sentence& s);

// Sets role (and role2) of the people of `s` from its cues.
void AssignRoles(const Gazetteer& g, const Sentence& s, const SentenceCues& found, std::vector<PersonMention>& people);

// The sides of a meeting named by its verb at [verb, verb_end) (events.h, FindMeeting): the person
// just before the verb ("đã" aside) and the people right after it ("với" aside; more joined by "," or
// "và") attended it, unless a cue of their own says more.
void AssignMeetingRoles(const Sentence& s, std::size_t verb, std::size_t verb_end, std::vector<PersonMention>& people);

// "A cho biết [thông tin này] tại hội nghị ...", "A nhấn mạnh như vậy tại buổi làm việc": a person the
// text places at the sentence's event (named by its word `event_head` right after "tại") by what they said
// there attended it, unless a cue says more. Only the person just before the verb (cues.tsv, "said"),
// with at most a few lower-case words of what was said between the verb and "tại".
void AssignSaidAtRoles(const Gazetteer& g, const Sentence& s, const std::string& event_head,
                       std::vector<PersonMention>& people);

// chaired / attended / spoke_at facts of the people of `s` for `event`;
// chairing and attending go to `bridge` when the sentence names a bridge point.
void EmitRoles(DocumentContext& ctx, const Sentence& s, const Entity& event, const std::vector<PersonMention>& people,
               const std::optional<std::string>& bridge_province, const Entity& bridge, float confidence);

}  // namespace vnkg::stage
