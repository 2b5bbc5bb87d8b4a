// The DOCX package: untouched parts copied as they are, reproducible output, hostile and
// broken packages refused with Error(package_invalid) naming the file.

#include "docx/package.hpp"
#include "docx_fixture.hpp"

#include <cstdlib>
#include <ctime>
#include <optional>

using namespace docx_test;
using nastavnik::Error;
using nastavnik::ErrorCode;

namespace {

/// The message of the package error `bytes` raise as a template named evil.docx.
std::string package_error(const std::string& bytes) {
    try {
        (void)nastavnik::docx::Template::from_bytes(bytes, "evil.docx");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::package_invalid), e.what());
        BOOST_TEST(e.diagnostics().front().where.file == "evil.docx");
        return e.diagnostics().front().to_string();
    }
    return "(no error)";
}

/// Replaces every occurrence of `from` by `to` (same length) in zip bytes: a way to forge
/// names that libzip would not write.
std::string patched(std::string bytes, const std::string& from, const std::string& to) {
    BOOST_REQUIRE_EQUAL(from.size(), to.size());
    std::size_t n = 0;
    for (std::size_t pos; (pos = bytes.find(from)) != std::string::npos; ++n) bytes.replace(pos, from.size(), to);
    BOOST_REQUIRE(n >= 2);  // local header and central directory
    return bytes;
}

void put32(std::string& b, std::size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) b[at + static_cast<std::size_t>(k)] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

/// Sets TZ for the life of the object.
struct TimeZone {
    std::optional<std::string> saved;
    explicit TimeZone(const char* tz) {
        if (const char* old = std::getenv("TZ")) saved = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~TimeZone() {
        if (saved)
            setenv("TZ", saved->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(docx_package, Data)

BOOST_AUTO_TEST_CASE(untouched_entries_are_copied_without_recompression) {
    std::string image(20000, '\0');
    for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<char>((i * 7919) % 251);
    const std::string in = make_docx(p("{{organisation/flag}}"),
                                     {{"word/media/image1.png", {image, true}},
                                      {"word/styles.xml", {"<w:styles xmlns:w=\"" + std::string(w_uri) + "\"/>"}},
                                      {"word/media/image2.png", {std::string(5000, 'B')}}});
    const std::string out = render_package(in);
    const Archive a(in), b(out);
    for (const char* name : {"word/media/image1.png", "word/styles.xml", "word/media/image2.png", "_rels/.rels"}) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(a.read(name, ZIP_FL_COMPRESSED) == b.read(name, ZIP_FL_COMPRESSED));  // the raw stored bytes
            BOOST_TEST(a.stat(name).crc == b.stat(name).crc);
            BOOST_TEST(a.stat(name).comp_method == b.stat(name).comp_method);
            BOOST_TEST(a.stat(name).mtime == b.stat(name).mtime);
        }
    }
    BOOST_TEST(b.read("word/media/image1.png") == image);
    BOOST_TEST(has(b.read("word/document.xml"), ">да</w:t>"));
}

BOOST_AUTO_TEST_CASE(output_is_deterministic) {
    const auto tpl = nastavnik::docx::Template::from_bytes(make_docx(p("{{organisation/flag}}")), "t.docx");
    const std::string first = tpl.render(ev, root());
    BOOST_TEST(tpl.render(ev, root()) == first);
    // The time stamp of a rewritten part is fixed: 1980-01-01 00:00, whatever the time zone.
    std::string in_other_zone;
    {
        const TimeZone tz("Asia/Vladivostok");
        in_other_zone = tpl.render(ev, root());
    }
    BOOST_TEST(in_other_zone == first);
    const time_t mtime = Archive(first).stat("word/document.xml").mtime;
    std::tm local{};
    localtime_r(&mtime, &local);
    BOOST_TEST(local.tm_year == 80);
    BOOST_TEST(local.tm_mon == 0);
    BOOST_TEST(local.tm_mday == 1);
}

BOOST_AUTO_TEST_CASE(entry_names_that_escape_the_package_are_refused) {
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"../evil.txt", {"x"}}})),
                   "evil.docx: недопустимое имя части пакета «../evil.txt»: выход за пределы пакета"));
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"word/../../evil.txt", {"x"}}})), "выход за пределы пакета"));
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"/etc/passwd", {"x"}}})), "абсолютный путь"));
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"C:/evil.txt", {"x"}}})), "абсолютный путь"));
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"word\\evil.txt", {"x"}}})), "обратная косая черта"));
    BOOST_TEST(
        has(package_error(patched(make_docx(p("x"), {{"word/evilX.xml", {"x"}}}), "evilX", std::string("evil\0", 5))),
            "«word/evil?.xml»: символ NUL в имени"));
    BOOST_TEST(has(package_error(patched(make_docx(p("x"), {{"word/documenX.xml", {"x"}}}), "documenX", "document")),
                   "в ZIP-архиве две части с одним именем"));
}

BOOST_AUTO_TEST_CASE(too_many_entries) {
    std::map<std::string, std::string> many;
    for (int i = 0; i < 2001; ++i) many["f" + std::to_string(i)] = "";
    BOOST_TEST(
        has(package_error(make_zip(many)), "слишком много частей в пакете DOCX (2001; допускается не более 2000)"));
}

BOOST_AUTO_TEST_CASE(a_size_that_lies_does_not_get_past_the_limit) {
    // 65 MiB of spaces declared as 1000 bytes: libzip inflates all of it without complaint,
    // the limit counts what is actually inflated.
    const std::size_t big = (64u << 20) + 1;
    std::string bytes = make_zip(std::map<std::string, std::string>{{"word/document.xml", std::string(big, ' ')}});
    put32(bytes, 22, 1000);                                          // local header: uncompressed size
    put32(bytes, bytes.rfind(std::string("PK\1\2", 4)) + 24, 1000);  // central directory
    BOOST_TEST(has(package_error(bytes), "часть пакета «word/document.xml» слишком велика после распаковки"));
}

BOOST_AUTO_TEST_CASE(truncated_and_foreign_files) {
    const std::string good = make_docx(p("x"));
    BOOST_TEST(has(package_error(good.substr(0, good.size() / 2)), "не является документом DOCX"));
    BOOST_TEST(has(package_error(good.substr(0, good.size() - 10)), "не является документом DOCX"));
    BOOST_TEST(has(package_error("это не zip"), "не является документом DOCX"));
    BOOST_TEST(has(package_error(""), "файл пуст"));
    BOOST_TEST(has(package_error(make_zip(std::map<std::string, std::string>{{"readme.txt", "x"}})),
                   "нет основной части word/document.xml"));
}

BOOST_AUTO_TEST_CASE(doctype_and_entities_are_refused) {
    const std::string xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
        "<w:document xmlns:w=\"" +
        std::string(w_uri) +
        "\"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p>"
        "</w:body></w:document>";
    BOOST_TEST(has(package_error(make_zip(std::map<std::string, std::string>{{"word/document.xml", xxe}})),
                   "evil.docx: часть «word/document.xml»: объявление DOCTYPE в документе Word не допускается"));
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int i = 1; i < 10; ++i) {
        laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) laughs += "&lol" + (i > 1 ? std::to_string(i - 1) : std::string()) + ";";
        laughs += "\">";
    }
    laughs += "]><lolz>&lol9;</lolz>";
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"word/header1.xml", {laughs}}})),
                   "часть «word/header1.xml»: объявление DOCTYPE"));
}

BOOST_AUTO_TEST_CASE(broken_xml_names_the_part_and_line) {
    const std::string broken =
        "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"" + std::string(w_uri) + "\">\n<w:body>\n<w:p></w:body>";
    const std::string message =
        package_error(make_zip(std::map<std::string, std::string>{{"word/document.xml", broken}}));
    BOOST_TEST(has(message, "evil.docx: часть «word/document.xml», строка 4: повреждённый XML ("));
}

BOOST_AUTO_TEST_CASE(raw_entry_names_and_name_rules) {
    using nastavnik::docx::entry_name_problem;
    const std::string zip = make_zip(std::map<std::string, std::string>{{"a.xml", "1"}, {"word/b.xml", "2"}});
    BOOST_TEST((nastavnik::docx::raw_entry_names(zip) == std::vector<std::string>{"a.xml", "word/b.xml"}));
    BOOST_TEST(nastavnik::docx::raw_entry_names("garbage").empty());
    BOOST_TEST(entry_name_problem("word/document.xml").empty());
    BOOST_TEST(entry_name_problem("word/..foo.xml").empty());  // only a whole ".." segment climbs
    BOOST_TEST(!entry_name_problem("word/..").empty());
    BOOST_TEST(!entry_name_problem("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
