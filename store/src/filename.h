// The files of a vnkg database, in one place (as LevelDB's filename.h): the
// names RocksDB and vnkg write inside a database directory, the staging
// directories made beside one, and the single-writer lock with the WRITER
// file that names its holder. rocks_store.cc and bulk_loader.cc use these
// and spell no file name of their own.
#pragma once

#include <rocksdb/status.h>
#include <sys/types.h>

#include <cstdint>
#include <string>

namespace vnkg::storage {

// ------------------------------------------------------------ inside a database
// dir/CURRENT: exists once RocksDB has finished making a database there.
std::string CurrentFile(const std::string& dir);
// dir/LOG: RocksDB's informational log (see OpenInfoLog).
std::string InfoLogFile(const std::string& dir);
// Whether a file name is one RocksDB writes before CURRENT (LOCK, LOG,
// IDENTITY, MANIFEST-*, OPTIONS-*, *.log, *.dbtmp) or our WRITER: what a
// process killed while creating a database leaves, not somebody's data.
bool IsCreationLeftover(const std::string& file_name);
// Bytes of the write-ahead logs (NNNNNN.log; the info LOG has no extension).
std::uint64_t WalBytes(const std::string& dir);

// ------------------------------------------------------------ beside a database
// Where `pid` creates a new empty database before renaming it to `dir`.
std::string CreationStagingDir(const std::string& dir, pid_t pid);
// Where `pid` bulk-loads a new database before renaming it to `dir`.
std::string BulkStagingDir(const std::string& dir, pid_t pid);
// The SST file of run `run` for column family `family` in a bulk staging dir.
std::string BulkRunFile(const std::string& staging, std::uint64_t run, const char* family);
// Removes the bulk staging directories of `dir` whose process is gone (loads
// that were killed); those of live processes are left alone.
void RemoveAbandonedBulkStaging(const std::string& dir);
// fsync of a directory, so that a rename in it survives a power cut. Best
// effort: a directory that cannot be opened is passed over.
void SyncDirectory(const std::string& dir);

// ------------------------------------------------------------ the write lock
// RocksDB's LOCK file admits one writer. Its refusal is an IOError that
// mentions the lock ("While lock file: .../LOCK: Resource temporarily
// unavailable", or "lock hold by current process" within one process).
bool IsLockHeld(const rocksdb::Status& s);
// A directory or file system we may not write ("permission denied",
// "read-only file system"); not a held lock.
bool IsPermissionDenied(const rocksdb::Status& s);
// The holder the WRITER file names, or "another process" when it names none.
std::string ReadWriterFile(const std::string& dir);
// Names this process (pid and command line) in dir/WRITER. Call only once the
// lock is ours, so that the file always names the holder.
void WriteWriterFile(const std::string& dir);
// Removes dir/WRITER. Call while the lock is still ours, so that a writer
// that follows can never lose its own WRITER file to us.
void RemoveWriterFile(const std::string& dir);

}  // namespace vnkg::storage
