#include "pdf/pdf_writer.hpp"

#include <podofo/podofo.h>
#include <zlib.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <set>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace nastavnik::pdf {

namespace {

using namespace PoDoFo;

std::string utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        // Identity-H in PoDoFo 0.9 maps UTF-16 code units to glyphs: outside the BMP a
        // character would become two wrong glyphs.
        if (c > 0xFFFF) c = U'?';
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

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

std::string deflate_fast(const std::string& in) {
    uLongf size = compressBound(static_cast<uLong>(in.size()));
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()),
                  static_cast<uLong>(in.size()), Z_BEST_SPEED) != Z_OK) {
        throw Error(ErrorCode::internal, "zlib: не удаётся сжать содержимое страницы");
    }
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

std::string write_pdf(const std::vector<Page>& pages, const Document& doc, const RenderOptions& options, Warnings& warnings) {
    prepare_writer();
    try {
        PdfMemDocument pdf;
        std::map<const Face*, PdfFont*> fonts;
        std::map<int, std::unique_ptr<PdfImage>> images;
        std::map<const PdfFont*, std::set<char32_t>> used_chars;
        auto font_for = [&](const Face* f) {
            auto it = fonts.find(f);
            if (it != fonts.end()) return it->second;
            // PoDoFo's font cache looks fonts up by name: the file path keeps each face apart.
            PdfFont* font = pdf.CreateFontSubset(f->path().c_str(), false, false, false,
                                                 PdfEncodingFactory::GlobalIdentityEncodingInstance(), f->path().c_str());
            if (font == nullptr) throw Error(ErrorCode::internal, "PoDoFo не встраивает шрифт «" + f->path() + "»");
            return fonts.emplace(f, font).first->second;
        };
        auto image_for = [&](int index) -> PdfImage* {
            auto it = images.find(index);
            if (it != images.end()) return it->second.get();
            std::unique_ptr<PdfImage> img;
            try {
                img = std::make_unique<PdfImage>(&pdf);
                const auto& bytes = doc.images.at(static_cast<std::size_t>(index)).bytes;
                img->LoadFromData(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<pdf_long>(bytes.size()));
            } catch (const PdfError&) {
                warnings.add(doc.images.at(static_cast<std::size_t>(index)).part, "изображение не читается: показана рамка");
                img.reset();
            }
            return images.emplace(index, std::move(img)).first->second.get();
        };

        for (const Page& page : pages) {
            PdfPage* p = pdf.CreatePage(PdfRect(0, 0, page.width, page.height));
            // The content stream is written here rather than with PdfPainter, which deflates
            // every operator it appends (half of the run time on a 20-page document).
            std::string c;
            c.reserve(page.ops.texts.size() * 48 + 256);
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
                PdfImage* img = image_for(im.image);
                if (img == nullptr || img->GetWidth() <= 0 || img->GetHeight() <= 0) {
                    c += "0.5 0.5 0.5 RG 0.5 w\n";
                    num(c, im.x); num(c, H - im.y - im.h); num(c, im.w); num(c, im.h);
                    c += "re S\n";
                    continue;
                }
                p->AddResource(img->GetIdentifier(), img->GetObject()->Reference(), PdfName("XObject"));
                c += "q ";
                num(c, im.w); c += "0 0 "; num(c, im.h); num(c, im.x); num(c, H - im.y - im.h);
                c += "cm /" + img->GetIdentifier().GetName() + " Do Q\n";
            }
            if (!page.ops.texts.empty()) {
                c += "BT\n";
                const PdfFont* current = nullptr;
                double size = -1;
                std::uint32_t color = 0xFFFFFFFF;
                bool stroke = false;
                double spacing = 0;
                for (const auto& t : page.ops.texts) {
                    if (t.text.empty()) continue;
                    PdfFont* font = font_for(t.face);
                    if (font != current || t.size != size) {
                        p->AddResource(font->GetIdentifier(), font->GetObject()->Reference(), PdfName("Font"));
                        c += "/" + font->GetIdentifier().GetName() + " ";
                        num(c, t.size);
                        c += "Tf\n";
                        current = font;
                        size = t.size;
                    }
                    if (t.color != color) {
                        rgb(t.color, "rg");
                        if (t.face->fake_bold()) rgb(t.color, "RG");
                        color = t.color;
                    }
                    if (t.face->fake_bold() != stroke) {
                        // The family has no bold face: thicken the outlines instead.
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
                        num(c, t.char_spacing);
                        c += "Tc\n";
                        spacing = t.char_spacing;
                    }
                    c += "1 0 0 1 ";
                    num(c, t.x);
                    num(c, H - t.y);
                    c += "Tm <";
                    auto& used = used_chars[font];
                    for (char32_t ch : t.text) {
                        if (ch > 0xFFFF) ch = U'?';
                        used.insert(ch);
                        static const char hex[] = "0123456789ABCDEF";
                        const unsigned gid = t.face->glyph_id(ch) & 0xFFFF;
                        c += hex[(gid >> 12) & 0xF];
                        c += hex[(gid >> 8) & 0xF];
                        c += hex[(gid >> 4) & 0xF];
                        c += hex[gid & 0xF];
                    }
                    c += "> Tj\n";
                }
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
        // The subset and the ToUnicode map hold exactly the characters used.
        for (const auto& [font, chars] : used_chars) {
            std::u32string all(chars.begin(), chars.end());
            const PdfString s = pdf_text(utf8(all));
            const_cast<PdfFont*>(font)->AddUsedSubsettingGlyphs(s, static_cast<long>(s.GetCharacterLength()));
        }

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
