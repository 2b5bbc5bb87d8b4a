#pragma once
// Internal: Russian hyphenation points (libhyphen with the hyphen-ru patterns).

#include <string>
#include <vector>

namespace nastavnik::pdf {

/// Lengths of the prefixes after which `word` may be hyphenated (ascending); empty for words
/// that are not all Cyrillic letters or when the dictionary is not installed.
std::vector<std::size_t> hyphenation_points(const std::u32string& word);

}  // namespace nastavnik::pdf
