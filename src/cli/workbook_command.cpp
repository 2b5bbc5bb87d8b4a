#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <algorithm>
#include <iostream>

namespace nastavnik::cli {

namespace {

constexpr const char* usage =
    "nastavnik workbook new КНИГА.xlsx [--type ТИП] [--region РЕГИОН] [--municipality МУНИЦИПАЛИТЕТ] [--municipal] [--force]\n"
    "      пустая книга для заполнения: листы по разделам данных, подсказки, выпадающие списки;\n"
    "      --type: общеобразовательная | дошкольная | дополнительного образования;\n"
    "      --municipal: книга муниципалитета (для batch) вместо книги организации;\n"
    "      --force: заменить существующий файл\n"
    "nastavnik workbook export ДАННЫЕ.json КНИГА.xlsx\n"
    "      данные организации или муниципалитета из JSON — в книгу\n"
    "nastavnik workbook import КНИГА.xlsx [ДАННЫЕ.json]\n"
    "      книга — в JSON (без второго имени — на экран)";

void require_xlsx(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext != ".xlsx") throw Error(ErrorCode::usage, "книга записывается в файл .xlsx, а указан «" + file + "»");
}

void print_warnings(const std::vector<Diagnostic>& warnings) {
    for (const auto& w : warnings) std::cerr << "nastavnik: предупреждение: " << w.to_string() << "\n";
}


std::string field(const input::JsonValue& root, const char* section, const char* key) {
    const input::JsonValue* s = root.find(section);
    const input::JsonValue* v = s ? s->find(key) : nullptr;
    return v && v->kind == input::JsonValue::Kind::string ? v->scalar : "";
}

int run_new(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"type"}, {"region"}, {"municipality"}, {"municipal", false}, {"force", false},
                                {"data-dir"}, {"as-of"}});
    if (args.positional().size() != 1) throw Error(ErrorCode::usage, std::string("укажите файл книги:\n") + usage);
    const std::string out = args.positional().front();
    require_xlsx(out);
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !args.flag("force")) {
        throw Error(ErrorCode::usage, "файл уже есть — заполненная книга не перезаписывается; удалите его или добавьте --force",
                    InputLocation{out, 0, 0, {}});
    }
    const bool municipal = args.flag("municipal");
    const workbook::Layout& layout = municipal ? workbook::municipality_layout() : workbook::organisation_layout();
    workbook::WriteOptions options;
    const std::string region = args.value("region").value_or("");
    const std::string municipality = args.value("municipality").value_or("");
    if (const auto type = args.value("type")) {
        if (municipal) throw Error(ErrorCode::usage, "--type относится к книге организации, а не муниципалитета");
        std::vector<std::string> types;
        for (const auto& f : data::organisation_schema().fields) {
            if (f.key != "organisation") continue;
            for (const auto& g : f.type.fields) {
                if (g.key == "type") types = g.type.values;
            }
        }
        if (std::find(types.begin(), types.end(), *type) == types.end()) {
            throw Error(ErrorCode::usage, "--type: ожидается «общеобразовательная», «дошкольная» или «дополнительного образования», "
                                          "получено «" + *type + "»");
        }
        options.prefill.emplace_back("organisation.type", *type);
    }
    const std::string section = municipal ? "municipality" : "organisation";
    if (!region.empty()) options.prefill.emplace_back(section + ".region", region);
    if (!municipality.empty()) options.prefill.emplace_back(section + (municipal ? ".name" : ".municipality"), municipality);
    if (!municipal) {
        options.mentoring_forms = workbook::ruleset_mentoring_forms(rules::Catalog::load(data_dir(args.value("data-dir").value_or("")) / "rulesets"), region, municipality,
                                                  as_of_date(args.value("as-of")));
    }
    workbook::write_workbook(out, layout, nullptr, options);
    std::cout << "Книга для заполнения записана: " << out << "\n";
    return exit_code::ok;
}

int run_export(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"data-dir"}, {"as-of"}});
    if (args.positional().size() != 2) throw Error(ErrorCode::usage, std::string("укажите файл данных и файл книги:\n") + usage);
    const std::string in = args.positional()[0], out = args.positional()[1];
    require_xlsx(out);
    const input::JsonValue root = input::read_json_file(in);
    const input::JsonValue* format = root.find("format");
    const bool municipal = format && data::is_municipality_format(format->scalar);
    const data::FileFormat file_format = municipal ? data::municipality_file_format() : data::organisation_file_format();
    data::DataTree::from_json(root, in, file_format);  // only valid data goes into a workbook
    workbook::WriteOptions options;
    if (!municipal) {
        options.mentoring_forms = workbook::ruleset_mentoring_forms(rules::Catalog::load(data_dir(args.value("data-dir").value_or("")) / "rulesets"),
                                                  field(root, "organisation", "region"), field(root, "organisation", "municipality"),
                                                  as_of_date(args.value("as-of")));
    }
    workbook::write_workbook(out, workbook::layout_of(file_format), &root, options);
    // What the workbook gives back is compared with the file: a difference is said, not lost.
    // The workbook keeps the file's version of the format (its property «nastavnik.format»), so
    // an older file reads back as itself, with its version's meaning.
    const input::JsonValue& expected = root;
    const auto back = workbook::read_workbook_file(out, &file_format);
    if (const std::string d = input::first_difference(expected, back.root); !d.empty()) {
        std::cerr << "nastavnik: предупреждение: книга передаёт данные не в точности (" << d
                  << "); проверьте это место после заполнения\n";
    }
    std::cout << "Книга записана: " << out << "\n";
    return exit_code::ok;
}

int run_import(const std::vector<std::string>& argv) {
    const Arguments args(argv, {});
    if (args.positional().empty() || args.positional().size() > 2) {
        throw Error(ErrorCode::usage, std::string("укажите файл книги:\n") + usage);
    }
    const std::string in = args.positional()[0];
    auto result = workbook::read_workbook_file(in);
    print_warnings(result.warnings);
    data::DataTree::from_json(result.root, in, result.layout->format, result.places);
    const std::string json = input::to_json_text(result.root);
    if (args.positional().size() == 2) {
        write_file_atomic(args.positional()[1], json);
        std::cout << "Данные записаны: " << args.positional()[1] << "\n";
    } else {
        std::cout << json;
    }
    return exit_code::ok;
}

}  // namespace

int run_workbook(const std::vector<std::string>& argv) {
    if (argv.empty()) throw Error(ErrorCode::usage, std::string("укажите действие с книгой:\n") + usage);
    const std::string action = argv.front();
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (action == "new") return run_new(rest);
    if (action == "export") return run_export(rest);
    if (action == "import") return run_import(rest);
    throw Error(ErrorCode::usage, "неизвестное действие «" + action + "»; допустимы new, export, import:\n" + usage);
}

}  // namespace nastavnik::cli
