#include "encoding.h"

#include "vnkg/model/text.h"

#include <cstring>

namespace vnkg::storage {

void PutId(std::string& out, TermId id) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((id >> shift) & 0xFF));
}

TermId GetId(std::string_view bytes) {
  TermId id = 0;
  for (std::size_t i = 0; i < kIdSize; ++i) id = (id << 8) | static_cast<unsigned char>(bytes[i]);
  return id;
}

std::string TripleKey(TermId a, TermId b, TermId c) {
  std::string key;
  key.reserve(kTripleKeySize);
  PutId(key, a);
  PutId(key, b);
  PutId(key, c);
  return key;
}

Writer& Writer::Str(std::string_view s) {
  U32(static_cast<std::uint32_t>(s.size()));
  out_.append(s);
  return *this;
}
Writer& Writer::U32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return *this;
}
Writer& Writer::U64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  return *this;
}
Writer& Writer::F32(float v) {
  std::uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return U32(bits);
}
Writer& Writer::Byte(std::uint8_t v) {
  out_.push_back(static_cast<char>(v));
  return *this;
}

bool Reader::Take(std::size_t n, std::string_view& out) {
  if (in_.size() < n) return false;
  out = in_.substr(0, n);
  in_.remove_prefix(n);
  return true;
}
bool Reader::U32(std::uint32_t& v) {
  std::string_view b;
  if (!Take(4, b)) return false;
  v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
  return true;
}
bool Reader::U64(std::uint64_t& v) {
  std::string_view b;
  if (!Take(8, b)) return false;
  v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[i]);
  return true;
}
bool Reader::F32(float& v) {
  std::uint32_t bits;
  if (!U32(bits)) return false;
  std::memcpy(&v, &bits, sizeof v);
  return true;
}
bool Reader::Byte(std::uint8_t& v) {
  std::string_view b;
  if (!Take(1, b)) return false;
  v = static_cast<std::uint8_t>(b[0]);
  return true;
}
bool Reader::Str(std::string& s) {
  std::uint32_t n;
  std::string_view b;
  if (!U32(n) || !Take(n, b)) return false;
  s.assign(b);
  return true;
}

std::string EncodeEntityTerm(const Entity& e) {
  Writer w;
  w.Byte('E').Byte(static_cast<std::uint8_t>(e.type)).Str(e.name).Str(e.date).Str(e.province).Str(e.title).Str(
      e.organization).Str(e.mention).Str(e.about);
  return w.Take();
}

std::string EncodePredicateTerm(std::string_view predicate) {
  Writer w;
  w.Byte('P').Str(predicate);
  return w.Take();
}

bool DecodeTerm(std::string_view value, std::optional<Entity>& entity, std::optional<std::string>& predicate) {
  Reader r(value);
  std::uint8_t tag;
  if (!r.Byte(tag)) return false;
  if (tag == 'P') {
    std::string name;
    if (!r.Str(name)) return false;
    predicate = std::move(name);
    return true;
  }
  if (tag != 'E') return false;
  Entity e;
  std::uint8_t type;
  if (!r.Byte(type) || type < 1 || type > static_cast<std::uint8_t>(EntityType::kAward)) return false;
  e.type = static_cast<EntityType>(type);
  if (!r.Str(e.name) || !r.Str(e.date) || !r.Str(e.province) || !r.Str(e.title) || !r.Str(e.organization) ||
      !r.Str(e.mention) || !r.Str(e.about))
    return false;
  entity = std::move(e);
  return true;
}

// A one-byte kind tag in front keeps an entity key and a predicate name from
// ever meeting in the index.
std::string EntityIndexKey(const Entity& e) {
  std::string key(1, 'E');
  key.append(EntityKey(e));
  return key;
}
std::string NameIndexPrefix(std::string_view loose_name) {
  std::string key(1, 'N');
  key.append(loose_name);
  key.push_back('\0');
  return key;
}

std::string NameIndexKey(const Entity& entity, TermId id) {
  std::string key = NameIndexPrefix(FoldLoose(EntityLabel(entity)));
  PutId(key, id);
  return key;
}

std::string PredicateIndexKey(std::string_view predicate) {
  std::string key(1, 'P');
  key.append(predicate);
  return key;
}

std::string EncodeProvenance(const Provenance& p) {
  Writer w;
  w.U32(p.sentence_offset).F32(p.confidence).Str(p.evidence).Str(p.date).Str(p.by);
  return w.Take();
}

bool DecodeProvenance(std::string_view value, Provenance& p) {
  Reader r(value);
  return r.U32(p.sentence_offset) && r.F32(p.confidence) && r.Str(p.evidence) && r.Str(p.date) && r.Str(p.by);
}

std::string ProvenanceKey(std::string_view spo_key, std::string_view doc, std::uint32_t occurrence) {
  std::string key(spo_key);
  key.append(doc);
  key.push_back('\0');
  for (int shift = 24; shift >= 0; shift -= 8) key.push_back(static_cast<char>((occurrence >> shift) & 0xFF));
  return key;
}

std::string_view ProvenanceKeyDoc(std::string_view key) {
  if (key.size() < kTripleKeySize + 5) return {};
  return key.substr(kTripleKeySize, key.size() - kTripleKeySize - 5);
}

std::string EncodeDocument(const DocumentRecord& d, const std::vector<std::string>& spo_keys) {
  Writer w;
  w.Str(d.content_hash).Str(d.title).Str(d.date).Str(d.url).U64(static_cast<std::uint64_t>(d.ingested_at)).U32(
      d.fact_count);
  w.U32(static_cast<std::uint32_t>(spo_keys.size()));
  for (const auto& key : spo_keys) w.Str(key);
  return w.Take();
}

bool DecodeDocument(std::string_view value, DocumentRecord& d, std::vector<std::string>* spo_keys) {
  Reader r(value);
  std::uint64_t at;
  std::uint32_t count;
  if (!r.Str(d.content_hash) || !r.Str(d.title) || !r.Str(d.date) || !r.Str(d.url) || !r.U64(at) ||
      !r.U32(d.fact_count) || !r.U32(count))
    return false;
  d.ingested_at = static_cast<std::int64_t>(at);
  if (!spo_keys) return true;
  spo_keys->resize(count);
  for (auto& key : *spo_keys)
    if (!r.Str(key)) return false;
  return true;
}

std::string PrefixSuccessor(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char last = static_cast<unsigned char>(prefix.back());
    if (last != 0xFF) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

}  // namespace vnkg::storage
