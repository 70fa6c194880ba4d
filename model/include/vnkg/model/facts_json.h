// The fact export format of FACTS.md (docs/facts.md): one JSON object a line.
//
//   {"subject": {"type": "Person", "name": "..."}, "predicate": "chaired",
//    "object": {"type": "BridgePoint", "province": "...", "event_date": "..."},
//    "doc": "...", "evidence": "...", "confidence": 0.9, ...}
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "vnkg/model/fact.h"
#include "vnkg/status.h"

namespace vnkg {

// The entity as FACTS.md writes it ({"type": ..., fields}); compact JSON.
std::string EntityToJson(const Entity& entity);

// One line (without the newline) for `fact`. Extra fields: "confidence",
// and "date" / "by" when set. `docs`, when non-empty, is written as the
// "docs" array (every document that states the fact).
// `id_of`, when given, names each entity's identity in the graph: written as
// its "id", and a BridgePoint gets "event": {"type": "Event", "date", "id"}.
std::string FactToJsonLine(const Fact& fact, const std::vector<std::string>& docs = {},
                           const std::function<std::string(const Entity&)>& id_of = {});

// Parses one line of the export (or a gold file) back into a Fact, with a
// FactLineReader of its own (fact_reader.h states what is accepted; for many
// lines, keep one reader). Errors name what is wrong ("subject.type: unknown
// entity type 'X'"); the caller adds the file and line.
Result<Fact> FactFromJsonLine(std::string_view line);

}  // namespace vnkg
