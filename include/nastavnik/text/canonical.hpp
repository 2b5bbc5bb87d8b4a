#pragma once
// Text typed by people compared as people mean it: case, «ё», dashes, spaces and Latin letters
// that look Cyrillic («Бийcк» with a Latin «c») do not make two values different.

#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::text {

/// Lower case, «ё» → «е», every dash (‐‑‒–—− and the hyphen) → «-» with the spaces around it
/// kept single, runs of spaces (NBSP too) → one space, no leading/trailing space, and inside a
/// word that has a Cyrillic letter the Latin letters that print alike (A a B C c E e H K k M O o P p T X x Y y) →
/// Cyrillic — in every word, when the text has Cyrillic letters and no Latin letter but those
/// («пpикaз o назначении»: the lone «o» too).
std::string canonical_form(std::string_view s);

/// The words of `s` that mix Cyrillic and Latin letters, each with the Latin letters it holds:
/// «пeдагог» → {«пeдагог», «e»}.
struct MixedWord {
    std::string word;
    std::string latin;  // the Latin letters, in order of appearance, without repeats
};
std::vector<MixedWord> mixed_script_words(std::string_view s);

/// Distance between two strings in code points (insertions, deletions, substitutions).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

}  // namespace nastavnik::text
