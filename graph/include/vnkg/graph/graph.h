// The knowledge graph as a Boost.Graph: one vertex per entity, one edge per
// fact (labelled with its predicate and the evidence of its first
// occurrence), plus the structural links the entities imply, so that paths
// run through them:
//
//   BridgePoint -event->        Event         (the event of the same date)
//   BridgePoint -province->     Province      (the bridge point's province)
//   Position    -organization-> Organization  (when the position names one)
//
// The target of a structural link is the stored entity when there is one;
// otherwise a vertex is created for it (id 0, only its identifying fields)
// and takes the stored entity's id and display form if a later fact brings
// it. Creating rather than skipping is deliberate: two bridge points of one
// online conference then meet at their event even when no fact names the
// event itself, and two offices of one ministry meet at the ministry.
//
// A KnowledgeGraph is an immutable value once built: safe to read from many
// threads at once.
//
// Bounds: every walk here has a size limit (hops, depth, result count,
// sampled sources), and the overloads taking a Deadline also stop when it
// passes or its cancel flag (Ctrl-C) is set. A stopped walk is an error
// (Deadline::Stop: kDeadlineExceeded or kAborted, saying how far it got),
// never a shorter answer: "no connection" means the search finished.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vnkg/deadline.h"
#include "vnkg/status.h"
#include "vnkg/store/store.h"

namespace vnkg {

struct VertexData {
  TermId id = 0;      // 0 for entities implied by a structural link but not stored
  Entity entity;      // the stored display form (or the implied identifying fields)
  std::string label;  // EntityLabel(entity), computed once
};

// Predicates of the structural links (never stored as facts).
inline constexpr std::string_view kLinkEvent = "event";
inline constexpr std::string_view kLinkProvince = "province";
inline constexpr std::string_view kLinkOrganization = "organization";

struct EdgeData {
  std::string predicate;  // a FACTS.md predicate, or one of the kLink* names
  std::string evidence;   // of the fact's first provenance; empty for structural links
  std::string doc;        // that provenance's document; empty for structural links
};

// Bidirectional so that in-edges are as cheap as out-edges: every algorithm
// below walks facts both ways.
using GraphType = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData>;
using Vertex = GraphType::vertex_descriptor;

class KnowledgeGraph {
 public:
  // Builds the graph from facts (pure: no store needed). Facts repeating a
  // (subject, predicate, object) add one edge each; the store never repeats.
  static KnowledgeGraph FromFacts(const std::vector<StoredFact>& facts);
  // Loads every fact of the store (Store::ForEachFact). Errors: the store's.
  static Result<KnowledgeGraph> Load(const Store& store);
  // The same, stopping when `deadline` passes (reading every fact is the
  // long part of a question on a big store).
  static Result<KnowledgeGraph> Load(const Store& store, Deadline deadline);

  const GraphType& graph() const { return graph_; }
  std::size_t size() const { return boost::num_vertices(graph_); }
  // The vertex of a stored entity, or of an entity by its EntityKey.
  std::optional<Vertex> VertexOf(TermId id) const;
  std::optional<Vertex> VertexOfKey(const std::string& entity_key) const;
  // REQUIRES: v < size().
  const Entity& EntityOf(Vertex v) const { return graph_[v].entity; }
  TermId IdOf(Vertex v) const { return graph_[v].id; }
  const std::string& LabelOf(Vertex v) const { return graph_[v].label; }

 private:
  void Add(const StoredFact& fact);
  Vertex Intern(const Entity& entity, TermId id);
  GraphType graph_;
  std::unordered_map<std::string, Vertex> by_key_;
  std::unordered_map<TermId, Vertex> by_id_;
};

// The same as KnowledgeGraph::FromFacts and KnowledgeGraph::Load.
KnowledgeGraph BuildGraph(const std::vector<StoredFact>& facts);
Result<KnowledgeGraph> LoadGraph(const Store& store);

// One step of a path: the edge taken and in which direction.
struct Hop {
  Vertex from = 0, to = 0;
  std::string predicate;
  bool forward = true;  // true: from -predicate-> to; false: to -predicate-> from
  std::string evidence, doc;
};

inline constexpr int kDefaultMaxHops = 6;

// The shortest connection between two vertices, following edges either way
// (breadth-first), at most `max_hops` long; nullopt when there is none within
// the limit or a vertex is out of range. An empty path means a == b. Among
// equally short paths the one found first wins: out-edges before in-edges, in
// the order the facts were added, so the answer is the same on every run.
std::optional<std::vector<Hop>> ShortestPath(const KnowledgeGraph& g, Vertex a, Vertex b,
                                             int max_hops = kDefaultMaxHops);

struct PathOptions {
  int max_hops = kDefaultMaxHops;
  // When non-zero, the path does not pass through a vertex with more edges
  // than this (the ends may have any degree). A hub says little about how two
  // things are connected: on the corpus, "Tổng thống" (an office named
  // without its country) or Hà Nội join hundreds of unrelated people.
  std::size_t max_through_degree = 0;
};
// ShortestPath with options.
std::optional<std::vector<Hop>> ShortestPath(const KnowledgeGraph& g, Vertex a, Vertex b, const PathOptions& options);
// The same within a deadline: the value is nullopt only when the search
// finished without a connection. Errors: Deadline::Stop ("path search
// stopped ...; N vertices visited").
Result<std::optional<std::vector<Hop>>> ShortestPath(const KnowledgeGraph& g, Vertex a, Vertex b,
                                                     const PathOptions& options, Deadline deadline);

// A vertex reached from a neighbourhood's center: how far, and by which edge
// from a vertex one step nearer (via.from).
struct Reached {
  Vertex vertex = 0;
  int distance = 0;
  Hop via;
};

// Vertices within `depth` hops of `center` (either direction), nearest first
// (ties in discovery order), at most `limit` of them (center excluded).
// Empty when center is out of range.
std::vector<Reached> ExploreNeighborhood(const KnowledgeGraph& g, Vertex center, int depth, std::size_t limit);
// The same within a deadline. Errors: Deadline::Stop ("neighbourhood search stopped ...").
Result<std::vector<Reached>> ExploreNeighborhood(const KnowledgeGraph& g, Vertex center, int depth, std::size_t limit,
                                                 Deadline deadline);
// The same, as (vertex, distance) pairs.
std::vector<std::pair<Vertex, int>> Neighborhood(const KnowledgeGraph& g, Vertex center, int depth, std::size_t limit);

// Connected components, ignoring direction: a component number per vertex
// (0, 1, ... in order of each component's lowest vertex); `count` receives
// how many there are.
std::vector<int> Components(const KnowledgeGraph& g, int* count = nullptr);

enum class Centrality {
  kDegree,       // facts and structural links touching the vertex, both directions
  kBetweenness,  // Brandes on the undirected simple view (parallel edges and loops merged)
};

// Betweenness centrality of every vertex (indexed by Vertex), unnormalised:
// for each unordered pair of other vertices, the share of their shortest
// connections that pass through the vertex (the centre of a star of k leaves
// scores k(k-1)/2), ignoring direction and counting parallel facts once.
// The same numbers as boost::brandes_betweenness_centrality on the simple
// undirected view (the tests compare them), on flat arrays.
//
// Brandes' algorithm costs one breadth-first search per source vertex (a
// leaf's search is its neighbour's, so leaves cost nothing extra): exact
// (every vertex a source) when the graph has at most `max_sources` vertices
// or `max_sources` is 0; otherwise `max_sources` sources spread evenly over
// the vertex numbers, the sums scaled to all of them (Brandes & Pich 2007),
// the same on every run. On the whole-corpus graph (23k vertices, 2 cores
// shared) exact took about 6 s; 2048 sources under 1 s, with the same ten
// people on top as the exact ranking (positions beyond ~10 may differ).
inline constexpr std::size_t kDefaultBetweennessSources = 2048;
std::vector<double> Betweenness(const KnowledgeGraph& g, std::size_t max_sources = kDefaultBetweennessSources);
// The same within a deadline (exact betweenness on a big graph takes hours).
// Errors: Deadline::Stop ("betweenness stopped ...; k of K searches done").
Result<std::vector<double>> Betweenness(const KnowledgeGraph& g, std::size_t max_sources, Deadline deadline);

// The `n` most central vertices (of `type` when given), highest first, ties
// in vertex order. `max_sources`: as for Betweenness (ignored for degree).
std::vector<std::pair<Vertex, double>> MostCentral(const KnowledgeGraph& g, Centrality by,
                                                   std::optional<EntityType> type, std::size_t n,
                                                   std::size_t max_sources = kDefaultBetweennessSources);
// The same within a deadline. Errors: those of Betweenness.
Result<std::vector<std::pair<Vertex, double>>> MostCentral(const KnowledgeGraph& g, Centrality by,
                                                           std::optional<EntityType> type, std::size_t n,
                                                           std::size_t max_sources, Deadline deadline);

}  // namespace vnkg
