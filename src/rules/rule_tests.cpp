#include "nastavnik/rules/rule_tests.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/jurisdiction.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace nastavnik::rules {

namespace {

using input::JsonValue;

std::string text_field(const JsonValue& v, const char* key) {
    const JsonValue* f = v.find(key);
    return f != nullptr && f->kind == JsonValue::Kind::string ? f->scalar : std::string{};
}

// The base a case names, inside the tests folder of its ruleset (the case is
// tests/RULE-ID/NAME.json, the folder is its grandparent): a case file is data someone may hand
// over, and «base» must not read whatever file it names. Symbolic links are resolved before the
// comparison, so a link pointing out of the folder is refused too.
std::filesystem::path base_file(const std::filesystem::path& file, const std::string& base, const InputLocation& where) {
    namespace fs = std::filesystem;
    const fs::path relative = fs::path(base);
    const fs::path tests = file.parent_path().parent_path();
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(tests.empty() ? fs::path(".") : tests, ec);
    const fs::path target = ec ? fs::path() : fs::weakly_canonical(file.parent_path() / relative, ec);
    const auto inside = [&] {
        if (ec || relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) return false;
        const auto [r, t] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
        return r == root.end() && t != target.end();
    };
    if (!inside()) {
        throw Error(ErrorCode::data_invalid,
                    "поле «base»: путь «" + base + "» ведёт за пределы папки случаев набора правил (" + tests.string() +
                        "); базовая организация должна лежать в этой папке, путь указывается относительно файла случая, "
                        "например «../base.json»",
                    where);
    }
    return file.parent_path() / relative;
}

// The data of a case: its base with the patch applied — an organisation, or a municipality
// (municipality.json with organisation summaries) for the rules whose subject it is; the base
// file's "format" says which.
data::DataTree case_tree(const JsonValue& spec, const std::filesystem::path& file) {
    const std::string base = text_field(spec, "base");
    const InputLocation where{file.string(), spec.position.line, spec.position.column, "base"};
    if (base.empty()) throw Error(ErrorCode::data_invalid, "нет поля «base» (путь к базовой организации)", where);
    JsonValue data = input::read_json_file(base_file(file, base, where));
    if (const JsonValue* patch = spec.find("patch")) input::merge_patch(data, *patch);
    const bool municipality = data::is_municipality_format(text_field(data, "format"));
    return data::DataTree::from_json(data, file.string(),
                                     municipality ? data::municipality_file_format() : data::organisation_file_format());
}

Date case_date(const JsonValue& spec, const std::filesystem::path& file) {
    const std::string s = text_field(spec, "as_of");
    if (auto d = Date::parse_iso(s)) return *d;
    throw Error(ErrorCode::data_invalid, "поле «as_of»: ожидается дата в формате ГГГГ-ММ-ДД", InputLocation{file.string(), spec.position.line, spec.position.column, "as_of"});
}

std::string describe(const std::multiset<std::pair<std::string, std::string>>& s) {
    if (s.empty()) return "нет проверок";
    std::string out;
    for (const auto& [subject, outcome] : s) out += (out.empty() ? "" : ", ") + (subject.empty() ? "(корень)" : subject) + " → " + outcome;
    return out;
}

CaseResult run_case(const Catalog& catalog, const Ruleset& rs, const std::string& rule_id, Subject rule_subject,
                    const std::filesystem::path& file, RuleCoverage& cov) {
    CaseResult r{file, rs.id, rule_id, {}, false, {}};
    try {
        const JsonValue spec = input::read_json_file(file);
        r.description = text_field(spec, "description");
        const auto tree = case_tree(spec, file);
        const Date as_of = case_date(spec, file);
        // The ruleset is tested together with the layers above it, as it is applied.
        const CheckResult result = check(tree, catalog.chain_of(rs, as_of), as_of, rule_subject);
        const JsonValue* expect = spec.find("expect");
        if (expect == nullptr) throw Error(ErrorCode::data_invalid, "нет поля «expect»", InputLocation{file.string(), 0, 0, {}});
        if (expect->kind == JsonValue::Kind::string && expect->scalar == "not_applicable") {
            const bool na = std::any_of(result.not_applicable.begin(), result.not_applicable.end(),
                                        [&](const Rule* x) { return x->id == rule_id; }) &&
                            std::none_of(result.findings.begin(), result.findings.end(),
                                         [&](const Finding& f) { return f.rule->id == rule_id; });
            r.passed = na;
            if (!na) r.failure = "ожидалось, что правило не применимо (нет объектов проверки), а объекты найдены";
            return r;
        }
        // An expected item may name the category of a violation; then the actual one is compared
        // with it too («violated (рекомендация)»).
        std::multiset<std::pair<std::string, std::string>> expected, actual;
        bool with_category = false;
        for (const auto& item : expect->items) {
            std::string outcome = text_field(item, "outcome");
            if (const std::string c = text_field(item, "category"); !c.empty()) {
                outcome += " (" + c + ")";
                with_category = true;
            }
            expected.emplace(text_field(item, "subject"), outcome);
        }
        for (const auto& f : result.findings) {
            if (f.rule->id != rule_id) continue;
            std::string outcome = outcome_token(f.outcome);
            const bool categorised = std::any_of(expect->items.begin(), expect->items.end(), [&](const JsonValue& item) {
                return text_field(item, "subject") == f.subject.path && !text_field(item, "category").empty();
            });
            if (f.outcome == Outcome::violated && with_category && categorised) outcome += std::string(" (") + category_name(f.category) + ")";
            actual.emplace(f.subject.path, outcome);
        }
        r.passed = expected == actual && !expected.empty();
        if (!r.passed) r.failure = "ожидалось: " + describe(expected) + "; получено: " + describe(actual);
        for (const auto& f : result.findings) {
            if (r.passed && f.rule->id == rule_id && !f.message_error.empty()) {
                r.passed = false;
                r.failure = "сообщение о нарушении (" + f.subject.path + ") не сформировано: " + f.message_error;
            }
        }
        if (r.passed) {
            for (const auto& [subject, outcome] : expected) {
                if (outcome == "satisfied") cov.satisfied = true;
                if (outcome.rfind("violated", 0) == 0) cov.violated = true;
                if (outcome == "not_evaluable") cov.not_evaluable = true;
                if (outcome == std::string("violated (") + category_name(Category::violation) + ")") cov.binding_violation = true;
                if (outcome == std::string("violated (") + category_name(Category::pending) + ")") cov.pending = true;
            }
        }
    } catch (const Error& e) {
        r.failure = e.diagnostics().front().to_string();
    }
    return r;
}

CaseResult run_selection_case(const Ruleset& rs, const std::filesystem::path& file) {
    CaseResult r{file, rs.id, {}, {}, false, {}};
    try {
        const JsonValue spec = input::read_json_file(file);
        r.description = text_field(spec, "description");
        const auto tree = case_tree(spec, file);
        const Date as_of = case_date(spec, file);
        const JsonValue* expect = spec.find("expect_ruleset_selected");
        if (expect == nullptr || expect->kind != JsonValue::Kind::boolean) {
            throw Error(ErrorCode::data_invalid, "нет логического поля «expect_ruleset_selected»", InputLocation{file.string(), 0, 0, {}});
        }
        const bool want = expect->scalar == "true";
        // A municipality's file names itself; an organisation's names its municipality.
        const bool municipal = !tree.field("municipality", "name").empty();
        const std::string region = tree.field(municipal ? "municipality" : "organisation", "region");
        const std::string place = municipal ? tree.field("municipality", "name") : tree.organisation_field("municipality");
        // Names compared as the check compares them («г. Барнаул», a Latin «c» in «Бийcк»).
        const bool region_ok = rs.region.empty() || place_key(rs.region) == place_key(region);
        const bool place_ok = rs.municipality.empty() || place_key(rs.municipality) == place_key(place);
        const bool got = region_ok && place_ok && rs.in_force(as_of) &&
                         reaches_founder(rs, municipal ? std::string() : founder_of(tree));
        r.passed = want == got;
        if (!r.passed) r.failure = want ? "набор правил не выбран, а должен" : "набор правил выбран, а не должен";
    } catch (const Error& e) {
        r.failure = e.diagnostics().front().to_string();
    }
    return r;
}

std::vector<std::filesystem::path> json_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

std::size_t RuleTestReport::failed() const {
    return static_cast<std::size_t>(std::count_if(cases.begin(), cases.end(), [](const CaseResult& c) { return !c.passed; }));
}

std::size_t RuleTestReport::incomplete() const {
    return static_cast<std::size_t>(std::count_if(coverage.begin(), coverage.end(), [](const RuleCoverage& c) { return !c.complete(); }));
}

CaseResult run_rule_case(const Catalog& catalog, const Ruleset& rs, const Rule& rule, const std::filesystem::path& file) {
    RuleCoverage unused;
    return run_case(catalog, rs, rule.id, rule.subject, file, unused);
}

RuleTestReport run_rule_tests(const Catalog& catalog) {
    RuleTestReport report;
    for (const auto& rs : catalog.all()) {
        const auto tests = rs->file.parent_path() / "tests";
        std::vector<std::string> tested;
        for (const auto& rule : rs->rules) {
            RuleCoverage cov{rs->id, rule.id, false, false, false, !rule.requirements.empty(), false, false, false, false};
            for (const auto& f : json_files(tests / rule.id)) {
                report.cases.push_back(run_case(catalog, *rs, rule.id, rule.subject, f, cov));
            }
            report.coverage.push_back(cov);
            tested.push_back(rule.id);
        }
        // Rules of other layers this one adopts or sets a deadline for.
        std::vector<std::string> changed;
        for (const auto& a : rs->adoptions) changed.push_back(a.rule_id);
        for (const auto& d : rs->deadlines) changed.insert(changed.end(), d.rules.begin(), d.rules.end());
        for (const auto& id : changed) {
            if (std::find(tested.begin(), tested.end(), id) != tested.end()) continue;
            tested.push_back(id);
            const bool adopted = std::any_of(rs->adoptions.begin(), rs->adoptions.end(), [&](const Adoption& a) { return a.rule_id == id; });
            const bool deadline = std::any_of(rs->deadlines.begin(), rs->deadlines.end(), [&](const Deadline& d) {
                return std::find(d.rules.begin(), d.rules.end(), id) != d.rules.end();
            });
            RuleCoverage cov{rs->id, id, false, false, false, false, adopted, deadline, false, false};
            for (const auto& f : json_files(tests / id)) report.cases.push_back(run_case(catalog, *rs, id, Subject::organisation, f, cov));
            report.coverage.push_back(cov);
        }
        for (const auto& f : json_files(tests / "_selection")) report.cases.push_back(run_selection_case(*rs, f));
        // Rules of the layers above, tested as they apply under this one (a recommendation this
        // layer does not adopt stays one): cases allowed, coverage not required.
        for (const Ruleset* upper : catalog.uppers_of(*rs)) {
            for (const auto& rule : upper->rules) {
                if (std::find(tested.begin(), tested.end(), rule.id) != tested.end()) continue;
                const auto files = json_files(tests / rule.id);
                if (files.empty()) continue;
                tested.push_back(rule.id);
                RuleCoverage ignored{rs->id, rule.id, false, false, false, false, false, false, false, false};
                for (const auto& f : files) report.cases.push_back(run_case(catalog, *rs, rule.id, rule.subject, f, ignored));
            }
        }
        // A folder of cases for a rule that does not exist is a mistake worth reporting.
        std::error_code ec;
        if (std::filesystem::is_directory(tests, ec)) {
            for (const auto& e : std::filesystem::directory_iterator(tests)) {
                const auto name = e.path().filename().string();
                if (!e.is_directory() || name == "_selection") continue;
                const bool known = std::find(tested.begin(), tested.end(), name) != tested.end();
                if (!known) report.cases.push_back(CaseResult{e.path(), rs->id, name, {}, false, "в наборе нет правила «" + name + "», а случаи для него есть"});
            }
        }
    }
    return report;
}

std::string format_rule_test_report(const RuleTestReport& report) {
    std::string out;
    for (const auto& c : report.cases) {
        if (!c.passed) out += "НЕ ПРОЙДЕН: " + c.file.string() + (c.rule_id.empty() ? "" : " [" + c.rule_id + "]") + ": " + c.failure + "\n";
    }
    for (const auto& c : report.coverage) {
        if (c.complete()) continue;
        std::string lacks;
        if (!c.adopted && !c.with_deadline && !c.satisfied) lacks += " satisfied";
        if (!c.adopted && !c.with_deadline && !c.violated) lacks += " violated";
        if (c.needs_not_evaluable && !c.not_evaluable) lacks += " not_evaluable";
        if ((c.adopted || c.with_deadline) && !c.binding_violation) lacks += " violated (нарушение)";
        if (c.with_deadline && !c.pending) lacks += " violated (срок не истёк)";
        out += "НЕТ СЛУЧАЕВ: [" + c.rule_id + "] (" + c.ruleset_id + "): не хватает:" + lacks + "\n";
    }
    out += "Случаев: " + std::to_string(report.cases.size()) + ", пройдено: " +
           std::to_string(report.cases.size() - report.failed()) + ", не пройдено: " + std::to_string(report.failed()) +
           "; правил: " + std::to_string(report.coverage.size()) + ", без полного набора случаев: " +
           std::to_string(report.incomplete()) + "\n";
    return out;
}

}  // namespace nastavnik::rules
