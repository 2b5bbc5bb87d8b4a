#include "nastavnik/core/error.hpp"
#include "nastavnik/serve/service.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <csignal>
#include <iostream>
#include <pthread.h>

namespace nastavnik::cli {

namespace {

unsigned count_option(const Arguments& args, const std::string& name, unsigned fallback, unsigned max) {
    const auto v = args.value(name);
    if (!v) return fallback;
    try {
        std::size_t used = 0;
        const long n = std::stol(*v, &used);
        if (used == v->size() && n >= 1 && n <= static_cast<long>(max)) return static_cast<unsigned>(n);
    } catch (const std::exception&) {
    }
    throw Error(ErrorCode::usage, "--" + name + ": ожидается число от 1 до " + std::to_string(max) + ", получено «" + *v + "»");
}

int serve(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"listen"}, {"data"}, {"data-dir"}, {"database"}, {"workers"}, {"threads"}, {"max-upload-mb"},
                                {"as-of"}, {"create-admin"}, {"tls-cert"}, {"tls-key"}, {"secure-cookie", false}, {"quiet", false}, {"job-stale-seconds"}});
    if (!args.positional().empty()) throw Error(ErrorCode::usage, "serve: лишний параметр «" + args.positional().front() + "»");
    serve::Options options;
    options.listen = args.value("listen").value_or("127.0.0.1:8080");
    options.data = args.value("data").value_or("nastavnik-data");
    options.home = data_dir(args.value("data-dir").value_or(""));
    options.database = args.value("database").value_or("");
    options.workers = count_option(args, "workers", 2, 64);
    options.http_threads = count_option(args, "threads", 16, 1024);
    options.max_upload_bytes = std::size_t{count_option(args, "max-upload-mb", 16, 64)} << 20;
    options.job_stale_seconds = static_cast<int>(count_option(args, "job-stale-seconds", 60, 86400));
    options.secure_cookie = args.flag("secure-cookie");
    options.tls_certificate = args.value("tls-cert").value_or("");
    options.tls_key = args.value("tls-key").value_or("");
    options.quiet = args.flag("quiet");
    if (const auto d = args.value("as-of")) {
        (void)as_of_date(d);  // usage error for a malformed date
        options.as_of = *d;
    }
    if (const auto login = args.value("create-admin")) {
        const std::string password = serve::create_admin(options, *login);
        std::cout << "Администратор «" << *login << "». Временный пароль (показывается один раз, смените его при первом входе):\n"
                  << password << "\n";
        return exit_code::ok;
    }
    // The signals are taken by this thread only (sigwait); the service's threads never see them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    serve::Service service(options);
    service.start();
    std::cerr << "nastavnik serve: " << (options.tls_certificate.empty() ? "http" : "https") << "://" << options.listen.substr(0, options.listen.rfind(':')) << ":" << service.port()
              << "/ (данные: " << options.data.string() << "); остановка — Ctrl-C\n";
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "nastavnik serve: остановка\n";
    service.stop();
    return exit_code::ok;
}

}  // namespace

}  // namespace nastavnik::cli

// The module's one entry, found by run_serve (serve_loader.cpp) with dlsym.
extern "C" __attribute__((visibility("default"))) int nastavnik_serve_main(const std::vector<std::string>& argv) {
    return nastavnik::cli::serve(argv);
}
