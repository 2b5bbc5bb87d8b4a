// An organisation's JSON file, as `check` and `generate` read it: parsed with positions,
// validated against the organisation schema into the data tree, checked by the rulesets that
// apply to it, reported as text and JSON.

#include "common.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/report.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::catalog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    try {
        const auto json = input::parse_json(std::string_view(reinterpret_cast<const char*>(data), size), "org.json");
        const auto tree = data::DataTree::from_json(json, "org.json");
        const auto rulesets = fuzz::catalog().select(tree.organisation_field("region"), tree.organisation_field("municipality"),
                                                     fuzz::as_of());
        const auto result = rules::check(tree, rulesets, fuzz::as_of());
        (void)rules::report_text(result, tree, true);
        (void)rules::report_json(result, tree);
    } catch (const Error&) {
        // a clear error is the expected answer to a bad file
    }
    return 0;
}
