#pragma once
// `pdf`: our own renderer of a (generated) DOCX to PDF — no office suite involved. It reads the
// WordprocessingML our templates and ordinary office documents use, lays it out with the fonts
// installed on the machine (fontconfig, FreeType, Russian hyphenation) and writes the PDF with
// PoDoFo: fonts embedded and subset, text copyable, output byte-identical for the same input.

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"

#include <optional>
#include <string>
#include <vector>

namespace nastavnik::pdf {

/// Named limits on hostile or absurd documents, with their reason.
struct RenderLimits {
    // Far beyond any school document; a 100 000-row table stops here instead of eating memory.
    static constexpr int max_pages = 3000;
    // UTF-8 text of the whole document: about 2 000 pages of dense Russian text. Layout needs
    // roughly 30 bytes per byte of text, so this bounds memory to a few hundred MB.
    static constexpr std::size_t max_text_bytes = 12u << 20;
    // Nesting tables inside tables deeper than this is a hostile file, not a document.
    static constexpr int max_table_depth = 8;
    // Pictures are decoded whole into memory (3–4 bytes a pixel): a 40 KB PNG of zeros can
    // claim 100 000 × 100 000 pixels. A 48-megapixel photo still prints.
    static constexpr unsigned long max_image_pixels = 64'000'000;
    static constexpr unsigned long max_image_side = 30'000;
};

struct RenderOptions {
    std::string title;    // empty: the document's own title (docProps/core.xml), if any
    std::string author;
    std::string subject;
    std::string file_name = "документ.docx";  // named in errors and warnings
    // Written as /CreationDate and /ModDate. Never the clock: the same DOCX must give the
    // same bytes. Absent: 2000-01-01.
    std::optional<Date> creation_date;
    // Hyphenate justified text even where the document does not ask for automatic hyphenation.
    bool force_hyphenation = false;
    // Pages beyond this end the rendering with an error. Never above RenderLimits::max_pages;
    // lower only where a long document costs more than it shows (the fuzzing harness, where
    // AddressSanitizer makes a 3 000-page mutant take 10–25 s).
    int max_pages = RenderLimits::max_pages;
};

struct RenderResult {
    std::string pdf;
    // What could not be reproduced (unsupported constructs, replaced fonts), each once, in
    // Russian, naming the part. The PDF still shows a visible stand-in for each.
    std::vector<Diagnostic> warnings;
    int pages = 0;
};

/// Throws Error(package_invalid) naming the file and part when the DOCX cannot be read, and
/// Error(package_invalid) when it exceeds RenderLimits.
RenderResult render_docx(const std::string& docx_bytes, const RenderOptions& options);

/// Call once before rendering on several threads at a time (render_docx is then safe to call
/// concurrently: fonts are matched under a lock, FreeType faces are per thread).
void prepare_for_threads();

}  // namespace nastavnik::pdf
