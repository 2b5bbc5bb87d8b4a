#pragma once
// Letter case of UTF-8 text for Russian and Latin letters (the locale-free subset we need).

#include <string>
#include <string_view>

namespace nastavnik::text {

std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
/// First letter upper case, the rest unchanged: "заведующий" → "Заведующий".
std::string capitalize(std::string_view s);

/// A phrase put after a colon or inside a sentence: its first letter lower case, unless the word is
/// an abbreviation or an initial («ВПР», «И.О. Фамилия»: the second character is not a lower-case
/// letter); a one-letter word («В ходе …») is lowered too.
std::string lower_first(std::string_view s);

/// At most `max_chars` characters of s (UTF-8 aware), with "…" if it was cut.
std::string shorten(std::string_view s, std::size_t max_chars);

/// UTF-8 ⇄ code points, for rules that look at neighbouring characters (typography).
std::u32string to_code_points(std::string_view s);
std::string to_utf8(std::u32string_view s);

/// First UTF-8 character of s ("" if empty).
std::string first_char(std::string_view s);

}  // namespace nastavnik::text
