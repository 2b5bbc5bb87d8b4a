#pragma once
// A small HTTP client for the service's tests (Poco::Net), keeping the session cookie and the
// CSRF token like a browser would.

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <map>
#include <string>
#include <vector>

namespace nastavnik::test {

struct Response {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
    std::vector<std::string> set_cookies;

    [[nodiscard]] Poco::JSON::Object::Ptr json() const {
        return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    }
    [[nodiscard]] std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string{} : it->second;
    }
};

class Client {
public:
    explicit Client(std::uint16_t port) : port_(port) {}

    std::string session;  // the session cookie's value
    std::string login_token;
    std::string csrf;

    Response request(const std::string& method, const std::string& path, const std::string& body = {},
                     const std::string& content_type = {}, const std::map<std::string, std::string>& headers = {}) {
        Poco::Net::HTTPClientSession s("127.0.0.1", port_);
        s.setTimeout(Poco::Timespan(120, 0));
        Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        std::string cookie;
        if (!session.empty()) cookie += "nastavnik_session=" + session;
        if (!login_token.empty()) cookie += std::string(cookie.empty() ? "" : "; ") + "nastavnik_login=" + login_token;
        if (!cookie.empty()) req.set("Cookie", cookie);
        for (const auto& [k, v] : headers) req.set(k, v);
        if (!content_type.empty()) req.setContentType(content_type);
        if (method == "POST") req.setContentLength(static_cast<std::streamsize>(body.size()));
        auto& os = s.sendRequest(req);
        os << body;
        Poco::Net::HTTPResponse res;
        auto& is = s.receiveResponse(res);
        Response r;
        r.status = static_cast<int>(res.getStatus());
        Poco::StreamCopier::copyToString(is, r.body);
        for (const auto& [k, v] : res) {
            std::string key = k;
            for (auto& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (key == "set-cookie") {
                r.set_cookies.push_back(v);
                const auto eq = v.find('=');
                const auto semi = v.find(';');
                const std::string name = v.substr(0, eq);
                const std::string value = v.substr(eq + 1, semi - eq - 1);
                if (name == "nastavnik_session") session = value;
                if (name == "nastavnik_login") login_token = value;
            } else {
                r.headers[key] = v;
            }
        }
        return r;
    }

    Response get(const std::string& path) { return request("GET", path); }

    /// A page's form: urlencoded, with the CSRF token unless told otherwise.
    Response post_form(const std::string& path, std::map<std::string, std::string> fields, bool with_csrf = true) {
        if (with_csrf) fields.emplace("csrf", csrf);
        std::string body;
        for (const auto& [k, v] : fields) {
            std::string ek, ev;
            Poco::URI::encode(k, "&=+;?#", ek);
            Poco::URI::encode(v, "&=+;?#", ev);
            body += (body.empty() ? "" : "&") + ek + "=" + ev;
        }
        return request("POST", path, body, "application/x-www-form-urlencoded");
    }

    /// The API: JSON body, the CSRF token in a header.
    Response post_api(const std::string& path, const std::string& json = "{}") {
        return request("POST", path, json, "application/json", {{"X-CSRF-Token", csrf}});
    }

    /// multipart/form-data with one file (pages: csrf field; API: header).
    Response upload(const std::string& path, const std::string& file_name, const std::string& bytes,
                    std::map<std::string, std::string> fields = {}, const std::string& field = "file") {
        const std::string boundary = "----nastavnik-test-boundary-7f3a";
        const bool api = path.starts_with("/api/");
        if (!api) fields.emplace("csrf", csrf);
        std::string body;
        for (const auto& [k, v] : fields) {
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
        }
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + file_name +
                "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" + boundary + "--\r\n";
        std::map<std::string, std::string> headers;
        if (api) headers["X-CSRF-Token"] = csrf;
        return request("POST", path, body, "multipart/form-data; boundary=" + boundary, headers);
    }

    /// Logs in through the API; returns the answer (csrf kept).
    Response login(const std::string& login, const std::string& password) {
        Poco::JSON::Object o;
        o.set("login", login);
        o.set("password", password);
        std::ostringstream os;
        o.stringify(os);
        auto r = request("POST", "/api/login", os.str(), "application/json");
        if (r.status == 200) csrf = r.json()->getValue<std::string>("csrf");
        return r;
    }

private:
    std::uint16_t port_;
};

}  // namespace nastavnik::test
