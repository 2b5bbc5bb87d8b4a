// An organisation's workbook (.xlsx), as `check`, `generate` and `batch` read it: the package
// with its limits, the sheets, shared strings and styles streamed, cells read into the same
// JSON-like tree (sheet and cell as places), validated into the data tree. The mutator
// changes the XML inside the package and zips it again.

#include "common.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/workbook/workbook.hpp"

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned seed) {
    static const std::vector<std::string> tokens = {"<c r=\"A1\" t=\"s\"><v>0</v></c>", "<row r=\"2\">", "t=\"inlineStr\"", "<is><t>",
                                                    "1048576", "XFD1", "-1", "45000", "1e308", "2023-09-01", "TRUE", "#N/A"};
    return fuzz::mutate_package(data, size, max_size, seed, tokens);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    const auto file = fuzz::scratch() / "organisation.xlsx";
    fuzz::write(file, std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        std::vector<Diagnostic> warnings;
        (void)workbook::load_tree(file, data::organisation_file_format(), &warnings);
    } catch (const Error&) {
    }
    return 0;
}
