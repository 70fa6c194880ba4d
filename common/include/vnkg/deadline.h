// When a long query must stop: at a point in time (a --timeout), when a
// cancel flag is set (Ctrl-C), or never.
//
// A query takes a Deadline by value and polls it in its inner loop. Poll()
// costs an increment and a compare; only every kStride-th call reads the
// flag and the clock, so a search may call it once per edge it looks at.
// Once it has said stop it keeps saying so (a search unwinding through
// several loops sees the same answer), and Stop() turns the reason into the
// Status the query returns:
//
//   kDeadlineExceeded  "path search stopped after 2.0 s (--timeout); 81234 vertices visited"
//   kAborted           "path search stopped by Ctrl-C; 81234 vertices visited"
//
// so that a caller never mistakes a stopped search for a complete answer.
// A Deadline is a small value; copies poll independently (one per thread).
#pragma once

#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "vnkg/status.h"

namespace vnkg {

// The process's Ctrl-C flag. A signal handler can reach nothing but a
// global, so there is one for the process; the commands and the REPL set it
// from their SIGINT handlers and clear it when a statement is over.
inline std::atomic<bool>& InterruptFlag() {
  static std::atomic<bool> flag{false};
  return flag;
}

// The time limit of the query commands (path, neighbors, top, query) and
// of each REPL statement unless changed (--timeout, .timeout): long enough
// for any question on the whole corpus, short enough that a runaway query
// gives its answer back before a person gives up on it.
inline constexpr double kDefaultTimeoutSeconds = 30;

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  // Reads the clock and the flag once in this many polls: a clock read is
  // ~20 ns, a graph step a few, so this keeps polling under 1% of a search
  // while the overshoot stays in microseconds.
  static constexpr std::uint32_t kStride = 1024;

  // Never stops (unless a cancel flag is added).
  Deadline() = default;
  // Stops once `budget` has passed from now.
  static Deadline After(Clock::duration budget) {
    Deadline d;
    d.has_end_ = true;
    d.budget_ = budget;
    d.end_ = Clock::now() + budget;
    return d;
  }
  // The command-line convention: `seconds` > 0 is a limit, 0 (or less) none.
  static Deadline Seconds(double seconds) {
    if (!(seconds > 0)) return Deadline();
    return After(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds)));
  }
  // Already passed: every bounded query given it stops at once.
  static Deadline Expired() { return After(Clock::duration::zero()); }

  // Also stop when `*flag` becomes true (it must outlive the deadline).
  Deadline& CancelledBy(const std::atomic<bool>* flag) {
    cancel_ = flag;
    return *this;
  }
  // The setting a user changes to get more time, named in the message
  // ("--timeout" on the command line, ".timeout" in the REPL).
  Deadline& SettingName(const char* name) {
    setting_ = name;
    return *this;
  }

  // True when the query should stop; cheap (see kStride).
  bool Poll() {
    if (why_ != Why::kNone) return true;
    if (++steps_ < kStride) return false;
    steps_ = 0;
    return Check();
  }
  // The same, reading the flag and the clock now: at the start of a query,
  // and between its phases.
  bool Check() {
    if (why_ != Why::kNone) return true;
    if (cancel_ && cancel_->load(std::memory_order_relaxed)) why_ = Why::kCancelled;
    else if (has_end_ && Clock::now() >= end_) why_ = Why::kTimedOut;
    return why_ != Why::kNone;
  }

  bool stopped() const { return why_ != Why::kNone; }
  bool cancelled() const { return why_ == Why::kCancelled; }
  bool bounded() const { return has_end_; }
  double budget_seconds() const { return std::chrono::duration<double>(budget_).count(); }

  // Why the query stopped, as its error: `what` names the work ("path
  // search"), `progress` says how far it got ("81234 vertices visited").
  // REQUIRES: stopped().
  Status Stop(std::string_view what, std::string_view progress) const {
    std::string message(what);
    if (why_ == Why::kCancelled) {
      message += " stopped by Ctrl-C";
    } else {
      const double s = budget_seconds();
      char seconds[32];
      std::snprintf(seconds, sizeof seconds, s >= 0.1 ? "%.1f" : "%g", s);
      message += std::string(" stopped after ") + seconds + " s (" + setting_ + ")";
    }
    if (!progress.empty()) message.append("; ").append(progress);
    return why_ == Why::kCancelled ? Status::Aborted(std::move(message))
                                   : Status::DeadlineExceeded(std::move(message));
  }

 private:
  enum class Why : std::uint8_t { kNone, kTimedOut, kCancelled };
  Clock::time_point end_{};
  Clock::duration budget_{};
  const std::atomic<bool>* cancel_ = nullptr;
  const char* setting_ = "--timeout";
  std::uint32_t steps_ = 0;
  bool has_end_ = false;
  Why why_ = Why::kNone;
};

// For the one-shot commands: the first SIGINT sets InterruptFlag(), so the
// running query stops with its message and the command exits with 130; a
// second SIGINT ends the process at once, in case something does not poll.
// (The REPL installs its own handler: there Ctrl-C never ends the session.)
extern "C" inline void VnkgCancelOnSigint(int) {
  if (InterruptFlag().exchange(true)) {
    ::signal(SIGINT, SIG_DFL);
    ::raise(SIGINT);
  }
}
inline void CancelOnInterrupt() {
  struct sigaction action {};
  action.sa_handler = VnkgCancelOnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in progress carry on; the query polls the flag
  sigaction(SIGINT, &action, nullptr);
}

}  // namespace vnkg
