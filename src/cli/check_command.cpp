#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/core/file_io.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <iostream>

namespace nastavnik::cli {

int run_check(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"ruleset"}, {"as-of"}, {"format"}, {"data-dir"}, {"explain", false}, {"act"}});
    if (args.positional().size() != 1) {
        throw Error(ErrorCode::usage, "укажите один файл организации: nastavnik check ORG.json [--ruleset ID] "
                                      "[--as-of ГГГГ-ММ-ДД] [--format text|json] [--explain] [--act СПРАВКА.docx]");
    }
    const std::string format = args.value("format").value_or("text");
    if (format != "text" && format != "json") {
        throw Error(ErrorCode::usage, "--format: ожидается text или json, получено «" + format + "»");
    }
    const Date as_of = as_of_date(args.value("as-of"));
    const auto dir = data_dir(args.value("data-dir").value_or(""));
    const auto tree = data::DataTree::load(args.positional().front());
    const auto catalog = rules::Catalog::load(dir / "rulesets");
    const auto selection = choose_rulesets(catalog, tree, args.value("ruleset"), as_of);
    auto result = rules::check(tree, selection.rulesets, as_of);
    rules::describe_check(result, selection, tree);
    if (const auto act = args.value("act")) {
        // The act is written before the report is printed: a failure leaves neither.
        write_file_atomic(*act, in_requested_format(rules::check_document(result, tree, dir / "templates" / "spravka-o-proverke.docx"),
                                                    *act, "Справка о результатах проверки", as_of));
    }
    std::cout << (format == "json" ? rules::report_json(result, tree) : rules::report_text(result, tree, args.flag("explain")));
    return rules::exit_code_of(result.conclusion());
}

}  // namespace nastavnik::cli
