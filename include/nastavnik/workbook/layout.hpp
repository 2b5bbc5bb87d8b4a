#pragma once
// How a data format looks as a workbook: which sheet holds which part of the schema, the
// Russian title and note of every column, which drop-down list a column offers. Derived from
// the schema (data/schema.cpp), so a field added there gets a column, a title (from its
// description) and a line in the «Инструкция» sheet without workbook code; titles.cpp only
// places sections and gives shorter titles where the description reads badly as a header.
//
// Two kinds of sheet:
//  - a table: one row per item of an array of objects (Сотрудники: staff), columns for its
//    scalar fields, nested objects flattened into columns (programme.start → «Начало
//    программы»), an array of scalars in one cell (one value per line); an array of objects
//    inside an item becomes a table of its own whose first column names the parent item
//    (Согласия в группах: groups[].mentee_consents);
//  - a form: one row per field of one or more objects (Организация: organisation, curator …),
//    titles in column A, values in B (an array of scalars across B, C, D …), each object a
//    section under a heading row.

#include "nastavnik/data/schema.hpp"

#include <string>
#include <vector>

namespace nastavnik::workbook {

/// Where a column's drop-down list comes from.
enum class ListSource {
    none,
    values,     // the enumeration's values (closed)
    positions,  // the nomenclature of pedagogical positions (open: other text allowed)
    forms,      // forms of mentoring from the rulesets in force (open)
    items,      // the items of another table, by their label column (references)
};

enum class ColumnRole {
    value,   // a field of the data
    id,      // the item's identifier («Код …»; generated when left empty)
    parent,  // child table: which item of the parent table the row belongs to
};

struct Column {
    ColumnRole role = ColumnRole::value;
    std::vector<std::string> keys;  // field path from the row's item (table) or the section's object (form)
    std::string path;               // the same joined by dots: "programme.start" (also accepted as a header)
    const data::Type* type = nullptr;  // the field's type; an array of scalars for a multi-value cell
    bool required = false;          // must be filled whenever its row (section) is
    std::string title;              // header (table) or row label (form)
    std::vector<std::string> aliases;  // other headers read as this column
    std::string note;               // Russian, the header's comment and the instruction's line
    ListSource list = ListSource::none;
    std::string list_of;            // ListSource::items: the collection («staff», «acts», «groups»)
    std::vector<std::pair<std::string, std::string>> value_labels;  // enumeration code → what the cell shows
    double width = 14;              // characters
    int section = 0;                // forms: index into Sheet::sections
    // Tables: «нет» in this cell makes the object of the first `null_object` keys null («known
    // to be absent»): the first column of an object that may be null.
    std::size_t null_object = 0;
};

struct Section {
    std::vector<std::string> keys;  // path of the object from the root; empty: the root's own scalars
    std::string title;
    bool required = false;          // the object must be present (organisation)
    bool nullable = false;          // «нет» in its first row: known to be absent
};

struct Sheet {
    enum class Kind { form, table };
    Kind kind = Kind::table;
    std::string name;               // ≤ 31 characters, as Excel allows
    std::string description;        // a sentence for the instruction
    // table: path of the array from the root ({"staff"}, {"municipality", "acts"}); for a child
    // table, the path of the array inside the parent's item ({"mentee_consents"}).
    std::vector<std::string> keys;
    const data::Type* item = nullptr;  // table: the type of an item
    int parent = -1;                   // child table: index of the parent table in Layout::sheets
    std::string collection;            // table: the name of its items' ids («staff», «pairs», …)
    std::vector<Section> sections;     // form
    std::vector<Column> columns;       // table: in sheet order; form: rows in sheet order
    bool referenced = false;           // table: other cells choose its items from a drop-down list
};

struct Layout {
    data::FileFormat format;
    std::string kind_title;          // «организации» / «муниципалитета» (genitive, for messages)
    std::vector<Sheet> sheets;       // in workbook order, after the instruction

    [[nodiscard]] const Sheet* find(const std::string& name) const;
    /// The table whose items a reference to `collection` points at (nullptr if none).
    [[nodiscard]] const Sheet* table_of(const std::string& collection) const;
};

/// The layout of a format (organisation or municipality), built once.
const Layout& layout_of(const data::FileFormat& format);
const Layout& organisation_layout();
const Layout& municipality_layout();

/// Names of the instruction sheet and of the hidden sheet holding the drop-down lists (and the
/// formulas that name the rows of referenced tables: «Иванова М.П.»): both are written by us and
/// never read.
inline constexpr const char* instruction_sheet = "Инструкция";
inline constexpr const char* lists_sheet = "Списки";

/// The headers of a form's two columns.
inline constexpr const char* form_header_label = "Сведения";
inline constexpr const char* form_header_value = "Значение";

/// The word that stands for `null` (known to be absent) in a cell: «нет».
inline constexpr const char* null_word = "нет";

/// Column letters of a 0-based column index: 0 → "A", 27 → "AB".
std::string column_letters(int column);

}  // namespace nastavnik::workbook
