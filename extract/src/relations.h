// Stage 7, relations: the facts between the mentions of a sentence.
// Offices (holds_position, dated by the event in force else the article; a
// body naming a province is located_in it); the organizers of an event in the
// sentence that defines it ("X tổ chức", "do X tổ chức", each of "X và Y") and
// its place ("tại <tỉnh>"); awards ("trao <award> cho A; B", given by the
// person before the verb); partners and neighbours of a province ("thỏa
// thuận ... với tỉnh X (Lào)", "biên giới chung với ...") and part_of.
// Internal to the extract module.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "document_context.h"
#include "mentions.h"

namespace vnkg::stage {

// holds_position for each office of each person, with `date`; located_in for
// an office's organization that names a province.
void EmitOffices(DocumentContext& ctx, const Sentence& s, const std::vector<PersonMention>& people,
                 const std::string& date, float confidence);

// organized: the bodies before "tổ chức" ("X tổ chức", "do X tổ chức", "X và Y tổ chức").
void EmitOrganizers(DocumentContext& ctx, const Sentence& s, const Entity& event, const std::string& local_province,
                    float confidence);

// located_in: the first "tại <province>" (not "điểm cầu tại"), or "tại" a
// place abroad whose country the text gives ("tại Hamburg (Đức)", "tại thủ đô
// Tokyo, Nhật Bản") or a country ("tại Singapore").
void EmitEventPlace(DocumentContext& ctx, const Sentence& s, const Entity& event, float confidence);

// "điểm cầu chính tại Hà Nội": the main bridge point is where the event is held (located_in).
void EmitMainBridgePlace(DocumentContext& ctx, const Sentence& s, const Entity& event, float confidence);

// part_of between a place abroad and its country, after a word that says it
// is a place: "tại Hamburg (Đức)", "ở Marawi, Philippines", "tại Phnom Penh –
// Campuchia", "thủ đô Brussels của Bỉ".
void EmitPartOf(DocumentContext& ctx, const Sentence& s);

// What earlier sentences of the article said about awards.
struct AwardMemory {
  std::map<std::string, std::string> awards_by_head;  // "kỷ niệm chương" -> its full name in this article
  std::string last_giver;
};

// received_award for the people after "cho", from the award verb at `award_at`.
void EmitAwards(DocumentContext& ctx, const Sentence& s, const std::vector<PersonMention>& people,
                std::size_t award_at, const std::string& date, AwardMemory& memory, float confidence);

// Foreign partners and neighbours: cooperates_with, borders and part_of.
void EmitRelationsOfPlaces(DocumentContext& ctx, const Sentence& s);

}  // namespace vnkg::stage
