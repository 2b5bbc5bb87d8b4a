// HTTPS directly (Poco NetSSL), for a department without a reverse proxy: the same pages over
// TLS, the session cookie marked Secure.

#include "world.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>

#include <cstdlib>

namespace nastavnik::test {
namespace {

BOOST_AUTO_TEST_CASE(the_service_speaks_https_with_a_certificate_and_key) {
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / "tls-keys";
    std::filesystem::create_directories(dir);
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout '" +
                            (dir / "key.pem").string() + "' -out '" + (dir / "cert.pem").string() + "' 2>/dev/null";
    BOOST_REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, "openssl could not make a test certificate");
    World w("tls", [&](serve::Options& o) {
        o.tls_certificate = dir / "cert.pem";
        o.tls_key = dir / "key.pem";
    });
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr client = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::HTTPSClientSession s("127.0.0.1", w.port(), client);
    Poco::Net::HTTPRequest req("POST", "/api/login", Poco::Net::HTTPMessage::HTTP_1_1);
    const std::string body = std::string("{\"login\":\"org-a1\",\"password\":\"") + World::password + "\"}";
    req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    s.sendRequest(req) << body;
    Poco::Net::HTTPResponse res;
    std::string answer;
    Poco::StreamCopier::copyToString(s.receiveResponse(res), answer);
    BOOST_CHECK_EQUAL(static_cast<int>(res.getStatus()), 200);
    bool secure = false;
    for (const auto& [k, v] : res) {
        if (Poco::icompare(k, "Set-Cookie") == 0 && v.starts_with("nastavnik_session=")) secure = v.find("; Secure") != std::string::npos;
    }
    BOOST_CHECK(secure);
    // Plain HTTP on the TLS port gets no page.
    Client plain(w.port());
    BOOST_CHECK_THROW(plain.get("/login"), Poco::Exception);
}

}  // namespace
}  // namespace nastavnik::test
