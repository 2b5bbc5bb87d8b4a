#include "pdf/numbering.hpp"

#include "pdf/wml.hpp"

#include <algorithm>

namespace nastavnik::pdf {

namespace {

std::string roman(int n, bool upper) {
    if (n <= 0 || n >= 4000) return std::to_string(n);
    static const std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                        {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"},
                                                        {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string s;
    for (const auto& [v, t] : parts) {
        while (n >= v) { s += t; n -= v; }
    }
    if (upper) std::transform(s.begin(), s.end(), s.begin(), [](char c) { return static_cast<char>(c - 'a' + 'A'); });
    return s;
}

std::string letters(int n, bool upper) {
    if (n <= 0) return std::to_string(n);
    // Word repeats the letter: a … z, aa … zz.
    const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
    return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), c);
}

std::string russian(int n, bool upper) {
    // The alphabet Russian lists use: no ё, й, ъ, ы, ь (ГОСТ Р 7.0.97 and Word's russianLower).
    static const char* lower[] = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о", "п",
                                  "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я"};
    static const char* upper_[] = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И", "К", "Л", "М", "Н", "О", "П",
                                   "Р", "С", "Т", "У", "Ф", "Х", "Ц", "Ч", "Ш", "Щ", "Э", "Ю", "Я"};
    if (n <= 0) return std::to_string(n);
    const int count = 28;
    std::string s;
    const std::string letter = upper ? upper_[(n - 1) % count] : lower[(n - 1) % count];
    for (int i = 0; i <= (n - 1) / count; ++i) s += letter;
    return s;
}

std::string format_number(int n, const std::string& fmt) {
    if (fmt == "lowerLetter") return letters(n, false);
    if (fmt == "upperLetter") return letters(n, true);
    if (fmt == "lowerRoman") return roman(n, false);
    if (fmt == "upperRoman") return roman(n, true);
    if (fmt == "russianLower") return russian(n, false);
    if (fmt == "russianUpper") return russian(n, true);
    if (fmt == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    if (fmt == "none") return {};
    return std::to_string(n);
}

// Bullets are often private-use code points of Symbol/Wingdings; the PDF uses real fonts.
std::string map_bullet(const std::string& text) {
    if (text == "\xEF\x82\xB7" || text == "\xEF\x82\xA7" || text == "\xEF\x83\x98" || text == "\xEF\x82\xA8") return "•";
    if (text == "\xEF\x83\xBC" || text == "\xEF\x83\xBE") return "✓";
    if (text.empty()) return {};
    const unsigned char c = static_cast<unsigned char>(text[0]);
    if (c == 0xEF && text.size() == 3 && static_cast<unsigned char>(text[1]) >= 0x80 &&
        static_cast<unsigned char>(text[1]) <= 0x83) {
        return "•";  // some other symbol-font glyph
    }
    return text;
}

}  // namespace

Numbering::Numbering(xmlNodePtr root) {
    if (root == nullptr) return;
    auto read_level = [](const xmlNode* l, Level& lv) {
        if (auto v = wml::number(wml::child(l, "start"), "val")) lv.start = static_cast<int>(std::clamp(*v, -1e6, 1e6));
        if (auto v = wml::val(l, "numFmt")) lv.format = *v;
        if (auto v = wml::val(l, "lvlText")) lv.text = *v;
        if (auto v = wml::val(l, "suff")) lv.suffix = *v;
        if (const xmlNodePtr p = wml::child(l, "pPr")) lv.ppr = p;
        if (const xmlNodePtr r = wml::child(l, "rPr")) lv.rpr = r;
    };
    for (xmlNodePtr n = root->children; n != nullptr; n = n->next) {
        if (wml::is_w(n, "abstractNum")) {
            const auto id = wml::integer(n, "abstractNumId");
            if (!id) continue;
            Abstract a;
            for (xmlNodePtr l = n->children; l != nullptr; l = l->next) {
                if (!wml::is_w(l, "lvl")) continue;
                const int ilvl = wml::integer(l, "ilvl").value_or(0);
                if (ilvl < 0 || ilvl > 8) continue;
                read_level(l, a.levels[static_cast<std::size_t>(ilvl)]);
            }
            abstracts_[*id] = a;
        } else if (wml::is_w(n, "num")) {
            const auto id = wml::integer(n, "numId");
            if (!id) continue;
            Num num;
            num.abstract_id = wml::integer(wml::child(n, "abstractNumId"), "val").value_or(-1);
            for (xmlNodePtr o = n->children; o != nullptr; o = o->next) {
                if (!wml::is_w(o, "lvlOverride")) continue;
                const int ilvl = wml::integer(o, "ilvl").value_or(0);
                if (ilvl < 0 || ilvl > 8) continue;
                if (auto s = wml::number(wml::child(o, "startOverride"), "val")) num.start_override[ilvl] = static_cast<int>(std::clamp(*s, -1e6, 1e6));
                if (const xmlNodePtr l = wml::child(o, "lvl")) read_level(l, num.level_override[ilvl]);
            }
            nums_[*id] = num;
        }
    }
}

const Numbering::Level* Numbering::level(int num_id, int ilvl) const {
    const auto n = nums_.find(num_id);
    if (n == nums_.end()) return nullptr;
    if (auto o = n->second.level_override.find(ilvl); o != n->second.level_override.end()) return &o->second;
    const auto a = abstracts_.find(n->second.abstract_id);
    if (a == abstracts_.end()) return nullptr;
    return &a->second.levels[static_cast<std::size_t>(ilvl)];
}

const xmlNode* Numbering::level_ppr(int num_id, int ilvl) const {
    const Level* l = level(num_id, std::clamp(ilvl, 0, 8));
    return l == nullptr ? nullptr : l->ppr;
}

std::optional<Numbering::Label> Numbering::next(int num_id, int ilvl) {
    ilvl = std::clamp(ilvl, 0, 8);
    const Level* lv = level(num_id, ilvl);
    if (lv == nullptr) return std::nullopt;
    Num& num = nums_[num_id];
    auto [it, fresh] = counters_.try_emplace(num.abstract_id);
    auto& counters = it->second;
    if (fresh) {
        for (int l = 0; l < 9; ++l) {
            const Level* x = level(num_id, l);
            counters[static_cast<std::size_t>(l)] = (x ? x->start : 1) - 1;
        }
    }
    if (!num.used) {
        // A num instance with start overrides restarts its list (Word's "restart numbering").
        for (const auto& [l, s] : num.start_override) counters[static_cast<std::size_t>(l)] = s - 1;
        num.used = true;
    }
    counters[static_cast<std::size_t>(ilvl)] += 1;
    for (int l = ilvl + 1; l < 9; ++l) {
        const Level* x = level(num_id, l);
        counters[static_cast<std::size_t>(l)] = (x ? x->start : 1) - 1;
    }
    Label label;
    label.ppr = lv->ppr;
    label.rpr = lv->rpr;
    label.suffix = lv->suffix;
    if (lv->format == "bullet") {
        label.text = map_bullet(lv->text);
        return label;
    }
    // "%1.%2." — each %k is level k's counter in that level's own format.
    const std::string& t = lv->text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            const int k = t[i + 1] - '1';
            const Level* x = level(num_id, k);
            int value = counters[static_cast<std::size_t>(k)];
            if (k < ilvl && value < (x ? x->start : 1)) value = x ? x->start : 1;
            label.text += format_number(value, x != nullptr && x->format != "bullet" ? x->format : "decimal");
            ++i;
        } else {
            label.text += t[i];
        }
    }
    return label;
}

}  // namespace nastavnik::pdf
