// A municipality in one JSON file, as `batch` reads it: the municipality's own data against
// its schema, the organisations inside it each against the organisation schema, every
// organisation and the municipality checked (no documents: --check-only), the summary, the
// CSV table and the manifest written.

#include "common.hpp"

#include "nastavnik/batch/batch.hpp"
#include "nastavnik/core/error.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fuzz::catalog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    const auto file = fuzz::scratch() / "municipality.json";
    fuzz::write(file, std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        const auto input = batch::load_municipality(file);
        batch::Options options;
        options.out_dir = fuzz::scratch() / "out";
        options.templates_dir = fuzz::source_dir() / "templates";
        options.as_of = fuzz::as_of();
        options.check_only = true;
        options.jobs = 1;
        (void)batch::run(input, fuzz::catalog(), options);
    } catch (const Error&) {
    }
    return 0;
}
