// Files -> documents -> facts -> store: the ingest pipeline shared by
// `vnkg ingest` and the REPL.
//
// Documents are read in input order, extracted on `jobs` threads in batches,
// and committed by one writer in input order, one atomic WriteBatch per
// document; so the final database is the same whatever `jobs` is. A document
// that appears twice in the input (same id) is stored as its last version.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vnkg/extract/document_reader.h"
#include "vnkg/extract/extractor.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct IngestOptions {
  int jobs = 1;                      // extraction threads (>= 1)
  std::size_t batch_documents = 256; // documents extracted together before committing
  std::string encoding;              // ReadCallbacks::encoding (empty: UTF-8)
  std::function<void(const ReadIssue&)> on_issue;                     // bad input, reported as found
  std::function<void(std::uint64_t done, std::uint64_t total)> on_progress;  // input bytes
};

struct IngestSummary {
  std::uint64_t documents = 0;  // documents read and stored (new or replaced or unchanged)
  std::uint64_t inserted = 0, replaced = 0, unchanged = 0;
  std::uint64_t skipped = 0;    // documents or files not read (see the issues)
  std::uint64_t warnings = 0;   // problems repaired while reading (documents kept)
  std::uint64_t facts = 0;      // facts extracted (occurrences, before merging)
  std::uint64_t text_bytes = 0; // bytes of article text (title + body)
  double seconds = 0;
};

// Ingests every document of `paths` (see document_reader.h for the kinds).
// Stops at the first store error (what was committed before stays).
Result<IngestSummary> IngestPaths(DocumentSink& store, const Extractor& extractor, const std::vector<std::string>& paths,
                                  const IngestOptions& options);

// Loads facts computed elsewhere (the `--format facts` JSON Lines, e.g. from
// `vnkg extract`): facts are grouped by their "doc" and each document is
// stored as one batch, its content hash taken over its facts. Lines that do
// not parse are reported with file and line and skipped.
Result<IngestSummary> IngestFactFiles(DocumentSink& store, const std::vector<std::string>& paths,
                                      const IngestOptions& options);

}  // namespace vnkg
