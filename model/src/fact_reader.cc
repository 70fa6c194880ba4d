#include "vnkg/model/fact_reader.h"

#include <simdjson.h>

#include <string>
#include <utility>

#include "vnkg/model/utf8.h"

namespace vnkg {
namespace {

namespace od = simdjson::ondemand;

// The fields an entity object may carry (docs/facts.md), each a string or
// empty. Kept in the reader between lines so that their storage is reused.
struct EntityFields {
  bool is_object = false;
  std::string type, name, date, province, event_date, mention, about, title, organization, holder;

  void Clear() {
    is_object = false;
    for (std::string* s : {&type, &name, &date, &province, &event_date, &mention, &about, &title, &organization, &holder})
      s->clear();
  }
  // The string member `key` names, or nullptr for a member of no interest.
  std::string* Field(std::string_view key) {
    if (key == "type") return &type;
    if (key == "name") return &name;
    if (key == "date") return &date;
    if (key == "province") return &province;
    if (key == "event_date") return &event_date;
    if (key == "mention") return &mention;
    if (key == "about") return &about;
    if (key == "title") return &title;
    if (key == "organization") return &organization;
    if (key == "holder") return &holder;
    return nullptr;
  }
};

// What went wrong in the JSON, in words a user can act on.
const char* Describe(simdjson::error_code error) {
  switch (error) {
    case simdjson::UNCLOSED_STRING: return "a string is not closed";
    case simdjson::UTF8_ERROR: return "invalid UTF-8";
    case simdjson::UNESCAPED_CHARS: return "a control character inside a string (it must be escaped)";
    case simdjson::STRING_ERROR: return "a bad escape in a string";
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return "a malformed number, or one out of range";
    case simdjson::T_ATOM_ERROR: return "a malformed 'true'";
    case simdjson::F_ATOM_ERROR: return "a malformed 'false'";
    case simdjson::N_ATOM_ERROR: return "a malformed 'null'";
    case simdjson::DEPTH_ERROR: return "nested too deeply";
    case simdjson::EMPTY: return "nothing but white space";
    case simdjson::TRAILING_CONTENT: return "something after the object";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "an object or array is not closed";
    default: return "unexpected or missing character";
  }
}

}  // namespace

class FactLineReader::Impl {
 public:
  Status Read(std::string_view line, Fact& fact) {
    // An initial byte order mark is allowed (as the DOM reader allowed it).
    std::size_t skipped = 0;
    if (line.substr(0, 3) == "\xEF\xBB\xBF") {
      line.remove_prefix(3);
      skipped = 3;
    }
    // A NUL byte ends the line: the DOM reader took it for the end of its
    // input, so `{...}<NUL>anything` was a fact, and a NUL inside a string
    // left the string unclosed. Cutting there keeps both verdicts.
    if (const auto nul = line.find('\0'); nul != std::string_view::npos) line = line.substr(0, nul);
    // simdjson reads up to SIMDJSON_PADDING bytes past the end of its input.
    buffer_.assign(line);
    buffer_.append(simdjson::SIMDJSON_PADDING, '\0');
    od::document doc;
    if (auto error = parser_.iterate(buffer_.data(), line.size(), buffer_.size()).get(doc))
      return Invalid(error, nullptr, line, skipped);
    od::json_type root_type;
    if (auto error = doc.type().get(root_type)) return Invalid(error, &doc, line, skipped);
    if (root_type != od::json_type::object) return Status::InvalidArgument("not a JSON object");
    od::object root;
    if (auto error = doc.get_object().get(root)) return Invalid(error, &doc, line, skipped);

    subject_.Clear();
    object_.Clear();
    fact.predicate.clear();
    fact.doc.clear();
    fact.evidence.clear();
    fact.date.clear();
    fact.by.clear();
    fact.sentence_offset = 0;
    fact.confidence = 1.0f;
    for (auto member : root) {
      od::field field;
      std::string_view key;
      if (auto error = std::move(member).get(field)) return Invalid(error, &doc, line, skipped);
      if (auto error = field.unescaped_key().get(key)) return Invalid(error, &doc, line, skipped);
      od::value value = field.value();
      simdjson::error_code error = simdjson::SUCCESS;
      if (key == "subject") error = ReadEntity(value, subject_);
      else if (key == "object") error = ReadEntity(value, object_);
      else if (key == "predicate") error = ReadString(value, fact.predicate, 1);
      else if (key == "doc") error = ReadString(value, fact.doc, 1);
      else if (key == "evidence") error = ReadString(value, fact.evidence, 1);
      else if (key == "date") error = ReadString(value, fact.date, 1);
      else if (key == "by") error = ReadString(value, fact.by, 1);
      else if (key == "confidence") error = ReadConfidence(value, fact.confidence);
      else error = Check(value, 1);
      if (error) return Invalid(error, &doc, line, skipped);
    }
    // Any token left after the object is trailing content (white space is
    // no token). simdjson 3.0 has no document::at_end().
    if (const char* at = nullptr; !doc.current_location().get(at))
      return Invalid(simdjson::TRAILING_CONTENT, &doc, line, skipped);

    // The checks of the DOM reader, in its order.
    VNKG_RETURN_IF_ERROR(MakeEntity(subject_, "subject", fact.subject));
    VNKG_RETURN_IF_ERROR(MakeEntity(object_, "object", fact.object));
    if (!IsKnownPredicate(fact.predicate))
      return Status::InvalidArgument("predicate: unknown predicate '" + fact.predicate + "'");
    return Status::Ok();
  }

 private:
  // Checks a value the fact does not use: all of it must be valid JSON.
  // Recursive, hence the depth limit.
  simdjson::error_code Check(od::value value, std::size_t depth) {
    if (depth > kMaxFactNesting) return simdjson::DEPTH_ERROR;
    od::json_type type;
    if (auto error = value.type().get(type)) return error;
    switch (type) {
      case od::json_type::object: {
        od::object object;
        if (auto error = value.get_object().get(object)) return error;
        for (auto member : object) {
          od::field field;
          std::string_view key;
          if (auto error = std::move(member).get(field)) return error;
          if (auto error = field.unescaped_key().get(key)) return error;
          if (auto error = Check(field.value(), depth + 1)) return error;
        }
        return simdjson::SUCCESS;
      }
      case od::json_type::array: {
        od::array array;
        if (auto error = value.get_array().get(array)) return error;
        for (auto element : array) {
          od::value item;
          if (auto error = element.get(item)) return error;
          if (auto error = Check(item, depth + 1)) return error;
        }
        return simdjson::SUCCESS;
      }
      case od::json_type::string: {
        std::string_view s;
        return value.get_string().get(s);
      }
      case od::json_type::number: {
        // As a double: any valid number parses, however many digits it has;
        // one beyond the double range is an error, as it was for the DOM.
        double d;
        return value.get_double().get(d);
      }
      case od::json_type::boolean: {
        bool b;
        return value.get_bool().get(b);
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto error = value.is_null().get(is_null)) return error;
        return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
      }
    }
    return simdjson::TAPE_ERROR;
  }

  // A string member: its text; any other value (checked) leaves it empty.
  simdjson::error_code ReadString(od::value value, std::string& target, std::size_t depth) {
    od::json_type type;
    if (auto error = value.type().get(type)) return error;
    if (type != od::json_type::string) {
      target.clear();
      return Check(value, depth);
    }
    std::string_view s;
    if (auto error = value.get_string().get(s)) return error;
    target.assign(s);
    return simdjson::SUCCESS;
  }

  simdjson::error_code ReadConfidence(od::value value, float& confidence) {
    od::json_type type;
    if (auto error = value.type().get(type)) return error;
    if (type != od::json_type::number) {
      confidence = 1.0f;
      return Check(value, 1);
    }
    double d;
    if (auto error = value.get_double().get(d)) return error;
    // Only a confidence in 0..1 is one (fact.h); any other number (1e99 would
    // be inf as a float) is ignored like an unknown extra field. A later
    // "confidence" replaces an earlier one, as the last member wins.
    confidence = (d >= 0.0 && d <= 1.0) ? static_cast<float>(d) : 1.0f;
    return simdjson::SUCCESS;
  }

  // "subject" / "object": a later one replaces an earlier one whole.
  simdjson::error_code ReadEntity(od::value value, EntityFields& fields) {
    fields.Clear();
    od::json_type type;
    if (auto error = value.type().get(type)) return error;
    if (type != od::json_type::object) return Check(value, 1);
    fields.is_object = true;
    od::object object;
    if (auto error = value.get_object().get(object)) return error;
    for (auto member : object) {
      od::field field;
      std::string_view key;
      if (auto error = std::move(member).get(field)) return error;
      if (auto error = field.unescaped_key().get(key)) return error;
      std::string* target = fields.Field(key);
      if (auto error = target ? ReadString(field.value(), *target, 2) : Check(field.value(), 2)) return error;
    }
    return simdjson::SUCCESS;
  }

  static Status MakeEntity(EntityFields& fields, const char* where, Entity& entity) {
    if (!fields.is_object) return Status::InvalidArgument(std::string(where) + ": not an object");
    auto type = ParseEntityType(fields.type);
    if (!type) return Status::InvalidArgument(std::string(where) + ".type: unknown entity type '" + fields.type + "'");
    entity.type = *type;
    entity.name.clear();
    entity.date.clear();
    entity.province.clear();
    entity.title.clear();
    entity.organization.clear();
    entity.mention.clear();
    entity.about.clear();
    switch (entity.type) {
      case EntityType::kBridgePoint:
        entity.province.swap(fields.province);
        entity.date.swap(fields.event_date);
        entity.mention.swap(fields.mention);
        break;
      case EntityType::kEvent:
        entity.name.swap(fields.name);
        entity.date.swap(fields.date);
        entity.mention.swap(fields.mention);
        entity.about.swap(fields.about);
        break;
      case EntityType::kPosition:
        entity.title.swap(fields.title);
        entity.organization.swap(fields.organization);
        entity.mention.swap(fields.holder);
        break;
      default:
        entity.name.swap(fields.name);
        entity.date.swap(fields.date);
    }
    return Status::Ok();
  }

  // The message of a JSON error, with its column when it is known.
  Status Invalid(simdjson::error_code error, od::document* doc, std::string_view line, std::size_t skipped) {
    std::size_t column = 0;
    if (error == simdjson::UTF8_ERROR) {
      if (const auto at = FirstInvalidUtf8(line); at >= 0) column = static_cast<std::size_t>(at) + 1;
    } else if (doc) {
      const char* at = nullptr;
      if (!doc->current_location().get(at) && at >= buffer_.data() && at <= buffer_.data() + line.size())
        column = static_cast<std::size_t>(at - buffer_.data()) + 1;
    }
    std::string message = "not valid JSON";
    if (column) message += " at column " + std::to_string(column + skipped);
    message += ": ";
    message += Describe(error);
    return Status::InvalidArgument(std::move(message));
  }

  od::parser parser_;
  std::string buffer_;  // the line and simdjson's padding
  EntityFields subject_, object_;
};

FactLineReader::FactLineReader() : impl_(std::make_unique<Impl>()) {}
FactLineReader::~FactLineReader() = default;

Status FactLineReader::Read(std::string_view line, Fact& fact) { return impl_->Read(line, fact); }

}  // namespace vnkg
