#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "vnkg/extract/document_reader.h"

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

