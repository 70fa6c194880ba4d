#include "vnkg/shell/progress.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace vnkg {

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

void ProgressBar::Update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100) && done < total) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double fraction = total ? std::min(1.0, double(done) / double(total)) : 0.0;
  const int filled = static_cast<int>(fraction * 30);
  // Appended rather than built with operator+: GCC 12 warns falsely (-Wrestrict) on that chain.
  std::string bar(1, '[');
  bar.append(filled, '#').append(30 - filled, '.') += ']';
  std::fprintf(stderr, "\r%s %5.1f%%  %.1f MB  %.1f MB/s ", bar.c_str(), fraction * 100, done / 1e6,
               seconds > 0 ? done / 1e6 / seconds : 0.0);
  drawn_ = true;
}

void ProgressBar::Clear() {
  if (drawn_) std::fprintf(stderr, "\r%80s\r", "");
}

void ProgressBar::Finish() {
  Clear();
  drawn_ = false;
}

}  // namespace vnkg
