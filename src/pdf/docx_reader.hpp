#pragma once
// Internal: DOCX package → Document. Styles, numbering and fields are resolved here so the
// layout sees only paragraphs, tables and images. Throws Error(package_invalid) naming the
// part for a package that is not a readable Word document; things it can show only
// approximately are reported to `warnings`.

#include "pdf/model.hpp"
#include "pdf/warnings.hpp"

#include <string>

namespace nastavnik::pdf {

Document read_docx(const std::string& bytes, Warnings& warnings);

}  // namespace nastavnik::pdf
