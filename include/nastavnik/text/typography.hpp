#pragma once
// Russian typography of text that comes from the data: a clerk types "straight quotes", a
// spaced hyphen for a dash and "2022-2023"; the printed document needs «ёлочки», « — », «2022–2023»
// and non-breaking spaces where a line must not break (ГОСТ Р 7.0.97; Мильчин, «Справочник
// издателя и автора»).

#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::text {

/// - "…" → «…», nested quotes too; where two closing marks coincide one is written (Мильчин,
///   «Справочник издателя и автора»: «МБОУ «СШ № 7»), also when «»» comes typed;
/// - a hyphen or double hyphen between spaces → NBSP + em dash + space («наставник — педагог»);
/// - a hyphen between two numbers that is not part of a longer chain (a date 2022-09-01,
///   a phone 22-33-44 stay) → en dash: «2022–2023», «3–5»;
/// - NBSP after «№» (and «№7» → «№ 7»), between initials and the surname on either side
///   («И.О. Фамилия», «Фамилия И.О.»), before «г.»/«гг.» after a number, after «г.», «ул.», «пр.»,
///   «пер.», «пл.», «с.» before a name and after «д.», «ст.», «ч.», «п.», «корп.», «кв.» before a
///   number, between a number and «чел.»/«человек»;
/// - a hyphen between a number and letters («АЗ-1128/08», «72-од», «152-ФЗ») → U+2011, the
///   non-breaking hyphen (the template engine writes it as w:noBreakHyphen).
/// Idempotent: typography(typography(s)) == typography(s).
std::string typography(std::string_view s);

/// A short name kept on one line: its spaces become NBSP when it has at most 40 characters
/// («МБУ ДО «ЦДТ Октябрьского района»» in an addressee block or a гриф, never split as «…Октябрьского
/// / района»»); a longer one is returned as it is, to break at its spaces.
std::string unbreakable_short_name(std::string_view s);

/// A span of bytes [begin, end) of a text.
struct Span {
    std::size_t begin = 0, end = 0;
};

/// Where typography's output holds a person's name as the name functions write it — «И.О.\u00A0Фамилия»
/// or «Фамилия\u00A0И.О.» (the NBSP that typography puts there) — and where it holds one of
/// `names` (n:full-name's «Фамилия Имя Отчество», typography applied), in order, merged where
/// they overlap. A document never hyphenates a name at a line end (the template engine marks
/// these spans as text of no language, w:lang="zxx").
std::vector<Span> name_spans(std::string_view typographed, const std::vector<std::string>& names = {});

/// `s` with a remark: «s (remark)», or «s, remark» when `s` already ends with a parenthesis — a
/// title like «Показатели первого этапа (процесс реализации программы)» does not take a second
/// pair of brackets right after the first.
std::string with_remark(std::string_view s, std::string_view remark);

}  // namespace nastavnik::text
