#include "docx/package.hpp"

#include "nastavnik/core/error.hpp"

#include <zip.h>
#include <zlib.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <set>

namespace nastavnik::docx {

namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw Error(ErrorCode::package_invalid, message, InputLocation{file, 0, 0, {}});
}

// 1980-01-01 00:00, the DOS epoch, as reproducible-build tools stamp zips. libzip turns the
// time_t into DOS time through localtime(), so the time_t is taken from mktime(): the stamp
// written is then the same whatever the time zone of the machine.
time_t fixed_mtime() {
    std::tm t{};
    t.tm_year = 80;
    t.tm_mday = 1;
    t.tm_isdst = -1;
    return std::mktime(&t);
}

struct FileClose {
    void operator()(zip_file_t* f) const noexcept { zip_fclose(f); }
};

// The archive reads `bytes` in place; the caller owns it (zip_discard).
zip_t* open_archive(const std::string& bytes, const std::string& file) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) fail(file, "не удаётся прочитать пакет DOCX");
    // Local headers are checked against the central directory by Package (local_header_problem),
    // not by ZIP_CHECKCONS, which also compares fields no reader uses.
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    if (z == nullptr) {
        zip_source_free(src);
        fail(file, code == ZIP_ER_EXISTS   ? "файл не является документом DOCX: в ZIP-архиве две части с одним именем"
                   : code == ZIP_ER_INCONS ? "файл не является документом DOCX: ZIP-архив повреждён или противоречив"
                                           : "файл не является документом DOCX (повреждённый или не ZIP-архив)");
    }
    return z;
}

std::uint64_t le(const std::string& b, std::size_t at, int n) {
    std::uint64_t v = 0;
    for (int k = n - 1; k >= 0; --k) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(k)]);
    return v;
}

bool signature(const std::string& b, std::size_t at, std::uint32_t sig) {
    return at + 4 <= b.size() && le(b, at, 4) == sig;
}

std::string entry_problem(const std::string& name) { return "недопустимое имя части пакета «" + name + "»: "; }

}  // namespace

namespace {

struct CentralRecord {
    std::string name;
    std::uint64_t flags = 0, method = 0, comp_size = 0, size = 0, local = 0;
};

/// The central directory as stored; empty if it cannot be walked.
std::vector<CentralRecord> central_records(const std::string& b) {
    constexpr std::size_t eocd_size = 22, max_comment = 0xFFFF;
    if (b.size() < eocd_size) return {};
    std::size_t eocd = b.size() - eocd_size;
    const std::size_t lowest = b.size() > eocd_size + max_comment ? b.size() - eocd_size - max_comment : 0;
    while (!signature(b, eocd, 0x06054b50)) {
        if (eocd == lowest) return {};
        --eocd;
    }
    std::uint64_t count = le(b, eocd + 10, 2);
    std::uint64_t offset = le(b, eocd + 16, 4);
    if (count == 0xFFFF || offset == 0xFFFFFFFF) {  // zip64: the real values are elsewhere
        if (eocd < 20 || !signature(b, eocd - 20, 0x07064b50)) return {};
        const std::uint64_t z64 = le(b, eocd - 20 + 8, 8);
        if (z64 > b.size() || b.size() - z64 < 56 || !signature(b, static_cast<std::size_t>(z64), 0x06064b50))
            return {};
        count = le(b, static_cast<std::size_t>(z64) + 32, 8);
        offset = le(b, static_cast<std::size_t>(z64) + 48, 8);
    }
    std::vector<CentralRecord> records;
    std::size_t at = static_cast<std::size_t>(std::min<std::uint64_t>(offset, b.size()));
    for (std::uint64_t i = 0; i < count; ++i) {
        if (b.size() - at < 46 || !signature(b, at, 0x02014b50)) return {};
        const std::size_t name_len = le(b, at + 28, 2), extra = le(b, at + 30, 2), comment = le(b, at + 32, 2);
        if (b.size() - at - 46 < name_len + extra + comment) return {};
        CentralRecord r;
        r.name = b.substr(at + 46, name_len);
        r.flags = le(b, at + 8, 2);
        r.method = le(b, at + 10, 2);
        r.comp_size = le(b, at + 20, 4);
        r.size = le(b, at + 24, 4);
        r.local = le(b, at + 42, 4);
        records.push_back(std::move(r));
        at += 46 + name_len + extra + comment;
    }
    return records;
}

/// Why the local header of `r` disagrees with its central record in a way that matters, or "".
/// What two readers could understand differently is refused: the name, the compression method,
/// the sizes (a reader that walks local headers would find other data). Fields readers ignore
/// — the time stamp, the version that made it, extra fields, flags other than the data
/// descriptor — may differ: Word, LibreOffice and unzip open such files (libzip's own check,
/// ZIP_CHECKCONS, refused packages whose only difference was the time stamp).
std::string local_header_problem(const std::string& b, const CentralRecord& r) {
    if (r.local > b.size() || b.size() - r.local < 30 || !signature(b, static_cast<std::size_t>(r.local), 0x04034b50)) {
        return "нет локального заголовка";
    }
    const std::size_t at = static_cast<std::size_t>(r.local);
    const std::size_t name_len = le(b, at + 26, 2), extra = le(b, at + 28, 2);
    if (b.size() - at - 30 < name_len + extra) return "локальный заголовок обрезан";
    if (b.compare(at + 30, name_len, r.name) != 0) return "имя в локальном заголовке другое";
    if (le(b, at + 8, 2) != r.method) return "другой способ сжатия в локальном заголовке";
    const std::uint64_t flags = le(b, at + 6, 2);
    // Sizes after the data (bit 3) are zero in the local header; zip64 ones (all ones) are in
    // the extra field, and libzip checks those against the data it reads.
    const bool descriptor = (flags & 8) != 0 || (r.flags & 8) != 0;
    const std::uint64_t comp = le(b, at + 18, 4), size = le(b, at + 22, 4);
    if (!descriptor && comp != 0xFFFFFFFF && r.comp_size != 0xFFFFFFFF && (comp != r.comp_size || size != r.size)) {
        return "размеры в локальном заголовке другие";
    }
    if (r.comp_size != 0xFFFFFFFF && b.size() - at - 30 - name_len - extra < r.comp_size) return "данные части обрезаны";
    return {};
}

}  // namespace

std::vector<std::string> raw_entry_names(const std::string& b) {
    std::vector<std::string> names;
    for (auto& r : central_records(b)) names.push_back(std::move(r.name));
    return names;
}

std::string entry_name_problem(const std::string& n) {
    if (n.empty()) return "пустое имя";
    if (n.find('\0') != std::string::npos) return "символ NUL в имени";
    if (n.front() == '/' || n.find(':') != std::string::npos) return "абсолютный путь";
    if (n.find('\\') != std::string::npos) return "обратная косая черта в имени";
    for (std::size_t start = 0; start <= n.size();) {
        const std::size_t end = std::min(n.find('/', start), n.size());
        if (n.compare(start, end - start, "..") == 0) return "выход за пределы пакета («..»)";
        start = end + 1;
    }
    return {};
}

void Package::ArchiveClose::operator()(zip* z) const noexcept { zip_discard(z); }

Package::Package(std::string bytes, std::string display_name)
    : bytes_(std::make_unique<std::string>(std::move(bytes))), display_name_(std::move(display_name)) {
    if (bytes_->size() > PackageLimits::max_package_bytes) {
        fail(display_name_, "файл DOCX слишком большой (допускается не более " +
                                std::to_string(PackageLimits::max_package_bytes >> 20) + " МиБ)");
    }
    // libzip reads zero bytes as an archive with no entries.
    if (bytes_->empty()) fail(display_name_, "файл пуст — это не документ DOCX");
    archive_.reset(open_archive(*bytes_, display_name_));
    zip_t* const z = archive_.get();
    const zip_int64_t n = zip_get_num_entries(z, 0);
    if (n < 0 || static_cast<std::size_t>(n) > PackageLimits::max_entries) {
        fail(display_name_, "слишком много частей в пакете DOCX (" + std::to_string(n) + "; допускается не более " +
                                std::to_string(PackageLimits::max_entries) + ")");
    }
    const std::vector<CentralRecord> raw = central_records(*bytes_);
    if (raw.size() != static_cast<std::size_t>(n)) fail(display_name_, "повреждённый каталог ZIP-архива");
    std::set<std::string> seen;
    std::size_t declared_total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || st.name == nullptr) {
            fail(display_name_, "повреждённый элемент пакета DOCX");
        }
        std::string name = st.name;
        const std::string& raw_name = raw[static_cast<std::size_t>(i)].name;
        if (const std::string problem = entry_name_problem(raw_name); !problem.empty()) {
            std::string shown = raw_name;
            std::replace(shown.begin(), shown.end(), '\0', '?');
            fail(display_name_, entry_problem(shown) + problem);
        }
        if (const std::string problem = entry_name_problem(name); !problem.empty()) {
            fail(display_name_, entry_problem(name) + problem);
        }
        // Two entries of one name: Word and we could each read a different one.
        if (!seen.insert(name).second) {
            fail(display_name_, "файл не является документом DOCX: в ZIP-архиве две части с одним именем («" + name + "»)");
        }
        if (const std::string problem = local_header_problem(*bytes_, raw[static_cast<std::size_t>(i)]); !problem.empty()) {
            fail(display_name_, "файл не является документом DOCX: ZIP-архив повреждён или противоречив (часть «" + name +
                                    "»: " + problem + ")");
        }
        declared_total += static_cast<std::size_t>(st.size);
        if (st.size > PackageLimits::max_entry_bytes || declared_total > PackageLimits::max_total_bytes) {
            fail(display_name_, "часть пакета «" + name + "» слишком велика после распаковки");
        }
        names_.push_back(std::move(name));
    }
}

bool Package::has(const std::string& entry) const {
    return std::find(names_.begin(), names_.end(), entry) != names_.end();
}

namespace {

/// A deflated entry of `size` bytes with CRC `crc`, inflated from its compressed bytes
/// `compressed` by libdeflate at once: three times libzip's zlib stream and its checksum (the
/// package's parts were a twentieth of printing a document). nullopt unless it inflates to
/// exactly `size` bytes that carry `crc`: the caller then reads the entry as before, and says
/// what is wrong with it.
std::optional<std::string> inflated_at_once(const std::string& compressed, std::size_t size, std::uint32_t crc) {
    struct Decompressor {
        libdeflate_decompressor* d = libdeflate_alloc_decompressor();
        ~Decompressor() { libdeflate_free_decompressor(d); }
    };
    thread_local Decompressor z;
    if (z.d == nullptr) return std::nullopt;
    std::string out(size, '\0');
    if (libdeflate_deflate_decompress(z.d, compressed.data(), compressed.size(), out.data(), size, nullptr) != LIBDEFLATE_SUCCESS ||
        libdeflate_crc32(0, out.data(), size) != crc) {
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::string Package::read(const std::string& entry) {
    zip_t* const z = archive_.get();
    const zip_int64_t index = zip_name_locate(z, entry.c_str(), 0);
    {
        zip_stat_t st;
        constexpr auto needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        if (index >= 0 && zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & needed) == needed &&
            st.comp_method == ZIP_CM_DEFLATE && st.encryption_method == ZIP_EM_NONE && st.size <= PackageLimits::max_entry_bytes &&
            inflated_total_ + st.size <= PackageLimits::max_total_bytes && st.comp_size <= bytes_->size()) {
            std::unique_ptr<zip_file_t, FileClose> raw(zip_fopen_index(z, static_cast<zip_uint64_t>(index), ZIP_FL_COMPRESSED));
            std::string compressed(static_cast<std::size_t>(st.comp_size), '\0');
            if (raw != nullptr && zip_fread(raw.get(), compressed.data(), compressed.size()) == static_cast<zip_int64_t>(compressed.size())) {
                if (auto out = inflated_at_once(compressed, static_cast<std::size_t>(st.size), st.crc)) {
                    inflated_total_ += out->size();
                    return std::move(*out);
                }
            }
        }
    }
    std::unique_ptr<zip_file_t, FileClose> f(index < 0 ? nullptr : zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0));
    if (f == nullptr) fail(display_name_, "в пакете нет части «" + entry + "» или она повреждена");
    std::string out;
    // Room for the declared size (checked against the limits when the package was opened),
    // so that an honest entry is inflated in place without regrowing; +1 for the read that
    // finds the end. Only what is inflated is touched, and the limits below hold whatever
    // the entry really inflates to.
    zip_stat_t st;
    if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0) {
        out.reserve(static_cast<std::size_t>(std::min<zip_uint64_t>(st.size, PackageLimits::max_entry_bytes)) + 1);
    }
    for (;;) {
        const std::size_t old = out.size();
        const std::size_t room = out.capacity() - old;
        const std::size_t chunk = room > 0 ? std::min<std::size_t>(room, 1u << 16) : 1u << 16;
        out.resize(old + chunk);
        const zip_int64_t got = zip_fread(f.get(), out.data() + old, chunk);
        if (got < 0) fail(display_name_, "часть «" + entry + "» повреждена (ошибка распаковки)");
        out.resize(old + static_cast<std::size_t>(got));
        if (got == 0) break;
        inflated_total_ += static_cast<std::size_t>(got);
        if (out.size() > PackageLimits::max_entry_bytes || inflated_total_ > PackageLimits::max_total_bytes) {
            fail(display_name_, "часть пакета «" + entry + "» слишком велика после распаковки");
        }
    }
    return out;
}

std::string Package::stored_form(const std::string& entry) {
    zip_t* const z = archive_.get();
    const zip_int64_t index = zip_name_locate(z, entry.c_str(), 0);
    zip_stat_t st;
    if (index < 0 || zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
        (st.valid & (ZIP_STAT_COMP_METHOD | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_COMP_METHOD | ZIP_STAT_COMP_SIZE)) {
        fail(display_name_, "в пакете нет части «" + entry + "» или она повреждена");
    }
    std::unique_ptr<zip_file_t, FileClose> f(zip_fopen_index(z, static_cast<zip_uint64_t>(index), ZIP_FL_COMPRESSED));
    if (f == nullptr) fail(display_name_, "в пакете нет части «" + entry + "» или она повреждена");
    // A compressed size larger than the package is a lie of a damaged or hostile directory.
    if (st.comp_size > bytes_->size()) fail(display_name_, "часть «" + entry + "» повреждена");
    std::string out = std::to_string(st.comp_method) + ':';
    const std::size_t head = out.size();
    out.resize(head + static_cast<std::size_t>(st.comp_size));
    const zip_int64_t got = zip_fread(f.get(), out.data() + head, out.size() - head);
    if (got < 0) fail(display_name_, "часть «" + entry + "» повреждена");
    out.resize(head + static_cast<std::size_t>(got));
    return out;
}

std::string Package::with_replaced(const std::map<std::string, std::string>& replacements) const {
    zip_error_t error;
    zip_error_init(&error);
    // libzip 1.7 may free the buffer it was given once the archive is rewritten (it shares
    // unchanged fragments with the new one), so it gets a malloc'd copy it owns.
    void* own = std::malloc(bytes_->size());
    if (own == nullptr) fail(display_name_, "недостаточно памяти для записи пакета DOCX");
    std::memcpy(own, bytes_->data(), bytes_->size());
    zip_source_t* src = zip_source_buffer_create(own, bytes_->size(), 1, &error);
    if (src == nullptr) {
        std::free(own);
        fail(display_name_, "не удаётся открыть пакет DOCX для записи");
    }
    zip_source_keep(src);  // survives zip_close: the result is read back from it
    zip_t* z = zip_open_from_source(src, 0, &error);
    zip_error_fini(&error);
    if (z == nullptr) {
        zip_source_free(src);  // one reference for the zip_source_keep, one for the creation
        zip_source_free(src);
        fail(display_name_, "не удаётся открыть пакет DOCX для записи");
    }
    auto abandon = [&](const std::string& message) {
        zip_discard(z);
        zip_source_free(src);
        fail(display_name_, message);
    };
    const time_t mtime = fixed_mtime();
    for (const auto& [entry, content] : replacements) {
        const zip_int64_t old = zip_name_locate(z, entry.c_str(), 0);
        if (old < 0) abandon("в пакете нет части «" + entry + "»");
        // Deleted and added again rather than replaced: libzip 1.7 deflates a replaced entry at
        // level 9 whatever zip_set_file_compression says, and level 9 was half of the time of
        // filling a template (perf on bench/template_bench). Level 1 deflates document.xml about
        // ten times faster for a part 25 % larger (5.9 KB instead of 4.7 KB for the Положение);
        // the part moves to the end of the archive, which OPC allows (parts are found by name)
        // and which is the same on every run.
        if (zip_delete(z, static_cast<zip_uint64_t>(old)) != 0) abandon("не удаётся записать часть «" + entry + "»");
        zip_source_t* data = zip_source_buffer(z, content.data(), content.size(), 0);
        if (data == nullptr) abandon("не удаётся записать часть «" + entry + "»");
        const zip_int64_t idx = zip_file_add(z, entry.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(data);
            abandon("не удаётся записать часть «" + entry + "»");
        }
        if (zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), mtime, 0) != 0 ||
            zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 1) != 0) {
            abandon("не удаётся записать часть «" + entry + "»");
        }
    }
    if (zip_close(z) != 0) abandon("не удаётся записать пакет DOCX");
    std::string out;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 && zip_source_open(src) == 0) {
        out.resize(static_cast<std::size_t>(st.size));
        const zip_int64_t got = zip_source_read(src, out.data(), out.size());
        zip_source_close(src);
        if (got < 0 || static_cast<std::size_t>(got) != out.size()) out.clear();
    }
    zip_source_free(src);
    if (out.empty()) fail(display_name_, "не удаётся прочитать записанный пакет DOCX");
    return out;
}

namespace {

void put_le(std::string& b, std::size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) b[at + static_cast<std::size_t>(k)] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

// A raw deflate stream at level 1 with libzip's parameters (zip_algorithm_deflate.c:
// deflateInit2(level, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY)). One per
// thread, reset for every entry: its 400 KB of state were allocated, zeroed and freed for every
// document before.
class Deflater {
public:
    Deflater() {
        if (deflateInit2(&z_, 1, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
            throw Error(ErrorCode::internal, "zlib: не удаётся начать сжатие");
        }
    }
    ~Deflater() { deflateEnd(&z_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    /// Appends the deflated `in` to `out`; returns the compressed size.
    std::size_t append(const std::string& in, std::string& out) {
        if (deflateReset(&z_) != Z_OK) throw Error(ErrorCode::internal, "zlib: ошибка сжатия");
        const std::size_t start = out.size();
        const uLong bound = deflateBound(&z_, static_cast<uLong>(in.size()));
        out.resize(start + bound);
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z_.avail_in = static_cast<uInt>(in.size());
        z_.next_out = reinterpret_cast<Bytef*>(out.data() + start);
        z_.avail_out = static_cast<uInt>(bound);
        if (deflate(&z_, Z_FINISH) != Z_STREAM_END) throw Error(ErrorCode::internal, "zlib: ошибка сжатия");
        const std::size_t written = bound - z_.avail_out;
        out.resize(start + written);
        return written;
    }

private:
    z_stream z_{};
};

Deflater& thread_deflater() {
    thread_local Deflater d;
    return d;
}

}  // namespace

std::unique_ptr<const Rewriter> Rewriter::prepare(const Package& package,
                                                  const std::map<std::string, std::string>& sample) {
    if (sample.empty()) return nullptr;
    const std::string b = package.with_replaced(sample);
    // The end of central directory record; no comment, no zip64.
    constexpr std::size_t eocd_size = 22;
    if (b.size() < eocd_size) return nullptr;
    const std::size_t eocd = b.size() - eocd_size;
    if (!signature(b, eocd, 0x06054b50)) return nullptr;
    const std::size_t count = le(b, eocd + 10, 2), cd_size = le(b, eocd + 12, 4), cd_offset = le(b, eocd + 16, 4);
    if (count == 0xFFFF || cd_offset == 0xFFFFFFFF || cd_offset + cd_size != eocd) return nullptr;

    struct Record {
        std::string name;
        std::size_t offset, compressed, at, length;
    };
    std::vector<Record> records;
    for (std::size_t at = cd_offset, i = 0; i < count; ++i) {
        if (eocd - at < 46 || !signature(b, at, 0x02014b50)) return nullptr;
        const std::size_t n = le(b, at + 28, 2), e = le(b, at + 30, 2), c = le(b, at + 32, 2);
        if (eocd - at - 46 < n + e + c) return nullptr;
        records.push_back(Record{b.substr(at + 46, n), le(b, at + 42, 4), le(b, at + 20, 4), at, 46 + n + e + c});
        at += records.back().length;
        if (i + 1 == count && at != eocd) return nullptr;
    }
    auto rw = std::unique_ptr<Rewriter>(new Rewriter);
    std::vector<const Record*> replaced;
    std::size_t untouched_end = 0;
    for (const auto& r : records) {
        if (sample.count(r.name) != 0) {
            replaced.push_back(&r);
        } else {
            if (r.offset + 30 > b.size()) return nullptr;
            untouched_end = std::max<std::size_t>(untouched_end, r.offset + 30 + le(b, r.offset + 26, 2) +
                                                                     le(b, r.offset + 28, 2) + r.compressed);
        }
    }
    if (replaced.size() != sample.size()) return nullptr;
    std::sort(replaced.begin(), replaced.end(), [](const Record* x, const Record* y) { return x->offset < y->offset; });
    // The untouched entries come first, then the replaced ones one after another, then the
    // central directory: the layout libzip writes when the replaced entries are added anew.
    std::size_t at = replaced.front()->offset;
    if (untouched_end > at) return nullptr;
    rw->prefix_ = b.substr(0, at);
    for (const Record* r : replaced) {
        if (r->offset != at || at + 30 > cd_offset || !signature(b, at, 0x04034b50)) return nullptr;
        if ((le(b, at + 6, 2) & 0x0008) != 0) return nullptr;  // a data descriptor after the data
        const std::size_t header = 30 + le(b, at + 28, 2) + le(b, at + 26, 2);
        rw->entries_.push_back(Entry{r->name, b.substr(at, header), b.substr(r->at, r->length)});
        at += header + r->compressed;
    }
    if (at != cd_offset) return nullptr;
    for (const auto& r : records) {
        Central c;
        const auto it = std::find_if(rw->entries_.begin(), rw->entries_.end(), [&](const Entry& e) { return e.name == r.name; });
        if (it != rw->entries_.end()) {
            c.replaced = static_cast<int>(it - rw->entries_.begin());
        } else {
            c.bytes = b.substr(r.at, r.length);
        }
        rw->central_.push_back(std::move(c));
    }
    rw->end_record_ = b.substr(eocd);
    // The proof: the same content written both ways.
    if (rw->write(sample) != b) return nullptr;
    return rw;
}

std::string Rewriter::write(const std::map<std::string, std::string>& replacements) const {
    if (replacements.size() != entries_.size()) throw Error(ErrorCode::internal, "пакет DOCX: не тот набор частей");
    struct Written {
        std::uint32_t crc, compressed, size, offset;
    };
    std::vector<Written> written;
    written.reserve(entries_.size());
    std::size_t total = prefix_.size() + end_record_.size();
    for (const auto& [name, content] : replacements) total += content.size() / 4 + 256;
    std::string out;
    out.reserve(total);
    out = prefix_;
    Deflater& deflater = thread_deflater();
    for (const auto& e : entries_) {
        const auto it = replacements.find(e.name);
        if (it == replacements.end()) throw Error(ErrorCode::internal, "пакет DOCX: нет части " + e.name);
        const std::string& content = it->second;
        const std::size_t offset = out.size();
        out += e.local_header;
        const std::size_t compressed = deflater.append(content, out);
        if (offset + compressed > 0xFFFFFFFFu || content.size() > 0xFFFFFFFFu) {
            throw Error(ErrorCode::internal, "пакет DOCX слишком велик");
        }
        const auto crc = static_cast<std::uint32_t>(
            crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size())));
        written.push_back(Written{crc, static_cast<std::uint32_t>(compressed), static_cast<std::uint32_t>(content.size()),
                                  static_cast<std::uint32_t>(offset)});
        put_le(out, offset + 14, crc);
        put_le(out, offset + 18, written.back().compressed);
        put_le(out, offset + 22, written.back().size);
    }
    const std::size_t cd_offset = out.size();
    for (const auto& c : central_) {
        if (c.replaced < 0) {
            out += c.bytes;
            continue;
        }
        const std::size_t at = out.size();
        const Written& w = written[static_cast<std::size_t>(c.replaced)];
        out += entries_[static_cast<std::size_t>(c.replaced)].central_record;
        put_le(out, at + 16, w.crc);
        put_le(out, at + 20, w.compressed);
        put_le(out, at + 24, w.size);
        put_le(out, at + 42, w.offset);
    }
    const std::size_t eocd = out.size();
    out += end_record_;
    put_le(out, eocd + 12, static_cast<std::uint32_t>(eocd - cd_offset));
    put_le(out, eocd + 16, static_cast<std::uint32_t>(cd_offset));
    return out;
}

}  // namespace nastavnik::docx
