// Stage 2, sentences and tokens. A line's tokens are cut into sentences at
// ". ! ? …" followed by a capital, a digit, a quote or the end (not after the
// genre's abbreviations: "TP.", "ThS."). Each token is then marked with the
// longest gazetteer phrase starting at it (province, body, title, ...), and
// role cues ("chủ trì", "tham dự", ...) are matched on folded tokens.
// Internal to the extract module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "document_context.h"

namespace vnkg::stage {

struct SentenceSpan {
  std::size_t begin, end;              // bytes in the line
  std::size_t first_token, end_token;  // tokens of the line
};

// The sentences of one line, given its tokens (Tokenize(line, 0)).
std::vector<SentenceSpan> SplitSentences(std::string_view line, const std::vector<Token>& tokens);

// Token marks from the gazetteer (longest match first); a province, country
// or body must start with a capital. `ids_out` gets each token's word id.
std::vector<std::optional<Mark>> MarkTokens(const Gazetteer& g, const std::vector<Token>& tokens,
                                            std::vector<std::uint32_t>* ids_out = nullptr);

// True when a cue of `role` ("chaired", "attended", "spoke_at", "award_verb",
// "clause_verb", "not_attend", ...) starts at token i; `length` gets its
// length in tokens (it may be set even when false is returned).
bool MatchesCue(const Gazetteer& g, const std::vector<Token>& tokens, std::size_t i, const char* role,
                std::size_t& length);

// Marks and word ids of every sentence of the view.
void MarkSentences(const Gazetteer& g, DocumentView& view);

}  // namespace vnkg::stage
