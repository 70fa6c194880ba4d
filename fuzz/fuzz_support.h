// Helpers shared by the libFuzzer targets (fuzz/*.cc).
#pragma once

#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace vnkg::fuzz {

// A directory of this process's own, removed when the process exits. The
// reader only takes paths, so each input is written into it as a file; one
// directory per process keeps `-jobs`/`-fork` workers from overwriting each
// other's inputs.
// (Never destroyed, so the atexit handler cannot outlive the string; a crash
// exits without atexit and leaves the directory behind, with one input in it.)
inline const std::string& ScratchDir() {
  static const std::string* const dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "vnkg-fuzz-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      std::perror("vnkg fuzz: mkdtemp");
      std::abort();
    }
    return new std::string(tmpl);
  }();
  static const bool cleanup_registered = [] {
    return std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*dir, ec);
    }) == 0;
  }();
  (void)cleanup_registered;
  return *dir;
}

// Writes `bytes` to `name` inside ScratchDir() and returns the path. A write
// that fails is the machine's problem, not the input's: abort loudly rather
// than let the target silently test nothing.
inline std::string WriteScratchFile(const std::string& name, std::string_view bytes) {
  const std::string path = ScratchDir() + "/" + name;
  // A new file, not the last one truncated: ext4 flushes a truncated-and-
  // rewritten file to disk on close (auto_da_alloc), which made each input
  // wait on the disk.
  std::remove(path.c_str());
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fclose(f) != 0) {
    std::perror(("vnkg fuzz: writing " + path).c_str());
    std::abort();
  }
  return path;
}

// A broken invariant (not a crash the sanitizers would see): say which, and
// stop so that libFuzzer saves the input.
[[noreturn]] inline void Fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "vnkg fuzz: invariant broken: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

}  // namespace vnkg::fuzz
