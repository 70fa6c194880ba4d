#include "filename.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace vnkg::storage {
namespace {

namespace fs = std::filesystem;

constexpr const char* kWriterFile = "WRITER";

std::string WriterFile(const std::string& dir) { return dir + "/" + kWriterFile; }

std::string LowerCaseText(const rocksdb::Status& s) {
  std::string text = s.ToString();
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string SelfDescription() {
  std::string cmd;
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string arg;
  while (std::getline(in, arg, '\0')) cmd += (cmd.empty() ? "" : " ") + arg;
  return "process " + std::to_string(::getpid()) + (cmd.empty() ? "" : " (" + cmd + ")");
}

bool ProcessIsAlive(const std::string& pid) { return fs::exists("/proc/" + pid); }

}  // namespace

std::string CurrentFile(const std::string& dir) { return dir + "/CURRENT"; }
std::string InfoLogFile(const std::string& dir) { return dir + "/LOG"; }

bool IsCreationLeftover(const std::string& name) {
  for (const char* prefix : {"LOCK", "LOG", "IDENTITY", "MANIFEST-", "OPTIONS-", kWriterFile})
    if (name.rfind(prefix, 0) == 0) return true;
  return name.size() > 4 && (name.compare(name.size() - 4, 4, ".log") == 0 || name.find(".dbtmp") != std::string::npos);
}

std::uint64_t WalBytes(const std::string& dir) {
  std::uint64_t bytes = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::error_code size_ec;
    if (entry.path().extension() == ".log" && entry.is_regular_file(size_ec)) bytes += entry.file_size(size_ec);
  }
  return bytes;
}

std::string CreationStagingDir(const std::string& dir, pid_t pid) { return dir + ".creating-" + std::to_string(pid); }
std::string BulkStagingDir(const std::string& dir, pid_t pid) { return dir + ".bulk-" + std::to_string(pid); }

std::string BulkRunFile(const std::string& staging, std::uint64_t run, const char* family) {
  return staging + "/bulk-run-" + std::to_string(run) + "-" + family + ".sst";
}

void RemoveAbandonedBulkStaging(const std::string& dir) {
  const fs::path path(dir);
  std::error_code ec;
  const std::string prefix = path.filename().string() + ".bulk-";
  const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid = name.substr(prefix.size());
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || ProcessIsAlive(pid)) continue;
    std::error_code remove_ec;
    fs::remove_all(entry.path(), remove_ec);
  }
}

void SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool IsLockHeld(const rocksdb::Status& s) {
  if (!s.IsIOError()) return false;
  const std::string text = LowerCaseText(s);
  // Not "LOCK: Permission denied": that is a directory we may not write.
  return text.find("lock") != std::string::npos &&
         (text.find("resource temporarily unavailable") != std::string::npos ||
          text.find("lock hold by current process") != std::string::npos);
}

bool IsPermissionDenied(const rocksdb::Status& s) {
  const std::string text = LowerCaseText(s);
  return text.find("permission denied") != std::string::npos || text.find("read-only file system") != std::string::npos;
}

std::string ReadWriterFile(const std::string& dir) {
  std::ifstream in(WriterFile(dir));
  std::string holder;
  std::getline(in, holder);
  return holder.empty() ? "another process" : holder;
}

void WriteWriterFile(const std::string& dir) { std::ofstream(WriterFile(dir), std::ios::trunc) << SelfDescription() << '\n'; }

void RemoveWriterFile(const std::string& dir) {
  std::error_code ec;
  fs::remove(WriterFile(dir), ec);
}

}  // namespace vnkg::storage
