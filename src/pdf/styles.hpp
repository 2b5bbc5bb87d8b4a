#pragma once
// Internal: styles.xml — document defaults, paragraph/character/table styles with basedOn
// inheritance, theme fonts — and applying rPr/pPr elements onto resolved properties.

#include "pdf/model.hpp"
#include "pdf/warnings.hpp"

#include <libxml/tree.h>

#include <map>
#include <string>

namespace nastavnik::pdf {

/// Applies the properties present in `rpr` (a w:rPr) onto `props`.
void apply_rpr(const xmlNode* rpr, RunProps& props, const std::map<std::string, std::string>& theme_fonts);
/// Applies the properties present in `ppr` (a w:pPr) onto `props`, tabs merged.
void apply_ppr(const xmlNode* ppr, ParaProps& props);

class StyleSheet {
public:
    StyleSheet() = default;
    /// `styles` may be null (no styles part); `theme_fonts` maps minorHAnsi/majorHAnsi… to names.
    StyleSheet(xmlNodePtr styles_root, std::map<std::string, std::string> theme_fonts, Warnings& warnings);

    /// Paragraph and run properties of paragraph style `id` (the default paragraph style if
    /// empty or unknown), defaults and the basedOn chain applied; replaces `para` and `run`.
    /// In a table cell, the pPr/rPr of the table's style `table_style` sit between the document
    /// defaults and the paragraph style (Table Grid's «no space after, single line spacing»).
    /// `conditions`: the table style's conditional formats that apply to the cell (firstRow,
    /// band1Horz … separated by spaces, in increasing priority), their pPr/rPr over the style's.
    void paragraph_style(const std::string& id, ParaProps& para, RunProps& run, const std::string& table_style = {},
                         const std::string& conditions = {}) const;
    /// Whether style `id` is named `name` (w:name, compared without case): «Hyperlink» is
    /// «a3» or «Hyperlink» by id depending on the language Word ran in.
    [[nodiscard]] bool named(const std::string& id, const std::string& name) const;
    /// Applies character style `id` (its basedOn chain) onto `run`.
    void character_style(const std::string& id, RunProps& run) const;
    [[nodiscard]] const std::map<std::string, std::string>& theme_fonts() const noexcept { return theme_fonts_; }
    /// Cell margins of the default table style.
    [[nodiscard]] const xmlNode* default_table_ppr() const noexcept { return default_table_; }
    [[nodiscard]] const xmlNode* table_style(const std::string& id) const;
    /// The conditional format `type` (w:tblStylePr: firstRow, band1Horz …) of table style `id`
    /// or the nearest style it is based on that has one; null if none.
    [[nodiscard]] const xmlNode* table_condition(const std::string& id, const std::string& type) const;

private:
    struct Style {
        std::string type, based_on;
        const xmlNode* ppr = nullptr;
        const xmlNode* rpr = nullptr;
        const xmlNode* tblpr = nullptr;
        const xmlNode* node = nullptr;
    };
    std::map<std::string, Style> styles_;
    std::map<std::string, std::string> theme_fonts_;
    const xmlNode* default_rpr_ = nullptr;
    const xmlNode* default_ppr_ = nullptr;
    const xmlNode* default_table_ = nullptr;
    std::string default_paragraph_;

    void chain(const std::string& id, std::vector<const Style*>& out) const;
    void resolve_paragraph_style(const std::string& id, ParaProps& para, RunProps& run, const std::string& table_style,
                                 const std::string& conditions) const;

    // Resolved once per style: a document applies the same few styles to thousands of
    // paragraphs and runs.
    mutable std::map<std::string, std::pair<ParaProps, RunProps>> paragraph_cache_;
    mutable std::map<std::string, std::vector<const xmlNode*>> character_cache_;
};

}  // namespace nastavnik::pdf
