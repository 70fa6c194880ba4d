// Article text -> facts. Rules and gazetteers over ICU-normalised text; the
// gazetteers (provinces, ministries, central bodies, titles, abbreviations,
// cue words) live in data files, loaded once into a Gazetteer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vnkg/model/fact.h"
#include "vnkg/status.h"

namespace vnkg {

class Gazetteer;  // opaque: the loaded data files

// Loads the gazetteer from `data_dir` (the installed or source-tree
// extract/data). Fails with a message naming the file and line on bad data.
Result<std::shared_ptr<const Gazetteer>> LoadGazetteer(const std::string& data_dir);

// The data directory to use when none is given: $VNKG_DATA if set, else the
// directory the build recorded (the source tree's extract/data).
std::string DefaultDataDir();

// What extraction noticed that a user should hear about (invalid bytes, ...).
struct ExtractWarning {
  std::string message;  // names the document and byte offset
};

struct Extraction {
  std::vector<Fact> facts;
  std::vector<ExtractWarning> warnings;
};

// Texts longer than this are read in parts of at most this many bytes, cut at
// paragraph (else line, sentence, word) boundaries, each part with the
// document's title and date; a warning says so. Articles are far shorter.
inline constexpr std::size_t kExtractPartBytes = std::size_t{4} << 20;

// Reads one document. Thread-safe: many threads may call Extract with the same
// Extractor at once. Never fails on text: unreadable parts produce warnings.
class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const Gazetteer> gazetteer);
  ~Extractor();
  Extraction Extract(const Document& document) const;
  // Extract for a document whose text and title are already valid UTF-8
  // without NUL bytes, as ReadDocuments delivers every document (it repairs
  // them): the same result, without Extract's own validation pass over the
  // text. Anything else must go through Extract.
  Extraction ExtractValid(const Document& document) const;

 private:
  Extraction Read(const Document& document, bool known_valid) const;
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace vnkg
