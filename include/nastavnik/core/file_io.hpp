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
/// Throws Error(io) naming the file; no partial file is left behind. `sync` = false skips the
/// fsync (the file still appears whole, but may be lost on a power cut): for batches whose
/// caller can redo them, where waiting for the disk per file dominates the run time.
void write_file_atomic(const std::filesystem::path& file, std::string_view bytes, bool sync = true);

}  // namespace nastavnik
