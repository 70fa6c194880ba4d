#include <cstdlib>
#include <string>

#include "vnkg/store/store.h"

namespace vnkg {

std::string DefaultDatabasePath() {
  if (const char* db = std::getenv("VNKG_DB"); db && *db) return db;
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) return std::string(data) + "/vnkg/db";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/vnkg/db";
  return "vnkg.db";
}

}  // namespace vnkg
