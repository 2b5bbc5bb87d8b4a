#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/pdf/render.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <iostream>

namespace nastavnik::cli {

int run_render(const std::vector<std::string>& argv) {
    std::vector<std::string> args;
    for (const auto& a : argv) args.push_back(a == "-o" ? "--out" : a);
    const Arguments parsed(args, {{"out"}, {"date"}, {"title"}, {"hyphenate", false}, {"quiet", false}});
    if (parsed.positional().size() != 1) {
        throw Error(ErrorCode::usage, "укажите один файл DOCX: nastavnik render ФАЙЛ.docx -o ФАЙЛ.pdf");
    }
    const std::filesystem::path in = parsed.positional().front();
    std::filesystem::path out = parsed.value("out").value_or("");
    if (out.empty()) out = std::filesystem::path(in).replace_extension(".pdf");
    pdf::RenderOptions options;
    options.file_name = in.string();
    options.title = parsed.value("title").value_or("");
    options.force_hyphenation = parsed.flag("hyphenate");
    if (const auto d = parsed.value("date")) {
        options.creation_date = Date::parse_iso(*d);
        if (!options.creation_date) throw Error(ErrorCode::usage, "--date: ожидается дата в формате ГГГГ-ММ-ДД, получено «" + *d + "»");
    }
    // The same limit as the package reader: a DOCX larger than this is refused there anyway.
    const std::string bytes = read_file(in, 128u << 20);
    const auto result = pdf::render_docx(bytes, options);
    write_file_atomic(out, result.pdf);
    if (!parsed.flag("quiet")) {
        for (const auto& w : result.warnings) std::cerr << "nastavnik: предупреждение: " << w.to_string() << "\n";
        std::cout << out.string() << ": " << result.pages << " с., " << result.pdf.size() << " байт\n";
    }
    return exit_code::ok;
}

}  // namespace nastavnik::cli
