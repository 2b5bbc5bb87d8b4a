#pragma once
// Helpers of the workbook tests: scratch files, JSON → workbook → JSON, hand-made packages for
// what SpreadsheetML allows and our writer never writes, and the real clients (openpyxl,
// LibreOffice) that make workbooks as people do.

#include "docx/docx_fixture.hpp"
#include "e2e/cli_runner.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/workbook/workbook.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace wb_test {

namespace wb = nastavnik::workbook;

inline std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / "workbook";
    std::filesystem::create_directories(dir);
    return dir / name;
}

inline std::filesystem::path fresh_dir(const std::string& name) {
    const auto dir = scratch(name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// The format of a JSON tree by its "format" line.
inline nastavnik::data::FileFormat format_of(const nastavnik::input::JsonValue& root) {
    const auto* f = root.find("format");
    return f && f->scalar == nastavnik::data::municipality_format ? nastavnik::data::municipality_file_format()
                                                                  : nastavnik::data::organisation_file_format();
}

/// Writes the JSON file's data as a workbook.
inline std::filesystem::path export_json(const std::filesystem::path& json, const std::filesystem::path& xlsx) {
    const auto root = nastavnik::input::read_json_file(json);
    wb::write_workbook(xlsx, wb::layout_of(format_of(root)), &root, {});
    return xlsx;
}

/// An "inline string" cell: <c r="B2" t="inlineStr"><is><t>text</t></is></c>.
inline std::string is(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + text + "</t></is></c>";
}
/// A number cell with an optional style (cellXfs index).
inline std::string num(const std::string& ref, const std::string& value, int style = -1) {
    return "<c r=\"" + ref + "\"" + (style >= 0 ? " s=\"" + std::to_string(style) + "\"" : "") + "><v>" + value + "</v></c>";
}
inline std::string row(int r, const std::string& cells) { return "<row r=\"" + std::to_string(r) + "\">" + cells + "</row>"; }

struct SheetSpec {
    std::string name;
    std::string rows;      // <row> elements
    std::string state;     // "" or "hidden"
};

inline const char* const styles_with_date =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"[$-419]DD/MM/YYYY\"/></numFmts>"
    "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>";

/// A package as SpreadsheetML allows: sheets of inline strings and numbers; `shared` (the
/// content of <sst>), styles, the 1904 date system and extra entries when given.
inline std::string make_xlsx(const std::vector<SheetSpec>& sheets, const std::string& shared = "", bool date1904 = false,
                             std::map<std::string, std::string> extra = {}) {
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    std::string workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook " + ns + ">" +
                           (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets>";
    std::string rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    std::map<std::string, std::string> e;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        workbook += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"" +
                    (sheets[i].state.empty() ? "" : " state=\"" + sheets[i].state + "\"") + "/>";
        // Absolute targets, as openpyxl writes them.
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                "Target=\"/xl/worksheets/sheet" + n + ".xml\"/>";
        e["xl/worksheets/sheet" + n + ".xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet " + ns + "><sheetData>" +
                                                sheets[i].rows + "</sheetData></worksheet>";
    }
    workbook += "</sheets></workbook>";
    rels += "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
    e["xl/styles.xml"] = styles_with_date;
    if (!shared.empty()) {
        rels += "<Relationship Id=\"rT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
                "Target=\"sharedStrings.xml\"/>";
        e["xl/sharedStrings.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst " + ns + ">" + shared + "</sst>";
    }
    rels += "</Relationships>";
    e["xl/workbook.xml"] = workbook;
    e["xl/_rels/workbook.xml.rels"] = rels;
    e["_rels/.rels"] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                       "Target=\"xl/workbook.xml\"/></Relationships>";
    e["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                               "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    for (auto& [k, v] : extra) e[k] = v;
    return docx_test::make_zip(e);
}

/// The rows of the «Организация» form of a small valid organisation, in inline strings.
inline std::string organisation_form(const std::string& head = "Иванова И.И.") {
    std::string rows = row(1, is("A1", "Сведения") + is("B1", "Значение"));
    const std::vector<std::pair<std::string, std::string>> fields = {
        {"Полное наименование", "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»"},
        {"Сокращённое наименование", "МБОУ «Школа № 1»"},
        {"Тип организации", "общеобразовательная"},
        {"Субъект Российской Федерации", "Алтайский край"},
        {"Муниципальное образование", "Барнаул"},
        {"Руководитель", head},
    };
    int r = 2;
    for (const auto& [label, value] : fields) {
        rows += row(r, is("A" + std::to_string(r), label) + is("B" + std::to_string(r), value));
        ++r;
    }
    return rows;
}

/// Runs python3 with a script (openpyxl is a Debian package the test scripts install).
inline e2e::Run python(const std::string& script, const std::vector<std::string>& args = {}) {
    const auto file = scratch("script.py");
    nastavnik::write_file_atomic(file, script);
    std::string cmd = "/usr/bin/python3 " + e2e::quote(file.string());
    for (const auto& a : args) cmd += " " + e2e::quote(a);
    return e2e::shell(cmd);
}

/// LibreOffice re-saves a workbook as Calc saves .xlsx ("Calc MS Excel 2007 XML").
inline std::filesystem::path resave_with_libreoffice(const std::filesystem::path& xlsx, const std::string& folder) {
    const auto out = fresh_dir(folder);
    const auto conv = e2e::shell("soffice --headless -env:UserInstallation=file://" + std::string(NASTAVNIK_TEST_TMP) +
                                 "/lo-profile --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir " + e2e::quote(out.string()) + " " +
                                 e2e::quote(xlsx.string()));
    BOOST_REQUIRE_MESSAGE(conv.exit_code == 0, "soffice: " + conv.out);
    const auto saved = out / xlsx.filename();
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(saved), "soffice wrote nothing: " + conv.out);
    return saved;
}

}  // namespace wb_test
