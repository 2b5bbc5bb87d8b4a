#pragma once
// Internal: laid-out pages → PDF bytes with PoDoFo. Fonts are embedded as subsets with
// Identity-H encoding and a ToUnicode map (Russian text copies and searches correctly); the
// dates and the file identifier depend only on the input, so output is byte-identical.

#include "nastavnik/pdf/render.hpp"
#include "pdf/layout.hpp"

#include <string>
#include <vector>

namespace nastavnik::pdf {

/// Sets PoDoFo's process-wide state once; called by write_pdf, and by batches before threads.
void prepare_writer();

std::string write_pdf(const std::vector<Page>& pages, const Document& doc, const RenderOptions& options, Warnings& warnings);

}  // namespace nastavnik::pdf
