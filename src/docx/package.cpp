#include "docx/package.hpp"

#include "nastavnik/core/error.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace nastavnik::docx {

namespace {

// 2020-01-01 00:00 (DOS time has no zone; the CLI runs with TZ=UTC so this is stable).
constexpr time_t fixed_mtime = 1577836800;

[[noreturn]] void fail(const std::string& file, const std::string& message) {
    throw Error(ErrorCode::package_invalid, message, InputLocation{file, 0, 0, {}});
}

struct ArchiveClose {
    void operator()(zip_t* z) const noexcept { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ArchiveClose>;

Archive open_archive(const std::string& bytes, const std::string& file) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) fail(file, "не удаётся прочитать пакет DOCX");
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (z == nullptr) {
        zip_source_free(src);
        zip_error_fini(&error);
        fail(file, "файл не является документом DOCX (повреждённый или не ZIP-архив)");
    }
    zip_error_fini(&error);
    return Archive(z);
}

bool safe_name(const std::string& n) {
    if (n.empty() || n.front() == '/' || n.find('\\') != std::string::npos || n.find(':') != std::string::npos) return false;
    std::size_t start = 0;
    while (start <= n.size()) {
        const std::size_t end = std::min(n.find('/', start), n.size());
        if (n.compare(start, end - start, "..") == 0 && end - start == 2) return false;
        start = end + 1;
    }
    return true;
}

}  // namespace

Package::Package(std::string bytes, std::string display_name)
    : bytes_(std::move(bytes)), display_name_(std::move(display_name)) {
    if (bytes_.size() > PackageLimits::max_package_bytes) fail(display_name_, "файл DOCX слишком большой");
    Archive z = open_archive(bytes_, display_name_);
    const zip_int64_t n = zip_get_num_entries(z.get(), 0);
    if (n < 0 || static_cast<std::size_t>(n) > PackageLimits::max_entries) {
        fail(display_name_, "слишком много частей в пакете DOCX (" + std::to_string(n) + "; допускается не более " +
                                std::to_string(PackageLimits::max_entries) + ")");
    }
    std::size_t declared_total = 0;
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        if (zip_stat_index(z.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 || st.name == nullptr) {
            fail(display_name_, "повреждённый элемент пакета DOCX");
        }
        const std::string name = st.name;
        if (!safe_name(name)) fail(display_name_, "недопустимое имя части пакета «" + name + "»");
        declared_total += static_cast<std::size_t>(st.size);
        if (st.size > PackageLimits::max_entry_bytes || declared_total > PackageLimits::max_total_bytes) {
            fail(display_name_, "часть пакета «" + name + "» слишком велика после распаковки");
        }
        names_.push_back(name);
    }
}

bool Package::has(const std::string& entry) const {
    return std::find(names_.begin(), names_.end(), entry) != names_.end();
}

std::string Package::read(const std::string& entry) const {
    Archive z = open_archive(bytes_, display_name_);
    zip_file_t* f = zip_fopen(z.get(), entry.c_str(), 0);
    if (f == nullptr) fail(display_name_, "в пакете нет части «" + entry + "» или она повреждена");
    std::string out;
    char buf[65536];
    for (;;) {
        const zip_int64_t got = zip_fread(f, buf, sizeof buf);
        if (got < 0) {
            zip_fclose(f);
            fail(display_name_, "часть «" + entry + "» повреждена (ошибка распаковки)");
        }
        if (got == 0) break;
        out.append(buf, static_cast<std::size_t>(got));
        // The declared size can lie; the inflated bytes cannot.
        if (out.size() > PackageLimits::max_entry_bytes) {
            zip_fclose(f);
            fail(display_name_, "часть пакета «" + entry + "» слишком велика после распаковки");
        }
    }
    zip_fclose(f);
    return out;
}

std::string Package::with_replaced(const std::map<std::string, std::string>& replacements) const {
    zip_error_t error;
    zip_error_init(&error);
    // libzip 1.7 may free the buffer it was given once the archive is rewritten (it shares
    // unchanged fragments with the new one), so it gets a malloc'd copy it owns.
    void* own = std::malloc(bytes_.size());
    if (own == nullptr) fail(display_name_, "недостаточно памяти");
    std::memcpy(own, bytes_.data(), bytes_.size());
    zip_source_t* src = zip_source_buffer_create(own, bytes_.size(), 1, &error);
    zip_source_keep(src);  // survives zip_close: the result is read back from it
    zip_t* z = zip_open_from_source(src, 0, &error);
    if (z == nullptr) {
        zip_source_free(src);
        fail(display_name_, "не удаётся открыть пакет DOCX для записи");
    }
    for (const auto& [entry, content] : replacements) {
        const zip_int64_t idx = zip_name_locate(z, entry.c_str(), 0);
        zip_source_t* data = zip_source_buffer(z, content.data(), content.size(), 0);
        if (idx < 0 || data == nullptr || zip_file_replace(z, static_cast<zip_uint64_t>(idx), data, 0) != 0 ||
            zip_file_set_mtime(z, static_cast<zip_uint64_t>(idx), fixed_mtime, 0) != 0) {
            if (data != nullptr && idx < 0) zip_source_free(data);
            zip_discard(z);
            zip_source_free(src);
            fail(display_name_, "не удаётся записать часть «" + entry + "»");
        }
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        zip_source_free(src);
        fail(display_name_, "не удаётся записать пакет DOCX");
    }
    std::string out;
    zip_stat_t st;
    if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
        out.resize(static_cast<std::size_t>(st.size));
        const zip_int64_t got = zip_source_read(src, out.data(), out.size());
        zip_source_close(src);
        if (got < 0 || static_cast<std::size_t>(got) != out.size()) out.clear();
    }
    zip_source_free(src);
    if (out.empty()) fail(display_name_, "не удаётся прочитать записанный пакет DOCX");
    return out;
}

}  // namespace nastavnik::docx
