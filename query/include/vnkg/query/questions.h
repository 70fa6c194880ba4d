// Everyday questions by name: who is this, how are two things connected,
// what is around this, which events, who is most central. Shared by the
// subcommands and the REPL; they return rows, the caller prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vnkg/graph/graph.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct NamedEntity {
  TermId id = 0;
  Entity entity;
};

// What a name refers to. Names match ignoring case, diacritics and tone
// placement ("bui thanh son" finds "Bùi Thanh Sơn").
struct Resolution {
  std::vector<NamedEntity> matches;      // one: found; several: ambiguous
  std::vector<NamedEntity> suggestions;  // when none matches: the closest names
};
Result<Resolution> ResolveName(const Store& store, const std::string& name,
                               std::optional<EntityType> type = std::nullopt);

struct WhoRow {
  std::string relation;  // "office", "chaired", "attended", "spoke_at", "received_award", ...
  std::string what;      // the office, event, bridge point or award, as a label
  std::string date;      // the event's date, or when the office was reported
  std::vector<std::string> docs;
};

// Everything stored about one entity as the subject, offices first, then by date.
Result<std::vector<WhoRow>> Who(const Store& store, TermId entity);

struct EventRow {
  std::string date, name;
  std::vector<std::string> organizers, bridge_points, places;
};

// Events whose date lies in [from, to] (ISO prefixes; empty: open), held in or
// with a bridge point in `province` (loose match; empty: any); by date.
Result<std::vector<EventRow>> Events(const Store& store, const std::string& province, const std::string& from,
                                     const std::string& to);

// A display label for a vertex: its entity's label and type.
std::string VertexLabel(const KnowledgeGraph& g, Vertex v);

}  // namespace vnkg
