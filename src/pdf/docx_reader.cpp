#include "pdf/docx_reader.hpp"

#include "nastavnik/pdf/render.hpp"
#include "docx/package.hpp"
#include "pdf/numbering.hpp"
#include "pdf/styles.hpp"
#include "pdf/bounded_cache.hpp"
#include "pdf/wml.hpp"
#include "pdf/xml_tree.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <functional>
#include <memory>

namespace nastavnik::pdf {

namespace {

constexpr const char* pkg_rel_ns = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* a_ns = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* wp_ns = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr const char* m_ns = "http://schemas.openxmlformats.org/officeDocument/2006/math";
constexpr const char* mc_ns = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr const char* wps_ns = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
constexpr const char* wpg_ns = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup";
constexpr const char* pic_ns = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr const char* c_ns = "http://schemas.openxmlformats.org/drawingml/2006/chart";
constexpr const char* v_ns = "urn:schemas-microsoft-com:vml";
constexpr const char* w10_ns = "urn:schemas-microsoft-com:office:word";

std::string local_name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

/// "word/document.xml" + "media/x.png" → "word/media/x.png"; "/word/x" is absolute.
std::string resolve_target(const std::string& source_part, const std::string& target) {
    if (!target.empty() && target[0] == '/') return target.substr(1);
    std::string base = source_part.substr(0, source_part.rfind('/') + 1);
    std::string t = target;
    while (t.rfind("../", 0) == 0) {
        t = t.substr(3);
        if (!base.empty()) base.pop_back();
        base = base.substr(0, base.rfind('/') + 1);
    }
    if (t.rfind("./", 0) == 0) t = t.substr(2);
    return base + t;
}

std::string rels_part(const std::string& part) {
    const auto slash = part.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string name = slash == std::string::npos ? part : part.substr(slash + 1);
    return dir + "_rels/" + name + ".rels";
}

struct Rel {
    std::string type;
    std::string target;  // resolved part name
    bool external = false;
};

double emu_to_pt(double emu) { return emu / 12700.0; }

class Reader {
public:
    Reader(const std::string& bytes, Warnings& warnings)
        : warnings_(warnings), package_(std::string(bytes), warnings.file()) {}

    Document read();

private:
    Warnings& warnings_;
    docx::Package package_;
    Document doc_;
    StyleSheet styles_;
    Numbering numbering_;
    // Parsed parts stay alive while the document is read: styles point into them. All but the
    // main part come from the process-wide cache and are read only.
    std::vector<std::shared_ptr<const xmlDoc>> keep_;
    std::string part_;                // the part being read, for warnings
    std::map<std::string, Rel> rels_; // of the part being read
    std::map<std::string, int> image_by_part_;
    int table_depth_ = 0;
    std::string table_style_;  // style of the table whose cells are being read
    std::string table_cond_;   // its conditional formats that apply to the cell being read
    std::size_t text_bytes_ = 0;
    // Footnotes and endnotes: their parts' roots (null: none), read as they are referenced.
    std::string footnotes_part_, endnotes_part_;
    xmlNodePtr footnotes_ = nullptr, endnotes_ = nullptr;
    int footnote_count_ = 0, endnote_count_ = 0;
    std::string note_mark_;  // of the note being read: what w:footnoteRef prints
    int note_depth_ = 0;

    // Complex fields (fldChar begin … separate … end) may span runs and paragraphs.
    struct Field {
        std::string instr;
        bool in_result = false;
        InlineKind special = InlineKind::text;  // page_field/pages_field: result replaced
    };
    std::vector<Field> fields_;

    std::string part_text(const std::string& part, bool required, const char* what);
    /// The root of a parsed part; `shared`: from the cache of parts (all but the main part,
    /// which is different in every document).
    xmlNodePtr parse(const std::string& part, bool required, const char* what, bool shared = true);
    std::map<std::string, Rel> read_rels(const std::string& part);
    std::map<std::string, std::string> theme_fonts(const std::string& part);
    void read_font_table(const std::string& part);
    void read_core();
    void read_settings(const std::string& part);

    void read_blocks(xmlNodePtr parent, std::vector<Block>* into);
    void read_section(const xmlNode* sect, Section& s);
    std::string story(const std::string& rid);
    std::unique_ptr<Paragraph> read_paragraph(xmlNodePtr p);
    std::unique_ptr<Table> read_table(xmlNodePtr tbl);
    /// A floating table (w:tblpPr) that moves with the text, as a frame the next paragraph
    /// anchors (the text wraps around it); -1 when it stays in the flow.
    int floating_table(xmlNodePtr tbl, std::unique_ptr<Table>& table);
    void read_inlines(xmlNodePtr parent, const RunProps& base, Paragraph& out);
    void read_run(xmlNodePtr r, const RunProps& base, Paragraph& out);
    void read_drawing(xmlNodePtr drawing, const RunProps& props, Paragraph& out);
    /// The picture a:blip/v:imagedata names (Document::images), or -1 with a warning.
    int picture(const std::string& rid);
    /// A DrawingML shape, picture or group (wps:wsp, pic:pic, wpg:wgp/grpSp) as a frame.
    int dml_frame(xmlNodePtr shape, double width, double height);
    /// The VML shapes of a w:pict or w:object as frames in the line.
    void read_vml(xmlNodePtr pict, const RunProps& props, Paragraph& out);
    int vml_frame(xmlNodePtr shape, double scale_x, double scale_y, double origin_x, double origin_y, bool in_group);
    std::vector<Block> text_box(xmlNodePtr txbx_content);
    void emit_text(Paragraph& out, const RunProps& props, std::string text);
    void read_note(xmlNodePtr ref, bool endnote, const RunProps& props, Paragraph& out);
    bool in_toc() const {
        for (const auto& f : fields_) {
            const auto start = f.instr.find_first_not_of(' ');
            if (f.in_result && start != std::string::npos && f.instr.compare(start, 3, "TOC") == 0) return true;
        }
        return false;
    }
    bool suppressed() const {
        for (const auto& f : fields_) {
            if (!f.in_result || f.special != InlineKind::text) return true;
        }
        return false;
    }
    void warn(const std::string& message) { warnings_.add(part_, message); }
};

std::string Reader::part_text(const std::string& part, bool required, const char* what) {
    if (!package_.has(part)) {
        if (required) {
            throw Error(ErrorCode::package_invalid,
                        std::string("в пакете нет части «") + part + "» (" + what + ") — ожидается документ Word (DOCX)",
                        InputLocation{warnings_.file(), 0, 0, part});
        }
        return {};
    }
    return package_.read(part);
}

namespace {

// Parsed parts shared by every document of a run that carries the same bytes: styles,
// numbering, theme, settings, headers and footers, relationships come from the template and
// are the same in thousands of documents of a batch. A template's styles.xml is 350 KB
// (python-docx writes every built-in style out in full) and parsing it was half of the time of
// printing a one-page consent; inflating and parsing the other parts was still a fifth of
// reading one. The key is the part as stored in the zip (docx::Package::stored_form), so a
// part already parsed is not even inflated. The trees are only read after parsing (the reader
// and StyleSheet keep const pointers), so threads may share them.
using Doc = std::shared_ptr<const xmlDoc>;

// A run prints from a few templates of about ten such parts each; a stream of unrelated
// documents must not grow memory. Bounded by the XML the trees were parsed from (a tree
// takes a few times its size): 64 trees, 4 MB of XML, no part over 1 MB.
constexpr std::size_t max_cached_part_bytes = 1u << 20;

BoundedCache<Doc>& part_cache() {
    static BoundedCache<Doc> cache(64, 4u << 20);
    return cache;
}

}  // namespace

xmlNodePtr Reader::parse(const std::string& part, bool required, const char* what, bool shared) {
    if (!shared || !package_.has(part)) {
        const std::string xml = part_text(part, required, what);
        if (xml.empty() && !required) return nullptr;
        keep_.push_back(parse_tree(xml, warnings_.file(), part));
    } else {
        // An empty part is no tree (nullptr, as when it is absent) and is not kept.
        auto doc = part_cache().get(package_.stored_form(part), 0, [&](Doc& tree, std::optional<std::size_t>& cost) {
            const std::string xml = package_.read(part);
            if (xml.empty()) return;
            tree = parse_tree(xml, warnings_.file(), part);
            if (xml.size() <= max_cached_part_bytes) cost = xml.size();
        });
        if (doc == nullptr) return nullptr;
        keep_.push_back(std::move(doc));
    }
    xmlNodePtr root = xmlDocGetRootElement(const_cast<xmlDoc*>(keep_.back().get()));
    if (root == nullptr) {
        throw Error(ErrorCode::package_invalid, std::string("часть «") + part + "» пуста — ожидается " + what,
                    InputLocation{warnings_.file(), 0, 0, part});
    }
    return root;
}

std::map<std::string, Rel> Reader::read_rels(const std::string& part) {
    std::map<std::string, Rel> rels;
    const std::string name = rels_part(part);
    if (!package_.has(name)) return rels;
    xmlNodePtr root = parse(name, false, "связи части");
    for (xmlNodePtr r = root == nullptr ? nullptr : root->children; r != nullptr; r = r->next) {
        if (!wml::is(r, pkg_rel_ns, "Relationship")) continue;
        xmlChar* id = xmlGetProp(r, reinterpret_cast<const xmlChar*>("Id"));
        xmlChar* type = xmlGetProp(r, reinterpret_cast<const xmlChar*>("Type"));
        xmlChar* target = xmlGetProp(r, reinterpret_cast<const xmlChar*>("Target"));
        xmlChar* mode = xmlGetProp(r, reinterpret_cast<const xmlChar*>("TargetMode"));
        if (id != nullptr && type != nullptr && target != nullptr) {
            Rel rel;
            rel.type = reinterpret_cast<const char*>(type);
            rel.external = mode != nullptr && std::strcmp(reinterpret_cast<const char*>(mode), "External") == 0;
            rel.target = rel.external ? reinterpret_cast<const char*>(target)
                                      : resolve_target(part, reinterpret_cast<const char*>(target));
            rels[reinterpret_cast<const char*>(id)] = rel;
        }
        xmlFree(id);
        xmlFree(type);
        xmlFree(target);
        xmlFree(mode);
    }
    return rels;
}

std::map<std::string, std::string> Reader::theme_fonts(const std::string& part) {
    std::map<std::string, std::string> fonts;
    // Office's defaults, for documents whose theme part is missing.
    fonts["minorHAnsi"] = "Calibri";
    fonts["majorHAnsi"] = "Cambria";
    if (part.empty() || !package_.has(part)) return fonts;
    xmlNodePtr root = parse(part, false, "тема оформления");
    // a:theme/a:themeElements/a:fontScheme/a:majorFont|a:minorFont/a:latin@typeface
    std::vector<xmlNodePtr> stack{root};
    while (!stack.empty()) {
        xmlNodePtr n = stack.back();
        stack.pop_back();
        if (n == nullptr) continue;
        if (wml::is(n, a_ns, "majorFont") || wml::is(n, a_ns, "minorFont")) {
            for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
                if (wml::is(c, a_ns, "latin")) {
                    xmlChar* tf = xmlGetProp(c, reinterpret_cast<const xmlChar*>("typeface"));
                    if (tf != nullptr && *tf != 0) {
                        const std::string key = wml::is(n, a_ns, "majorFont") ? "major" : "minor";
                        fonts[key + "HAnsi"] = reinterpret_cast<const char*>(tf);
                        fonts[key + "Ascii"] = reinterpret_cast<const char*>(tf);
                    }
                    xmlFree(tf);
                }
            }
            continue;
        }
        for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
        }
    }
    return fonts;
}

// w:family says roman/swiss/modern for fonts Word knows; otherwise the PANOSE digits of the
// font say it (Latin text: serif style 2–10 or sans 11–15, proportion 9 is monospaced).
void Reader::read_font_table(const std::string& part) {
    if (part.empty() || !package_.has(part)) return;
    xmlNodePtr root = nullptr;
    try {
        root = parse(part, false, "таблица шрифтов");
    } catch (const Error&) {
        // Only the replacement of missing fonts depends on it: not worth refusing the document.
        warnings_.add(part, "таблица шрифтов не прочитана (часть повреждена): замена отсутствующих шрифтов — по их названиям");
        return;
    }
    for (xmlNodePtr f = root == nullptr ? nullptr : root->children; f != nullptr; f = f->next) {
        if (!wml::is_w(f, "font")) continue;
        const auto name = wml::attr(f, "name");
        if (!name || name->empty()) continue;
        std::optional<FontClass> kind;
        const std::string family = wml::val(f, "family").value_or("");
        if (family == "roman") kind = FontClass::serif;
        else if (family == "swiss") kind = FontClass::sans;
        else if (family == "modern") kind = FontClass::mono;
        const std::string panose = wml::val(f, "panose1").value_or("");
        auto digit = [&](std::size_t i) { return std::stoi(panose.substr(2 * i, 2), nullptr, 16); };
        if (!kind && panose.size() == 20 && panose.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos &&
            digit(0) == 2) {
            if (digit(3) == 9) kind = FontClass::mono;
            else if (digit(1) >= 11 && digit(1) <= 15) kind = FontClass::sans;
            else if (digit(1) >= 2 && digit(1) <= 10) kind = FontClass::serif;
        }
        if (kind) doc_.font_classes.emplace(*name, *kind);
    }
}

void Reader::read_core() {
    if (!package_.has("docProps/core.xml")) return;
    try {
        xmlNodePtr root = parse("docProps/core.xml", false, "свойства документа");
        for (xmlNodePtr c = root == nullptr ? nullptr : root->children; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string name = local_name(c);
            if (name == "title") doc_.title = wml::text(c);
            else if (name == "creator") doc_.author = wml::text(c);
            else if (name == "subject") doc_.subject = wml::text(c);
        }
    } catch (const Error&) {
        // Metadata is not worth refusing a printable document for.
        warnings_.add("docProps/core.xml", "свойства документа не прочитаны (часть повреждена)");
    }
}

void Reader::read_settings(const std::string& part) {
    if (part.empty() || !package_.has(part)) return;
    xmlNodePtr root = parse(part, false, "настройки документа");
    if (root == nullptr) return;
    if (auto v = wml::number(wml::child(root, "defaultTabStop"), "val"); v && *v >= 20) {
        doc_.default_tab = std::min(*v, 31680.0) / 20.0;
    }
    if (auto v = wml::on_off(root, "autoHyphenation")) doc_.auto_hyphenation = *v;
    if (auto v = wml::on_off(root, "doNotHyphenateCaps")) doc_.hyphenate_caps = !*v;
    for (xmlNodePtr c = wml::child(root, "compat") ? wml::child(root, "compat")->children : nullptr; c; c = c->next) {
        if (wml::is_w(c, "compatSetting") && wml::attr(c, "name").value_or("") == "compatibilityMode") {
            doc_.tables_outdented = wml::number(c, "val").value_or(0) < 15;
        }
    }
    if (auto f = wml::val(wml::child(root, "footnotePr"), "numFmt")) doc_.footnote_format = *f;
    if (auto f = wml::val(wml::child(root, "endnotePr"), "numFmt")) doc_.endnote_format = *f;
    if (auto v = wml::on_off(root, "evenAndOddHeaders")) doc_.even_odd_headers = *v;
}

Document Reader::read() {
    // The main part is where the package relationships say; Word always uses this name.
    std::string main = "word/document.xml";
    for (const auto& [id, rel] : read_rels("")) {
        if (rel.type.ends_with("/officeDocument") && !rel.external) main = rel.target;
    }
    const auto main_rels = read_rels(main);
    std::string styles_part, numbering_part, settings_part, theme_part, font_table_part;
    for (const auto& [id, rel] : main_rels) {
        if (rel.external) continue;
        if (rel.type.ends_with("/styles")) styles_part = rel.target;
        else if (rel.type.ends_with("/numbering")) numbering_part = rel.target;
        else if (rel.type.ends_with("/settings")) settings_part = rel.target;
        else if (rel.type.ends_with("/theme")) theme_part = rel.target;
        else if (rel.type.ends_with("/footnotes")) footnotes_part_ = rel.target;
        else if (rel.type.ends_with("/endnotes")) endnotes_part_ = rel.target;
        else if (rel.type.ends_with("/fontTable")) font_table_part = rel.target;
    }
    xmlNodePtr root = parse(main, true, "основной текст документа", false);
    read_core();
    read_settings(settings_part);
    read_font_table(font_table_part);
    auto fonts = theme_fonts(theme_part);
    xmlNodePtr styles_root = styles_part.empty() ? nullptr : parse(styles_part, false, "стили");
    styles_ = StyleSheet(styles_root, std::move(fonts), warnings_);
    numbering_ = Numbering(numbering_part.empty() ? nullptr : parse(numbering_part, false, "нумерация списков"));

    xmlNodePtr body = wml::child(root, "body");
    if (!wml::is_w(root, "document") || body == nullptr) {
        throw Error(ErrorCode::package_invalid,
                    "часть «" + main + "» не содержит w:document/w:body — ожидается основной текст документа Word",
                    InputLocation{warnings_.file(), 0, 0, main});
    }
    part_ = main;
    rels_ = main_rels;
    doc_.sections.emplace_back();
    read_blocks(body, nullptr);
    // A damaged file may hold more than one body: Word refuses it, LibreOffice shows them
    // all; so do we, and say so.
    for (xmlNodePtr more = body->next; more != nullptr; more = more->next) {
        if (!wml::is_w(more, "body")) continue;
        warn("в документе несколько элементов w:body (файл повреждён): показаны все");
        read_blocks(more, nullptr);
    }
    // A trailing sectPr-paragraph leaves an empty last section behind; Word shows none.
    if (doc_.sections.size() > 1 && doc_.sections.back().body.empty()) doc_.sections.pop_back();
    // Headers and footers named by a section but not its own: inherited from the previous.
    for (std::size_t i = 1; i < doc_.sections.size(); ++i) {
        auto& s = doc_.sections[i];
        const auto& p = doc_.sections[i - 1];
        if (s.header_default.empty()) s.header_default = p.header_default;
        if (s.header_first.empty()) s.header_first = p.header_first;
        if (s.footer_default.empty()) s.footer_default = p.footer_default;
        if (s.footer_first.empty()) s.footer_first = p.footer_first;
        if (s.header_even.empty()) s.header_even = p.header_even;
        if (s.footer_even.empty()) s.footer_even = p.footer_even;
    }
    return std::move(doc_);
}

void Reader::read_blocks(xmlNodePtr parent, std::vector<Block>* into) {
    // `into` null: the body, whose blocks go to the current (last) section — a paragraph with
    // a sectPr closes it and opens the next.
    auto out = [&]() -> std::vector<Block>& { return into != nullptr ? *into : doc_.sections.back().body; };
    int floating = -1;  // a floating table waiting for the paragraph that anchors it
    for (xmlNodePtr n = parent->children; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (wml::is_w(n, "p")) {
            Block b;
            b.paragraph = read_paragraph(n);
            if (floating >= 0) {
                Inline in;
                in.kind = InlineKind::frame;
                in.frame = floating;
                b.paragraph->content.push_back(in);
                floating = -1;
            }
            out().push_back(std::move(b));
            const xmlNodePtr sect = wml::child(wml::child(n, "pPr"), "sectPr");
            if (sect != nullptr && into == nullptr) {
                // An empty paragraph that only carries a section break takes no line (as in
                // LibreOffice: a continuous break would otherwise add an empty line) — unless it
                // is all its section has: LibreOffice keeps it then (measured), and on a full
                // page it opens a page of its own (a thesis's blank page before a landscape
                // section).
                if (out().back().paragraph->content.empty() && out().size() > 1) out().pop_back();
                read_section(sect, doc_.sections.back());
                doc_.sections.emplace_back();
            }
        } else if (wml::is_w(n, "tbl")) {
            Block b;
            b.table = read_table(n);
            // In the body only: frames anchored in cells, notes and headers are not wrapped.
            if (into == nullptr) floating = floating_table(n, b.table);
            else if (wml::child(wml::child(n, "tblPr"), "tblpPr") != nullptr) warn("плавающие таблицы (w:tblpPr) показаны в потоке текста, без обтекания");
            if (floating < 0) out().push_back(std::move(b));
        } else if (wml::is_w(n, "sectPr")) {
            if (into == nullptr) read_section(n, doc_.sections.back());
        } else if (wml::is_w(n, "sdt")) {
            if (xmlNodePtr c = wml::child(n, "sdtContent")) read_blocks(c, into);
        } else if (wml::is_w(n, "customXml") || wml::is_w(n, "ins") || wml::is_w(n, "moveTo") ||
                   wml::is_w(n, "smartTag")) {
            read_blocks(n, into);
        } else if (wml::is(n, mc_ns, "AlternateContent")) {
            // The Fallback is what older consumers are meant to show.
            for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
                if (wml::is(c, mc_ns, "Fallback")) read_blocks(c, into);
            }
        } else if (wml::is_w(n, "del") || wml::is_w(n, "moveFrom") || wml::is_w(n, "bookmarkStart") ||
                   wml::is_w(n, "bookmarkEnd") || wml::is_w(n, "proofErr") || wml::is_w(n, "permStart") ||
                   wml::is_w(n, "permEnd") || wml::is_w(n, "commentRangeStart") || wml::is_w(n, "commentRangeEnd") ||
                   wml::is_w(n, "tcPr")) {
            // Not printed.
        } else if (wml::is(n, m_ns, "oMathPara")) {
            warn("формулы (OMML) не поддерживаются: показан их текст");
            auto p = std::make_unique<Paragraph>();
            RunProps rp;
            ParaProps pp;
            styles_.paragraph_style({}, pp, rp);
            p->props = pp;
            std::string text;
            for (xmlNodePtr m = n; m != nullptr;) {
                if (wml::is(m, m_ns, "t")) text += wml::text(m);
                if (m->children && m->type == XML_ELEMENT_NODE) { m = m->children; continue; }
                while (m != nullptr && m != n && m->next == nullptr) m = m->parent;
                if (m == nullptr || m == n) break;
                m = m->next;
            }
            emit_text(*p, rp, text);
            Block b;
            b.paragraph = std::move(p);
            out().push_back(std::move(b));
        } else {
            warn("элемент w:" + local_name(n) + " не поддерживается и пропущен");
        }
    }
}

void Reader::read_section(const xmlNode* sect, Section& s) {
    if (const xmlNodePtr sz = wml::child(sect, "pgSz")) {
        // A page smaller than a postcard or larger than A0 is a damaged or hostile value.
        if (auto w = wml::number(sz, "w")) s.page_width = std::clamp(*w, 2880.0, 47520.0) / 20.0;
        if (auto h = wml::number(sz, "h")) s.page_height = std::clamp(*h, 2880.0, 67320.0) / 20.0;
        // LibreOffice takes a page within 0.21 mm of A4 each way for A4 (its paper table's «sloppy
        // fit»): a page of 11900 × 16840 twips is laid out 11906 wide, and its lines are 6 twips
        // longer than the document's margins give (a laboratory manual of the corpus, measured).
        const auto near = [](double pt, double mm100) { return std::abs(std::round(pt * 20.0 * 127.0 / 72.0) - mm100) < 21.0; };
        if (near(s.page_width, 21000) && near(s.page_height, 29700)) {
            s.page_width = 11906 / 20.0;
            s.page_height = 16838 / 20.0;
        } else if (near(s.page_width, 29700) && near(s.page_height, 21000)) {
            s.page_width = 16838 / 20.0;
            s.page_height = 11906 / 20.0;
        }
        // w:orient is not read: Word and LibreOffice print the page w × h as given, and a
        // portrait ЕСКД page marked «landscape» (its frame drawn for portrait) stays portrait.
    }
    if (const xmlNodePtr m = wml::child(sect, "pgMar")) {
        auto twips = [&](const char* name, double& v) {
            if (auto x = wml::number(m, name)) v = std::clamp(std::abs(*x), 0.0, 31680.0) / 20.0;
        };
        twips("top", s.margin_top);
        twips("bottom", s.margin_bottom);
        twips("left", s.margin_left);
        twips("right", s.margin_right);
        twips("header", s.header_distance);
        twips("footer", s.footer_distance);
        if (auto g = wml::number(m, "gutter")) s.margin_left += std::clamp(*g, 0.0, 31680.0) / 20.0;
    }
    // Margins that leave no room for text would make every line overflow.
    const double min_text = 72;
    if (s.margin_left + s.margin_right > s.page_width - min_text) {
        warn("поля страницы шире самой страницы: поля уменьшены");
        s.margin_left = s.margin_right = (s.page_width - min_text) / 2;
    }
    if (s.margin_top + s.margin_bottom > s.page_height - min_text) {
        warn("поля страницы выше самой страницы: поля уменьшены");
        s.margin_top = s.margin_bottom = (s.page_height - min_text) / 2;
    }
    if (auto t = wml::on_off(sect, "titlePg")) s.title_page = *t;
    if (const auto type = wml::val(sect, "type")) {
        s.continuous = *type == "continuous";
        if (*type == "evenPage" || *type == "oddPage") {
            warn("раздел с чётной или нечётной страницы начат со следующей страницы, пустая страница не вставлена");
        }
    }
    if (auto start = wml::number(wml::child(sect, "pgNumType"), "start")) s.page_start = static_cast<int>(std::clamp(*start, 0.0, 1e6));
    if (const xmlNodePtr cols = wml::child(sect, "cols")) {
        s.columns = static_cast<int>(std::clamp(wml::number(cols, "num").value_or(1), 1.0, 45.0));
        s.column_space = std::clamp(wml::number(cols, "space").value_or(720), 0.0, 31680.0) / 20.0;
        const auto yes = [&](const char* name) {
            const std::string v = wml::attr(cols, name).value_or("");
            return v == "1" || v == "true" || v == "on";
        };
        const std::string equal = wml::attr(cols, "equalWidth").value_or("1");
        s.column_line = yes("sep");
        if (equal == "0" || equal == "false" || equal == "off") {
            for (xmlNodePtr c = cols->children; c != nullptr; c = c->next) {
                if (!wml::is_w(c, "col")) continue;
                s.column_sizes.emplace_back(std::clamp(wml::number(c, "w").value_or(0), 0.0, 31680.0) / 20.0,
                                            std::clamp(wml::number(c, "space").value_or(0), 0.0, 31680.0) / 20.0);
            }
            if (static_cast<int>(s.column_sizes.size()) != s.columns) s.column_sizes.clear();
        }
    }
    for (xmlNodePtr c = sect->children; c != nullptr; c = c->next) {
        const bool header = wml::is_w(c, "headerReference");
        if (!header && !wml::is_w(c, "footerReference")) continue;
        const std::string type = wml::attr(c, "type").value_or("default");
        const auto rid = wml::attr(c, "id", wml::r_ns);
        if (!rid) continue;
        const std::string part = story(*rid);
        if (part.empty()) continue;
        if (type == "even") (header ? s.header_even : s.footer_even) = part;
        else (header ? (type == "first" ? s.header_first : s.header_default)
                     : (type == "first" ? s.footer_first : s.footer_default)) = part;
    }
}

std::string Reader::story(const std::string& rid) {
    const auto it = rels_.find(rid);
    if (it == rels_.end() || it->second.external) {
        warn("колонтитул со связью «" + rid + "» не найден в пакете");
        return {};
    }
    const std::string part = it->second.target;
    if (doc_.stories.count(part)) return part;
    if (!package_.has(part)) {
        warn("нет части колонтитула «" + part + "»");
        return {};
    }
    xmlNodePtr root = parse(part, false, "колонтитул");
    // Parts have their own relationships (images in a header); restore the body's after.
    const auto saved_rels = rels_;
    const auto saved_part = part_;
    rels_ = read_rels(part);
    part_ = part;
    std::vector<Block> blocks;
    read_blocks(root, &blocks);
    doc_.stories[part] = std::move(blocks);
    rels_ = saved_rels;
    part_ = saved_part;
    return part;
}

std::unique_ptr<Paragraph> Reader::read_paragraph(xmlNodePtr p) {
    auto para = std::make_unique<Paragraph>();
    const xmlNodePtr ppr = wml::child(p, "pPr");
    RunProps run;
    const std::string style = wml::val(ppr, "pStyle").value_or("");
    styles_.paragraph_style(style, para->props, run, table_style_, table_cond_);
    // The list a paragraph belongs to can come from its style or from itself; the level's
    // indents sit between the style's and the paragraph's own.
    ParaProps direct;
    apply_ppr(ppr, direct);
    int num_id = direct.num_id >= 0 ? direct.num_id : para->props.num_id;
    int level = wml::child(wml::child(ppr, "numPr"), "ilvl") != nullptr ? direct.num_level : para->props.num_level;
    if (num_id > 0) {
        const ParaProps style_props = para->props;
        apply_ppr(numbering_.level_ppr(num_id, level), para->props);
        if (direct.num_id < 0 && style_props.style_indents_list) {
            para->props.ind_left = style_props.ind_left;
            para->props.ind_right = style_props.ind_right;
            para->props.first_line = style_props.first_line;
        }
    }
    apply_ppr(ppr, para->props);
    para->props.num_id = num_id;
    para->props.num_level = level;
    if (para->props.side_borders) warn("боковые рамки абзацев (w:pBdr left/right/between) не рисуются; линии сверху и снизу — да");
    if (const xmlNodePtr frame = wml::child(ppr, "framePr"); frame != nullptr) {
        warn("абзацы-рамки (w:framePr) показаны в потоке текста");
        // A frame above and below which nothing stands (FineReader's captions and tables of
        // scanned pages): LibreOffice makes its paragraphs one frame that never splits and
        // goes to the next page with the paragraph after it when it does not fit (measured:
        // a caption and a five-row table at a page foot, moved whole with 0.5 pt short and
        // left with 1.5 pt to spare). In the flow that is a chain kept with what follows.
        const auto wrap = wml::attr(frame, "wrap"), anchor = wml::attr(frame, "vAnchor"), drop = wml::attr(frame, "dropCap");
        if ((!drop || *drop == "none") && wrap && *wrap == "notBeside" && (!anchor || *anchor == "text")) {
            para->props.keep_next = true;
        }
    }
    para->mark = run;
    apply_rpr(wml::child(ppr, "rPr"), para->mark, styles_.theme_fonts());

    if (num_id > 0) {
        if (auto label = numbering_.next(num_id, level)) {
            RunProps lp = run;
            // The label takes the paragraph mark's formatting, then the level's own.
            apply_rpr(wml::child(ppr, "rPr"), lp, styles_.theme_fonts());
            lp.underline = false;
            apply_rpr(label->rpr, lp, styles_.theme_fonts());
            if (lp.font == "Symbol" || lp.font == "Wingdings") lp.font = run.font;
            if (!label->text.empty()) emit_text(*para, lp, label->text);
            if (label->suffix == "tab") {
                Inline tab;
                tab.kind = InlineKind::tab;
                tab.props = lp;
                para->content.push_back(tab);
            } else if (label->suffix == "space") {
                emit_text(*para, lp, " ");
            }
        }
    }
    read_inlines(p, run, *para);
    // A field whose instruction never reached its result within the paragraph is damaged:
    // left open, it would hide the rest of the document.
    while (!fields_.empty() && !fields_.back().in_result) {
        warn("поле без окончания (w:fldChar) закрыто в конце абзаца");
        fields_.pop_back();
    }
    return para;
}

void Reader::emit_text(Paragraph& out, const RunProps& props, std::string text) {
    if (text.empty() || props.vanish) return;
    // Layout holds every word of the document at once; refusing here keeps memory bounded
    // before any of it is spent.
    text_bytes_ += text.size();
    if (text_bytes_ > RenderLimits::max_text_bytes) {
        throw Error(ErrorCode::package_invalid,
                    "в документе больше " + std::to_string(RenderLimits::max_text_bytes >> 20) +
                        " МБ текста — такой объём в PDF не выводится",
                    InputLocation{warnings_.file(), 0, 0, part_});
    }
    if (!out.content.empty()) {
        Inline& last = out.content.back();
        // Adjacent runs with the same look are one piece for the layout (Word splits runs
        // for spell checking and revision ids).
        if (last.kind == InlineKind::text && last.note < 0 && last.props.font == props.font && last.props.size == props.size &&
            last.props.font_cs == props.font_cs && last.props.font_ea == props.font_ea &&
            last.props.bold == props.bold && last.props.italic == props.italic &&
            last.props.underline == props.underline && last.props.strike == props.strike &&
            last.props.caps == props.caps && last.props.vertical == props.vertical &&
            last.props.color == props.color && last.props.highlight == props.highlight &&
            last.props.char_spacing == props.char_spacing && last.props.no_language == props.no_language) {
            last.text += text;
            return;
        }
    }
    Inline in;
    in.kind = InlineKind::text;
    in.text = std::move(text);
    in.props = props;
    out.content.push_back(std::move(in));
}

void Reader::read_inlines(xmlNodePtr parent, const RunProps& base, Paragraph& out) {
    for (xmlNodePtr n = parent->children; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (wml::is_w(n, "r")) {
            read_run(n, base, out);
        } else if (wml::is_w(n, "hyperlink") || wml::is_w(n, "ins") || wml::is_w(n, "moveTo") ||
                   wml::is_w(n, "smartTag") || wml::is_w(n, "customXml") || wml::is_w(n, "dir") ||
                   wml::is_w(n, "bdo")) {
            read_inlines(n, base, out);
        } else if (wml::is_w(n, "sdt")) {
            if (xmlNodePtr c = wml::child(n, "sdtContent")) read_inlines(c, base, out);
        } else if (wml::is_w(n, "fldSimple")) {
            const std::string instr = wml::attr(n, "instr").value_or("");
            std::string word;
            for (char c : instr) {
                if (c != ' ' || !word.empty()) word += c;
                if (c == ' ' && word.size() > 1) break;
            }
            while (!word.empty() && word.back() == ' ') word.pop_back();
            if (word == "PAGE" || word == "NUMPAGES" || word == "SECTIONPAGES") {
                Inline f;
                f.kind = word == "PAGE" ? InlineKind::page_field
                         : word == "NUMPAGES" ? InlineKind::pages_field
                                              : InlineKind::section_pages_field;
                RunProps rp = base;
                if (xmlNodePtr r = wml::child(n, "r")) apply_rpr(wml::child(r, "rPr"), rp, styles_.theme_fonts());
                f.props = rp;
                out.content.push_back(f);
            } else {
                read_inlines(n, base, out);
            }
        } else if (wml::is(n, mc_ns, "AlternateContent")) {
            for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
                if (wml::is(c, mc_ns, "Fallback")) read_inlines(c, base, out);
            }
        } else if (wml::is(n, m_ns, "oMath")) {
            warn("формулы (OMML) не поддерживаются: показан их текст");
            std::string text;
            std::vector<xmlNodePtr> stack{n};
            while (!stack.empty()) {
                xmlNodePtr m = stack.back();
                stack.pop_back();
                if (wml::is(m, m_ns, "t")) text += wml::text(m);
                std::vector<xmlNodePtr> kids;
                for (xmlNodePtr c = m->children; c != nullptr; c = c->next) kids.push_back(c);
                stack.insert(stack.end(), kids.rbegin(), kids.rend());
            }
            emit_text(out, base, text);
        }
        // pPr, bookmarks, proofErr, del, comments: nothing to print.
    }
}

void Reader::read_run(xmlNodePtr r, const RunProps& base, Paragraph& out) {
    RunProps props = base;
    const xmlNodePtr rpr = wml::child(r, "rPr");
    if (auto cs = wml::val(rpr, "rStyle")) {
        // Entries of a table of contents are links styled «Hyperlink»; Word and LibreOffice
        // print them in the TOC styles, not blue and underlined.
        if (!(in_toc() && styles_.named(*cs, "Hyperlink"))) styles_.character_style(*cs, props);
    }
    apply_rpr(rpr, props, styles_.theme_fonts());
    for (xmlNodePtr c = r->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (wml::is_w(c, "fldChar")) {
            const std::string type = wml::attr(c, "fldCharType").value_or("");
            if (type == "begin") {
                fields_.push_back(Field{});
            } else if (type == "separate" && !fields_.empty()) {
                Field& f = fields_.back();
                std::string instr = f.instr;
                instr.erase(0, instr.find_first_not_of(' '));
                const std::string word = instr.substr(0, instr.find(' '));
                if (word == "PAGE") f.special = InlineKind::page_field;
                else if (word == "NUMPAGES") f.special = InlineKind::pages_field;
                else if (word == "SECTIONPAGES") f.special = InlineKind::section_pages_field;
                if (f.special != InlineKind::text && fields_.size() == 1) {
                    Inline in;
                    in.kind = f.special;
                    in.props = props;
                    out.content.push_back(in);
                }
                f.in_result = true;
            } else if (type == "end" && !fields_.empty()) {
                Field f = fields_.back();
                fields_.pop_back();
                if (!f.in_result) {
                    // A field without a cached result: only the page fields can be computed.
                    std::string instr = f.instr;
                    instr.erase(0, instr.find_first_not_of(' '));
                    const std::string word = instr.substr(0, instr.find(' '));
                    if ((word == "PAGE" || word == "NUMPAGES" || word == "SECTIONPAGES") && !suppressed()) {
                        Inline in;
                        in.kind = word == "PAGE" ? InlineKind::page_field
                                  : word == "NUMPAGES" ? InlineKind::pages_field
                                                       : InlineKind::section_pages_field;
                        in.props = props;
                        out.content.push_back(in);
                    }
                }
            }
            continue;
        }
        if (wml::is_w(c, "instrText")) {
            if (!fields_.empty() && !fields_.back().in_result) fields_.back().instr += wml::text(c);
            continue;
        }
        if (suppressed()) continue;
        if (wml::is_w(c, "t")) {
            emit_text(out, props, wml::text(c));
        } else if (wml::is_w(c, "tab") || wml::is_w(c, "ptab")) {
            Inline in;
            in.kind = InlineKind::tab;
            in.props = props;
            out.content.push_back(in);
        } else if (wml::is_w(c, "br") || wml::is_w(c, "cr")) {
            const std::string type = wml::attr(c, "type").value_or("textWrapping");
            Inline in;
            in.kind = type == "page" ? InlineKind::page_break : type == "column" ? InlineKind::column_break : InlineKind::line_break;
            in.props = props;
            out.content.push_back(in);
        } else if (wml::is_w(c, "noBreakHyphen")) {
            emit_text(out, props, "\u2011");
        } else if (wml::is_w(c, "softHyphen")) {
            emit_text(out, props, "\u00AD");
        } else if (wml::is_w(c, "sym")) {
            const std::string code = wml::attr(c, "char").value_or("");
            unsigned long cp = std::strtoul(code.c_str(), nullptr, 16);
            if (cp >= 0xF000) cp -= 0xF000;
            // Symbol-font characters we know; others are shown as a bullet with a warning.
            std::string text = cp == 0xB7 ? "•" : cp == 0x2D ? "−" : cp == 0xD7 ? "×" : cp == 0xB0 ? "°" : "";
            if (text.empty()) {
                warn("символ шрифта " + wml::attr(c, "font").value_or("?") + " (" + code + ") заменён на «•»");
                text = "•";
            }
            emit_text(out, props, text);
        } else if (wml::is_w(c, "drawing")) {
            read_drawing(c, props, out);
        } else if (wml::is_w(c, "pict") || wml::is_w(c, "object")) {
            read_vml(c, props, out);
        } else if (wml::is_w(c, "footnoteReference") || wml::is_w(c, "endnoteReference")) {
            read_note(c, wml::is_w(c, "endnoteReference"), props, out);
        } else if (wml::is_w(c, "footnoteRef") || wml::is_w(c, "endnoteRef")) {
            emit_text(out, props, note_mark_);
        } else if (wml::is(c, mc_ns, "AlternateContent")) {
            // Word 2010 shapes (wps, wpg) are read from the Choice; anything else from the
            // Fallback (VML), which is what older consumers are meant to show.
            xmlNodePtr use = nullptr;
            for (xmlNodePtr f = c->children; f != nullptr && use == nullptr; f = f->next) {
                const auto req = wml::attr(f, "Requires", nullptr);
                if (wml::is(f, mc_ns, "Choice") && req && (*req == "wps" || *req == "wpg" || *req == "wpc")) use = f;
            }
            for (xmlNodePtr f = c->children; f != nullptr && use == nullptr; f = f->next) {
                if (wml::is(f, mc_ns, "Fallback")) use = f;
            }
            for (xmlNodePtr k = use == nullptr ? nullptr : use->children; k != nullptr; k = k->next) {
                if (wml::is_w(k, "drawing")) read_drawing(k, props, out);
                else if (wml::is_w(k, "pict")) read_vml(k, props, out);
            }
        }
    }
}

namespace {

/// The first descendant element `local` in namespace `ns` (depth first), or null.
xmlNodePtr find(xmlNodePtr n, const char* ns, const char* local) {
    if (n == nullptr) return nullptr;
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (wml::is(c, ns, local)) return c;
        if (xmlNodePtr f = find(c, ns, local)) return f;
    }
    return nullptr;
}

xmlNodePtr kid(const xmlNode* n, const char* ns, const char* local) {
    for (xmlNodePtr c = n == nullptr ? nullptr : n->children; c != nullptr; c = c->next) {
        if (wml::is(c, ns, local)) return c;
    }
    return nullptr;
}

double emu_attr(const xmlNode* n, const char* name) {
    return emu_to_pt(wml::number(n, name, nullptr).value_or(0));
}

/// "position:absolute;margin-left:10pt;width:2in" → {position: absolute, …}
std::map<std::string, std::string> css(const std::string& style) {
    std::map<std::string, std::string> out;
    std::size_t at = 0;
    while (at < style.size()) {
        const std::size_t end = std::min(style.find(';', at), style.size());
        const std::string item = style.substr(at, end - at);
        const std::size_t colon = item.find(':');
        if (colon != std::string::npos) {
            auto trim = [](std::string v) {
                v.erase(0, v.find_first_not_of(" \t\r\n"));
                v.erase(v.find_last_not_of(" \t\r\n") + 1);
                return v;
            };
            out[trim(item.substr(0, colon))] = trim(item.substr(colon + 1));
        }
        at = end + 1;
    }
    return out;
}

/// A VML length in points ("10pt", "1in", "2cm", "3mm", "12px", "100" = `unitless` each).
double vml_length(const std::string& v, double unitless = 1.0 / 20) {
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || !std::isfinite(d)) return 0;
    const std::string unit(end);
    if (unit == "pt") return d;
    if (unit == "in") return d * 72;
    if (unit == "cm") return d * 72 / 2.54;
    if (unit == "mm") return d * 72 / 25.4;
    if (unit == "px") return d * 0.75;
    if (unit == "pc" || unit == "pi") return d * 12;
    if (unit == "emu") return emu_to_pt(d);
    return d * unitless;
}

std::optional<std::uint32_t> vml_color(std::string v) {
    v = v.substr(0, v.find(' '));
    if (!v.empty() && v[0] == '#') {
        v = v.substr(1);
        if (v.size() == 3) v = std::string{v[0], v[0], v[1], v[1], v[2], v[2]};
        return wml::color(v);
    }
    static const std::map<std::string, std::uint32_t> named{{"black", 0}, {"white", 0xFFFFFF}, {"red", 0xFF0000},
                                                            {"green", 0x008000}, {"blue", 0x0000FF}, {"gray", 0x808080},
                                                            {"yellow", 0xFFFF00}, {"silver", 0xC0C0C0}};
    const auto it = named.find(v);
    if (it != named.end()) return it->second;
    return std::nullopt;
}

}  // namespace

int Reader::picture(const std::string& rid) {
    const auto rel = rels_.find(rid);
    if (rid.empty() || rel == rels_.end() || rel->second.external || !package_.has(rel->second.target)) {
        warn("рисунок без встроенного изображения (внешняя ссылка или нет части): показана рамка");
        return -1;
    }
    const std::string& part = rel->second.target;
    auto found = image_by_part_.find(part);
    if (found == image_by_part_.end()) {
        std::string bytes = package_.read(part);
        const bool png = bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
        const bool jpeg = bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
                          static_cast<unsigned char>(bytes[1]) == 0xD8;
        if (!png && !jpeg) {
            warn("изображение «" + part + "» не в формате PNG или JPEG (EMF, WMF, GIF, BMP, TIFF): показана рамка");
            image_by_part_.emplace(part, -1);
            return -1;
        }
        doc_.images.push_back(Image{std::move(bytes), part});
        found = image_by_part_.emplace(part, static_cast<int>(doc_.images.size()) - 1).first;
    }
    return found->second;
}

std::vector<Block> Reader::text_box(xmlNodePtr content) {
    std::vector<Block> blocks;
    if (content == nullptr) return blocks;
    // The box's paragraphs are read like the body's, with their own table and field state.
    const auto saved_fields = std::move(fields_);
    const auto saved_style = table_style_, saved_cond = table_cond_;
    fields_.clear();
    table_style_.clear();
    table_cond_.clear();
    if (++table_depth_ <= RenderLimits::max_table_depth) read_blocks(content, &blocks);
    --table_depth_;
    fields_ = saved_fields;
    table_style_ = saved_style;
    table_cond_ = saved_cond;
    return blocks;
}

int Reader::dml_frame(xmlNodePtr shape, double width, double height) {
    Frame f;
    f.width = width;
    f.height = height;
    if (wml::is(shape, pic_ns, "pic")) {
        xmlNodePtr blip = find(shape, a_ns, "blip");
        f.image = picture(blip == nullptr ? "" : wml::attr(blip, "embed", wml::r_ns).value_or(""));
    } else if (wml::is(shape, wps_ns, "wsp")) {
        if (xmlNodePtr body = kid(shape, wps_ns, "bodyPr")) {
            const std::string vert = wml::attr(body, "vert", nullptr).value_or("horz");
            f.rotate = vert == "vert270" ? 90 : (vert == "vert" || vert == "eaVert" || vert == "wordArtVert") ? -90 : 0;
            if (auto v = wml::number(body, "lIns", nullptr)) f.inset_left = emu_to_pt(*v);
            if (auto v = wml::number(body, "tIns", nullptr)) f.inset_top = emu_to_pt(*v);
            if (auto v = wml::number(body, "rIns", nullptr)) f.inset_right = emu_to_pt(*v);
            if (auto v = wml::number(body, "bIns", nullptr)) f.inset_bottom = emu_to_pt(*v);
        }
        if (xmlNodePtr sp = kid(shape, wps_ns, "spPr")) {
            if (xmlNodePtr fill = kid(sp, a_ns, "solidFill")) {
                if (xmlNodePtr c = kid(fill, a_ns, "srgbClr")) f.fill = wml::color(wml::attr(c, "val", nullptr).value_or(""));
            }
            if (xmlNodePtr ln = kid(sp, a_ns, "ln")) {
                if (xmlNodePtr fill = kid(ln, a_ns, "solidFill")) {
                    xmlNodePtr c = kid(fill, a_ns, "srgbClr");
                    f.line = c ? wml::color(wml::attr(c, "val", nullptr).value_or("")).value_or(0) : 0;
                }
            }
        }
        if (xmlNodePtr txbx = kid(shape, wps_ns, "txbx")) f.blocks = text_box(find(txbx, wml::w_ns, "txbxContent"));
    } else if (wml::is(shape, wpg_ns, "wgp") || wml::is(shape, wpg_ns, "grpSp")) {
        // A group: its children's boxes are in the group's own coordinates (chOff/chExt),
        // scaled to the group's size.
        xmlNodePtr gx = find(kid(shape, wpg_ns, "grpSpPr"), a_ns, "xfrm");
        const double ch_x = emu_attr(kid(gx, a_ns, "chOff"), "x"), ch_y = emu_attr(kid(gx, a_ns, "chOff"), "y");
        const double ch_w = emu_attr(kid(gx, a_ns, "chExt"), "cx"), ch_h = emu_attr(kid(gx, a_ns, "chExt"), "cy");
        const double sx = ch_w > 0 ? width / ch_w : 1, sy = ch_h > 0 ? height / ch_h : 1;
        for (xmlNodePtr c = shape->children; c != nullptr; c = c->next) {
            const bool part = wml::is(c, wps_ns, "wsp") || wml::is(c, pic_ns, "pic") || wml::is(c, wpg_ns, "grpSp");
            if (!part) continue;
            xmlNodePtr x = find(c, a_ns, "xfrm");
            const double w = emu_attr(kid(x, a_ns, "ext"), "cx") * sx, h = emu_attr(kid(x, a_ns, "ext"), "cy") * sy;
            const int child = dml_frame(c, w, h);
            Frame& cf = doc_.frames[static_cast<std::size_t>(child)];
            cf.part_x = (emu_attr(kid(x, a_ns, "off"), "x") - ch_x) * sx;
            cf.part_y = (emu_attr(kid(x, a_ns, "off"), "y") - ch_y) * sy;
            f.parts.push_back(child);
        }
    } else if (xmlNodePtr chart = find(shape, c_ns, "chart"); chart != nullptr || wml::is(shape, c_ns, "chart")) {
        if (chart == nullptr) chart = shape;
        // A chart is drawn as a frame with its title (its data are not drawn).
        const auto rel = rels_.find(wml::attr(chart, "id", wml::r_ns).value_or(""));
        if (rel != rels_.end() && !rel->second.external && package_.has(rel->second.target)) {
            xmlNodePtr root = parse(rel->second.target, false, "диаграмма");
            if (xmlNodePtr title = find(find(root, c_ns, "chart") ? find(root, c_ns, "chart") : root, c_ns, "title")) {
                std::vector<xmlNodePtr> stack{title};
                while (!stack.empty()) {
                    xmlNodePtr n = stack.back();
                    stack.pop_back();
                    if (wml::is(n, a_ns, "t")) f.text += (f.text.empty() ? "" : " ") + wml::text(n);
                    std::vector<xmlNodePtr> kids;
                    for (xmlNodePtr k = n->children; k != nullptr; k = k->next) {
                        if (k->type == XML_ELEMENT_NODE) kids.push_back(k);
                    }
                    stack.insert(stack.end(), kids.rbegin(), kids.rend());
                }
            }
        }
        f.line = 0x808080;
        warn("диаграмма показана рамкой с её заголовком (данные не рисуются)");
    } else {
        f.line = 0x808080;
        warn("фигура или объект DrawingML (" + local_name(shape) + ") показаны рамкой");
    }
    doc_.frames.push_back(std::move(f));
    return static_cast<int>(doc_.frames.size()) - 1;
}

void Reader::read_drawing(xmlNodePtr drawing, const RunProps& props, Paragraph& out) {
    for (xmlNodePtr holder = drawing->children; holder != nullptr; holder = holder->next) {
        const bool inline_ = wml::is(holder, wp_ns, "inline");
        if (!inline_ && !wml::is(holder, wp_ns, "anchor")) continue;
        double w = 0, h = 0;
        if (xmlNodePtr ext = kid(holder, wp_ns, "extent")) {
            // 0 … 50 cm: a picture larger than any page is clamped, not laid out.
            w = std::clamp(emu_attr(ext, "cx"), 1.0, 1417.0);
            h = std::clamp(emu_attr(ext, "cy"), 1.0, 1417.0);
        }
        xmlNodePtr data = find(holder, a_ns, "graphicData");
        xmlNodePtr shape = nullptr;
        for (xmlNodePtr c = data == nullptr ? nullptr : data->children; c != nullptr && shape == nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE) shape = c;
        }
        if (shape == nullptr) {
            warn("рисунок без содержимого: показана рамка");
            Inline in;
            in.kind = InlineKind::image;
            in.props = props;
            in.width = w;
            in.height = h;
            out.content.push_back(in);
            continue;
        }
        const int index = dml_frame(shape, w, h);
        Frame& f = doc_.frames[static_cast<std::size_t>(index)];
        if (!inline_) {
            f.anchored = true;
            f.dist_top = emu_attr(holder, "distT");
            f.dist_bottom = emu_attr(holder, "distB");
            f.dist_left = emu_attr(holder, "distL");
            f.dist_right = emu_attr(holder, "distR");
            if (kid(holder, wp_ns, "wrapNone") != nullptr) f.wrap = Frame::Wrap::none;
            else if (kid(holder, wp_ns, "wrapTopAndBottom") != nullptr) f.wrap = Frame::Wrap::top_bottom;
            else f.wrap = Frame::Wrap::square;  // square, tight, through
            if (xmlNodePtr ph = kid(holder, wp_ns, "positionH")) {
                f.h_rel = wml::attr(ph, "relativeFrom", nullptr).value_or("column");
                if (xmlNodePtr a = kid(ph, wp_ns, "align")) f.h_align = wml::text(a);
                if (xmlNodePtr o = kid(ph, wp_ns, "posOffset")) f.h_offset = emu_to_pt(std::strtod(wml::text(o).c_str(), nullptr));
            }
            if (xmlNodePtr pv = kid(holder, wp_ns, "positionV")) {
                f.v_rel = wml::attr(pv, "relativeFrom", nullptr).value_or("paragraph");
                if (xmlNodePtr a = kid(pv, wp_ns, "align")) f.v_align = wml::text(a);
                if (xmlNodePtr o = kid(pv, wp_ns, "posOffset")) f.v_offset = emu_to_pt(std::strtod(wml::text(o).c_str(), nullptr));
            }
        }
        Inline in;
        in.kind = InlineKind::frame;
        in.props = props;
        in.frame = index;
        in.width = w;
        in.height = h;
        out.content.push_back(in);
    }
}

int Reader::vml_frame(xmlNodePtr shape, double scale_x, double scale_y, double origin_x, double origin_y, bool in_group) {
    auto style = css(wml::attr(shape, "style", nullptr).value_or(""));
    const double unit = in_group ? 1.0 : 1.0 / 20;  // plain numbers: group units, else twips-like
    Frame f;
    auto len = [&](const char* key) { return style.count(key) ? vml_length(style[key], unit) : 0.0; };
    f.width = std::clamp(len("width") * scale_x, 0.0, 1417.0);
    f.height = std::clamp(len("height") * scale_y, 0.0, 1417.0);
    if (in_group) {
        f.part_x = (len("left") - origin_x) * scale_x;
        f.part_y = (len("top") - origin_y) * scale_y;
    }
    f.inset_left = f.inset_right = 7.2;
    f.inset_top = f.inset_bottom = 3.6;
    const std::string stroked = wml::attr(shape, "stroked", nullptr).value_or("t");
    if (stroked != "f" && stroked != "false" && wml::is(shape, v_ns, "shape") == false) {
        f.line = vml_color(wml::attr(shape, "strokecolor", nullptr).value_or("black")).value_or(0);
    }
    if (const auto fc = wml::attr(shape, "fillcolor", nullptr); fc && wml::attr(shape, "filled", nullptr).value_or("t") != "f") {
        f.fill = vml_color(*fc);
    }
    if (xmlNodePtr tb = kid(shape, v_ns, "textbox")) {
        f.blocks = text_box(find(tb, wml::w_ns, "txbxContent"));
        auto tstyle = css(wml::attr(tb, "style", nullptr).value_or(""));
        if (tstyle["layout-flow"] == "vertical" || tstyle["layout-flow"] == "vertical-ideographic") {
            f.rotate = tstyle["mso-layout-flow-alt"] == "bottom-to-top" ? 90 : -90;
        }
        if (f.line == std::nullopt && stroked != "f" && stroked != "false") f.line = 0;
        if (const auto inset = wml::attr(tb, "inset", nullptr)) {
            double v[4] = {7.2, 3.6, 7.2, 3.6};
            std::size_t at = 0;
            for (int k = 0; k < 4 && at <= inset->size(); ++k) {
                const std::size_t end = std::min(inset->find(',', at), inset->size());
                if (end > at) v[k] = vml_length(inset->substr(at, end - at), 1.0 / 20);
                at = end + 1;
            }
            f.inset_left = v[0];
            f.inset_top = v[1];
            f.inset_right = v[2];
            f.inset_bottom = v[3];
        }
    }
    if (xmlNodePtr img = kid(shape, v_ns, "imagedata")) {
        f.image = picture(wml::attr(img, "id", wml::r_ns).value_or(""));
        f.line.reset();
    }
    if (xmlNodePtr tp = kid(shape, v_ns, "textpath")) f.text = wml::attr(tp, "string", nullptr).value_or("");  // WordArt
    if (wml::is(shape, v_ns, "group")) {
        const auto size = wml::attr(shape, "coordsize", nullptr).value_or("1000,1000");
        const auto origin = wml::attr(shape, "coordorigin", nullptr).value_or("0,0");
        const double cw = std::strtod(size.c_str(), nullptr), ch = std::strtod(size.substr(size.find(',') + 1).c_str(), nullptr);
        const double ox = std::strtod(origin.c_str(), nullptr), oy = std::strtod(origin.substr(origin.find(',') + 1).c_str(), nullptr);
        const double sx = cw > 0 ? f.width / cw : 1, sy = ch > 0 ? f.height / ch : 1;
        for (xmlNodePtr c = shape->children; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || c->ns == nullptr || std::strcmp(reinterpret_cast<const char*>(c->ns->href), v_ns) != 0) continue;
            const std::string name = local_name(c);
            if (name == "shape" || name == "rect" || name == "roundrect" || name == "oval" || name == "group" || name == "line" ||
                name == "polyline" || name == "image") {
                if (name == "line" || name == "polyline") continue;  // lines of a drawing are not drawn
                f.parts.push_back(vml_frame(c, sx, sy, ox, oy, true));
            }
        }
    }
    if (!in_group) {
        f.anchored = style["position"] == "absolute";
        if (f.anchored) {
            f.h_offset = len("margin-left") + len("left");
            f.v_offset = len("margin-top") + len("top");
            const std::string hr = style.count("mso-position-horizontal-relative") ? style["mso-position-horizontal-relative"] : "text";
            const std::string vr = style.count("mso-position-vertical-relative") ? style["mso-position-vertical-relative"] : "text";
            f.h_rel = hr == "page" ? "page" : hr == "margin" ? "margin" : hr == "char" ? "character" : "column";
            f.v_rel = vr == "page" ? "page" : vr == "margin" ? "margin" : vr == "line" ? "line" : "paragraph";
            if (style.count("mso-position-horizontal") && style["mso-position-horizontal"] != "absolute") f.h_align = style["mso-position-horizontal"];
            if (style.count("mso-position-vertical") && style["mso-position-vertical"] != "absolute") f.v_align = style["mso-position-vertical"];
            f.wrap = Frame::Wrap::square;
            if (xmlNodePtr wrap = kid(shape, w10_ns, "wrap")) {
                const std::string t = wml::attr(wrap, "type", nullptr).value_or("square");
                f.wrap = t == "topAndBottom" ? Frame::Wrap::top_bottom : t == "none" ? Frame::Wrap::none : Frame::Wrap::square;
            } else {
                f.wrap = Frame::Wrap::none;  // VML without w10:wrap floats in front of the text
            }
        }
    }
    doc_.frames.push_back(std::move(f));
    return static_cast<int>(doc_.frames.size()) - 1;
}

void Reader::read_vml(xmlNodePtr pict, const RunProps& props, Paragraph& out) {
    bool any = false;
    for (xmlNodePtr c = pict->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || c->ns == nullptr || std::strcmp(reinterpret_cast<const char*>(c->ns->href), v_ns) != 0) continue;
        const std::string name = local_name(c);
        if (name == "shapetype" || name == "line" || name == "polyline" || name == "arc" || name == "curve") continue;
        if (name == "rect" && wml::attr(c, "hr", "urn:schemas-microsoft-com:office:office")) continue;  // a horizontal rule
        const int index = vml_frame(c, 1, 1, 0, 0, false);
        const Frame& f = doc_.frames[static_cast<std::size_t>(index)];
        if (f.width <= 0 && f.height <= 0 && f.blocks.empty()) continue;
        Inline in;
        in.kind = InlineKind::frame;
        in.props = props;
        in.frame = index;
        in.width = f.width;
        in.height = f.height;
        out.content.push_back(in);
        any = true;
    }
    if (!any && wml::is_w(pict, "object")) warn("внедрённый объект (OLE) без изображения не показан");
}

namespace {

/// A note's number as its numbering format prints it (w:numFmt of footnotePr/endnotePr).
std::string note_mark(int n, const std::string& format) {
    if (format == "lowerRoman" || format == "upperRoman") {
        static const std::pair<int, const char*> roman[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
                                                             {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
        std::string s;
        for (const auto& [v, r] : roman) {
            for (; n >= v; n -= v) s += r;
        }
        if (format == "upperRoman") std::transform(s.begin(), s.end(), s.begin(), [](char c) { return static_cast<char>(c - 32); });
        return s;
    }
    if (format == "lowerLetter" || format == "upperLetter") {
        // a … z, aa … zz, as Word counts.
        const char base = format == "lowerLetter" ? 'a' : 'A';
        return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), static_cast<char>(base + (n - 1) % 26));
    }
    if (format == "chicago") {
        static const char* marks[] = {"*", "\u2020", "\u2021", "\u00A7"};
        std::string s;
        for (int k = 0; k <= (n - 1) / 4; ++k) s += marks[(n - 1) % 4];
        return s;
    }
    return std::to_string(n);
}

}  // namespace

void Reader::read_note(xmlNodePtr ref, bool endnote, const RunProps& props, Paragraph& out) {
    const std::string kind = endnote ? "endnote" : "footnote";
    std::string& part = endnote ? endnotes_part_ : footnotes_part_;
    xmlNodePtr& root = endnote ? endnotes_ : footnotes_;
    if (root == nullptr && !part.empty() && package_.has(part)) root = parse(part, false, endnote ? "концевые сноски" : "сноски");
    const std::string id = wml::attr(ref, "id").value_or("");
    xmlNodePtr note = nullptr;
    for (xmlNodePtr n = root == nullptr ? nullptr : root->children; n != nullptr && note == nullptr; n = n->next) {
        if (wml::is_w(n, kind.c_str()) && wml::attr(n, "id").value_or("") == id) note = n;
    }
    // A mark the author typed (w:customMarkFollows) follows in the run; otherwise the number.
    const auto custom_attr = wml::attr(ref, "customMarkFollows");
    const bool custom = custom_attr && (*custom_attr == "1" || *custom_attr == "true" || *custom_attr == "on");
    const int number = custom ? 0 : ++(endnote ? endnote_count_ : footnote_count_);
    const std::string mark = custom ? "" : note_mark(number, endnote ? doc_.endnote_format : doc_.footnote_format);
    if (note == nullptr || note_depth_ > 0) {
        // A reference to a note that is not in the package (or a note inside a note): the mark only.
        if (note == nullptr) warn(std::string(endnote ? "концевая сноска" : "сноска") + " «" + id + "» не найдена: показан только её знак");
        if (!mark.empty()) emit_text(out, props, mark);
        return;
    }
    const int index = static_cast<int>(doc_.notes.size());
    doc_.notes.push_back(Note{endnote, mark, {}});
    // A custom mark is the text that follows: the note goes with the word after it.
    Inline in;
    in.kind = InlineKind::text;
    in.text = mark;
    in.props = props;
    in.note = index;
    out.content.push_back(std::move(in));
    // The note's paragraphs are read now (its own part, relationships and fields), then the
    // reading of this paragraph goes on.
    const auto saved_rels = rels_;
    const auto saved_part = part_;
    const auto saved_fields = std::move(fields_);
    const auto saved_style = table_style_, saved_cond = table_cond_;
    const auto saved_mark = note_mark_;
    fields_.clear();
    table_style_.clear();
    table_cond_.clear();
    rels_ = read_rels(part);
    part_ = part;
    note_mark_ = mark;
    ++note_depth_;
    std::vector<Block> blocks;
    read_blocks(note, &blocks);
    --note_depth_;
    doc_.notes[static_cast<std::size_t>(index)].blocks = std::move(blocks);
    rels_ = saved_rels;
    part_ = saved_part;
    fields_ = saved_fields;
    table_style_ = saved_style;
    table_cond_ = saved_cond;
    note_mark_ = saved_mark;
}

int Reader::floating_table(xmlNodePtr tbl, std::unique_ptr<Table>& table) {
    const xmlNodePtr pos = wml::child(wml::child(tbl, "tblPr"), "tblpPr");
    if (pos == nullptr || table == nullptr) return -1;
    // Positioned on the page (vertAnchor margin or page, LibreOffice's default when absent) or
    // sized in percent, or with no paragraph after it to move with: in the flow, as before.
    xmlNodePtr next = tbl->next;
    while (next != nullptr && next->type != XML_ELEMENT_NODE) next = next->next;
    double width = 0;
    for (double w : table->grid) width += w;
    if (wml::attr(pos, "vertAnchor").value_or("margin") != "text" || table->width_pct > 0 || width <= 0 || next == nullptr ||
        !wml::is_w(next, "p")) {
        warn("плавающие таблицы (w:tblpPr) показаны в потоке текста, без обтекания");
        return -1;
    }
    const auto twips = [&](const char* name) { return std::clamp(wml::number(pos, name).value_or(0.0), -31680.0, 31680.0) / 20.0; };
    Frame f;
    f.anchored = true;
    f.wrap = Frame::Wrap::square;
    f.fit_height = true;
    f.width = width;
    f.inset_left = f.inset_top = f.inset_right = f.inset_bottom = 0;
    const std::string h = wml::attr(pos, "horzAnchor").value_or("text");
    f.h_rel = h == "page" ? "page" : h == "margin" ? "margin" : "column";
    f.h_align = wml::attr(pos, "tblpXSpec").value_or("");
    f.h_offset = twips("tblpX");
    f.v_rel = "paragraph";
    f.v_offset = std::max(0.0, twips("tblpY"));
    f.dist_left = std::max(0.0, twips("leftFromText"));
    f.dist_right = std::max(0.0, twips("rightFromText"));
    f.dist_top = std::max(0.0, twips("topFromText"));
    f.dist_bottom = std::max(0.0, twips("bottomFromText"));
    // The frame places the table: its own indent and alignment are of the flow.
    table->indent = 0;
    table->align = Align::left;
    Block b;
    b.table = std::move(table);
    f.blocks.push_back(std::move(b));
    doc_.frames.push_back(std::move(f));
    return static_cast<int>(doc_.frames.size()) - 1;
}

std::unique_ptr<Table> Reader::read_table(xmlNodePtr tbl) {
    if (++table_depth_ > RenderLimits::max_table_depth) {
        throw Error(ErrorCode::package_invalid,
                    "таблицы вложены глубже " + std::to_string(RenderLimits::max_table_depth) +
                        " уровней — такой документ не печатается",
                    InputLocation{warnings_.file(), 0, 0, part_});
    }
    auto table = std::make_unique<Table>();
    const xmlNodePtr tblpr = wml::child(tbl, "tblPr");
    // Borders and cell margins: default table style, the table's style, then its own.
    struct Edges {
        Border top, left, bottom, right, inside_h, inside_v;
        double mar_top = 0, mar_left = 5.4, mar_bottom = 0, mar_right = 5.4;
    } e;
    auto read_border = [&](const xmlNode* b, Border& out) {
        if (b == nullptr) return;
        const std::string v = wml::attr(b, "val").value_or("single");
        out.present = !(v == "nil" || v == "none");
        out.width = std::clamp(wml::number(b, "sz").value_or(4) / 8.0, 0.25, 12.0);
        out.color = wml::color(wml::attr(b, "color").value_or("")).value_or(0);
        if (v == "double") out.width *= 2;
    };
    auto read_margins = [&](const xmlNode* m, double& top, double& left, double& bottom, double& right) {
        if (m == nullptr) return;
        auto one = [&](const char* a, const char* b, double& v) {
            xmlNodePtr x = wml::child(m, a);
            if (x == nullptr) x = wml::child(m, b);
            if (auto w = wml::number(x, "w")) v = std::clamp(*w, 0.0, 31680.0) / 20.0;
        };
        one("top", "top", top);
        one("left", "start", left);
        one("bottom", "bottom", bottom);
        one("right", "end", right);
    };
    auto read_tblpr = [&](const xmlNode* p) {
        if (p == nullptr) return;
        if (const xmlNodePtr b = wml::child(p, "tblBorders")) {
            read_border(wml::child(b, "top"), e.top);
            read_border(wml::child(b, "left") ? wml::child(b, "left") : wml::child(b, "start"), e.left);
            read_border(wml::child(b, "bottom"), e.bottom);
            read_border(wml::child(b, "right") ? wml::child(b, "right") : wml::child(b, "end"), e.right);
            read_border(wml::child(b, "insideH"), e.inside_h);
            read_border(wml::child(b, "insideV"), e.inside_v);
        }
        read_margins(wml::child(p, "tblCellMar"), e.mar_top, e.mar_left, e.mar_bottom, e.mar_right);
        if (auto ind = wml::number(wml::child(p, "tblInd"), "w")) table->indent = std::clamp(*ind, -31680.0, 31680.0) / 20.0;
        // A width in percent of the text width (fiftieths of a percent, or «86%» in Strict):
        // LibreOffice scales the grid's columns to it.
        if (const xmlNodePtr w = wml::child(p, "tblW"); w != nullptr && wml::attr(w, "type").value_or("") == "pct") {
            const std::string v = wml::attr(w, "w").value_or("0");
            const double pct = v.find('%') != std::string::npos ? std::atof(v.c_str()) : std::atof(v.c_str()) / 50.0;
            table->width_pct = std::clamp(pct, 0.0, 100.0);
        }
        if (auto jc = wml::val(p, "jc")) table->align = *jc == "center" ? Align::center : (*jc == "right" || *jc == "end") ? Align::right : Align::left;
    };
    read_tblpr(styles_.default_table_ppr());
    const std::string outer_style = table_style_, outer_cond = table_cond_;
    table_style_ = wml::val(tblpr, "tblStyle").value_or("");
    // Which conditional formats of the style apply (w:tblLook; Word's default for a new table
    // when absent: header row and first column, banded rows).
    bool look_first_row = true, look_last_row = false, look_first_col = true, look_last_col = false, look_hband = true,
         look_vband = false;
    if (const xmlNodePtr look = wml::child(tblpr, "tblLook")) {
        const long v = std::strtol(wml::attr(look, "val").value_or("04A0").c_str(), nullptr, 16);
        const auto flag = [&](const char* name, bool dflt) {
            const auto a = wml::attr(look, name);
            return a ? (*a == "1" || *a == "true" || *a == "on") : dflt;
        };
        look_first_row = flag("firstRow", (v & 0x20) != 0);
        look_last_row = flag("lastRow", (v & 0x40) != 0);
        look_first_col = flag("firstColumn", (v & 0x80) != 0);
        look_last_col = flag("lastColumn", (v & 0x100) != 0);
        look_hband = !flag("noHBand", (v & 0x200) != 0);
        look_vband = !flag("noVBand", (v & 0x400) != 0);
    }
    const auto* style_tblpr = table_style_.empty() ? nullptr : styles_.table_style(table_style_);
    const long row_band = std::max(1L, static_cast<long>(wml::number(wml::child(style_tblpr, "tblStyleRowBandSize"), "val").value_or(1)));
    const long col_band = std::max(1L, static_cast<long>(wml::number(wml::child(style_tblpr, "tblStyleColBandSize"), "val").value_or(1)));
    if (!table_style_.empty()) read_tblpr(style_tblpr);
    read_tblpr(tblpr);

    if (const xmlNodePtr grid = wml::child(tbl, "tblGrid")) {
        for (xmlNodePtr g = grid->children; g != nullptr; g = g->next) {
            if (wml::is_w(g, "gridCol")) table->grid.push_back(std::clamp(wml::number(g, "w").value_or(0), 0.0, 31680.0) / 20.0);
        }
    }
    std::vector<xmlNodePtr> rows;
    for (xmlNodePtr r = tbl->children; r != nullptr; r = r->next) {
        if (wml::is_w(r, "tr")) rows.push_back(r);
        else if (wml::is_w(r, "sdt") || wml::is_w(r, "customXml") || wml::is_w(r, "ins")) {
            xmlNodePtr content = wml::is_w(r, "sdt") ? wml::child(r, "sdtContent") : r;
            for (xmlNodePtr k = content ? content->children : nullptr; k != nullptr; k = k->next) {
                if (wml::is_w(k, "tr")) rows.push_back(k);
            }
        }
    }
    bool header_run = true;  // only leading rows repeat as a header
    for (std::size_t ri = 0; ri < rows.size(); ++ri) {
        Row row;
        const xmlNodePtr trpr = wml::child(rows[ri], "trPr");
        row.header = header_run && wml::on_off(trpr, "tblHeader").value_or(false);
        header_run = row.header;
        row.cant_split = wml::on_off(trpr, "cantSplit").value_or(false);
        if (const xmlNodePtr h = wml::child(trpr, "trHeight")) {
            row.height = std::clamp(wml::number(h, "val").value_or(0), 0.0, 31680.0) / 20.0;
            row.height_exact = wml::attr(h, "hRule").value_or("") == "exact";
        }
        row.grid_before = static_cast<int>(std::clamp(wml::number(wml::child(trpr, "gridBefore"), "val").value_or(0), 0.0, 1000.0));
        std::vector<xmlNodePtr> cells;
        for (xmlNodePtr c = rows[ri]->children; c != nullptr; c = c->next) {
            if (wml::is_w(c, "tc")) cells.push_back(c);
            else if (wml::is_w(c, "sdt")) {
                for (xmlNodePtr k = wml::child(c, "sdtContent") ? wml::child(c, "sdtContent")->children : nullptr; k; k = k->next) {
                    if (wml::is_w(k, "tc")) cells.push_back(k);
                }
            }
        }
        int col = row.grid_before;
        for (std::size_t ci = 0; ci < cells.size(); ++ci) {
            Cell cell;
            const xmlNodePtr tcpr = wml::child(cells[ci], "tcPr");
            cell.grid_span = static_cast<int>(std::clamp(wml::number(wml::child(tcpr, "gridSpan"), "val").value_or(1), 1.0, 1000.0));
            if (const auto dir = wml::val(tcpr, "textDirection")) {
                cell.rotate = *dir == "btLr" ? 90 : (*dir == "tbRl" || *dir == "tbRlV") ? -90 : 0;
            }
            if (const xmlNodePtr vm = wml::child(tcpr, "vMerge")) {
                cell.vmerge = wml::attr(vm, "val").value_or("continue") == "restart" ? Cell::VMerge::restart : Cell::VMerge::cont;
            }
            if (const xmlNodePtr shd = wml::child(tcpr, "shd")) {
                if (auto fill = wml::attr(shd, "fill")) cell.shading = wml::color(*fill);
            }
            if (const xmlNodePtr va = wml::child(tcpr, "vAlign")) {
                const std::string v = wml::attr(va, "val").value_or("top");
                cell.valign = v == "bottom" ? Cell::VAlign::bottom : v == "center" ? Cell::VAlign::center : Cell::VAlign::top;
            }
            const bool first_col = ci == 0;
            const bool last_col = ci + 1 == cells.size();
            cell.top = ri == 0 ? e.top : e.inside_h;
            cell.bottom = ri + 1 == rows.size() ? e.bottom : e.inside_h;
            cell.left = first_col ? e.left : e.inside_v;
            cell.right = last_col ? e.right : e.inside_v;
            // Conditional formats of the table style, in increasing priority: their shading,
            // borders, and (read_paragraph) paragraph and run properties.
            table_cond_.clear();
            if (!table_style_.empty()) {
                std::vector<const char*> conds{"wholeTable"};
                const long body_row = static_cast<long>(ri) - (look_first_row ? 1 : 0);
                const long body_col = static_cast<long>(col) - (look_first_col ? 1 : 0);
                const bool first_row = ri == 0, last_row = ri + 1 == rows.size();
                if (look_vband && body_col >= 0) conds.push_back((body_col / col_band) % 2 == 0 ? "band1Vert" : "band2Vert");
                if (look_hband && body_row >= 0 && !(look_last_row && last_row)) {
                    conds.push_back((body_row / row_band) % 2 == 0 ? "band1Horz" : "band2Horz");
                }
                if (look_first_col && first_col) conds.push_back("firstCol");
                if (look_last_col && last_col) conds.push_back("lastCol");
                if (look_first_row && first_row) conds.push_back("firstRow");
                if (look_last_row && last_row) conds.push_back("lastRow");
                if (look_first_row && first_row && look_first_col && first_col) conds.push_back("nwCell");
                if (look_first_row && first_row && look_last_col && last_col) conds.push_back("neCell");
                if (look_last_row && last_row && look_first_col && first_col) conds.push_back("swCell");
                if (look_last_row && last_row && look_last_col && last_col) conds.push_back("seCell");
                for (const char* type : conds) {
                    const xmlNode* cond = styles_.table_condition(table_style_, type);
                    if (cond == nullptr) continue;
                    if (!table_cond_.empty()) table_cond_ += ' ';
                    table_cond_ += type;
                    const xmlNodePtr ctc = wml::child(cond, "tcPr");
                    if (const xmlNodePtr shd = wml::child(ctc, "shd")) {
                        if (auto fill = wml::attr(shd, "fill")) cell.shading = wml::color(*fill);
                    }
                    if (const xmlNodePtr b = wml::child(ctc, "tcBorders")) {
                        // The format's region is a row or a column: inside it its inside lines.
                        const bool column = std::string(type).find("Col") != std::string::npos || std::string(type).find("Vert") != std::string::npos;
                        auto edge = [&](const char* outer, const char* alt, const char* inside, bool at_edge, Border& out) {
                            const xmlNode* n = at_edge ? (wml::child(b, outer) ? wml::child(b, outer) : wml::child(b, alt)) : wml::child(b, inside);
                            read_border(n, out);
                        };
                        edge("top", "top", "insideH", first_row || !column, cell.top);
                        edge("bottom", "bottom", "insideH", last_row || !column, cell.bottom);
                        edge("left", "start", "insideV", first_col || column, cell.left);
                        edge("right", "end", "insideV", last_col || column, cell.right);
                    }
                }
            }
            if (const xmlNodePtr shd = wml::child(tcpr, "shd")) {
                if (auto fill = wml::attr(shd, "fill")) cell.shading = wml::color(*fill);
            }
            if (const xmlNodePtr va = wml::child(tcpr, "vAlign")) {
                const std::string v = wml::attr(va, "val").value_or("top");
                cell.valign = v == "bottom" ? Cell::VAlign::bottom : v == "center" ? Cell::VAlign::center : Cell::VAlign::top;
            }
            if (const xmlNodePtr b = wml::child(tcpr, "tcBorders")) {
                read_border(wml::child(b, "top"), cell.top);
                read_border(wml::child(b, "left") ? wml::child(b, "left") : wml::child(b, "start"), cell.left);
                read_border(wml::child(b, "bottom"), cell.bottom);
                read_border(wml::child(b, "right") ? wml::child(b, "right") : wml::child(b, "end"), cell.right);
            }
            cell.margin_top = e.mar_top;
            cell.margin_left = e.mar_left;
            cell.margin_bottom = e.mar_bottom;
            cell.margin_right = e.mar_right;
            read_margins(wml::child(tcpr, "tcMar"), cell.margin_top, cell.margin_left, cell.margin_bottom, cell.margin_right);
            // Borders take room inside the row, as in Word and LibreOffice.
            if (cell.top.present) cell.margin_top += cell.top.width;
            if (cell.bottom.present && ri + 1 == rows.size()) cell.margin_bottom += cell.bottom.width;
            read_blocks(cells[ci], &cell.blocks);
            // Word and LibreOffice drop auto spacing above a cell's first paragraph and below
            // its last (a table pasted from a web page keeps single-line rows).
            if (!cell.blocks.empty() && cell.blocks.front().paragraph && cell.blocks.front().paragraph->props.auto_before) {
                cell.blocks.front().paragraph->props.space_before = 0;
            }
            if (!cell.blocks.empty() && cell.blocks.back().paragraph && cell.blocks.back().paragraph->props.auto_after) {
                cell.blocks.back().paragraph->props.space_after = 0;
            }
            table_cond_.clear();
            col += cell.grid_span;
            row.cells.push_back(std::move(cell));
        }
        // A grid shorter than the widest row: the layout shares the rest among missing columns.
        if (static_cast<int>(table->grid.size()) < col) table->grid.resize(static_cast<std::size_t>(col), 0);
        table->rows.push_back(std::move(row));
    }
    --table_depth_;
    table_style_ = outer_style;
    table_cond_ = outer_cond;
    return table;
}

}  // namespace

Document read_docx(const std::string& bytes, Warnings& warnings) {
    Reader reader(bytes, warnings);
    return reader.read();
}

}  // namespace nastavnik::pdf
