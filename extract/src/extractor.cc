// Placeholder until the rule-based extractor lands: reads nothing.
#include "vnkg/extract/extractor.h"

namespace vnkg {

class Gazetteer {};

Result<std::shared_ptr<const Gazetteer>> LoadGazetteer(const std::string&) {
  return std::shared_ptr<const Gazetteer>(std::make_shared<Gazetteer>());
}

std::string DefaultDataDir() { return VNKG_SOURCE_DATA_DIR; }

Extractor::Extractor(std::shared_ptr<const Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {}
Extractor::~Extractor() = default;
Extraction Extractor::Extract(const Document&) const { return {}; }

}  // namespace vnkg
