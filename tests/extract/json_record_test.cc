// ReadFlatJsonRecord against nlohmann::json: the same fields where it reads
// a record, nullopt (the full parser decides) for everything else.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "../../extract/src/json_record.h"

namespace vnkg {
namespace {

// The fields nlohmann::json reads from `line`, as the document reader keeps them.
JsonRecordFields ByNlohmann(const std::string& line) {
  const nlohmann::json j = nlohmann::json::parse(line);
  JsonRecordFields fields;
  for (auto [key, field] : {std::pair{"id", &fields.id}, {"title", &fields.title}, {"date", &fields.date},
                            {"url", &fields.url}, {"text", &fields.text}})
    if (auto it = j.find(key); it != j.end() && it->is_string()) *field = it->get<std::string>();
  return fields;
}

void RequireSameAsNlohmann(const std::string& line) {
  INFO(line);
  const std::optional<JsonRecordFields> fast = ReadFlatJsonRecord(line);
  REQUIRE(fast.has_value());
  const JsonRecordFields slow = ByNlohmann(line);
  CHECK(fast->id == slow.id);
  CHECK(fast->title == slow.title);
  CHECK(fast->date == slow.date);
  CHECK(fast->url == slow.url);
  CHECK(fast->text == slow.text);
}

TEST_CASE("json_record: flat records of strings read as nlohmann::json reads them") {
  RequireSameAsNlohmann(R"({"id":"a1","title":"Hội nghị","date":"2025-01-06","url":"http://x/y","text":"Ngày 6/1"})");
  RequireSameAsNlohmann(R"(  { "text" : "một\ndòng\t\"trích\" \\ \/ \b\f\r" , "id" : "x" }  )");
  RequireSameAsNlohmann(R"({"id":"u","text":"\u0048\u00e0 N\u1ed9i \ud83d\ude00 \u0000 end"})");
  RequireSameAsNlohmann(R"({"id":"k","other":"ignored \"quoted\"","text":""})");
  RequireSameAsNlohmann("{\"id\":\"r\",\"text\":\"tab\"}\r");
  RequireSameAsNlohmann("{}");
  RequireSameAsNlohmann(R"({"id":"n","url":null,"date":null,"flag":true,"other":false,"text":"x"})");
  RequireSameAsNlohmann(R"({"id":"n","title":true,"text":null})");
}

TEST_CASE("json_record: escapes and quotes at every position of a long value") {
  // The value is scanned eight bytes at a time: put the special byte at each offset.
  for (const char* special : {"\\\"", "\\n", "\\u1ea0", "\\\\", "Ả"}) {
    for (std::size_t at = 0; at <= 24; ++at) {
      std::string value(24, 'a');
      value.insert(at, special);
      RequireSameAsNlohmann(R"({"id":"p","text":")" + value + R"("})");
    }
  }
  for (std::size_t at = 0; at <= 24; ++at) {  // a raw control byte anywhere: the full parser decides
    std::string value(24, 'a');
    value.insert(at, "\x01");
    CHECK_FALSE(ReadFlatJsonRecord(R"({"id":"p","text":")" + value + R"("})").has_value());
  }
}

TEST_CASE("json_record: anything else is left to the full parser") {
  for (const char* line : {
           R"({"id":1,"text":"a number id"})",
           R"({"id":"a","text":"x","tags":["nested"]})",
           R"({"id":"a","text":"x","n":1.5})",
           R"({"id":"a","text":"x","n":nul})",
           R"({"id":"a","text":"x","n":nullx})",
           R"({"id":"a","url":null,"url":"again","text":"x"})",
           R"({"id":"a","id":"b","text":"repeated key"})",
           R"({"id":"a","text":"lone \ud800 surrogate"})",
           R"({"id":"a","text":"lone \udc00 low"})",
           R"({"id":"a","text":"bad \x escape"})",
           R"({"id":"a","text":"short \u12"})",
           "{\"id\":\"a\",\"text\":\"raw\ttab\"}",
           R"({"id":"a","text":"x"} trailing)",
           R"({"id":"a","text":"x",})",
           R"({"id":"a","text":"unterminated)",
           R"(["id","a"])",
           "\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"x\"}",
       }) {
    INFO(line);
    CHECK_FALSE(ReadFlatJsonRecord(line).has_value());
  }
}

}  // namespace
}  // namespace vnkg
