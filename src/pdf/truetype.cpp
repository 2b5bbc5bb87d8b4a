#include "pdf/truetype.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace nastavnik::pdf {

namespace {

// Installed fonts are tens of megabytes at most (Noto CJK is 20 MB).
constexpr std::size_t max_font_bytes = 64u << 20;

std::uint16_t u16(std::string_view s, std::size_t at) {
    if (at + 2 > s.size()) throw std::out_of_range("u16");
    return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}
std::int16_t i16(std::string_view s, std::size_t at) { return static_cast<std::int16_t>(u16(s, at)); }
std::uint32_t u32(std::string_view s, std::size_t at) { return (std::uint32_t{u16(s, at)} << 16) | u16(s, at + 2); }

void put16(std::string& out, unsigned v) {
    out += static_cast<char>((v >> 8) & 0xFF);
    out += static_cast<char>(v & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}
void set16(std::string& s, std::size_t at, unsigned v) {
    s[at] = static_cast<char>((v >> 8) & 0xFF);
    s[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& s, std::size_t at, std::uint32_t v) {
    set16(s, at, v >> 16);
    set16(s, at + 2, v & 0xFFFF);
}
void pad4(std::string& s) {
    while (s.size() % 4 != 0) s += '\0';
}

std::uint32_t checksum(std::string_view s) {
    std::uint32_t sum = 0;
    std::size_t i = 0;
    for (; i + 4 <= s.size(); i += 4) sum += u32(s, i);
    std::uint32_t last = 0;
    for (std::size_t k = 0; i + k < s.size(); ++k) last |= std::uint32_t{static_cast<unsigned char>(s[i + k])} << (24 - 8 * k);
    return sum + last;
}

std::string ascii_name(std::string_view raw, bool utf16) {
    std::string out;
    const std::size_t step = utf16 ? 2 : 1;
    for (std::size_t i = utf16 ? 1 : 0; i < raw.size(); i += step) {
        const char c = raw[i];
        if (utf16 && raw[i - 1] != 0) continue;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
    }
    return out;
}

}  // namespace

std::shared_ptr<const TrueTypeFont> TrueTypeFont::open(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const TrueTypeFont>> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(path); it != cache.end()) return it->second;
    }
    auto font = std::make_shared<const TrueTypeFont>(read_file(path, max_font_bytes), path);
    std::lock_guard lock(mutex);
    return cache.emplace(path, std::move(font)).first->second;
}

TrueTypeFont::TrueTypeFont(std::string bytes, const std::string& path) : bytes_(std::move(bytes)) {
    try {
        const std::string_view f(bytes_);
        // A collection (.ttc): the first font, the one fontconfig names with index 0; its
        // tables' offsets count from the start of the file all the same.
        std::size_t dir = 0;
        if (u32(f, 0) == 0x74746366 /* 'ttcf' */) dir = u32(f, 12);
        const std::uint32_t version = u32(f, dir);
        if (version != 0x00010000 && version != 0x74727565 /* 'true' */) {
            throw Error(ErrorCode::internal, "файл шрифта «" + path + "» не TrueType (контуры CFF)");
        }
        Table name, loca;
        const unsigned count = u16(f, dir + 4);
        for (unsigned i = 0; i < count; ++i) {
            const std::size_t rec = dir + 12 + 16 * std::size_t{i};
            const std::string_view tag = f.substr(rec, 4);
            Table t{u32(f, rec + 8), u32(f, rec + 12)};
            if (t.offset > f.size() || t.length > f.size() - t.offset) throw std::out_of_range("table");
            if (tag == "head") head_ = t;
            else if (tag == "hhea") hhea_ = t;
            else if (tag == "maxp") maxp_ = t;
            else if (tag == "hmtx") hmtx_ = t;
            else if (tag == "loca") loca = t;
            else if (tag == "glyf") glyf_ = t;
            else if (tag == "OS/2") os2_ = t;
            else if (tag == "cvt ") cvt_ = t;
            else if (tag == "fpgm") fpgm_ = t;
            else if (tag == "prep") prep_ = t;
            else if (tag == "post") italic_angle = static_cast<std::int32_t>(u32(f, t.offset + 4)) / 65536.0;
            else if (tag == "name") name = t;
        }
        if (head_.length < 54 || hhea_.length < 36 || maxp_.length < 6 || loca.length == 0 || glyf_.length == 0) {
            throw Error(ErrorCode::internal, "в файле шрифта «" + path + "» нет таблиц контуров TrueType");
        }
        const std::string_view head = table(head_), hhea = table(hhea_);
        units_per_em_ = std::clamp<unsigned>(u16(head, 18), 16, 16384);
        const double k = 1000.0 / units_per_em_;
        for (int i = 0; i < 4; ++i) bbox[i] = i16(head, 36 + 2 * static_cast<std::size_t>(i)) * k;
        ascent = i16(hhea, 4) * k;
        descent = i16(hhea, 6) * k;
        cap_height = ascent;
        if (os2_.length >= 90 && u16(table(os2_), 0) >= 2) cap_height = i16(table(os2_), 88) * k;
        glyph_count_ = u16(table(maxp_), 4);
        long_metrics_ = std::min<unsigned>(u16(hhea, 34), glyph_count_);
        if (long_metrics_ == 0 || hmtx_.length < 4 * long_metrics_ + 2 * (glyph_count_ - long_metrics_)) {
            throw Error(ErrorCode::internal, "в файле шрифта «" + path + "» повреждена таблица hmtx");
        }
        const bool long_loca = i16(head, 50) != 0;
        const std::string_view l = table(loca);
        loca_.resize(glyph_count_ + 1);
        for (unsigned g = 0; g <= glyph_count_; ++g) {
            loca_[g] = long_loca ? u32(l, 4 * std::size_t{g}) : 2u * u16(l, 2 * std::size_t{g});
            if (loca_[g] > glyf_.length || (g > 0 && loca_[g] < loca_[g - 1])) {
                throw Error(ErrorCode::internal, "в файле шрифта «" + path + "» повреждена таблица loca");
            }
        }
        if (name.length >= 6) {
            const std::string_view n = table(name);
            const unsigned records = u16(n, 2), strings = u16(n, 4);
            for (unsigned i = 0; i < records && postscript_name_.empty(); ++i) {
                const std::size_t rec = 6 + 12 * std::size_t{i};
                const unsigned platform = u16(n, rec), id = u16(n, rec + 6), len = u16(n, rec + 8), off = u16(n, rec + 10);
                if (id != 6 || std::size_t{strings} + off + len > n.size()) continue;
                postscript_name_ = ascii_name(n.substr(std::size_t{strings} + off, len), platform == 0 || platform == 3);
            }
        }
        if (postscript_name_.empty()) postscript_name_ = "Font";
    } catch (const std::out_of_range&) {
        throw Error(ErrorCode::internal, "файл шрифта «" + path + "» повреждён: таблица выходит за конец файла");
    }
}

std::string_view TrueTypeFont::outline(std::uint16_t glyph) const {
    if (glyph >= glyph_count_) return {};
    return table(glyf_).substr(loca_[glyph], loca_[glyph + 1] - loca_[glyph]);
}

double TrueTypeFont::advance(std::uint16_t glyph) const {
    const unsigned g = std::min<unsigned>(glyph, long_metrics_ - 1);
    return u16(table(hmtx_), 4 * std::size_t{g}) * 1000.0 / units_per_em_;
}

std::int16_t TrueTypeFont::left_bearing(std::uint16_t glyph) const {
    if (glyph < long_metrics_) return i16(table(hmtx_), 4 * std::size_t{glyph} + 2);
    return i16(table(hmtx_), 4 * std::size_t{long_metrics_} + 2 * std::size_t{glyph - long_metrics_});
}

std::string TrueTypeFont::subset(const std::vector<std::uint16_t>& glyphs) const {
    // Glyph 0 (.notdef) is required; composite glyphs pull in their components.
    std::vector<bool> keep(glyph_count_, false);
    std::vector<std::uint16_t> work{0};
    for (std::uint16_t g : glyphs) work.push_back(g);
    while (!work.empty()) {
        const std::uint16_t g = work.back();
        work.pop_back();
        if (g >= glyph_count_ || keep[g]) continue;
        keep[g] = true;
        const std::string_view o = outline(g);
        if (o.size() < 10 || i16(o, 0) >= 0) continue;
        try {
            std::size_t at = 10;
            for (int components = 0; components < 64; ++components) {
                const unsigned flags = u16(o, at);
                work.push_back(u16(o, at + 2));
                at += 4 + ((flags & 0x1) ? 4 : 2);
                if (flags & 0x8) at += 2;
                else if (flags & 0x40) at += 4;
                else if (flags & 0x80) at += 8;
                if (!(flags & 0x20)) break;
            }
        } catch (const std::out_of_range&) {
            // A damaged composite keeps the components read so far.
        }
    }
    unsigned count = glyph_count_;
    while (count > 1 && !keep[count - 1]) --count;

    // Glyphs not kept stay as empty outlines with zero metrics: ids do not move.
    std::vector<std::uint32_t> offsets(count + 1);
    std::string glyf, hmtx(4 * std::size_t{count}, '\0');
    for (unsigned g = 0; g < count; ++g) {
        offsets[g] = static_cast<std::uint32_t>(glyf.size());
        if (!keep[g]) continue;
        glyf.append(outline(static_cast<std::uint16_t>(g)));
        pad4(glyf);
        set16(hmtx, 4 * std::size_t{g}, u16(table(hmtx_), 4 * std::size_t{std::min(g, long_metrics_ - 1)}));
        set16(hmtx, 4 * std::size_t{g} + 2, static_cast<std::uint16_t>(left_bearing(static_cast<std::uint16_t>(g))));
    }
    offsets[count] = static_cast<std::uint32_t>(glyf.size());
    // Offsets are even (outlines are padded to 4): the short form, half the size, holds them
    // up to 128 KB of outlines.
    const bool short_loca = glyf.size() < 0x20000;
    std::string loca((short_loca ? 2 : 4) * offsets.size(), '\0');
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        if (short_loca) set16(loca, 2 * i, offsets[i] / 2);
        else set32(loca, 4 * i, offsets[i]);
    }

    std::string head(table(head_)), hhea(table(hhea_)), maxp(table(maxp_));
    set32(head, 8, 0);   // checkSumAdjustment, set below
    set16(head, 50, short_loca ? 0 : 1);
    set16(hhea, 34, count);
    set16(maxp, 4, count);
    // A cmap that maps nothing: content streams address glyphs by id, but some checkers
    // want the table present.
    std::string cmap;
    put16(cmap, 0); put16(cmap, 1); put16(cmap, 3); put16(cmap, 1); put32(cmap, 12);
    put16(cmap, 4); put16(cmap, 24); put16(cmap, 0); put16(cmap, 2); put16(cmap, 2); put16(cmap, 0); put16(cmap, 0);
    put16(cmap, 0xFFFF); put16(cmap, 0); put16(cmap, 0xFFFF); put16(cmap, 1); put16(cmap, 0);
    std::string post(32, '\0');
    set32(post, 0, 0x00030000);  // version 3: no glyph names
    set32(post, 4, static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(italic_angle * 65536))));

    std::vector<std::pair<const char*, std::string_view>> tables;  // sorted by tag, as the format asks
    if (os2_.length > 0) tables.emplace_back("OS/2", table(os2_));
    tables.emplace_back("cmap", cmap);
    if (cvt_.length > 0) tables.emplace_back("cvt ", table(cvt_));
    if (fpgm_.length > 0) tables.emplace_back("fpgm", table(fpgm_));
    tables.emplace_back("glyf", glyf);
    tables.emplace_back("head", head);
    tables.emplace_back("hhea", hhea);
    tables.emplace_back("hmtx", hmtx);
    tables.emplace_back("loca", loca);
    tables.emplace_back("maxp", maxp);
    tables.emplace_back("post", post);
    if (prep_.length > 0) tables.emplace_back("prep", table(prep_));

    const unsigned n = static_cast<unsigned>(tables.size());
    unsigned power = 1, log2 = 0;
    while (power * 2 <= n) power *= 2, ++log2;
    std::string out;
    std::size_t total = 12 + 16 * n;
    for (const auto& t : tables) total += (t.second.size() + 3) & ~std::size_t{3};
    out.reserve(total);
    put32(out, 0x00010000);
    put16(out, n);
    put16(out, power * 16);
    put16(out, log2);
    put16(out, n * 16 - power * 16);
    std::uint32_t offset = 12 + 16 * n;
    std::size_t head_at = 0;
    for (const auto& [tag, data] : tables) {
        out.append(tag, 4);
        put32(out, checksum(data));
        put32(out, offset);
        put32(out, static_cast<std::uint32_t>(data.size()));
        if (std::string_view(tag, 4) == "head") head_at = offset;
        offset += static_cast<std::uint32_t>((data.size() + 3) & ~std::size_t{3});
    }
    for (const auto& t : tables) {
        out.append(t.second);
        pad4(out);
    }
    set32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
    return out;
}

}  // namespace nastavnik::pdf
