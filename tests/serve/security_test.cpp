// Escaping of every value, CSRF, login throttling, cookies, upload limits, hostile input,
// logs and the audit log without personal data.

#include "world.hpp"

#include <iostream>
#include <sstream>

namespace nastavnik::test {
namespace {

const std::string hostile = "<script>alert(\"x\")</script>' onmouseover=\"y\" &amp;";

void check_escaped(const Response& r, const std::string& where) {
    BOOST_CHECK_MESSAGE(r.status == 200, where + " → " + std::to_string(r.status));
    BOOST_CHECK_MESSAGE(r.body.find("<script>alert") == std::string::npos, where + ": a value went out unescaped");
    BOOST_CHECK_MESSAGE(r.body.find("onmouseover=\"y\"") == std::string::npos, where + ": an attribute broke out");
    BOOST_CHECK_MESSAGE(r.body.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onmouseover=&quot;y&quot; &amp;amp;") != std::string::npos,
                        where + ": the escaped value is not on the page");
}

BOOST_AUTO_TEST_CASE(script_and_quotes_in_every_field_are_escaped_on_every_page) {
    World w("escaping", {}, hostile);
    // Names a person types: a municipality, an organisation, a user (through the admin's form).
    Client admin = w.client("admin");
    BOOST_REQUIRE_EQUAL(admin.post_form("/admin/municipalities", {{"name", hostile}, {"region", hostile}}).status, 303);
    const auto created = admin.post_form("/admin/users", {{"login", "hostile-user"}, {"name", hostile}, {"role", "inspector"}});
    BOOST_CHECK_EQUAL(created.status, 200);
    BOOST_CHECK(created.body.find("<script>alert") == std::string::npos);
    // The organisation's data: every text field of the sample that a page shows, and the file name.
    std::string school = source_file("samples/barnaul-school-42.json");
    for (const std::string key : {"\"short_name\": \"", "\"full_name\": \""}) {
        const auto p = school.find(key);
        BOOST_REQUIRE(p != std::string::npos);
        school.insert(p + key.size(), "<script>alert(\\\"x\\\")</script>' onmouseover=\\\"y\\\" &amp;");
    }
    const Id sub = w.submit("org-a1", w.org_a1, hostile + ".json", school);
    const std::string org = "/orgs/" + std::to_string(w.org_a1);
    Client a1 = w.client("org-a1");
    check_escaped(a1.get(org), "organisation page");
    check_escaped(a1.get(org + "/submissions/" + std::to_string(sub)), "submission page");
    check_escaped(admin.get("/admin"), "admin page");
    Client inspector = w.client("inspector");
    check_escaped(inspector.get("/inspections"), "inspections page");
    Client mun = w.client("mun-a");
    check_escaped(mun.get("/municipalities/" + std::to_string(w.mun_a)), "municipality page");
    // A broken file: its Russian errors quote the file name; the page shows them escaped.
    const Id bad = w.submit("org-a1", w.org_a1, hostile + ".json", "{\"format\": \"<script>alert(\\\"x\\\")</script>' onmouseover=\\\"y\\\" &amp;\"");
    check_escaped(a1.get(org + "/submissions/" + std::to_string(bad)), "submission page of a file not accepted");
    // Every page says where scripts may come from: here only.
    BOOST_CHECK(a1.get(org).header("content-security-policy").find("script-src 'self'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_form_without_the_csrf_token_changes_nothing) {
    World w("csrf");
    Client admin = w.client("admin");
    const auto before = w.db->municipalities().size();
    BOOST_CHECK_EQUAL(admin.post_form("/admin/municipalities", {{"name", "X"}, {"region", "Y"}}, false).status, 403);
    BOOST_CHECK_EQUAL(admin.post_form("/admin/municipalities", {{"name", "X"}, {"region", "Y"}, {"csrf", "0123"}}, false).status, 403);
    BOOST_CHECK_EQUAL(admin.request("POST", "/api/admin/municipalities", "{\"name\":\"X\",\"region\":\"Y\"}", "application/json").status, 403);
    BOOST_CHECK_EQUAL(w.db->municipalities().size(), before);
    BOOST_CHECK_EQUAL(admin.post_form("/admin/municipalities", {{"name", "X"}, {"region", "Y"}}).status, 303);
    BOOST_CHECK_EQUAL(w.db->municipalities().size(), before + 1);
    // The login form is protected too (double-submit token), and the API login takes JSON only.
    Client fresh(w.port());
    BOOST_CHECK_EQUAL(fresh.post_form("/login", {{"login", "admin"}, {"password", World::password}}, false).status, 403);
    BOOST_CHECK_EQUAL(fresh.request("POST", "/api/login", "login=admin&password=x", "application/x-www-form-urlencoded").status, 415);
    fresh.get("/login");
    BOOST_REQUIRE(!fresh.login_token.empty());
    const auto ok = fresh.post_form("/login", {{"login", "admin"}, {"password", World::password}, {"login_token", fresh.login_token}}, false);
    BOOST_CHECK_EQUAL(ok.status, 303);
    BOOST_CHECK(!fresh.session.empty());
}

BOOST_AUTO_TEST_CASE(logins_are_throttled_and_cookies_are_strict) {
    World w("throttle", [](serve::Options& o) { o.secure_cookie = true; });
    Client c(w.port());
    for (int i = 0; i < 5; ++i) BOOST_CHECK_EQUAL(c.login("org-a1", "wrong password").status, 401);
    // Locked now, even with the right password; an unknown login answers like a wrong password.
    BOOST_CHECK_EQUAL(c.login("org-a1", World::password).status, 429);
    BOOST_CHECK_EQUAL(c.login("no-such-user", "whatever").status, 401);
    const auto ok = c.login("mun-a", World::password);
    BOOST_REQUIRE_EQUAL(ok.status, 200);
    std::string cookie;
    for (const auto& s : ok.set_cookies) {
        if (s.starts_with("nastavnik_session=")) cookie = s;
    }
    BOOST_CHECK(cookie.find("HttpOnly") != std::string::npos);
    BOOST_CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    BOOST_CHECK(cookie.find("Secure") != std::string::npos);
    // Logged out: the session is gone on the server, not only in the browser.
    const std::string token = c.session;
    BOOST_CHECK_EQUAL(c.post_api("/api/logout").status, 200);
    c.session = token;
    BOOST_CHECK_EQUAL(c.get("/api/").status, 401);
}

BOOST_AUTO_TEST_CASE(uploads_over_the_limit_and_hostile_files_are_refused_whole) {
    World w("limits", [](serve::Options& o) { o.max_upload_bytes = 1u << 20; });
    Client a1 = w.client("org-a1");
    const std::string org = "/api/orgs/" + std::to_string(w.org_a1) + "/submissions";
    const auto big = a1.upload(org, "big.json", std::string(2u << 20, ' '));
    BOOST_CHECK_EQUAL(big.status, 413);
    BOOST_CHECK(big.json()->getValue<std::string>("error").find("не более 1 МБ") != std::string::npos);
    BOOST_CHECK(w.db->submissions_of(w.org_a1).empty());
    // Nesting far beyond the CLI's limit: a Russian message naming the file, no crash.
    const auto deep = a1.upload(org, "deep.json", std::string(100000, '[') + std::string(100000, ']'));
    BOOST_REQUIRE_EQUAL(deep.status, 201);
    const auto s = w.db->submission(deep.json()->getValue<Id>("submission"));
    BOOST_CHECK_EQUAL(s->status, "invalid");
    BOOST_CHECK_MESSAGE(s->problems.find("deep.json:1:") == 0, s->problems);
    // Not JSON at all.
    const auto junk = a1.upload(org, "data.json", std::string("\x00\xff\xfe garbage", 12));
    BOOST_REQUIRE_EQUAL(junk.status, 201);
    BOOST_CHECK_EQUAL(w.db->submission(junk.json()->getValue<Id>("submission"))->status, "invalid");
    // The service is still there.
    BOOST_CHECK_EQUAL(a1.get("/api/orgs/" + std::to_string(w.org_a1)).status, 200);
}

BOOST_AUTO_TEST_CASE(logs_and_the_audit_log_hold_no_personal_data) {
    std::ostringstream captured;
    auto* old = std::cerr.rdbuf(captured.rdbuf());
    {
        World w("logs", [](serve::Options& o) { o.quiet = false; });
        const std::string school = source_file("samples/barnaul-school-42.json");
        const Id sub = w.submit("org-a1", w.org_a1, "Иванова.json", school);
        Client a1 = w.client("org-a1");
        a1.get("/orgs/" + std::to_string(w.org_a1) + "?secret=Иванова");
        a1.get("/orgs/" + std::to_string(w.org_a1) + "/submissions/" + std::to_string(sub) + "/act");
        a1.login("org-a1", "wrong");
        const auto audit = w.db->audit_log(100);
        std::set<std::string> actions;
        for (const auto& e : audit) {
            actions.insert(e.action);
            for (const std::string& text : {e.object, e.detail}) {
                BOOST_CHECK_MESSAGE(text.find("Иванов") == std::string::npos && text.find("org-a1") == std::string::npos &&
                                        text.find("Гимназия") == std::string::npos,
                                    "audit: " + text);
            }
        }
        for (const char* a : {"login", "upload", "check", "download.act", "login.failed"}) BOOST_CHECK_MESSAGE(actions.count(a), a);
    }
    std::cerr.rdbuf(old);
    const std::string log = captured.str();
    BOOST_CHECK(log.find("POST /api/login 200") != std::string::npos);
    for (const std::string personal : {"Иванов", "org-a1", "Гимназия", "secret", "Сидоров", "password"}) {
        BOOST_CHECK_MESSAGE(log.find(personal) == std::string::npos, "the log holds «" + personal + "»");
    }
}

}  // namespace
}  // namespace nastavnik::test
