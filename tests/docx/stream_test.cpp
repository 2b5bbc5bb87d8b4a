// Rendering straight into bytes (the plan of renderer.cpp) and writing the package without
// libzip (docx::Rewriter) must give what copying the DOM and libzip give, byte for byte. Every
// rendering test of this folder checks that through the fixture (render_checked); here: the
// real templates with the sample organisations, the cases the plan declines, and the zip writer.

#include "docx/package.hpp"
#include "docx_fixture.hpp"

#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/generate/document_settings.hpp"
#include "nastavnik/generate/generator.hpp"

#include <filesystem>

using namespace docx_test;
namespace fs = std::filesystem;
using nastavnik::docx::Template;

namespace {

const fs::path source = NASTAVNIK_SOURCE_DIR;

bool every_part_planned(const Template& tpl) {
    const auto& compiled = compiled_of(tpl);
    bool all = !compiled.parts.empty();
    for (const auto& part : compiled.parts) all = all && part.plan != nullptr;
    return all && compiled.rewriter != nullptr;
}

// Both ways, for a package that may fail to render: same bytes or the same problems.
void compare(const Template& tpl, const nastavnik::xpath::Evaluator& ev, xmlNodePtr context) {
    try {
        (void)render_checked(tpl, ev, context);
    } catch (const nastavnik::Error&) {
        // render_checked compared the problems already
    }
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(docx_direct_rendering, Data)

BOOST_AUTO_TEST_CASE(real_templates_with_the_sample_organisations) {
    std::size_t compared = 0;
    for (const char* sample : {"barnaul-gymnasium-compliant.json", "barnaul-school-42.json", "lastochka.json"}) {
        const auto tree = nastavnik::data::DataTree::load(source / "samples" / sample);
        for (const auto& kind : nastavnik::generate::document_kinds()) {
            BOOST_TEST_CONTEXT(sample << ", " << kind.template_file) {
                const auto tpl = Template::load(source / "templates" / kind.template_file);
                BOOST_TEST(every_part_planned(tpl));
                nastavnik::generate::Options options;
                options.as_of = *nastavnik::Date::parse_iso("2026-11-22");
                const nastavnik::xpath::Evaluator org_ev(
                    tree.doc(), "2026-11-22",
                    nastavnik::generate::document_variables(tree, options, kind.act_kind,
                                                            nastavnik::generate::document_settings(tree)));
                std::vector<xmlNodePtr> contexts{tree.root()};
                if (!kind.each.empty()) contexts = org_ev.nodes(nastavnik::xpath::Expression::compile(kind.each), tree.root());
                for (xmlNodePtr context : contexts) {
                    compare(tpl, org_ev, context);
                    ++compared;
                }
            }
        }
    }
    BOOST_TEST(compared > 27u);
}

BOOST_AUTO_TEST_CASE(templates_of_other_commands_with_the_wrong_data) {
    // Filled from the test data: mostly empty values, so the problems are compared too. (The
    // municipal report has pictures with their own namespace declarations inside blocks: it is
    // rendered by copying, once per run.)
    for (const auto& entry : fs::directory_iterator(source / "templates")) {
        BOOST_TEST_CONTEXT(entry.path().filename().string()) {
            const auto tpl = Template::load(entry.path());
            compare(tpl, ev, root());
        }
    }
}

BOOST_AUTO_TEST_CASE(data_with_markup_characters_carriage_returns_and_line_breaks) {
    const std::string xml_text = "<data><a>x &lt; y &amp;&amp; z &gt; \"q\"&#13;\nвторая&#13;\n&#13;\n\tтабуляция&#13;</a></data>";
    xmlDocPtr data_doc = xmlReadMemory(xml_text.data(), static_cast<int>(xml_text.size()), "d.xml", "UTF-8", XML_PARSE_NONET);
    BOOST_REQUIRE(data_doc != nullptr);
    const nastavnik::xpath::Evaluator e(data_doc, "2023-11-01");
    const auto tpl = Template::from_bytes(make_docx(p("[{{a}}]") + p("{{? a/none}}")), "t.docx");
    BOOST_TEST(every_part_planned(tpl));
    const std::string out = entry(render_checked(tpl, e, xmlDocGetRootElement(data_doc)), "word/document.xml");
    BOOST_TEST(has(out, ">x &lt; y &amp;&amp; z &gt; "));
    BOOST_TEST(has(out, "</w:t><w:br/><w:t xml:space=\"preserve\">вторая</w:t><w:br/><w:br/><w:tab/>"));
    xmlFreeDoc(data_doc);
}

BOOST_AUTO_TEST_CASE(elements_left_empty_are_written_as_empty_elements) {
    // A run whose only text was a block that writes nothing; a cell and a table emptied.
    const std::string body = "<w:p><w:r><w:rPr/></w:r><w:r><w:t>{{#if false()}}нет{{/if}}</w:t></w:r></w:p>" +
                             std::string("<w:tbl><w:tblPr/><w:tr>") + tc(p("{{#each none/x}}") + p("{{.}}") + p("{{/each}}")) +
                             "</w:tr></w:tbl><w:tbl><w:tr>" + tc(p("{{#each none/x}}{{.}}")) + tc(p("{{/each}}")) +
                             "</w:tr></w:tbl>" + p("конец");
    const std::string out = xml(body);  // compared with the copying renderer by the fixture
    BOOST_TEST(has(out, "<w:tc><w:tcPr/><w:p/></w:tc>"));
    BOOST_TEST(count(out, "<w:tbl>") == 1u);  // the second table lost its only row
}

BOOST_AUTO_TEST_CASE(namespace_declarations_inside_a_block_are_left_to_the_copying_renderer) {
    // The copying renderer reconciles namespaces of what a block writes and drops redundant
    // declarations; the plan does not imitate that, so such a part is copied.
    const std::string body = p("{{#each pairs/pair}}") +
                             "<w:p xmlns:w=\"" + std::string(w_uri) + "\"><w:r><w:t>{{mentor}}</w:t></w:r></w:p>" +
                             p("{{/each}}");
    const auto tpl = Template::from_bytes(make_docx(body), "t.docx");
    BOOST_TEST(compiled_of(tpl).parts.front().plan == nullptr);
    const std::string out = entry(render_checked(tpl, ev, root()), "word/document.xml");
    BOOST_TEST(count(out, "Иванова") == 1u);
}

BOOST_AUTO_TEST_CASE(comments_and_processing_instructions_are_left_to_the_copying_renderer) {
    const auto tpl = Template::from_bytes(make_docx("<!-- примечание -->" + p("{{organisation/flag}}") + "<?pi x?>"), "t.docx");
    BOOST_TEST(compiled_of(tpl).parts.front().plan == nullptr);
    BOOST_TEST(has(entry(render_checked(tpl, ev, root()), "word/document.xml"), "<!-- примечание -->"));
}

BOOST_AUTO_TEST_CASE(rewriter_writes_what_libzip_writes_for_several_parts) {
    const std::string header = w_part("hdr", p("Шапка {{organisation/flag}}"));
    const std::string footer = w_part("ftr", p("{{#each pairs/pair}}{{@id}} {{/each}}"));
    std::string image(30000, '\0');
    for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<char>((i * 7919) % 251);
    const auto tpl = Template::from_bytes(make_docx(p("{{organisation/short_name}}"),
                                                    {{"word/header1.xml", {header}},
                                                     {"word/footer1.xml", {footer}},
                                                     {"word/media/image1.png", {image, true}},
                                                     {"word/zz.xml", {std::string(5000, 'z')}}}),
                                          "t.docx");
    BOOST_TEST(every_part_planned(tpl));
    BOOST_TEST(compiled_of(tpl).parts.size() == 3u);
    const std::string out = render_checked(tpl, ev, root());  // bytes compared with libzip's
    BOOST_TEST(entry(out, "word/media/image1.png") == image);
    BOOST_TEST(has(entry(out, "word/footer1.xml"), ">p1"));
}

BOOST_AUTO_TEST_CASE(rewriter_refuses_what_it_cannot_reproduce) {
    nastavnik::docx::Package package(make_docx(p("x")), "t.docx");
    BOOST_TEST(nastavnik::docx::Rewriter::prepare(package, {}) == nullptr);  // nothing to replace: libzip copies
    const auto rw = nastavnik::docx::Rewriter::prepare(package, {{"word/document.xml", "<a/>"}});
    BOOST_REQUIRE(rw != nullptr);
    BOOST_TEST(rw->write({{"word/document.xml", "<b/>"}}) == package.with_replaced({{"word/document.xml", "<b/>"}}));
    BOOST_CHECK_THROW((void)rw->write({{"word/other.xml", "<b/>"}}), nastavnik::Error);
}

BOOST_AUTO_TEST_SUITE_END()
