#include "docx_fixture.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <boost/test/unit_test.hpp>

#include <cstring>

using nastavnik::Error;
using nastavnik::ErrorCode;
using nastavnik::docx::Template;
using namespace docx_test;

namespace {

const char* const data_xml =
    "<data><organisation><short_name>МБОУ «СОШ № 1» &amp; Ко &lt;тест&gt;</short_name><empty/>"
    "<multi>строка 1\nстрока 2</multi><flag>да</flag></organisation>"
    "<pairs><pair><mentor>Иванова</mentor><mentee>Петров</mentee></pair>"
    "<pair><mentor>Сидорова</mentor><mentee>Орлова</mentee></pair></pairs>"
    "<groups><group><mentor>Смирнов</mentor><mentees><mentee>А</mentee><mentee>Б</mentee><mentee>В</mentee></mentees></group>"
    "<group><mentor>Кузнецова</mentor><mentees><mentee>Г</mentee></mentees></group></groups>"
    "<none/></data>";

struct Data {
    xmlDocPtr doc = xmlReadMemory(data_xml, static_cast<int>(std::strlen(data_xml)), "d.xml", "UTF-8", XML_PARSE_NONET);
    nastavnik::xpath::Evaluator ev{doc, "2023-11-01"};
    ~Data() { xmlFreeDoc(doc); }

    std::string render(const std::string& body, std::map<std::string, std::string> extra = {}) const {
        const auto tpl = Template::from_bytes(make_docx(body, std::move(extra)), "t.docx");
        return tpl.render(ev, xmlDocGetRootElement(doc));
    }
    std::string text(const std::string& body) const { return nastavnik::docx::document_text(render(body)); }

    std::vector<nastavnik::Diagnostic> errors(const std::string& body, ErrorCode expected = ErrorCode::template_invalid) const {
        try {
            render(body);
        } catch (const Error& e) {
            BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(expected));
            return e.diagnostics();
        }
        return {};
    }
};

bool has(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(docx_template, Data)

BOOST_AUTO_TEST_CASE(value_tag_split_across_runs_proof_errors_and_bookmarks) {
    const std::string body =
        "<w:p><w:r><w:t>Организация: {</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>{organisation/</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
        "<w:r><w:t>short_name}</w:t></w:r><w:bookmarkEnd w:id=\"0\"/><w:r><w:t>} — конец</w:t></w:r></w:p>";
    BOOST_TEST(text(body) == "Организация: МБОУ «СОШ № 1» & Ко <тест> — конец\n");
}

BOOST_AUTO_TEST_CASE(absolute_paths_are_expressions_not_closing_tags) {
    BOOST_TEST(text(p("{{/data/organisation/flag}} {{#if /data/organisation/flag}}ок{{/if}}")) == "да ок\n");
}

BOOST_AUTO_TEST_CASE(values_are_escaped_in_xml) {
    const std::string xml = entry(render(p("{{organisation/short_name}}")), "word/document.xml");
    BOOST_TEST(has(xml, "&amp; Ко &lt;тест&gt;"));
    BOOST_TEST(!has(xml, "<тест>"));
}

BOOST_AUTO_TEST_CASE(typographic_quotes_inside_tags) {
    BOOST_TEST(text(p("{{concat(\u201Cа\u201D, \u00ABб\u00BB, \u2018в\u2019)}}")) == "абв\n");
}

BOOST_AUTO_TEST_CASE(newline_becomes_a_line_break) {
    const std::string xml = entry(render(p("{{organisation/multi}}")), "word/document.xml");
    BOOST_TEST(has(xml, "строка 1</w:t><w:br/><w:t xml:space=\"preserve\">строка 2"));
}

BOOST_AUTO_TEST_CASE(run_properties_are_kept_for_the_value) {
    const std::string xml = entry(render("<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>{{organisation/flag}}</w:t></w:r></w:p>"), "word/document.xml");
    BOOST_TEST(has(xml, "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">да</w:t></w:r>"));
}

BOOST_AUTO_TEST_CASE(inline_if_else) {
    BOOST_TEST(text(p("Итог: {{#if organisation/flag = 'да'}}выполнено{{else}}нет{{/if}}.")) == "Итог: выполнено.\n");
    BOOST_TEST(text(p("Итог: {{#if organisation/flag = 'нет'}}выполнено{{else}}нет{{/if}}.")) == "Итог: нет.\n");
    BOOST_TEST(text(p("А{{#if none/x}}Б{{/if}}В")) == "АВ\n");
}

BOOST_AUTO_TEST_CASE(paragraph_if_removes_tag_paragraphs) {
    const std::string body = p("до") + p("{{#if organisation/flag}}") + p("внутри") + p("{{else}}") + p("иначе") + p("{{/if}}") + p("после");
    BOOST_TEST(text(body) == "до\nвнутри\nпосле\n");
}

BOOST_AUTO_TEST_CASE(paragraph_loop) {
    const std::string body = p("{{#each pairs/pair}}") + p("{{mentor}} — {{mentee}}") + p("{{/each}}");
    BOOST_TEST(text(body) == "Иванова — Петров\nСидорова — Орлова\n");
}

BOOST_AUTO_TEST_CASE(table_row_loop) {
    const std::string cell = "<w:tc><w:tcPr/>";
    const std::string body =
        "<w:tbl><w:tr>" + cell + p("Наставник") + "</w:tc>" + cell + p("Наставляемый") + "</w:tc></w:tr>"
        "<w:tr>" + cell + p("{{#each pairs/pair}}{{mentor}}") + "</w:tc>" + cell + p("{{mentee}}{{/each}}") + "</w:tc></w:tr></w:tbl>";
    const std::string xml = entry(render(body), "word/document.xml");
    BOOST_TEST(text(body) == "Наставник\nНаставляемый\nИванова\nПетров\nСидорова\nОрлова\n");
    std::size_t rows = 0;
    for (std::size_t pos = 0; (pos = xml.find("<w:tr>", pos)) != std::string::npos; ++pos) ++rows;
    BOOST_TEST(rows == 3u);
}

BOOST_AUTO_TEST_CASE(nested_loops_with_relative_expressions) {
    const std::string body = p("{{#each groups/group}}") + p("{{mentor}}: {{#each mentees/mentee}}{{.}};{{/each}}") + p("{{/each}}");
    BOOST_TEST(text(body) == "Смирнов: А;Б;В;\nКузнецова: Г;\n");
}

BOOST_AUTO_TEST_CASE(loop_over_nothing_removes_the_row_and_the_empty_table) {
    const std::string body = "<w:tbl><w:tr><w:tc>" + p("{{#each none/x}}{{.}}") + "</w:tc><w:tc>" + p("{{/each}}") + "</w:tc></w:tr></w:tbl>" + p("после");
    const std::string xml = entry(render(body), "word/document.xml");
    BOOST_TEST(!has(xml, "<w:tbl>"));
    BOOST_TEST(text(body) == "после\n");
}

BOOST_AUTO_TEST_CASE(all_template_errors_at_once_naming_paragraph_and_tag) {
    const auto errs = errors(p("Первый {{count(}} абзац") + p("Второй {{#each pairs/pair}} без конца") + p("Третий {{/if}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 3u);
    BOOST_TEST(errs[0].where.file == "t.docx");
    BOOST_TEST(errs[0].where.path == "абзац «Первый {{count(}} абзац»");
    BOOST_TEST(has(errs[0].message, "тег {{count(}}: выражение «count(»: не закрыта скобка"));
    BOOST_TEST(errs[1].where.path == "абзац «Третий {{/if}}»");
    BOOST_TEST(has(errs[1].message, "тег {{/if}}: закрывает не тот блок: открыт {{#each pairs/pair}}"));
    BOOST_TEST(has(errs[2].message, "тег {{#each pairs/pair}}: нет закрывающего тега {{/each}}"));
}

BOOST_AUTO_TEST_CASE(mismatched_and_stray_tags) {
    BOOST_TEST(has(errors(p("{{/each}}")).at(0).message, "закрывающий тег без открывающего"));
    BOOST_TEST(has(errors(p("{{#each pairs/pair}}x{{/if}}")).at(0).message, "закрывает не тот блок"));
    BOOST_TEST(has(errors(p("{{else}}")).at(0).message, "{{else}} вне блока {{#if}}"));
    BOOST_TEST(has(errors(p("текст {{organisation")).at(0).message, "тег не закрыт"));
    BOOST_TEST(has(errors(p("{{#frobnicate x}}")).at(0).message, "неизвестный тег"));
}

BOOST_AUTO_TEST_CASE(empty_value_is_an_error_unless_optional) {
    const auto errs = errors(p("Телефон: {{organisation/empty}}") + p("Факс: {{organisation/fax}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    BOOST_TEST(has(errs[0].message, "пустое значение"));
    BOOST_TEST(text(p("Телефон: {{? organisation/empty}}.")) == "Телефон: .\n");
}

BOOST_AUTO_TEST_CASE(evaluation_errors_are_collected) {
    const auto errs = errors(p("{{n:date('вчера')}}") + p("{{n:date(organisation/flag)}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    BOOST_TEST(has(errs[0].message, "ожидается дата в формате ГГГГ-ММ-ДД"));
}

BOOST_AUTO_TEST_CASE(untouched_parts_are_copied_raw_and_output_is_deterministic) {
    const std::string image(5000, '\x42');
    std::map<std::string, std::string> extra{{"word/media/image1.png", image}, {"word/styles.xml", "<styles/>"}};
    const std::string in = make_docx(p("{{organisation/flag}}"), extra);
    const auto tpl = Template::from_bytes(in, "t.docx");
    const std::string a = tpl.render(ev, xmlDocGetRootElement(doc));
    const std::string b = tpl.render(ev, xmlDocGetRootElement(doc));
    BOOST_TEST(a == b);
    BOOST_TEST((raw_identity(a, "word/media/image1.png") == raw_identity(in, "word/media/image1.png")));
    BOOST_TEST((raw_identity(a, "word/styles.xml") == raw_identity(in, "word/styles.xml")));
    BOOST_TEST(entry(a, "word/media/image1.png") == image);
}

BOOST_AUTO_TEST_CASE(tags_in_headers_and_footers) {
    const std::string header = "<?xml version=\"1.0\"?><w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
                               p("{{organisation/flag}}") + "</w:hdr>";
    const std::string out = render(p("тело"), {{"word/header1.xml", header}});
    BOOST_TEST(has(entry(out, "word/header1.xml"), ">да</w:t>"));
}

BOOST_AUTO_TEST_CASE(hostile_packages) {
    auto package_error = [&](const std::string& bytes) -> std::string {
        try {
            Template::from_bytes(bytes, "evil.docx");
        } catch (const Error& e) {
            BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::package_invalid));
            BOOST_TEST(e.diagnostics().front().where.file == "evil.docx");
            return e.diagnostics().front().message;
        }
        return "(no error)";
    };
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"../evil.txt", "x"}})), "недопустимое имя части пакета «../evil.txt»"));
    BOOST_TEST(has(package_error(make_docx(p("x"), {{"/etc/passwd", "x"}})), "недопустимое имя"));
    const std::string doctype = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                                "<w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>";
    BOOST_TEST(has(package_error(make_zip({{"word/document.xml", doctype}})), "DOCTYPE"));
    const std::string good = make_docx(p("x"));
    BOOST_TEST(has(package_error(good.substr(0, good.size() / 2)), "не является документом DOCX"));
    BOOST_TEST(has(package_error("это не zip"), "не является документом DOCX"));
    BOOST_TEST(has(package_error(make_zip({{"readme.txt", "x"}})), "word/document.xml"));
    std::map<std::string, std::string> many;
    for (int i = 0; i < 2100; ++i) many["f" + std::to_string(i)] = "";
    BOOST_TEST(has(package_error(make_zip(many)), "слишком много частей"));
    BOOST_TEST(has(package_error(make_zip({{"word/document.xml", "<w:document"}})), "повреждённый XML"));
}

BOOST_AUTO_TEST_SUITE_END()
