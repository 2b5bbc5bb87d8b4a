// A rule's test case (rulesets/**/tests/RULE-ID/*.json), as `ruleset test` reads it: the spec,
// its base organisation or municipality with the JSON merge patch applied, validated, checked
// with the ruleset's chain and compared with what it expects. The input is the rule id on the
// first line, then the case file (fuzz/seeds make them from the cases in rulesets/).

#include "common.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/rule_tests.hpp"

#include <map>

namespace {

struct Target {
    const nastavnik::rules::Ruleset* ruleset;
    const nastavnik::rules::Rule* rule;
};

// Every rule by id; the bases of each ruleset's cases copied beside the case to be written.
const std::map<std::string, Target>& targets() {
    static const auto map = [] {
        std::map<std::string, Target> m;
        for (const auto& rs : fuzz::catalog().all()) {
            const auto tests = rs->file.parent_path() / "tests";
            std::error_code ec;
            for (std::filesystem::directory_iterator it(tests, ec), end; !ec && it != end; it.increment(ec)) {
                if (it->path().extension() == ".json") {
                    std::filesystem::create_directories(fuzz::scratch() / rs->id / "tests");
                    std::filesystem::copy_file(it->path(), fuzz::scratch() / rs->id / "tests" / it->path().filename(),
                                               std::filesystem::copy_options::overwrite_existing);
                }
            }
            for (const auto& rule : rs->rules) m.emplace(rule.id, Target{rs.get(), &rule});
        }
        return m;
    }();
    return map;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)targets();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto eol = input.find('\n');
    if (eol == std::string_view::npos) return 0;
    const auto it = targets().find(std::string(input.substr(0, eol)));
    if (it == targets().end()) return 0;
    const auto file = fuzz::scratch() / it->second.ruleset->id / "tests" / it->second.rule->id / "case.json";
    fuzz::write(file, input.substr(eol + 1));
    (void)rules::run_rule_case(fuzz::catalog(), *it->second.ruleset, *it->second.rule, file);
    return 0;
}
