#include "nastavnik/batch/batch.hpp"
#include "nastavnik/core/error.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <csignal>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace nastavnik::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_signal(int) { interrupted.store(true); }

std::string clock_text(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

// On a terminal: one line redrawn in place. Elsewhere (a log, CI): a plain line every 5 %.
std::function<void(const batch::Progress&)> progress_printer(bool terminal) {
    return [terminal, last_step = std::size_t{0}](const batch::Progress& p) mutable {
        const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
        const double eta = rate > 0 ? static_cast<double>(p.total - p.done) / rate : 0;
        char line[256];
        if (terminal) {
            constexpr int width = 30;
            const int filled = static_cast<int>(width * p.done / std::max<std::size_t>(p.total, 1));
            std::string bar(static_cast<std::size_t>(filled), '#');
            bar += std::string(static_cast<std::size_t>(width - filled), '.');
            std::snprintf(line, sizeof line, "\r[%s] %zu/%zu · %.1f орг/с · осталось ~%s · ошибок: %zu, с нарушениями: %zu ",
                          bar.c_str(), p.done, p.total, rate, clock_text(eta).c_str(), p.failed, p.with_findings);
            std::cerr << line << (p.done == p.total ? "\n" : "") << std::flush;
            return;
        }
        const std::size_t step = p.done * 20 / std::max<std::size_t>(p.total, 1);
        if (step == last_step && p.done != p.total) return;
        last_step = step;
        std::snprintf(line, sizeof line, "обработано %zu из %zu (%.0f орг/с), ошибок обработки: %zu, с нарушениями: %zu",
                      p.done, p.total, rate, p.failed, p.with_findings);
        std::cerr << line << "\n";
    };
}

}  // namespace

int run_batch(const std::vector<std::string>& argv_in) {
    // -j N / -jN, as make and ninja spell it.
    std::vector<std::string> argv;
    for (std::size_t i = 0; i < argv_in.size(); ++i) {
        const auto& a = argv_in[i];
        if (a == "-j" && i + 1 < argv_in.size()) {
            argv.push_back("--jobs");
            argv.push_back(argv_in[++i]);
        } else if (a.size() > 2 && a.starts_with("-j") && a[2] != '-') {
            argv.push_back("--jobs=" + a.substr(2));
        } else {
            argv.push_back(a);
        }
    }
    const Arguments args(argv, {{"out"}, {"jobs"}, {"only", true, true}, {"format"}, {"as-of"}, {"date"}, {"data-dir"},
                                {"force", false}, {"reissue", false}, {"check-only", false}, {"quiet", false}});
    if (args.positional().size() != 1) {
        throw Error(ErrorCode::usage, "укажите папку муниципалитета (или его файл): nastavnik batch ПАПКА --out ПАПКА");
    }
    const auto out = args.value("out");
    if (!out || out->empty()) throw Error(ErrorCode::usage, "укажите папку для результатов: --out ПАПКА");
    const generate::OutputFormat format = output_format(args.value("format"));
    unsigned jobs = 0;
    if (const auto j = args.value("jobs")) {
        try {
            std::size_t used = 0;
            const int n = std::stoi(*j, &used);
            if (used != j->size() || n < 1 || n > 256) throw std::invalid_argument("range");
            jobs = static_cast<unsigned>(n);
        } catch (const std::exception&) {
            throw Error(ErrorCode::usage, "-j/--jobs: ожидается число потоков от 1 до 256, получено «" + *j + "»");
        }
    }
    if (const auto d = args.value("date"); d && !Date::parse_iso(*d)) {
        throw Error(ErrorCode::usage, "--date: ожидается дата в формате ГГГГ-ММ-ДД, получено «" + *d + "»");
    }
    const Date as_of = as_of_date(args.value("as-of"));
    const auto dir = data_dir(args.value("data-dir").value_or(""));
    const auto input = batch::load_municipality(args.positional().front());
    for (const auto& w : input.warnings) std::cerr << "nastavnik: предупреждение: " << w.to_string() << "\n";
    const auto catalog = rules::Catalog::load(dir / "rulesets");

    batch::Options options;
    options.out_dir = *out;
    options.templates_dir = dir / "templates";
    options.as_of = as_of;
    if (const auto d = args.value("date")) options.date = Date::parse_iso(*d);
    options.only = args.values("only");
    options.force = args.flag("force");
    options.reissue = args.flag("reissue");
    options.check_only = args.flag("check-only");
    options.format = format;
    options.jobs = jobs;
    if (!args.flag("quiet")) options.progress = progress_printer(::isatty(STDERR_FILENO) != 0);
    options.cancel = &interrupted;
    // Ctrl-C and kill finish the organisations in hand (every file is written whole, by
    // rename) and stop; nothing half-written is left, and a rerun starts over.
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    const auto result = batch::run(input, catalog, options);
    if (result.cancelled) {
        std::cerr << "nastavnik: прервано; готовые файлы организаций записаны целиком, сводка и manifest.json не "
                     "записаны — запустите команду снова\n";
        return 130;
    }
    const auto failed = result.count(batch::Status::failed);
    const auto refused = result.count(batch::Status::refused);
    const auto findings = result.count(batch::Status::findings);
    const auto violations = result.count(batch::Status::violations);
    const auto incomplete = result.count(batch::Status::incomplete);
    // The Сводка's sentence: a refused organisation counted with the violations.
    std::cout << result.statuses_in_words() << "\n";
    for (const auto& o : result.organisations) {
        if (o.status != batch::Status::failed) continue;
        std::cout << "  ошибка: " << o.label << (o.reasons.empty() ? "" : " — " + o.reasons.front().to_string()) << "\n";
    }
    if (result.municipal_errors + result.municipal_warnings + result.municipal_not_evaluable > 0) {
        std::cout << "Обязанности муниципалитета: не выполнено " << result.municipal_errors + result.municipal_warnings
                  << ", нет сведений " << result.municipal_not_evaluable << " (Результат проверки муниципалитета.txt)\n";
    }
    std::cout << "Результаты в папке " << *out << " (сводка: Сводка.txt, перечень файлов: manifest.json)\n";
    if (!options.check_only) warn_if_day_off(options.date.value_or(as_of), "--date ГГГГ-ММ-ДД");
    if (failed > 0) return exit_code::failure;
    if (refused > 0 || findings > 0 || violations > 0 || result.municipal_errors + result.municipal_warnings > 0) {
        return exit_code::findings;
    }
    if (incomplete > 0 || result.municipal_not_evaluable > 0) return exit_code::incomplete;
    return exit_code::ok;
}

}  // namespace nastavnik::cli
