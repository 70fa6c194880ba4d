// The rule-based extractor's driver. The journey of one document, a stage
// (an internal header of its own) at each step:
//   segments.h   lines -> sentences of a kind (body, caption, teaser)
//   sentences.h  sentences -> tokens with gazetteer marks and role cues
//   dates.h      the years the article speaks of, each date's year
//   events.h     the events and the event in force at each sentence
//   mentions.h   people with their offices, organizations, places
//   roles.h      chaired / attended / spoke_at, bridge points
//   relations.h  offices, organizers, places, awards, partners -> facts
//   short_names.h, offices.h  one document's people and offices made one
// Every rule is about the language and the genre; names, titles, bodies and
// cue words come from extract/data.
#include "vnkg/extract/extractor.h"

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "dates.h"
#include "document_context.h"
#include "events.h"
#include "gazetteer.h"
#include "mentions.h"
#include "offices.h"
#include "relations.h"
#include "roles.h"
#include "segments.h"
#include "sentences.h"
#include "short_names.h"
#include "vnkg/model/utf8.h"

namespace vnkg {
namespace {

using namespace stage;

// The facts of sentence k, in the order the stages emit them.
void ReadSentence(DocumentContext& ctx, const EventTimeline& timeline, std::size_t k,
                  const std::string& article_province, AwardMemory& awards, bool& previous_mentioned_event) {
  const Gazetteer& g = ctx.g;
  const Sentence& s = ctx.view.sentences[k];
  const float confidence = ConfidenceOf(s.kind);
  const EventInfo* event = EventOfSentence(timeline, ctx.view, k);
  const bool defines_event = event && event->sentence == k;

  const std::optional<std::string> bridge_province = BridgeProvince(s);
  const std::string local_province = bridge_province ? *bridge_province : article_province;
  bool mentions_event = defines_event || bridge_province.has_value() || HasEventWord(s);
  Entity bridge;
  if (event && bridge_province) {
    bridge = Entity{EntityType::kBridgePoint, "", event->entity.date, *bridge_province, "", ""};
    bridge.mention = event->entity.mention;
    ctx.Emit(event->entity, "has_bridge_point", bridge, s, confidence);
  } else if (event) {
    // "tại hai điểm cầu Hà Nội và TP Hồ Chí Minh": each is a bridge point; the
    // people of such a sentence are linked to the event, not to one of them.
    for (const std::string& province : BridgeProvinces(s)) {
      Entity point{EntityType::kBridgePoint, "", event->entity.date, province, "", ""};
      point.mention = event->entity.mention;
      ctx.Emit(event->entity, "has_bridge_point", point, s, confidence);
      mentions_event = true;
    }
  }

  // People, their offices, and what they did.
  // People need a title, an honorific, a rank or a role cue nearby; most sentences have none.
  std::vector<PersonMention> people;
  if (MayNamePeople(g, s)) people = FindPeople(g, s, local_province);
  const SentenceCues cues = FindCues(g, s);
  if (event && mentions_event == false && previous_mentioned_event && !cues.cues.empty()) mentions_event = true;
  // Offices and awards are dated by the event the sentence reports them at, else
  // by the article's own date: never by an event the sentence does not speak of.
  const std::string& date = event && mentions_event ? event->entity.date : ctx.doc.date;
  EmitOffices(ctx, s, people, date, confidence);
  AssignRoles(g, s, cues, people);
  if (event) AssignSaidAtRoles(g, s, event->head, people);
  if (defines_event && event->meeting_verb_length)
    AssignMeetingRoles(s, event->meeting_verb, event->meeting_verb + event->meeting_verb_length, people);
  if (event && mentions_event) EmitRoles(ctx, s, event->entity, people, bridge_province, bridge, confidence);
  previous_mentioned_event = mentions_event && event;

  // The organizer and the place of an event, in the sentence that defines it.
  if (defines_event) {
    EmitOrganizers(ctx, s, event->entity, local_province, confidence);
    EmitEventPlace(ctx, s, event->entity, confidence);
  }
  if (event && mentions_event) EmitMainBridgePlace(ctx, s, event->entity, confidence);
  if (cues.award_at) EmitAwards(ctx, s, people, *cues.award_at, date, awards, confidence);
  EmitRelationsOfPlaces(ctx, s);
  EmitPartOf(ctx, s);
}

Extraction ReadDocument(const Gazetteer& g, const Document& doc) {
  DocumentContext ctx(g, doc);
  DocumentView& view = ctx.view;
  Segment(doc, view);
  view.latest_written_year = LatestWrittenYear(view.sentences);
  view.dominant_year = DominantYear(view.sentences, false, view.latest_written_year, &view.dominant_support);
  view.teaser_year = DominantYear(view.sentences, true, view.latest_written_year);
  ReadPresentYears(doc.date, view);
  MarkSentences(g, view);
  // Provinces the article speaks of, and its dateline ("BẮC GIANG - Ngày 6/1, ...").
  ReadPlaces(g, view);
  const EventTimeline timeline = FindEvents(g, doc, view);
  const std::string article_province = ArticleProvince(view);
  AwardMemory awards;
  bool previous_mentioned_event = false;
  for (std::size_t k = 0; k < view.sentences.size(); ++k)
    ReadSentence(ctx, timeline, k, article_province, awards, previous_mentioned_event);
  ResolveShortNames(ctx.out.facts, g);
  ResolveOffices(ctx.out.facts, g);
  return std::move(ctx.out);
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}
Extractor::~Extractor() = default;

namespace {

// Where a part of at most `limit` bytes starting at `from` should end: after
// the last paragraph break (else line break, else sentence end, else space)
// in its second half, so that no sentence is cut when the text allows.
std::size_t PartEnd(const std::string& text, std::size_t from, std::size_t limit) {
  if (text.size() - from <= limit) return text.size();
  const std::size_t hard = from + limit, floor = from + limit / 2;
  for (const char* separator : {"\n\n", "\n", ". ", " "}) {
    const std::size_t at = text.rfind(separator, hard - std::strlen(separator));
    if (at != std::string::npos && at >= floor) return at + std::strlen(separator);
  }
  std::size_t end = hard;  // no separator: cut between UTF-8 characters
  while (end > floor && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

Extraction Extractor::Extract(const Document& document) const { return Read(document, false); }
Extraction Extractor::ExtractValid(const Document& document) const { return Read(document, true); }

Extraction Extractor::Read(const Document& document, bool known_valid) const {
  if (document.text.size() > kExtractPartBytes) {
    // A "document" this long is a dump, not an article: its parts are read
    // one at a time so that memory stays bounded (the whole text at once
    // took ~30 bytes a byte), at the cost of context across parts.
    Extraction out;
    std::size_t parts = 0;
    for (std::size_t from = 0; from < document.text.size(); ++parts) {
      const std::size_t end = PartEnd(document.text, from, kExtractPartBytes);
      Document part;
      part.id = document.id;
      part.title = document.title;
      part.date = document.date;
      part.url = document.url;
      part.origin = document.origin;
      part.text = document.text.substr(from, end - from);
      Extraction got = Read(part, known_valid);  // parts end between characters: valid text, valid parts
      for (Fact& fact : got.facts) {
        fact.sentence_offset += static_cast<std::uint32_t>(from);
        out.facts.push_back(std::move(fact));
      }
      for (ExtractWarning& warning : got.warnings) out.warnings.push_back(std::move(warning));
      from = end;
    }
    const std::string id = document.id.empty() ? document.origin : document.id;
    out.warnings.push_back({"document " + id + ": " + std::to_string(document.text.size() / (1024 * 1024)) +
                            " MiB of text, read in " + std::to_string(parts) + " parts of at most " +
                            std::to_string(kExtractPartBytes / (1024 * 1024)) +
                            " MiB; facts whose context spans two parts may be missed"});
    return out;
  }
  if (known_valid) return ReadDocument(*gazetteer_, document);
  const std::int64_t bad_text = FirstInvalidUtf8(document.text);
  const std::int64_t bad_title = FirstInvalidUtf8(document.title);
  if (bad_text < 0 && bad_title < 0) return ReadDocument(*gazetteer_, document);
  // Invalid bytes become U+FFFD (NUL bytes are dropped); offsets then count in the repaired text.
  Document repaired = document;
  RepairUtf8(repaired.text);
  RepairUtf8(repaired.title);
  Extraction out = ReadDocument(*gazetteer_, repaired);
  const std::string id = document.id.empty() ? document.origin : document.id;
  if (bad_text >= 0)
    out.warnings.push_back({"document " + id + ": invalid UTF-8 at byte " + std::to_string(bad_text) +
                            " of its text; read with U+FFFD in its place"});
  if (bad_title >= 0)
    out.warnings.push_back({"document " + id + ": invalid UTF-8 at byte " + std::to_string(bad_title) +
                            " of its title; read with U+FFFD in its place"});
  return out;
}

}  // namespace vnkg
