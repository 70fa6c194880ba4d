// One read-only view of the database and everything built from it. Every call
// the server makes into store/, graph/ and query/ goes through here, once, so
// that a change in those APIs is a change in this file pair only.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vnkg/deadline.h"
#include "vnkg/graph/graph.h"
#include "vnkg/query/bridges.h"
#include "vnkg/query/questions.h"
#include "vnkg/query/sparql.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg::serve {

class StoreSnapshot {
 public:
  // Opens `dir` read-only and builds the SPARQL engine, the name index and
  // the graph.
  static Result<std::shared_ptr<const StoreSnapshot>> Open(const std::string& dir);

  const StoreStats& stats() const { return stats_; }
  // Whether `other` holds the same documents and facts.
  bool SameContent(const StoreStats& other) const;
  // The counts of the database now (a fresh read-only open).
  static Result<StoreStats> CurrentStats(const std::string& dir);

  Result<SparqlResult> Sparql(std::string_view query, std::size_t max_rows, Deadline deadline) const;
  Status CheckSparql(std::string_view query) const;

  Result<Resolution> Resolve(const std::string& name) const;
  Result<Entity> GetEntity(TermId id) const;
  std::string Label(const Entity& entity) const;
  std::string TypeName(const Entity& entity) const;
  Result<std::vector<WhoRow>> WhoIs(TermId id, Deadline deadline) const;
  Result<std::vector<BridgePointRow>> Bridges(const std::string& province, const std::string& date) const;
  Result<std::vector<EventRow>> EventsOn(const std::string& date, Deadline deadline) const;
  std::optional<TermId> EventId(const std::string& date) const;

  // Facts whose object is `id`: (subject id, subject, predicate, provenance).
  struct Incoming {
    TermId subject_id = 0;
    Entity subject;
    std::string predicate;
    std::vector<Provenance> provenance;
  };
  Result<std::vector<Incoming>> FactsAbout(TermId id) const;

  // Document title and URL (empty when unknown).
  std::optional<DocumentRecord> Document(const std::string& id) const;

  // The DOT drawing of `center` and the entities one hop around it.
  Result<std::string> NeighbourhoodDot(TermId center, std::size_t limit, Deadline deadline) const;

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<SparqlEngine> engine_;
  std::optional<NameResolver> names_;
  std::optional<KnowledgeGraph> graph_;
  StoreStats stats_;
};

}  // namespace vnkg::serve
