// Stage 4, mentions: people with their offices, organizations, places.
// A person is a name (2-4 capitalised syllables, a family name first unless a
// title or honorific introduces it) inside a list item of the sentence (items
// end at , ; : . and "và", "cùng"), with the title spans written before it,
// after a dash, or in the items that follow it; each title span splits into
// title | organization, and a provincial body written without its province
// gets the local one ("UBND tỉnh" -> "UBND tỉnh Bắc Giang"). Places: the
// provinces an article names and its dateline give the article's province.
// Internal to the extract module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document_context.h"

namespace vnkg::stage {

struct PersonMention {
  std::string name;
  std::size_t begin = 0, end = 0;  // token range of the whole item (titles and name)
  std::size_t name_begin = 0;
  std::vector<std::pair<std::string, std::string>> positions;  // title, organization
  std::string role;  // chaired / attended / spoke_at, from cue words
  std::string role2;  // a second cue joined by "và": "dự và phát biểu"
};

// The name starting at token i, as a token range, or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> NameAt(const Gazetteer& g, const std::vector<Token>& tokens,
                                                          const std::vector<std::optional<Mark>>& marks,
                                                          std::size_t i, bool after_title);

// A provincial body named without its province ("Sở Ngoại vụ", "UBND tỉnh")
// gets `province` appended; any other organization is returned as is.
std::string CompleteOrganization(const Gazetteer& g, std::string org, const std::string& province);

// True when a sentence has a title, honorific, rank or role cue: only such
// sentences may name people.
bool MayNamePeople(const Gazetteer& g, const Sentence& sentence);

// The people of a sentence, in order, with their offices.
std::vector<PersonMention> FindPeople(const Gazetteer& g, const Sentence& sentence, const std::string& local_province);

// Counts the provinces each sentence names and reads the dateline
// ("BẮC GIANG - Ngày 6/1, ...") into the view. Sentences must be marked.
void ReadPlaces(const Gazetteer& g, DocumentView& view);

// The dateline's province, else the province named most (twice or more), else "".
std::string ArticleProvince(const DocumentView& view);

}  // namespace vnkg::stage
