// Input files -> Documents.
//
// Accepted inputs: a `.txt` file (one article; its id is the file name without
// extension), a `.jsonl` file (one record a line: "id" and "text" required,
// "title", "date", "url" optional, other fields ignored), a `.jsonl.zst` file
// (the same, zstd-compressed, read as a stream), a directory (searched
// recursively, in name order, for those three kinds; symlinked directories are
// not followed, so a link loop cannot trap the walk), and "-" for standard
// input (JSON Lines when its first non-blank byte is '{', else one article
// with id "stdin").
//
// Bad input never stops the walk: each problem is reported through
// `on_issue` with the file and line or byte offset, and the rest is read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vnkg/model/fact.h"
#include "vnkg/status.h"

namespace vnkg {

struct ReadIssue {
  std::string where;    // "path:line" or "path:byte N"
  std::string message;  // what is wrong and what was done about it
  bool skipped = false; // true when a document (or a whole file) was not read
};

struct ReadCallbacks {
  // Receives each document in input order; return false to stop reading.
  std::function<bool(Document&&)> on_document;
  std::function<void(const ReadIssue&)> on_issue;
  // Input bytes consumed so far (compressed bytes for .zst) and the total.
  std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;
  // The inputs' encoding when it is not UTF-8: a legacy Vietnamese encoding
  // such as "windows-1258" or "tcvn3" (see legacy_encoding.h); JSON Lines are
  // decoded a line at a time. Empty: UTF-8 (UTF-16 with a byte order mark is
  // recognised either way).
  std::string encoding;
};

// The files `paths` name, expanded (directories walked); unknown extensions
// inside directories are passed over, a named file of unknown kind is an issue.
std::vector<std::string> ExpandInputPaths(const std::vector<std::string>& paths,
                                          const std::function<void(const ReadIssue&)>& on_issue);

// Reads every document of `paths` (after ExpandInputPaths). Returns an error
// only when reading cannot go on at all (the callbacks asked to stop is OK),
// e.g. kInvalidArgument for an encoding without a converter.
Status ReadDocuments(const std::vector<std::string>& paths, const ReadCallbacks& callbacks);

}  // namespace vnkg
