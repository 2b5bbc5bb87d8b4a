#include "nastavnik/serve/service.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "serve/auth.hpp"
#include "serve/context.hpp"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <libxml/parser.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <sstream>

namespace nastavnik::serve {

Model object() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }
List list() { return new Poco::JSON::Array(Poco::JSON_PRESERVE_KEY_ORDER); }

Id Ctx::id(const std::string& name) const {
    const auto it = params.find(name);
    if (it == params.end() || it->second.empty() || it->second.size() > 18 ||
        it->second.find_first_not_of("0123456789") != std::string::npos) {
        throw HttpError(404, "Страница не найдена.");
    }
    return std::stoll(it->second);
}

const std::string& Ctx::field(const std::string& name, const std::string& title) const {
    const auto it = form.find(name);
    if (it == form.end() || it->second.empty()) throw HttpError(400, "Не заполнено поле «" + title + "».");
    return it->second;
}

std::string Ctx::field_or(const std::string& name, const std::string& fallback) const {
    const auto it = form.find(name);
    return it == form.end() ? fallback : it->second;
}

const UploadedFile& Ctx::file(const std::string& name) const {
    for (const auto& f : files) {
        if (f.field == name && !f.bytes.empty()) return f;
    }
    throw HttpError(400, "Выберите файл для загрузки.");
}

std::string status_title(const std::string& status) {
    if (status == "compliant") return "соответствует";
    if (status == "warnings") return "есть предупреждения";
    if (status == "errors") return "есть нарушения";
    if (status == "invalid") return "файл не принят";
    if (status == "no-rulesets") return "нет наборов правил";
    if (status == "none") return "не представлены";
    return status;
}

std::string job_state_title(const std::string& state) {
    if (state == "queued") return "в очереди";
    if (state == "running") return "выполняется";
    if (state == "done") return "готово";
    return "не выполнено";
}

std::string time_text(store::Time t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%d.%m.%Y %H:%M", &tm);
    return buf;
}

namespace {

constexpr const char* session_cookie = "nastavnik_session";
constexpr const char* login_cookie = "nastavnik_login";  // double-submit token of the login form
constexpr store::Time session_seconds = 8 * 3600;

// Every response: no framing, no sniffing, nothing from elsewhere (the pages work offline and
// a stray inline script would not run even if escaping failed).
void security_headers(Poco::Net::HTTPServerResponse& res) {
    res.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("X-Frame-Options", "DENY");
    res.set("Referrer-Policy", "no-referrer");
    res.set("Cache-Control", "no-store");
}

std::string cookie_value(const Poco::Net::HTTPServerRequest& req, const std::string& name) {
    Poco::Net::NameValueCollection cookies;
    req.getCookies(cookies);
    return cookies.get(name, "");
}

std::string cookie_header(const std::string& name, const std::string& value, bool secure, store::Time max_age) {
    std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
    if (secure) c += "; Secure";
    return c;
}

// Reads a form (urlencoded or multipart) with every part bounded: a file over the limit is
// marked and its bytes dropped while reading, never held whole.
class BoundedParts : public Poco::Net::PartHandler {
public:
    BoundedParts(std::vector<UploadedFile>& files, std::size_t limit) : files_(files), limit_(limit) {}
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        UploadedFile f;
        std::string disposition;
        Poco::Net::NameValueCollection params;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
        f.field = params.get("name", "");
        f.file_name = params.get("filename", "");
        char buf[65536];
        while (stream) {
            stream.read(buf, sizeof buf);
            const auto n = static_cast<std::size_t>(stream.gcount());
            if (f.bytes.size() + n > limit_) {
                f.too_large = true;
                f.bytes.clear();
            }
            if (!f.too_large) f.bytes.append(buf, n);
        }
        // A browser sends the path of the file on some systems; only its last part is a name.
        if (const auto slash = f.file_name.find_last_of("/\\"); slash != std::string::npos) f.file_name = f.file_name.substr(slash + 1);
        files_.push_back(std::move(f));
    }

private:
    std::vector<UploadedFile>& files_;
    std::size_t limit_;
};

bool role_in(store::Role r, const std::vector<store::Role>& roles) {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (p < path.size()) {
        const auto next = path.find('/', p);
        const auto part = path.substr(p, next == std::string::npos ? std::string::npos : next - p);
        if (!part.empty()) out.push_back(part);
        if (next == std::string::npos) break;
        p = next + 1;
    }
    return out;
}

bool match(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
    const auto want = split_path(pattern);
    const auto got = split_path(path);
    if (want.size() != got.size()) return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
            found[want[i].substr(1, want[i].size() - 2)] = got[i];
        } else if (want[i] != got[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

Model nav_item(const std::string& href, const std::string& label) {
    auto m = object();
    m->set("href", href);
    m->set("label", label);
    return m;
}

// What every page shows around its own data: the title, who is logged in, the CSRF token for
// its forms, the role's menu.
Model page_model(const Ctx& c, const std::string& title) {
    auto page = object();
    page->set("title", title);
    if (!c.user) return page;
    auto me = object();
    me->set("name", c.user->display_name);
    me->set("role", store::role_title(c.user->role));
    page->set("me", me);
    page->set("csrf", c.csrf);
    auto nav = list();
    switch (c.user->role) {
        case store::Role::admin:
            nav->add(nav_item("/admin", "Пользователи и организации"));
            nav->add(nav_item("/admin/audit", "Журнал действий"));
            break;
        case store::Role::municipal:
            nav->add(nav_item("/municipalities/" + std::to_string(c.user->municipality_id), "Организации муниципалитета"));
            break;
        case store::Role::organisation: nav->add(nav_item("/orgs/" + std::to_string(c.user->organisation_id), "Моя организация")); break;
        case store::Role::inspector: nav->add(nav_item("/inspections", "Проверки")); break;
        case store::Role::editor: nav->add(nav_item("/rulesets", "Наборы правил")); break;
    }
    nav->add(nav_item("/password", "Сменить пароль"));
    page->set("nav", nav);
    return page;
}

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(Service::Impl& svc) : svc_(svc) {}
    void handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) override;

private:
    Reply dispatch(Ctx& c);
    void respond(Ctx& c, Reply& r, Poco::Net::HTTPServerResponse& res);
    void error_page(Ctx& c, Poco::Net::HTTPServerResponse& res, int status, const std::string& message,
                    const std::vector<std::string>& details = {});
    Service::Impl& svc_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(Service::Impl& svc) : svc_(svc) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override { return new Handler(svc_); }

private:
    Service::Impl& svc_;
};

void Handler::error_page(Ctx& c, Poco::Net::HTTPServerResponse& res, int status, const std::string& message,
                         const std::vector<std::string>& details) {
    res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    auto m = object();
    m->set("error", message);
    auto d = list();
    for (const auto& s : details) d->add(s);
    m->set("details", d);
    m->set("status", status);
    std::string body;
    if (c.api) {
        std::ostringstream os;
        Poco::JSON::Stringifier::stringify(m, os);
        body = os.str();
        res.setContentType("application/json; charset=utf-8");
    } else {
        m->set("page", page_model(c, "Ошибка"));
        try {
            body = svc_.pages->render("error", m);
        } catch (const std::exception&) {
            // The page templates themselves failed: a fixed text, no data in it.
            body = "<!doctype html><meta charset=\"utf-8\"><title>Ошибка</title><p>Ошибка сервиса. Сообщите администратору.</p>";
        }
        res.setContentType("text/html; charset=utf-8");
    }
    res.setContentLength(static_cast<std::streamsize>(body.size()));
    res.send() << body;
}

void Handler::handleRequest(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
    const auto started = std::chrono::steady_clock::now();
    Ctx c(svc_, req);
    c.method = req.getMethod();
    std::string raw_path;
    try {
        const Poco::URI uri(req.getURI());
        raw_path = uri.getPath();
        for (const auto& [k, v] : uri.getQueryParameters()) c.query[k] = v;
    } catch (const Poco::Exception&) {
        raw_path = "/";
    }
    c.api = raw_path == "/api" || raw_path.starts_with("/api/");
    c.path = c.api ? raw_path.substr(4) : raw_path;
    if (c.path.empty()) c.path = "/";
    security_headers(res);
    int status = 200;
    try {
        Reply r = dispatch(c);
        status = r.redirect.empty() || c.api ? r.status : 303;
        respond(c, r, res);
    } catch (const HttpError& e) {
        status = e.status;
        error_page(c, res, e.status, e.what());
    } catch (const store::Unavailable&) {
        status = 503;
        res.set("Retry-After", "30");
        error_page(c, res, 503,
                   "Сервис временно не может сохранить данные: база данных занята или на диске нет места. "
                   "Ранее сохранённые данные не затронуты. Повторите действие через минуту; если ошибка "
                   "повторяется, сообщите администратору.");
    } catch (const Error& e) {
        if (e.code() == ErrorCode::io) {
            status = 503;
            error_page(c, res, 503,
                       "Сервис не может записать файл (возможно, на диске нет места). Ранее сохранённые данные не "
                       "затронуты. Сообщите администратору.");
        } else {
            status = 422;
            std::vector<std::string> details;
            for (const auto& d : e.diagnostics()) details.push_back(d.to_string());
            error_page(c, res, 422, "Данные не приняты.", details);
        }
    } catch (const Poco::Net::NetException&) {
        status = 400;  // the client went away or sent a broken request
    } catch (const std::exception& e) {
        status = 500;
        std::cerr << "nastavnik serve: internal error: " << e.what() << "\n";
        try {
            error_page(c, res, 500, "Внутренняя ошибка сервиса. Сообщите администратору.");
        } catch (...) {
        }
    }
    if (!svc_.opt.quiet) {
        // Paths carry ids only; the query string (filters) and bodies are never logged.
        const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        char line[512];
        std::snprintf(line, sizeof line, "%s %s %d %.1fms user=%lld\n", c.method.c_str(), raw_path.substr(0, 200).c_str(),
                      status, ms, static_cast<long long>(c.user_id()));
        std::cerr << line;
    }
}

Reply Handler::dispatch(Ctx& c) {
    // The route first: an unknown path is 404 for everyone, a known one is authorised.
    const Route* route = nullptr;
    bool path_known = false;
    for (const Route& r : svc_.routes) {
        std::map<std::string, std::string> params;
        if (!match(r.pattern, c.path, params)) continue;
        path_known = true;
        if (r.method != c.method && !(r.method == "GET" && c.method == "HEAD")) continue;
        route = &r;
        c.params = std::move(params);
        break;
    }
    if (route == nullptr) throw HttpError(path_known ? 405 : 404, path_known ? "Метод не поддерживается." : "Страница не найдена.");

    // Who is asking.
    const std::string token = cookie_value(c.req, session_cookie);
    if (!token.empty() && token.size() <= 128) {
        const std::string hash = sha256_hex(token);
        if (auto s = svc_.db->session(hash, store::now())) {
            if (auto u = svc_.db->user(s->user_id); u && u->active) {
                c.user = std::move(u);
                c.session_hash = hash;
                c.csrf = s->csrf;
            }
        }
    }

    // The form, bounded (a body over the limit is refused before it is read).
    if (c.method == "POST") {
        const auto length = c.req.getContentLength64();
        if (length != Poco::Net::HTTPMessage::UNKNOWN_CONTENT_LENGTH &&
            static_cast<std::size_t>(length) > svc_.opt.max_upload_bytes + (64u << 10)) {
            // Read and drop what the browser is sending (up to a bound) so that it gets to see
            // the answer instead of a reset connection.
            if (length <= (256ll << 20)) {
                char sink[65536];
                auto& in = c.req.stream();
                while (in.read(sink, sizeof sink) || in.gcount() > 0) {
                }
            }
            throw HttpError(413, "Файл слишком большой: допускается не более " +
                                     std::to_string(svc_.opt.max_upload_bytes >> 20) + " МБ.");
        }
        const std::string type = c.req.getContentType();
        // HTTP/1.1: no length and not chunked is an empty body (reading would wait for the peer).
        const bool has_body = length > 0 || c.req.getChunkedTransferEncoding();
        if (!has_body) {
        } else if (type.starts_with("application/json")) {
            std::string body;
            Poco::StreamCopier::copyToString(c.req.stream(), body, 8192);
            if (body.size() > (1u << 20)) throw HttpError(413, "Запрос слишком большой.");
            try {
                const auto v = Poco::JSON::Parser().parse(body);
                const auto o = v.extract<Poco::JSON::Object::Ptr>();
                for (const auto& [k, val] : *o) c.form[k] = val.isEmpty() ? "" : val.convert<std::string>();
            } catch (const Poco::Exception&) {
                throw HttpError(400, "Тело запроса — не объект JSON.");
            }
        } else {
            BoundedParts parts(c.files, svc_.opt.max_upload_bytes);
            Poco::Net::HTMLForm form;
            form.setFieldLimit(200);
            try {
                form.load(c.req, c.req.stream(), parts);
            } catch (const Poco::Exception&) {
                throw HttpError(400, "Форма передана не полностью или повреждена.");
            }
            for (const auto& [k, v] : form) c.form[k] = v;
            for (const auto& f : c.files) {
                if (f.too_large) {
                    throw HttpError(413, "Файл слишком большой: допускается не более " +
                                             std::to_string(svc_.opt.max_upload_bytes >> 20) + " МБ.");
                }
            }
        }
    }

    if (!route->access.open) {
        if (!c.user) {
            if (c.api) throw HttpError(401, "Требуется вход в систему.");
            Reply r;
            r.redirect = "/login";
            return r;
        }
        // A one-time password must be replaced before anything else.
        if (c.user->must_change_password && c.path != "/password" && c.path != "/logout") {
            if (c.api) throw HttpError(403, "Смените временный пароль.");
            Reply r;
            r.redirect = "/password";
            return r;
        }
        if (!role_in(c.user->role, route->access.roles)) throw HttpError(403, "Нет доступа к этой странице.");
        if (route->access.scope == Scope::organisation) {
            c.org = svc_.db->organisation(c.id("org"));
            if (!c.org || !svc_.may_see_organisation(*c.user, *c.org)) throw HttpError(403, "Нет доступа к этой организации.");
            c.mun = svc_.db->municipality(c.org->municipality_id);
        } else if (route->access.scope == Scope::municipality) {
            c.mun = svc_.db->municipality(c.id("mun"));
            if (!c.mun || !svc_.may_see_municipality(*c.user, *c.mun)) throw HttpError(403, "Нет доступа к этому муниципалитету.");
        }
        // Every state change carries the session's CSRF token: a form field, or for the API a header.
        if (c.method == "POST") {
            const std::string sent = c.api ? c.req.get("X-CSRF-Token", "") : c.field_or("csrf");
            if (!equal_constant_time(sent, c.csrf)) throw HttpError(403, "Форма устарела: обновите страницу и повторите.");
        }
    }
    return route->handler(c);
}

void Handler::respond(Ctx& c, Reply& r, Poco::Net::HTTPServerResponse& res) {
    for (const auto& cookie : r.cookies) res.add("Set-Cookie", cookie);
    if (r.is_file) {
        res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
        res.setContentType(r.content_type);
        // RFC 6266/5987: the UTF-8 name for browsers, an ASCII fallback for the rest.
        std::string encoded;
        Poco::URI::encode(r.file_name, "", encoded);
        res.set("Content-Disposition", "attachment; filename=\"download" +
                                           r.file_name.substr(r.file_name.rfind('.') == std::string::npos ? r.file_name.size()
                                                                                                          : r.file_name.rfind('.')) +
                                           "\"; filename*=UTF-8''" + encoded);
        res.setContentLength(static_cast<std::streamsize>(r.body.size()));
        if (c.method == "HEAD") {
            res.send();
            return;
        }
        res.send().write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
        return;
    }
    if (!r.model) r.model = object();
    std::string body;
    if (c.api) {
        std::ostringstream os;
        Poco::JSON::Stringifier::stringify(r.model, os);
        body = os.str();
        res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
        res.setContentType("application/json; charset=utf-8");
    } else if (!r.redirect.empty()) {
        res.setStatus(Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
        res.set("Location", r.redirect);
        res.setContentLength(0);
        res.send();
        return;
    } else {
        r.model->set("page", page_model(c, r.model->has("title") ? r.model->getValue<std::string>("title") : std::string("Наставничество")));
        body = svc_.pages->render(r.view, r.model);
        res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
        res.setContentType("text/html; charset=utf-8");
    }
    res.setContentLength(static_cast<std::streamsize>(body.size()));
    if (c.method == "HEAD") {
        res.send();
        return;
    }
    res.send() << body;
}

std::string content_type_of(const std::string& name) {
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".svg")) return "image/svg+xml";
    if (name.ends_with(".png")) return "image/png";
    if (name.ends_with(".ico")) return "image/x-icon";
    return "application/octet-stream";
}

}  // namespace

// ---- the service

Service::Impl::Impl(Options o) : opt(std::move(o)) {
    xmlInitParser();
    init_crypto();
    std::filesystem::create_directories(opt.data);
    for (const char* sub : {"uploads", "jobs", "work"}) std::filesystem::create_directories(opt.data / sub);
    if (opt.database.empty()) {
        db = std::make_unique<store::Store>("sqlite", (opt.data / "nastavnik.db").string());
    } else if (opt.database.starts_with("postgresql:")) {
        db = std::make_unique<store::Store>("postgresql", opt.database.substr(11));
    } else {
        throw Error(ErrorCode::usage, "--database: ожидается postgresql:СТРОКА-ПОДКЛЮЧЕНИЯ, получено «" + opt.database + "»");
    }
    pages = std::make_unique<Templates>(opt.home / "web" / "templates");
    // The service's rulesets: a copy of the installed ones (first start) plus the versions its
    // editors publish, each beside the version it succeeds (so its tests apply to it).
    rulesets_root = opt.data / "rulesets";
    if (!std::filesystem::exists(rulesets_root)) {
        const auto tmp = opt.data / "rulesets.tmp";
        std::filesystem::remove_all(tmp);
        std::filesystem::copy(opt.home / "rulesets", tmp, std::filesystem::copy_options::recursive);
        std::filesystem::rename(tmp, rulesets_root);
    }
    add_routes();
    add_organisation_routes();
    add_municipality_routes();
    add_admin_routes();
    add_ruleset_routes();
}

Service::Impl::~Impl() = default;

Date Service::Impl::as_of() const {
    if (opt.as_of) {
        if (auto d = Date::parse_iso(*opt.as_of)) return *d;
    }
    return Date::today();
}

std::shared_ptr<const rules::Catalog> Service::Impl::catalog() {
    std::lock_guard lock(catalog_mutex);
    if (!catalog_) catalog_ = std::make_shared<const rules::Catalog>(rules::Catalog::load(rulesets_root));
    return catalog_;
}

void Service::Impl::reload_catalog() {
    auto fresh = std::make_shared<const rules::Catalog>(rules::Catalog::load(rulesets_root));
    std::lock_guard lock(catalog_mutex);
    catalog_ = std::move(fresh);
}

std::shared_ptr<const generate::TemplateSet> Service::Impl::document_templates() {
    std::lock_guard lock(templates_mutex);
    if (!templates_) templates_ = std::make_shared<const generate::TemplateSet>(opt.home / "templates", std::vector<std::string>{});
    return templates_;
}

store::Upload Service::Impl::keep_upload(Ctx& c, const std::string& kind, const UploadedFile& f, Id organisation, Id municipality) {
    store::Upload u;
    u.kind = kind;
    u.sha256 = sha256_hex(f.bytes);
    u.size = static_cast<std::int64_t>(f.bytes.size());
    u.file_name = f.file_name.empty() ? "file" : f.file_name.substr(0, 200);
    std::string ext = u.file_name.substr(u.file_name.rfind('.') == std::string::npos ? u.file_name.size() : u.file_name.rfind('.'));
    if (ext != ".json" && ext != ".xlsx" && ext != ".xml") ext = ".bin";
    // Content-addressed: the same bytes are one file, never rewritten; read-only on disk.
    u.stored_path = "uploads/" + u.sha256.substr(0, 2) + "/" + u.sha256 + ext;
    const auto path = file(u.stored_path);
    {
        // Two requests with the same bytes (a double click, a shared sample) would write the
        // same temporary name: one at a time in this process (another process's temporary name
        // has its own pid).
        static std::mutex writing;
        std::lock_guard lock(writing);
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            std::filesystem::create_directories(path.parent_path(), ec);
            write_file_atomic(path, f.bytes);
            std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read, ec);
        }
    }
    u.uploaded_by = c.user_id();
    u.organisation_id = organisation;
    u.municipality_id = municipality;
    store::Store::Transaction tx(*db);
    u.id = db->add_upload(u);
    db->audit(c.user_id(), "upload", kind + ":" + std::to_string(organisation ? organisation : municipality),
              "upload:" + std::to_string(u.id) + " sha256:" + u.sha256 + " bytes:" + std::to_string(u.size));
    tx.commit();
    return u;
}

std::string Service::Impl::upload_bytes(const store::Upload& u) const {
    const std::string bytes = read_file(file(u.stored_path), std::size_t{1} << 30);
    // What was stored is what is processed: a file changed on disk is refused, not used.
    if (sha256_hex(bytes) != u.sha256) throw Error(ErrorCode::io, "файл загрузки повреждён на диске", InputLocation{u.stored_path, 0, 0, {}});
    return bytes;
}

bool Service::Impl::may_see_organisation(const store::User& u, const store::Organisation& o) {
    switch (u.role) {
        case store::Role::organisation: return u.organisation_id == o.id;
        case store::Role::municipal: return u.municipality_id == o.municipality_id;
        case store::Role::inspector: return db->inspector_assigned(u.id, o.id);
        case store::Role::admin:
        case store::Role::editor: return false;
    }
    return false;
}

bool Service::Impl::may_see_municipality(const store::User& u, const store::Municipality& m) {
    return u.role == store::Role::municipal && u.municipality_id == m.id;
}

void Service::Impl::add_routes() {
    using store::Role;
    const Access open{true, {}, Scope::none};
    const Access anyone{false, {Role::admin, Role::municipal, Role::organisation, Role::inspector, Role::editor}, Scope::none};

    routes.push_back({"GET", "/static/{name}", open, [this](Ctx& c) {
                          const std::string& name = c.params["name"];
                          if (name.empty() || name.size() > 64 || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos ||
                              name.front() == '.') {
                              throw HttpError(404, "Страница не найдена.");
                          }
                          const auto path = opt.home / "web" / "static" / name;
                          std::error_code ec;
                          if (!std::filesystem::is_regular_file(path, ec)) throw HttpError(404, "Страница не найдена.");
                          Reply r = Reply::file(read_file(path, 4u << 20), content_type_of(name), name);
                          r.is_file = true;
                          return r;
                      }});

    routes.push_back({"GET", "/login", open, [this](Ctx& c) {
                          auto m = object();
                          m->set("title", "Вход");
                          const std::string token = random_hex(16);
                          m->set("login_token", token);
                          Reply r = Reply::page("login", m);
                          r.cookies.push_back(cookie_header(login_cookie, token, opt.secure_cookie, 3600));
                          (void)c;
                          return r;
                      }});

    routes.push_back({"POST", "/login", open, [this](Ctx& c) {
                          // A cross-site form cannot read our cookie, so it cannot repeat it in the form
                          // (the API takes JSON only, which a cross-site form cannot send).
                          if (!c.api) {
                              const std::string cookie = cookie_value(c.req, login_cookie);
                              if (cookie.empty() || !equal_constant_time(cookie, c.field_or("login_token"))) {
                                  throw HttpError(403, "Форма входа устарела: обновите страницу и повторите.");
                              }
                          } else if (!c.req.getContentType().starts_with("application/json")) {
                              throw HttpError(415, "Вход через API: тело запроса — JSON {\"login\": …, \"password\": …}.");
                          }
                          const std::string login = c.field_or("login").substr(0, 200);
                          const std::string password = c.field_or("password").substr(0, 1024);
                          const store::Time t = store::now();
                          const std::string login_key = "login:" + sha256_hex(login);
                          const std::string ip_key = "ip:" + c.req.clientAddress().host().toString();
                          if (db->login_failures(login_key, t - opt.login_window_seconds) >= opt.login_attempts ||
                              db->login_failures(ip_key, t - opt.login_window_seconds) >= opt.login_attempts * 4) {
                              db->audit(0, "login.throttled", "", "");
                              throw HttpError(429, "Слишком много неудачных попыток входа. Повторите через " +
                                                       std::to_string(opt.login_window_seconds / 60) + " мин.");
                          }
                          const auto u = db->user_by_login(login);
                          bool ok = false;
                          if (u) ok = verify_password(u->password_hash, password) && u->active;
                          else verify_dummy(password);
                          if (!ok) {
                              db->add_login_failure(login_key, t, opt.login_window_seconds);
                              db->add_login_failure(ip_key, t, opt.login_window_seconds);
                              db->audit(0, "login.failed", "", "");
                              throw HttpError(401, "Неверное имя пользователя или пароль.");
                          }
                          db->clear_login_failures(login_key);
                          const std::string token = random_hex(32);
                          store::Session s{u->id, random_hex(32), t + session_seconds};
                          db->add_session(sha256_hex(token), s);
                          db->audit(u->id, "login", "user:" + std::to_string(u->id), "");
                          auto m = object();
                          m->set("user", u->id);
                          m->set("role", store::role_token(u->role));
                          m->set("csrf", s.csrf);
                          m->set("must_change_password", u->must_change_password);
                          Reply r = Reply::see_other(u->must_change_password ? "/password" : "/", m);
                          r.cookies.push_back(cookie_header(session_cookie, token, opt.secure_cookie, session_seconds));
                          r.cookies.push_back(cookie_header(login_cookie, "", opt.secure_cookie, 0));
                          return r;
                      }});

    routes.push_back({"POST", "/logout", anyone, [this](Ctx& c) {
                          db->remove_session(c.session_hash);
                          db->audit(c.user_id(), "logout", "user:" + std::to_string(c.user_id()), "");
                          auto m = object();
                          m->set("ok", true);
                          Reply r = Reply::see_other("/login", m);
                          r.cookies.push_back(cookie_header(session_cookie, "", opt.secure_cookie, 0));
                          return r;
                      }});

    routes.push_back({"GET", "/", anyone, [](Ctx& c) {
                          std::string to = "/password";
                          switch (c.user->role) {
                              case store::Role::admin: to = "/admin"; break;
                              case store::Role::municipal: to = "/municipalities/" + std::to_string(c.user->municipality_id); break;
                              case store::Role::organisation: to = "/orgs/" + std::to_string(c.user->organisation_id); break;
                              case store::Role::inspector: to = "/inspections"; break;
                              case store::Role::editor: to = "/rulesets"; break;
                          }
                          auto m = object();
                          m->set("home", to);
                          m->set("user", c.user->id);
                          m->set("name", c.user->display_name);
                          m->set("role", store::role_token(c.user->role));
                          m->set("csrf", c.csrf);
                          return Reply::see_other(to, m);
                      }});

    routes.push_back({"GET", "/password", anyone, [](Ctx& c) {
                          auto m = object();
                          m->set("title", "Смена пароля");
                          m->set("must_change", c.user->must_change_password);
                          return Reply::page("password", m);
                      }});

    routes.push_back({"POST", "/password", anyone, [this](Ctx& c) {
                          const std::string& current = c.field("current", "Текущий пароль");
                          const std::string& fresh = c.field("new", "Новый пароль");
                          if (!verify_password(c.user->password_hash, current)) throw HttpError(400, "Текущий пароль указан неверно.");
                          if (fresh.size() < 10) throw HttpError(400, "Новый пароль должен быть не короче 10 символов.");
                          if (fresh != c.field_or("repeat")) throw HttpError(400, "Новый пароль и его повтор не совпадают.");
                          db->set_password(c.user->id, hash_password(fresh), false);
                          db->audit(c.user_id(), "password.change", "user:" + std::to_string(c.user_id()), "");
                          auto m = object();
                          m->set("ok", true);
                          return Reply::see_other("/", m);
                      }});
}

Service::Service(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Service::~Service() { stop(); }

void Service::start() {
    auto& s = *impl_;
    const auto colon = s.opt.listen.rfind(':');
    if (colon == std::string::npos) throw Error(ErrorCode::usage, "--listen: ожидается АДРЕС:ПОРТ, получено «" + s.opt.listen + "»");
    const bool tls = !s.opt.tls_certificate.empty() || !s.opt.tls_key.empty();
    if (tls && (s.opt.tls_certificate.empty() || s.opt.tls_key.empty())) {
        throw Error(ErrorCode::usage, "для HTTPS укажите и сертификат (--tls-cert), и закрытый ключ (--tls-key)");
    }
    try {
        Poco::Net::ServerSocket socket;
        if (tls) {
            // TLS 1.2 or newer, the server's cipher order; a cookie over HTTPS is marked Secure.
            static std::once_flag ssl;
            std::call_once(ssl, [] { Poco::Net::initializeSSL(); });
            Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, s.opt.tls_key.string(),
                                                                     s.opt.tls_certificate.string(), "", Poco::Net::Context::VERIFY_NONE);
            context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
            context->preferServerCiphers();
            socket = Poco::Net::SecureServerSocket(Poco::Net::SocketAddress(s.opt.listen), 128, context);
            s.opt.secure_cookie = true;
        } else {
            socket = Poco::Net::ServerSocket(Poco::Net::SocketAddress(s.opt.listen), 128);
        }
        s.port = socket.address().port();
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(static_cast<int>(s.opt.http_threads));
        params->setMaxQueued(256);
        params->setKeepAlive(true);
        params->setTimeout(Poco::Timespan(60, 0));
        s.http_pool = std::make_unique<Poco::ThreadPool>(2, static_cast<int>(s.opt.http_threads) + 2);
        s.http = std::make_unique<Poco::Net::HTTPServer>(new Factory(s), *s.http_pool, socket, params);
        s.http->start();
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCode::io, "не удаётся принимать соединения на " + s.opt.listen + ": " + e.displayText());
    }
    s.recover_jobs();
    s.start_workers();
}

void Service::stop() {
    if (!impl_) return;
    if (impl_->http) {
        impl_->http->stopAll(true);
        impl_->http.reset();
    }
    impl_->stop_workers();
    if (impl_->http_pool) {
        impl_->http_pool->joinAll();
        impl_->http_pool.reset();
    }
}

std::uint16_t Service::port() const { return impl_->port; }

std::string create_admin(const Options& options, const std::string& login) {
    if (login.empty() || login.size() > 64) throw Error(ErrorCode::usage, "--create-admin: укажите имя пользователя (до 64 символов)");
    Service::Impl svc(options);
    const std::string password = one_time_password();
    if (auto existing = svc.db->user_by_login(login)) {
        if (existing->role != store::Role::admin) {
            throw Error(ErrorCode::usage, "пользователь «" + login + "» уже есть и он не администратор");
        }
        svc.db->set_password(existing->id, hash_password(password), true);
        svc.db->set_user_active(existing->id, true);
        svc.db->remove_sessions_of(existing->id);
        svc.db->audit(0, "admin.reset", "user:" + std::to_string(existing->id), "cli");
        return password;
    }
    store::User u;
    u.login = login;
    u.display_name = "Администратор";
    u.role = store::Role::admin;
    u.password_hash = hash_password(password);
    u.must_change_password = true;
    const Id id = svc.db->add_user(u);
    svc.db->audit(0, "admin.create", "user:" + std::to_string(id), "cli");
    return password;
}

}  // namespace nastavnik::serve
