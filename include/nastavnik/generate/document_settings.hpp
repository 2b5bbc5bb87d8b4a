#pragma once
// Per-organisation document settings (`document_settings` in the organisation file): the font
// and size of the text, the edition of ГОСТ Р 7.0.97 the clerk follows, and how orders are
// numbered. Absent settings leave the templates as their authors made them.

#include "nastavnik/data/data_tree.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace nastavnik::generate {

struct DocumentSettings {
    std::optional<std::string> font;           // "PT Astra Serif"
    std::optional<int> font_size_half_points;  // 28 = 14 pt (WordprocessingML counts half points)
    std::string gost_edition = "2016";         // "2016" | "2025"
    std::string order_number_format = "{n}";   // "{n}-од"
    bool hyphenation = true;                   // w:autoHyphenation: justified text hyphenated
};

/// Reads /data/document_settings. Throws Error(data_invalid) at the field's location when
/// order_number_format does not hold exactly one «{n}».
DocumentSettings document_settings(const data::DataTree& tree);

/// A registration number as the organisation writes it: a bare number (or the blank line of
/// a number not yet assigned) goes into the format, «15» → «15-од»; a number that already
/// carries letters or signs («78-од», «12/3») is the real one and stays as recorded.
std::string format_order_number(const DocumentSettings& settings, std::string_view number);

/// The DOCX with the settings' font and size in its default run properties and its Normal
/// style (word/styles.xml), and automatic hyphenation on or off in word/settings.xml
/// (w:autoHyphenation, which Word, LibreOffice and our PDF renderer all honour) — when on, with
/// words in capitals kept whole (w:doNotHyphenateCaps: «МБДОУ», never «МБ-/ДОУ»); a part that
/// already says so is not rewritten, so the same bytes come back when nothing differs.
/// Deterministic.
/// `hyphenates`: what settings_hyphenation says of `docx`, when the caller knows (a filled
/// template keeps its template's settings part; `generate` reads it once per template) — then
/// the part is not even opened.
std::string apply_document_settings(const std::string& docx, const DocumentSettings& settings,
                                    std::optional<bool> hyphenates = std::nullopt);

/// Whether a DOCX asks for automatic hyphenation (w:autoHyphenation in word/settings.xml).
bool hyphenates(const std::string& docx);

/// The hyphenation a DOCX's settings part holds as apply_document_settings writes it: true when
/// on with words in capitals kept whole, false when off; nullopt when on for capitals too (the
/// part is to be rewritten).
std::optional<bool> settings_hyphenation(const std::string& docx);

}  // namespace nastavnik::generate
