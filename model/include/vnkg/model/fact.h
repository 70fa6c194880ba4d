// The vocabulary every module shares: documents, entities and facts, as the
// fact contract (FACTS.md, copied to docs/facts.md) defines them.
//
// Entities are plain values. Two entities are the same real thing exactly when
// their EntityKey() is equal; the store dictionary-encodes entities by that key
// and keeps the first display form it saw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg {

enum class EntityType : std::uint8_t {
  kPerson = 1,
  kOrganization,
  kProvince,
  kPlace,
  kEvent,
  kBridgePoint,
  kPosition,
  kAward,
};

// "Person", "Organization", ... as FACTS.md spells them.
std::string_view EntityTypeName(EntityType type);
// The inverse of EntityTypeName; nullopt for an unknown name.
std::optional<EntityType> ParseEntityType(std::string_view name);

struct Entity {
  EntityType type = EntityType::kPerson;
  // Person, Organization, Province, Place, Event, Award: the display name, NFC,
  // as written (Province: the canonical short name without "tỉnh").
  std::string name;
  // Event: ISO date, "YYYY-MM-DD" (or "YYYY-MM", "YYYY"). BridgePoint: its event's date.
  std::string date;
  // BridgePoint: the canonical name of its province.
  std::string province;
  // Position: the title ("Phó Chủ tịch Thường trực") and the organization
  // ("UBND tỉnh Bắc Giang"); organization is empty when the title names it.
  std::string title;
  std::string organization;
  // Event: which report of a gathering this is, "<doc id>#<n>" (the n-th event
  // its document reports); BridgePoint: the same, of its event. Resolution
  // (docs/architecture.md, "Identity") decides which reports are one gathering.
  // Empty for an event read from a facts file that gives none.
  // Position: a bare title ("Bộ trưởng" without its body) is its holder's
  // alone: the holder's folded name, so that it joins no two people.
  std::string mention{};
  // Event: what resolution compares, written by the extractor: its kind
  // ("conference", "ceremony", ...) then the folded words of the sentence that
  // reports it, space-separated. Not part of its identity.
  std::string about{};

  bool operator==(const Entity& other) const;
};

// The stored identity of an entity: type plus its folded identifying fields
// (NFC, one tone placement, lower case, collapsed white space; Event: its date
// and its mention (the date alone when it has no mention); BridgePoint:
// event date, event mention and province; Position: title and organization
// joined with a shared word written once, and a bare title's holder). Stable across runs and versions of
// the same schema. Events and bridge points are one key per report; the store
// resolves reports of one gathering to one node when it reads (resolve/).
std::string EntityKey(const Entity& entity);
// The same key with `fold` in place of FoldKey (text.h), for a caller with a
// faster function that returns exactly FoldKey's string (the extractor's
// per-thread syllable cache): one key rule, whichever function folds.
std::string EntityKey(const Entity& entity, std::string (*fold)(std::string_view));

// The display label of an entity ("Lò Văn Khánh", "Phó Chủ tịch UBND tỉnh
// Hà Tĩnh", "Hà Tĩnh @ 2025-01-06").
std::string EntityLabel(const Entity& entity);

// The predicates of FACTS.md.
inline constexpr std::string_view kPredicates[] = {
    "holds_position", "chaired",          "attended",   "spoke_at",
    "organized",      "has_bridge_point", "located_in", "received_award",
    "cooperates_with", "borders",         "part_of",
};
bool IsKnownPredicate(std::string_view predicate);

// One fact with its provenance: which document said it, in which sentence.
struct Fact {
  Entity subject;
  std::string predicate;  // one of kPredicates
  Entity object;
  std::string doc;                    // the source document's id
  std::string evidence;               // the sentence the fact was read from, as written
  std::uint32_t sentence_offset = 0;  // byte offset of that sentence in the document text
  float confidence = 1.0f;            // 0..1; facts from captions/teasers score lower
  // Optional attributes kept with the fact and exported as extra fields:
  std::string date;  // when the fact was reported (the event's or article's date)
  std::string by;    // received_award: who gave the award
};

// An article to read. `text` is the whole article as given; when a separate
// title exists it is kept in `title` and is part of the article too.
struct Document {
  std::string id;
  std::string title;
  std::string date;  // "YYYY-MM-DD" when the input gives one, else empty
  std::string url;
  std::string text;
  std::string origin;  // where it came from ("path/file.jsonl:12"), for messages
};

}  // namespace vnkg
