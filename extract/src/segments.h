// Stage 1, segments. Cuts a document (its title, then its text line by line)
// into sentences of a kind: body, caption (a photo credit "Ảnh: ..." or a
// trailing "|"), or teaser (after "Đọc thêm", "Tin liên quan", ...). Drops
// image file names, contact furniture and repeated lines; stops at the
// comment box; records the update stamp's year. Sentences come out
// tokenized but not yet marked.
// Internal to the extract module.
#pragma once

#include <string>
#include <string_view>

#include "document_context.h"

namespace vnkg::stage {

// "anh-1.jpg": a line that is one image file name.
bool IsImageFileName(std::string_view line);

// Contact headers and page furniture: e-mail, telephone, "ĐIỆN THOẠI:".
// `folded` is FoldKey(line) for a short line, else empty.
bool IsFurniture(std::string_view line, const std::string& folded);

// Cuts a trailing photo credit ("Ảnh: TTXVN", "ẢnhTTXVN", " |"); true if the line is a caption.
bool StripCaptionMarks(std::string_view& line);

// Fills view.sentences (in document order) and view.update_year.
void Segment(const Document& doc, DocumentView& view);

// Where a photo credit glued to the next sentence ends ("... - Ảnh: TTXVNPhát biểu khai mạc ...": the
// agency's capitals run into the next sentence's first word), so that the line splits there; npos when
// the line has none.
std::size_t GluedCreditEnd(std::string_view line);

}  // namespace vnkg::stage
