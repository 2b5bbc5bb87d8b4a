#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/rule_tests.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <iostream>

namespace nastavnik::cli {

namespace {

int list(const rules::Catalog& catalog) {
    for (const auto& rs : catalog.all()) {
        std::cout << rs->id << "\t" << rs->version << "\t"
                  << (rs->region.empty() ? "все регионы" : rs->region)
                  << (rs->municipality.empty() ? "" : ", " + rs->municipality) << "\tс "
                  << text::date_numeric(rs->valid_from)
                  << (rs->valid_to ? " по " + text::date_numeric(*rs->valid_to) : std::string{}) << "\t"
                  << rs->rules.size() << " правил\t" << rs->title << "\n";
    }
    return exit_code::ok;
}

int test(const rules::Catalog& catalog) {
    const auto report = rules::run_rule_tests(catalog);
    std::cout << rules::format_rule_test_report(report);
    return report.ok() ? exit_code::ok : exit_code::findings;
}

}  // namespace

int run_ruleset(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"data-dir"}});
    if (args.positional().empty()) {
        throw Error(ErrorCode::usage, "укажите действие: nastavnik ruleset list | test");
    }
    const std::string action = args.positional().front();
    const auto catalog = rules::Catalog::load(data_dir(args.value("data-dir").value_or("")) / "rulesets");
    if (action == "list") return list(catalog);
    if (action == "test") return test(catalog);
    throw Error(ErrorCode::usage, "неизвестное действие «" + action + "»; допустимы: list, test");
}

}  // namespace nastavnik::cli
