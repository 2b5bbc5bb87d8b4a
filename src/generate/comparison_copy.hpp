#pragma once
// A document the organisation issued before the as-of date, drawn again on request
// (generate --reissue): it says so on its face, so that the copy is never taken for an original
// and signed under its old date (reader of 7.12.2026, C1).

#include "nastavnik/core/date.hpp"

#include <string>

namespace nastavnik::generate {

/// The DOCX with «Экземпляр для сверки: составлен по данным на ДД.ММ.ГГГГ, не подписывается» in
/// every page header, right-aligned in italics (the first line of the text if it has no header).
std::string mark_for_comparison(const std::string& docx_bytes, const Date& as_of);

}  // namespace nastavnik::generate
