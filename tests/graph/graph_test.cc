#include <unistd.h>

#include <boost/graph/betweenness_centrality.hpp>

#include <catch2/catch.hpp>
#include <filesystem>

#include "vnkg/graph/graph.h"
#include "vnkg/query/questions.h"

using namespace vnkg;

namespace {

Entity Person(const std::string& name) { return Entity{EntityType::kPerson, name, "", "", "", ""}; }
Entity Org(const std::string& name) { return Entity{EntityType::kOrganization, name, "", "", "", ""}; }

StoredFact F(TermId s_id, const Entity& s, const std::string& p, TermId o_id, const Entity& o,
             const std::string& evidence = "") {
  StoredFact f;
  f.subject_id = s_id;
  f.subject = s;
  f.predicate = p;
  f.object_id = o_id;
  f.object = o;
  f.provenance.push_back(Provenance{"d1", 0, evidence, 1.0f, "", ""});
  return f;
}

// A line A - B - C - D (people attending, chairing) and a star around E.
struct Fixture {
  Entity a = Person("Lưu Văn An"), b = Person("Kha Thị Bình"), c = Person("Mạc Văn Cường"), d = Person("Tiêu Thị Dung");
  Entity e = Org("Ban Điều phối"), x = Person("Ứng Văn Xuân"), y = Person("Lã Thị Yến"), z = Person("Từ Văn Dũng");
  KnowledgeGraph g = KnowledgeGraph::FromFacts({
      F(1, a, "cooperates_with", 2, b, "A với B."),
      F(2, b, "attended", 3, c, "B dự C."),
      F(4, d, "chaired", 3, c, "D chủ trì C."),
      F(6, x, "organized", 5, e), F(7, y, "organized", 5, e), F(8, z, "organized", 5, e),
  });
  Vertex V(TermId id) const { return *g.VertexOf(id); }
};

}  // namespace

TEST_CASE("the shortest connection follows edges both ways and keeps evidence", "[graph]") {
  Fixture f;
  auto path = ShortestPath(f.g, f.V(1), f.V(4), 6);
  REQUIRE(path.has_value());
  REQUIRE(path->size() == 3);
  CHECK((*path)[0].predicate == "cooperates_with");
  CHECK((*path)[0].forward);
  CHECK((*path)[0].evidence == "A với B.");
  CHECK((*path)[1].predicate == "attended");
  CHECK((*path)[2].predicate == "chaired");
  CHECK_FALSE((*path)[2].forward);  // D chaired C: walked against the edge
  CHECK(f.g.EntityOf((*path)[2].to) == f.d);
}

TEST_CASE("the hop limit is respected - no path between components", "[graph]") {
  Fixture f;
  CHECK_FALSE(ShortestPath(f.g, f.V(1), f.V(4), 2).has_value());
  CHECK(ShortestPath(f.g, f.V(1), f.V(4), 3).has_value());
  CHECK_FALSE(ShortestPath(f.g, f.V(1), f.V(6), 10).has_value());
  CHECK(ShortestPath(f.g, f.V(1), f.V(1), 1)->empty());
}

TEST_CASE("neighbourhoods by depth, nearest first, capped", "[graph]") {
  Fixture f;
  auto one = Neighborhood(f.g, f.V(2), 1, 100);
  CHECK(one.size() == 2);  // A and C
  auto two = Neighborhood(f.g, f.V(2), 2, 100);
  CHECK(two.size() == 3);  // and D
  CHECK(two.back().second == 2);
  CHECK(Neighborhood(f.g, f.V(5), 1, 2).size() == 2);
}

TEST_CASE("components and centrality on a known shape", "[graph]") {
  Fixture f;
  int count = 0;
  auto component = Components(f.g, &count);
  CHECK(count == 2);
  CHECK(component[f.V(1)] == component[f.V(4)]);
  CHECK(component[f.V(1)] != component[f.V(5)]);

  auto degree = MostCentral(f.g, Centrality::kDegree, std::nullopt, 1);
  REQUIRE(degree.size() == 1);
  CHECK(f.g.EntityOf(degree[0].first) == f.e);
  CHECK(degree[0].second == 3);

  // On the line A-B-C-D, B and C each sit on 2 of the 6 shortest paths; in the star, E on all 3.
  auto between = MostCentral(f.g, Centrality::kBetweenness, EntityType::kPerson, 10);
  double b_score = -1, a_score = -1;
  for (auto [v, s] : between) {
    if (f.g.EntityOf(v) == f.b) b_score = s;
    if (f.g.EntityOf(v) == f.a) a_score = s;
  }
  CHECK(b_score == Approx(2.0));  // pairs (A,C) and (A,D)
  CHECK(a_score == Approx(0.0));
  auto org = MostCentral(f.g, Centrality::kBetweenness, EntityType::kOrganization, 1);
  CHECK(org[0].second == Approx(3.0));  // pairs (X,Y), (X,Z), (Y,Z)
}

TEST_CASE("bridge points link to their event and province", "[graph]") {
  Entity bp{EntityType::kBridgePoint, "", "2024-03-05", "Sơn La", "", ""};
  Entity ev{EntityType::kEvent, "Hội nghị", "2024-03-05", "", "", ""};
  auto g = KnowledgeGraph::FromFacts({F(1, Person("Lò Văn Mạnh"), "chaired", 2, bp)});
  auto event = g.VertexOfKey(EntityKey(ev));
  REQUIRE(event.has_value());
  auto path = ShortestPath(g, *g.VertexOf(1), *event, 3);
  REQUIRE(path.has_value());
  CHECK(path->size() == 2);
  CHECK(path->back().predicate == "event");
}

TEST_CASE("names resolve without diacritics - unknown names get suggestions", "[graph][questions]") {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("vnkg-questions-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  {
    auto store = Store::Open(dir, Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    DocumentRecord r;
    r.id = "d1";
    r.content_hash = "h";
    Fact f1{Person("Đặng Văn Hùng"), "holds_position", Entity{EntityType::kPosition, "", "", "", "Bộ trưởng", "Bộ Y tế"},
            "d1", "Bộ trưởng Bộ Y tế Đặng Văn Hùng.", 0, 0.9f, "2024-01-02", ""};
    Fact f2{Person("Đặng Văn Hưng"), "attended", Entity{EntityType::kEvent, "Hội nghị", "2024-01-02", "", "", ""}, "d1",
            "Đặng Văn Hưng dự hội nghị.", 0, 0.9f, "", ""};
    REQUIRE(store.value()->PutDocument(r, {f1, f2}).ok());
  }
  auto store = Store::Open(dir, Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto exact = ResolveName(*store.value(), "dang van hung");
  REQUIRE(exact.ok());
  // "hùng" and "hưng" fold alike without diacritics: both are candidates.
  CHECK(exact->matches.size() == 2);
  // With its diacritics the name is exact.
  auto precise = ResolveName(*store.value(), "Đặng Văn Hùng");
  CHECK(precise->matches.size() == 1);
  auto unknown = ResolveName(*store.value(), "dang van hun");
  CHECK(unknown->matches.empty());
  CHECK(unknown->suggestions.size() >= 1);

  TermId hung = 0;
  for (const auto& m : exact->matches)
    if (m.entity.name == "Đặng Văn Hùng") hung = m.id;
  auto who = Who(*store.value(), hung);
  REQUIRE(who.ok());
  REQUIRE(who->size() == 1);
  CHECK(who.value()[0].relation == "office");
  CHECK(who.value()[0].what == "Bộ trưởng Bộ Y tế");
  CHECK(who.value()[0].date == "2024-01-02");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a position links to its organization - an implied vertex takes the stored form", "[graph]") {
  Entity office{EntityType::kPosition, "", "", "", "Giám đốc", "Sở Nông nghiệp Yên Bình"};
  Entity org = Org("Sở Nông nghiệp Yên Bình");
  Entity chief = Person("Vi Văn Khải"), deputy = Person("Nông Thị Hạnh");
  // The organization appears first as the end of a structural link (no id),
  // then as a stored entity (id 9): it must be one vertex, with that id.
  auto g = KnowledgeGraph::FromFacts({
      F(1, chief, "holds_position", 2, office, "Giám đốc Sở Nông nghiệp Yên Bình Vi Văn Khải."),
      F(3, deputy, "attended", 4, Entity{EntityType::kEvent, "Hội thảo", "2024-05-06", "", "", ""}),
      F(9, org, "organized", 4, Entity{EntityType::kEvent, "Hội thảo", "2024-05-06", "", "", ""}),
  });
  REQUIRE(g.VertexOf(9).has_value());
  CHECK(g.IdOf(*g.VertexOf(9)) == 9);
  CHECK(g.VertexOfKey(EntityKey(org)) == g.VertexOf(9));
  CHECK(g.LabelOf(*g.VertexOf(9)) == "Sở Nông nghiệp Yên Bình");

  auto path = ShortestPath(g, *g.VertexOf(1), *g.VertexOf(3));
  REQUIRE(path.has_value());
  // Khải -holds_position-> office -organization-> Sở -organized-> Hội thảo <-attended- Hạnh
  REQUIRE(path->size() == 4);
  CHECK((*path)[0].predicate == "holds_position");
  CHECK((*path)[1].predicate == "organization");
  CHECK((*path)[1].evidence.empty());  // structural links carry no evidence
  CHECK((*path)[2].predicate == "organized");
  CHECK((*path)[2].forward);
  CHECK((*path)[3].predicate == "attended");
  CHECK_FALSE((*path)[3].forward);
  CHECK(g.EntityOf((*path)[3].to) == deputy);
}

TEST_CASE("parallel facts are one connection for betweenness", "[graph]") {
  // A and B meet at two events; A both attended and spoke at the first.
  // Counting that twice would send 2/3 of the A-B connections through it.
  Entity a = Person("Hoàng Văn Tư"), b = Person("Đinh Thị Lụa");
  Entity first{EntityType::kEvent, "Hội nghị một", "2024-01-10", "", "", ""};
  Entity second{EntityType::kEvent, "Hội nghị hai", "2024-02-20", "", "", ""};
  auto g = KnowledgeGraph::FromFacts({F(1, a, "attended", 3, first), F(1, a, "spoke_at", 3, first),
                                      F(2, b, "attended", 3, first), F(1, a, "attended", 4, second),
                                      F(2, b, "attended", 4, second)});
  for (auto [v, score] : MostCentral(g, Centrality::kBetweenness, std::nullopt, 10)) {
    INFO(g.LabelOf(v));
    CHECK(score == Approx(0.5));  // each lies on one of the two routes of one pair
  }
  auto degree = MostCentral(g, Centrality::kDegree, std::nullopt, 1);
  CHECK(g.IdOf(degree[0].first) == 1);  // facts counted: A has 3
  CHECK(degree[0].second == 3);
}

TEST_CASE("betweenness on a line of five, by hand", "[graph]") {
  // P1 - P2 - P3 - P4 - P5: P2 and P4 lie on 3 pairs' paths, P3 on 4.
  std::vector<StoredFact> facts;
  std::vector<Entity> people = {Person("Lý Văn Một"), Person("Lý Văn Hai"), Person("Lý Văn Ba"), Person("Lý Văn Bốn"),
                                Person("Lý Văn Năm")};
  for (TermId i = 0; i + 1 < people.size(); ++i)
    facts.push_back(F(i + 1, people[i], "cooperates_with", i + 2, people[i + 1]));
  auto g = KnowledgeGraph::FromFacts(facts);
  auto top = MostCentral(g, Centrality::kBetweenness, EntityType::kPerson, 5);
  REQUIRE(top.size() == 5);
  CHECK(g.IdOf(top[0].first) == 3);
  CHECK(top[0].second == Approx(4.0));
  CHECK(g.IdOf(top[1].first) == 2);  // ties in vertex order
  CHECK(top[1].second == Approx(3.0));
  CHECK(g.IdOf(top[2].first) == 4);
  CHECK(top[2].second == Approx(3.0));
  CHECK(top[4].second == Approx(0.0));
  CHECK(MostCentral(g, Centrality::kBetweenness, EntityType::kPlace, 5).empty());
}

TEST_CASE("a neighbourhood says by which edge each vertex was reached", "[graph]") {
  Fixture f;
  auto reached = ExploreNeighborhood(f.g, f.V(2), 2, 100);
  REQUIRE(reached.size() == 3);
  CHECK(f.g.IdOf(reached[0].vertex) == 3);  // out-edges first: B attended C
  CHECK(reached[0].via.predicate == "attended");
  CHECK(reached[0].via.forward);
  CHECK(f.g.IdOf(reached[1].vertex) == 1);  // A cooperates with B, walked backwards
  CHECK_FALSE(reached[1].via.forward);
  CHECK(f.g.IdOf(reached[2].vertex) == 4);
  CHECK(reached[2].distance == 2);
  CHECK(reached[2].via.from == f.V(3));
  CHECK(reached[2].via.evidence == "D chủ trì C.");
  CHECK(ExploreNeighborhood(f.g, f.V(2), 0, 100).empty());
  CHECK(ExploreNeighborhood(f.g, 999, 2, 100).empty());
}

TEST_CASE("betweenness agrees with Boost's Brandes - sampled sources approximate it", "[graph]") {
  // Pseudo-random multigraphs of 60 people, the same every run: a sparse one
  // (many leaves and small components) and a denser one.
  const int edges = GENERATE(45, 110);
  std::vector<StoredFact> facts;
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) % 60; };
  std::vector<Entity> people;
  for (int i = 0; i < 60; ++i) people.push_back(Person("Người Thứ " + std::to_string(i)));
  for (int e = 0; e < edges; ++e) {
    const TermId s = next(), o = next();
    facts.push_back(F(s + 1, people[s], e % 3 ? "cooperates_with" : "attended", o + 1, people[o]));
  }
  auto g = KnowledgeGraph::FromFacts(facts);
  const std::size_t n = g.size();

  using Simple = boost::adjacency_list<boost::setS, boost::vecS, boost::undirectedS>;  // setS: no parallel edges
  Simple simple(n);
  for (auto [it, end] = boost::edges(g.graph()); it != end; ++it) {
    const Vertex s = boost::source(*it, g.graph()), t = boost::target(*it, g.graph());
    if (s != t) boost::add_edge(s, t, simple);
  }
  std::vector<double> expected(n, 0.0);
  boost::brandes_betweenness_centrality(
      simple, boost::centrality_map(boost::make_iterator_property_map(expected.begin(), boost::get(boost::vertex_index, simple))));

  auto exact = Betweenness(g, 0);
  REQUIRE(exact.size() == n);
  for (std::size_t v = 0; v < n; ++v) CHECK(exact[v] == Approx(expected[v]).margin(1e-9));

  // Half the sources: the leader stays among the top few.
  auto sampled = Betweenness(g, n / 2);
  const auto leader = std::max_element(expected.begin(), expected.end()) - expected.begin();
  std::size_t above = 0;
  for (std::size_t v = 0; v < n; ++v) above += sampled[v] > sampled[leader];
  CHECK(above < 3);
}

TEST_CASE("paths may be kept from passing through hubs", "[graph]") {
  // Four people hold one office named without its country (a hub of degree 4);
  // A and B also meet through M at two events.
  Entity office{EntityType::kPosition, "", "", "", "Tổng thống", ""};
  Entity a = Person("Chu Văn An"), b = Person("Quan Thị Bé"), c = Person("Ninh Văn Cả"), d = Person("Ông Thị Đào");
  Entity m = Person("Đàm Văn Minh");
  Entity e1{EntityType::kEvent, "Hội nghị một", "2024-01-10", "", "", ""};
  Entity e2{EntityType::kEvent, "Hội nghị hai", "2024-02-20", "", "", ""};
  auto g = KnowledgeGraph::FromFacts({
      F(1, a, "holds_position", 9, office), F(2, b, "holds_position", 9, office), F(3, c, "holds_position", 9, office),
      F(4, d, "holds_position", 9, office), F(1, a, "attended", 10, e1), F(5, m, "attended", 10, e1),
      F(5, m, "attended", 11, e2), F(2, b, "attended", 11, e2),
  });
  const Vertex va = *g.VertexOf(1), vb = *g.VertexOf(2), hub = *g.VertexOf(9);
  CHECK(ShortestPath(g, va, vb)->size() == 2);  // through the office
  auto around = ShortestPath(g, va, vb, PathOptions{6, 3});
  REQUIRE(around.has_value());
  REQUIRE(around->size() == 4);
  for (const Hop& hop : *around) CHECK(hop.predicate == "attended");
  CHECK_FALSE(ShortestPath(g, va, vb, PathOptions{3, 3}).has_value());
  // The hub may still be an end of the path.
  CHECK(ShortestPath(g, hub, va, PathOptions{6, 1})->size() == 1);
  CHECK(ShortestPath(g, va, hub, PathOptions{6, 1})->size() == 1);
}
