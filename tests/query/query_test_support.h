// Helpers the query tests share: a temporary directory for a store, and the
// entities of a small graph (people, an event with bridge points, offices).
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "vnkg/model/fact.h"

namespace vnkg::query_testing {

// A new directory under the system's temporary one, removed with everything in it.
struct TempDir {
  std::string path;
  explicit TempDir(const std::string& prefix) {
    std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

inline Entity Person(const std::string& name) { return Entity{EntityType::kPerson, name, "", "", "", ""}; }
inline Entity Event(const std::string& name, const std::string& date) {
  return Entity{EntityType::kEvent, name, date, "", "", ""};
}
inline Entity Bridge(const std::string& province, const std::string& date) {
  return Entity{EntityType::kBridgePoint, "", date, province, "", ""};
}
inline Entity Position(const std::string& title, const std::string& org) {
  return Entity{EntityType::kPosition, "", "", "", title, org};
}

}  // namespace vnkg::query_testing
