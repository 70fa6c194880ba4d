#include <algorithm>

#include "vnkg/model/facts_json.h"
#include "vnkg/query/export.h"

namespace vnkg {

Result<std::uint64_t> ExportFacts(const Store& store, const FactsExportOptions& options, std::ostream& out) {
  std::uint64_t written = 0;
  Status status = store.ForEachFact([&](const StoredFact& stored) {
    if (stored.provenance.empty()) return true;
    const Provenance& best = *std::max_element(
        stored.provenance.begin(), stored.provenance.end(),
        [](const Provenance& a, const Provenance& b) { return a.confidence < b.confidence; });
    if (best.confidence < options.min_confidence) return true;
    std::vector<std::string> docs;
    for (const Provenance& p : stored.provenance)
      if (std::find(docs.begin(), docs.end(), p.doc) == docs.end()) docs.push_back(p.doc);
    Fact fact;
    fact.subject = stored.subject;
    fact.predicate = stored.predicate;
    fact.object = stored.object;
    fact.doc = best.doc;
    fact.evidence = best.evidence;
    fact.sentence_offset = best.sentence_offset;
    fact.confidence = best.confidence;
    fact.date = best.date;
    fact.by = best.by;
    out << FactToJsonLine(fact, docs.size() > 1 ? docs : std::vector<std::string>{}, EntityIri) << '\n';
    ++written;
    return static_cast<bool>(out);
  });
  if (!status.ok()) return status;
  if (!out) return Status::IoError("writing the export failed (disk full or closed pipe?)");
  return written;
}

}  // namespace vnkg
