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

// One holds_position fact, as a document's facts carry it before offices.h and short_names.h see them.
inline Fact OfficeFact(const std::string& person, const std::string& title, const std::string& organization = "") {
  Fact f;
  f.subject = Entity{EntityType::kPerson, person, "", "", "", ""};
  f.predicate = "holds_position";
  f.object = Entity{EntityType::kPosition, "", "", "", title, organization};
  return f;
}

}  // namespace vnkg::stage::testing
