// Errors as values across module boundaries.
//
// A Status is OK or carries a code and a message that names the file, line,
// key or place involved. Result<T> is a value or a non-OK Status. Neither
// throws; both are [[nodiscard]] so a dropped error is a compiler warning.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace vnkg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad input from the caller or a file: message says where
    kNotFound,
    kIoError,          // the file system or RocksDB refused
    kCorruption,       // stored bytes do not decode
    kVersionMismatch,  // a database of another schema version
    kBusy,             // another process holds the writer lock
    kUnsupported,      // a recognised but unimplemented feature
    kAborted,          // cancelled (Ctrl-C) or a resource limit was reached
    kDeadlineExceeded, // a time limit (--timeout) passed before the work was done
  };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }
  static Status VersionMismatch(std::string m) { return Status(Code::kVersionMismatch, std::move(m)); }
  static Status Busy(std::string m) { return Status(Code::kBusy, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(Code::kUnsupported, std::move(m)); }
  static Status Aborted(std::string m) { return Status(Code::kAborted, std::move(m)); }
  static Status DeadlineExceeded(std::string m) { return Status(Code::kDeadlineExceeded, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok" or the message; for printing to a user.
  std::string ToString() const { return ok() ? std::string("ok") : message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result without a value needs an error status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vnkg

// Returns early from the enclosing function when `expr` is not OK.
#define VNKG_RETURN_IF_ERROR(expr)          \
  do {                                      \
    ::vnkg::Status vnkg_status_ = (expr);   \
    if (!vnkg_status_.ok()) return vnkg_status_; \
  } while (0)
