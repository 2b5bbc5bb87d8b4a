#include "pdf/pdf_writer.hpp"

#include "pdf/images.hpp"
#include "nastavnik/docx/pictures.hpp"

#include "pdf/truetype.hpp"

#include <podofo/podofo.h>
#include <libdeflate.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <set>
#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <mutex>
#include <map>
#include <memory>

namespace nastavnik::pdf {

namespace {

using namespace PoDoFo;

PdfString pdf_text(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

// Numbers in content streams: two decimals are 1/7200 inch, below any printer's resolution.
void num(std::string& out, double v) {
    char buf[32];
    if (std::abs(v) < 0.005) v = 0;
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    char* end = res.ptr;
    if (std::find(buf, end, '.') != end) {
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    out.append(buf, end);
    out += ' ';
}

// FlateDecode streams are compressed whole with libdeflate at its fastest level: 2.5 times
// faster than zlib's fastest and a little smaller on our content streams (docs/DEPENDENCIES.md).
// One compressor per thread: allocating it costs more than compressing a short page.
std::string deflate_fast(const std::string& in) {
    struct Compressor {
        libdeflate_compressor* c = libdeflate_alloc_compressor(1);
        ~Compressor() { libdeflate_free_compressor(c); }
    };
    thread_local Compressor z;
    if (z.c == nullptr) throw Error(ErrorCode::internal, "libdeflate: не удаётся сжать поток PDF");
    std::string out(libdeflate_zlib_compress_bound(z.c, in.size()), '\0');
    const std::size_t size = libdeflate_zlib_compress(z.c, in.data(), in.size(), out.data(), out.size());
    if (size == 0) throw Error(ErrorCode::internal, "libdeflate: не удаётся сжать поток PDF");
    out.resize(size);
    return out;
}

double r(std::uint32_t c) { return ((c >> 16) & 0xFF) / 255.0; }
double g(std::uint32_t c) { return ((c >> 8) & 0xFF) / 255.0; }
double b(std::uint32_t c) { return (c & 0xFF) / 255.0; }

}  // namespace

void prepare_writer() {
    // PoDoFo's global switches and shared encoding object, set up before any thread renders.
    static const bool once = [] {
        PdfError::EnableLogging(false);
        PdfError::EnableDebug(false);
        (void)PdfEncodingFactory::GlobalIdentityEncodingInstance();
        return true;
    }();
    (void)once;
}

namespace {

// A font file embedded once per document: a Type0 font with Identity-H encoding over a
// CIDFontType2 subset. The Type0 object is created when a page first uses the font (pages
// refer to it); the subset, widths and ToUnicode map are written when all pages are known.
struct EmbeddedFont {
    std::string path;
    std::shared_ptr<const TrueTypeFont> file;
    PdfObject* type0 = nullptr;
    std::string resource;               // "F1", "F2"… in order of first use
    std::vector<char32_t> to_unicode;   // glyph id → the first character drawn with it (0: unused)
    std::vector<int> widths;            // glyph id → width in /W, -1 until asked
    [[nodiscard]] int width(unsigned glyph) {
        if (glyph >= widths.size()) return 0;
        if (widths[glyph] < 0) widths[glyph] = static_cast<int>(std::lround(file->advance(static_cast<std::uint16_t>(glyph))));
        return widths[glyph];
    }
};

PdfObject* raw_stream(PdfVecObjects& objects, const std::string& data, bool deflated) {
    PdfObject* obj = objects.CreateObject();
    PdfStream* stream = obj->GetStream();
    stream->BeginAppend(TVecFilters{}, true);
    stream->Append(data.data(), data.size());
    stream->EndAppend();
    if (deflated) obj->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
    return obj;
}

PdfObject* stream_object(PdfVecObjects& objects, const std::string& bytes, bool compress) {
    return compress ? raw_stream(objects, deflate_fast(bytes), true) : raw_stream(objects, bytes, false);
}

// A subset font program, compressed. Documents of one kind in a batch mostly draw the same
// glyphs (headings in bold, the body of a long text covering the alphabet), so the last
// subsets made are kept for the process: the same key always gives the same bytes, so
// output does not depend on what was rendered before.
struct FontProgram {
    std::string deflated;
    std::size_t length = 0;
};

std::shared_ptr<const FontProgram> font_program(const TrueTypeFont& font, const std::string& path,
                                                const std::vector<std::uint16_t>& glyphs) {
    constexpr std::size_t kept = 64;  // about 20 KB each
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const FontProgram>> cache;
    static std::deque<std::string> order;
    std::string key = path;
    key += '\0';
    key.append(reinterpret_cast<const char*>(glyphs.data()), glyphs.size() * sizeof(std::uint16_t));
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(key); it != cache.end()) return it->second;
    }
    auto program = std::make_shared<FontProgram>();
    const std::string bytes = font.subset(glyphs);
    program->length = bytes.size();
    program->deflated = deflate_fast(bytes);
    std::lock_guard lock(mutex);
    if (cache.emplace(key, program).second) {
        order.push_back(std::move(key));
        if (order.size() > kept) {
            cache.erase(order.front());
            order.pop_front();
        }
    }
    return program;
}

std::string hex4(unsigned v) {
    static const char hex[] = "0123456789ABCDEF";
    return {'<', hex[(v >> 12) & 0xF], hex[(v >> 8) & 0xF], hex[(v >> 4) & 0xF], hex[v & 0xF], '>'};
}

// A character as ToUnicode writes it: UTF-16BE, a surrogate pair beyond the BMP (glyphs are
// addressed by id, so such characters print and copy like any other).
std::string utf16_hex(char32_t c) {
    if (c <= 0xFFFF) return hex4(c);
    const unsigned v = static_cast<unsigned>(c) - 0x10000;
    const std::string high = hex4(0xD800 + (v >> 10)), low = hex4(0xDC00 + (v & 0x3FF));
    return high.substr(0, 5) + low.substr(1);
}

// The ToUnicode CMap: what each glyph id reads as when the text is copied or searched.
std::string to_unicode_cmap(const std::vector<char32_t>& chars) {
    std::string entries;
    int count = 0;
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    auto flush = [&] {
        if (count == 0) return;
        out += std::to_string(count) + " beginbfchar\n" + entries + "endbfchar\n";
        entries.clear();
        count = 0;
    };
    for (std::size_t g = 1; g < chars.size(); ++g) {
        if (chars[g] == 0) continue;
        entries += hex4(static_cast<unsigned>(g)) + ' ' + utf16_hex(chars[g]) + '\n';
        if (++count == 100) flush();  // the CMap format allows at most 100 entries per block
    }
    flush();
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

// Subset prefix of the PDF font name ("ABCDEF+"): six letters from the font and its glyphs,
// so the same document gets the same name, and neither two subsets of one font nor two fonts
// with the same glyph ids in one viewer share a tag.
std::string subset_tag(const std::string& font, const std::vector<std::uint16_t>& glyphs) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : font) h = (h ^ c) * 16777619u;
    for (std::uint16_t g : glyphs) h = (h ^ g) * 16777619u;
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    return tag + '+';
}

void finish_font(PdfVecObjects& objects, EmbeddedFont& f) {
    std::vector<std::uint16_t> glyphs;
    for (std::size_t g = 0; g < f.to_unicode.size(); ++g) {
        if (f.to_unicode[g] != 0) glyphs.push_back(static_cast<std::uint16_t>(g));
    }
    const std::string name = subset_tag(f.file->postscript_name(), glyphs) + f.file->postscript_name();
    const auto program = font_program(*f.file, f.path, glyphs);
    PdfObject* file = raw_stream(objects, program->deflated, true);
    file->GetDictionary().AddKey("Length1", PdfVariant(static_cast<pdf_int64>(program->length)));

    // Which glyph ids the subset holds (PDF/A asks for it; cheap).
    std::string cidset((glyphs.empty() ? 0 : glyphs.back()) / 8 + 1, '\0');
    for (std::uint16_t g : glyphs) cidset[g / 8] = static_cast<char>(cidset[g / 8] | (0x80 >> (g % 8)));
    PdfObject* cidset_obj = stream_object(objects, cidset, false);

    PdfObject* descriptor = objects.CreateObject("FontDescriptor");
    PdfDictionary& d = descriptor->GetDictionary();
    d.AddKey("FontName", PdfName(name));
    d.AddKey("Flags", PdfVariant(static_cast<pdf_int64>(f.file->italic_angle != 0 ? 32 + 64 : 32)));
    PdfArray bbox;
    for (double v : f.file->bbox) bbox.push_back(PdfVariant(static_cast<pdf_int64>(std::lround(v))));
    d.AddKey("FontBBox", bbox);
    d.AddKey("ItalicAngle", PdfVariant(static_cast<pdf_int64>(std::lround(f.file->italic_angle))));
    d.AddKey("Ascent", PdfVariant(static_cast<pdf_int64>(std::lround(f.file->ascent))));
    d.AddKey("Descent", PdfVariant(static_cast<pdf_int64>(std::lround(f.file->descent))));
    d.AddKey("CapHeight", PdfVariant(static_cast<pdf_int64>(std::lround(f.file->cap_height))));
    d.AddKey("StemV", PdfVariant(static_cast<pdf_int64>(80)));
    d.AddKey("FontFile2", file->Reference());
    d.AddKey("CIDSet", cidset_obj->Reference());

    // Widths of runs of consecutive glyph ids: "first [w w w]".
    PdfArray widths;
    for (std::size_t i = 0; i < glyphs.size();) {
        std::size_t j = i + 1;
        while (j < glyphs.size() && glyphs[j] == glyphs[j - 1] + 1) ++j;
        widths.push_back(PdfVariant(static_cast<pdf_int64>(glyphs[i])));
        PdfArray run;
        for (std::size_t k = i; k < j; ++k) run.push_back(PdfVariant(static_cast<pdf_int64>(f.width(glyphs[k]))));
        widths.push_back(run);
        i = j;
    }
    PdfObject* cid = objects.CreateObject("Font");
    PdfDictionary& c = cid->GetDictionary();
    c.AddKey(PdfName::KeySubtype, PdfName("CIDFontType2"));
    c.AddKey("BaseFont", PdfName(name));
    PdfDictionary info;
    info.AddKey("Registry", PdfString("Adobe"));
    info.AddKey("Ordering", PdfString("Identity"));
    info.AddKey("Supplement", PdfVariant(static_cast<pdf_int64>(0)));
    c.AddKey("CIDSystemInfo", info);
    c.AddKey("FontDescriptor", descriptor->Reference());
    c.AddKey("W", widths);
    c.AddKey("CIDToGIDMap", PdfName("Identity"));

    PdfDictionary& t = f.type0->GetDictionary();
    t.AddKey(PdfName::KeySubtype, PdfName("Type0"));
    t.AddKey("BaseFont", PdfName(name));
    t.AddKey("Encoding", PdfName("Identity-H"));
    PdfArray descendants;
    descendants.push_back(cid->Reference());
    t.AddKey("DescendantFonts", descendants);
    t.AddKey("ToUnicode", stream_object(objects, to_unicode_cmap(f.to_unicode), true)->Reference());
}

}  // namespace

std::string write_pdf(const std::vector<Page>& pages, const Document& doc, const RenderOptions& options, Warnings& warnings) {
    prepare_writer();
    try {
        PdfMemDocument pdf;
        PdfVecObjects& objects = pdf.GetObjects();
        std::map<std::string, EmbeddedFont> fonts;  // by font file
        std::vector<EmbeddedFont*> font_order;
        // Pictures: one XObject each, no finer than 300 dpi at the largest size it is printed.
        struct Picture {
            PdfObject* object = nullptr;
            std::string resource;
        };
        std::map<int, Picture> images;
        std::map<int, std::pair<double, double>> printed;
        for (const Page& page : pages) {
            for (const auto& im : page.ops.images) {
                auto& [w, h] = printed[im.image];
                w = std::max(w, im.w);
                h = std::max(h, im.h);
            }
        }
        std::map<const Face*, EmbeddedFont*> by_face;  // asked for every word: no string compare
        auto font_for = [&](const Face* face) -> EmbeddedFont& {
            if (auto known = by_face.find(face); known != by_face.end()) return *known->second;
            auto it = fonts.find(face->path());
            if (it != fonts.end()) return *(by_face[face] = &it->second);
            EmbeddedFont f;
            f.path = face->path();
            f.file = TrueTypeFont::open(f.path);
            f.type0 = objects.CreateObject("Font");
            f.resource = "F" + std::to_string(font_order.size() + 1);
            f.to_unicode.assign(f.file->glyph_count(), 0);
            f.widths.assign(f.file->glyph_count(), -1);
            EmbeddedFont& added = fonts.emplace(face->path(), std::move(f)).first->second;
            font_order.push_back(&added);
            by_face[face] = &added;
            return added;
        };
        // A picture that is not printed is named by its file in the package and the page it
        // first appears on, with its size and the limit it breaks.
        auto image_for = [&](int index, std::size_t page_number) -> const Picture* {
            auto it = images.find(index);
            if (it != images.end()) return it->second.object == nullptr ? nullptr : &it->second;
            Picture pic;
            const Image& source = doc.images.at(static_cast<std::size_t>(index));
            // A small file can claim 10⁵ × 10⁵ pixels: nothing that size is decoded.
            const std::string picture = "изображение «" + std::filesystem::path(source.part).filename().string() +
                                        "» на странице " + std::to_string(page_number);
            if (const auto [pw, ph] = docx::image_pixel_size(source.bytes);
                pw > RenderLimits::max_image_side || ph > RenderLimits::max_image_side || pw * ph > RenderLimits::max_image_pixels) {
                const std::string size = std::to_string(pw) + "×" + std::to_string(ph) + " пикселей";
                warnings.add(source.part,
                             picture + " не выведено, на его месте рамка: " +
                                 (pw > RenderLimits::max_image_side || ph > RenderLimits::max_image_side
                                      ? "размер " + size + ", а сторона изображения — не более " +
                                            std::to_string(RenderLimits::max_image_side) + " пикселей"
                                      : "размер " + size + " (" + std::to_string(pw * ph / 1000000) +
                                            " млн пикселей), а допустимо не более " +
                                            std::to_string(RenderLimits::max_image_pixels / 1000000) + " млн пикселей"));
                images.emplace(index, Picture{});
                return nullptr;
            }
            const auto [w, h] = printed[index];
            if (auto st = image_stream(source.bytes, w, h)) {
                auto add_image = [&](const std::string& data, int colors, const std::string& palette, bool dct) {
                    PdfObject* obj = raw_stream(objects, data, !dct);
                    PdfDictionary& d = obj->GetDictionary();
                    d.AddKey(PdfName::KeyType, PdfName("XObject"));
                    d.AddKey(PdfName::KeySubtype, PdfName("Image"));
                    d.AddKey("Width", PdfVariant(static_cast<pdf_int64>(st->width)));
                    d.AddKey("Height", PdfVariant(static_cast<pdf_int64>(st->height)));
                    d.AddKey("BitsPerComponent", PdfVariant(static_cast<pdf_int64>(dct ? 8 : st->bits)));
                    if (!palette.empty()) {
                        PdfArray cs;
                        cs.push_back(PdfName("Indexed"));
                        cs.push_back(PdfName("DeviceRGB"));
                        cs.push_back(PdfVariant(static_cast<pdf_int64>(palette.size() / 3 - 1)));
                        cs.push_back(PdfString(palette.data(), static_cast<pdf_long>(palette.size()), true));
                        d.AddKey("ColorSpace", cs);
                    } else {
                        d.AddKey("ColorSpace", PdfName(colors == 1 ? "DeviceGray" : colors == 4 ? "DeviceCMYK" : "DeviceRGB"));
                    }
                    if (dct) {
                        d.AddKey(PdfName::KeyFilter, PdfName("DCTDecode"));
                        if (st->inverted_cmyk) {
                            PdfArray decode;
                            for (int k = 0; k < 4; ++k) {
                                decode.push_back(PdfVariant(static_cast<pdf_int64>(1)));
                                decode.push_back(PdfVariant(static_cast<pdf_int64>(0)));
                            }
                            d.AddKey("Decode", decode);
                        }
                    } else {
                        PdfDictionary parms;
                        parms.AddKey("Predictor", PdfVariant(static_cast<pdf_int64>(15)));
                        parms.AddKey("Colors", PdfVariant(static_cast<pdf_int64>(colors)));
                        parms.AddKey("BitsPerComponent", PdfVariant(static_cast<pdf_int64>(st->bits)));
                        parms.AddKey("Columns", PdfVariant(static_cast<pdf_int64>(st->width)));
                        d.AddKey("DecodeParms", parms);
                    }
                    return obj;
                };
                pic.object = add_image(st->data, st->colors, st->palette, st->dct);
                if (!st->masked.empty()) {
                    PdfArray key;
                    for (const int i : st->masked) {
                        key.push_back(PdfVariant(static_cast<pdf_int64>(i)));
                        key.push_back(PdfVariant(static_cast<pdf_int64>(i)));
                    }
                    pic.object->GetDictionary().AddKey("Mask", key);
                }
                if (st->alpha) {
                    st->bits = 8;
                    PdfObject* mask = add_image(*st->alpha, 1, {}, false);
                    pic.object->GetDictionary().AddKey("SMask", mask->Reference());
                }
                pic.resource = "Im" + std::to_string(images.size() + 1);
            } else {
                warnings.add(source.part, picture + " не выведено, на его месте рамка: файл не читается как PNG или JPEG");
            }
            auto& stored = images.emplace(index, std::move(pic)).first->second;
            return stored.object == nullptr ? nullptr : &stored;
        };

        // Pages are appended to the root of the page tree here rather than by CreatePage, which
        // looks the last page up through the whole /Kids array and copies that array for every
        // page it adds (1.5 % of the corpus's CPU time, quadratic in the pages). The same
        // objects and keys: /Kids, /Count, the page's /Parent.
        PdfObject* tree = pdf.GetPagesTree()->GetObject();
        PdfArray& kids = tree->GetDictionary().GetKey(PdfName("Kids"))->GetArray();
        std::vector<std::unique_ptr<PdfPage>> page_objects;
        page_objects.reserve(pages.size());
        std::size_t page_number = 0;
        for (const Page& page : pages) {
            ++page_number;
            PdfPage* p = page_objects.emplace_back(std::make_unique<PdfPage>(PdfRect(0, 0, page.width, page.height), &objects)).get();
            kids.push_back(p->GetObject()->Reference());
            tree->GetDictionary().AddKey(PdfName("Count"), PdfVariant(static_cast<pdf_int64>(page_number)));
            p->GetObject()->GetDictionary().AddKey(PdfName("Parent"), tree->Reference());
            // The content stream is written here rather than with PdfPainter, which deflates
            // every operator it appends (half of the run time on a 20-page document).
            std::string c;
            c.reserve(page.ops.texts.size() * 32 + 256);
            const double H = page.height;
            auto rgb = [&](std::uint32_t col, const char* op) {
                num(c, r(col)); num(c, g(col)); num(c, b(col));
                c += op;
                c += '\n';
            };
            for (const auto& rc : page.ops.rects) {
                rgb(rc.color, rc.fill ? "rg" : "RG");
                if (!rc.fill) c += "0.5 w\n";
                num(c, rc.x); num(c, H - rc.y - rc.h); num(c, rc.w); num(c, rc.h);
                c += rc.fill ? "re f\n" : "re S\n";
            }
            for (const auto& im : page.ops.images) {
                const Picture* img = image_for(im.image, page_number);
                if (img == nullptr) {
                    c += "0.5 0.5 0.5 RG 0.5 w\n";
                    num(c, im.x); num(c, H - im.y - im.h); num(c, im.w); num(c, im.h);
                    c += "re S\n";
                    continue;
                }
                p->AddResource(PdfName(img->resource), img->object->Reference(), PdfName("XObject"));
                c += "q ";
                num(c, im.w); c += "0 0 "; num(c, im.h); num(c, im.x); num(c, H - im.y - im.h);
                c += "cm /" + img->resource + " Do Q\n";
            }
            if (!page.ops.texts.empty()) {
                c += "BT\n";
                const EmbeddedFont* current = nullptr;
                std::set<const EmbeddedFont*> on_page;
                double size = -1;
                std::uint32_t color = 0xFFFFFFFF;
                bool stroke = false;
                double spacing = 0;
                // The words of a line go into one TJ array, the gaps between them as
                // displacements: a third of the bytes of a Tm and Tj per word.
                bool in_array = false;
                double pen_x = 0, pen_y = 0;
                int pen_rotate = 0;
                auto close_array = [&] {
                    if (in_array) c += "] TJ\n";
                    in_array = false;
                };
                for (const auto& t : page.ops.texts) {
                    if (t.text.empty()) continue;
                    EmbeddedFont& font = font_for(t.face);
                    if (&font != current || t.size != size) {
                        close_array();
                        if (on_page.insert(&font).second) {
                            p->AddResource(PdfName(font.resource), font.type0->Reference(), PdfName("Font"));
                        }
                        c += "/" + font.resource + " ";
                        num(c, t.size);
                        c += "Tf\n";
                        current = &font;
                        size = t.size;
                    }
                    if (t.color != color) {
                        close_array();
                        rgb(t.color, "rg");
                        if (t.face->fake_bold()) rgb(t.color, "RG");
                        color = t.color;
                    }
                    if (t.face->fake_bold() != stroke) {
                        // The family has no bold face: thicken the outlines instead.
                        close_array();
                        stroke = t.face->fake_bold();
                        if (stroke) {
                            rgb(t.color, "RG");
                            num(c, t.size * 0.03);
                            c += "w 2 Tr\n";
                        } else {
                            c += "0 Tr\n";
                        }
                    }
                    if (t.char_spacing != spacing) {
                        close_array();
                        num(c, t.char_spacing);
                        c += "Tc\n";
                        spacing = t.char_spacing;
                    }
                    // Characters no installed font has (CJK on a machine without CJK fonts) are
                    // drawn as the font's empty box; the text layer keeps them through
                    // /ActualText, so the PDF still copies and searches as the document reads.
                    bool missing = false;
                    if (t.glyphs.empty()) {
                        for (const char32_t ch : t.text) missing = missing || t.face->glyph_id(ch) == 0;
                    }
                    if (missing) {
                        close_array();
                        c += "/Span <</ActualText <FEFF";
                        static const char* hex = "0123456789ABCDEF";
                        auto unit = [&](unsigned u) {
                            for (int sh = 12; sh >= 0; sh -= 4) c += hex[(u >> sh) & 0xF];
                        };
                        for (const char32_t ch : t.text) {
                            if (ch >= 0x10000) {
                                unit(0xD800 + ((ch - 0x10000) >> 10));
                                unit(0xDC00 + ((ch - 0x10000) & 0x3FF));
                            } else {
                                unit(static_cast<unsigned>(ch));
                            }
                        }
                        c += ">>> BDC\n";
                    }
                    double start = t.x;  // where the viewer starts this word
                    if (!missing && in_array && t.y == pen_y && t.rotate == 0 && pen_rotate == 0) {
                        // Whole thousandths of an em (0.014 pt at 14 pt); each word starts
                        // from where the viewer put the previous one, so errors do not add up.
                        const long shift = std::lround((pen_x - t.x) * 1000.0 / t.size);
                        if (shift != 0) {
                            c += std::to_string(shift);
                        }
                        start = pen_x - static_cast<double>(shift) * t.size / 1000.0;
                    } else {
                        close_array();
                        // Text turned in a table cell: up the page (90) or down it (-90).
                        c += t.rotate == 90 ? "0 1 -1 0 " : t.rotate == -90 ? "0 -1 1 0 " : "1 0 0 1 ";
                        num(c, t.x);
                        num(c, H - t.y);
                        c += "Tm [";
                        in_array = true;
                        pen_rotate = t.rotate;
                    }
                    // Glyph ids as two raw bytes in a literal string: half the bytes of hex,
                    // and deflate packs them three times smaller in a third of the time.
                    c += '(';
                    double advance = 0;
                    const std::size_t count = t.glyphs.empty() ? t.text.size() : t.glyphs.size();
                    for (std::size_t k = 0; k < count; ++k) {
                        const char32_t ch = t.glyphs.empty() ? t.text[k] : t.glyph_chars[k];
                        const unsigned gid = t.glyphs.empty() ? t.face->glyph_id(ch) & 0xFFFF : t.glyphs[k];
                        if (gid < font.to_unicode.size() && font.to_unicode[gid] == 0) font.to_unicode[gid] = ch;
                        advance += font.width(gid);
                        for (const unsigned byte : {gid >> 8, gid & 0xFF}) {
                            if (byte == '(' || byte == ')' || byte == '\\') c += '\\';
                            if (byte == '\r') c += "\\r";  // a bare CR would be read as a line end
                            else c += static_cast<char>(byte);
                        }
                    }
                    c += ')';
                    pen_x = start + advance * t.size / 1000.0 + t.char_spacing * static_cast<double>(count);
                    if (missing) {
                        close_array();
                        c += "EMC\n";
                    }
                    pen_y = t.y;
                }
                close_array();
                c += "ET\n";
            }
            std::uint32_t stroke_color = 0xFFFFFFFF;
            double stroke_width = -1;
            for (const auto& l : page.ops.lines) {
                if (l.color != stroke_color) {
                    rgb(l.color, "RG");
                    stroke_color = l.color;
                }
                if (l.width != stroke_width) {
                    num(c, l.width);
                    c += "w\n";
                    stroke_width = l.width;
                }
                num(c, l.x1); num(c, H - l.y1); c += "m ";
                num(c, l.x2); num(c, H - l.y2); c += "l S\n";
            }
            // Compressed here at zlib's fastest level: PoDoFo's default level costs a quarter of
            // the run time for a few per cent of size.
            const std::string z = deflate_fast(c);
            PdfObject* contents = p->GetContentsForAppending();
            PdfStream* stream = contents->GetStream();
            stream->BeginAppend(TVecFilters{}, true);
            stream->Append(z.data(), z.size());
            stream->EndAppend();
            contents->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
        }
        for (EmbeddedFont* f : font_order) finish_font(objects, *f);

        PdfInfo* info = pdf.GetInfo();
        const std::string title = options.title.empty() ? doc.title : options.title;
        const std::string author = options.author.empty() ? doc.author : options.author;
        const std::string subject = options.subject.empty() ? doc.subject : options.subject;
        if (!title.empty()) info->SetTitle(pdf_text(title));
        if (!author.empty()) info->SetAuthor(pdf_text(author));
        if (!subject.empty()) info->SetSubject(pdf_text(subject));
        info->SetCreator(pdf_text("nastavnik"));
        info->SetProducer(pdf_text("nastavnik (PoDoFo " PODOFO_VERSION_STRING ")"));
        // PoDoFo stamps the clock into /CreationDate (and the /ID hashes it): both are
        // overwritten with the date from the data.
        const Date date = options.creation_date.value_or(Date(2000, 1, 1));
        // Formatted here: PdfDate goes through the C library's time zone functions, which are
        // neither needed (the date is a calendar day) nor safe in a multi-threaded batch.
        char when[40];
        std::snprintf(when, sizeof when, "D:%04d%02d%02d120000+00'00'", date.year(), date.month(), date.day());
        const PdfString date_string(when);
        info->GetObject()->GetDictionary().AddKey("CreationDate", date_string);
        info->GetObject()->GetDictionary().AddKey("ModDate", date_string);

        PdfRefCountedBuffer buffer;
        PdfOutputDevice device(&buffer);
        pdf.Write(&device);
        return std::string(buffer.GetBuffer(), device.GetLength());
    } catch (const PdfError& e) {
        throw Error(ErrorCode::internal, std::string("PoDoFo: ") + PdfError::ErrorMessage(e.GetError()));
    }
}

}  // namespace nastavnik::pdf
