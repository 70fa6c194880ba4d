// The SPARQL tokenizer (sparql_lexer.h).
#include "sparql_lexer.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <sstream>

namespace vnkg::sparql {
namespace {

bool IsNameByte(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  std::vector<Token> Run() {
    std::vector<Token> out;
    for (;;) {
      SkipSpaceAndComments();
      Token t;
      t.offset = i_;
      if (i_ >= s_.size()) {
        out.push_back(t);
        return out;
      }
      Next(t);
      out.push_back(std::move(t));
    }
  }

 private:
  [[noreturn]] void Fail(std::size_t at, const std::string& what) {
    throw ParseError{Status::Code::kInvalidArgument, what, at};
  }
  char Peek(std::size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

  void SkipSpaceAndComments() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i_;
      } else if (c == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  void Next(Token& t) {
    const char c = Peek();
    if (c == '<' && TryIri(t)) return;
    if (c == '?' || c == '$') {
      if (IsNameByte(static_cast<unsigned char>(Peek(1)))) {
        ++i_;
        t.kind = Tok::kVar;
        while (i_ < s_.size() && IsNameByte(static_cast<unsigned char>(s_[i_]))) t.text += s_[i_++];
        return;
      }
    }
    if (c == '"' || c == '\'') return String(t);
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(Peek(1))))) return Number(t);
    if (c == '@' && std::isalpha(static_cast<unsigned char>(Peek(1)))) {
      ++i_;
      t.kind = Tok::kLangTag;
      while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-')) t.text += s_[i_++];
      return;
    }
    if (c == '_' && Peek(1) == ':') {
      i_ += 2;
      t.kind = Tok::kBlank;
      while (i_ < s_.size() && IsNameByte(static_cast<unsigned char>(s_[i_]))) t.text += s_[i_++];
      return;
    }
    if (IsNameByte(static_cast<unsigned char>(c)) || c == ':') return Name(t);
    static const char* const kTwo[] = {"!=", "<=", ">=", "&&", "||", "^^"};
    for (const char* two : kTwo) {
      if (c == two[0] && Peek(1) == two[1]) {
        t.kind = Tok::kPunct;
        t.text = two;
        i_ += 2;
        return;
      }
    }
    if (std::string_view("{}()[].;,*=<>!+-/^|?").find(c) != std::string_view::npos) {
      t.kind = Tok::kPunct;
      t.text = std::string(1, c);
      ++i_;
      return;
    }
    Fail(i_, std::string("unexpected character '") + CharAt(i_) + "'");
  }

  std::string CharAt(std::size_t at) const {
    std::size_t end = at + 1;
    while (end < s_.size() && (static_cast<unsigned char>(s_[end]) & 0xC0) == 0x80) ++end;
    return std::string(s_.substr(at, end - at));
  }

  // An IRIREF; false (nothing consumed) when '<' is a comparison instead.
  bool TryIri(Token& t) {
    std::size_t j = i_ + 1;
    std::string iri;
    while (j < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[j]);
      if (c == '>') {
        t.kind = Tok::kIri;
        t.text = std::move(iri);
        i_ = j + 1;
        return true;
      }
      if (c <= 0x20 || std::string_view("<\"{}|^`\\").find(static_cast<char>(c)) != std::string_view::npos) return false;
      iri += static_cast<char>(c);
      ++j;
    }
    return false;
  }

  void String(Token& t) {
    const char q = Peek();
    const bool is_long = Peek(1) == q && Peek(2) == q;
    const std::size_t start = i_;
    i_ += is_long ? 3 : 1;
    t.kind = Tok::kString;
    for (;;) {
      if (i_ >= s_.size()) Fail(start, "unterminated string");
      const char c = s_[i_];
      if (is_long) {
        if (c == q && Peek(1) == q && Peek(2) == q) {
          i_ += 3;
          return;
        }
      } else {
        if (c == q) {
          ++i_;
          return;
        }
        if (c == '\n' || c == '\r') Fail(start, "unterminated string (a line ends inside it)");
      }
      if (c == '\\') {
        const char e = Peek(1);
        const std::size_t at = i_;
        i_ += 2;
        switch (e) {
          case 't': t.text += '\t'; break;
          case 'b': t.text += '\b'; break;
          case 'n': t.text += '\n'; break;
          case 'r': t.text += '\r'; break;
          case 'f': t.text += '\f'; break;
          case '"': t.text += '"'; break;
          case '\'': t.text += '\''; break;
          case '\\': t.text += '\\'; break;
          case 'u':
          case 'U': {
            const std::size_t n = e == 'u' ? 4 : 8;
            std::uint32_t cp = 0;
            for (std::size_t k = 0; k < n; ++k) {
              const char h = Peek();
              if (!std::isxdigit(static_cast<unsigned char>(h))) Fail(at, "bad \\u escape in a string");
              cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
              ++i_;
            }
            AppendUtf8(t.text, cp);
            break;
          }
          default:
            Fail(at, "unknown escape in a string");
        }
        continue;
      }
      t.text += c;
      ++i_;
    }
  }

  void Number(Token& t) {
    t.kind = Tok::kInteger;
    while (std::isdigit(static_cast<unsigned char>(Peek()))) t.text += s_[i_++];
    if (Peek() == '.' && std::isdigit(static_cast<unsigned char>(Peek(1)))) {
      t.kind = Tok::kDecimal;
      t.text += s_[i_++];
      while (std::isdigit(static_cast<unsigned char>(Peek()))) t.text += s_[i_++];
    }
    if ((Peek() == 'e' || Peek() == 'E') &&
        (std::isdigit(static_cast<unsigned char>(Peek(1))) ||
         ((Peek(1) == '+' || Peek(1) == '-') && std::isdigit(static_cast<unsigned char>(Peek(2)))))) {
      t.kind = Tok::kDouble;
      t.text += s_[i_++];
      t.text += s_[i_++];
      while (std::isdigit(static_cast<unsigned char>(Peek()))) t.text += s_[i_++];
    }
  }

  // A keyword, `a`, true/false, or a prefixed name (prefix:local).
  void Name(Token& t) {
    std::string word;
    while (i_ < s_.size() && (IsNameByte(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' ||
                              (s_[i_] == '.' && i_ + 1 < s_.size() && IsNameByte(static_cast<unsigned char>(s_[i_ + 1])))))
      word += s_[i_++];
    if (Peek() != ':') {
      t.kind = Tok::kWord;
      t.text = std::move(word);
      return;
    }
    ++i_;
    t.kind = Tok::kPname;
    t.text = std::move(word);
    // PN_LOCAL: name characters, '-', ':', '%xx', '\'-escapes, and '.' when not last.
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (IsNameByte(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '%') {
        t.local += c;
        ++i_;
      } else if (c == '\\' && i_ + 1 < s_.size()) {
        t.local += s_[i_ + 1];
        i_ += 2;
      } else if (c == '.' && i_ + 1 < s_.size() &&
                 (IsNameByte(static_cast<unsigned char>(s_[i_ + 1])) || s_[i_ + 1] == '-' || s_[i_ + 1] == ':')) {
        t.local += c;
        ++i_;
      } else {
        break;
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

bool Iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<Token> Tokenize(std::string_view text) { return Lexer(text).Run(); }

// "line L, column C: message", then the line and a caret under column C.
std::string Locate(std::string_view text, std::size_t offset, const std::string& message) {
  offset = std::min(offset, text.size());
  if (offset == text.size())  // the end: point just after the last word rather than at a blank line
    while (offset > 0 && std::isspace(static_cast<unsigned char>(text[offset - 1]))) --offset;
  const std::size_t line_start = text.rfind('\n', offset == 0 ? std::string_view::npos : offset - 1);
  const std::size_t begin = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t line_no = static_cast<std::size_t>(std::count(text.begin(), text.begin() + begin, '\n')) + 1;
  // Columns count characters, not bytes; tabs are kept so the caret lines up.
  std::string pad;
  std::size_t column = 1;
  for (std::size_t i = begin; i < offset && i < end; ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if ((ch & 0xC0) == 0x80) continue;
    ++column;
    pad += ch == '\t' ? '\t' : ' ';
  }
  std::ostringstream out;
  out << "line " << line_no << ", column " << column << ": " << message << "\n  " << line << "\n  " << pad << '^';
  return out.str();
}


}  // namespace vnkg::sparql
