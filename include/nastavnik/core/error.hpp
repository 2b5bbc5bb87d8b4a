#pragma once
// One exception type for everything that stops a run. It carries two locations:
// where in the *user's input* (file, line, column, field path or template paragraph) —
// what the user needs — and where in *our code* it was raised — what a developer needs.
// Findings of a compliance check are data, not exceptions.

#include <source_location>
#include <stdexcept>
#include <string>
#include <vector>

namespace nastavnik {

enum class ErrorCode {
    usage,             // bad command line
    io,                // cannot read or write a file
    json_syntax,       // input is not well-formed JSON
    data_invalid,      // well-formed input that breaks the organisation format
    ruleset_invalid,   // a ruleset file that does not load
    xpath,             // an expression that does not compile or evaluate
    template_invalid,  // a DOCX template with bad tags or a broken package
    package_invalid,   // a zip/DOCX package that is hostile or malformed
    generation_refused,// data violates error-level rules and --force was not given
    internal,
};

/// Where in the user's input something is. Every part is optional.
struct InputLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string path;  // JSON field path ("pairs[2].programme.end"), rule id, template paragraph …
    // A place in a workbook in words («лист «Сотрудники», ячейка D7 («Дата рождения»)»): when
    // set, it stands for line and column, and the JSON path (internal to a workbook's user) is
    // left out of messages.
    std::string place{};

    /// "file:line:column", or "file: place" (parts that are unknown are left out).
    [[nodiscard]] std::string prefix() const;
};

/// One message for the user (Russian), with its location.
struct Diagnostic {
    InputLocation where;
    std::string message;

    /// "file:line:column: path: message"
    [[nodiscard]] std::string to_string() const;
};

class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string message, InputLocation where = {},
          std::source_location origin = std::source_location::current());
    Error(ErrorCode code, std::vector<Diagnostic> diagnostics,
          std::source_location origin = std::source_location::current());

    [[nodiscard]] ErrorCode code() const noexcept { return code_; }
    /// All problems found (at least one). Reporting stages collect every problem before throwing.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
    /// Where in our code the error was raised ("src/input/json_reader.cpp:42").
    [[nodiscard]] const std::string& origin() const noexcept { return origin_; }

private:
    ErrorCode code_;
    std::vector<Diagnostic> diagnostics_;
    std::string origin_;
};

/// Collects diagnostics and throws them together: stages report every problem at once.
class DiagnosticSink {
public:
    void add(InputLocation where, std::string message);
    [[nodiscard]] bool empty() const noexcept { return items_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    /// Throws Error(code, all diagnostics) if any were added.
    void throw_if_any(ErrorCode code,
                      std::source_location origin = std::source_location::current()) const;

private:
    std::vector<Diagnostic> items_;
};

}  // namespace nastavnik
