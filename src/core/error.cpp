#include "nastavnik/core/error.hpp"

#include <filesystem>

namespace nastavnik {

namespace {

std::string join_messages(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.to_string();
    }
    return text;
}

std::string origin_text(const std::source_location& origin) {
    return std::filesystem::path(origin.file_name()).filename().string() + ":" +
           std::to_string(origin.line());
}

}  // namespace

std::string InputLocation::prefix() const {
    std::string text = file;
    if (!place.empty()) return text.empty() ? place : text + ": " + place;
    if (line > 0) {
        text += ":" + std::to_string(line);
        if (column > 0) text += ":" + std::to_string(column);
    }
    return text;
}

std::string Diagnostic::to_string() const {
    std::string text = where.prefix();
    if (!where.path.empty() && where.place.empty()) text += (text.empty() ? "" : ": ") + where.path;
    if (!text.empty()) text += ": ";
    return text + message;
}

Error::Error(ErrorCode code, std::string message, InputLocation where, std::source_location origin)
    : Error(code, std::vector<Diagnostic>{Diagnostic{std::move(where), std::move(message)}}, origin) {}

Error::Error(ErrorCode code, std::vector<Diagnostic> diagnostics, std::source_location origin)
    : std::runtime_error(join_messages(diagnostics)),
      code_(code),
      diagnostics_(std::move(diagnostics)),
      origin_(origin_text(origin)) {}

void DiagnosticSink::add(InputLocation where, std::string message) {
    items_.push_back(Diagnostic{std::move(where), std::move(message)});
}

void DiagnosticSink::throw_if_any(ErrorCode code, std::source_location origin) const {
    if (!items_.empty()) throw Error(code, items_, origin);
}

}  // namespace nastavnik
