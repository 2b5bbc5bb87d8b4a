#pragma once
// Agreement of a noun with a number: 1 месяц, 3 месяца, 5 месяцев, 21 наставляемый; lists
// of several things joined as Russian joins them.

#include <string>
#include <vector>

namespace nastavnik::text {

enum class PluralForm { one, few, many };

/// Russian plural category of an integer n (11–14 are "many").
PluralForm plural_form(long n);
/// "3 месяца": n followed by the form of the noun that agrees with it.
std::string with_noun(long n, const std::string& one, const std::string& few, const std::string& many);
/// n with its digits in groups of three from 1 000 up, joined by non-breaking spaces, as a
/// document prints a sum: «3 000», «12 500», «1 250 000» (and «999» as it is).
std::string grouped(long n);
/// A Russian enumeration: «A», «A и B», «A, B и C» (organisations, years, examinations).
std::string enumeration(const std::vector<std::string>& items);

}  // namespace nastavnik::text
