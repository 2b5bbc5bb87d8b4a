#pragma once
// Internal: what a route handler gets (the request, its user, the organisation or
// municipality the route names, already authorised) and what it returns (a model that
// becomes a page or the API's JSON, a redirect, or a file).

#include "nastavnik/core/date.hpp"
#include "nastavnik/generate/generator.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/serve/service.hpp"
#include "nastavnik/store/store.hpp"
#include "serve/html.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace Poco::Net {
class HTTPServer;
}
namespace Poco {
class ThreadPool;
}

namespace nastavnik::serve {

using store::Id;
using Model = Poco::JSON::Object::Ptr;
using List = Poco::JSON::Array::Ptr;

/// A new JSON object that keeps its keys in insertion order (the API's output is stable).
Model object();
List list();

/// An answer other than 200 with a Russian message: 400 bad form, 403, 404, 413, 422 …
struct HttpError : std::runtime_error {
    int status;
    HttpError(int s, const std::string& message) : std::runtime_error(message), status(s) {}
};

struct UploadedFile {
    std::string field;
    std::string file_name;
    std::string bytes;
    bool too_large = false;
};

struct Ctx {
    Ctx(Service::Impl& s, Poco::Net::HTTPServerRequest& r) : svc(s), req(r) {}
    Service::Impl& svc;
    Poco::Net::HTTPServerRequest& req;
    bool api = false;
    std::string method;
    std::string path;                                // without the /api prefix and the query
    std::map<std::string, std::string> params;       // {org}, {sub} … of the route
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> form;
    std::vector<UploadedFile> files;
    std::optional<store::User> user;
    std::string session_hash;
    std::string csrf;
    std::optional<store::Organisation> org;
    std::optional<store::Municipality> mun;

    /// A numeric route parameter; HttpError(404) if it is not a number.
    [[nodiscard]] Id id(const std::string& name) const;
    /// A form field; HttpError(400) naming the field if absent or empty.
    [[nodiscard]] const std::string& field(const std::string& name, const std::string& title) const;
    [[nodiscard]] std::string field_or(const std::string& name, const std::string& fallback = {}) const;
    /// The uploaded file of the form field; HttpError(400) if none.
    [[nodiscard]] const UploadedFile& file(const std::string& name) const;
    /// store::Id of the user (0 when not logged in), for the audit log.
    [[nodiscard]] Id user_id() const { return user ? user->id : 0; }
};

struct Reply {
    int status = 200;
    std::string view;     // page template
    Model model;          // the API's answer and the page's data
    std::string redirect; // pages: 303 See Other here after a form
    bool is_file = false;
    std::string body, content_type, file_name;
    std::vector<std::string> cookies;

    static Reply page(std::string view, Model model) {
        Reply r;
        r.view = std::move(view);
        r.model = std::move(model);
        return r;
    }
    static Reply see_other(std::string to, Model model) {
        Reply r;
        r.redirect = std::move(to);
        r.model = std::move(model);
        return r;
    }
    static Reply file(std::string bytes, std::string content_type, std::string name) {
        Reply r;
        r.is_file = true;
        r.body = std::move(bytes);
        r.content_type = std::move(content_type);
        r.file_name = std::move(name);
        return r;
    }
};

/// Who may call a route: roles, and which object of the path they must be entitled to.
enum class Scope { none, organisation, municipality };
struct Access {
    bool open = false;  // no login needed (login page, static files)
    std::vector<store::Role> roles;
    Scope scope = Scope::none;
};

struct Route {
    std::string method;
    std::string pattern;  // "/orgs/{org}/submissions/{sub}"
    Access access;
    std::function<Reply(Ctx&)> handler;
};

struct Service::Impl {
    Options opt;
    std::unique_ptr<store::Store> db;
    std::unique_ptr<Templates> pages;
    std::filesystem::path rulesets_root;
    std::vector<Route> routes;

    std::mutex catalog_mutex;
    std::shared_ptr<const rules::Catalog> catalog_;
    std::size_t published_seen = 0;
    std::mutex templates_mutex;
    std::shared_ptr<const generate::TemplateSet> templates_;

    std::unique_ptr<Poco::ThreadPool> http_pool;
    std::unique_ptr<Poco::Net::HTTPServer> http;
    std::uint16_t port = 0;
    std::vector<std::thread> workers;
    std::atomic<bool> stopping{false};
    std::mutex running_mutex;
    std::vector<Id> running;  // jobs this process works on (heartbeat)

    explicit Impl(Options o);
    ~Impl();

    [[nodiscard]] Date as_of() const;
    /// The rulesets in force for the service: the installed ones and those published since.
    std::shared_ptr<const rules::Catalog> catalog();
    void reload_catalog();
    std::shared_ptr<const generate::TemplateSet> document_templates();
    [[nodiscard]] std::filesystem::path file(const std::string& relative) const { return opt.data / relative; }

    /// Stores bytes under uploads/ named by their SHA-256, read-only, and records the upload.
    store::Upload keep_upload(Ctx& c, const std::string& kind, const UploadedFile& f, Id organisation, Id municipality);
    std::string upload_bytes(const store::Upload& u) const;

    // jobs.cpp
    void start_workers();
    void stop_workers();
    void recover_jobs();
    void run_job(const store::Job& job);
    void run_package(const store::Job& job);
    void run_batch(const store::Job& job);

    void add_routes();
    void add_organisation_routes();
    void add_municipality_routes();
    void add_admin_routes();
    void add_ruleset_routes();

    /// May the user see this organisation (by role)? Admins and editors never see an
    /// organisation's data.
    bool may_see_organisation(const store::User& u, const store::Organisation& o);
    bool may_see_municipality(const store::User& u, const store::Municipality& m);
};

/// Russian name of a submission status.
std::string status_title(const std::string& status);
/// Russian name of a job state: «в очереди», «выполняется», «готово», «не выполнено».
std::string job_state_title(const std::string& state);
/// «06.12.2026 14:05» (UTC).
std::string time_text(store::Time t);

}  // namespace nastavnik::serve
