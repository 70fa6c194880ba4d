#include "vnkg/graph/graph.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <deque>

namespace vnkg {
namespace {

Entity Implied(EntityType type, const std::string& name, const std::string& date = "") {
  return Entity{type, name, date, "", "", ""};
}

}  // namespace

Vertex KnowledgeGraph::Intern(const Entity& entity, TermId id) {
  const std::string key = EntityKey(entity);
  if (auto it = by_key_.find(key); it != by_key_.end()) {
    if (id && !graph_[it->second].id) {  // an implied entity now seen stored
      graph_[it->second].id = id;
      by_id_[id] = it->second;
    }
    return it->second;
  }
  const Vertex v = boost::add_vertex(VertexData{id, entity}, graph_);
  by_key_.emplace(key, v);
  if (id) by_id_.emplace(id, v);
  // Structural links, so that a path can pass from a bridge point to its
  // province or event, and from an office to its organization.
  if (entity.type == EntityType::kBridgePoint) {
    const Vertex event = Intern(Implied(EntityType::kEvent, "", entity.date), 0);
    const Vertex province = Intern(Implied(EntityType::kProvince, entity.province), 0);
    boost::add_edge(v, event, EdgeData{"event", "", ""}, graph_);
    boost::add_edge(v, province, EdgeData{"province", "", ""}, graph_);
  } else if (entity.type == EntityType::kPosition && !entity.organization.empty()) {
    const Vertex org = Intern(Implied(EntityType::kOrganization, entity.organization), 0);
    boost::add_edge(v, org, EdgeData{"organization", "", ""}, graph_);
  }
  return v;
}

KnowledgeGraph KnowledgeGraph::FromFacts(const std::vector<StoredFact>& facts) {
  KnowledgeGraph g;
  for (const StoredFact& f : facts) {
    const Vertex s = g.Intern(f.subject, f.subject_id);
    const Vertex o = g.Intern(f.object, f.object_id);
    // An event known only by its date gets the name a fact gives it.
    if (f.object.type == EntityType::kEvent && g.graph_[o].entity.name.empty()) g.graph_[o].entity.name = f.object.name;
    if (f.subject.type == EntityType::kEvent && g.graph_[s].entity.name.empty()) g.graph_[s].entity.name = f.subject.name;
    const Provenance* first = f.provenance.empty() ? nullptr : &f.provenance.front();
    boost::add_edge(s, o, EdgeData{f.predicate, first ? first->evidence : "", first ? first->doc : ""}, g.graph_);
  }
  return g;
}

Result<KnowledgeGraph> KnowledgeGraph::Load(const Store& store) {
  std::vector<StoredFact> facts;
  VNKG_RETURN_IF_ERROR(store.ForEachFact([&](const StoredFact& f) {
    facts.push_back(f);
    return true;
  }));
  return FromFacts(facts);
}

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
  const GraphType& g = kg.graph();
  const std::size_t n = boost::num_vertices(g);
  if (a >= n || b >= n) return std::nullopt;
  if (a == b) return std::vector<Hop>{};
  std::vector<int> distance(n, -1);
  std::vector<Hop> via(n);
  std::deque<Vertex> queue{a};
  distance[a] = 0;
  while (!queue.empty()) {
    const Vertex u = queue.front();
    queue.pop_front();
    if (distance[u] >= max_hops) continue;
    auto visit = [&](Vertex w, const EdgeData& e, bool forward) {
      if (distance[w] >= 0) return false;
      distance[w] = distance[u] + 1;
      via[w] = Hop{u, w, e.predicate, forward, e.evidence, e.doc};
      queue.push_back(w);
      return w == b;
    };
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it)
      if (visit(boost::target(*it, g), g[*it], true)) goto found;
    for (auto [it, end] = boost::in_edges(u, g); it != end; ++it)
      if (visit(boost::source(*it, g), g[*it], false)) goto found;
  }
  return std::nullopt;
found:
  std::vector<Hop> path;
  for (Vertex v = b; v != a; v = via[v].from) path.push_back(via[v]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<std::pair<Vertex, int>> Neighborhood(const KnowledgeGraph& kg, Vertex center, int depth, std::size_t limit) {
  const GraphType& g = kg.graph();
  std::vector<std::pair<Vertex, int>> out;
  if (center >= boost::num_vertices(g)) return out;
  std::vector<int> distance(boost::num_vertices(g), -1);
  std::deque<Vertex> queue{center};
  distance[center] = 0;
  while (!queue.empty() && out.size() < limit) {
    const Vertex u = queue.front();
    queue.pop_front();
    if (distance[u] >= depth) continue;
    auto reach = [&](Vertex w) {
      if (distance[w] >= 0 || out.size() >= limit) return;
      distance[w] = distance[u] + 1;
      out.emplace_back(w, distance[w]);
      queue.push_back(w);
    };
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) reach(boost::target(*it, g));
    for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) reach(boost::source(*it, g));
  }
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
      auto reach = [&](Vertex w) {
        if (component[w] < 0) component[w] = next, queue.push_back(w);
      };
      for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) reach(boost::target(*it, g));
      for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) reach(boost::source(*it, g));
    }
    ++next;
  }
  if (count) *count = next;
  return component;
}

std::vector<std::pair<Vertex, double>> MostCentral(const KnowledgeGraph& kg, Centrality by,
                                                   std::optional<EntityType> type, std::size_t n) {
  const GraphType& g = kg.graph();
  const std::size_t size = boost::num_vertices(g);
  std::vector<double> score(size, 0.0);
  if (by == Centrality::kDegree) {
    for (Vertex v = 0; v < size; ++v) score[v] = static_cast<double>(boost::out_degree(v, g) + boost::in_degree(v, g));
  } else {
    // Brandes on the undirected view: who sits on the shortest connections.
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected u(size);
    for (auto [it, end] = boost::edges(g); it != end; ++it) boost::add_edge(boost::source(*it, g), boost::target(*it, g), u);
    boost::brandes_betweenness_centrality(
        u, boost::centrality_map(boost::make_iterator_property_map(score.begin(), boost::get(boost::vertex_index, u))));
  }
  std::vector<std::pair<Vertex, double>> ranked;
  for (Vertex v = 0; v < size; ++v)
    if (!type || g[v].entity.type == *type) ranked.emplace_back(v, score[v]);
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
  if (ranked.size() > n) ranked.resize(n);
  return ranked;
}

}  // namespace vnkg
