#include "workbook/xlsx.hpp"

#include "docx/package.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/workbook/workbook.hpp"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <set>

namespace nastavnik::workbook::detail {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw Error(ErrorCode::package_invalid, message, InputLocation{file, 0, 0, {}});
}

std::string mib(std::size_t bytes) { return std::to_string(bytes >> 20) + " МиБ"; }

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// SpreadsheetML escapes characters XML cannot carry as _xHHHH_ (ST_Xstring): «_x000D_» is a
// carriage return, «_x005F_» a literal underscore.
void unescape_xstring(std::string& s) {
    if (s.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            int cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int d = hex_digit(s[i + k]);
                if (d < 0) { ok = false; break; }
                cp = cp * 16 + d;
            }
            if (ok) {
                append_utf8(out, static_cast<unsigned>(cp));
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    s = std::move(out);
}

// "D7" → column 4, row 7. False for anything else.
bool parse_reference(std::string_view r, int& column, int& row) {
    std::size_t i = 0;
    long c = 0;
    while (i < r.size() && r[i] >= 'A' && r[i] <= 'Z') {
        c = c * 26 + (r[i] - 'A' + 1);
        if (c > 16384) return false;
        ++i;
    }
    if (i == 0) return false;
    long n = 0;
    const std::size_t digits = i;
    while (i < r.size() && r[i] >= '0' && r[i] <= '9') {
        n = n * 10 + (r[i] - '0');
        if (n > 1048576) return false;
        ++i;
    }
    if (i == digits || i != r.size() || n == 0) return false;
    column = static_cast<int>(c);
    row = static_cast<int>(n);
    return true;
}

// Built-in number formats that show dates (ECMA-376 §18.8.30; 27–36 and 50–58 are the East
// Asian date formats).
bool builtin_date_format(long id) {
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom format shows a date if it has a day or year code outside quoted text, escapes and
// [brackets] (colours, conditions, locales: «[$-419]DD.MM.YYYY»).
bool custom_date_format(std::string_view code) {
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') { quoted = !quoted; continue; }
        if (quoted) continue;
        if (c == '\\' || c == '_' || c == '*') { ++i; continue; }
        if (c == '[') { ++bracket; continue; }
        if (c == ']') { bracket = std::max(0, bracket - 1); continue; }
        if (bracket > 0) continue;
        if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') return true;
    }
    return false;
}

std::string directory_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationship's target as a part name: relative to the source part's folder, or absolute
// from the package root; "" if it leaves the package.
std::string resolve_target(const std::string& base, std::string target) {
    std::string path = target.starts_with('/') ? target.substr(1) : base + target;
    std::vector<std::string> parts;
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (parts.empty()) return "";
            parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail; }

}  // namespace

// One XML part, inflated as libxml2 asks for more: what is read is counted against the limits
// however the archive declares its sizes.
class XlsxPackage::Part {
public:
    Part(XlsxPackage& pkg, const std::string& name, std::string what) : pkg_(pkg), name_(name), what_(std::move(what)) {
        const zip_int64_t index = zip_name_locate(pkg.archive_, name.c_str(), 0);
        if (index >= 0) file_ = zip_fopen_index(pkg.archive_, static_cast<zip_uint64_t>(index), 0);
        if (file_ == nullptr) fail(pkg.file_, what_ + ": в архиве нет части «" + name + "» или она повреждена");
        // NOBLANKS: whitespace between elements is no node to step over (text of a cell that
        // is only spaces comes with xml:space="preserve" and stays); COMPACT: small text nodes
        // live in their node.
        reader_ = xmlReaderForIO(&Part::read, nullptr, this, name.c_str(), nullptr,
                                 XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
        if (reader_ == nullptr) {
            zip_fclose(file_);
            fail(pkg.file_, what_ + ": не удаётся начать чтение XML");
        }
        xmlTextReaderSetStructuredErrorHandler(reader_, &Part::on_error, this);
    }
    ~Part() {
        if (reader_) xmlFreeTextReader(reader_);
        if (file_) zip_fclose(file_);
    }
    Part(const Part&) = delete;
    Part& operator=(const Part&) = delete;

    // The next node's type, 0 at the end of the part. Throws on broken or hostile XML.
    int next() {
        const int got = xmlTextReaderRead(reader_);
        if (got == 1) {
            const int type = xmlTextReaderNodeType(reader_);
            if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
                fail(pkg_.file_, what_ + ": в XML есть объявление DOCTYPE — такие файлы не читаются (защита от внешних сущностей)");
            }
            if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY) {
                fail(pkg_.file_, what_ + ": в XML есть ссылка на сущность — такие файлы не читаются");
            }
            return type;
        }
        if (too_big_) {
            fail(pkg_.file_, what_ + ": слишком велика после распаковки (допускается не более " +
                                 mib(Limits::max_part_bytes) + " на часть и " + mib(Limits::max_total_bytes) +
                                 " на книгу) — возможно, это «ZIP-бомба»");
        }
        if (broken_) fail(pkg_.file_, what_ + ": часть архива повреждена (ошибка распаковки)");
        if (got == 0 && error_.empty()) return 0;
        const std::string where = cell.empty() ? what_ : what_ + ", " + cell;
        if (huge_) fail(pkg_.file_, where + ": текст длиннее " + std::to_string(Limits::max_cell_chars) + " знаков (предел Excel)");
        fail(pkg_.file_, where + ": повреждённый XML" + (error_.empty() ? "" : " (" + error_ + ")"));
    }

    std::string cell;  // the cell being read, for messages: «ячейка B20»

    [[nodiscard]] bool element(const char* local) const {
        const xmlChar* n = xmlTextReaderConstLocalName(reader_);
        return n != nullptr && std::strcmp(reinterpret_cast<const char*>(n), local) == 0;
    }
    [[nodiscard]] bool empty_element() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
    [[nodiscard]] std::string_view value() const {
        const xmlChar* v = xmlTextReaderConstValue(reader_);
        return v ? std::string_view(reinterpret_cast<const char*>(v)) : std::string_view();
    }
    [[nodiscard]] int depth() const { return xmlTextReaderDepth(reader_); }

    // The current element's attributes by local name (prefixes differ between writers:
    // r:id, x:sheet), without allocating.
    template <class F>
    void attributes(F&& f) {
        if (xmlTextReaderHasAttributes(reader_) != 1) return;
        while (xmlTextReaderMoveToNextAttribute(reader_) == 1) {
            const xmlChar* n = xmlTextReaderConstLocalName(reader_);
            const xmlChar* v = xmlTextReaderConstValue(reader_);
            if (n && v) f(std::string_view(reinterpret_cast<const char*>(n)), std::string_view(reinterpret_cast<const char*>(v)));
        }
        xmlTextReaderMoveToElement(reader_);
    }

    [[nodiscard]] const std::string& what() const { return what_; }

private:
    static int read(void* context, char* buffer, int len) {
        auto* self = static_cast<Part*>(context);
        const zip_int64_t got = zip_fread(self->file_, buffer, static_cast<zip_uint64_t>(len));
        if (got < 0) {
            self->broken_ = true;
            return -1;
        }
        self->bytes_ += static_cast<std::size_t>(got);
        self->pkg_.inflated_ += static_cast<std::size_t>(got);
        if (self->bytes_ > Limits::max_part_bytes || self->pkg_.inflated_ > Limits::max_total_bytes) {
            self->too_big_ = true;
            return -1;
        }
        return static_cast<int>(got);
    }

    static void on_error(void* context, xmlErrorPtr e) {
        auto* self = static_cast<Part*>(context);
        if (e == nullptr || e->level < XML_ERR_ERROR || !self->error_.empty()) return;
        std::string m = e->message ? e->message : "";
        while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
        // libxml2 refuses a text node over 10 MB: a cell far over Excel's own limit.
        if (m.find("huge text node") != std::string::npos) self->huge_ = true;
        self->error_ = "строка " + std::to_string(e->line) + ": " + m;
    }

    XlsxPackage& pkg_;
    std::string name_;
    std::string what_;
    zip_file_t* file_ = nullptr;
    xmlTextReaderPtr reader_ = nullptr;
    std::size_t bytes_ = 0;
    bool too_big_ = false;
    bool broken_ = false;
    bool huge_ = false;
    std::string error_;
};

// The table of shared strings is read as far as the cells need it, alongside the sheet being
// read: a workbook lists its strings in the order they were first written, and what comes last
// (our instruction's long texts, say) is then never parsed.
class XlsxPackage::SharedStrings {
public:
    SharedStrings(XlsxPackage& pkg, const std::string& part) : part_(pkg, part, "общие строки книги (" + part + ")"), file_(pkg.file_) {}

    // The string of that index; false if the table has no such entry.
    bool get(std::size_t index, std::string& out) {
        while (strings_.size() <= index && !done_) next();
        if (index >= strings_.size()) return false;
        out = strings_[index];
        return true;
    }

private:
    // Reads up to the end of the next <si>.
    void next() {
        for (int type; (type = part_.next()) != 0;) {
            if (type == XML_READER_TYPE_ELEMENT) {
                if (part_.element("si")) {
                    current_.clear();
                    in_item_ = true;
                    if (part_.empty_element()) {
                        add();
                        return;
                    }
                } else if (part_.element("rPh") && !part_.empty_element()) {
                    ++phonetic_;  // a reading aid of East Asian text, not part of the value
                } else if (part_.element("t") && in_item_ && phonetic_ == 0) {
                    in_text_ = !part_.empty_element();
                }
            } else if (type == XML_READER_TYPE_END_ELEMENT) {
                if (part_.element("t")) {
                    in_text_ = false;
                } else if (part_.element("rPh")) {
                    phonetic_ = std::max(0, phonetic_ - 1);
                } else if (part_.element("si") && in_item_) {
                    unescape_xstring(current_);
                    add();
                    return;
                }
            } else if (in_text_ && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                                    type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)) {
                current_ += part_.value();
            }
        }
        done_ = true;
    }

    void add() {
        strings_.push_back(std::move(current_));
        current_.clear();
        in_item_ = false;
        if (strings_.size() > Limits::max_shared_strings) {
            fail(file_, "слишком много строк в книге (допускается не более " + std::to_string(Limits::max_shared_strings) + ")");
        }
    }

    Part part_;
    std::string file_;
    std::vector<std::string> strings_;
    std::string current_;
    bool in_item_ = false, in_text_ = false, done_ = false;
    int phonetic_ = 0;
};

XlsxPackage::XlsxPackage(std::string_view bytes, std::string file_name) : file_(std::move(file_name)) {
    if (bytes.empty()) fail(file_, "файл пуст — это не книга Excel (.xlsx)");
    if (bytes.size() > Limits::max_file_bytes) {
        fail(file_, "файл слишком большой для книги (допускается не более " + mib(Limits::max_file_bytes) + ")");
    }
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        fail(file_, "это книга старого формата Excel 97–2003 (.xls) или книга, защищённая паролем; сохраните её "
                    "без пароля как «Книга Excel (.xlsx)»");
    }
    if (bytes.size() < 4 || std::memcmp(bytes.data(), "PK", 2) != 0) {
        fail(file_, "файл не является книгой Excel (.xlsx): это не ZIP-архив");
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src != nullptr) archive_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (archive_ == nullptr) {
        if (src) zip_source_free(src);
        fail(file_, code == ZIP_ER_EXISTS ? "файл не является книгой Excel: в ZIP-архиве две части с одним именем"
                                          : "файл не является книгой Excel (.xlsx): ZIP-архив повреждён");
    }
    try {
        const zip_int64_t n = zip_get_num_entries(archive_, 0);
        if (n < 0 || static_cast<std::size_t>(n) > Limits::max_entries) {
            fail(file_, "слишком много частей в архиве книги (" + std::to_string(n) + "; допускается не более " +
                            std::to_string(Limits::max_entries) + ")");
        }
        const std::vector<std::string> raw = docx::raw_entry_names(std::string(bytes));
        if (raw.size() != static_cast<std::size_t>(n)) fail(file_, "повреждённый каталог ZIP-архива книги");
        std::set<std::string> names;
        for (const auto& name : raw) {
            if (const std::string problem = docx::entry_name_problem(name); !problem.empty()) {
                std::string shown = name;
                std::replace(shown.begin(), shown.end(), '\0', '?');
                fail(file_, "недопустимое имя части архива «" + shown + "»: " + problem);
            }
            if (!names.insert(name).second) fail(file_, "в ZIP-архиве книги две части с именем «" + name + "»");
        }
        if (names.count("mimetype") != 0 && names.count("content.xml") != 0) {
            fail(file_, "это таблица OpenDocument (.ods); сохраните её как «Книга Excel (.xlsx)»");
        }
        // The workbook part: where the package relationships say, else where every writer puts it.
        std::string workbook = "xl/workbook.xml";
        if (names.count("_rels/.rels") != 0) {
            std::vector<std::pair<std::string, std::string>> rels;
            std::vector<std::string> types;
            read_relationships("_rels/.rels", rels, &types);
            for (std::size_t i = 0; i < rels.size(); ++i) {
                if (ends_with(types[i], "/officeDocument") && !rels[i].second.empty()) workbook = rels[i].second;
                if (ends_with(types[i], "/custom-properties") && names.count(rels[i].second) != 0) {
                    read_custom_properties(rels[i].second);
                }
            }
        }
        if (workbook.starts_with("word/") || (names.count(workbook) == 0 && names.count("word/document.xml") != 0)) {
            fail(file_, "это документ Word, а не книга Excel (.xlsx)");
        }
        if (workbook.starts_with("ppt/")) fail(file_, "это презентация PowerPoint, а не книга Excel (.xlsx)");
        if (names.count(workbook) == 0) fail(file_, "файл не является книгой Excel: в архиве нет книги (" + workbook + ")");
        read_workbook(workbook);
    } catch (...) {
        shared_.reset();
        zip_discard(archive_);
        archive_ = nullptr;
        throw;
    }
}

XlsxPackage::~XlsxPackage() {
    shared_.reset();  // its part reads from the archive
    if (archive_) zip_discard(archive_);
}

void XlsxPackage::read_relationships(const std::string& part, std::vector<std::pair<std::string, std::string>>& out,
                                     std::vector<std::string>* types) {
    // The folder of the part the relationships belong to: "xl/_rels/workbook.xml.rels" → "xl/".
    std::string base = directory_of(part);
    if (ends_with(base, "_rels/")) base = base.substr(0, base.size() - 6);
    Part p(*this, part, "связи частей книги (" + part + ")");
    for (int type; (type = p.next()) != 0;) {
        if (type != XML_READER_TYPE_ELEMENT || !p.element("Relationship")) continue;
        std::string id, target, rel_type;
        bool external = false;
        p.attributes([&](std::string_view n, std::string_view v) {
            if (n == "Id") id = v;
            else if (n == "Target") target = v;
            else if (n == "Type") rel_type = v;
            else if (n == "TargetMode") external = v == "External";
        });
        if (external) continue;
        out.emplace_back(id, resolve_target(base, target));
        if (types) types->push_back(rel_type);
    }
}

void XlsxPackage::read_workbook(const std::string& part) {
    std::vector<std::pair<std::string, std::string>> rels;
    std::vector<std::string> types;
    const std::string rels_part = directory_of(part) + "_rels/" + part.substr(directory_of(part).size()) + ".rels";
    if (zip_name_locate(archive_, rels_part.c_str(), 0) < 0) fail(file_, "в архиве книги нет связей частей (" + rels_part + ")");
    read_relationships(rels_part, rels, &types);
    const auto target_of = [&](const std::string& id) -> std::string {
        for (const auto& [rid, target] : rels) {
            if (rid == id) return target;
        }
        return "";
    };
    {
        Part p(*this, part, "книга (" + part + ")");
        for (int type; (type = p.next()) != 0;) {
            if (type != XML_READER_TYPE_ELEMENT) continue;
            if (p.element("workbookPr")) {
                p.attributes([&](std::string_view n, std::string_view v) {
                    if (n == "date1904") date1904_ = v == "1" || v == "true";
                });
            } else if (p.element("sheet")) {
                SheetEntry s;
                std::string id;
                p.attributes([&](std::string_view n, std::string_view v) {
                    if (n == "name") s.name = v;
                    else if (n == "state") s.hidden = v != "visible";
                    else if (n == "id") id = v;
                });
                s.part = target_of(id);
                sheets_.push_back(std::move(s));
                if (sheets_.size() > Limits::max_sheets) {
                    fail(file_, "слишком много листов в книге (допускается не более " + std::to_string(Limits::max_sheets) + ")");
                }
            }
        }
    }
    for (std::size_t i = 0; i < rels.size(); ++i) {
        if (rels[i].second.empty() || zip_name_locate(archive_, rels[i].second.c_str(), 0) < 0) continue;
        if (ends_with(types[i], "/sharedStrings")) read_shared_strings(rels[i].second);
        else if (ends_with(types[i], "/styles")) read_styles(rels[i].second);
    }
    // A sheet whose part is missing is reported when it is read (only sheets we need are).
}

void XlsxPackage::read_custom_properties(const std::string& part) {
    Part p(*this, part, "свойства книги (" + part + ")");
    bool ours = false;
    for (int type; (type = p.next()) != 0;) {
        if (type == XML_READER_TYPE_ELEMENT && p.element("property")) {
            ours = false;
            p.attributes([&](std::string_view n, std::string_view v) {
                if (n == "name") ours = v == "nastavnik.format";
            });
        } else if (ours && type == XML_READER_TYPE_TEXT) {
            declared_format_ = p.value().substr(0, 64);  // a format name, never long
            ours = false;
        }
    }
}

void XlsxPackage::read_shared_strings(const std::string& part) { shared_ = std::make_unique<SharedStrings>(*this, part); }

void XlsxPackage::read_styles(const std::string& part) {
    Part p(*this, part, "стили книги (" + part + ")");
    std::vector<std::pair<long, bool>> custom;  // numFmtId → shows a date
    std::vector<long> xf_formats;
    bool in_xfs = false;
    for (int type; (type = p.next()) != 0;) {
        if (type == XML_READER_TYPE_ELEMENT) {
            if (p.element("numFmt")) {
                long id = -1;
                bool date = false;
                p.attributes([&](std::string_view n, std::string_view v) {
                    if (n == "numFmtId") std::from_chars(v.data(), v.data() + v.size(), id);
                    else if (n == "formatCode") date = custom_date_format(v);
                });
                custom.emplace_back(id, date);
            } else if (p.element("cellXfs")) {
                in_xfs = !p.empty_element();
            } else if (in_xfs && p.element("xf")) {
                long id = 0;
                p.attributes([&](std::string_view n, std::string_view v) {
                    if (n == "numFmtId") std::from_chars(v.data(), v.data() + v.size(), id);
                });
                xf_formats.push_back(id);
                if (xf_formats.size() > Limits::max_styles) fail(file_, "слишком много стилей ячеек в книге");
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && p.element("cellXfs")) {
            in_xfs = false;
        }
    }
    date_styles_.reserve(xf_formats.size());
    for (const long id : xf_formats) {
        bool date = builtin_date_format(id);
        for (const auto& [cid, cdate] : custom) {
            if (cid == id) date = cdate;
        }
        date_styles_.push_back(date);
    }
}

void XlsxPackage::read_sheet(const SheetEntry& sheet, const std::function<bool(int, std::vector<Cell>&)>& on_row,
                             std::size_t row_limit) {
    const std::string what = "лист «" + sheet.name + "»";
    if (sheet.part.empty() || zip_name_locate(archive_, sheet.part.c_str(), 0) < 0) {
        fail(file_, what + ": в архиве книги нет его части");
    }
    Part p(*this, sheet.part, what);
    std::vector<Cell> cells;
    Cell cell;
    std::string value;                 // <v> of the current cell
    std::string inline_text;           // <is> of the current cell
    std::string cell_type;
    int style = -1;
    bool in_cell = false, in_value = false, in_inline = false, has_value = false;
    int phonetic = 0;
    int row = 0, column = 0;
    std::size_t rows_with_values = 0;
    const auto cell_name = [&] { return what + ", ячейка " + column_letters(cell.column - 1) + std::to_string(cell.row); };
    const auto too_long = [&](const std::string& s) {
        if (utf8_length(s) > Limits::max_cell_chars) {
            throw Error(ErrorCode::data_invalid,
                        cell_name() + ": текст длиннее " + std::to_string(Limits::max_cell_chars) + " знаков (предел Excel)",
                        InputLocation{file_, 0, 0, {}});
        }
    };
    for (int type; (type = p.next()) != 0;) {
        if (type == XML_READER_TYPE_ELEMENT) {
            if (p.element("row")) {
                int r = row + 1;
                p.attributes([&](std::string_view n, std::string_view v) {
                    if (n == "r") {
                        long parsed = 0;
                        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), parsed);
                        if (ec != std::errc() || ptr != v.data() + v.size() || parsed < 1 || parsed > 1048576) {
                            fail(file_, what + ": неверный номер строки «" + std::string(v) + "»");
                        }
                        r = static_cast<int>(parsed);
                    }
                });
                row = r;
                column = 0;
                cells.clear();
                if (p.empty_element()) continue;
            } else if (p.element("c")) {
                cell = Cell{};
                cell_type.clear();
                value.clear();
                inline_text.clear();
                style = -1;
                has_value = false;
                int c = column + 1, r = row;
                p.attributes([&](std::string_view n, std::string_view v) {
                    if (n == "r") {
                        if (!parse_reference(v, c, r)) fail(file_, what + ": неверный адрес ячейки «" + std::string(v) + "»");
                    } else if (n == "t") {
                        cell_type = v;
                    } else if (n == "s") {
                        long s = -1;
                        std::from_chars(v.data(), v.data() + v.size(), s);
                        style = static_cast<int>(std::min<long>(s, 1 << 30));
                    }
                });
                if (c > 16384) fail(file_, what + ": ячейка за пределами листа");
                column = c;
                p.cell = "ячейка " + column_letters(c - 1) + std::to_string(r == 0 ? 1 : r);
                cell.row = r == 0 ? 1 : r;
                cell.column = c;
                in_cell = !p.empty_element();
            } else if (in_cell && p.element("v")) {
                in_value = !p.empty_element();
                has_value = true;
            } else if (in_cell && p.element("f")) {
                cell.formula = true;
            } else if (in_cell && p.element("is")) {
                has_value = true;
            } else if (in_cell && p.element("rPh") && !p.empty_element()) {
                ++phonetic;
            } else if (in_cell && p.element("t") && phonetic == 0) {
                in_inline = !p.empty_element();
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (p.element("v")) {
                in_value = false;
            } else if (p.element("t")) {
                in_inline = false;
            } else if (p.element("rPh")) {
                phonetic = std::max(0, phonetic - 1);
            } else if (p.element("c") && in_cell) {
                in_cell = false;
                if (!has_value) continue;  // a formatted empty cell
                if (cell_type == "s") {
                    long index = -1;
                    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
                    if (ec != std::errc() || index < 0 || !shared_ || !shared_->get(static_cast<std::size_t>(index), cell.text)) {
                        fail(file_, cell_name() + ": ссылка на несуществующую строку общей таблицы");
                    }
                } else if (cell_type == "inlineStr") {
                    unescape_xstring(inline_text);
                    cell.text = std::move(inline_text);
                } else if (cell_type == "str") {
                    unescape_xstring(value);
                    cell.text = value;
                } else if (cell_type == "b") {
                    cell.kind = Cell::Kind::boolean;
                    cell.number = value == "1" || value == "true" ? 1 : 0;
                    cell.text = value;
                } else if (cell_type == "e") {
                    cell.kind = Cell::Kind::error;
                    cell.text = value;
                } else if (cell_type == "d") {
                    // An ISO 8601 date (strict OOXML, some generators): the date part is what counts.
                    cell.text = value.substr(0, value.find('T'));
                } else {
                    if (value.empty()) continue;
                    cell.kind = Cell::Kind::number;
                    double x = 0;
                    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
                    if (ec != std::errc() || ptr != value.data() + value.size()) {
                        fail(file_, cell_name() + ": в числовой ячейке не число «" + value.substr(0, 40) + "»");
                    }
                    cell.number = x;
                    cell.text = value;
                    cell.date = style >= 0 && static_cast<std::size_t>(style) < date_styles_.size() && date_styles_[static_cast<std::size_t>(style)];
                }
                if (cell.kind == Cell::Kind::text) too_long(cell.text);
                if (cell.kind != Cell::Kind::text || !cell.text.empty() || cell.formula) cells.push_back(std::move(cell));
            } else if (p.element("row")) {
                if (cells.empty()) continue;
                if (++rows_with_values > row_limit) {
                    fail(file_, what + ": больше " + std::to_string(row_limit) + " строк с данными — столько в книге "
                                       "организации не бывает; проверьте, тот ли это файл");
                }
                std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.column < b.column; });
                if (!on_row(row, cells)) return;
                cells.clear();
            } else if (p.element("sheetData")) {
                // What follows the cells (merged ranges, data validation, page setup, drawings)
                // holds no values: not parsed.
                return;
            }
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                   type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA) {
            if (in_value) {
                value += p.value();
                if (value.size() > 4 * Limits::max_cell_chars) too_long(value);
            } else if (in_inline) {
                inline_text += p.value();
                if (inline_text.size() > 4 * Limits::max_cell_chars) too_long(inline_text);
            }
        }
    }
}

}  // namespace nastavnik::workbook::detail
