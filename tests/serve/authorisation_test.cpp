// The full matrix: every route × every role × own / same-municipality / other organisation,
// as a page and through the API. A request that must be refused gets 403 (401/redirect to the
// login page without a session) and carries none of the object's data; a request that may
// pass is never refused. Any 5xx fails.

#include "world.hpp"

#include <set>

namespace nastavnik::test {
namespace {

using store::Role;

enum class Rel { own, same_municipality, other };

struct Case {
    std::string method;
    std::string path;  // {org} {sub} {job} {mun} {mjob} {user} {draft}
    std::set<Role> roles;
    enum class Scope { none, organisation, municipality } scope = Scope::none;
    enum class Body { none, form, upload_org, upload_mun, upload_draft } body = Body::none;
    std::map<std::string, std::string> fields = {};
};

const std::set<Role> all_roles{Role::admin, Role::municipal, Role::organisation, Role::inspector, Role::editor};

std::vector<Case> cases(const World& w) {
    using S = Case::Scope;
    using B = Case::Body;
    const std::string inspector = std::to_string(w.inspector), a1 = std::to_string(w.org_a1), a = std::to_string(w.mun_a);
    return {
        {"GET", "/", all_roles},
        {"GET", "/password", all_roles},
        {"POST", "/password", all_roles, S::none, B::form, {{"current", "wrong-password"}, {"new", "0123456789ab"}, {"repeat", "0123456789ab"}}},
        {"GET", "/admin", {Role::admin}},
        {"GET", "/admin/audit", {Role::admin}},
        {"POST", "/admin/municipalities", {Role::admin}, S::none, B::form, {{"name", "Новый"}, {"region", "Алтайский край"}}},
        {"POST", "/admin/organisations", {Role::admin}, S::none, B::form, {{"name", "Новая школа"}, {"municipality_id", a}}},
        {"POST", "/admin/users", {Role::admin}, S::none, B::form, {{"login", "@unique"}, {"name", "Новый редактор"}, {"role", "editor"}}},
        {"POST", "/admin/users/{user}/reset", {Role::admin}, S::none, B::form},
        {"POST", "/admin/users/{user}/active", {Role::admin}, S::none, B::form, {{"active", "1"}}},
        {"POST", "/admin/assignments", {Role::admin}, S::none, B::form, {{"user_id", inspector}, {"organisation_id", a1}}},
        {"GET", "/orgs/{org}", {Role::organisation, Role::municipal}, S::organisation},
        {"POST", "/orgs/{org}/submissions", {Role::organisation}, S::organisation, B::upload_org},
        {"GET", "/orgs/{org}/submissions/{sub}", {Role::organisation, Role::municipal, Role::inspector}, S::organisation},
        {"GET", "/orgs/{org}/submissions/{sub}/file", {Role::organisation, Role::municipal}, S::organisation},
        {"GET", "/orgs/{org}/submissions/{sub}/act", {Role::organisation, Role::municipal, Role::inspector}, S::organisation},
        {"POST", "/orgs/{org}/submissions/{sub}/package", {Role::organisation, Role::municipal}, S::organisation, B::form},
        {"GET", "/orgs/{org}/jobs/{job}", {Role::organisation, Role::municipal}, S::organisation},
        {"GET", "/orgs/{org}/jobs/{job}/package", {Role::organisation, Role::municipal}, S::organisation},
        {"GET", "/orgs/{org}/jobs/{job}/files/0", {Role::organisation, Role::municipal}, S::organisation},
        {"GET", "/inspections", {Role::inspector}},
        {"GET", "/workbook/blank", {Role::organisation, Role::municipal}},
        {"GET", "/municipalities/{mun}", {Role::municipal}, S::municipality},
        {"POST", "/municipalities/{mun}/data", {Role::municipal}, S::municipality, B::upload_mun},
        {"POST", "/municipalities/{mun}/batch", {Role::municipal}, S::municipality, B::form, {{"year", "2026"}}},
        {"GET", "/municipalities/{mun}/jobs/{mjob}", {Role::municipal}, S::municipality},
        {"GET", "/municipalities/{mun}/jobs/{mjob}/files/0", {Role::municipal}, S::municipality},
        {"GET", "/municipalities/{mun}/jobs/{mjob}/charts/0", {Role::municipal}, S::municipality},
        {"GET", "/rulesets", {Role::editor}},
        {"POST", "/rulesets/drafts", {Role::editor}, S::none, B::upload_draft},
        {"GET", "/rulesets/drafts/{draft}", {Role::editor}},
        {"POST", "/rulesets/drafts/{draft}/publish", {Role::editor}, S::none, B::form},
    };
}

// The organisation a role's user «owns» in the matrix, and the others.
struct Target {
    Id org, sub, job, mun, mjob;
    std::string org_name;
};

std::string substitute(std::string path, const Target& t, Id user, Id draft) {
    auto put = [&](const std::string& token, Id v) {
        for (std::size_t p; (p = path.find(token)) != std::string::npos;) path.replace(p, token.size(), std::to_string(v));
    };
    put("{org}", t.org);
    put("{sub}", t.sub);
    put("{job}", t.job);
    put("{mun}", t.mun);
    put("{mjob}", t.mjob);
    put("{user}", user);
    put("{draft}", draft);
    return path;
}

bool entitled(Role role, Rel rel, const Case& c) {
    if (!c.roles.count(role)) return false;
    switch (c.scope) {
        case Case::Scope::none: return true;
        case Case::Scope::organisation:
            if (rel == Rel::other) return false;
            if (rel == Rel::same_municipality) return role == Role::municipal;
            return true;  // own: the organisation's user, its municipality, the assigned inspector
        case Case::Scope::municipality: return rel != Rel::other;
    }
    return false;
}

BOOST_AUTO_TEST_CASE(every_route_every_role_own_and_other_organisation) {
    World w("matrix");
    const std::string school = source_file("samples/barnaul-school-42.json");
    w.sub_a1 = w.submit("org-a1", w.org_a1, "a1.json", school);
    w.sub_b1 = w.submit("org-b1", w.org_b1, "b1.json", school);
    const Id sub_a2 = w.db->add_submission({0, w.org_a2, 2026, w.db->submission(w.sub_a1)->upload_id, "errors", 1, 0, 0, "", "", "2026-11-22", 0});
    auto job = [&](const std::string& kind, Id org, Id mun, Id sub) {
        store::Job j;
        j.kind = kind;
        j.organisation_id = org;
        j.municipality_id = mun;
        j.submission_id = sub;
        j.year = 2026;
        const Id id = w.db->add_job(j);
        w.wait_job(id);
        return id;
    };
    const Target own{w.org_a1, w.sub_a1, job("package", w.org_a1, 0, w.sub_a1), w.mun_a, job("batch", 0, w.mun_a, 0), "Гимназия А1"};
    const Target same{w.org_a2, sub_a2, job("package", w.org_a2, 0, sub_a2), w.mun_a, own.mjob, "Школа А2"};
    const Target other{w.org_b1, w.sub_b1, job("package", w.org_b1, 0, w.sub_b1), w.mun_b, job("batch", 0, w.mun_b, 0), "Школа Б1"};
    const Id draft_upload = w.db->add_upload({0, "ruleset", std::string(64, '0'), 1, "d.xml", "uploads/none.xml", w.editor, 0, 0, 0});
    const Id draft = w.db->add_ruleset_version({0, "federal-az-1128", "9.9", "draft", draft_upload, "{}", w.editor, 0, 0});
    const std::string sha_b1 = w.db->upload(w.db->submission(w.sub_b1)->upload_id)->sha256;

    const std::map<Role, std::string> logins{{Role::admin, "admin"}, {Role::municipal, "mun-a"}, {Role::organisation, "org-a1"},
                                             {Role::inspector, "inspector"}, {Role::editor, "editor"}};
    const std::string mun_json = source_file("samples/municipality-biysk/municipality.json");
    const std::string draft_xml = source_file("samples/ruleset-drafts/federal-az-1128-1.1-draft.xml");
    int unique = 0, checked = 0;
    Client anonymous(w.port());
    std::map<Role, Client> clients;
    for (const auto& [role, login] : logins) clients.emplace(role, w.client(login));
    for (const Case& c : cases(w)) {
        for (const Rel rel : {Rel::own, Rel::same_municipality, Rel::other}) {
            if (c.scope == Case::Scope::none && rel != Rel::own) continue;
            const Target& t = rel == Rel::own ? own : rel == Rel::same_municipality ? same : other;
            const std::string base = substitute(c.path, t, w.dummy, draft);
            for (const bool api : {false, true}) {
                const std::string path = (api ? "/api" : "") + base;
                auto send = [&](Client& cl) {
                    if (c.method == "GET") return cl.get(path);
                    std::map<std::string, std::string> fields = c.fields;
                    for (auto& [k, v] : fields) {
                        if (v == "@unique") v = "user-" + std::to_string(++unique);
                    }
                    switch (c.body) {
                        case Case::Body::upload_org: return cl.upload(path, "upload.json", school, {{"year", "2026"}});
                        case Case::Body::upload_mun: return cl.upload(path, "municipality.json", mun_json);
                        case Case::Body::upload_draft: return cl.upload(path, "draft.xml", draft_xml);
                        default: break;
                    }
                    if (api) {
                        Poco::JSON::Object o;
                        for (const auto& [k, v] : fields) o.set(k, v);
                        std::ostringstream os;
                        o.stringify(os);
                        return cl.post_api(path, os.str());
                    }
                    return cl.post_form(path, fields);
                };
                // Without a session: nothing but the way to the login page.
                {
                    const auto r = send(anonymous);
                    const int want = api ? 401 : (c.method == "POST" ? 303 : 303);
                    BOOST_CHECK_MESSAGE(r.status == want || (c.method == "POST" && !api && r.status == 303),
                                        "anonymous " << c.method << " " << path << ": " << r.status);
                    BOOST_CHECK_MESSAGE(r.body.find(t.org_name) == std::string::npos, "anonymous sees " << path);
                    ++checked;
                }
                for (const auto& [role, login] : logins) {
                    (void)login;
                    const auto r = send(clients.at(role));
                    const bool may = entitled(role, rel, c);
                    const std::string what = std::string(store::role_token(role)) + " " + c.method + " " + path + " → " +
                                             std::to_string(r.status) + " " + r.body.substr(0, 300);
                    BOOST_CHECK_MESSAGE(r.status < 500, what);
                    if (may) {
                        BOOST_CHECK_MESSAGE(r.status != 401 && r.status != 403, "refused: " + what);
                    } else {
                        BOOST_CHECK_MESSAGE(r.status == 403, "not refused: " + what);
                        BOOST_CHECK_MESSAGE(r.body.find(t.org_name) == std::string::npos, "leaks the organisation's name: " + what);
                        BOOST_CHECK_MESSAGE(r.body.find(sha_b1) == std::string::npos, "leaks the upload: " + what);
                    }
                    ++checked;
                }
            }
        }
    }
    BOOST_TEST_MESSAGE("requests checked: " << checked);
    BOOST_CHECK_GT(checked, 600);
}

// Objects of another organisation reached through one's own organisation's path.
BOOST_AUTO_TEST_CASE(an_object_of_another_organisation_is_not_found_under_ones_own) {
    World w("idor");
    const std::string school = source_file("samples/barnaul-school-42.json");
    const Id sub_a1 = w.submit("org-a1", w.org_a1, "a1.json", school);
    const Id sub_b1 = w.submit("org-b1", w.org_b1, "b1.json", school);
    (void)sub_a1;
    store::Job j;
    j.kind = "package";
    j.organisation_id = w.org_b1;
    j.submission_id = sub_b1;
    const Id job_b1 = w.db->add_job(j);
    w.wait_job(job_b1);
    Client a1 = w.client("org-a1");
    const std::string base = "/orgs/" + std::to_string(w.org_a1);
    for (const std::string& p : {base + "/submissions/" + std::to_string(sub_b1), base + "/submissions/" + std::to_string(sub_b1) + "/file",
                                 base + "/submissions/" + std::to_string(sub_b1) + "/act", base + "/jobs/" + std::to_string(job_b1),
                                 base + "/jobs/" + std::to_string(job_b1) + "/package"}) {
        for (const std::string prefix : {"", "/api"}) {
            const auto r = a1.get(prefix + p);
            BOOST_CHECK_MESSAGE(r.status == 404, prefix + p + " → " + std::to_string(r.status));
        }
    }
    const auto r = a1.post_api("/api" + base + "/submissions/" + std::to_string(sub_b1) + "/package");
    BOOST_CHECK_MESSAGE(r.status == 404, r.body);
}

}  // namespace
}  // namespace nastavnik::test
