#pragma once
// Reading user files with a size limit, and writing outputs atomically (a reader never sees
// a half-written file: write to a temporary name in the same folder, then rename).

#include <filesystem>
#include <string>
#include <string_view>

namespace nastavnik {

/// Throws Error(io) naming the file if it cannot be read or exceeds max_bytes.
std::string read_file(const std::filesystem::path& file, std::size_t max_bytes);

/// Writes bytes to a temporary file beside `file` and renames it into place.
/// Throws Error(io) naming the file; no partial file is left behind.
void write_file_atomic(const std::filesystem::path& file, std::string_view bytes);

}  // namespace nastavnik
