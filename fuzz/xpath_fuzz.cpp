// XPath expressions as rules and template tags hold them: compiled, then evaluated on the
// sample organisation as a string, a boolean, a number and a node-set, with our n: functions
// and $variables; and interpolated as a rule message is.

#include "common.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/xpath/evaluator.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::sample_organisation();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto& tree = fuzz::sample_organisation();
    // One evaluator for the process, as a template's or a ruleset's is for all its expressions.
    static const xpath::Evaluator ev(tree.doc(), fuzz::as_of().iso(),
                                     {{"programme_max_months", "12"}, {"order_number", "127"}, {"order_date", "2023-09-01"}});
    (void)xpath::references(text);
    try {
        const auto e = xpath::Expression::compile(text);
        for (int kind = 0; kind < 4; ++kind) {
            try {
                switch (kind) {
                    case 0: (void)ev.string(e, tree.root(), 2, 3); break;
                    case 1: (void)ev.boolean(e, tree.root()); break;
                    case 2: (void)ev.number(e, tree.root()); break;
                    default: (void)ev.nodes(e, tree.root()); break;
                }
            } catch (const Error&) {
            }
        }
    } catch (const Error&) {
    }
    try {
        (void)ev.interpolate(text, tree.root());
    } catch (const Error&) {
    }
    return 0;
}
