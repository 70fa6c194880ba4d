#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "vnkg/extract/document_reader.h"
#include "vnkg/extract/facts_json.h"

using namespace vnkg;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("vnkg-reader-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& content) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
};

struct Collected {
  std::vector<Document> docs;
  std::vector<ReadIssue> issues;
};

Collected ReadAll(const std::vector<std::string>& paths) {
  Collected c;
  ReadCallbacks cb;
  cb.on_document = [&](Document&& d) {
    c.docs.push_back(std::move(d));
    return true;
  };
  cb.on_issue = [&](const ReadIssue& i) { c.issues.push_back(i); };
  REQUIRE(ReadDocuments(paths, cb).ok());
  return c;
}

}  // namespace

TEST_CASE("a .txt file is one article named after the file", "[reader]") {
  TempDir dir;
  auto path = dir.Write("bai_1.txt", "Tiêu đề\nNội dung bài.");
  auto c = ReadAll({path});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "bai_1");
  CHECK(c.docs[0].text == "Tiêu đề\nNội dung bài.");
  CHECK(c.issues.empty());
}

TEST_CASE("JSON Lines records keep id, text, title, date, url, and bad lines are named", "[reader]") {
  TempDir dir;
  auto path = dir.Write("a.jsonl",
                        "{\"id\":\"x1\",\"text\":\"Một\",\"title\":\"T\",\"date\":\"2024-05-01\",\"url\":null,\"k\":3}\n"
                        "{\"id\":\"x2\",\n"
                        "\n"
                        "{\"id\":\"x3\"}\n"
                        "{\"id\":7,\"text\":\"Hai\"}\n");
  auto c = ReadAll({path});
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].id == "x1");
  CHECK(c.docs[0].title == "T");
  CHECK(c.docs[0].date == "2024-05-01");
  CHECK(c.docs[0].url.empty());
  CHECK(c.docs[1].id == "7");
  REQUIRE(c.issues.size() == 2);
  CHECK(c.issues[0].where == path + ":2");
  CHECK(c.issues[1].where == path + ":4");
  CHECK(c.issues[1].message.find("no \"text\"") != std::string::npos);
}

TEST_CASE("directories are walked in name order, other files passed over", "[reader]") {
  TempDir dir;
  dir.Write("b/2.txt", "hai");
  dir.Write("a/1.txt", "một");
  dir.Write("a/notes.md", "bỏ qua");
  auto c = ReadAll({dir.path.string()});
  REQUIRE(c.docs.size() == 2);
  CHECK(c.docs[0].id == "1");
  CHECK(c.docs[1].id == "2");
}

TEST_CASE("empty, binary and missing inputs are skipped with a reason", "[reader]") {
  TempDir dir;
  auto empty = dir.Write("empty.txt", "");
  auto binary = dir.Write("bin.txt", std::string("\x01\x02\x00\x00\x00\x05", 6) + std::string(100, '\0'));
  auto c = ReadAll({empty, binary, (dir.path / "missing.txt").string()});
  CHECK(c.docs.empty());
  REQUIRE(c.issues.size() == 3);
  for (const auto& issue : c.issues) CHECK(issue.skipped);
}

TEST_CASE("UTF-16 with a BOM is converted", "[reader]") {
  TempDir dir;
  // "Hà" in UTF-16LE with BOM.
  auto path = dir.Write("u16.txt", std::string("\xFF\xFE" "H\x00\xE0\x00", 6));
  auto c = ReadAll({path});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].text == "Hà");
}

TEST_CASE("invalid UTF-8 is repaired and its first offset reported", "[reader]") {
  std::string s = "ab\xC3(cd";
  CHECK(RepairUtf8(s) == 2);
  CHECK(s == "ab\xEF\xBF\xBD(cd");
  std::string nul("x\0y", 3);
  CHECK(RepairUtf8(nul) == 1);
  CHECK(nul == "xy");
  std::string good = "Hà Nội";
  CHECK(RepairUtf8(good) == -1);
  std::string overlong = "\xC0\xAF";
  CHECK(RepairUtf8(overlong) == 0);
}

TEST_CASE("a fact survives the JSON line round trip", "[facts_json]") {
  Fact f;
  f.subject = Entity{EntityType::kPerson, "Lò Văn Ánh", "", "", "", ""};
  f.predicate = "holds_position";
  f.object = Entity{EntityType::kPosition, "", "", "", "Phó Chủ tịch", "UBND tỉnh Sơn La"};
  f.doc = "d1";
  f.evidence = "Phó Chủ tịch UBND tỉnh Sơn La Lò Văn Ánh phát biểu.";
  f.confidence = 0.75f;
  auto line = FactToJsonLine(f);
  CHECK(line.find("\"organization\":\"UBND tỉnh Sơn La\"") != std::string::npos);
  auto back = FactFromJsonLine(line);
  REQUIRE(back.ok());
  CHECK(back->subject == f.subject);
  CHECK(back->object == f.object);
  CHECK(back->doc == "d1");
  CHECK(back->confidence == Approx(0.75));

  Fact bp;
  bp.subject = f.subject;
  bp.predicate = "chaired";
  bp.object = Entity{EntityType::kBridgePoint, "", "2024-03-02", "Sơn La", "", ""};
  auto bp_line = FactToJsonLine(bp);
  CHECK(bp_line.find("\"event_date\":\"2024-03-02\"") != std::string::npos);
  CHECK(FactFromJsonLine(bp_line)->object == bp.object);
  Fact null_org = f;
  null_org.object.organization.clear();
  CHECK(FactToJsonLine(null_org).find("\"organization\":null") != std::string::npos);
}

TEST_CASE("malformed fact lines say what is wrong", "[facts_json]") {
  CHECK_FALSE(FactFromJsonLine("{").ok());
  auto bad_type = FactFromJsonLine(R"({"subject":{"type":"X"},"predicate":"chaired","object":{"type":"Event"}})");
  REQUIRE_FALSE(bad_type.ok());
  CHECK(bad_type.status().message() == "subject.type: unknown entity type 'X'");
  auto bad_predicate = FactFromJsonLine(R"({"subject":{"type":"Person"},"predicate":"likes","object":{"type":"Event"}})");
  REQUIRE_FALSE(bad_predicate.ok());
  CHECK(bad_predicate.status().message().find("likes") != std::string::npos);
}

// Found by fuzz/fuzz_jsonl: "confidence": 1e99 became inf as a float, and the
// export wrote it back as "confidence":null.
TEST_CASE("a confidence outside 0..1 is ignored, so the export never writes null", "[facts_json]") {
  const std::string head = R"({"subject":{"type":"Person","name":"A"},"predicate":"chaired",)"
                           R"("object":{"type":"Place","name":"B"},"confidence":)";
  for (const char* bad : {"1e99", "-1e99", "1.5", "-0.25"}) {
    auto fact = FactFromJsonLine(head + bad + "}");
    REQUIRE(fact.ok());
    CHECK(fact->confidence == 1.0f);
    CHECK(FactToJsonLine(fact.value()).find("\"confidence\":1.0") != std::string::npos);
  }
  auto kept = FactFromJsonLine(head + "0.25}");
  REQUIRE(kept.ok());
  CHECK(kept->confidence == 0.25f);
}

TEST_CASE("the first invalid UTF-8 byte is found past runs of ASCII", "[reader]") {
  CHECK(FirstInvalidUtf8("") == -1);
  CHECK(FirstInvalidUtf8("Hà Tĩnh và Quảng Bình, hai tỉnh miền Trung") == -1);
  const std::string long_ascii(37, 'a');
  CHECK(FirstInvalidUtf8(long_ascii + "\xFF" + "bc") == 37);
  CHECK(FirstInvalidUtf8(long_ascii + std::string(1, '\0')) == 37);
  CHECK(FirstInvalidUtf8("Sơn\xE1\xBB") == 4);       // a sequence cut short at the end
  CHECK(FirstInvalidUtf8("ab\xC0\xAF" "cdefghij") == 2);  // overlong '/'
}
