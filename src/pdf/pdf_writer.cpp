#include "pdf/pdf_writer.hpp"

#include <podofo/podofo.h>

#include <ctime>
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

double r(std::uint32_t c) { return ((c >> 16) & 0xFF) / 255.0; }
double g(std::uint32_t c) { return ((c >> 8) & 0xFF) / 255.0; }
double b(std::uint32_t c) { return (c & 0xFF) / 255.0; }

void quiet_podofo() {
    static const bool once = [] {
        PdfError::EnableLogging(false);
        PdfError::EnableDebug(false);
        return true;
    }();
    (void)once;
}

}  // namespace

std::string write_pdf(const std::vector<Page>& pages, const Document& doc, const RenderOptions& options, Warnings& warnings) {
    quiet_podofo();
    try {
        PdfMemDocument pdf;
        std::map<const Face*, PdfFont*> fonts;
        std::map<int, std::unique_ptr<PdfImage>> images;
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
            PdfPainter painter;
            painter.SetPage(p);
            const double H = page.height;
            for (const auto& rc : page.ops.rects) {
                if (rc.fill) {
                    painter.SetColor(r(rc.color), g(rc.color), b(rc.color));
                    painter.Rectangle(rc.x, H - rc.y - rc.h, rc.w, rc.h);
                    painter.Fill();
                } else {
                    painter.SetStrokingColor(r(rc.color), g(rc.color), b(rc.color));
                    painter.SetStrokeWidth(0.5);
                    painter.Rectangle(rc.x, H - rc.y - rc.h, rc.w, rc.h);
                    painter.Stroke();
                }
            }
            for (const auto& im : page.ops.images) {
                PdfImage* img = image_for(im.image);
                if (img == nullptr || img->GetWidth() <= 0 || img->GetHeight() <= 0) {
                    painter.SetStrokingColor(0.5, 0.5, 0.5);
                    painter.SetStrokeWidth(0.5);
                    painter.Rectangle(im.x, H - im.y - im.h, im.w, im.h);
                    painter.Stroke();
                    continue;
                }
                painter.DrawImage(im.x, H - im.y - im.h, img, im.w / img->GetWidth(), im.h / img->GetHeight());
            }
            std::uint32_t color = 0xFFFFFFFF;
            for (const auto& t : page.ops.texts) {
                if (t.text.empty()) continue;
                PdfFont* font = font_for(t.face);
                font->SetFontSize(static_cast<float>(t.size));
                painter.SetFont(font);
                if (t.color != color) {
                    painter.SetColor(r(t.color), g(t.color), b(t.color));
                    color = t.color;
                }
                if (t.face->fake_bold()) {
                    // The family has no bold face: thicken the outlines instead.
                    painter.SetTextRenderingMode(ePdfTextRenderingMode_FillAndStroke);
                    painter.SetStrokingColor(r(t.color), g(t.color), b(t.color));
                    painter.SetStrokeWidth(t.size * 0.03);
                }
                painter.DrawText(t.x, H - t.y, pdf_text(utf8(t.text)));
                if (t.face->fake_bold()) painter.SetTextRenderingMode(ePdfTextRenderingMode_Fill);
            }
            for (const auto& l : page.ops.lines) {
                painter.SetStrokingColor(r(l.color), g(l.color), b(l.color));
                painter.SetStrokeWidth(l.width);
                painter.DrawLine(l.x1, H - l.y1, l.x2, H - l.y2);
            }
            painter.FinishPage();
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
        std::tm tm{};
        tm.tm_year = date.year() - 1900;
        tm.tm_mon = date.month() - 1;
        tm.tm_mday = date.day();
        tm.tm_hour = 12;
        PdfDate pdf_date(timegm(&tm));
        PdfString date_string;
        pdf_date.ToString(date_string);
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
