// A DOCX template, as `generate` and `batch` load and fill it: the package opened with its
// limits, tags found across runs, blocks matched, expressions compiled; then filled with the
// sample organisation and read back as text. The mutator changes the XML inside the package
// and zips it again.

#include "common.hpp"
#include "dictionary.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/docx/template.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::sample_organisation();
    return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned seed) {
    return fuzz::mutate_package(data, size, max_size, seed, fuzz::template_tokens());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    try {
        const auto tpl = docx::Template::from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.docx");
        const auto& tree = fuzz::sample_organisation();
        xpath::Evaluator ev(tree.doc(), fuzz::as_of().iso(),
                            {{"order_number", "127"}, {"order_date", "2023-09-01"}, {"approved_number", "78-од"},
                             {"approved_date", "2022-08-31"}});
        const std::string filled = tpl.render(ev, tree.root());
        (void)docx::document_text(filled);
    } catch (const Error&) {
    }
    return 0;
}
