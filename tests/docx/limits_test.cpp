// Limits on filling a template (TemplateLimits, docs/LIMITS.md): loops inside loops over the
// whole data, or a large value repeated, stop with an error naming the tag instead of filling
// memory.

#include "docx_fixture.hpp"

using namespace docx_test;

namespace {

std::vector<nastavnik::Diagnostic> render_errors(const std::string& body, const nastavnik::xpath::Evaluator& ev, xmlNodePtr root) {
    const auto tpl = nastavnik::docx::Template::from_bytes(make_docx(body), "шаблон.docx");
    try {
        (void)tpl.render(ev, root);
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(nastavnik::ErrorCode::template_invalid));
        return e.diagnostics();
    }
    BOOST_ERROR("no error");
    return {};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(docx_limits, Data)

BOOST_AUTO_TEST_CASE(loops_inside_loops_stop_at_the_repetition_limit) {
    // ~40 nodes, four loops deep: 2.5 million repetitions.
    const auto errs = render_errors(
        p("{{#each //node()}}{{#each //node()}}{{#each //node()}}{{#each //node()}}x{{/each}}{{/each}}{{/each}}{{/each}}"), ev,
        root());
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message == "тег {{#each //node()}}: документ получается слишком большим — блоки повторяются более " +
                                      std::to_string(nastavnik::docx::TemplateLimits::max_repetitions) + " раз",
               errs[0].message);
    BOOST_TEST(errs[0].where.file == "шаблон.docx");
    // Three deep (64 000 repetitions) is still filled.
    const auto tpl = nastavnik::docx::Template::from_bytes(
        make_docx(p("{{#each //node()}}{{#each //node()}}{{#each //node()}}x{{/each}}{{/each}}{{/each}}")), "шаблон.docx");
    BOOST_TEST(tpl.render(ev, root()).size() > 10000u);
}

BOOST_AUTO_TEST_CASE(a_large_value_repeated_stops_at_the_size_limit) {
    // 100 repetitions of a 1 MB value: 100 MB, over the 64 MB of a part.
    std::string xml = "<data><big>" + std::string(1 << 20, 'a') + "</big>";
    for (int i = 0; i < 100; ++i) xml += "<n/>";
    xml += "</data>";
    xmlDocPtr big_doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "big.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE);
    BOOST_REQUIRE(big_doc != nullptr);
    {
        nastavnik::xpath::Evaluator big(big_doc, "2023-11-01");
        const auto errs = render_errors(p("{{#each /data/n}}{{ /data/big }}{{/each}}"), big, xmlDocGetRootElement(big_doc));
        BOOST_REQUIRE_EQUAL(errs.size(), 1u);
        // The loop or the value, whichever crosses the limit first, is named.
        BOOST_TEST(errs[0].message.ends_with(": документ получается слишком большим — больше 64\u00A0МБ в одной части"),
                   errs[0].message);
        BOOST_TEST(errs[0].message.starts_with("тег {{"), errs[0].message);
    }
    xmlFreeDoc(big_doc);
}

BOOST_AUTO_TEST_CASE(xml_nested_too_deep_is_refused_in_russian) {
    // libxml2 stops at 256 levels; the message says so in Russian, naming the part.
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<w:sdt><w:sdtContent>";
    deep += p("текст");
    for (int i = 0; i < 300; ++i) deep += "</w:sdtContent></w:sdt>";
    const auto errs = errors_of_package(make_docx(deep), nastavnik::ErrorCode::package_invalid);
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].message == "повреждённый XML (элементы XML вложены глубже 256 уровней (допустимая глубина вложенности))",
               errs[0].message);
    BOOST_TEST(has(errs[0].where.path, "word/document.xml"), errs[0].where.path);
}

BOOST_AUTO_TEST_CASE(a_text_node_over_10_mb_is_refused_in_russian) {
    const auto errs = errors_of_package(make_docx(p(std::string(11u << 20, 'a'))), nastavnik::ErrorCode::package_invalid);
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].message == "повреждённый XML (текст одного элемента длиннее 10 МБ)", errs[0].message);
}

BOOST_AUTO_TEST_SUITE_END()
