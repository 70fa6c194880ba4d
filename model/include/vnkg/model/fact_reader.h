// A streaming reader of fact lines (docs/facts.md), for `vnkg ingest --facts`
// and everything else that reads the fact JSON back.
//
// One reader parses many lines with simdjson's on-demand API: no JSON tree
// is built, and the parser's buffers are reused from line to line, so the
// cost of a line is one pass over its bytes plus the strings of the Fact.
//
// The contract (what is accepted, and the Fact it gives) is that of the DOM
// reader it replaced, checked line against line by tests/model and
// fuzz/fuzz_jsonl:
//   - the line must be one JSON value, valid in full (RFC 8259: UTF-8,
//     escapes, numbers, literals; white space around it; an optional UTF-8
//     byte order mark), including the members the fact does not use;
//   - that value must be an object; when a key appears twice, the last wins;
//   - "subject" and "object" must be objects with a known "type"; their
//     fields (docs/facts.md) are taken when they are strings and left empty
//     otherwise (so "organization": null is no organization);
//   - "predicate" must be a known predicate;
//   - "doc", "evidence", "date", "by" are taken when strings; "confidence"
//     when a number in 0..1 (anything else leaves the default 1);
//   - other members are checked as JSON and otherwise ignored.
//   - a NUL byte ends the line, as it ended the DOM reader's input.
// One difference: nesting deeper than kMaxFactNesting is refused (the DOM
// reader had no limit); no fact line nests deeper than 3.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "vnkg/model/fact.h"
#include "vnkg/status.h"

namespace vnkg {

inline constexpr std::size_t kMaxFactNesting = 1024;

class FactLineReader {
 public:
  FactLineReader();
  ~FactLineReader();
  FactLineReader(const FactLineReader&) = delete;
  FactLineReader& operator=(const FactLineReader&) = delete;

  // Parses one line (without its newline) into `fact`, overwriting every
  // field (strings keep their capacity, so a Fact reused across calls
  // allocates only when a field outgrows it).
  // Errors: kInvalidArgument with what is wrong and, for malformed JSON, its
  // column (1-based byte): "not valid JSON at column 17: a string is not
  // closed", "not a JSON object", "subject: not an object", "object.type:
  // unknown entity type 'X'", "predicate: unknown predicate 'likes'". The
  // caller adds the file and line. `fact` is unspecified after an error.
  // Not safe for concurrent use: one reader per thread.
  Status Read(std::string_view line, Fact& fact);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vnkg
