// The one door for input files: a command that takes JSON takes a workbook too.

#include "nastavnik/workbook/workbook.hpp"

#include "nastavnik/text/letter_case.hpp"

namespace nastavnik::workbook {

namespace {

std::string extension(const std::filesystem::path& file) { return text::to_lower(file.extension().string()); }

}  // namespace

bool is_workbook_file(const std::filesystem::path& file) {
    const std::string ext = extension(file);
    return ext == ".xlsx" || ext == ".xls" || ext == ".ods" || ext == ".xlsm";
}

Source read_source(const std::filesystem::path& file, const data::FileFormat& format, std::vector<Diagnostic>* warnings) {
    if (!is_workbook_file(file)) return Source{input::read_json_file(file), nullptr};
    ReadResult r = read_workbook_file(file, &format);
    if (warnings) warnings->insert(warnings->end(), r.warnings.begin(), r.warnings.end());
    return Source{std::move(r.root), std::move(r.places)};
}

data::DataTree load_tree(const std::filesystem::path& file, data::FileFormat format, std::vector<Diagnostic>* warnings) {
    Source s = read_source(file, format, warnings);
    return data::DataTree::from_json(s.root, file.string(), format, std::move(s.places));
}

}  // namespace nastavnik::workbook
