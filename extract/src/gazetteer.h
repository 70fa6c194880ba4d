// The loaded data files of extract/data: phrase tables keyed by folded text.
// Internal to the extract module.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "flat_tables.h"
#include "vnkg/extract/extractor.h"

namespace vnkg {

enum class PhraseKind : std::uint8_t {
  kProvince,    // canonical: the province's short name
  kCountry,     // canonical: the country's name
  kBody,        // a ministry or central body: canonical official name
  kTitle,       // an office title (takes_org tells if an organization follows)
  kRank,        // a military or police rank: not an office
  kEventHead,   // hội nghị, lễ, họp, ...
  kOrgHead,     // Bộ, Sở, Ủy ban, ...
  kHonorific,   // Đồng chí, ông, bà, GS, TS, ...
};

struct PhraseInfo {
  PhraseKind kind;
  std::string canonical;
  bool takes_org = false;
  bool foreign = false;  // a foreign or international body (foreign_bodies.tsv): its offices are not Vietnamese ones
};

// A hash for short folded words and roles (FoldHash64, flat_tables.h), of any
// string type: with std::equal_to<>, a lookup makes no std::string.
struct FoldHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return static_cast<std::size_t>(FoldHash64(s)); }
};

class Gazetteer {
 public:
  // Phrases by their folded form ("bộ ngoại giao"); several kinds may share a form.
  std::unordered_map<std::string, std::vector<PhraseInfo>> phrases;
  // The same phrases as a trie over word ids, the matcher's fast path: a
  // token's fold is hashed once, the steps after it are integer lookups.
  static constexpr std::uint32_t kNoWord = 0xFFFFFFFFu;
  // Flat tables (flat_tables.h): every token's fold is looked up in word_ids.
  WordIndex word_ids;  // folded word -> id
  U64Map trie;         // (node << 32 | word id) -> child node, below the root (node 0)
  // The root's child by word id, 0 if none: every token with a word id steps
  // from the root, so that step is an array read, not a probe.
  std::vector<std::uint32_t> root_children;
  std::vector<const std::vector<PhraseInfo>*> node_phrases{nullptr};  // the phrase ending at a node, or nullptr
  // Per word id: the word starts a role cue (kCueFirst).
  static constexpr std::uint8_t kCueFirst = 1;
  std::vector<std::uint8_t> word_flags;
  std::uint32_t AddWord(const std::string& fold) {
    const std::uint32_t id = word_ids.Add(fold);
    if (word_flags.size() <= id) word_flags.resize(id + 1, 0);
    return id;
  }
  bool IsCueFirst(std::uint32_t id) const { return id != kNoWord && (word_flags[id] & kCueFirst); }
  std::uint32_t WordId(const std::string& fold) const {
    static_assert(WordIndex::kNone == kNoWord);
    return word_ids.Find(fold);
  }
  // The child of `node` along `word`, 0 if none.
  std::uint32_t Child(std::uint32_t node, std::uint32_t word) const {
    if (node == 0) return word < root_children.size() ? root_children[word] : 0;
    return trie.Find((static_cast<std::uint64_t>(node) << 32) | word, 0);
  }
  // Child, made (with no phrase) when missing.
  std::uint32_t AddChild(std::uint32_t node, std::uint32_t word);
  // Cue phrases split into folded words, by role, then by the word id of
  // their first word (a cue can start only at a token with that id, so a
  // match reads those alone). A role is looked up by any string type.
  using CuesByFirstWord = std::unordered_map<std::uint32_t, std::vector<std::vector<std::string>>>;
  std::unordered_map<std::string, CuesByFirstWord, FoldHash, std::equal_to<>> cue_words;
  // Cue words by role ("chaired", "attended", "spoke_at", "organized",
  // "award_verb", "not_attend"): folded phrases.
  std::unordered_map<std::string, std::vector<std::string>> cues;
  // Vietnamese family names (folded), for telling a name from other capitals.
  std::unordered_set<std::string> surnames;
  // Provinces that are centrally-run cities ("thành phố trực thuộc trung ương"), by canonical name:
  // their bodies are "Thành ủy", "UBND TP"; a province's are "Tỉnh ủy", "UBND tỉnh".
  std::unordered_set<std::string> cities;
  // Capitalised words that start sentences but never names (folded).
  std::unordered_set<std::string> non_name_words;
  // Cities and islands abroad (world_places.tsv), folded name or alias -> the country they are in: a
  // capitalised word after "tại" that is one of them is a place, not a building or a firm.
  std::unordered_map<std::string, std::string> world_places;
  // The first word of each key of world_places: a name whose first word is none of these is no
  // city abroad, which EmitPartOf learns without folding the whole name.
  std::unordered_set<std::string> world_place_first_words;

  void Add(const std::string& phrase, PhraseInfo info);
  // Infos of `kind` for a folded phrase, or nullptr.
  const PhraseInfo* Find(const std::string& folded, PhraseKind kind) const;
};

}  // namespace vnkg
