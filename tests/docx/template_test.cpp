// Rendering: value tags, blocks and their scopes (docs/CONTRACTS.md §4).

#include "docx_fixture.hpp"

using namespace docx_test;

BOOST_FIXTURE_TEST_SUITE(docx_render, Data)

// ---- values ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(value_tag_split_over_three_runs_with_proof_error_and_bookmark) {
    const std::string body =
        "<w:p><w:r><w:t>Организация: {</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>{organisation/</w:t></w:r><w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
        "<w:r><w:t>short_</w:t></w:r><w:proofErr w:type=\"spellEnd\"/><w:r><w:t>name}</w:t></w:r>"
        "<w:bookmarkEnd w:id=\"0\"/><w:r><w:t>} — конец</w:t></w:r></w:p>";
    // Text from the data gets the typography of the templates: NBSP after «№», «ёлочки».
    BOOST_TEST(text(body) == "Организация: МБОУ «СОШ №\u00A01» & Ко <тест> «кавычки» 'апостроф' — конец\n");
    const std::string out = xml(body);
    BOOST_TEST(has(out, "<w:bookmarkStart"));  // what sat between the pieces stays
    BOOST_TEST(has(out, "<w:proofErr"));
}

BOOST_AUTO_TEST_CASE(value_takes_the_properties_of_the_run_where_the_tag_starts) {
    const std::string out =
        xml("<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Итог: {{organisation/</w:t></w:r>"
            "<w:r><w:rPr><w:b/></w:rPr><w:t>flag}}!</w:t></w:r></w:p>");
    BOOST_TEST(has(out, "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">да</w:t></w:r>"));
    BOOST_TEST(has(out, "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">!</w:t></w:r>"));
    BOOST_TEST(count(out, "<w:r>") == 3u);  // no empty runs left behind
}

// A person's name is a run of its own, of no language (w:lang zxx, w:noProof): LibreOffice, Word
// and our PDF never hyphenate it at a line end (review 5, C3). The run's own properties stay, in
// the schema's order; the text around the name keeps its language.
BOOST_AUTO_TEST_CASE(names_are_runs_of_no_language) {
    const char* people =
        "<data><staff><person><surname>Медведева</surname><name>Ксения</name><patronymic>Юрьевна</patronymic>"
        "<gender>ж</gender></person></staff><note>группа наставника В.А. Носковой, 3 чел.</note></data>";
    xmlDocPtr people_doc = xmlReadMemory(people, static_cast<int>(std::strlen(people)), "data.xml", "UTF-8", XML_PARSE_NONET);
    nastavnik::xpath::Evaluator people_ev{people_doc, "2023-11-01"};
    const std::string body =
        "<w:p><w:r><w:rPr><w:i/><w:sz w:val=\"28\"/></w:rPr><w:t>Поручить {{n:initials-surname(/data/staff/person, 'дат')}}.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>{{concat('Я, ', n:full-name(/data/staff/person), ', согласна')}}</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>{{/data/note}}</w:t></w:r></w:p>";
    const std::string out = entry(
        render_checked(nastavnik::docx::Template::from_bytes(make_docx(body), "шаблон.docx"), people_ev, xmlDocGetRootElement(people_doc)),
        "word/document.xml");
    xmlFreeDoc(people_doc);
    const std::string zxx = "<w:noProof/><w:lang w:val=\"zxx\"/>";
    BOOST_TEST(has(out, "<w:r><w:rPr><w:i/>" + std::string("<w:noProof/><w:sz w:val=\"28\"/><w:lang w:val=\"zxx\"/>") +
                            "</w:rPr><w:t xml:space=\"preserve\">К.Ю.\u00A0Медведевой</w:t></w:r>"), out);
    BOOST_TEST(has(out, "<w:r><w:t xml:space=\"preserve\">Я, </w:t></w:r><w:r><w:rPr>" + zxx +
                            "</w:rPr><w:t xml:space=\"preserve\">Медведева Ксения Юрьевна</w:t></w:r>"
                            "<w:r><w:t xml:space=\"preserve\">, согласна</w:t></w:r>"), out);
    BOOST_TEST(has(out, "<w:t xml:space=\"preserve\">группа наставника </w:t></w:r><w:r><w:rPr>" + zxx +
                            "</w:rPr><w:t xml:space=\"preserve\">В.А.\u00A0Носковой</w:t></w:r>"), out);
    BOOST_TEST(count(out, "zxx") == 3u);
}

// A template that quotes a title ending in a quoted name: the two closing marks coincide and one
// is written (Мильчин), as typography() writes them in the data (review 5, C8).
BOOST_AUTO_TEST_CASE(coinciding_closing_quotes_are_written_once) {
    BOOST_TEST(text(p("приказ «{{concat('Детский сад ', '\"Теремок\"')}}» и «{{concat('Школа ', '\"Успех\"', ' г. Бийска')}}»")) ==
               "приказ «Детский сад «Теремок» и «Школа «Успех» г.\u00A0Бийска»\n");
}

BOOST_AUTO_TEST_CASE(tags_inside_hyperlinks_revisions_smart_tags_and_content_controls) {
    const std::string body =
        "<w:p><w:hyperlink w:anchor=\"a\"><w:r><w:t>{{organisation/</w:t></w:r></w:hyperlink>"
        "<w:r><w:t>flag}}</w:t></w:r></w:p>"
        "<w:p><w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>{{$doc</w:t></w:r></w:ins>"
        "<w:r><w:t>_number}}</w:t></w:r></w:p>"
        "<w:p><w:smartTag w:uri=\"u\" w:element=\"e\"><w:r><w:t>{{$doc_number}}</w:t></w:r></w:smartTag></w:p>"
        "<w:p><w:sdt><w:sdtContent><w:r><w:t>{{organisation/flag}}</w:t></w:r></w:sdtContent></w:sdt></w:p>";
    BOOST_TEST(text(body) == "да\n127\n127\nда\n");
}

BOOST_AUTO_TEST_CASE(several_tags_in_one_run) {
    BOOST_TEST(text(p("{{$doc_number}}-{{organisation/flag}}/{{$doc_number}}")) == "127-да/127\n");
}

BOOST_AUTO_TEST_CASE(absolute_paths_are_expressions_not_closing_tags) {
    BOOST_TEST(text(p("{{/data/organisation/flag}} {{#if /data/organisation/flag}}ок{{/if}}")) == "да ок\n");
}

BOOST_AUTO_TEST_CASE(values_are_escaped_never_parsed) {
    const std::string out = xml(p("{{organisation/short_name}}"));
    BOOST_TEST(has(out, "МБОУ «СОШ №\u00A01» &amp; Ко &lt;тест&gt; «кавычки» 'апостроф'"));
    BOOST_TEST(!has(out, "<тест>"));
}

BOOST_AUTO_TEST_CASE(braces_in_data_are_text_not_tags) {
    BOOST_TEST(text(p("{{organisation/braces}}")) == "{{не тег}}\n");
}

BOOST_AUTO_TEST_CASE(typographic_quotes_and_nbsp_inside_tags) {
    BOOST_TEST(text(p("{{concat(\u201C\u0430\u201D, \u00AB\u0431\u00BB, \u2018\u0432\u2019, \u201E\u0433\u201C)}}")) ==
               "абвг\n");
    BOOST_TEST(text(p("{{#if\u00A0organisation/flag\u00A0=\u00A0\u00ABда\u00BB}}ок{{/if}}")) == "ок\n");
    // In an ASCII-quoted string guillemets and NBSP are what the author wants printed.
    BOOST_TEST(text(p("{{concat('\u00AB', $doc_number, '\u00BB', '\u00A0№')}}")) == "«127»\u00A0№\n");
}

BOOST_AUTO_TEST_CASE(newline_becomes_a_line_break_and_tab_a_tab) {
    const std::string out = xml(p("{{organisation/multi}}"));
    BOOST_TEST(has(out,
                   "<w:t xml:space=\"preserve\">строка 1</w:t><w:br/><w:t xml:space=\"preserve\">строка 2</w:t>"
                   "<w:tab/><w:t xml:space=\"preserve\">после табуляции</w:t>"));
    BOOST_TEST(text(p("{{organisation/multi}}")) == "строка 1\nстрока 2\tпосле табуляции\n");
}

BOOST_AUTO_TEST_CASE(leading_spaces_are_preserved) {
    BOOST_TEST(has(xml(p("{{organisation/leading}}")), "<w:t xml:space=\"preserve\">  отступ</w:t>"));
}

BOOST_AUTO_TEST_CASE(optional_value_may_be_empty) {
    BOOST_TEST(text(p("Телефон: {{? organisation/empty}}.")) == "Телефон: .\n");
    BOOST_TEST(text(p("Факс: {{?organisation/fax}}.")) == "Факс: .\n");
}

// ---- if ---------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(inline_if_else) {
    BOOST_TEST(text(p("Итог: {{#if organisation/flag = 'да'}}выполнено{{else}}нет{{/if}}.")) == "Итог: выполнено.\n");
    BOOST_TEST(text(p("Итог: {{#if organisation/flag = 'нет'}}выполнено{{else}}нет{{/if}}.")) == "Итог: нет.\n");
    BOOST_TEST(text(p("А{{#if none/x}}Б{{/if}}В")) == "АВ\n");
}

BOOST_AUTO_TEST_CASE(inline_if_across_runs_keeps_formatting_of_the_kept_runs) {
    const std::string out =
        xml("<w:p><w:r><w:t>{{#if organisation/flag}}</w:t></w:r>"
            "<w:r><w:rPr><w:b/></w:rPr><w:t>жирный</w:t></w:r><w:r><w:t>{{/if}}</w:t></w:r></w:p>");
    BOOST_TEST(has(out, "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>жирный</w:t></w:r></w:p>"));
}

BOOST_AUTO_TEST_CASE(paragraph_if_removes_the_tag_paragraphs) {
    const std::string body =
        p("до") + p("{{#if organisation/flag}}") + p("внутри") + p("{{else}}") + p("иначе") + p("{{/if}}") + p("после");
    BOOST_TEST(text(body) == "до\nвнутри\nпосле\n");
    const std::string no =
        p("до") + p(" {{#if none/x}} ") + p("внутри") + p("{{ else }}") + p("иначе") + p("{{/if}}") + p("после");
    BOOST_TEST(text(no) == "до\nиначе\nпосле\n");
}

BOOST_AUTO_TEST_CASE(a_paragraph_hidden_in_paragraph_properties_is_not_scanned) {
    // Found by fuzz_docx_template (tests/fuzz/docx_template/paragraph-in-paragraph-properties.docx):
    // a paragraph inside the properties of a block tag's paragraph had its tag isolated, was
    // freed with its host when the block was compiled, and then written to. Word never puts a
    // paragraph there; it is neither text nor a tag.
    const std::string body = "<w:p><w:pPr><w:p><w:r><w:t>{{organisation/flag}}</w:t></w:r></w:p></w:pPr>"
                             "<w:r><w:t>{{#if organisation/flag}}</w:t></w:r></w:p>" +
                             p("внутри") + p("{{/if}}") + p("после");
    BOOST_TEST(text(body) == "внутри\nпосле\n");
    BOOST_TEST(!has(xml(body), "{{organisation/flag}}"));  // removed with the block tag's paragraph
    // In an ordinary paragraph's properties it is not a tag, and braces left in the part are
    // an error of the template (they would print as they are).
    std::string error;
    try {
        (void)xml("<w:p><w:pPr><w:p><w:r><w:t>{{organisation/flag}}</w:t></w:r></w:p></w:pPr>"
                  "<w:r><w:t>текст</w:t></w:r></w:p>");
    } catch (const nastavnik::Error& e) {
        error = e.what();
    }
    BOOST_TEST(has(error, "остались фигурные скобки «{{», не распознанные как тег"), error);
}

BOOST_AUTO_TEST_CASE(a_tag_paragraph_holding_other_paragraphs_is_kept) {
    // Found by fuzz_docx_template (tests/fuzz/docx_template/table-row-inside-tag-paragraph.docx):
    // the paragraph of {{/if}} also held a table row (a hostile file; Word never writes one), so
    // dropping that paragraph with its tag freed the row's paragraph, whose tag was compiled
    // next. Only the tag's run goes; what the paragraph holds stays and is filled.
    const std::string body = p("{{#if organisation/flag}}") + p("внутри") +
                             "<w:p><w:r><w:t>{{/if}}</w:t></w:r><w:tr><w:tc><w:p><w:r><w:t>{{organisation/flag}}"
                             "</w:t></w:r></w:p></w:tc></w:tr></w:p>" +
                             p("после");
    const std::string out = xml(body);
    BOOST_TEST(has(out, "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">да</w:t>"), out);
    BOOST_TEST(!has(out, "{{"), out);
}

BOOST_AUTO_TEST_CASE(a_block_tag_in_a_paragraph_nested_in_a_tag_paragraph) {
    // Found by fuzz_docx_template (tests/fuzz/docx_template/loop-in-paragraph-inside-if-paragraph.docx):
    // {{#each}} stood alone in a paragraph nested inside the paragraph of the enclosing
    // {{#if}}. The outer paragraph was taken for the tag's own and freed with the {{#if}}'s run,
    // which was compiled next. The outer paragraph now belongs to the loop and stays.
    const std::string body = "<w:p><w:r><w:t>{{#if organisation/flag}}</w:t></w:r><w:p><w:r><w:t>"
                             "{{#each pairs/pair[mentee != '']}}</w:t></w:r></w:p></w:p>" +
                             p("{{mentor}}") + p("{{/each}}") + p("{{/if}}") + p("после");
    const std::string out = xml(body);
    BOOST_TEST(!has(out, "{{"), out);
    BOOST_TEST(has(out, "Иванова"), out);
    BOOST_TEST(has(out, "Сидорова"), out);
    BOOST_TEST(has(out, "после"), out);
}

BOOST_AUTO_TEST_CASE(paragraph_if_around_a_table) {
    const std::string table = "<w:tbl><w:tr>" + tc(p("ячейка")) + "</w:tr></w:tbl>";
    BOOST_TEST(text(p("{{#if organisation/flag}}") + table + p("{{/if}}") + p("после")) == "ячейка\nпосле\n");
    BOOST_TEST(text(p("{{#if none/x}}") + table + p("{{/if}}") + p("после")) == "после\n");
}

// ---- each -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(paragraph_loop) {
    const std::string body = p("Пары:") + p("{{#each pairs/pair[mentee != '']}}") + p("{{mentor}} — {{mentee}}") +
                             p("{{/each}}") + p("Конец");
    BOOST_TEST(text(body) == "Пары:\nИванова — Петров\nСидорова — Орлова\nКонец\n");
}

BOOST_AUTO_TEST_CASE(inline_loop) {
    BOOST_TEST(text(p("Наставники: {{#each pairs/pair}}{{mentor}}, {{/each}}и другие.")) ==
               "Наставники: Иванова, Сидорова, Кузнецов, и другие.\n");
}

BOOST_AUTO_TEST_CASE(opening_paragraph_with_content_is_repeated_with_it) {
    // The opening tag shares its paragraph with a value: that paragraph belongs to the loop.
    const std::string body = p("{{#each pairs/pair[mentee != '']}}{{mentor}}") + p("{{/each}}") + p("после");
    BOOST_TEST(text(body) == "Иванова\nСидорова\nпосле\n");
}

BOOST_AUTO_TEST_CASE(table_row_loop_with_tags_in_first_and_last_cell) {
    const std::string body = "<w:tbl><w:tblPr/><w:tr>" + tc(p("Наставник")) + tc(p("№")) + tc(p("Наставляемый")) +
                             "</w:tr><w:tr>" + tc(p("{{#each pairs/pair[mentee != '']}}{{mentor}}")) +
                             tc(p("{{@id}}")) + tc(p("{{mentee}}{{/each}}")) + "</w:tr><w:tr>" + tc(p("Итого")) +
                             tc(p("")) + tc(p("2")) + "</w:tr></w:tbl>";
    const std::string out = render(body);
    BOOST_TEST(nastavnik::docx::document_text(out) ==
               "Наставник\n№\nНаставляемый\nИванова\np1\nПетров\nСидорова\np2\nОрлова\nИтого\n\n2\n");
    BOOST_TEST(count(entry(out, "word/document.xml"), "<w:tr>") == 4u);
}

BOOST_AUTO_TEST_CASE(table_row_loop_with_tags_in_own_paragraphs_of_cells) {
    const std::string body = "<w:tbl><w:tr>" + tc(p("{{#each groups/group}}") + p("{{mentor}}")) +
                             tc(p("{{count(mentees/mentee)}}") + p("{{/each}}")) + "</w:tr></w:tbl>";
    const std::string out = xml(body);
    BOOST_TEST(text(body) == "Смирнов\n3\nКузнецова\n1\n");
    BOOST_TEST(count(out, "<w:p>") == 4u);  // the tag paragraphs are gone, the cells keep theirs
}

BOOST_AUTO_TEST_CASE(loop_over_several_rows) {
    const std::string body = "<w:tbl><w:tr>" + tc(p("{{#each groups/group}}")) + "</w:tr><w:tr>" + tc(p("{{mentor}}")) +
                             "</w:tr><w:tr>" + tc(p("{{/each}}")) + "</w:tr></w:tbl>";
    BOOST_TEST(text(body) == "Смирнов\nКузнецова\n");  // rows holding only a tag vanish
}

BOOST_AUTO_TEST_CASE(nested_loops_rows_of_groups_with_mentees_inline) {
    const std::string body =
        "<w:tbl><w:tr>" + tc(p("{{#each groups/group}}{{mentor}}")) +
        tc(p("{{#each mentees/mentee}}{{.}}{{#if following-sibling::mentee}}, {{/if}}{{/each}}{{/each}}")) +
        "</w:tr></w:tbl>";
    BOOST_TEST(text(body) == "Смирнов\nА, Б, В\nКузнецова\nГ\n");
}

BOOST_AUTO_TEST_CASE(nested_paragraph_loops_are_relative_to_the_current_item) {
    const std::string body = p("{{#each groups/group}}") + p("{{mentor}}:") + p("{{#each mentees/mentee}}") +
                             p("– {{.}} ({{../../mentor}})") + p("{{/each}}") + p("{{/each}}");
    BOOST_TEST(text(body) == "Смирнов:\n– А (Смирнов)\n– Б (Смирнов)\n– В (Смирнов)\nКузнецова:\n– Г (Кузнецова)\n");
}

BOOST_AUTO_TEST_CASE(loop_over_nothing_removes_the_row) {
    const std::string body = "<w:tbl><w:tr>" + tc(p("Заголовок")) + "</w:tr><w:tr>" + tc(p("{{#each none/x}}{{.}}")) +
                             tc(p("{{/each}}")) + "</w:tr></w:tbl>" + p("после");
    const std::string out = xml(body);
    BOOST_TEST(count(out, "<w:tr>") == 1u);
    BOOST_TEST(text(body) == "Заголовок\nпосле\n");
}

BOOST_AUTO_TEST_CASE(a_table_left_without_rows_is_removed) {
    const std::string body =
        "<w:tbl><w:tr>" + tc(p("{{#each none/x}}{{.}}")) + tc(p("{{/each}}")) + "</w:tr></w:tbl>" + p("после");
    BOOST_TEST(!has(xml(body), "<w:tbl>"));
    BOOST_TEST(text(body) == "после\n");
}

BOOST_AUTO_TEST_CASE(a_cell_emptied_by_a_block_keeps_a_paragraph) {
    const std::string body =
        "<w:tbl><w:tr>" + tc(p("{{#each none/x}}") + p("{{.}}") + p("{{/each}}")) + "</w:tr></w:tbl>";
    const std::string out = xml(body);
    BOOST_TEST(has(out, "<w:tc><w:tcPr/><w:p/></w:tc>"));
}

BOOST_AUTO_TEST_CASE(tags_in_headers_and_footers) {
    const std::string header = w_part("hdr", p("Шапка {{organisation/flag}}"));
    const std::string footer = w_part("ftr", p("{{#each pairs/pair}}{{@id}} {{/each}}"));
    const std::string plain = w_part("hdr", p("без тегов"));
    const std::string out = render(
        p("тело"), {{"word/header1.xml", {header}}, {"word/footer2.xml", {footer}}, {"word/header3.xml", {plain}}});
    BOOST_TEST(has(entry(out, "word/header1.xml"), ">да</w:t>"));
    BOOST_TEST(has(entry(out, "word/footer2.xml"), ">p3</w:t>"));
    BOOST_TEST(entry(out, "word/header3.xml") == plain);  // a part without tags is not rewritten
}

BOOST_AUTO_TEST_CASE(compile_once_render_many) {
    const auto tpl = nastavnik::docx::Template::from_bytes(make_docx(p("№ {{$doc_number}}")), "t.docx");
    BOOST_TEST(tpl.name() == "t.docx");
    BOOST_TEST(nastavnik::docx::document_text(tpl.render(ev, root())) == "№ 127\n");
    ev.set_variable("doc_number", "128");
    BOOST_TEST(nastavnik::docx::document_text(tpl.render(ev, root())) == "№ 128\n");
}

BOOST_AUTO_TEST_CASE(rendering_relative_to_a_context_node) {
    const auto tpl = nastavnik::docx::Template::from_bytes(make_docx(p("{{mentor}} → {{mentee}}")), "t.docx");
    xmlNodePtr pair = xmlDocGetRootElement(doc)->children->next->children;  // the first pair
    BOOST_TEST(nastavnik::docx::document_text(tpl.render(ev, pair)) == "Иванова → Петров\n");
}

BOOST_AUTO_TEST_CASE(position_and_last_in_loops) {
    const std::string body = p("{{#each pairs/pair[mentee != '']}}") + p("{{position()}}. {{mentor}}{{#if position() = last()}}.{{else}};{{/if}}") +
                             p("{{/each}}");
    BOOST_TEST(text(body) == "1. Иванова;\n2. Сидорова.\n");
    BOOST_TEST(text(p("{{position()}}/{{last()}}")) == "1/1\n");
}

BOOST_AUTO_TEST_SUITE_END()
