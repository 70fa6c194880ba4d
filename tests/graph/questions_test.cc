// The everyday questions against a real Store in a temporary directory.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "vnkg/model/text.h"
#include "vnkg/graph/graph.h"
#include "vnkg/query/questions.h"

using namespace vnkg;

namespace {

Entity Named(EntityType type, const std::string& name, const std::string& date = "") {
  Entity e;
  e.type = type;
  e.name = name;
  e.date = date;
  return e;
}
Entity Office(const std::string& title, const std::string& organization) {
  Entity e;
  e.type = EntityType::kPosition;
  e.title = title;
  e.organization = organization;
  return e;
}
Entity BridgePointOf(const std::string& province, const std::string& date) {
  Entity e;
  e.type = EntityType::kBridgePoint;
  e.province = province;
  e.date = date;
  return e;
}

Fact MakeFact(const Entity& s, const std::string& p, const Entity& o, const std::string& doc,
              const std::string& date = "") {
  Fact f;
  f.subject = s;
  f.predicate = p;
  f.object = o;
  f.doc = doc;
  f.evidence = EntityLabel(s) + " " + p + " " + EntityLabel(o) + ".";
  f.date = date;
  return f;
}

// Two invented articles:
//  d1 (2024-03-05): Hà Văn Thắng, Chủ tịch UBND tỉnh Sơn La, chairs the Sơn La
//     bridge point of an online conference the Bộ Tài chính organizes in Hà Nội.
//  d2 (2024-06-10): Thắng again in office and awarded; Hà Văn Thăng (another
//     man) attends and Lò Thị Mai speaks at an inauguration in Sơn La.
class StoreFixture {
 public:
  StoreFixture()
      : dir_((std::filesystem::temp_directory_path() / ("vnkg-questions-fixture-" + std::to_string(::getpid())))
                 .string()) {
    std::filesystem::remove_all(dir_);
    {
      auto store = Store::Open(dir_, Store::Mode::kReadWrite);
      REQUIRE(store.ok());
      DocumentRecord d1{"d1", "h1", "Hội nghị trực tuyến", "2024-03-05", "", 0, 0};
      REQUIRE(store.value()
                  ->PutDocument(d1, {MakeFact(thang, "holds_position", office, "d1"),
                                     MakeFact(thang, "chaired", bridge, "d1"),
                                     MakeFact(conference, "has_bridge_point", bridge, "d1"),
                                     MakeFact(ministry, "organized", conference, "d1"),
                                     MakeFact(conference, "located_in", hanoi, "d1")})
                  .ok());
      DocumentRecord d2{"d2", "h2", "Khánh thành", "2024-06-10", "", 0, 0};
      REQUIRE(store.value()
                  ->PutDocument(d2, {MakeFact(thang, "holds_position", office, "d2", "2024-06-10"),
                                     MakeFact(thang, "received_award", award, "d2"),
                                     MakeFact(thang_other, "attended", inauguration, "d2"),
                                     MakeFact(mai, "spoke_at", inauguration, "d2"),
                                     MakeFact(inauguration, "located_in", son_la, "d2")})
                  .ok());
    }
    auto store = Store::Open(dir_, Store::Mode::kReadOnly);
    REQUIRE(store.ok());
    store_ = std::move(store.value());
  }
  ~StoreFixture() {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  const Store& store() const { return *store_; }
  TermId Id(const Entity& e) const {
    auto id = store_->FindEntity(e);
    REQUIRE(id.ok());
    REQUIRE(id.value().has_value());
    return *id.value();
  }

  const Entity thang = Named(EntityType::kPerson, "Hà Văn Thắng");
  const Entity thang_other = Named(EntityType::kPerson, "Hà Văn Thăng");
  const Entity mai = Named(EntityType::kPerson, "Lò Thị Mai");
  const Entity office = Office("Chủ tịch", "UBND tỉnh Sơn La");
  const Entity bridge = BridgePointOf("Sơn La", "2024-03-05");
  const Entity conference = Named(EntityType::kEvent, "Hội nghị trực tuyến tổng kết", "2024-03-05");
  const Entity inauguration = Named(EntityType::kEvent, "Lễ khánh thành", "2024-06-10");
  const Entity ministry = Named(EntityType::kOrganization, "Bộ Tài chính");
  const Entity hanoi = Named(EntityType::kProvince, "Hà Nội");
  const Entity son_la = Named(EntityType::kProvince, "Sơn La");
  const Entity award = Named(EntityType::kAward, "Huân chương Lao động hạng Ba");

 private:
  std::string dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace

TEST_CASE("names: loose matches, exact spelling, candidates and suggestions", "[questions]") {
  StoreFixture f;
  auto loose = ResolveEntity(f.store(), "ha van thang");
  REQUIRE(loose.ok());
  CHECK(loose->outcome() == Resolution::Outcome::kAmbiguous);  // Thắng and Thăng
  CHECK(loose->matches.size() == 2);

  auto exact = ResolveEntity(f.store(), "  HÀ VĂN THẮNG ");
  REQUIRE(exact.ok());
  REQUIRE(exact->outcome() == Resolution::Outcome::kFound);
  CHECK(exact->matches[0].id == f.Id(f.thang));

  auto unknown = ResolveEntity(f.store(), "ha van thag");
  REQUIRE(unknown.ok());
  CHECK(unknown->outcome() == Resolution::Outcome::kUnknown);
  REQUIRE(unknown->suggestions.size() >= 2);
  CHECK(FoldKey(EntityLabel(unknown->suggestions[0].entity)).starts_with("hà văn th"));

  auto province = ResolveEntity(f.store(), "son la", EntityType::kProvince);
  REQUIRE(province.ok());
  REQUIRE(province->outcome() == Resolution::Outcome::kFound);
  CHECK(province->matches[0].entity == f.son_la);
  // Without a type, bridge points (labelled with their province) are not names.
  CHECK(ResolveEntity(f.store(), "Sơn La")->matches.size() == 1);

  CHECK(ResolveEntity(f.store(), "xyz qwerty uiop")->suggestions.empty());
  CHECK(ResolveEntity(f.store(), "  ").status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("who: offices with the dates reported, events with bridge points, awards, sources", "[questions]") {
  StoreFixture f;
  auto rows = Who(f.store(), f.Id(f.thang));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 3);
  const WhoRow& office = rows.value()[0];
  CHECK(office.relation == "office");
  CHECK(office.what == "Chủ tịch UBND tỉnh Sơn La");
  // d1 gives no date with the fact: its document's date stands in.
  CHECK(office.dates == std::vector<std::string>{"2024-03-05", "2024-06-10"});
  CHECK(office.date == "2024-03-05");
  CHECK(office.docs == std::vector<std::string>{"d1", "d2"});

  const WhoRow& chaired = rows.value()[1];
  CHECK(chaired.relation == "chaired");
  CHECK(chaired.object.type == EntityType::kBridgePoint);
  CHECK(chaired.province == "Sơn La");
  CHECK(chaired.event == "Hội nghị trực tuyến tổng kết");
  CHECK(chaired.date == "2024-03-05");
  CHECK(chaired.docs == std::vector<std::string>{"d1"});

  const WhoRow& award = rows.value()[2];
  CHECK(award.relation == "received_award");
  CHECK(award.what == "Huân chương Lao động hạng Ba");
  CHECK(award.date == "2024-06-10");

  CHECK(SourceDocuments(rows.value()) == std::vector<std::string>{"d1", "d2"});

  auto speaker = Who(f.store(), f.Id(f.mai));
  REQUIRE(speaker.ok());
  REQUIRE(speaker->size() == 1);
  CHECK(speaker.value()[0].event == "Lễ khánh thành");
  CHECK(speaker.value()[0].province.empty());
}

TEST_CASE("events by province (bridge point or venue) and by date range", "[questions]") {
  StoreFixture f;
  auto all = Events(f.store(), "", "", "");
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK(all.value()[0].name == "Hội nghị trực tuyến tổng kết");
  CHECK(all.value()[0].organizers == std::vector<std::string>{"Bộ Tài chính"});
  CHECK(all.value()[0].bridge_points == std::vector<std::string>{"Sơn La"});
  CHECK(all.value()[0].places == std::vector<std::string>{"Hà Nội"});
  CHECK(all.value()[1].date == "2024-06-10");

  CHECK(Events(f.store(), "son la", "", "")->size() == 2);  // a bridge point there; held there
  auto hanoi = Events(f.store(), "Ha Noi", "", "");
  REQUIRE(hanoi->size() == 1);
  CHECK(hanoi.value()[0].date == "2024-03-05");
  CHECK(Events(f.store(), "Điện Biên", "", "")->empty());

  auto later = Events(f.store(), "", "2024-04", "");
  REQUIRE(later->size() == 1);
  CHECK(later.value()[0].date == "2024-06-10");
  auto march = Events(f.store(), "", "2024-03", "2024-03");
  REQUIRE(march->size() == 1);
  CHECK(march.value()[0].date == "2024-03-05");
  CHECK(Events(f.store(), "", "2024", "2024")->size() == 2);
}

TEST_CASE("path, neighbours and top over a graph loaded from the store", "[questions]") {
  StoreFixture f;
  auto graph = LoadGraph(f.store());
  REQUIRE(graph.ok());

  // Thắng chaired the Sơn La bridge point; the inauguration Mai spoke at was in Sơn La.
  auto path = Path(graph.value(), f.Id(f.thang), f.Id(f.mai));
  REQUIRE(path.ok());
  REQUIRE(path->found);
  REQUIRE(path->steps.size() == 4);
  CHECK(path->steps[0].predicate == "chaired");
  CHECK(path->steps[0].evidence == "Hà Văn Thắng chaired " + EntityLabel(f.bridge) + ".");
  CHECK(path->steps[0].doc == "d1");
  CHECK(path->steps[1].predicate == "province");
  CHECK(path->steps[1].to == f.son_la);
  CHECK(path->steps[1].to_id == f.Id(f.son_la));  // the implied province took the stored id
  CHECK(path->steps[2].predicate == "located_in");
  CHECK_FALSE(path->steps[2].forward);
  CHECK(path->steps[3].predicate == "spoke_at");
  CHECK_FALSE(path->steps[3].forward);
  CHECK(path->steps[3].to_id == f.Id(f.mai));

  auto too_short = Path(graph.value(), f.Id(f.thang), f.Id(f.mai), 3);
  REQUIRE(too_short.ok());
  CHECK_FALSE(too_short->found);
  CHECK(Path(graph.value(), f.Id(f.thang), 987654321).status().code() == Status::Code::kNotFound);

  auto near = Neighbors(graph.value(), f.Id(f.thang), 1);
  REQUIRE(near.ok());
  CHECK(near->rows.size() == 3);  // the office, the bridge point, the award
  CHECK_FALSE(near->truncated);
  for (const NeighborRow& row : near->rows) {
    CHECK(row.distance == 1);
    CHECK(row.via.from_id == f.Id(f.thang));
  }
  auto capped = Neighbors(graph.value(), f.Id(f.thang), 1, 2);
  CHECK(capped->rows.size() == 2);
  CHECK(capped->truncated);
  auto two = Neighbors(graph.value(), f.Id(f.thang), 2);
  // + the office's UBND (implied, no id), the conference, Sơn La
  CHECK(two->rows.size() == 6);
  bool implied_seen = false;
  for (const NeighborRow& row : two->rows)
    if (row.id == 0) implied_seen = row.entity.type == EntityType::kOrganization;
  CHECK(implied_seen);

  auto top = Top(graph.value(), Centrality::kDegree, EntityType::kPerson, 1);
  REQUIRE(top.size() == 1);
  CHECK(top[0].id == f.Id(f.thang));
  CHECK(top[0].score == 3);
}

TEST_CASE("a name resolver resolves many names - candidates come most mentioned first", "[questions]") {
  StoreFixture f;
  auto index = NameResolver::Build(f.store());
  REQUIRE(index.ok());
  CHECK(index->size() >= 11);
  auto loose = index->Resolve("HA VAN THANG");
  REQUIRE(loose.ok());
  REQUIRE(loose->matches.size() == 2);
  // Thắng is in three facts (office, bridge point, award), Thăng in one.
  CHECK(loose->matches[0].entity == f.thang);
  CHECK(loose->matches[0].facts == 3);
  CHECK(loose->matches[1].facts == 1);
  CHECK(index->Resolve("Lo Thi Mai")->matches.at(0).id == f.Id(f.mai));
  auto event = index->Resolve("le khanh thanh", EntityType::kEvent);
  REQUIRE(event->outcome() == Resolution::Outcome::kFound);
  CHECK(event->matches[0].entity.date == "2024-06-10");
  CHECK(index->Resolve("le khanh thanh")->outcome() == Resolution::Outcome::kUnknown);  // events only when asked for
  CHECK(index->Resolve("").status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("who: a bare title is shown under the full office of the same title it most likely is", "[questions]") {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("vnkg-who-bare-" + std::to_string(::getpid()))).string();
  std::filesystem::remove_all(dir);
  const Entity lan = Named(EntityType::kPerson, "Vũ Thị Lan");
  const Entity health = Office("Bộ trưởng", "Bộ Y tế");
  const Entity deputy = Office("Phó Chủ tịch", "UBND tỉnh Yên Bái");
  const Entity chair = Office("Chủ tịch", "UBND tỉnh Yên Bái");
  Entity bare_minister = Office("Bộ trưởng", "");
  bare_minister.mention = "vũ thị lan";  // kept as her own by the extractor
  Entity bare_chair = Office("Chủ tịch", "");
  bare_chair.mention = "vũ thị lan";
  const Entity vice_state = Office("Phó Chủ tịch nước", "");  // not "Chủ tịch" with a body
  Entity bare_director = Office("Giám đốc", "");
  bare_director.mention = "vũ thị lan";
  {
    auto store = Store::Open(dir, Store::Mode::kReadWrite);
    REQUIRE(store.ok());
    // a1: the minister in full; a2, months later, the bare title only; a3: two
    // provincial offices years before, one in full beside a bare "Chủ tịch" of
    // another article nearer in time; and a bare title she holds no full office of.
    REQUIRE(store.value()->PutDocument({"a1", "h1", "", "2020-03-01", "", 0, 0},
                                       {MakeFact(lan, "holds_position", health, "a1")}).ok());
    REQUIRE(store.value()->PutDocument({"a2", "h2", "", "2020-09-01", "", 0, 0},
                                       {MakeFact(lan, "holds_position", bare_minister, "a2"),
                                        MakeFact(lan, "holds_position", bare_director, "a2")}).ok());
    REQUIRE(store.value()->PutDocument({"a3", "h3", "", "2012-05-01", "", 0, 0},
                                       {MakeFact(lan, "holds_position", deputy, "a3")}).ok());
    REQUIRE(store.value()->PutDocument({"a4", "h4", "", "2014-05-01", "", 0, 0},
                                       {MakeFact(lan, "holds_position", chair, "a4")}).ok());
    REQUIRE(store.value()->PutDocument({"a5", "h5", "", "2015-01-01", "", 0, 0},
                                       {MakeFact(lan, "holds_position", bare_chair, "a5"),
                                        MakeFact(lan, "holds_position", vice_state, "a5")}).ok());
  }
  {
    auto store = Store::Open(dir, Store::Mode::kReadOnly);
    REQUIRE(store.ok());
    auto id = store.value()->FindEntity(lan);
    REQUIRE(id.ok());
    auto rows = Who(*store.value(), *id.value());
    REQUIRE(rows.ok());
    std::map<std::string, WhoRow> by_what;
    for (const WhoRow& r : rows.value()) by_what[r.what] = r;
    CHECK(by_what.count("Bộ trưởng") == 0);
    CHECK(by_what.count("Chủ tịch") == 0);
    REQUIRE(by_what.count("Bộ trưởng Bộ Y tế"));
    CHECK(by_what["Bộ trưởng Bộ Y tế"].docs == std::vector<std::string>{"a1", "a2"});
    CHECK(by_what["Bộ trưởng Bộ Y tế"].dates == std::vector<std::string>{"2020-03-01", "2020-09-01"});
    REQUIRE(by_what.count("Chủ tịch UBND tỉnh Yên Bái"));
    CHECK(by_what["Chủ tịch UBND tỉnh Yên Bái"].docs == std::vector<std::string>{"a4", "a5"});
    CHECK(by_what["Phó Chủ tịch UBND tỉnh Yên Bái"].docs == std::vector<std::string>{"a3"});
    // No full office of that title: the bare title stays, the only trace of it.
    CHECK(by_what.count("Giám đốc") == 1);
    CHECK(by_what["Phó Chủ tịch nước"].docs == std::vector<std::string>{"a5"});
    CHECK(rows->size() == 5);
  }
  std::filesystem::remove_all(dir);
}
