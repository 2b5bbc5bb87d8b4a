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
    const Arguments parsed(args, {{"out"}, {"outdir"}, {"date"}, {"title"}, {"hyphenate", false}, {"quiet", false},
                                   {"no-sync", false}});
    const auto& inputs = parsed.positional();
    if (inputs.empty()) {
        throw Error(ErrorCode::usage, "укажите файл DOCX: nastavnik render ФАЙЛ.docx -o ФАЙЛ.pdf");
    }
    if (parsed.value("out") && inputs.size() != 1) {
        throw Error(ErrorCode::usage, "-o задаёт имя одного файла; для нескольких документов укажите --outdir ПАПКА");
    }
    pdf::RenderOptions options;
    options.title = parsed.value("title").value_or("");
    options.force_hyphenation = parsed.flag("hyphenate");
    if (const auto d = parsed.value("date")) {
        options.creation_date = Date::parse_iso(*d);
        if (!options.creation_date) throw Error(ErrorCode::usage, "--date: ожидается дата в формате ГГГГ-ММ-ДД, получено «" + *d + "»");
    }
    // Several documents in one process, like `soffice --convert-to pdf a.docx b.docx`: fonts
    // are matched once for the whole batch.
    for (const auto& input : inputs) {
        const std::filesystem::path in = input;
        std::filesystem::path out = parsed.value("out").value_or("");
        if (out.empty()) {
            const auto name = std::filesystem::path(in).replace_extension(".pdf").filename();
            out = parsed.value("outdir") ? std::filesystem::path(*parsed.value("outdir")) / name
                                         : std::filesystem::path(in).replace_extension(".pdf");
        }
        options.file_name = in.string();
        // The same limit as the package reader: a DOCX larger than this is refused there anyway.
        const std::string bytes = read_file(in, 128u << 20);
        const auto result = pdf::render_docx(bytes, options);
        write_file_atomic(out, result.pdf, !parsed.flag("no-sync"));
        if (!parsed.flag("quiet")) {
            for (const auto& w : result.warnings) std::cerr << "nastavnik: предупреждение: " << w.to_string() << "\n";
            std::cout << out.string() << ": " << result.pages << " с., " << result.pdf.size() << " байт\n";
        }
    }
    return exit_code::ok;
}

}  // namespace nastavnik::cli
