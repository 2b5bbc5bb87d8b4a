// The store on SQLite: migrations applied once and in order, the job queue safe between two
// connections (two service instances), sessions and login failures by time.

#include "nastavnik/store/store.hpp"

#include <boost/test/unit_test.hpp>

#include <Poco/Data/Session.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace nastavnik::store {
namespace {

// SQLite by default. With NASTAVNIK_TEST_POSTGRESQL set to a libpq connection string (and a
// build with -DNASTAVNIK_POSTGRESQL=ON) the same cases run on PostgreSQL, on an emptied schema:
// the store's SQL is one text for both.
const char* postgres() {
    const char* c = std::getenv("NASTAVNIK_TEST_POSTGRESQL");
    return c != nullptr && *c != '\0' ? c : nullptr;
}

std::string fresh_db(const std::string& name) {
    if (const char* pg = postgres()) {
        Store s("postgresql", pg);  // registers the connector, migrates
        Poco::Data::Session raw("postgresql", pg);
        raw << "DROP SCHEMA public CASCADE", Poco::Data::Keywords::now;
        raw << "CREATE SCHEMA public", Poco::Data::Keywords::now;
        return pg;
    }
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP);
    std::filesystem::create_directories(dir);
    const auto file = dir / (name + ".db");
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + ext);
    return file.string();
}

const char* connector() { return postgres() ? "postgresql" : "sqlite"; }

BOOST_AUTO_TEST_CASE(migrations_apply_once_and_reopen_keeps_data) {
    const auto file = fresh_db("migrations");
    Id m = 0;
    {
        Store s(connector(), file);
        BOOST_CHECK_EQUAL(s.schema_version(), 1);
        m = s.add_municipality({0, "Бийск", "Алтайский край", 0});
    }
    Store again(connector(), file);
    BOOST_CHECK_EQUAL(again.schema_version(), 1);
    BOOST_REQUIRE(again.municipality(m));
    BOOST_CHECK_EQUAL(again.municipality(m)->name, "Бийск");
    if (!postgres()) BOOST_CHECK(std::filesystem::exists(file + "-wal"));  // WAL: readers never wait for the writer
}

BOOST_AUTO_TEST_CASE(values_are_bound_never_spliced_into_sql) {
    Store s(connector(), fresh_db("binding"));
    const std::string nasty = "x'); DROP TABLE users; --";
    User u;
    u.login = nasty;
    u.display_name = nasty;
    u.password_hash = "h";
    const Id id = s.add_user(u);
    BOOST_CHECK_EQUAL(s.user(id)->login, nasty);
    BOOST_CHECK_EQUAL(s.user_by_login(nasty)->id, id);
    BOOST_CHECK_EQUAL(s.users().size(), 1u);
}

BOOST_AUTO_TEST_CASE(a_transaction_is_all_or_nothing) {
    Store s(connector(), fresh_db("transaction"));
    {
        Store::Transaction tx(s);
        s.add_municipality({0, "Бийск", "Алтайский край", 0});
        s.audit(0, "municipality.create", "municipality:1", "");
    }  // not committed: rolled back
    BOOST_CHECK(s.municipalities().empty());
    BOOST_CHECK(s.audit_log(10).empty());
    {
        Store::Transaction tx(s);
        s.add_municipality({0, "Бийск", "Алтайский край", 0});
        s.audit(0, "municipality.create", "municipality:1", "");
        tx.commit();
    }
    BOOST_CHECK_EQUAL(s.municipalities().size(), 1u);
    BOOST_CHECK_EQUAL(s.audit_log(10).size(), 1u);
}

BOOST_AUTO_TEST_CASE(each_job_is_taken_by_exactly_one_worker_of_two_instances) {
    const auto file = fresh_db("queue");
    Store a(connector(), file);
    Store b(connector(), file);
    constexpr int jobs = 60;
    for (int i = 0; i < jobs; ++i) {
        Job j;
        j.kind = "package";
        a.add_job(j);
    }
    std::mutex mu;
    std::multiset<Id> taken;
    std::vector<std::thread> workers;
    for (Store* s : {&a, &b, &a, &b}) {
        workers.emplace_back([&, s] {
            while (auto j = s->claim_job()) {
                std::lock_guard lock(mu);
                taken.insert(j->id);
                s->finish_job(j->id, "", "", "");
            }
        });
    }
    for (auto& t : workers) t.join();
    BOOST_CHECK_EQUAL(taken.size(), static_cast<std::size_t>(jobs));
    BOOST_CHECK_EQUAL(std::set<Id>(taken.begin(), taken.end()).size(), static_cast<std::size_t>(jobs));
}

BOOST_AUTO_TEST_CASE(jobs_of_a_dead_process_run_again_once_then_fail) {
    Store s(connector(), fresh_db("recover"));
    Job j;
    j.kind = "package";
    const Id id = s.add_job(j);
    BOOST_REQUIRE(s.claim_job());
    // Fresh heartbeat: still someone's.
    BOOST_CHECK_EQUAL(s.recover_jobs(now() - 60, 2, "прервано"), 0);
    BOOST_CHECK_EQUAL(s.recover_jobs(now() + 1, 2, "прервано"), 1);
    BOOST_CHECK_EQUAL(s.job(id)->state, "queued");
    BOOST_REQUIRE(s.claim_job());
    BOOST_CHECK_EQUAL(s.job(id)->attempts, 2);
    BOOST_CHECK_EQUAL(s.recover_jobs(now() + 1, 2, "прервано"), 1);
    BOOST_CHECK_EQUAL(s.job(id)->state, "failed");
    BOOST_CHECK_EQUAL(s.job(id)->message, "прервано");
}

BOOST_AUTO_TEST_CASE(sessions_expire_and_login_failures_count_in_their_window) {
    Store s(connector(), fresh_db("sessions"));
    User u;
    u.login = "a";
    u.password_hash = "h";
    const Id id = s.add_user(u);
    s.add_session("hash", Session{id, "csrf", 1000});
    BOOST_CHECK(s.session("hash", 999));
    BOOST_CHECK(!s.session("hash", 1000));
    s.add_login_failure("k", 100, 900);
    s.add_login_failure("k", 200, 900);
    BOOST_CHECK_EQUAL(s.login_failures("k", 0), 2);
    s.add_login_failure("k", 2000, 900);  // outside the window: a new one starts
    BOOST_CHECK_EQUAL(s.login_failures("k", 1100), 1);
    s.clear_login_failures("k");
    BOOST_CHECK_EQUAL(s.login_failures("k", 0), 0);
}

}  // namespace
}  // namespace nastavnik::store
