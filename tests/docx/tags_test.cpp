// The tag scanner: tags found across runs and isolated in runs of their own; expressions
// freed from Word's autocorrect.

#include "docx/tags.hpp"
#include "docx/wordml.hpp"
#include "docx/xml_part.hpp"
#include "docx_fixture.hpp"

using namespace docx_test;
using nastavnik::docx::TagKind;

namespace {

struct Paragraph {
    nastavnik::docx::XmlDoc doc;
    xmlNodePtr p = nullptr;
    std::vector<nastavnik::docx::TagToken> tags;
    std::vector<nastavnik::docx::ScanProblem> problems;

    explicit Paragraph(const std::string& paragraph)
        : doc(nastavnik::docx::parse_part(w_part("document", "<w:body>" + paragraph + "</w:body>"), "t.docx",
                                          "word/document.xml")) {
        p = xmlDocGetRootElement(doc.get())->children->children;
        tags = nastavnik::docx::isolate_tags(p, problems);
    }

    /// The paragraph's runs as "[text]" each, "<…>" for other children.
    [[nodiscard]] std::string runs() const {
        std::string out;
        for (xmlNodePtr c = p->children; c != nullptr; c = c->next) {
            if (nastavnik::docx::is_w(c, "r"))
                out += "[" + nastavnik::docx::all_text(c) + "]";
            else if (c->type == XML_ELEMENT_NODE)
                out += "<" + std::string(reinterpret_cast<const char*>(c->name)) + ">";
        }
        return out;
    }
};

std::string run_xml(xmlNodePtr run) {
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, run->doc, run, 0, 0);
    std::string out(reinterpret_cast<const char*>(xmlBufferContent(buf)));
    xmlBufferFree(buf);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_tags)

BOOST_AUTO_TEST_CASE(tag_split_over_runs_gets_a_run_of_its_own) {
    const Paragraph para(
        "<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>До {</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
        "<w:r><w:t>{ a/</w:t></w:r><w:bookmarkStart w:id=\"1\" w:name=\"b\"/>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>b }</w:t></w:r><w:r><w:t>} после</w:t></w:r></w:p>");
    BOOST_REQUIRE_EQUAL(para.tags.size(), 1u);
    BOOST_TEST(para.tags[0].written == "{{ a/b }}");
    BOOST_TEST(para.tags[0].expression == "a/b");
    BOOST_TEST((para.tags[0].kind == TagKind::value));
    BOOST_TEST(!para.tags[0].alone);
    BOOST_TEST(para.runs() == "[До ][{{ a/b }}]<proofErr><bookmarkStart>[ после]");
    // The tag's run carries the properties of the run where the tag started.
    BOOST_TEST(run_xml(para.tags[0].run) ==
               "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">{{ a/b }}</w:t></w:r>");
}

BOOST_AUTO_TEST_CASE(several_tags_in_one_run_keep_their_order) {
    const Paragraph para("<w:p><w:r><w:t>{{#if x}}да{{else}}нет{{/if}}</w:t><w:tab/><w:t>{{y}}</w:t></w:r></w:p>");
    BOOST_REQUIRE_EQUAL(para.tags.size(), 4u);
    BOOST_TEST((para.tags[0].kind == TagKind::if_));
    BOOST_TEST((para.tags[1].kind == TagKind::else_));
    BOOST_TEST((para.tags[2].kind == TagKind::end_if));
    BOOST_TEST((para.tags[3].kind == TagKind::value));
    BOOST_TEST(para.runs() == "[{{#if x}}][да][{{else}}][нет][{{/if}}][][{{y}}]");  // [] is the run of the tab
    BOOST_TEST(para.tags[0].paragraph == "{{#if x}}да{{else}}нет{{/if}}\t{{y}}");
}

BOOST_AUTO_TEST_CASE(a_tag_alone_in_its_paragraph) {
    BOOST_TEST(Paragraph(p(" {{#each a}} ")).tags.at(0).alone);
    BOOST_TEST(!Paragraph(p("x {{#each a}}")).tags.at(0).alone);
    BOOST_TEST(!Paragraph(p("{{#each a}}{{b}}")).tags.at(0).alone);
    // A picture next to the tag is content: the paragraph must not vanish with the tag.
    BOOST_TEST(!Paragraph("<w:p><w:r><w:t>{{#each a}}</w:t></w:r><w:r><w:drawing/></w:r></w:p>").tags.at(0).alone);
}

BOOST_AUTO_TEST_CASE(paragraphs_without_tags_are_left_alone) {
    const std::string xml = "<w:p><w:r><w:t>просто {текст} {</w:t></w:r><w:r><w:t>}</w:t></w:r></w:p>";
    const Paragraph para(xml);
    BOOST_TEST(para.tags.empty());
    BOOST_TEST(para.problems.empty());
    BOOST_TEST(para.runs() == "[просто {текст} {][}]");
}

BOOST_AUTO_TEST_CASE(a_run_hidden_in_run_properties_is_not_text) {
    // Found by fuzz_docx_template: a run nested in another run's properties was isolated, then
    // freed with its host when the host's text had gone to tags.
    const Paragraph para(
        "<w:p><w:r><w:rPr><w:b><w:r><w:t>{{x}}скрыто</w:t></w:r></w:b></w:rPr><w:t>{{y}}</w:t></w:r></w:p>");
    BOOST_REQUIRE_EQUAL(para.tags.size(), 1u);
    BOOST_TEST(para.tags[0].expression == "y");
    BOOST_TEST(para.tags[0].alone);
    BOOST_TEST(para.problems.empty());
}

BOOST_AUTO_TEST_CASE(deleted_text_and_text_box_paragraphs_are_not_this_paragraphs_text) {
    const Paragraph para(
        "<w:p><w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>{{</w:delText></w:r></w:del>"
        "<w:r><w:t>текст</w:t></w:r></w:p>");
    BOOST_TEST(para.tags.empty());
    BOOST_TEST(para.problems.empty());
}

BOOST_AUTO_TEST_CASE(classify_tags) {
    using nastavnik::docx::classify;
    BOOST_TEST((classify("{{#each pairs/pair}}").kind == TagKind::each));
    BOOST_TEST(classify("{{#each pairs/pair}}").expression == "pairs/pair");
    BOOST_TEST((classify("{{ #if\u00A0a }}").kind == TagKind::if_));
    BOOST_TEST((classify("{{#iffy}}").kind == TagKind::unknown));
    BOOST_TEST((classify("{{ else }}").kind == TagKind::else_));
    BOOST_TEST((classify("{{/each}}").kind == TagKind::end_each));
    BOOST_TEST((classify("{{/if}}").kind == TagKind::end_if));
    BOOST_TEST((classify("{{/data/x}}").kind == TagKind::value));
    BOOST_TEST((classify("{{? a}}").kind == TagKind::optional_value));
    BOOST_TEST(classify("{{? a}}").expression == "a");
    BOOST_TEST((classify("{{}}").kind == TagKind::unknown));
}

BOOST_AUTO_TEST_CASE(plain_expression_undoes_autocorrect) {
    using nastavnik::docx::plain_expression;
    BOOST_TEST(plain_expression("concat(\u201Ca\u201D, \u00ABb\u00BB, \u2018c\u2019, \u201Ed\u201C)") ==
               "concat(\"a\", \"b\", 'c', \"d\")");
    BOOST_TEST(plain_expression("a\u00A0=\u202F1") == "a = 1");
    // ASCII strings are the author's own: their content stays.
    BOOST_TEST(plain_expression("concat('\u00AB', x, '\u00BB\u00A0')") == "concat('\u00AB', x, '\u00BB\u00A0')");
    // A typographic string holding an ASCII quote gets the other ASCII quote.
    BOOST_TEST(plain_expression("\u00ABсказал \"да\"\u00BB") == "'сказал \"да\"'");
    // A nested pair of the other kind stays inside.
    BOOST_TEST(plain_expression("\u00AB\u201Cвнутри\u201D\u00BB") == "\"\u201Cвнутри\u201D\"");
    BOOST_TEST(plain_expression("\u00ABнезакрытая") == "\"незакрытая");
}

BOOST_AUTO_TEST_SUITE_END()
