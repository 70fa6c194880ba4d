// The knowledge graph as a Boost.Graph: one vertex per entity, one edge per
// fact (labelled with its predicate and the evidence of its first
// occurrence), plus the structural links the entities imply (a bridge point
// to its event and province, a position to its organization), so that paths
// run through them.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct VertexData {
  TermId id = 0;  // 0 for entities implied but not stored (an event's province, ...)
  Entity entity;
};

struct EdgeData {
  std::string predicate;  // a FACTS.md predicate, or "event" / "province" / "organization"
  std::string evidence;   // empty for structural links
  std::string doc;
};

using GraphType = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = GraphType::vertex_descriptor;

class KnowledgeGraph {
 public:
  // Builds the graph from facts (pure: no store needed).
  static KnowledgeGraph FromFacts(const std::vector<StoredFact>& facts);
  // Loads every fact of the store. Errors: the store's.
  static Result<KnowledgeGraph> Load(const Store& store);

  const GraphType& graph() const { return graph_; }
  std::size_t size() const { return boost::num_vertices(graph_); }
  // The vertex of a stored entity, or of an entity by its EntityKey.
  std::optional<Vertex> VertexOf(TermId id) const;
  std::optional<Vertex> VertexOfKey(const std::string& entity_key) const;
  const Entity& EntityOf(Vertex v) const { return graph_[v].entity; }

 private:
  Vertex Intern(const Entity& entity, TermId id);
  GraphType graph_;
  std::unordered_map<std::string, Vertex> by_key_;
  std::unordered_map<TermId, Vertex> by_id_;
};

// One step of a path: the edge taken and in which direction.
struct Hop {
  Vertex from, to;
  std::string predicate;
  bool forward = true;  // true: from -predicate-> to; false: to -predicate-> from
  std::string evidence, doc;
};

// The shortest connection between two vertices, following edges either way,
// at most `max_hops` long; nullopt when there is none within the limit.
// An empty path means a == b.
std::optional<std::vector<Hop>> ShortestPath(const KnowledgeGraph& g, Vertex a, Vertex b, int max_hops);

// Vertices within `depth` hops of `center` (either direction), with their
// distance, nearest first; at most `limit` of them (center excluded).
std::vector<std::pair<Vertex, int>> Neighborhood(const KnowledgeGraph& g, Vertex center, int depth, std::size_t limit);

// Connected components, ignoring direction: component number per vertex.
std::vector<int> Components(const KnowledgeGraph& g, int* count = nullptr);

enum class Centrality { kDegree, kBetweenness };

// The `n` most central vertices (of `type` when given), highest first.
// Betweenness is Brandes' algorithm on the undirected view.
std::vector<std::pair<Vertex, double>> MostCentral(const KnowledgeGraph& g, Centrality by,
                                                   std::optional<EntityType> type, std::size_t n);

}  // namespace vnkg
