// Template errors: every problem of a template at once, each naming the template, the
// paragraph (its text) and the tag (docs/CONTRACTS.md §4).

#include "docx_fixture.hpp"

using namespace docx_test;
using nastavnik::ErrorCode;

BOOST_FIXTURE_TEST_SUITE(docx_errors, Data)

BOOST_AUTO_TEST_CASE(two_broken_tags_one_error_with_two_diagnostics) {
    const auto errs =
        errors(p("Первый абзац: {{count(}}") + p("Нормальный {{$doc_number}}") + p("Второй {{#if}}x{{/if}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    BOOST_TEST(errs[0].where.file == "шаблон.docx");
    BOOST_TEST(errs[0].where.path == "абзац «Первый абзац: {{count(}}»");
    BOOST_TEST(has(errs[0].message, "тег {{count(}}: выражение «count(»: не закрыта скобка"));
    BOOST_TEST(errs[1].where.path == "абзац «Второй {{#if}}x{{/if}}»");
    BOOST_TEST(errs[1].message == "тег {{#if}}: нет выражения");
}

BOOST_AUTO_TEST_CASE(unclosed_each) {
    const auto errs = errors(p("{{#each pairs/pair}}") + p("{{mentor}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "абзац «{{#each pairs/pair}}»");
    BOOST_TEST(errs[0].message == "тег {{#each pairs/pair}}: нет закрывающего {{/each}}");
}

BOOST_AUTO_TEST_CASE(stray_closing_tags) {
    const auto errs = errors(p("текст {{/if}}") + p("{{/each}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    BOOST_TEST(errs[0].message == "тег {{/if}}: закрывающий тег без открывающего");
    BOOST_TEST(errs[0].where.path == "абзац «текст {{/if}}»");
    BOOST_TEST(errs[1].message == "тег {{/each}}: закрывающий тег без открывающего");
}

BOOST_AUTO_TEST_CASE(mismatched_closing_tag_closes_the_open_block) {
    // Reported once; the tags after it are still checked against the right blocks.
    const auto errs = errors(p("{{#each pairs/pair}}x{{/if}}") + p("{{#if organisation/flag}}") + p("{{/if}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message == "тег {{/if}}: закрывает не тот блок: открыт {{#each pairs/pair}}");
}

BOOST_AUTO_TEST_CASE(else_outside_if) {
    BOOST_TEST(errors(p("{{else}}")).at(0).message == "тег {{else}}: {{else}} вне блока {{#if}}");
    BOOST_TEST(errors(p("{{#each pairs/pair}}{{else}}{{/each}}")).at(0).message ==
               "тег {{else}}: {{else}} вне блока {{#if}}: внутри {{#each pairs/pair}}");
    BOOST_TEST(errors(p("{{#if none}}a{{else}}b{{else}}c{{/if}}")).at(0).message ==
               "тег {{else}}: второй {{else}} в одном блоке {{#if none}}");
}

BOOST_AUTO_TEST_CASE(else_must_fit_the_scope) {
    const std::string row =
        "<w:tbl><w:tr>" + tc(p("{{#if none}}")) + tc(p("{{else}}")) + tc(p("{{/if}}")) + "</w:tr></w:tbl>";
    BOOST_TEST(has(errors(row).at(0).message, "{{else}} не поддерживается в блоке, охватывающем строку таблицы"));
    BOOST_TEST(has(errors(p("{{#if none}}") + p("а {{else}} б") + p("{{/if}}")).at(0).message,
                   "{{else}} должен стоять в отдельном абзаце"));
}

BOOST_AUTO_TEST_CASE(bad_xpath_and_unknown_tags) {
    const auto errs = errors(p("{{pairs/pair[}}") + p("{{#frobnicate x}}") + p("{{#each /data/[1]}}{{/each}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 3u);
    BOOST_TEST(has(errs[0].message, "тег {{pairs/pair[}}: выражение «pairs/pair[»"));
    BOOST_TEST(has(errs[1].message, "тег {{#frobnicate x}}: неизвестный тег"));
    BOOST_TEST(has(errs[2].message, "тег {{#each /data/[1]}}: выражение «/data/[1]»"));
}

BOOST_AUTO_TEST_CASE(unbalanced_braces) {
    const auto errs = errors(p("текст {{organisation") + p("а }} б"));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    BOOST_TEST(errs[0].message == "тег {{organisation не закрыт: нет «}}»");
    BOOST_TEST(errs[0].where.path == "абзац «текст {{organisation»");
    BOOST_TEST(errs[1].message == "лишние «}}» без открывающих «{{»");
}

BOOST_AUTO_TEST_CASE(long_paragraphs_are_cut_in_messages) {
    const std::string long_text(200, 'x');
    const auto errs = errors(p(long_text + " {{/if}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "абзац «" + std::string(80, 'x') + "…»");
}

BOOST_AUTO_TEST_CASE(errors_in_headers_name_the_part) {
    const auto errs =
        errors_of_package(make_docx(p("{{/each}}"), {{"word/header2.xml", {w_part("hdr", p("{{count(}}"))}}}));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    const auto header = errs[0].where.path.find("колонтитул") != std::string::npos ? errs[0] : errs[1];
    BOOST_TEST(header.where.path == "верхний колонтитул (word/header2.xml), абзац «{{count(}}»");
}

BOOST_AUTO_TEST_CASE(empty_value_is_an_error_unless_optional) {
    const auto errs = errors(p("Телефон: {{organisation/empty}}") + p("Факс: {{organisation/fax}}") +
                             p("Пробелы: {{organisation/blank}}") + p("Можно: {{?organisation/empty}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 3u);
    BOOST_TEST(errs[0].where.path == "абзац «Телефон: {{organisation/empty}}»");
    BOOST_TEST(
        errs[0].message ==
        "тег {{organisation/empty}}: пустое значение — нет данных (если значение необязательно, пишите {{? …}})");
    BOOST_TEST(has(errs[1].message, "тег {{organisation/fax}}: пустое значение"));
    BOOST_TEST(has(errs[2].message, "тег {{organisation/blank}}: пустое значение"));
}

BOOST_AUTO_TEST_CASE(evaluation_errors_are_collected) {
    const auto errs = errors(p("{{n:date('вчера')}}") + p("{{#each organisation/flag = 1}}{{/each}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 2u);
    BOOST_TEST(has(errs[0].message, "тег {{n:date('вчера')}}: "));
    BOOST_TEST(has(errs[1].message, "тег {{#each organisation/flag = 1}}: "));
}

BOOST_AUTO_TEST_CASE(errors_inside_loops_name_the_repetition) {
    const auto errs = errors(p("{{#each pairs/pair}}{{mentee}}{{/each}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(has(errs[0].message, "тег {{mentee}}: пустое значение"));
    BOOST_TEST(has(errs[0].message, "(повторение 3 из 3 блока {{#each pairs/pair}})"));
}

BOOST_AUTO_TEST_CASE(a_tag_failing_in_every_repetition_is_reported_a_few_times) {
    const auto errs = errors(p("{{#each //*}}{{n:date(.)}}{{/each}}"));
    BOOST_REQUIRE_EQUAL(errs.size(), 4u);
    BOOST_TEST(has(errs[3].message, "тег {{n:date(.)}}: то же ещё в "));
}

BOOST_AUTO_TEST_SUITE_END()
