// Stage 1, segments; see segments.h.
#include "segments.h"

#include <cctype>

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dates.h"
#include "sentences.h"
#include "tokens.h"
#include "vnkg/model/text.h"

namespace vnkg::stage {

using namespace std::string_view_literals;

bool IsImageFileName(std::string_view line) {
  if (line.find(' ') != std::string_view::npos) return false;
  std::string lower(line);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* ext : {".jpg", ".jpeg", ".png", ".gif", ".webp"})
    if (EndsWith(lower, ext)) return true;
  return false;
}

bool IsFurniture(std::string_view line, const std::string& folded) {
  if (line.size() >= 200) return false;
  if (line.find('@') != std::string_view::npos) return true;
  for (const char* head : {"• email", "email:", "• điện thoại", "điện thoại:", "fax:", "• đơn vị trực thuộc", "hotline"})
    if (folded.find(head) != std::string::npos && folded.size() < 200) return true;
  int digits = 0;
  for (char c : line) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
  return line.size() < 60 && digits >= 8 && digits * 2 > static_cast<int>(line.size());
}

bool StripCaptionMarks(std::string_view& line) {
  bool caption = false;
  if (EndsWith(line, "|")) {
    line.remove_suffix(1);
    line = Trim(line);
    caption = true;
  }
  // Every credit contains "Ảnh", and the credits only ever shorten the line:
  // a tail without it has none (most lines), so the seven searches are skipped.
  if (line.substr(line.size() > 60 ? line.size() - 60 : 0).find("Ảnh") == std::string_view::npos) return caption;
  for (const char* credit : {"Ảnh:", "Ảnh :", "(Ảnh", "ẢnhTTXVN", "Ảnh TTXVN", "Ảnh minh họa", "Ảnh minh hoạ"}) {
    // A credit closes the line: look only at its tail.
    const std::size_t tail = line.size() > 60 ? line.size() - 60 : 0;
    const std::size_t found = line.substr(tail).rfind(credit);
    const std::size_t at = found == std::string_view::npos ? found : tail + found;
    if (at != std::string_view::npos && at > 0) {
      line = Trim(line.substr(0, at));
      caption = true;
    }
  }
  return caption;
}

std::size_t GluedCreditEnd(std::string_view line) {
  for (std::size_t at = line.find("Ảnh"); at != std::string_view::npos; at = line.find("Ảnh", at + 1)) {
    std::size_t k = at + std::string_view("Ảnh").size();
    while (k < line.size() && (line[k] == ' ' || line[k] == ':')) ++k;
    // The agency's capitals (ASCII and "Đ"), then a word that starts with the run's last capital.
    const std::size_t run = k;
    std::size_t last = k;
    while (k < line.size()) {
      if (line[k] >= 'A' && line[k] <= 'Z') {
        last = k++;
      } else if (line.substr(k, 2) == "Đ"sv) {
        last = k;
        k += 2;
      } else {
        break;
      }
    }
    // At least two capitals before the word, and a lower-case letter after its capital.
    bool lower_next = false;
    if (k < line.size()) {
      int32_t i = static_cast<int32_t>(k);
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), i, static_cast<int32_t>(line.size()), c);
      lower_next = c >= 0 && u_islower(c);
    }
    if (last >= run + 2 && lower_next) return last;
  }
  return std::string_view::npos;
}

void Segment(const Document& doc, DocumentView& view) {
  std::string_view text = doc.text;
  std::vector<std::pair<std::string_view, std::size_t>> lines;  // line, offset
  if (!doc.title.empty()) lines.emplace_back(doc.title, 0);   // offset 0: the title is not in text
  for (std::size_t pos = 0; pos <= text.size();) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    std::size_t line_pos = pos;
    // A credit glued to the next sentence ends a caption: the rest is a line of its own.
    for (std::size_t cut = GluedCreditEnd(line); cut != std::string_view::npos; cut = GluedCreditEnd(line)) {
      lines.emplace_back(line.substr(0, cut), line_pos);
      line.remove_prefix(cut);
      line_pos += cut;
    }
    lines.emplace_back(line, line_pos);
    pos = nl + 1;
  }
  SegmentKind mode = SegmentKind::kBody;
  std::unordered_set<std::size_t> seen_lines;  // hashes of the lines read, to drop repeats
  int number = 0;
  for (auto [raw, offset] : lines) {
    ++number;
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    const std::size_t line_offset = offset + static_cast<std::size_t>(line.data() - raw.data());
    // Comment boxes, teaser headers, contact lines and update stamps are short
    // lines: only those are folded (a paragraph starting "Bình luận về ..." is body).
    const bool short_line = line.size() < 120;
    const std::string folded = short_line ? FoldCachedWords(line) : std::string();
    if (StartsWith(folded, "ý kiến bạn đọc") || StartsWith(folded, "bình luận") || StartsWith(folded, "gửi bình luận"))
      break;  // the comment box ends the article
    if (folded == "đọc thêm"sv || StartsWith(folded, "tin liên quan") || StartsWith(folded, "bài liên quan") ||
        StartsWith(folded, "tin cùng chuyên mục") || StartsWith(folded, "xem thêm")) {
      mode = SegmentKind::kTeaser;
      continue;
    }
    if (IsImageFileName(line) || IsFurniture(line, folded)) continue;
    const std::string_view head = line.substr(0, 80);
    if (short_line ? folded.find("cập nhật") != std::string::npos
                   : (head.find("Cập nhật") != std::string_view::npos || head.find("cập nhật") != std::string_view::npos)) {
      for (const Token& t : Tokenize(line, 0))
        if (auto dm = ParseDateToken(t.text); dm && dm->year) view.update_year = std::to_string(dm->year);
      if (line.size() < 40) continue;
    }
    if (!seen_lines.insert(std::hash<std::string_view>()(line)).second) continue;  // a caption repeating a line
    const bool caption = StripCaptionMarks(line);
    const SegmentKind kind = mode == SegmentKind::kTeaser ? mode : caption ? SegmentKind::kCaption : SegmentKind::kBody;
    std::vector<Token> line_tokens = Tokenize(line, 0);
    const std::vector<SentenceSpan> spans = SplitSentences(line, line_tokens);
    for (const SentenceSpan& span : spans) {
      std::string_view sentence = Trim(line.substr(span.begin, span.end - span.begin));
      if (sentence.empty()) continue;
      Sentence s;
      if (spans.size() == 1 && span.first_token == 0 && span.end_token == line_tokens.size())
        s.tokens = std::move(line_tokens);  // a line of one sentence (a title, most captions) keeps its tokens in place
      else
        s.tokens.assign(std::make_move_iterator(line_tokens.begin() + span.first_token),
                        std::make_move_iterator(line_tokens.begin() + span.end_token));
      s.text = std::string(sentence);
      s.line_begin = static_cast<std::size_t>(sentence.data() - line.data());
      s.offset = line_offset + static_cast<std::size_t>(sentence.data() - line.data());
      s.kind = kind;
      s.line = number;
      view.sentences.push_back(std::move(s));
    }
  }
}

}  // namespace vnkg::stage
