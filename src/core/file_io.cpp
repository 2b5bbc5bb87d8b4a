#include "nastavnik/core/file_io.hpp"

#include "nastavnik/core/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nastavnik {

std::string size_text(std::size_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + "\u00A0Б";
    const bool mega = bytes >= (1u << 20);
    const std::size_t tenths = (bytes * 10 + (mega ? (1u << 19) : 512)) / (mega ? (1u << 20) : 1024);
    std::string text = std::to_string(tenths / 10);
    if (tenths % 10 != 0) text += "," + std::to_string(tenths % 10);
    return text + (mega ? "\u00A0МБ" : "\u00A0КБ");
}

std::string read_file(const std::filesystem::path& file, std::size_t max_bytes) {
    // open/fstat/read rather than an ifstream: a batch reads a thousand files, and the stream's
    // buffer and locale machinery cost more than the read itself.
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int saved = errno;
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec)) {
            throw Error(ErrorCode::io, "это папка, а ожидался файл", InputLocation{file.string(), 0, 0, {}});
        }
        throw Error(ErrorCode::io,
                    std::string("не удаётся открыть файл: ") + (saved == ENOENT ? "файл не найден" : std::strerror(saved)),
                    InputLocation{file.string(), 0, 0, {}});
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        throw Error(ErrorCode::io, "ошибка чтения файла", InputLocation{file.string(), 0, 0, {}});
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw Error(ErrorCode::io, "это папка, а ожидался файл", InputLocation{file.string(), 0, 0, {}});
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        throw Error(ErrorCode::io,
                    size_text(size) == size_text(max_bytes)
                        ? "файл слишком большой (больше " + size_text(max_bytes) + ")"
                        : "файл слишком большой (" + size_text(size) + "; допускается не более " + size_text(max_bytes) + ")",
                    InputLocation{file.string(), 0, 0, {}});
    }
    // A regular file is read at its size; a pipe or device in chunks until its end, within
    // the same limit.
    const bool regular = S_ISREG(st.st_mode);
    std::string data;
    data.resize(regular ? size : std::min<std::size_t>(max_bytes + 1, 1u << 16));
    std::size_t done = 0;
    for (;;) {
        if (done == data.size()) {
            if (regular) break;
            if (data.size() > max_bytes) {
                ::close(fd);
                throw Error(ErrorCode::io, "файл слишком большой (допускается не более " + size_text(max_bytes) + ")",
                            InputLocation{file.string(), 0, 0, {}});
            }
            data.resize(std::min(data.size() * 2, max_bytes + 1));
        }
        const ssize_t n = ::read(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            throw Error(ErrorCode::io, "ошибка чтения файла", InputLocation{file.string(), 0, 0, {}});
        }
        if (n == 0) break;  // the end (of a regular file: shorter than it was a moment ago)
        done += static_cast<std::size_t>(n);
    }
    if (done > max_bytes) {
        ::close(fd);
        throw Error(ErrorCode::io, "файл слишком большой (допускается не более " + size_text(max_bytes) + ")",
                    InputLocation{file.string(), 0, 0, {}});
    }
    data.resize(done);
    ::close(fd);
    return data;
}

void write_file_atomic(const std::filesystem::path& file, std::string_view bytes, bool durable) {
    const std::filesystem::path tmp = file.string() + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw Error(ErrorCode::io, std::string("не удаётся создать файл: ") + std::strerror(errno),
                    InputLocation{file.string(), 0, 0, {}});
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            throw Error(ErrorCode::io, std::string("ошибка записи файла: ") + std::strerror(saved),
                        InputLocation{file.string(), 0, 0, {}});
        }
        done += static_cast<std::size_t>(n);
    }
    if ((durable && ::fsync(fd) != 0) || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        throw Error(ErrorCode::io, "ошибка записи файла на диск", InputLocation{file.string(), 0, 0, {}});
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmp.c_str());
        throw Error(ErrorCode::io, std::string("не удаётся сохранить файл: ") + std::strerror(saved),
                    InputLocation{file.string(), 0, 0, {}});
    }
}

std::string safe_file_stem(std::string name, std::size_t max_bytes, const std::string& fallback) {
    // Non-breaking spaces belong in documents, not in file names.
    for (std::size_t pos; (pos = name.find("\u00A0")) != std::string::npos;) name.replace(pos, 2, " ");
    for (char& c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\' || u < 0x20 || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '_';
    }
    while (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.erase(name.begin());
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();  // "И.О..docx"
    if (name.size() > max_bytes) {
        name.resize(max_bytes);
        while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
        if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0xC0) name.pop_back();
    }
    return name.empty() ? fallback : name;
}

void sync_file_system(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
        const int saved = errno;
        if (fd >= 0) ::close(fd);
        throw Error(ErrorCode::io, std::string("не удаётся записать файлы на диск: ") + std::strerror(saved),
                    InputLocation{dir.string(), 0, 0, {}});
    }
    ::close(fd);
}

}  // namespace nastavnik
