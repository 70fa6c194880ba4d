// The SPARQL tokenizer, and the error type and positions the parser shares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/status.h"

namespace vnkg::sparql {

enum class Tok { kEnd, kIri, kPname, kVar, kString, kInteger, kDecimal, kDouble, kLangTag, kBlank, kWord, kPunct };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;    // kIri: the IRI; kPname: prefix; kVar: name; kString: value; kWord/kPunct: as written
  std::string local;   // kPname: the local part
  std::size_t offset = 0;  // byte offset in the query
};

// Thrown inside the lexer, parser and binder only, turned into a Status at
// Parse's boundary.
struct ParseError {
  Status::Code code;
  std::string message;
  std::size_t offset;
};

// The tokens of `text`, ending with one kEnd; throws ParseError.
std::vector<Token> Tokenize(std::string_view text);

bool Iequals(std::string_view a, std::string_view b);
std::string Upper(std::string_view s);

// "line L, column C: message", then the line and a caret under column C.
std::string Locate(std::string_view text, std::size_t offset, const std::string& message);

}  // namespace vnkg::sparql
