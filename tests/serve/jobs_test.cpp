// Nothing lost, nothing half-made: packages, the municipal batch, the ruleset editor's replay,
// jobs interrupted by a killed process, a locked database, a failed write.

#include "docx/package.hpp"
#include "world.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <csignal>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

namespace nastavnik::test {
namespace {

BOOST_AUTO_TEST_CASE(a_package_is_a_whole_zip_of_docx_and_pdf_and_history_shows_what_changed) {
    World w("package");
    Client a1 = w.client("org-a1");
    const std::string org = "/api/orgs/" + std::to_string(w.org_a1);
    const Id first = w.submit("org-a1", w.org_a1, "school.json", source_file("samples/barnaul-school-42.json"));
    const Id second = w.submit("org-a1", w.org_a1, "school.json", source_file("samples/barnaul-gymnasium-compliant.json"));
    // A package of data with error-level violations is refused, with the reasons.
    auto r = a1.post_api(org + "/submissions/" + std::to_string(first) + "/package");
    BOOST_REQUIRE_EQUAL(r.status, 202);
    auto j = w.wait_job(r.json()->getValue<Id>("job"));
    BOOST_CHECK_EQUAL(j.state, "failed");
    BOOST_CHECK(j.message.find("обязательные требования") != std::string::npos);
    BOOST_CHECK(j.message.find("--force") == std::string::npos);

    r = a1.post_api(org + "/submissions/" + std::to_string(second) + "/package");
    j = w.wait_job(r.json()->getValue<Id>("job"));
    BOOST_REQUIRE_MESSAGE(j.state == "done", j.message);
    const auto zip = a1.get(org + "/jobs/" + std::to_string(j.id) + "/package");
    BOOST_REQUIRE_EQUAL(zip.status, 200);
    BOOST_CHECK_EQUAL(serve::sha256_hex(zip.body), j.result_sha256);
    BOOST_CHECK(zip.header("content-disposition").find("filename*=UTF-8''") != std::string::npos);
    docx::Package package(zip.body, "package.zip");
    int docx = 0, pdf = 0;
    for (const auto& name : package.entry_names()) {
        const std::string bytes = package.read(name);
        if (name.ends_with(".pdf")) {
            ++pdf;
            BOOST_CHECK_MESSAGE(bytes.starts_with("%PDF-") && bytes.find("%%EOF") != std::string::npos, name);
        } else if (name.ends_with(".docx")) {
            ++docx;
            docx::Package inner(bytes, name);  // opens as a package
            BOOST_CHECK(inner.has("word/document.xml"));
        }
    }
    BOOST_CHECK_GE(docx, 8);
    BOOST_CHECK_EQUAL(docx, pdf);
    // A single document, the same bytes as in the package.
    const auto one = a1.get(org + "/jobs/" + std::to_string(j.id) + "/files/1");
    BOOST_CHECK_EQUAL(one.body, package.read(package.entry_names()[1]));
    // The history: the second submission of the year fixed what the first had.
    const auto page = a1.get(org);
    const auto years = page.json()->getArray("years");
    BOOST_REQUIRE_EQUAL(years->size(), 1u);
    const auto subs = years->getObject(0)->getArray("submissions");
    BOOST_REQUIRE_EQUAL(subs->size(), 2u);
    BOOST_CHECK(subs->getObject(0)->getArray("fixed")->size() > 0);
    BOOST_CHECK_EQUAL(subs->getObject(0)->getArray("added")->size(), 0u);
    // The inspection act prints.
    const auto act = a1.get(org + "/submissions/" + std::to_string(second) + "/act?format=pdf");
    BOOST_CHECK(act.body.starts_with("%PDF-"));
}

BOOST_AUTO_TEST_CASE(a_municipal_batch_shows_progress_charts_and_its_documents) {
    World w("batch");
    const std::string dir = "samples/municipality-biysk/";
    w.submit("org-a1", w.org_a1, "org-00001.json", source_file(dir + "org-00001.json"));
    Client mun = w.client("mun-a");
    const std::string base = "/api/municipalities/" + std::to_string(w.mun_a);
    BOOST_CHECK_EQUAL(mun.post_api(base + "/batch", "{\"year\":\"2026\"}").status, 409);  // no municipality.json yet
    BOOST_REQUIRE_EQUAL(mun.upload(base + "/data", "municipality.json", source_file(dir + "municipality.json")).status, 200);
    auto r = mun.post_api(base + "/batch", "{\"year\":\"2026\"}");
    BOOST_REQUIRE_EQUAL(r.status, 202);
    const auto j = w.wait_job(r.json()->getValue<Id>("job"), 300);
    BOOST_REQUIRE_MESSAGE(j.state == "done", j.message);
    BOOST_CHECK_EQUAL(j.progress_done, j.progress_total);
    const auto page = mun.get(base + "/jobs/" + std::to_string(j.id));
    const auto files = page.json()->getArray("files");
    bool csv = false, order = false, summary = false;
    for (std::size_t i = 0; i < files->size(); ++i) {
        const auto name = files->getObject(static_cast<unsigned>(i))->getValue<std::string>("name");
        if (name == "Сводка.txt") {
            // The job says what the Сводка says, refused organisations among the violations.
            summary = true;
            const auto f = mun.get(base + "/jobs/" + std::to_string(j.id) + "/files/" + std::to_string(i));
            const std::string counts = j.message.substr(0, j.message.find('\n'));
            BOOST_CHECK_MESSAGE(counts.find("; выявлены нарушения обязательных требований: ") != std::string::npos, j.message);
            BOOST_CHECK_MESSAGE(f.body.find(counts + "\n") != std::string::npos, counts + "\n---\n" + f.body);
        }
        if (name.ends_with(".csv")) {
            csv = true;
            const auto f = mun.get(base + "/jobs/" + std::to_string(j.id) + "/files/" + std::to_string(i));
            BOOST_CHECK_EQUAL(f.status, 200);
            BOOST_CHECK(f.header("content-type").starts_with("text/csv"));
        }
        order = order || name.starts_with("Приказ");
    }
    BOOST_CHECK(csv);
    BOOST_CHECK(order);
    BOOST_CHECK(summary);
    const auto overview = mun.get(base + "?year=2026");
    BOOST_REQUIRE(overview.json()->has("charts"));
    const auto charts = overview.json()->getArray("charts");
    BOOST_REQUIRE(charts->size() > 0);
    const auto png = mun.get("/api" + charts->getObject(0)->getValue<std::string>("src").substr(0) );
    (void)png;
    const auto img = mun.get(charts->getObject(0)->getValue<std::string>("src"));
    BOOST_CHECK(img.body.starts_with("\x89PNG"));
    // Filters: the one organisation with data has a status, the others are «not submitted».
    const auto none = mun.get(base + "?year=2026&status=none").json()->getArray("organisations");
    BOOST_CHECK_EQUAL(none->size(), 1u);
}

BOOST_AUTO_TEST_CASE(a_draft_ruleset_is_linted_tested_diffed_replayed_and_published) {
    World w("editor");
    w.submit("org-a1", w.org_a1, "school.json", source_file("samples/barnaul-gymnasium-compliant.json"));
    Client ed = w.client("editor");
    const auto r = ed.upload("/api/rulesets/drafts", "draft.xml", source_file("samples/ruleset-drafts/federal-az-1128-1.1-draft.xml"));
    BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
    const std::string href = r.json()->getValue<std::string>("href");
    const auto page = ed.get("/api" + href);
    const auto report = page.json()->getObject("report");
    BOOST_CHECK_EQUAL(report->getValue<int>("organisations"), 1);
    BOOST_CHECK(!report->getValue<std::string>("diff").empty());
    BOOST_CHECK(report->has("replay"));
    BOOST_CHECK(report->getObject("tests")->getValue<int>("passed") > 0);
    if (page.json()->getValue<bool>("can_publish")) {
        BOOST_CHECK_EQUAL(ed.post_api("/api" + href + "/publish").status, 200);
        const auto list = ed.get("/api/rulesets").json()->getArray("rulesets");
        bool found = false;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto o = list->getObject(static_cast<unsigned>(i));
            found = found || (o->getValue<std::string>("id") == "federal-az-1128" && o->getValue<std::string>("version") == "1.1-проект");
        }
        BOOST_CHECK(found);
    }
    // A broken draft: the schema's errors with their lines, nothing stored as a version.
    const auto bad = ed.upload("/api/rulesets/drafts", "bad.xml", "<ruleset xmlns=\"urn:nastavnik:ruleset:1\"><oops/></ruleset>");
    BOOST_CHECK_EQUAL(bad.status, 422);
    BOOST_CHECK(bad.body.find("bad.xml") != std::string::npos || bad.body.find(".xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_locked_database_and_a_failed_write_give_a_russian_page_and_keep_earlier_data) {
    World w("locked");
    const std::string school = source_file("samples/barnaul-school-42.json");
    w.submit("org-a1", w.org_a1, "school.json", school);
    Client a1 = w.client("org-a1");
    const std::string path = "/orgs/" + std::to_string(w.org_a1) + "/submissions";
    {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session lock("SQLite", (w.options.data / "nastavnik.db").string());
        lock << "BEGIN EXCLUSIVE", Poco::Data::Keywords::now;
        const auto r = a1.upload(path, "school2.json", school + " ");
        BOOST_CHECK_EQUAL(r.status, 503);
        BOOST_CHECK(r.body.find("Ранее сохранённые данные не затронуты") != std::string::npos);
        lock << "ROLLBACK", Poco::Data::Keywords::now;
    }
    BOOST_CHECK_EQUAL(w.db->submissions_of(w.org_a1).size(), 1u);
    // A write that fails (here: a file where the upload's folder must be).
    const std::string other = school + "\n";
    const std::string sha = serve::sha256_hex(other);
    write_file_atomic(w.options.data / "uploads" / sha.substr(0, 2), "in the way");
    const auto r = a1.upload(path, "school3.json", other);
    BOOST_CHECK_EQUAL(r.status, 503);
    BOOST_CHECK(r.body.find("не может записать файл") != std::string::npos);
    BOOST_CHECK_EQUAL(w.db->submissions_of(w.org_a1).size(), 1u);
    BOOST_CHECK_EQUAL(a1.get(path.substr(0, path.rfind('/'))).status, 200);
}

// The real program, killed while it generates: after a restart the job is run again and the
// only package anyone can download is whole.
BOOST_AUTO_TEST_CASE(a_process_killed_during_generation_leaves_no_partial_package) {
    auto options = test_options("killed");
    {
        World w("killed");  // seeds users, then stops its in-process service
        w.submit("org-a1", w.org_a1, "school.json", source_file("samples/barnaul-gymnasium-compliant.json"));
        w.service->stop();
        options = w.options;
    }
    store::Store db("sqlite", (options.data / "nastavnik.db").string());
    const Id sub = db.submissions_of(1).front().id;
    auto start = [&](std::uint16_t port) {
        const pid_t pid = fork();
        if (pid == 0) {
            const std::string listen = "127.0.0.1:" + std::to_string(port);
            execl(NASTAVNIK_CLI, NASTAVNIK_CLI, "serve", "--data", options.data.c_str(), "--data-dir", NASTAVNIK_SOURCE_DIR,
                  "--listen", listen.c_str(), "--as-of", "2026-11-22", "--quiet", "--job-stale-seconds", "1", "--workers", "1",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        return pid;
    };
    store::Job job;
    job.kind = "package";
    job.organisation_id = 1;
    job.submission_id = sub;
    job.year = 2026;
    auto free_port = [] {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1:0"));
        return probe.address().port();
    };
    const std::uint16_t port = free_port();
    pid_t pid = start(port);
    const Id id = db.add_job(job);
    bool killed = false;
    for (int i = 0; i < 2000 && !killed; ++i) {  // at most 20 s
        const auto j = db.job(id);
        if (j->state == "running") {
            kill(pid, SIGKILL);
            killed = true;
        } else if (j->state == "done") {
            break;  // too fast to catch: the test below still checks the package is whole
        }
        usleep(10000);
    }
    int status = 0;
    if (!killed) kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (killed) {
        const auto j = db.job(id);
        BOOST_CHECK_EQUAL(j->state, "running");  // as the killed process left it
        BOOST_CHECK(j->result_path.empty());     // nothing to download
    }
    sleep(2);  // the heartbeat is older than --job-stale-seconds now
    pid = start(free_port());
    store::Job final;
    for (int i = 0; i < 3000; ++i) {
        final = *db.job(id);
        if (final.state == "done" || final.state == "failed") break;
        usleep(10000);
    }
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    BOOST_REQUIRE_MESSAGE(final.state == "done", final.state + " " + final.message);
    const std::string zip = read_file(options.data / final.result_path, 1u << 30);
    BOOST_CHECK_EQUAL(serve::sha256_hex(zip), final.result_sha256);
    docx::Package whole(zip, "package.zip");
    BOOST_CHECK_GE(whole.entry_names().size(), 16u);
    // No work folder and no temporary file is left.
    std::error_code ec;
    BOOST_CHECK(std::filesystem::is_empty(options.data / "work", ec));
    for (const auto& e : std::filesystem::directory_iterator(options.data / "jobs")) {
        BOOST_CHECK_MESSAGE(e.path().extension() == ".zip", e.path().string());
    }
}

}  // namespace
}  // namespace nastavnik::test

namespace nastavnik::test {
namespace {

// The same bytes sent by several requests at once (a double click, a shared sample) are one
// stored file, whole, and every request is answered.
BOOST_AUTO_TEST_CASE(identical_uploads_at_once_are_all_accepted) {
    World w("same-bytes");
    const std::string school = source_file("samples/barnaul-school-42.json");
    std::vector<std::thread> threads;
    std::atomic<int> created{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            Client c(w.port());
            c.login("org-a1", World::password);
            if (c.upload("/api/orgs/" + std::to_string(w.org_a1) + "/submissions", "school.json", school).status == 201) ++created;
        });
    }
    for (auto& t : threads) t.join();
    BOOST_CHECK_EQUAL(created.load(), 8);
    BOOST_CHECK_EQUAL(w.db->submissions_of(w.org_a1).size(), 8u);
}

}  // namespace
}  // namespace nastavnik::test
