#include "nastavnik/pdf/render.hpp"

#include "pdf/docx_reader.hpp"
#include "pdf/fonts.hpp"
#include "pdf/layout.hpp"
#include "pdf/pdf_writer.hpp"

namespace nastavnik::pdf {

RenderResult render_docx(const std::string& docx_bytes, const RenderOptions& options) {
    Warnings warnings(options.file_name);
    const Document doc = read_docx(docx_bytes, warnings);
    FontResolver fonts(warnings);
    const auto pages = paginate(doc, fonts, warnings, doc.auto_hyphenation || options.force_hyphenation);
    RenderResult result;
    result.pdf = write_pdf(pages, doc, options, warnings);
    result.pages = static_cast<int>(pages.size());
    result.warnings = warnings.items();
    return result;
}

}  // namespace nastavnik::pdf
