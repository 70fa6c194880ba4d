// Helpers for the unit tests of the extractor's stages (extract/src/*.h,
// internal headers): the source tree's gazetteer and one marked sentence.
#pragma once

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "../../extract/src/document_context.h"
#include "../../extract/src/sentences.h"
#include "vnkg/extract/extractor.h"

namespace vnkg::stage::testing {

inline const Gazetteer& TheGazetteer() {
  static const std::shared_ptr<const Gazetteer> gazetteer = [] {
    auto loaded = LoadGazetteer(VNKG_SOURCE_DIR "/extract/data");
    REQUIRE(loaded.ok());
    return loaded.value();
  }();
  return *gazetteer;
}

// One body sentence of its own line, tokenized and marked.
inline Sentence MakeSentence(const std::string& text, SegmentKind kind = SegmentKind::kBody) {
  Sentence s;
  s.text = text;
  s.kind = kind;
  s.tokens = Tokenize(text, 0);
  s.marks = MarkTokens(TheGazetteer(), s.tokens, &s.ids);
  return s;
}

}  // namespace vnkg::stage::testing
