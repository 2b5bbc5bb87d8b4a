#include "pdf/styles.hpp"

#include "pdf/wml.hpp"

#include <algorithm>
#include <cctype>

namespace nastavnik::pdf {

namespace {

// Hostile values (a 10⁹-point font, a negative page) would make layout loop or overflow;
// anything outside what Word itself accepts is clamped.
double clamp_twips(double v) { return std::clamp(v, -31680.0, 31680.0) / 20.0; }

std::string font_of(const xmlNode* fonts, const std::map<std::string, std::string>& theme) {
    if (auto t = wml::attr(fonts, "hAnsiTheme")) {
        if (auto it = theme.find(*t); it != theme.end()) return it->second;
    }
    if (auto t = wml::attr(fonts, "asciiTheme")) {
        if (auto it = theme.find(*t); it != theme.end()) return it->second;
    }
    if (auto f = wml::attr(fonts, "hAnsi")) return *f;
    if (auto f = wml::attr(fonts, "ascii")) return *f;
    // w:cs and w:eastAsia name the fonts of other scripts only (a table style that names
    // just them must not change the font of Russian text): RunProps::font_cs/font_ea.
    return {};
}

}  // namespace

void apply_rpr(const xmlNode* rpr, RunProps& p, const std::map<std::string, std::string>& theme_fonts) {
    if (rpr == nullptr) return;
    if (const xmlNodePtr f = wml::child(rpr, "rFonts")) {
        if (auto name = font_of(f, theme_fonts); !name.empty()) p.font = name;
        if (auto cs = wml::attr(f, "cs"); cs && !cs->empty()) p.font_cs = *cs;
        if (auto ea = wml::attr(f, "eastAsia"); ea && !ea->empty()) p.font_ea = *ea;
    }
    if (auto sz = wml::number(wml::child(rpr, "sz"), "val")) p.size = std::clamp(*sz, 2.0, 3276.0) / 2.0;
    if (auto b = wml::on_off(rpr, "b")) p.bold = *b;
    if (auto i = wml::on_off(rpr, "i")) p.italic = *i;
    if (auto s = wml::on_off(rpr, "strike")) p.strike = *s;
    if (auto s = wml::on_off(rpr, "dstrike"); s && *s) p.strike = true;
    if (auto c = wml::on_off(rpr, "caps")) p.caps = *c;
    if (auto c = wml::on_off(rpr, "smallCaps"); c && *c) p.caps = true;
    if (auto v = wml::on_off(rpr, "vanish")) p.vanish = *v;
    if (auto u = wml::val(rpr, "u")) p.underline = *u != "none";
    if (auto v = wml::val(rpr, "vertAlign")) p.vertical = *v == "superscript" ? 1 : *v == "subscript" ? -1 : 0;
    if (auto c = wml::val(rpr, "color")) p.color = wml::color(*c).value_or(0);
    if (auto h = wml::val(rpr, "highlight")) {
        static const std::map<std::string, std::uint32_t> named = {
            {"yellow", 0xFFFF00}, {"green", 0x00FF00}, {"cyan", 0x00FFFF}, {"magenta", 0xFF00FF},
            {"blue", 0x0000FF}, {"red", 0xFF0000}, {"lightGray", 0xC0C0C0}, {"darkGray", 0x808080}};
        if (auto it = named.find(*h); it != named.end()) p.highlight = it->second;
        else p.highlight.reset();
    }
    if (auto l = wml::val(rpr, "lang")) p.no_language = *l == "zxx";
    if (auto sp = wml::number(wml::child(rpr, "spacing"), "val")) p.char_spacing = std::clamp(*sp, -200.0, 1000.0) / 20.0;
    if (const xmlNodePtr shd = wml::child(rpr, "shd")) {
        if (auto fill = wml::attr(shd, "fill")) {
            if (auto c = wml::color(*fill); c && *c != 0xFFFFFF) p.highlight = c;
        }
    }
}

void apply_ppr(const xmlNode* ppr, ParaProps& p) {
    if (ppr == nullptr) return;
    if (auto jc = wml::val(ppr, "jc")) {
        if (*jc == "center") p.align = Align::center;
        else if (*jc == "right" || *jc == "end") p.align = Align::right;
        else if (*jc == "both" || *jc == "distribute" || *jc == "lowKashida" || *jc == "mediumKashida" ||
                 *jc == "highKashida" || *jc == "thaiDistribute")
            p.align = Align::both;
        else p.align = Align::left;
    }
    if (const xmlNodePtr ind = wml::child(ppr, "ind")) {
        if (auto v = wml::number(ind, "left")) p.ind_left = clamp_twips(*v);
        if (auto v = wml::number(ind, "start")) p.ind_left = clamp_twips(*v);
        if (auto v = wml::number(ind, "right")) p.ind_right = clamp_twips(*v);
        if (auto v = wml::number(ind, "end")) p.ind_right = clamp_twips(*v);
        if (auto v = wml::number(ind, "firstLine")) p.first_line = clamp_twips(*v);
        if (auto v = wml::number(ind, "hanging")) p.first_line = -clamp_twips(*v);
    }
    if (const xmlNodePtr sp = wml::child(ppr, "spacing")) {
        if (auto v = wml::number(sp, "before")) {
            p.space_before = std::max(0.0, clamp_twips(*v));
            p.auto_before = false;
        }
        if (auto v = wml::number(sp, "after")) {
            p.space_after = std::max(0.0, clamp_twips(*v));
            p.auto_after = false;
        }
        // Auto spacing is HTML import's "about one line"; Word uses 14 pt.
        if (auto a = wml::attr(sp, "beforeAutospacing"); a && (*a == "1" || *a == "true")) {
            p.space_before = 14;
            p.auto_before = true;
        }
        if (auto a = wml::attr(sp, "afterAutospacing"); a && (*a == "1" || *a == "true")) {
            p.space_after = 14;
            p.auto_after = true;
        }
        const auto rule = wml::attr(sp, "lineRule");
        if (auto v = wml::number(sp, "line")) {
            if (rule && *rule == "exact") {
                p.line_rule = LineRule::exact;
                p.line = std::max(1.0, clamp_twips(std::abs(*v)));
            } else if (rule && *rule == "atLeast") {
                p.line_rule = LineRule::at_least;
                p.line = std::max(0.0, clamp_twips(*v));
            } else {
                p.line_rule = LineRule::auto_;
                p.line = std::clamp(*v, 24.0, 2400.0);
            }
        }
    }
    if (auto v = wml::on_off(ppr, "keepNext")) p.keep_next = *v;
    if (auto v = wml::on_off(ppr, "keepLines")) p.keep_lines = *v;
    if (auto v = wml::on_off(ppr, "pageBreakBefore")) p.page_break_before = *v;
    if (auto v = wml::on_off(ppr, "widowControl")) p.widow_control = *v;
    if (auto v = wml::on_off(ppr, "contextualSpacing")) p.contextual_spacing = *v;
    if (auto v = wml::on_off(ppr, "suppressAutoHyphens")) p.suppress_hyphens = *v;
    if (auto v = wml::on_off(ppr, "bidi")) p.bidi = *v;
    if (const xmlNodePtr shd = wml::child(ppr, "shd")) {
        if (auto fill = wml::attr(shd, "fill")) p.shading = wml::color(*fill);
    }
    if (const xmlNodePtr bdr = wml::child(ppr, "pBdr")) {
        auto read = [](const xmlNode* b, Border& out) {
            if (b == nullptr) return;
            const std::string v = wml::attr(b, "val").value_or("single");
            out.present = !(v == "nil" || v == "none");
            out.width = std::clamp(wml::number(b, "sz").value_or(4) / 8.0, 0.25, 12.0);
            out.color = wml::color(wml::attr(b, "color").value_or("")).value_or(0);
            out.space = std::clamp(wml::number(b, "space").value_or(0), 0.0, 31.0);
        };
        read(wml::child(bdr, "top"), p.border_top);
        read(wml::child(bdr, "bottom"), p.border_bottom);
        p.side_borders = wml::child(bdr, "left") || wml::child(bdr, "right") || wml::child(bdr, "between") ||
                         wml::child(bdr, "start") || wml::child(bdr, "end");
    }
    if (const xmlNodePtr tabs = wml::child(ppr, "tabs")) {
        for (xmlNodePtr t = tabs->children; t != nullptr; t = t->next) {
            if (!wml::is_w(t, "tab")) continue;
            const auto pos = wml::number(t, "pos");
            if (!pos) continue;
            TabStop stop;
            stop.pos = clamp_twips(*pos);
            const std::string kind = wml::attr(t, "val").value_or("left");
            if (kind == "center") stop.kind = TabKind::center;
            else if (kind == "right" || kind == "end") stop.kind = TabKind::right;
            else if (kind == "decimal") stop.kind = TabKind::decimal;
            else if (kind == "bar") stop.kind = TabKind::bar;
            else if (kind == "clear") stop.kind = TabKind::clear;
            const std::string leader = wml::attr(t, "leader").value_or("none");
            stop.leader = leader == "dot" ? '.' : leader == "hyphen" ? '-' : (leader == "underscore" || leader == "heavy") ? '_'
                        : leader == "middleDot" ? '.' : 0;
            // A later definition at the same position replaces (or clears) the inherited one.
            std::erase_if(p.tabs, [&](const TabStop& s) { return std::abs(s.pos - stop.pos) < 0.5; });
            if (stop.kind != TabKind::clear) p.tabs.push_back(stop);
        }
        std::sort(p.tabs.begin(), p.tabs.end(), [](const TabStop& a, const TabStop& b) { return a.pos < b.pos; });
    }
    if (const xmlNodePtr num = wml::child(ppr, "numPr")) {
        if (auto id = wml::integer(wml::child(num, "numId"), "val")) p.num_id = *id;
        if (auto lvl = wml::number(wml::child(num, "ilvl"), "val")) p.num_level = static_cast<int>(std::clamp(*lvl, 0.0, 8.0));
    }
}

StyleSheet::StyleSheet(xmlNodePtr root, std::map<std::string, std::string> theme_fonts, Warnings&)
    : theme_fonts_(std::move(theme_fonts)) {
    if (root == nullptr) return;
    for (xmlNodePtr n = root->children; n != nullptr; n = n->next) {
        if (wml::is_w(n, "docDefaults")) {
            default_rpr_ = wml::child(wml::child(n, "rPrDefault"), "rPr");
            default_ppr_ = wml::child(wml::child(n, "pPrDefault"), "pPr");
        } else if (wml::is_w(n, "style")) {
            const auto id = wml::attr(n, "styleId");
            if (!id) continue;
            Style s;
            s.type = wml::attr(n, "type").value_or("paragraph");
            s.based_on = wml::val(n, "basedOn").value_or("");
            s.ppr = wml::child(n, "pPr");
            s.rpr = wml::child(n, "rPr");
            s.tblpr = wml::child(n, "tblPr");
            s.node = n;
            const auto def = wml::attr(n, "default");
            if (def && (*def == "1" || *def == "true")) {
                if (s.type == "paragraph") default_paragraph_ = *id;
                if (s.type == "table") default_table_ = s.tblpr;
            }
            styles_.emplace(*id, s);
        }
    }
}

void StyleSheet::chain(const std::string& id, std::vector<const Style*>& out) const {
    std::string cur = id;
    // basedOn loops exist in damaged files; a style chain deeper than this is one.
    for (int depth = 0; depth < 32 && !cur.empty(); ++depth) {
        const auto it = styles_.find(cur);
        if (it == styles_.end()) break;
        if (std::find(out.begin(), out.end(), &it->second) != out.end()) break;
        out.push_back(&it->second);
        cur = it->second.based_on;
    }
    std::reverse(out.begin(), out.end());
}

void StyleSheet::paragraph_style(const std::string& id, ParaProps& para, RunProps& run, const std::string& table_style,
                                 const std::string& conditions) const {
    const std::string key = table_style.empty() ? id : table_style + '\n' + conditions + '\n' + id;
    if (const auto it = paragraph_cache_.find(key); it != paragraph_cache_.end()) {
        para = it->second.first;
        run = it->second.second;
        return;
    }
    para = ParaProps{};
    run = RunProps{};
    resolve_paragraph_style(id, para, run, table_style, conditions);
    paragraph_cache_[key] = {para, run};
}

void StyleSheet::resolve_paragraph_style(const std::string& id, ParaProps& para, RunProps& run, const std::string& table_style,
                                         const std::string& conditions) const {
    apply_rpr(default_rpr_, run, theme_fonts_);
    apply_ppr(default_ppr_, para);
    if (!table_style.empty()) {
        std::vector<const Style*> table_chain;
        chain(table_style, table_chain);
        for (const Style* s : table_chain) {
            apply_ppr(s->ppr, para);
            apply_rpr(s->rpr, run, theme_fonts_);
        }
        std::size_t at = 0;
        while (at < conditions.size()) {
            const std::size_t end = std::min(conditions.find(' ', at), conditions.size());
            if (const xmlNode* c = table_condition(table_style, conditions.substr(at, end - at))) {
                apply_ppr(wml::child(c, "pPr"), para);
                apply_rpr(wml::child(c, "rPr"), run, theme_fonts_);
            }
            at = end + 1;
        }
    }
    std::vector<const Style*> styles;
    chain(!id.empty() && styles_.count(id) ? id : default_paragraph_, styles);
    for (const Style* s : styles) {
        apply_ppr(s->ppr, para);
        apply_rpr(s->rpr, run, theme_fonts_);
        if (wml::child(s->ppr, "numPr") != nullptr) para.style_indents_list = false;
        if (wml::child(s->ppr, "ind") != nullptr && para.num_id > 0) para.style_indents_list = true;
    }
    // numPr of a style applies as if written on the paragraph; the id stays the paragraph's.
    para.style = id;
}

void StyleSheet::character_style(const std::string& id, RunProps& run) const {
    auto it = character_cache_.find(id);
    if (it == character_cache_.end()) {
        std::vector<const Style*> styles;
        chain(id, styles);
        std::vector<const xmlNode*> rprs;
        for (const Style* s : styles) rprs.push_back(s->rpr);
        it = character_cache_.emplace(id, std::move(rprs)).first;
    }
    for (const xmlNode* rpr : it->second) apply_rpr(rpr, run, theme_fonts_);
}

const xmlNode* StyleSheet::table_condition(const std::string& id, const std::string& type) const {
    std::vector<const Style*> styles;
    chain(id, styles);
    for (auto it = styles.rbegin(); it != styles.rend(); ++it) {
        for (const xmlNode* n = (*it)->node->children; n != nullptr; n = n->next) {
            if (wml::is_w(n, "tblStylePr") && wml::attr(n, "type").value_or("") == type) return n;
        }
    }
    return nullptr;
}

const xmlNode* StyleSheet::table_style(const std::string& id) const {
    const auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : it->second.tblpr;
}

bool StyleSheet::named(const std::string& id, const std::string& name) const {
    const auto it = styles_.find(id);
    if (it == styles_.end() || it->second.node == nullptr) return false;
    const std::string n = wml::val(it->second.node, "name").value_or("");
    return n.size() == name.size() &&
           std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); });
}

}  // namespace nastavnik::pdf
