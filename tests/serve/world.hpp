#pragma once
// A service on a random loopback port with a small world: two municipalities (A: two
// organisations, B: one), a user of every role, data uploaded by two organisations. Users are
// put in the store directly (known passwords); everything else goes through HTTP as people do.

#include "nastavnik/core/file_io.hpp"
#include "nastavnik/serve/service.hpp"
#include "nastavnik/store/store.hpp"
#include "serve/auth.hpp"
#include "serve/http_client.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

namespace nastavnik::test {

using store::Id;

inline std::string source_file(const std::string& relative) {
    return read_file(std::filesystem::path(NASTAVNIK_SOURCE_DIR) / relative, 64u << 20);
}

inline serve::Options test_options(const std::string& name) {
    serve::Options o;
    o.listen = "127.0.0.1:0";
    o.data = std::filesystem::path(NASTAVNIK_TEST_TMP) / name;
    std::filesystem::remove_all(o.data);
    o.home = NASTAVNIK_SOURCE_DIR;
    o.as_of = "2026-11-22";
    o.quiet = true;
    o.workers = 1;
    o.http_threads = 8;
    return o;
}

struct World {
    static constexpr const char* password = "correct-horse-battery-staple";
    serve::Options options;
    std::unique_ptr<serve::Service> service;
    std::unique_ptr<store::Store> db;  // a second connection to the same database, for seeding
    Id mun_a = 0, mun_b = 0, org_a1 = 0, org_a2 = 0, org_b1 = 0;
    Id admin = 0, municipal_a = 0, org_user_a1 = 0, org_user_b1 = 0, inspector = 0, editor = 0, dummy = 0;
    Id sub_a1 = 0, sub_b1 = 0;

    explicit World(const std::string& name, const std::function<void(serve::Options&)>& tweak = {},
                   const std::string& org_name_a1 = "Гимназия А1") {
        options = test_options(name);
        if (tweak) tweak(options);
        service = std::make_unique<serve::Service>(options);
        db = std::make_unique<store::Store>("sqlite", (options.data / "nastavnik.db").string());
        mun_a = db->add_municipality({0, "Барнаул", "Алтайский край", 0});
        mun_b = db->add_municipality({0, "Бийск", "Алтайский край", 0});
        org_a1 = db->add_organisation({0, mun_a, org_name_a1});
        org_a2 = db->add_organisation({0, mun_a, "Школа А2"});
        org_b1 = db->add_organisation({0, mun_b, "Школа Б1"});
        const std::string hash = serve::hash_password(password);
        auto user = [&](const std::string& login, store::Role role, Id org, Id mun) {
            store::User u;
            u.login = login;
            u.display_name = login;
            u.role = role;
            u.password_hash = hash;
            u.organisation_id = org;
            u.municipality_id = mun;
            return db->add_user(u);
        };
        admin = user("admin", store::Role::admin, 0, 0);
        municipal_a = user("mun-a", store::Role::municipal, 0, mun_a);
        org_user_a1 = user("org-a1", store::Role::organisation, org_a1, 0);
        org_user_b1 = user("org-b1", store::Role::organisation, org_b1, 0);
        inspector = user("inspector", store::Role::inspector, 0, 0);
        editor = user("editor", store::Role::editor, 0, 0);
        dummy = user("dummy", store::Role::organisation, org_a2, 0);
        db->assign_inspector(inspector, org_a1);
        service->start();
    }

    ~World() {
        if (service) service->stop();
    }

    [[nodiscard]] std::uint16_t port() const { return service->port(); }

    Client client(const std::string& login) {
        Client c(port());
        const auto r = c.login(login, password);
        BOOST_REQUIRE_MESSAGE(r.status == 200, "login " + login + ": " + std::to_string(r.status) + " " + r.body);
        return c;
    }

    /// Uploads a file as the organisation's user; returns the submission id.
    Id submit(const std::string& login, Id org, const std::string& file_name, const std::string& bytes, int year = 2026) {
        Client c = client(login);
        const auto r = c.upload("/api/orgs/" + std::to_string(org) + "/submissions", file_name, bytes, {{"year", std::to_string(year)}});
        BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
        return r.json()->getValue<Id>("submission");
    }

    /// Waits for a job to leave the queue (a bounded wait: the test fails rather than hangs).
    store::Job wait_job(Id id, int seconds = 120) {
        for (int i = 0; i < seconds * 20; ++i) {
            const auto j = db->job(id);
            if (j && (j->state == "done" || j->state == "failed")) return *j;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        BOOST_FAIL("job " + std::to_string(id) + " did not finish");
        return {};
    }
};

}  // namespace nastavnik::test
