// Prints every row of a vnkg database, column family by column family, as
// "family<TAB>hex(key)<TAB>hex(value)", documents with their time of ingest
// (the 8 bytes after content hash, title, date and url: store/src/encoding.cc,
// EncodeDocument) zeroed. Two databases made from the same input by two
// binaries must print the same lines: `diff <(db_rows A) <(db_rows B)`.
// Build: g++ -std=c++20 -O2 scripts/db_rows.cc -lrocksdb -o build/db_rows
#include <rocksdb/db.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {
std::string Hex(const rocksdb::Slice& s) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : std::string_view(s.data(), s.size())) out += digits[c >> 4], out += digits[c & 15];
  return out;
}

// Zeroes ingested_at in a document value; false when the value is too short.
bool MaskIngestTime(std::string& v) {
  std::size_t at = 0;
  for (int i = 0; i < 4; ++i) {  // content hash, title, date, url: u32 length + bytes each
    if (at + 4 > v.size()) return false;
    std::uint32_t n = 0;
    for (int b = 0; b < 4; ++b) n |= std::uint32_t(static_cast<unsigned char>(v[at + b])) << (8 * b);
    at += 4 + n;
  }
  if (at + 8 > v.size()) return false;
  for (int b = 0; b < 8; ++b) v[at + b] = 0;
  return true;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return std::fprintf(stderr, "usage: db_rows DB\n"), 2;
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), argv[1], &names);
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (const auto& n : names) families.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), argv[1], families, &handles, &raw);
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  std::unique_ptr<rocksdb::DB> db(raw);
  for (std::size_t i = 0; i < handles.size(); ++i) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string v = it->value().ToString();
      if (names[i] == "documents" && !MaskIngestTime(v)) return std::fprintf(stderr, "short document row\n"), 1;
      std::printf("%s\t%s\t%s\n", names[i].c_str(), Hex(it->key()).c_str(), Hex(v).c_str());
    }
    if (!it->status().ok()) return std::fprintf(stderr, "%s\n", it->status().ToString().c_str()), 1;
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  return 0;
}
