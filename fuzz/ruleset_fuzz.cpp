// A ruleset file, as `ruleset lint/show/diff` and every check read it: validated against the
// XSD, its XPath compiled; then — the point of starting from the real, schema-valid rulesets
// and mutating them as XML trees — the engine applies it to the sample organisation and the
// sample municipality, lints it and prints it.

#include "common.hpp"
#include "dictionary.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/rules/ruleset.hpp"
#include "nastavnik/rules/tools.hpp"

#include <cstring>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::sample_organisation();
    (void)fuzz::sample_municipality();
    return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned seed) {
    const std::string out = fuzz::mutate_xml(std::string(reinterpret_cast<const char*>(data), size), max_size, seed,
                                             fuzz::xpath_tokens());
    std::memcpy(data, out.data(), out.size());
    return out.size();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    const auto file = fuzz::scratch() / "ruleset.xml";
    fuzz::write(file, std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        const auto rs = rules::load_ruleset(file, fuzz::source_dir() / "rulesets/schema/ruleset-1.xsd");
        (void)rules::lint(rs);
        (void)rules::show(rs);
        const Date day = rs.in_force(fuzz::as_of()) ? fuzz::as_of() : rs.valid_from;
        try {
            const auto& org = fuzz::sample_organisation();
            (void)rules::report_text(rules::check(org, {&rs}, day), org, true);
        } catch (const Error&) {
        }
        try {
            const auto& mun = fuzz::sample_municipality();
            (void)rules::check(mun, {&rs}, day, rules::Subject::municipality);
        } catch (const Error&) {
        }
    } catch (const Error&) {
    }
    return 0;
}
