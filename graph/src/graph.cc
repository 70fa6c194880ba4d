#include "vnkg/graph/graph.h"

#include <algorithm>
#include <cassert>
#include <deque>
#include <cstdint>

namespace vnkg {
namespace {

// An entity known only by what a structural link says of it.
Entity Implied(EntityType type, const std::string& name, const std::string& date = "") {
  Entity e;
  e.type = type;
  e.name = name;
  e.date = date;
  return e;
}

// Calls `visit(neighbour, edge, forward)` for every edge touching `u`,
// out-edges first; stops early when `visit` returns true and returns true.
template <typename Visit>
bool ForEachIncident(const GraphType& g, Vertex u, Visit&& visit) {
  for (auto [it, end] = boost::out_edges(u, g); it != end; ++it)
    if (visit(boost::target(*it, g), g[*it], true)) return true;
  for (auto [it, end] = boost::in_edges(u, g); it != end; ++it)
    if (visit(boost::source(*it, g), g[*it], false)) return true;
  return false;
}

// The value of a bounded walk run without a deadline: it cannot stop.
template <typename T>
T Unbounded(Result<T> result) {
  assert(result.ok() && "a walk without a deadline never stops early");
  return std::move(result).value();
}

std::string Count(std::size_t n, const char* what) { return std::to_string(n) + " " + what; }

}  // namespace

Vertex KnowledgeGraph::Intern(const Entity& entity, TermId id) {
  const std::string key = EntityKey(entity);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    VertexData& known = graph_[it->second];
    if (id && !known.id) {  // an implied entity now seen stored: take its id and display form
      known.id = id;
      known.entity = entity;
      known.label = EntityLabel(entity);
      by_id_[id] = it->second;
    }
    return it->second;
  }
  const Vertex v = boost::add_vertex(VertexData{id, entity, EntityLabel(entity)}, graph_);
  by_key_.emplace(key, v);
  if (id) by_id_.emplace(id, v);
  if (entity.type == EntityType::kBridgePoint) {
    Entity implied_event = Implied(EntityType::kEvent, "", entity.date);
    implied_event.mention = entity.mention;  // the gathering it belongs to (the store shows each once)
    const Vertex event = Intern(implied_event, 0);
    const Vertex province = Intern(Implied(EntityType::kProvince, entity.province), 0);
    boost::add_edge(v, event, EdgeData{std::string(kLinkEvent), "", ""}, graph_);
    boost::add_edge(v, province, EdgeData{std::string(kLinkProvince), "", ""}, graph_);
  } else if (entity.type == EntityType::kPosition && !entity.organization.empty()) {
    const Vertex org = Intern(Implied(EntityType::kOrganization, entity.organization), 0);
    boost::add_edge(v, org, EdgeData{std::string(kLinkOrganization), "", ""}, graph_);
  }
  return v;
}

void KnowledgeGraph::Add(const StoredFact& f) {
  const Vertex s = Intern(f.subject, f.subject_id);
  const Vertex o = Intern(f.object, f.object_id);
  const Provenance* first = f.provenance.empty() ? nullptr : &f.provenance.front();
  boost::add_edge(s, o, EdgeData{f.predicate, first ? first->evidence : "", first ? first->doc : ""}, graph_);
}

KnowledgeGraph KnowledgeGraph::FromFacts(const std::vector<StoredFact>& facts) {
  KnowledgeGraph g;
  for (const StoredFact& f : facts) g.Add(f);
  return g;
}

Result<KnowledgeGraph> KnowledgeGraph::Load(const Store& store) { return Load(store, Deadline()); }

Result<KnowledgeGraph> KnowledgeGraph::Load(const Store& store, Deadline deadline) {
  if (deadline.Check()) return deadline.Stop("loading the graph", "");
  // Streamed: the facts (with every provenance's evidence) are never all in memory at once.
  KnowledgeGraph g;
  std::size_t facts = 0;
  VNKG_RETURN_IF_ERROR(store.ForEachFact([&](const StoredFact& f) {
    g.Add(f);
    ++facts;
    return !deadline.Poll();
  }));
  if (deadline.stopped()) return deadline.Stop("loading the graph", Count(facts, "facts read"));
  return g;
}

KnowledgeGraph BuildGraph(const std::vector<StoredFact>& facts) { return KnowledgeGraph::FromFacts(facts); }
Result<KnowledgeGraph> LoadGraph(const Store& store) { return KnowledgeGraph::Load(store); }

std::optional<Vertex> KnowledgeGraph::VertexOf(TermId id) const {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::optional<Vertex> KnowledgeGraph::VertexOfKey(const std::string& key) const {
  auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::vector<Hop>> ShortestPath(const KnowledgeGraph& kg, Vertex a, Vertex b, int max_hops) {
  return ShortestPath(kg, a, b, PathOptions{max_hops, 0});
}

std::optional<std::vector<Hop>> ShortestPath(const KnowledgeGraph& kg, Vertex a, Vertex b, const PathOptions& options) {
  return Unbounded(ShortestPath(kg, a, b, options, Deadline()));
}

Result<std::optional<std::vector<Hop>>> ShortestPath(const KnowledgeGraph& kg, Vertex a, Vertex b,
                                                     const PathOptions& options, Deadline deadline) {
  const int max_hops = options.max_hops;
  const GraphType& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  if (a >= n || b >= n) return std::optional<std::vector<Hop>>();
  if (a == b) return std::optional<std::vector<Hop>>(std::vector<Hop>{});
  if (deadline.Check()) return deadline.Stop("path search", Count(0, "vertices visited"));
  std::vector<int> distance(n, -1);
  std::vector<Hop> via(n);
  std::deque<Vertex> queue{a};
  distance[a] = 0;
  bool found = false;
  std::size_t visited = 0;
  while (!queue.empty() && !found) {
    const Vertex u = queue.front();
    queue.pop_front();
    ++visited;
    if (distance[u] >= max_hops) continue;
    if (u != a && options.max_through_degree &&
        boost::out_degree(u, g) + boost::in_degree(u, g) > options.max_through_degree)
      continue;  // reached, but not passed through
    // Polled per edge, not per vertex: one hub may have a hundred thousand.
    found = ForEachIncident(g, u, [&](Vertex w, const EdgeData& e, bool forward) {
      if (deadline.Poll()) return true;
      if (distance[w] >= 0) return false;
      distance[w] = distance[u] + 1;
      via[w] = Hop{u, w, e.predicate, forward, e.evidence, e.doc};
      queue.push_back(w);
      return w == b;
    });
    if (deadline.stopped()) return deadline.Stop("path search", Count(visited, "vertices visited"));
  }
  if (!found) return std::optional<std::vector<Hop>>();
  std::vector<Hop> path;
  for (Vertex v = b; v != a; v = via[v].from) path.push_back(via[v]);
  std::reverse(path.begin(), path.end());
  return std::optional<std::vector<Hop>>(std::move(path));
}

std::vector<Reached> ExploreNeighborhood(const KnowledgeGraph& kg, Vertex center, int depth, std::size_t limit) {
  return Unbounded(ExploreNeighborhood(kg, center, depth, limit, Deadline()));
}

Result<std::vector<Reached>> ExploreNeighborhood(const KnowledgeGraph& kg, Vertex center, int depth, std::size_t limit,
                                                 Deadline deadline) {
  const GraphType& g = kg.graph();
  std::vector<Reached> out;
  if (center >= boost::num_vertices(g)) return out;
  if (deadline.Check()) return deadline.Stop("neighbourhood search", Count(0, "vertices reached"));
  std::vector<int> distance(boost::num_vertices(g), -1);
  std::deque<Vertex> queue{center};
  distance[center] = 0;
  while (!queue.empty() && out.size() < limit) {
    const Vertex u = queue.front();
    queue.pop_front();
    if (distance[u] >= depth) continue;
    ForEachIncident(g, u, [&](Vertex w, const EdgeData& e, bool forward) {
      if (out.size() >= limit || deadline.Poll()) return true;
      if (distance[w] >= 0) return false;
      distance[w] = distance[u] + 1;
      out.push_back(Reached{w, distance[w], Hop{u, w, e.predicate, forward, e.evidence, e.doc}});
      queue.push_back(w);
      return false;
    });
    if (deadline.stopped()) return deadline.Stop("neighbourhood search", Count(out.size(), "vertices reached"));
  }
  return out;
}

std::vector<std::pair<Vertex, int>> Neighborhood(const KnowledgeGraph& g, Vertex center, int depth, std::size_t limit) {
  std::vector<std::pair<Vertex, int>> out;
  for (const Reached& r : ExploreNeighborhood(g, center, depth, limit)) out.emplace_back(r.vertex, r.distance);
  return out;
}

std::vector<int> Components(const KnowledgeGraph& kg, int* count) {
  const GraphType& g = kg.graph();
  std::vector<int> component(boost::num_vertices(g), -1);
  int next = 0;
  for (Vertex s = 0; s < component.size(); ++s) {
    if (component[s] >= 0) continue;
    std::deque<Vertex> queue{s};
    component[s] = next;
    while (!queue.empty()) {
      const Vertex u = queue.front();
      queue.pop_front();
      ForEachIncident(g, u, [&](Vertex w, const EdgeData&, bool) {
        if (component[w] < 0) {
          component[w] = next;
          queue.push_back(w);
        }
        return false;
      });
    }
    ++next;
  }
  if (count) *count = next;
  return component;
}

std::vector<double> Betweenness(const KnowledgeGraph& kg, std::size_t max_sources) {
  return Unbounded(Betweenness(kg, max_sources, Deadline()));
}

Result<std::vector<double>> Betweenness(const KnowledgeGraph& kg, std::size_t max_sources, Deadline deadline) {
  if (deadline.Check()) return deadline.Stop("betweenness", "");
  const GraphType& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  // The simple undirected view as compressed rows: who sits on the
  // connections between entities, whatever the direction of the facts.
  // Parallel edges (attended and spoke_at one event) are one connection:
  // counted twice they would make one route look like two.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  links.reserve(2 * boost::num_edges(g));
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const auto s = static_cast<std::uint32_t>(boost::source(*it, g)), t = static_cast<std::uint32_t>(boost::target(*it, g));
    if (s == t) continue;
    links.emplace_back(s, t);
    links.emplace_back(t, s);
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());
  std::vector<std::uint32_t> first(n + 1, 0), neighbours(links.size());
  for (std::size_t i = 0; i < links.size(); ++i) {
    ++first[links[i].first + 1];
    neighbours[i] = links[i].second;
  }
  for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];

  // Brandes (2001), unweighted: a breadth-first search from each source
  // counts shortest paths (sigma), then dependencies flow back in reverse
  // order of discovery. Predecessors are the neighbours one step nearer, so
  // no predecessor lists are kept.
  //
  // A leaf (one neighbour u, itself not a leaf) reaches everything through
  // u: its dependencies on the other vertices are u's, and u lies on all
  // its paths to the rest of the component. So a leaf's search is u's,
  // counted once more, plus (component size - 2) for u. Entity graphs are
  // mostly leaves (an award, an office, a person named once): this saves
  // half the searches without changing a number.
  const auto degree = [&](std::uint32_t v) { return first[v + 1] - first[v]; };
  std::vector<double> searches(n, 0.0), leaf_searches(n, 0.0);  // per vertex searched from
  const std::size_t sources = max_sources == 0 || max_sources >= n ? n : max_sources;
  for (std::size_t k = 0; k < sources; ++k) {
    // Sampled sources spread evenly over the vertex numbers: the same on every run.
    const auto v = static_cast<std::uint32_t>(sources == n ? k : k * n / sources);
    if (degree(v) >= 2) {
      searches[v] += 1;
    } else if (degree(v) == 1) {
      const std::uint32_t u = neighbours[first[v]];
      if (degree(u) >= 2) searches[u] += 1, leaf_searches[u] += 1;
    }  // else alone, or a pair apart from the rest: on nobody's paths
  }

  const std::size_t to_search =
      static_cast<std::size_t>(std::count_if(searches.begin(), searches.end(), [](double x) { return x != 0; }));
  std::size_t searched = 0;
  const auto stopped = [&] {
    return deadline.Stop("betweenness", std::to_string(searched) + " of " + std::to_string(to_search) + " searches done");
  };
  if (deadline.Check()) return stopped();

  std::vector<double> score(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
  std::vector<int> distance(n, -1);
  std::vector<std::uint32_t> order;
  order.reserve(n);
  for (std::uint32_t s = 0; s < n; ++s) {
    if (searches[s] == 0) continue;
    order.clear();
    order.push_back(s);
    distance[s] = 0;
    sigma[s] = 1;
    for (std::size_t head = 0; head < order.size(); ++head) {
      const std::uint32_t v = order[head];
      if (deadline.Poll()) return stopped();  // per vertex: the rows are short, and each search is one pass
      for (std::uint32_t i = first[v]; i < first[v + 1]; ++i) {
        const std::uint32_t w = neighbours[i];
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          order.push_back(w);
        }
        if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (std::size_t j = order.size(); j-- > 1;) {
      const std::uint32_t w = order[j];
      const double share = (1.0 + delta[w]) / sigma[w];
      for (std::uint32_t i = first[w]; i < first[w + 1]; ++i) {
        const std::uint32_t v = neighbours[i];
        if (distance[v] == distance[w] - 1) delta[v] += sigma[v] * share;
      }
      score[w] += searches[s] * delta[w];
    }
    score[s] += leaf_searches[s] * static_cast<double>(order.size() - 2);
    for (std::uint32_t v : order) distance[v] = -1, sigma[v] = 0, delta[v] = 0;
    ++searched;
  }
  // Each unordered pair was counted from both ends; a sample stands for all sources.
  const double scale = 0.5 * static_cast<double>(n) / static_cast<double>(std::max<std::size_t>(sources, 1));
  for (double& x : score) x *= scale;
  return score;
}

std::vector<std::pair<Vertex, double>> MostCentral(const KnowledgeGraph& kg, Centrality by,
                                                   std::optional<EntityType> type, std::size_t n,
                                                   std::size_t max_sources) {
  return Unbounded(MostCentral(kg, by, type, n, max_sources, Deadline()));
}

Result<std::vector<std::pair<Vertex, double>>> MostCentral(const KnowledgeGraph& kg, Centrality by,
                                                           std::optional<EntityType> type, std::size_t n,
                                                           std::size_t max_sources, Deadline deadline) {
  const GraphType& g = kg.graph();
  const std::size_t size = boost::num_vertices(g);
  std::vector<double> score(size, 0.0);
  if (by == Centrality::kDegree) {
    if (deadline.Check()) return deadline.Stop("ranking by degree", "");
    for (Vertex v = 0; v < size; ++v) score[v] = static_cast<double>(boost::out_degree(v, g) + boost::in_degree(v, g));
  } else {
    auto betweenness = Betweenness(kg, max_sources, deadline);
    if (!betweenness.ok()) return betweenness.status();
    score = std::move(betweenness).value();
  }
  std::vector<std::pair<Vertex, double>> ranked;
  for (Vertex v = 0; v < size; ++v)
    if (!type || g[v].entity.type == *type) ranked.emplace_back(v, score[v]);
  const std::size_t keep = std::min(n, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  ranked.resize(keep);
  return ranked;
}

}  // namespace vnkg
