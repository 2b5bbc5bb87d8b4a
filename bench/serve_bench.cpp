// The service under load (issue 16), on loopback, in Release:
//   1. 100 simulated users at once, each uploading its organisation's data (checked on
//      upload) and reading the check report, several rounds: p50 / p99 latency, errors;
//   2. one organisation's check served: upload → check → answer, p50 / p99;
//   3. a full package (every document, DOCX and PDF) for one organisation: order → done;
//   4. memory over 10 000 requests: resident size after 1 000, 5 000 and 10 000.
// The server runs in this process (the same Service the CLI starts); users are made in the
// store directly, everything else goes over HTTP with keep-alive connections, as browsers do.
//   bench_serve [--users 100] [--rounds 5] [--requests 10000] [--data DIR]

#include "nastavnik/core/file_io.hpp"
#include "nastavnik/serve/service.hpp"
#include "nastavnik/store/store.hpp"
#include "serve/auth.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using nastavnik::store::Id;

struct Answer {
    int status = 0;
    std::string body;
};

// One user's browser: one keep-alive connection, its session cookie and CSRF token.
class User {
public:
    explicit User(std::uint16_t port) : session_("127.0.0.1", port) {
        session_.setKeepAlive(true);
        session_.setTimeout(Poco::Timespan(120, 0));
    }

    Answer send(const std::string& method, const std::string& path, const std::string& body = {}, const std::string& type = {}) {
        for (int attempt = 0;; ++attempt) {
            try {
                Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
                req.setKeepAlive(true);
                if (!cookie_.empty()) req.set("Cookie", "nastavnik_session=" + cookie_);
                if (!csrf_.empty()) req.set("X-CSRF-Token", csrf_);
                if (!type.empty()) req.setContentType(type);
                if (method == "POST") req.setContentLength(static_cast<std::streamsize>(body.size()));
                session_.sendRequest(req) << body;
                Poco::Net::HTTPResponse res;
                auto& in = session_.receiveResponse(res);
                Answer a;
                a.status = static_cast<int>(res.getStatus());
                Poco::StreamCopier::copyToString(in, a.body);
                for (const auto& [k, v] : res) {
                    if (Poco::icompare(k, "Set-Cookie") == 0 && v.starts_with("nastavnik_session=")) cookie_ = v.substr(18, v.find(';') - 18);
                }
                return a;
            } catch (const Poco::Exception&) {
                // The server closed an idle keep-alive connection: a browser reconnects too.
                session_.reset();
                if (attempt == 1) throw;
            }
        }
    }

    bool login(const std::string& name, const std::string& password) {
        const auto a = send("POST", "/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + password + "\"}", "application/json");
        if (a.status != 200) return false;
        csrf_ = Poco::JSON::Parser().parse(a.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("csrf");
        return true;
    }

    Answer upload(const std::string& path, const std::string& file_name, const std::string& bytes) {
        const std::string b = "----bench-boundary";
        const std::string body = "--" + b + "\r\nContent-Disposition: form-data; name=\"year\"\r\n\r\n2026\r\n--" + b +
                                 "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
                                 "\"\r\nContent-Type: application/json\r\n\r\n" + bytes + "\r\n--" + b + "--\r\n";
        return send("POST", path, body, "multipart/form-data; boundary=" + b);
    }

private:
    Poco::Net::HTTPClientSession session_;
    std::string cookie_;
    std::string csrf_;
};

long rss_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return 0;
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
    std::vector<double> samples;
    void add(double v) { samples.push_back(v); }
    double pct(double p) {
        if (samples.empty()) return 0;
        std::sort(samples.begin(), samples.end());
        const auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(samples.size() - 1) + 0.5);
        return samples[std::min(i, samples.size() - 1)];
    }
};

}  // namespace

int main(int argc, char** argv) {
    int users = 100, rounds = 5, requests = 10000;
    std::filesystem::path data = "/tmp/nastavnik-serve-bench";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        if (k == "--users") users = std::atoi(argv[i + 1]);
        else if (k == "--rounds") rounds = std::atoi(argv[i + 1]);
        else if (k == "--requests") requests = std::atoi(argv[i + 1]);
        else if (k == "--data") data = argv[i + 1];
    }
    std::filesystem::remove_all(data);
    nastavnik::serve::Options o;
    o.listen = "127.0.0.1:0";
    o.data = data;
    o.home = NASTAVNIK_SOURCE_DIR;
    o.as_of = "2026-11-22";
    o.quiet = true;
    o.http_threads = 16;
    o.workers = 2;
    nastavnik::serve::Service service(o);
    const std::string password = "bench-password-123";
    {
        nastavnik::store::Store db("sqlite", (data / "nastavnik.db").string());
        const Id mun = db.add_municipality({0, "Бийск", "Алтайский край", 0});
        // One hash for all: the bench measures serving, and Argon2id costs the same for each.
        const std::string hash = nastavnik::serve::hash_password(password);
        for (int i = 0; i < users; ++i) {
            const Id org = db.add_organisation({0, mun, "Организация " + std::to_string(i + 1)});
            nastavnik::store::User u;
            u.login = "user" + std::to_string(i + 1);
            u.display_name = u.login;
            u.role = nastavnik::store::Role::organisation;
            u.password_hash = hash;
            u.organisation_id = org;
            db.add_user(u);
        }
    }
    service.start();
    const std::uint16_t port = service.port();
    const std::string dir = std::string(NASTAVNIK_SOURCE_DIR) + "/samples/municipality-biysk/";
    std::vector<std::string> files;
    for (int i = 1; i <= 15; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "org-%05d.json", i);
        files.push_back(nastavnik::read_file(dir + name, 1 << 24));
    }

    // 1. 100 users at once.
    std::mutex mu;
    Stats upload_stats, page_stats, login_stats;
    std::atomic<int> errors{0}, done_requests{0};
    Clock::time_point uploads_started;
    std::barrier logged_in(users, [&]() noexcept { uploads_started = Clock::now(); });
    std::vector<std::thread> threads;
    for (int i = 0; i < users; ++i) {
        threads.emplace_back([&, i] {
            bool arrived = false;
            try {
                User u(port);
                auto t0 = Clock::now();
                if (!u.login("user" + std::to_string(i + 1), password)) {
                    ++errors;
                    arrived = true;
                    logged_in.arrive_and_drop();
                    return;
                }
                {
                    std::lock_guard lock(mu);
                    login_stats.add(ms(Clock::now() - t0));
                }
                // Everybody logged in first: the uploads then really happen at once.
                arrived = true;
                logged_in.arrive_and_wait();
                const std::string org = "/api/orgs/" + std::to_string(i + 1);
                for (int r = 0; r < rounds; ++r) {
                    t0 = Clock::now();
                    const auto a = u.upload(org + "/submissions", "org.json", files[static_cast<std::size_t>(i + r) % files.size()]);
                    const double up = ms(Clock::now() - t0);
                    if (a.status != 201) {
                        ++errors;
                        std::lock_guard lock(mu);
                        std::cerr << "upload: " << a.status << " " << a.body.substr(0, 200) << "\n";
                        continue;
                    }
                    const auto href = Poco::JSON::Parser().parse(a.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("href");
                    t0 = Clock::now();
                    const auto p = u.send("GET", href);  // the report page (HTML), as a browser would
                    const double page = ms(Clock::now() - t0);
                    if (p.status != 200) ++errors;
                    done_requests += 2;
                    std::lock_guard lock(mu);
                    upload_stats.add(up);
                    page_stats.add(page);
                }
            } catch (const std::exception& e) {
                ++errors;
                if (!arrived) logged_in.arrive_and_drop();
                std::lock_guard lock(mu);
                std::cerr << "user " << i << ": " << e.what() << "\n";
            }
        });
    }
    for (auto& t : threads) t.join();
    const double wall = ms(Clock::now() - uploads_started) / 1000.0;
    std::printf("1. %d пользователей одновременно, по %d загрузок с проверкой и просмотру отчёта\n", users, rounds);
    std::printf("   вход (Argon2id): p50 %.0f мс, p99 %.0f мс\n", login_stats.pct(50), login_stats.pct(99));
    std::printf("   загрузка+проверка: p50 %.1f мс, p99 %.1f мс; страница отчёта: p50 %.1f мс, p99 %.1f мс\n", upload_stats.pct(50),
                upload_stats.pct(99), page_stats.pct(50), page_stats.pct(99));
    std::printf("   после входа всех: запросов %d за %.1f с (%.0f в секунду), ошибок: %d\n", done_requests.load(), wall,
                done_requests.load() / wall, errors.load());

    // 2. One organisation's check, alone.
    User one(port);
    one.login("user1", password);
    Stats check;
    for (int i = 0; i < 200; ++i) {
        const auto t0 = Clock::now();
        const auto a = one.upload("/api/orgs/1/submissions", "org.json", files[static_cast<std::size_t>(i) % files.size()]);
        check.add(ms(Clock::now() - t0));
        if (a.status != 201) ++errors;
    }
    std::printf("2. проверка одной организации (загрузка → проверка → ответ), 200 раз: p50 %.1f мс, p99 %.1f мс\n", check.pct(50), check.pct(99));

    // 3. A full package.
    Stats package;
    int documents = 0;
    for (int i = 0; i < 10; ++i) {
        const auto a = one.upload("/api/orgs/1/submissions", "org.json", files[0]);
        const auto sub = Poco::JSON::Parser().parse(a.body).extract<Poco::JSON::Object::Ptr>()->getValue<Id>("submission");
        const auto t0 = Clock::now();
        const auto j = one.send("POST", "/api/orgs/1/submissions/" + std::to_string(sub) + "/package", "{}", "application/json");
        const auto href = Poco::JSON::Parser().parse(j.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("href");
        for (;;) {
            const auto s = one.send("GET", "/api" + href);
            const auto job = Poco::JSON::Parser().parse(s.body).extract<Poco::JSON::Object::Ptr>()->getObject("job");
            const auto state = job->getValue<std::string>("state");
            if (state == "done") {
                documents = static_cast<int>(Poco::JSON::Parser().parse(s.body).extract<Poco::JSON::Object::Ptr>()->getArray("files")->size());
                break;
            }
            if (state == "failed") {
                ++errors;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        package.add(ms(Clock::now() - t0));
    }
    std::printf("3. полный пакет одной организации (%d файлов DOCX и PDF), заказ → готов, 10 раз: p50 %.0f мс, p99 %.0f мс\n", documents,
                package.pct(50), package.pct(99));

    // 4. Memory over many requests: pages and uploads in turn.
    // Organisation 2's pages (a few submissions) are read; the uploads go to organisation 3.
    User two(port), three(port);
    two.login("user2", password);
    three.login("user3", password);
    const auto subs = Poco::JSON::Parser().parse(two.send("GET", "/api/orgs/2").body).extract<Poco::JSON::Object::Ptr>();
    const std::string report = subs->getArray("years")->getObject(0)->getArray("submissions")->getObject(0)->getValue<std::string>("href");
    long at1k = 0, at5k = 0;
    const long start_rss = rss_kb();
    for (int i = 1; i <= requests; ++i) {
        const auto a = (i % 4 == 0) ? three.upload("/api/orgs/3/submissions", "org.json", files[static_cast<std::size_t>(i) % files.size()])
                                    : two.send("GET", i % 4 == 1 ? "/orgs/2" : i % 4 == 2 ? report : "/api/orgs/2");
        if (a.status >= 400) ++errors;
        if (i == 1000) at1k = rss_kb();
        if (i == 5000) at5k = rss_kb();
    }
    const long end_rss = rss_kb();
    std::printf("4. память процесса за %d запросов: в начале %ld МБ, после 1 000 — %ld МБ, 5 000 — %ld МБ, %d — %ld МБ\n", requests,
                start_rss / 1024, at1k / 1024, at5k / 1024, requests, end_rss / 1024);
    std::printf("Ошибок всего: %d\n", errors.load());
    service.stop();
    return errors.load() == 0 ? 0 : 1;
}
