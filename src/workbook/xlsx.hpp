#pragma once
// Internal: the cells of an .xlsx package, streamed. The zip is read with libzip from memory,
// each XML part inflated chunk by chunk into libxml2's xmlTextReader, so a sheet of any size
// costs one row of memory; what is held whole is the table of shared strings and the styles,
// both limited. Knows SpreadsheetML (cells, shared/inline/rich strings, number formats, the
// 1900/1904 date systems), nothing of our data.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace nastavnik::workbook::detail {

struct Cell {
    enum class Kind { number, text, boolean, error };
    Kind kind = Kind::text;
    int row = 0;     // 1-based
    int column = 0;  // 1-based
    std::string text;     // text; a number as written in the file; an error's code (#N/A)
    double number = 0;    // number, boolean (0/1)
    bool formula = false; // the cell holds a formula (the value above is its cached result)
    bool date = false;    // a number shown in a date format
};

struct SheetEntry {
    std::string name;
    std::string part;  // "xl/worksheets/sheet1.xml"
    bool hidden = false;
};

class XlsxPackage {
public:
    /// Opens the package from its bytes (kept by the caller while the package lives), reads the
    /// workbook, its relationships, shared strings and styles. Throws Error(package_invalid)
    /// naming `file_name` and saying what is wrong in words.
    XlsxPackage(std::string_view bytes, std::string file_name);
    ~XlsxPackage();
    XlsxPackage(const XlsxPackage&) = delete;
    XlsxPackage& operator=(const XlsxPackage&) = delete;

    [[nodiscard]] const std::vector<SheetEntry>& sheets() const noexcept { return sheets_; }
    [[nodiscard]] bool date1904() const noexcept { return date1904_; }
    /// The custom document property "nastavnik.format" our writer records (the format version
    /// the workbook was made for); empty if the package has none.
    [[nodiscard]] const std::string& declared_format() const noexcept { return declared_format_; }

    /// Calls `on_row` for every row that has a cell with a value, in file order, with its cells
    /// in column order; stops when it returns false. `row_limit` counts such rows.
    void read_sheet(const SheetEntry& sheet, const std::function<bool(int row, std::vector<Cell>& cells)>& on_row,
                    std::size_t row_limit);

    class Part;           // an XML part being read
    class SharedStrings;  // the table of shared strings, read as far as needed

private:
    void read_relationships(const std::string& part, std::vector<std::pair<std::string, std::string>>& out,
                            std::vector<std::string>* types);
    void read_workbook(const std::string& part);
    void read_shared_strings(const std::string& part);
    void read_styles(const std::string& part);
    void read_custom_properties(const std::string& part);

    std::string file_;
    zip* archive_ = nullptr;
    std::size_t inflated_ = 0;  // over all parts read
    std::vector<SheetEntry> sheets_;
    std::unique_ptr<SharedStrings> shared_;
    std::vector<bool> date_styles_;  // by cell style index (cellXfs)
    bool date1904_ = false;
    std::string declared_format_;
};

}  // namespace nastavnik::workbook::detail
