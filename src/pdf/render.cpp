#include "nastavnik/pdf/render.hpp"

#include "pdf/docx_reader.hpp"
#include "pdf/fonts.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf_writer.hpp"

namespace nastavnik::pdf {

RenderResult render_docx(const std::string& docx_bytes, const RenderOptions& options) {
    Warnings warnings(options.file_name);
    Document doc = read_docx(docx_bytes, warnings);
    FontResolver fonts(warnings, &doc.font_classes);
    settle_floating_tables(doc, fonts, warnings);
    const auto pages = paginate(doc, fonts, warnings, doc.auto_hyphenation || options.force_hyphenation, options.max_pages);
    fonts.report_missing();
    RenderResult result;
    result.pdf = write_pdf(pages, doc, options, warnings);
    result.pages = static_cast<int>(pages.size());
    result.warnings = warnings.items();
    return result;
}

void prepare_for_threads() {
    prepare_writer();
    // Loads fontconfig's configuration and the hyphenation patterns in this thread.
    Warnings w("");
    FontResolver fonts(w);
    (void)fonts.face("Times New Roman", false, false);
}

}  // namespace nastavnik::pdf
