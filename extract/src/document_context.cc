// The shared per-document state of the extractor's stages; see document_context.h.
#include "document_context.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace vnkg::stage {

float ConfidenceOf(SegmentKind kind) {
  switch (kind) {
    case SegmentKind::kBody: return 0.9f;
    case SegmentKind::kCaption: return 0.7f;
    case SegmentKind::kTeaser: return 0.3f;
  }
  return 0.5f;
}

std::string_view Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (bool trimmed = true; trimmed;) {  // ASCII white space and no-break spaces, mixed
    trimmed = false;
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1), trimmed = true;
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1), trimmed = true;
    while (StartsWith(s, "\xC2\xA0")) s.remove_prefix(2), trimmed = true;
    while (EndsWith(s, "\xC2\xA0")) s.remove_suffix(2), trimmed = true;
  }
  return s;
}

std::string CapitalizeFirst(const std::string& text) {
  if (text.empty()) return text;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  if (c < 0 || !u_islower(c)) return text;
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, u_toupper(c), error);
  if (error) return text;
  return std::string(buffer, static_cast<std::size_t>(length)) + text.substr(static_cast<std::size_t>(i));
}

bool IsAllCaps(std::string_view word) {
  int letters = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(word.size());) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    if (c < 0) continue;
    if (u_islower(c)) return false;
    if (u_isalpha(c)) ++letters;
  }
  return letters >= 2;
}

void DocumentContext::Emit(Entity subject, const char* predicate, Entity object, const Sentence& s, float confidence,
                           std::string date, std::string by) {
  // Every Emit keys both entities: names fold from the syllable cache, not through ICU.
  const std::string key = EntityKey(subject, FoldCachedWords) + "\x1f" + predicate + "\x1f" +
                          EntityKey(object, FoldCachedWords) + "\x1f" + s.text;
  if (!emitted.insert(key).second) return;
  Fact f;
  f.subject = std::move(subject);
  f.predicate = predicate;
  f.object = std::move(object);
  f.doc = doc.id;
  f.evidence = s.text;
  f.sentence_offset = static_cast<std::uint32_t>(s.offset);
  f.confidence = confidence;
  f.date = std::move(date);
  f.by = std::move(by);
  out.facts.push_back(std::move(f));
}

}  // namespace vnkg::stage
