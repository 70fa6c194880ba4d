// A small database for the REPL tests: two Bùi, a Nguyễn, Bến Tre, one event.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "vnkg/store/store.h"

namespace vnkg::testing {

struct ReplTestDb {
  std::string path;

  ReplTestDb() {
    static int counter = 0;
    path = (std::filesystem::temp_directory_path() /
            ("vnkg-repl-" + std::to_string(::getpid()) + "-" + std::to_string(++counter)))
               .string();
    std::filesystem::remove_all(path);
    auto store = Store::Open(path, Store::Mode::kReadWrite);
    if (!store.ok()) throw std::runtime_error(store.status().message());
    const Entity son{EntityType::kPerson, "Bùi Thanh Sơn", "", "", "", ""};
    const Entity cuong{EntityType::kPerson, "Bùi Văn Cường", "", "", "", ""};
    const Entity nguyen{EntityType::kPerson, "Nguyễn Trúc Sơn", "", "", "", ""};
    const Entity ben_tre{EntityType::kProvince, "Bến Tre", "", "", "", ""};
    const Entity event{EntityType::kEvent, "Hội nghị tổng kết", "2025-01-06", "", "", ""};
    const Entity bridge{EntityType::kBridgePoint, "", "2025-01-06", "Bến Tre", "", ""};
    auto fact = [](const Entity& s, const char* p, const Entity& o) {
      Fact f;
      f.subject = s;
      f.predicate = p;
      f.object = o;
      f.doc = "d1";
      f.evidence = "Câu chứng cứ.";
      return f;
    };
    DocumentRecord record;
    record.id = "d1";
    record.title = "Tiêu đề";
    record.content_hash = ContentHash(record.title, "text");
    auto put = store.value()->PutDocument(
        record, {fact(son, "chaired", event), fact(cuong, "attended", event), fact(nguyen, "chaired", bridge),
                 fact(event, "has_bridge_point", bridge), fact(bridge, "located_in", ben_tre)});
    if (!put.ok()) throw std::runtime_error(put.status().message());
  }
  ~ReplTestDb() { std::filesystem::remove_all(path); }
};

}  // namespace vnkg::testing
