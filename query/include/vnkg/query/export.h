// Exports of the whole graph.
#pragma once

#include <ostream>

#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct FactsExportOptions {
  float min_confidence = 0.0f;  // facts whose best occurrence is below this are left out
};

// The fact export of docs/facts.md: one JSON line per stored fact, "doc" and
// "evidence" from its most confident occurrence, "docs" listing every
// document that states it, "confidence" the best occurrence's.
// Returns the number of lines written.
Result<std::uint64_t> ExportFacts(const Store& store, const FactsExportOptions& options, std::ostream& out);

}  // namespace vnkg
