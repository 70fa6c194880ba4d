// A one-line progress bar on stderr for long reads (`vnkg ingest`): done/total
// bytes, percent and MB/s, redrawn at most ten times a second, and only when
// stderr is a terminal.
#pragma once

#include <chrono>
#include <cstdint>

namespace vnkg {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar() { Finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void Update(std::uint64_t done, std::uint64_t total);
  // Clears the bar so that a message prints on a clean line; the next Update redraws it.
  void Clear();
  // Clears the bar for good.
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace vnkg
