#include "nastavnik/core/error.hpp"
#include "nastavnik/generate/generator.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/text/plural.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <algorithm>
#include <iostream>

namespace nastavnik::cli {

int run_generate(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"out"}, {"ruleset"}, {"as-of"}, {"data-dir"}, {"date"}, {"number"},
                                {"force", false}, {"reissue", false}, {"only", true, true}, {"format"}});
    if (args.positional().size() != 1) {
        throw Error(ErrorCode::usage, "укажите один файл организации (JSON или книгу .xlsx): nastavnik generate ORG.json --out ПАПКА");
    }
    const auto out = args.value("out");
    if (!out || out->empty()) throw Error(ErrorCode::usage, "укажите папку для документов: --out ПАПКА");
    if (const auto d = args.value("date"); d && !Date::parse_iso(*d)) {
        throw Error(ErrorCode::usage, "--date: ожидается дата в формате ГГГГ-ММ-ДД, получено «" + *d + "»");
    }
    const Date as_of = as_of_date(args.value("as-of"));
    const generate::OutputFormat format = output_format(args.value("format"));  // usage errors before input errors
    const auto dir = data_dir(args.value("data-dir").value_or(""));
    const auto tree = load_organisation(args.positional().front());
    const auto catalog = rules::Catalog::load(dir / "rulesets");
    const auto selection = choose_rulesets(catalog, tree, args.value("ruleset"), as_of);
    const auto check = rules::check(tree, selection.rulesets, as_of);

    generate::Options options;
    options.out_dir = *out;
    options.templates_dir = dir / "templates";
    options.as_of = as_of;
    options.order_date = args.value("date");
    options.order_number = args.value("number");
    options.force = args.flag("force");
    options.reissue = args.flag("reissue");
    options.only = args.values("only");
    options.format = format;
    options.catalog = &catalog;
    const auto written = generate::generate(tree, check, options);

    const auto documents = std::count_if(written.begin(), written.end(), [](const auto& w) { return w.kind != "index"; });
    std::cout << "Документы сформированы (" << documents << ") в папке " << *out << ":\n";
    for (const auto& w : written) {
        std::cout << "  " << w.file.filename().string() << " ("
                  << text::with_noun(static_cast<long>(w.bytes), "байт", "байта", "байт") << ")\n";
        for (const auto& d : w.warnings) std::cerr << "nastavnik: предупреждение: " << d.to_string() << "\n";
    }
    if (!check.compliant()) {
        std::cout << "Внимание: при проверке выявлены нарушения — см. nastavnik check "
                  << args.positional().front() << "\n";
    }
    warn_if_day_off(options.order_date ? *Date::parse_iso(*options.order_date) : as_of, "--date ГГГГ-ММ-ДД");
    return exit_code::ok;
}

}  // namespace nastavnik::cli
