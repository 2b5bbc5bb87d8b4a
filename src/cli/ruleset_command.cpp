#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/rule_tests.hpp"
#include "nastavnik/rules/tools.hpp"
#include "nastavnik/rules/ruleset_document.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <iostream>
#include <memory>

namespace nastavnik::cli {

namespace {

int list(const rules::Catalog& catalog) {
    for (const auto& rs : catalog.all()) {
        std::cout << rs->id << "\t" << rs->version << "\t"
                  << (rs->region.empty() ? "все регионы" : rs->region)
                  << (rs->municipality.empty() ? "" : ", " + rs->municipality) << "\tс "
                  << text::date_numeric(rs->valid_from)
                  << (rs->valid_to ? " по " + text::date_numeric(*rs->valid_to) : std::string{}) << "\t"
                  << text::with_noun(static_cast<long>(rs->rules.size()), "правило", "правила", "правил") << "\t"
                  << rs->title << "\n";
    }
    return exit_code::ok;
}

int test(const rules::Catalog& catalog) {
    const auto report = rules::run_rule_tests(catalog);
    std::cout << rules::format_rule_test_report(report);
    return report.ok() ? exit_code::ok : exit_code::findings;
}

int lint_all(const rules::Catalog& catalog, const std::optional<std::string>& texts) {
    std::size_t problems = 0;
    for (const auto& rs : catalog.all()) {
        for (const auto& d : rules::lint(*rs, catalog.uppers_of(*rs))) {
            std::cout << d.to_string() << "\n";
            ++problems;
        }
    }
    // Every cited node exists in its act's recorded structure (checked when the rulesets load);
    // with --texts, that structure is compared with the texts it was taken from.
    if (texts) {
        std::error_code ec;
        if (!std::filesystem::is_directory(*texts, ec)) {
            throw Error(ErrorCode::usage, "--texts: папка с текстами актов не найдена", InputLocation{*texts, 0, 0, {}});
        }
        std::size_t compared = 0;
        for (const auto& a : catalog.acts()->all()) {
            if (!a->source.empty() && std::filesystem::is_regular_file(std::filesystem::path(*texts) / a->source, ec)) ++compared;
        }
        for (const auto& d : rules::check_against_texts(*catalog.acts(), *texts)) {
            std::cout << d.to_string() << "\n";
            ++problems;
        }
        std::cout << "Структура актов сверена с текстами: " << compared << " из " << catalog.acts()->all().size() << "\n";
        std::size_t quotes = 0;
        for (const auto& rs : catalog.all()) {
            for (const auto& d : rules::check_quotes(*rs, *texts, &quotes)) {
                std::cout << d.to_string() << "\n";
                ++problems;
            }
        }
        std::cout << "Цитат сверено с текстами актов: " << quotes << "\n";
    }
    std::cout << "Наборов правил: " << catalog.all().size() << ", записанных актов: " << catalog.acts()->all().size()
              << ", замечаний: " << problems << "\n";
    return problems == 0 ? exit_code::ok : exit_code::findings;
}

// A ruleset given by file path (a draft, an old version) or by id.
const rules::Ruleset* resolve(const rules::Catalog& catalog, const std::string& what, const std::filesystem::path& schema,
                              std::vector<std::unique_ptr<rules::Ruleset>>& owned) {
    if (what.size() > 4 && what.substr(what.size() - 4) == ".xml") {
        owned.push_back(std::make_unique<rules::Ruleset>(rules::load_ruleset(what, schema, catalog.acts())));
        return owned.back().get();
    }
    for (const auto& rs : catalog.all()) {
        if (rs->id == what) return rs.get();
    }
    throw Error(ErrorCode::usage, "нет набора правил «" + what + "» (укажите идентификатор или путь к файлу .xml)");
}

}  // namespace

int run_ruleset(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"data-dir"}, {"replay"}, {"as-of"}, {"out"}, {"texts"}});
    const auto& pos = args.positional();
    if (pos.empty()) {
        throw Error(ErrorCode::usage, "укажите действие: nastavnik ruleset list | show ID | doc ID --out ФАЙЛ | lint [--texts ПАПКА] | test | diff A B [--replay ПАПКА]");
    }
    const std::string action = pos.front();
    const auto home = data_dir(args.value("data-dir").value_or(""));
    const auto root = home / "rulesets";
    const auto catalog = rules::Catalog::load(root);
    if (action == "list") return list(catalog);
    if (action == "test") return test(catalog);
    if (action == "lint") return lint_all(catalog, args.value("texts"));
    std::vector<std::unique_ptr<rules::Ruleset>> owned;
    const auto schema = root / "schema";
    if (action == "show") {
        if (pos.size() != 2) throw Error(ErrorCode::usage, "укажите набор правил: nastavnik ruleset show ID");
        std::cout << rules::show(*resolve(catalog, pos[1], schema, owned));
        return exit_code::ok;
    }
    if (action == "doc") {
        const auto out = args.value("out");
        if (pos.size() != 2 || !out) throw Error(ErrorCode::usage, "укажите набор правил и файл: nastavnik ruleset doc ID --out ФАЙЛ.docx|ФАЙЛ.pdf");
        const rules::Ruleset* rs = resolve(catalog, pos[1], schema, owned);
        const std::string bytes = in_requested_format(rules::ruleset_document(*rs, home / "templates" / "ruleset.docx"), *out,
                                                      rs->title, rs->valid_from);
        write_file_atomic(*out, bytes);
        std::cout << "Документ записан: " << *out << " ("
                  << text::with_noun(static_cast<long>(bytes.size()), "байт", "байта", "байт") << ")\n";
        return exit_code::ok;
    }
    if (action == "diff") {
        if (pos.size() != 3) throw Error(ErrorCode::usage, "укажите два набора правил: nastavnik ruleset diff A B [--replay ПАПКА]");
        const rules::Ruleset* a = resolve(catalog, pos[1], schema, owned);
        const rules::Ruleset* b = resolve(catalog, pos[2], schema, owned);
        const std::string changes = rules::diff(*a, *b);
        std::cout << (changes.empty() ? "Различий нет.\n" : changes);
        if (const auto dir = args.value("replay")) {
            const Date day = as_of_date(args.value("as-of"));
            // Both versions are replayed under the layers above the newer one, as they would apply.
            std::vector<const rules::Ruleset*> upper;
            for (const rules::Ruleset* u : catalog.chain_of(*b, day)) {
                if (u != b && u->id != b->id && u->layer < b->layer) upper.push_back(u);
            }
            std::cout << "\n" << rules::replay(*a, *b, *dir, day, upper);
        }
        return changes.empty() ? exit_code::ok : exit_code::findings;
    }
    throw Error(ErrorCode::usage, "неизвестное действие «" + action + "»; допустимы: list, show, doc, lint, test, diff");
}

}  // namespace nastavnik::cli
