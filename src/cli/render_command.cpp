#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/text/plural.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <iostream>
#include <thread>

namespace nastavnik::cli {

int run_render(const std::vector<std::string>& argv) {
    std::vector<std::string> args;
    for (const auto& a : argv) args.push_back(a == "-o" ? "--out" : a);
    const Arguments parsed(args, {{"out"}, {"outdir"}, {"date"}, {"title"}, {"hyphenate", false}, {"quiet", false},
                                   {"no-sync", false}, {"jobs"}});
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
    // are matched once for the whole batch; documents are rendered on all cores, as `batch`
    // does, unless --jobs says how many at a time.
    int jobs = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 64u));
    if (const auto j = parsed.value("jobs")) {
        try {
            jobs = std::stoi(*j);
        } catch (const std::exception&) {
            jobs = 0;
        }
        if (jobs < 1 || jobs > 64) throw Error(ErrorCode::usage, "--jobs: ожидается число от 1 до 64, получено «" + *j + "»");
    }
    if (const auto dir = parsed.value("outdir")) {
        std::error_code ec;
        std::filesystem::create_directories(*dir, ec);
        if (ec) throw Error(ErrorCode::io, "не удаётся создать папку для PDF: " + ec.message(), InputLocation{*dir, 0, 0, {}});
    }
    struct Job {
        std::filesystem::path in, out;
        std::string report;
        std::exception_ptr error;
    };
    std::vector<Job> batch;
    for (const auto& input : inputs) {
        Job job;
        job.in = input;
        job.out = parsed.value("out").value_or("");
        if (job.out.empty()) {
            const auto name = std::filesystem::path(job.in).replace_extension(".pdf").filename();
            job.out = parsed.value("outdir") ? std::filesystem::path(*parsed.value("outdir")) / name
                                             : std::filesystem::path(job.in).replace_extension(".pdf");
        }
        batch.push_back(std::move(job));
    }
    const bool sync = !parsed.flag("no-sync");
    auto render_one = [&](Job& job) {
        try {
            pdf::RenderOptions o = options;
            o.file_name = job.in.string();
            // The same limit as the package reader: a DOCX larger than this is refused there anyway.
            const std::string bytes = read_file(job.in, 128u << 20);
            const auto result = pdf::render_docx(bytes, o);
            write_file_atomic(job.out, result.pdf, sync);
            for (const auto& w : result.warnings) job.report += "nastavnik: предупреждение: " + w.to_string() + "\n";
            job.report += job.out.string() + ": " + std::to_string(result.pages) + " с., " +
                          text::with_noun(static_cast<long>(result.pdf.size()), "байт", "байта", "байт") + "\n";
        } catch (...) {
            job.error = std::current_exception();
        }
    };
    if (jobs == 1 || batch.size() == 1) {
        for (auto& job : batch) render_one(job);
    } else {
        pdf::prepare_for_threads();
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < jobs; ++t) {
            threads.emplace_back([&] {
                for (std::size_t i = next++; i < batch.size(); i = next++) render_one(batch[i]);
            });
        }
        for (auto& t : threads) t.join();
    }
    // Reports in the order of the files given, whatever order they were rendered in; the
    // first failure stops the command (files rendered before it stay written).
    for (const auto& job : batch) {
        if (job.error) std::rethrow_exception(job.error);
        if (!parsed.flag("quiet")) {
            std::cout << job.report.substr(job.report.rfind('\n', job.report.size() - 2) + 1);
            std::cerr << job.report.substr(0, job.report.rfind('\n', job.report.size() - 2) + 1);
        }
    }
    return exit_code::ok;
}

}  // namespace nastavnik::cli
