#include "nastavnik/batch/batch.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/workbook/workbook.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace nastavnik::batch {

namespace {

// The municipality's own data, as JSON or as a workbook.
constexpr const char* municipality_stem = "municipality";
// A municipality is a few hundred organisations; tens of thousands of files in the folder is
// a mistake (the wrong folder), not a city.
constexpr std::size_t max_organisations = 20000;

// Output folders are made from names the user controls: keep them plain, readable and unique.
std::string folder_name(std::string stem) { return safe_file_stem(std::move(stem), 120, "организация"); }

void make_folders_unique(std::vector<OrganisationSource>& orgs) {
    std::map<std::string, int> seen;
    for (auto& o : orgs) {
        const std::string base = o.folder;
        for (int n = 2; seen.count(o.folder) != 0; ++n) o.folder = base + " (" + std::to_string(n) + ")";
        seen[o.folder] = 1;
    }
}

void check_count(std::size_t n, const std::filesystem::path& where) {
    if (n > max_organisations) {
        throw Error(ErrorCode::data_invalid,
                    "слишком много организаций (" + std::to_string(n) + "); допускается не более " +
                        std::to_string(max_organisations),
                    InputLocation{where.string(), 0, 0, {}});
    }
}

// Reads the municipality's file (JSON or workbook) into `in`.
void read_municipality(MunicipalityInput& in, const std::filesystem::path& file) {
    workbook::Source s = workbook::read_source(file, data::municipality_file_format(), &in.warnings);
    in.municipality.emplace(data::DataTree::from_json(s.root, file.string(), data::municipality_file_format(), s.places));
    in.municipality_file = file;
    in.municipality_json = std::make_shared<input::JsonValue>(std::move(s.root));
    in.municipality_places = std::move(s.places);
}

// An organisation's file: JSON or a workbook, not an office suite's lock or temporary file
// («~$школа.xlsx» is Excel's mark that the workbook is open).
bool organisation_file(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".json") return true;
    return ext == ".xlsx" && !p.filename().string().starts_with("~$");
}

MunicipalityInput from_folder(const std::filesystem::path& dir) {
    MunicipalityInput in;
    in.source = dir;
    std::error_code ec;
    std::vector<std::filesystem::path> found;
    for (const char* ext : {".json", ".xlsx"}) {
        const auto f = dir / (std::string(municipality_stem) + ext);
        if (std::filesystem::is_regular_file(f, ec)) found.push_back(f);
    }
    if (found.empty()) {
        throw Error(ErrorCode::io, "в папке муниципалитета нет файла municipality.json или municipality.xlsx (сведения о муниципалитете)",
                    InputLocation{dir.string(), 0, 0, {}});
    }
    if (found.size() > 1) {
        throw Error(ErrorCode::data_invalid, "в папке муниципалитета два файла его сведений, municipality.json и municipality.xlsx; "
                                             "оставьте один",
                    InputLocation{dir.string(), 0, 0, {}});
    }
    read_municipality(in, found.front());
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const auto& p = it->path();
        if (p.stem() == municipality_stem || !organisation_file(p)) continue;
        if (!it->is_regular_file(ec)) continue;  // a symlink to elsewhere or a folder named *.json
        files.push_back(p);
        check_count(files.size(), dir);
    }
    if (ec) throw Error(ErrorCode::io, "не удаётся прочитать папку: " + ec.message(), InputLocation{dir.string(), 0, 0, {}});
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        in.organisations.push_back(OrganisationSource{f.filename().string(), f, nullptr, folder_name(f.stem().string())});
    }
    return in;
}

MunicipalityInput from_file(const std::filesystem::path& file) {
    MunicipalityInput in;
    in.source = file;
    if (workbook::is_workbook_file(file)) {
        // A municipality's workbook alone: its organisations are the files beside it.
        throw Error(ErrorCode::usage, "книга муниципалитета обрабатывается вместе с файлами организаций: укажите папку, в которой "
                                      "лежат municipality.xlsx и книги (или файлы JSON) организаций",
                    InputLocation{file.string(), 0, 0, {}});
    }
    input::JsonValue root = input::read_json_file(file);
    std::vector<input::JsonValue> items;
    if (root.is(input::JsonValue::Kind::object)) {
        const auto it = std::find_if(root.members.begin(), root.members.end(),
                                     [](const input::JsonMember& m) { return m.key == "organisations"; });
        if (it != root.members.end()) {
            if (!it->value.is(input::JsonValue::Kind::array)) {
                throw Error(ErrorCode::data_invalid, "ожидается массив организаций",
                            InputLocation{file.string(), it->value.position.line, it->value.position.column, "organisations"});
            }
            items = std::move(it->value.items);
            root.members.erase(it);
        }
    }
    in.municipality.emplace(data::DataTree::from_json(root, file.string(), data::municipality_file_format()));
    in.municipality_file = file;
    in.municipality_json = std::make_shared<input::JsonValue>(std::move(root));
    check_count(items.size(), file);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto item = std::make_shared<input::JsonValue>(std::move(items[i]));
        // Inside the municipality's file an organisation need not repeat the format line; without
        // it, it is read as the version the single-file form was written in.
        if (item->is(input::JsonValue::Kind::object) && item->find("format") == nullptr) {
            input::JsonValue format;
            format.kind = input::JsonValue::Kind::string;
            format.scalar = data::organisation_format_in_municipality;
            format.position = item->position;
            item->members.insert(item->members.begin(), input::JsonMember{"format", item->position, std::move(format)});
        }
        std::string name;
        if (const auto* org = item->find("organisation"); org != nullptr) {
            if (const auto* s = org->find("short_name"); s != nullptr && s->is(input::JsonValue::Kind::string)) name = s->scalar;
        }
        char index[32];
        std::snprintf(index, sizeof index, "%03zu", i + 1);
        in.organisations.push_back(OrganisationSource{file.filename().string() + ": organisations[" + std::to_string(i) + "]",
                                                      file, std::move(item),
                                                      folder_name(std::string(index) + " " + name)});
    }
    return in;
}

// «МКУ» of «Муниципальное казённое учреждение»: the first letters of the words, in capitals.
std::string initials_of(const std::string& words) {
    std::string out;
    for (std::size_t from = 0; from < words.size();) {
        const auto space = words.find(' ', from);
        if (space != from) out += text::to_upper(text::first_char(words.substr(from)));
        if (space == std::string::npos) break;
        from = space + 1;
    }
    return out;
}

// Whether `short_form` abbreviates `form`, a form of incorporation: «МКУ», «МБУ ДО» are the
// initials of «Муниципальное казённое учреждение», «… учреждение дополнительного образования»;
// the form written whole is no abbreviation, but the same name.
bool abbreviates(const std::string& short_form, const std::string& form) {
    if (text::canonical_form(short_form) == text::canonical_form(form)) return true;
    std::string letters;
    for (char c : short_form) {
        if (c != ' ') letters += c;
    }
    return !letters.empty() && text::to_upper(letters) == initials_of(form);
}

// The body's short name abbreviates its full name: the same name in quotes after the initials of
// its form of incorporation («МКУ «Управление образования Администрации города Бийска»»). The
// municipality's documents use both (the preamble, «Разослать», the annex), so a short name of
// another wording names the body two ways in one order (review 6, M-2); the data are not changed.
void check_committee_names(MunicipalityInput& in) {
    const data::DataTree& m = *in.municipality;
    const xmlNode* section = data::child(m.root(), "municipality");
    const xmlNode* full_node = data::child(section, "committee");
    const xmlNode* short_node = data::child(section, "committee_short");
    if (full_node == nullptr || short_node == nullptr) return;
    // Compared as people mean them: letter case, spaces, look-alike Latin letters aside.
    const std::string full = data::text_of(full_node), brief = data::text_of(short_node);
    const auto quote = full.find("«");
    if (quote == std::string::npos || text::canonical_form(brief) == text::canonical_form(full)) return;  // nothing to compare by
    const std::string name = full.substr(quote), form = text::canonical_form(full.substr(0, quote));
    const auto brief_quote = brief.find("«");
    const bool same_name = brief_quote != std::string::npos && text::canonical_form(brief.substr(brief_quote)) == text::canonical_form(name);
    if (same_name && abbreviates(brief.substr(0, brief_quote), form)) return;
    const std::string initials = initials_of(form);
    in.warnings.push_back(Diagnostic{
        m.location(short_node),
        "сокращённое наименование органа управления образованием «" + brief + "» не совпадает с его полным наименованием «" +
            full + "»: в сокращённом наименовании сокращается только организационно-правовая форма, а название в кавычках то же" +
            (initials.empty() ? std::string() : " (например, «" + initials + " " + name + "»)") +
            "; иначе документы муниципалитета называют орган двумя разными именами"});
}

// The body in the genitive, as the order's text needs it: «во исполнение приказа комитета по
// образованию города Барнаула» (reader H of 8.12.2026, F2: «приказа Комитет по образованию…»).
// A short name that begins with its form's initials («МКУ «Управление образования…»») does not
// decline; a body named by a noun («Комитет», «Управление», «Департамент»…) declines that noun and
// is written in lower case inside a sentence; any other needs the field, and batch says so.
void decline_committee(MunicipalityInput& in) {
    const data::DataTree& m = *in.municipality;
    const xmlNode* section = data::child(m.root(), "municipality");
    if (const xmlNode* given = data::child(section, "committee_genitive"); given != nullptr) {
        in.committee_genitive = data::text_of(given);
        return;
    }
    const xmlNode* short_node = data::child(section, "committee_short");
    if (short_node == nullptr) return;
    const std::string brief = data::text_of(short_node);
    const std::string first = brief.substr(0, brief.find(' '));
    // «МКУ «…»», «мку  «…»»: one abbreviation, then the name in quotes.
    if (const auto quote = brief.find("«"); quote != std::string::npos &&
        text::canonical_form(brief.substr(0, quote)).find(' ') == std::string::npos) {
        in.committee_genitive = brief;
        return;
    }
    static const std::pair<const char*, const char*> nouns[] = {
        {"комитет", "комитета"},       {"управление", "управления"}, {"департамент", "департамента"},
        {"отдел", "отдела"},           {"министерство", "министерства"}, {"администрация", "администрации"},
        {"агентство", "агентства"},
    };
    const std::string lower = text::to_lower(first);
    for (const auto& [nominative, genitive] : nouns) {
        if (lower == nominative) {
            in.committee_genitive = genitive + brief.substr(first.size());
            return;
        }
    }
    in.committee_genitive = brief;
    in.warnings.push_back(Diagnostic{
        m.location(short_node),
        "наименование органа «" + brief + "» не удаётся просклонять для текста приказа («во исполнение приказа …»): "
        "укажите его в родительном падеже в поле committee_genitive, например «комитета по образованию города …»"});
}

}  // namespace

MunicipalityInput load_municipality(const std::filesystem::path& dir_or_file) {
    std::error_code ec;
    MunicipalityInput in = std::filesystem::is_directory(dir_or_file, ec) ? from_folder(dir_or_file) : from_file(dir_or_file);
    make_folders_unique(in.organisations);
    check_committee_names(in);
    decline_committee(in);
    if (in.organisations.empty()) {
        throw Error(ErrorCode::data_invalid,
                    "не найдено ни одной организации: ожидаются файлы *.json или книги *.xlsx рядом с "
                    "municipality.json (municipality.xlsx) или массив \"organisations\" в файле муниципалитета",
                    InputLocation{dir_or_file.string(), 0, 0, {}});
    }
    return in;
}

}  // namespace nastavnik::batch
