#pragma once
// What the schema cannot say about a workbook: on which sheet and under which heading a part
// of the data goes, and a header where the field's description is too long to be one. Every
// entry is optional — a field without one is titled from its description (layout.cpp).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nastavnik::workbook::detail {

/// Where a top-level (or nested) object or array goes. `path`: dotted, without indices
/// ("groups.mentee_consents"); "" for the root's own scalar fields.
struct Placement {
    std::string_view path;
    std::string_view sheet;    // sheet name
    std::string_view heading;  // form: the section heading; table: the sheet's description
};

/// A shorter header for a field ("staff.pedagogical_experience_start" → «Начало педагогического
/// стажа»), and the headers that earlier versions of the workbook used (read as this column).
struct Title {
    std::string_view path;
    std::string_view title;
    std::vector<std::string_view> aliases = {};
};

/// Placements and titles of a format ("nastavnik.organisation/1", …).
const std::vector<Placement>& placements(std::string_view format);
const std::vector<Title>& titles(std::string_view format);

/// What the cells of an enumeration show instead of its codes (codes are read too).
const std::vector<std::pair<std::string, std::string>>* value_labels(std::string_view format, std::string_view path);

/// Fields whose drop-down offers a list that is not closed.
bool is_position_field(std::string_view path);
bool is_form_field(std::string_view path);

}  // namespace nastavnik::workbook::detail
