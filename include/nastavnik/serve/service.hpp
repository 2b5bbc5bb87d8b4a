#pragma once
// `serve`: the HTTP door to the pipeline (docs/ru/service.md, docs/ru/api.md). Pages in Russian and
// a JSON API on the same routes, for the five roles of a municipality's education department;
// every request authorised on the server for the role and the organisation. It calls the same
// stage functions as the CLI and holds no rule or document logic of its own.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace nastavnik::serve {

struct Options {
    std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free one (tests)
    std::filesystem::path data;             // the service's own folder: database, uploads, packages
    std::filesystem::path home;             // rulesets/, templates/, web/ as installed
    std::string database;                   // empty: SQLite file data/nastavnik.db; else "postgresql:…"
    unsigned http_threads = 16;             // requests served at once
    unsigned workers = 2;                   // generation jobs at once (the bounded pool)
    std::size_t max_upload_bytes = 16u << 20;
    bool secure_cookie = false;             // behind TLS (a reverse proxy): cookies marked Secure
    std::filesystem::path tls_certificate;  // both set: HTTPS directly (Poco NetSSL), cookies Secure
    std::filesystem::path tls_key;
    std::optional<std::string> as_of;       // ISO date checks are made for; default: today
    int job_stale_seconds = 60;             // a running job without heartbeat this long is re-run or failed
    int login_attempts = 5;                 // failures per login within the window before it is locked
    int login_window_seconds = 900;
    bool quiet = false;                     // no access log on stderr
};

class Service {
public:
    explicit Service(Options options);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    /// Starts listening and the job workers. Throws Error(io) if the address is taken.
    void start();
    /// Stops taking requests, lets running ones finish, stops the workers.
    void stop();
    [[nodiscard]] std::uint16_t port() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

/// Creates (or resets the password of) an administrator; returns a one-time password the
/// administrator must change at first login.
std::string create_admin(const Options& options, const std::string& login);

}  // namespace nastavnik::serve
