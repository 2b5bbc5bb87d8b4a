#include "pdf/fonts.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <fontconfig/fontconfig.h>
#include FT_TRUETYPE_TABLES_H
#include FT_ADVANCES_H

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>

namespace nastavnik::pdf {

namespace {

struct Match {
    std::string file;
    std::string family;                 // the face's first family name
    std::vector<std::string> families;  // all its names (fonts carry localised ones too)
    int index = 0;
    bool bold = false;
    bool italic = false;
    bool truetype = false;
    // Only the first face of a TrueType file can be subset into the PDF.
    [[nodiscard]] bool usable() const { return !file.empty() && truetype && index == 0; }
    [[nodiscard]] bool named(const std::string& name) const;
};

// Fontconfig's matching costs milliseconds; a batch of documents asks the same few names.
std::mutex match_mutex;
std::map<std::string, Match>& match_cache() {
    static std::map<std::string, Match> cache;
    return cache;
}

Match fc_match(const std::string& family, bool bold, bool italic) {
    const std::string key = family + (bold ? "|b" : "|") + (italic ? "i" : "");
    std::lock_guard lock(match_mutex);
    if (auto it = match_cache().find(key); it != match_cache().end()) return it->second;
    Match m;
    if (FcInit()) {
        FcPattern* pat = FcPatternCreate();
        FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
        FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
        FcConfigSubstitute(nullptr, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult result = FcResultNoMatch;
        FcPattern* found = FcFontMatch(nullptr, pat, &result);
        if (found != nullptr) {
            FcChar8* s = nullptr;
            if (FcPatternGetString(found, FC_FILE, 0, &s) == FcResultMatch) m.file = reinterpret_cast<const char*>(s);
            for (int i = 0; FcPatternGetString(found, FC_FAMILY, i, &s) == FcResultMatch; ++i) {
                m.families.emplace_back(reinterpret_cast<const char*>(s));
            }
            if (!m.families.empty()) m.family = m.families.front();
            if (FcPatternGetString(found, FC_FONTFORMAT, 0, &s) == FcResultMatch) {
                m.truetype = std::string(reinterpret_cast<const char*>(s)) == "TrueType";
            }
            int v = 0;
            if (FcPatternGetInteger(found, FC_INDEX, 0, &v) == FcResultMatch) m.index = v;
            if (FcPatternGetInteger(found, FC_WEIGHT, 0, &v) == FcResultMatch) m.bold = v >= FC_WEIGHT_DEMIBOLD;
            if (FcPatternGetInteger(found, FC_SLANT, 0, &v) == FcResultMatch) m.italic = v != FC_SLANT_ROMAN;
            FcPatternDestroy(found);
        }
        FcPatternDestroy(pat);
    }
    match_cache()[key] = m;
    return m;
}

// Font names compare as fontconfig compares them: ASCII case and spaces do not count.
std::string lower_ascii(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

bool Match::named(const std::string& name) const {
    const std::string n = lower_ascii(name);
    return std::any_of(families.begin(), families.end(), [&](const std::string& f) { return lower_ascii(f) == n; });
}

// Metric-compatible free faces: same widths, so line breaks stay where Word puts them.
// Replacing these is expected (Debian cannot ship the Microsoft fonts; PT Astra Serif is not
// in Debian) and not reported (docs/PDF.md).
const char* metric_twin(const std::string& family) {
    static const std::map<std::string, const char*> twins = {
        {"timesnewroman", "Liberation Serif"}, {"times", "Liberation Serif"}, {"ptastraserif", "Liberation Serif"},
        {"arial", "Liberation Sans"},          {"helvetica", "Liberation Sans"}, {"couriernew", "Liberation Mono"},
        {"courier", "Liberation Mono"},        {"calibri", "Carlito"},           {"cambria", "Caladea"}};
    const auto it = twins.find(lower_ascii(family));
    return it == twins.end() ? nullptr : it->second;
}

const char* class_words(FontClass c) {
    switch (c) {
        case FontClass::serif: return "шрифт с засечками";
        case FontClass::sans: return "шрифт без засечек";
        case FontClass::mono: return "моноширинный шрифт";
    }
    return "";
}

}  // namespace

FontClass font_class_by_name(const std::string& family) {
    const std::string n = lower_ascii(family);
    auto has = [&](std::initializer_list<const char*> words) {
        return std::any_of(words.begin(), words.end(), [&](const char* w) { return n.find(w) != std::string::npos; });
    };
    if (has({"mono", "courier", "consol", "typewriter", "fixed", "code"})) return FontClass::mono;
    if (has({"sans", "arial", "helvetica", "calibri", "carlito", "verdana", "tahoma", "segoe", "trebuchet", "gothic",
             "grotesk", "grotesque", "roboto", "franklin", "futura", "myriad", "lucida", "geneva", "ubuntu",
             "montserrat"})) {
        return FontClass::sans;
    }
    return FontClass::serif;
}

Face::Face(FT_Library lib, std::string path, int index, bool fake_bold) : path_(std::move(path)), fake_bold_(fake_bold) {
    if (FT_New_Face(lib, path_.c_str(), index, &face_) != 0 || face_ == nullptr) {
        throw Error(ErrorCode::internal, "не удаётся открыть файл шрифта «" + path_ + "»");
    }
    FT_Select_Charmap(face_, FT_ENCODING_UNICODE);
    units_ = face_->units_per_EM > 0 ? face_->units_per_EM : 1000;
    // "Single" line height as LibreOffice measures it: the horizontal header's ascender,
    // descender and line gap; the Windows extent only where the header has none; the
    // typographic metrics where the font asks for them (OS/2 «USE_TYPO_METRICS», bit 7 of
    // fsSelection). OpenSymbol, which carries Symbol's and Wingdings' characters, is 1.06 em so
    // and 1.24 em by its Windows extent: a line of 10 pt text with such characters 11.65 pt high
    // in LibreOffice's PDF, not 12.5 (measured).
    ascent = face_->ascender / units_;
    descent = -face_->descender / units_;
    line_gap = std::max(0.0, (face_->height - face_->ascender + face_->descender) / units_);
    if (const auto* os2 = static_cast<const TT_OS2*>(FT_Get_Sfnt_Table(face_, FT_SFNT_OS2)); os2 != nullptr && os2->version != 0xFFFF) {
        if (ascent == 0 && descent == 0) {
            ascent = os2->usWinAscent / units_;
            descent = os2->usWinDescent / units_;
            line_gap = 0;
        }
        constexpr FT_UShort use_typo_metrics = 1U << 7;
        if ((os2->fsSelection & use_typo_metrics) != 0 && os2->sTypoAscender >= 0 && os2->sTypoDescender <= 0) {
            ascent = os2->sTypoAscender / units_;
            descent = -os2->sTypoDescender / units_;
            line_gap = std::max<double>(0, os2->sTypoLineGap) / units_;
        }
    }
    text_ascent_ = ascent;
    text_descent_ = descent;
    gap_ = line_gap;
    // The gap is leading above the text: fold it into the ascent the layout uses.
    ascent += line_gap;
    line_gap = 0;
    if (face_->underline_thickness > 0) {
        underline_position = face_->underline_position / units_;
        underline_thickness = face_->underline_thickness / units_;
    }
}

Face::LineMetrics Face::line(double size) const {
    // LibreOffice's Writer sizes fonts on a reference device of 8640 dpi (six pixels to a twip):
    // the ascent, descent and line gap are each rounded to whole pixels there, then the text's
    // height (ascent + descent), its ascent and the gap each to whole twips. 10 pt Liberation
    // Serif is so 231 twips (11.55 pt), not the 230 of its exact metrics (229.98); 12 and 14 pt
    // come out 276 and 322 either way (measured: a 10 pt table row of an analytical report went
    // to the next page in LibreOffice's PDF and stayed in ours).
    const double px = std::round(size * 120);
    const auto twips = [](double pixels) { return std::floor(pixels / 6 + 0.5); };
    const double a = std::round(text_ascent_ * px), d = std::round(text_descent_ * px), g = std::round(gap_ * px);
    const double asc = twips(a), height = twips(a + d);
    return {(asc + twips(g)) / 20, (height - asc) / 20};
}

Face::~Face() {
    if (face_ != nullptr) FT_Done_Face(face_);
}

const std::pair<unsigned, double>& Face::measure(char32_t c) {
    if (c < direct) {
        if (known_.empty()) {
            direct_.resize(direct);
            known_.resize(direct, false);
        }
        if (!known_[c]) {
            const unsigned gid = FT_Get_Char_Index(face_, c);
            FT_Fixed adv = 0;
            FT_Get_Advances(face_, gid, 1, FT_LOAD_NO_SCALE, &adv);
            direct_[c] = {gid, static_cast<double>(adv) / units_};
            known_[c] = true;
        }
        return direct_[c];
    }
    auto it = glyphs_.find(c);
    if (it != glyphs_.end()) return it->second;
    const unsigned gid = FT_Get_Char_Index(face_, c);
    FT_Fixed adv = 0;
    FT_Get_Advances(face_, gid, 1, FT_LOAD_NO_SCALE, &adv);
    return glyphs_.emplace(c, std::make_pair(gid, static_cast<double>(adv) / units_)).first->second;
}

FontResolver::FontResolver(Warnings& warnings, const std::map<std::string, FontClass>* declared)
    : warnings_(warnings), declared_(declared) {}

FontResolver::~FontResolver() = default;

// Opening a face and filling its glyph cache costs more than laying out a short document, so
// faces live for the thread (FreeType faces must not be shared between threads).
struct FaceCache {
    FT_Library lib = nullptr;
    std::map<std::string, std::unique_ptr<Face>> faces;
    FaceCache() {
        if (FT_Init_FreeType(&lib) != 0) lib = nullptr;
    }
    ~FaceCache() {
        faces.clear();
        if (lib != nullptr) FT_Done_FreeType(lib);
    }
};

Face* FontResolver::open(const std::string& path, int index, bool fake_bold) {
    thread_local FaceCache cache;
    if (cache.lib == nullptr) throw Error(ErrorCode::internal, "FreeType не инициализируется");
    const std::string key = path + '#' + std::to_string(index) + (fake_bold ? "b" : "");
    auto it = cache.faces.find(key);
    if (it == cache.faces.end()) it = cache.faces.emplace(key, std::make_unique<Face>(cache.lib, path, index, fake_bold)).first;
    return it->second.get();
}

Face* FontResolver::face(const std::string& family, bool bold, bool italic) {
    const std::string key = family + (bold ? "|b" : "|") + (italic ? "i" : "");
    if (auto it = by_request_.find(key); it != by_request_.end()) return it->second;
    const std::string asked = family.empty() ? "Times New Roman" : family;
    Match m = fc_match(asked, bold, italic);
    // Fontconfig answers every name with some font — for a name it does not know, its default
    // sans face. Only a face of the very name asked for is taken as is.
    if (!m.usable() || !m.named(asked)) {
        const bool installed = m.named(asked);
        const char* twin = metric_twin(asked);
        if (Match t; twin != nullptr && (t = fc_match(twin, bold, italic)).usable() && t.named(twin)) {
            m = t;
        } else {
            FontClass kind = font_class_by_name(asked);
            if (declared_ != nullptr) {
                if (auto it = declared_->find(asked); it != declared_->end()) kind = it->second;
            }
            // Fontconfig's own answer when it is of the kind — it classifies the names it
            // knows (Calibri as sans, Cambria as serif) and gives the system's face of that
            // kind, DejaVu on Debian: what LibreOffice prints such a font with through the same
            // fontconfig, so lines break where its do. For a name it does not know it answers
            // its default sans face whatever the kind: then Liberation's face of the kind.
            if (!(m.usable() && font_class_by_name(m.family) == kind)) {
                m = fc_match(kind == FontClass::serif ? "Liberation Serif" : kind == FontClass::sans ? "Liberation Sans" : "Liberation Mono",
                             bold, italic);
            }
            if (!m.usable()) m = fc_match(kind == FontClass::serif ? "serif" : kind == FontClass::sans ? "sans-serif" : "monospace", bold, italic);
            if (!m.usable()) m = fc_match("DejaVu Sans", bold, italic);
            if (!m.usable()) {
                throw Error(ErrorCode::internal,
                            "не найден ни один шрифт TrueType (нужны пакеты fonts-liberation2 и fonts-dejavu-core)");
            }
            warnings_.add("", "шрифт «" + asked + (installed ? "» установлен не в формате TrueType" : "» не установлен") +
                                  ": вместо него использован «" + m.family + "» (" + class_words(kind) + ")");
        }
    }
    if (italic && !m.italic) warnings_.add("", "у шрифта «" + m.family + "» нет курсива: текст показан прямым");
    Face* f = open(m.file, m.index, bold && !m.bold);
    by_request_[key] = f;
    return f;
}

Face* FontResolver::fallback_for(Face* primary, char32_t c, bool bold, bool italic) {
    Face* fb = face("DejaVu Sans", bold, italic);
    if (fb->has(c)) return fb;
    if (missing_.insert(c).second) missing_order_.push_back(c);
    return primary;
}

void FontResolver::report_missing() {
    if (missing_order_.empty()) return;
    const auto name = [](char32_t c) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        return "«" + text::to_utf8(std::u32string(1, c)) + "» (" + code + ")";
    };
    if (missing_order_.size() == 1) {
        warnings_.add("", "символа " + name(missing_order_.front()) +
                              " нет ни в шрифте документа, ни в DejaVu Sans: на его месте пустой прямоугольник");
    } else {
        constexpr std::size_t shown = 10;
        std::string list;
        for (std::size_t i = 0; i < missing_order_.size() && i < shown; ++i) list += (i > 0 ? ", " : "") + name(missing_order_[i]);
        if (missing_order_.size() > shown) list += " и ещё " + std::to_string(missing_order_.size() - shown);
        warnings_.add("", "символов " + list + " нет ни в шрифте документа, ни в DejaVu Sans: на их месте пустые прямоугольники");
    }
    missing_order_.clear();
}

}  // namespace nastavnik::pdf
