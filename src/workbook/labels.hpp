#pragma once
// How a row of one sheet is named in the cells of another: a person by «Фамилия И.О.», a
// document by «вид от ДД.ММ.ГГГГ № N», a group by its mentor. The writer puts a formula that
// computes the name of each row of the table into the hidden «Списки» sheet, row for row (the
// drop-down lists show that column); the reader computes the same name from the row's own
// cells — it never reads «Списки» nor trusts a formula's cached value.

#include "nastavnik/input/json.hpp"
#include "nastavnik/workbook/layout.hpp"

#include <string>
#include <string_view>

namespace nastavnik::workbook::detail {

/// Whether items of the collection are named by a formula, and the header of its list.
bool has_label(const std::string& collection);
std::string label_title(const std::string& collection);

/// The Excel formula naming the table's row that has the number of the row it stands in, ""
/// if the collection has none.
std::string label_formula(const Sheet& sheet);

/// Text reduced for comparing what people type: letter case, «ё», spaces (also non-breaking),
/// dashes and a trailing «*» do not count.
std::string match_key(std::string_view text);

/// «Иванова М.П.» and «Иванова Мария Петровна» of a staff item ("" without a surname).
std::string person_label(const input::JsonValue& person);
std::string person_full_name(const input::JsonValue& person);
/// «приказ о назначении наставников от 26.08.2026 № 67-од» of an act item.
std::string act_label(const input::JsonValue& act);

/// The column that names a row of a table in other sheets when its items have no code: the
/// first required value (a reporting year by its year); the code column when there is one.
const Column* key_column(const Sheet& table);

/// Trims spaces, non-breaking spaces, tabs and line breaks at both ends.
std::string_view trim(std::string_view s);

}  // namespace nastavnik::workbook::detail
