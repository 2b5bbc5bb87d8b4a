#include "nastavnik/core/error.hpp"
#include "nastavnik/core/working_days.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "cli/commands.hpp"

#include <cctype>
#include <iostream>
#include <cstdlib>
#include <unistd.h>

namespace nastavnik::cli {

namespace {

std::filesystem::path executable_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}

bool has_data(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_directory(dir / "rulesets", ec) && std::filesystem::is_directory(dir / "templates", ec);
}

}  // namespace

std::filesystem::path data_dir(const std::string& explicit_dir) {
    if (!explicit_dir.empty()) {
        if (!has_data(explicit_dir)) {
            throw Error(ErrorCode::usage, "в папке нет подпапок rulesets и templates", InputLocation{explicit_dir, 0, 0, {}});
        }
        return explicit_dir;
    }
    if (const char* home = std::getenv("NASTAVNIK_HOME"); home != nullptr && *home != '\0') {
        if (has_data(home)) return home;
    }
    if (const auto installed = executable_dir() / ".." / "share" / "nastavnik"; has_data(installed)) {
        return installed.lexically_normal();
    }
    if (has_data(NASTAVNIK_DATA_DIR)) return NASTAVNIK_DATA_DIR;
    throw Error(ErrorCode::io, "не найдены наборы правил и шаблоны; укажите папку параметром --data-dir");
}

Date as_of_date(const std::optional<std::string>& text) {
    if (!text) return Date::today();
    if (auto d = Date::parse_iso(*text)) return *d;
    throw Error(ErrorCode::usage, "--as-of: ожидается дата в формате ГГГГ-ММ-ДД, получено «" + *text + "»");
}

void warn_if_day_off(const Date& day, const std::string& how) {
    if (next_working_day(day) == day) return;
    std::cout << "Внимание: новые документы датированы " << text::date_numeric(day)
              << ", а это выходной или праздничный день; документ подписывают в рабочий день — дату задаёт " << how << "\n";
}

rules::Selection choose_rulesets(const rules::Catalog& catalog, const data::DataTree& tree,
                                 const std::optional<std::string>& ruleset_id, const Date& as_of) {
    if (ruleset_id) {
        const rules::Ruleset* rs = catalog.find(*ruleset_id, as_of);
        if (rs == nullptr) {
            std::string known;
            for (const auto& r : catalog.all()) known += (known.empty() ? "" : ", ") + r->id;
            throw Error(ErrorCode::usage, "--ruleset: нет набора правил «" + *ruleset_id + "»; есть: " + known);
        }
        if (!rs->in_force(as_of)) {
            throw Error(ErrorCode::usage, "набор правил «" + *ruleset_id + "» не действует на " +
                                              text::date_numeric(as_of) + " (действует с " +
                                              text::date_numeric(rs->valid_from) + ")");
        }
        return rules::Selection{{rs}, rules::levels_of({rs}, "не применён: набор правил выбран параметром --ruleset"), {}};
    }
    return rules::select_rulesets(catalog, tree, as_of);
}

data::DataTree load_organisation(const std::string& file) {
    std::vector<Diagnostic> warnings;
    data::DataTree tree = workbook::load_tree(file, data::organisation_file_format(), &warnings);
    for (const auto& w : warnings) std::cerr << "nastavnik: предупреждение: " << w.to_string() << "\n";
    return tree;
}

generate::OutputFormat output_format(const std::optional<std::string>& value) {
    if (!value || *value == "both") return generate::OutputFormat::both;
    if (*value == "docx") return generate::OutputFormat::docx;
    if (*value == "pdf") return generate::OutputFormat::pdf;
    throw Error(ErrorCode::usage, "--format: ожидается docx, pdf или both, получено «" + *value + "»");
}

std::string in_requested_format(std::string docx, const std::filesystem::path& out, const std::string& title, const Date& date) {
    std::string ext = out.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".pdf") return docx;
    pdf::RenderOptions ro;
    ro.title = title;
    ro.file_name = out.filename().replace_extension(".docx").string();
    ro.creation_date = date;
    return pdf::render_docx(docx, ro).pdf;
}

}  // namespace nastavnik::cli
