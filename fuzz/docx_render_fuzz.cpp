// A DOCX document, as `render` (and the PDF of every generated document) reads it: the
// package with its limits, styles, numbering, sections, headers and footers, tables,
// pictures and fields laid out in pages and written as a PDF. The mutator changes the XML
// inside the package and zips it again.

#include "common.hpp"
#include "dictionary.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/pdf/render.hpp"

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned seed) {
    static const std::vector<std::string> tokens = {"<w:p/>", "<w:br w:type=\"page\"/>", "<w:tab/>", "PAGE", "NUMPAGES",
                                                    "\u00AD", "\u2011", "-", " ", "\t", "999999", "-999999"};
    return fuzz::mutate_package(data, size, max_size, seed, tokens);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    try {
        pdf::RenderOptions options;
        options.file_name = "fuzz.docx";
        options.creation_date = fuzz::as_of();
        // The mutator nests copies of elements into 15 KB packages of thousands of pages, legal
        // under the 3 000-page limit but 10–25 s each under ASan: timeouts that find nothing.
        // Past 300 pages every page is laid out by the same code as the first 300.
        options.max_pages = 300;
        (void)pdf::render_docx(std::string(reinterpret_cast<const char*>(data), size), options);
    } catch (const Error&) {
    }
    return 0;
}
