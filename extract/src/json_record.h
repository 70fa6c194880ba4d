// A fast reader for the common JSON Lines record: one flat object whose
// values are all strings. Internal to the extract module.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vnkg {

// The fields of a record that the document reader keeps.
struct JsonRecordFields {
  std::optional<std::string> id, title, date, url, text;
};

// Reads `line` when it is one JSON object whose values are strings, null,
// true or false (any keys, ours each at most once, escapes \" \\ \/ \b \f \n \r \t \uXXXX, surrogate pairs
// joined), with white space around; the keys id, title, date, url and text
// are kept when they are strings, decoded exactly as nlohmann::json decodes
// them.
// REQUIRES: `line` is valid UTF-8 (the reader repairs it first).
// Returns nullopt for anything else (numbers, nesting, a repeated key, a lone
// surrogate, a bad escape, a raw control character, trailing bytes, ...), so
// that the caller falls back to the full parser, whose verdict stands.
std::optional<JsonRecordFields> ReadFlatJsonRecord(std::string_view line);

}  // namespace vnkg
