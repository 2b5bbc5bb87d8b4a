#include "nastavnik/core/file_io.hpp"

#include "nastavnik/core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace nastavnik {

std::string read_file(const std::filesystem::path& file, std::size_t max_bytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        throw Error(ErrorCode::io, "это папка, а ожидался файл", InputLocation{file.string(), 0, 0, {}});
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::io,
                    std::string("не удаётся открыть файл: ") +
                        (errno == ENOENT ? "файл не найден" : std::strerror(errno)),
                    InputLocation{file.string(), 0, 0, {}});
    }
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > max_bytes) {
        throw Error(ErrorCode::io,
                    "файл слишком большой (" + std::to_string(size) + " байт; допускается не более " +
                        std::to_string(max_bytes) + ")",
                    InputLocation{file.string(), 0, 0, {}});
    }
    std::string data;
    data.resize(ec ? 0 : static_cast<std::size_t>(size));
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    if (!in && !in.eof()) {
        throw Error(ErrorCode::io, "ошибка чтения файла", InputLocation{file.string(), 0, 0, {}});
    }
    return data;
}

void write_file_atomic(const std::filesystem::path& file, std::string_view bytes, bool sync) {
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
    if ((sync && ::fsync(fd) != 0) || ::close(fd) != 0) {
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

}  // namespace nastavnik
