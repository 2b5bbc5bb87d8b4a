// Our template engine's time per document, for the comparison with docxtemplater (issue 6):
// the organisation's data tree and the template are loaded once, then the template is
// rendered N times — what `nastavnik batch` does for each organisation, without writing.
//
//   bench_template ORG.json AS_OF TEMPLATE.docx N OUT.docx
//
// Prints one line: "<load ms> <wall ms per document> <CPU ms per document> <output bytes>".
// CPU time is printed too because the machine is shared: on a loaded machine wall time
// includes waiting for a core, CPU time does not (and counts every thread). The first rendering
// is a warm-up outside the timing (as for node, whose JIT needs one); it is written to
// OUT.docx, so that the script can check it is byte for byte what `generate` writes.

#include "bench_support.hpp"

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>

using namespace nastavnik;

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::cerr << "usage: bench_template ORG.json AS_OF TEMPLATE.docx N OUT.docx\n";
        return 2;
    }
    try {
        const std::string as_of = argv[2];
        const std::filesystem::path template_file = argv[3];
        const long n = std::strtol(argv[4], nullptr, 10);
        if (n < 1 || !Date::parse_iso(as_of)) throw Error(ErrorCode::usage, "N ≥ 1 и дата YYYY-MM-DD");

        const auto load_start = std::chrono::steady_clock::now();
        const auto tree = data::DataTree::load(argv[1]);
        const auto tpl = docx::Template::load(template_file);
        const auto& kind = bench::kind_of_template(template_file);
        const xpath::Evaluator ev(tree.doc(), as_of, bench::document_variables(tree, as_of, kind.act_kind));
        const xmlNodePtr item = bench::first_item(ev, kind, tree);
        const double load_ms = ms_since(load_start);

        const std::string first = tpl.render(ev, item);
        write_file_atomic(argv[5], first);

        // The size of every output is summed so that the compiler cannot drop the renderings
        // and so that a rendering that differs in size would show.
        std::size_t total = 0;
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpu_start = std::clock();
        for (long k = 0; k < n; ++k) total += tpl.render(ev, item).size();
        const double cpu_per_doc = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / static_cast<double>(n);
        const double per_doc = ms_since(start) / static_cast<double>(n);
        if (total != first.size() * static_cast<std::size_t>(n)) throw Error(ErrorCode::internal, "размер документа менялся");
        std::printf("%.3f %.4f %.4f %zu\n", load_ms, per_doc, cpu_per_doc, first.size());
        return 0;
    } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
        return 1;
    }
}
