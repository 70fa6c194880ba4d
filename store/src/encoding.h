// Byte layouts of the store's keys and values (see docs/architecture.md).
//
// Ids are 8-byte big-endian so that byte order is numeric order and an id is
// a fixed-width prefix. Strings inside values are length-prefixed (4 bytes,
// little-endian) so that any byte may occur in them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/model/fact.h"
#include "vnkg/store/store.h"

namespace vnkg::storage {

inline constexpr std::size_t kIdSize = 8;
inline constexpr std::size_t kTripleKeySize = 3 * kIdSize;

void PutId(std::string& out, TermId id);
TermId GetId(std::string_view bytes);  // REQUIRES: bytes.size() >= 8

// A triple key in the given order of positions.
std::string TripleKey(TermId a, TermId b, TermId c);

// Appends / reads length-prefixed strings and fixed-width numbers.
class Writer {
 public:
  Writer& Str(std::string_view s);
  Writer& U32(std::uint32_t v);
  Writer& U64(std::uint64_t v);
  Writer& F32(float v);
  Writer& Byte(std::uint8_t v);
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Str(std::string& s);
  bool U32(std::uint32_t& v);
  bool U64(std::uint64_t& v);
  bool F32(float& v);
  bool Byte(std::uint8_t& v);
  bool AtEnd() const { return in_.empty(); }

 private:
  bool Take(std::size_t n, std::string_view& out);
  std::string_view in_;
};

// Term values (family `terms`, key: the 8-byte id):
//   entity:    'E', type byte (EntityType), name, date, province, title, organization, mention, about
//   predicate: 'P', name
// The leading tag tells the two kinds apart, so ids share one sequence.
std::string EncodeEntityTerm(const Entity& e);
std::string EncodePredicateTerm(std::string_view predicate);
// Decodes a term value; exactly one of the outputs is set on success.
bool DecodeTerm(std::string_view value, std::optional<Entity>& entity, std::optional<std::string>& predicate);

// term_index keys: 'E' + EntityKey(entity) or 'P' + predicate name; value: the 8-byte id.
std::string EntityIndexKey(const Entity& e);
std::string PredicateIndexKey(std::string_view predicate);
// Name rows of term_index: 'N' + FoldLoose(EntityLabel(entity)) + '\0' + the
// 8-byte id; value empty. One per entity, written with its term (entities
// are never removed and keep their first form), so they are always exact:
// Store::ForEachEntityNamed is one prefix scan of them.
std::string NameIndexPrefix(std::string_view loose_name);
std::string NameIndexKey(const Entity& entity, TermId id);

// Provenance values: sentence offset (u32), confidence (f32 bits), evidence, date, by.
// The document id is not repeated: it is inside the key.
std::string EncodeProvenance(const Provenance& p);
bool DecodeProvenance(std::string_view value, Provenance& p);

// Provenance key: SPO key + document id + NUL + occurrence (4 bytes BE).
std::string ProvenanceKey(std::string_view spo_key, std::string_view doc, std::uint32_t occurrence);
// The document id inside a provenance key.
std::string_view ProvenanceKeyDoc(std::string_view key);

// Document values: content hash, title, date, url, ingested_at (u64), fact_count
// (u32), then the count (u32) and the 24-byte SPO keys the document contributed,
// so that replacing it touches exactly its own triples.
std::string EncodeDocument(const DocumentRecord& record, const std::vector<std::string>& spo_keys);
bool DecodeDocument(std::string_view value, DocumentRecord& record, std::vector<std::string>* spo_keys);

// The smallest key greater than every key starting with `prefix`, or empty
// when there is none (all 0xFF).
std::string PrefixSuccessor(std::string prefix);

}  // namespace vnkg::storage
