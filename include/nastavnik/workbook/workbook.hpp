#pragma once
// The workbook: a second way in for the data of an organisation or a municipality (DESIGN §6).
// A workbook reads into the same JsonValue tree a JSON file gives, with the places of its
// values (sheet, cell, column title) instead of line and column; everything after the data
// stage is unchanged. Written with libxlsxwriter; read by streaming the XML parts of the zip
// with libxml2's xmlTextReader (docs/ru/workbook.md, layout in layout.hpp).

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/workbook/layout.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::rules {
class Catalog;
}

namespace nastavnik::workbook {

/// Named limits on hostile workbooks, with their reason (docs/ru/workbook.md «Ограничения»).
struct Limits {
    // The file itself: a workbook of a large school is ~100 KB; as for JSON.
    static constexpr std::size_t max_file_bytes = 64u << 20;
    // A workbook has a few dozen parts.
    static constexpr std::size_t max_entries = 2000;
    // One XML part after inflating (a sheet of 20 000 rows is ~10 MB), and all parts read
    // together: a zip bomb stops here, whatever the sizes the archive declares.
    static constexpr std::size_t max_part_bytes = 128u << 20;
    static constexpr std::size_t max_total_bytes = 256u << 20;
    // Rows with a value on one sheet: a school has hundreds of staff, a city hundreds of schools.
    static constexpr std::size_t max_rows = 20000;
    // Excel's own limit on the text of a cell.
    static constexpr std::size_t max_cell_chars = 32767;
    // Sheets, shared strings, cell styles: far above what people make, far below harm.
    static constexpr std::size_t max_sheets = 256;
    static constexpr std::size_t max_shared_strings = 1000000;
    static constexpr std::size_t max_styles = 65536;
};

/// What a workbook holds, as the JSON file would.
struct ReadResult {
    input::JsonValue root;                            // {"format": …, …}
    std::shared_ptr<const input::SheetPlaces> places; // names the places of root's positions
    std::vector<Diagnostic> warnings;                 // unknown sheets and columns, …
    const Layout* layout = nullptr;
};

/// Reads a workbook from its bytes (also what the fuzzing harness calls). `expected`: the
/// format the caller needs; without it, the format is recognised by the sheets. Throws
/// Error(package_invalid) for a file that is not a readable .xlsx, Error(data_invalid) listing
/// every cell that cannot be read (sheet, cell, column title, what was expected).
ReadResult read_workbook(std::string_view bytes, const std::string& file_name,
                         const data::FileFormat* expected = nullptr);
ReadResult read_workbook_file(const std::filesystem::path& file, const data::FileFormat* expected = nullptr);

/// What a workbook whose cells do not all read holds all the same: the cells that read, as
/// read_workbook_file would give them (no error); nullopt when it is not a readable .xlsx. For
/// naming an organisation whose data are rejected, never for reading its data.
std::optional<input::JsonValue> read_workbook_leniently(const std::filesystem::path& file, const data::FileFormat& expected);

/// Whether the file is to be read as a workbook (by its extension; .xls and .ods are refused
/// with a message saying how to save them).
bool is_workbook_file(const std::filesystem::path& file);

/// The data tree of a file of either kind: a workbook, or JSON. Warnings of a workbook (columns
/// it does not know, …) are appended to `warnings` when given.
data::DataTree load_tree(const std::filesystem::path& file, data::FileFormat format = data::organisation_file_format(),
                         std::vector<Diagnostic>* warnings = nullptr);
/// The parsed file (JSON or workbook) before validation, with the names of its places.
struct Source {
    input::JsonValue root;
    std::shared_ptr<const input::SheetPlaces> places;
};
Source read_source(const std::filesystem::path& file, const data::FileFormat& format,
                   std::vector<Diagnostic>* warnings = nullptr);

struct WriteOptions {
    // Drop-down of the form of mentoring: the forms of the rulesets in force where the
    // organisation is (their model_forms parameter), else those of the federal recommendations.
    std::vector<std::string> mentoring_forms;
    // A blank workbook: values to put in (organisation.type, region, municipality), by path.
    std::vector<std::pair<std::string, std::string>> prefill;
    // Rows of a referenced table named on «Списки» beyond those with data: the drop-down lists
    // take in people and documents added up to there.
    int spare_rows = 1000;
};

/// Writes a workbook of the layout, filled with `data` (its JSON tree, validated) or blank, to
/// `file` atomically. Same data → same bytes. Throws Error(io) or, for a value a cell cannot
/// hold, Error(data_invalid).
void write_workbook(const std::filesystem::path& file, const Layout& layout, const input::JsonValue* data,
                    const WriteOptions& options);

/// The forms of mentoring of the federal methodological recommendations (письмо Минпросвещения
/// от 21.12.2021 № АЗ-1128/08), offered where no ruleset in force lists its own.
const std::vector<std::string>& federal_mentoring_forms();
/// The forms of mentoring the most specific ruleset in force on `day` where the organisation
/// is lists (its model_forms parameter), else the federal ones: the drop-down of a new workbook.
std::vector<std::string> ruleset_mentoring_forms(const rules::Catalog& catalog, const std::string& region,
                                                 const std::string& municipality, const Date& day);
/// The pedagogical positions of the nomenclature (постановление Правительства РФ от 21.02.2022
/// № 225) and the heads' positions, as people write them.
const std::vector<std::string>& position_names();

}  // namespace nastavnik::workbook
