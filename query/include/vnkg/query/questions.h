// Everyday questions by name: who is this, how are two things connected,
// what is around this, which events, who is most central. Shared by the
// subcommands and the REPL; they return rows, the caller prints (table.h).
//
// Each takes the store (read-only use; safe from many threads, as the Store
// is) and, where it walks connections, a KnowledgeGraph loaded from it.
//
// The overloads taking a Deadline stop when it passes or Ctrl-C sets its
// flag, with its error (kDeadlineExceeded or kAborted, see vnkg/deadline.h)
// rather than a partial answer; the others run to the end.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vnkg/deadline.h"
#include "vnkg/graph/graph.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct NamedEntity {
  TermId id = 0;
  Entity entity;
  std::size_t facts = 0;  // facts it is the subject or object of (filled by name resolution)
};

// ---------------------------------------------------------------------------
// Names

// What a name refers to.
struct Resolution {
  enum class Outcome { kFound, kAmbiguous, kUnknown };
  // One: found; several: ambiguous, the most mentioned (most facts) first,
  // so that a caller may offer the likeliest; ties in id order.
  std::vector<NamedEntity> matches;
  std::vector<NamedEntity> suggestions;  // only when nothing matches: the closest names, nearest first
  Outcome outcome() const {
    return matches.size() == 1 ? Outcome::kFound : matches.empty() ? Outcome::kUnknown : Outcome::kAmbiguous;
  }
};

// Every entity's name, folded once, with the number of facts about it: for
// resolving many names against one store, and for completing them (a REPL
// session). The one name index of the project. A snapshot: it does not see
// entities stored after Build.
class NameResolver {
 public:
  // Scans every entity (Store::ForEachEntity) and every fact (Store::Match).
  // Errors: the store's.
  static Result<NameResolver> Build(const Store& store);
  static Result<NameResolver> Build(const Store& store, Deadline deadline);
  // The index the store keeps (Store::ReadDerived; KeepStartupIndexes writes
  // it) when it is of the store's current write generation, else Build:
  // either way the same index. Errors: the store's; kCorruption for a kept
  // index that does not decode.
  static Result<NameResolver> Load(const Store& store, Deadline deadline = Deadline());
  // The byte form Load reads.
  std::string Encode() const;
  static constexpr const char* kDerivedName = "names/1";  // a new byte layout takes a new name

  // Finds the entities whose label (EntityLabel) is `name`, comparing
  // FoldLoose keys: case, diacritics and tone placement ignored ("bui thanh
  // son" finds "Bùi Thanh Sơn"). When several match loosely and some are
  // spelled exactly as given (FoldKey, diacritics kept), only those are kept:
  // "Hùng" then means Hùng, not Hưng. Events and bridge points are only
  // searched when `type` asks for them (their labels are dates, not names).
  // When nothing matches, up to 5 suggestions: the labels nearest in edit
  // distance on FoldLoose keys, within max(3, half the name's length).
  // Errors: kInvalidArgument for an empty name.
  Result<Resolution> Resolve(const std::string& name, std::optional<EntityType> type = std::nullopt) const;

  // The labels whose FoldLoose form starts with FoldLoose(`prefix`), in
  // folded order, each label once, at most `limit`: what Tab offers. Only
  // entities of `only` when given; like Resolve, events and bridge points
  // only when `only` asks for them. A prefix ending in a blank only matches
  // labels with a further word ("bui " is not "bu").
  std::vector<std::string> Complete(std::string_view prefix, std::optional<EntityType> only = std::nullopt,
                                    std::size_t limit = 500) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    NamedEntity named;
    std::string loose;  // FoldLoose(EntityLabel(entity))
    std::string label;  // EntityLabel(entity)
  };
  std::vector<Entry> entries_;  // in id order
  std::unordered_multimap<std::string, std::size_t> by_loose_;
  std::vector<std::size_t> by_prefix_;  // entries by (loose, label, type), for Complete
};

// NameResolver::Build(store).Resolve(name, type): for one name.
Result<Resolution> ResolveEntity(const Store& store, const std::string& name,
                                 std::optional<EntityType> type = std::nullopt);
// The same as ResolveEntity (its older name).
Result<Resolution> ResolveName(const Store& store, const std::string& name,
                               std::optional<EntityType> type = std::nullopt);

// The one entity `name` means. When it means none or several, a NotFound
// whose message lists the candidates ("'X' is ambiguous; it may mean: ...")
// or the closest names ("no entity is named 'X'; did you mean: ..."), ready
// to show to a user.
Result<NamedEntity> ResolveUnique(const Store& store, const std::string& name);
Result<NamedEntity> ResolveUnique(const Store& store, const std::string& name, Deadline deadline);

// ---------------------------------------------------------------------------
// Who

// One fact with the entity as its subject.
struct WhoRow {
  std::string relation;  // "office" (holds_position) or the predicate: "chaired", "attended", "spoke_at", ...
  std::string what;      // the object's label: the office, event, bridge point or award
  // The event's date for events and bridge points; otherwise the earliest
  // date the fact was reported (Provenance::date, else its document's date).
  std::string date;
  std::vector<std::string> docs;  // the documents stating it, sorted

  TermId object_id = 0;
  Entity object;
  std::vector<std::string> dates;  // every date the fact was reported, sorted, distinct
  std::string event;     // chaired/attended/spoke_at: the event's name (a bridge point's: its event's), if known
  std::string province;  // the object is a BridgePoint: its province
  std::string evidence;  // the sentence of the first provenance
};

// Every fact about `entity` as the subject: offices first, then by date,
// relation and label. An id with no facts gives no rows. A bare title (a
// Position kept as its holder's alone, Entity::mention) is no row of its own
// when the person holds a full office of that title: its sources and dates go
// to that office (the one reported in the same article, else the nearest in
// time, else the most reported).
// Errors: the store's (kNotFound / kCorruption for an unknown or bad id in a triple).
Result<std::vector<WhoRow>> Who(const Store& store, TermId entity);
Result<std::vector<WhoRow>> Who(const Store& store, TermId entity, Deadline deadline);

// The documents behind some Who rows, sorted, distinct.
std::vector<std::string> SourceDocuments(const std::vector<WhoRow>& rows);

// ---------------------------------------------------------------------------
// Events

struct EventRow {
  std::string date, name;
  std::vector<std::string> organizers, bridge_points, places;  // names; bridge points by province
  TermId id = 0;
};

// Events whose date lies in [from, to] (ISO dates or prefixes, compared as
// prefixes: to = "2025-01" takes all of January; empty: open), held in
// (located_in) or with a bridge point (has_bridge_point) in `province`
// (FoldLoose match; empty: any); by date. Errors: the store's.
Result<std::vector<EventRow>> Events(const Store& store, const std::string& province, const std::string& from,
                                     const std::string& to);
Result<std::vector<EventRow>> Events(const Store& store, const std::string& province, const std::string& from,
                                     const std::string& to, Deadline deadline);

// ---------------------------------------------------------------------------
// Graph questions

// A display label for a vertex: its entity's label and type ("Lò Văn Khánh (Person)").
std::string VertexLabel(const KnowledgeGraph& g, Vertex v);

// One hop of a path, resolved to entities (id 0: an entity implied by a
// structural link, not stored).
struct PathStep {
  TermId from_id = 0, to_id = 0;
  Entity from, to;
  std::string predicate;  // a FACTS.md predicate or a structural link ("event", "province", "organization")
  bool forward = true;    // true: from -predicate-> to; false: to -predicate-> from
  std::string evidence, doc;
};

struct Connection {
  bool found = false;            // false: no connection within max_hops
  std::vector<PathStep> steps;   // empty when found and a == b
};

// The shortest connection between two stored entities (ShortestPath).
// Errors: kNotFound naming the id when an entity is not in the graph (it has no facts).
Result<Connection> Path(const KnowledgeGraph& graph, TermId a, TermId b, int max_hops = kDefaultMaxHops);
// The same with options (hop limit, hubs not passed through).
Result<Connection> Path(const KnowledgeGraph& graph, TermId a, TermId b, const PathOptions& options);
// The same within a deadline: found == false only when the search finished.
Result<Connection> Path(const KnowledgeGraph& graph, TermId a, TermId b, const PathOptions& options, Deadline deadline);

struct NeighborRow {
  TermId id = 0;  // 0: implied by a structural link
  Entity entity;
  int distance = 0;
  PathStep via;  // the edge it was reached by, from a vertex one hop nearer
};

struct NeighborList {
  std::vector<NeighborRow> rows;  // nearest first
  bool truncated = false;         // more lay within `depth` than `limit`
};

// Entities within `depth` hops of `center` (either direction), at most `limit`.
// Errors: kNotFound when center is not in the graph.
Result<NeighborList> Neighbors(const KnowledgeGraph& graph, TermId center, int depth, std::size_t limit = 1000);
Result<NeighborList> Neighbors(const KnowledgeGraph& graph, TermId center, int depth, std::size_t limit,
                               Deadline deadline);

struct TopRow {
  TermId id = 0;
  Entity entity;
  double score = 0;
};

// The `n` most central entities (of `type` when given), highest first
// (MostCentral). Betweenness is estimated from `max_sources` sources when the
// graph has more vertices than that (see Betweenness); 0: always exact.
std::vector<TopRow> Top(const KnowledgeGraph& graph, Centrality by, std::optional<EntityType> type, std::size_t n,
                        std::size_t max_sources = kDefaultBetweennessSources);
Result<std::vector<TopRow>> Top(const KnowledgeGraph& graph, Centrality by, std::optional<EntityType> type,
                                std::size_t n, std::size_t max_sources, Deadline deadline);

}  // namespace vnkg
