#pragma once
// Reading user files with a size limit, and writing outputs atomically (a reader never sees
// a half-written file: write to a temporary name in the same folder, then rename).

#include <filesystem>
#include <string>
#include <string_view>

namespace nastavnik {

/// Throws Error(io) naming the file if it cannot be read or exceeds max_bytes.
std::string read_file(const std::filesystem::path& file, std::size_t max_bytes);

/// A size for a message: «512 Б», «12,5 КБ», «64 МБ» (abbreviations: no agreement with the number).
std::string size_text(std::size_t bytes);

/// Writes bytes to a temporary file beside `file` and renames it into place.
/// Throws Error(io) naming the file; no partial file is left behind.
/// `durable`: fsync before the rename. A batch of thousands of files passes false and calls
/// sync_file_system() once before its manifest — the same guarantee at one flush instead of
/// one per file (per-file fsync made 5 000 organisations superlinear on a loaded disk).
void write_file_atomic(const std::filesystem::path& file, std::string_view bytes, bool durable = true);

/// A name made from data, made safe as one file or folder name inside an output folder:
/// separators, control and reserved characters become «_», non-breaking spaces plain spaces,
/// no leading dot or space, no trailing dot or space, at most `max_bytes` (cut at a character
/// boundary); `fallback` if nothing is left. Without an extension.
std::string safe_file_stem(std::string name, std::size_t max_bytes, const std::string& fallback);

/// Flushes the file system holding `dir` (syncfs). Throws Error(io) naming the folder.
void sync_file_system(const std::filesystem::path& dir);

}  // namespace nastavnik
