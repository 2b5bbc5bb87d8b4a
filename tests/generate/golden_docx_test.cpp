// Golden DOCX, part by part: for the first document of every kind on the compliant sample,
// word/document.xml canonicalised (C14N: attributes sorted, namespaces normalised; one line
// per paragraph, table and row so that a diff reads) and the list of parts with size, SHA-256
// and whether the part is still the template's own, against reviewed files in
// tests/generate/golden-docx/<kind>/. The text goldens catch wording; these catch what the
// text hides — run properties, a lost non-breaking space, a part rewritten that should have
// been copied.
//
// After a deliberate change, rewrite them with
//   NASTAVNIK_UPDATE_GOLDEN=1 build/…/tests/test_generate
// and read the diff before committing it.

#include "late_mentor.hpp"

#include "e2e/cli_runner.hpp"

#include "docx/package.hpp"
#include "nastavnik/batch/batch.hpp"
#include "nastavnik/generate/generator.hpp"

#include <boost/test/unit_test.hpp>

#include <libxml/c14n.h>
#include <libxml/parser.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace {

const std::filesystem::path golden_root = std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "tests/generate/golden-docx";

bool updating() {
    const char* v = std::getenv("NASTAVNIK_UPDATE_GOLDEN");
    return v != nullptr && *v != '\0' && std::string(v) != "0";
}

// Exclusive C14N of a part, then a line break before each paragraph, row, table and section:
// the same document always gives the same bytes, and a diff shows the paragraph that moved.
std::string canonical(const std::string& xml) {
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr, XML_PARSE_NONET);
    BOOST_REQUIRE(doc != nullptr);
    xmlChar* out = nullptr;
    const int size = xmlC14NDocDumpMemory(doc, nullptr, XML_C14N_1_0, nullptr, 0, &out);
    xmlFreeDoc(doc);
    BOOST_REQUIRE(size > 0);
    std::string c14n(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
    xmlFree(out);
    std::string lined;
    lined.reserve(c14n.size() + c14n.size() / 20);
    for (std::size_t i = 0; i < c14n.size(); ++i) {
        if (c14n[i] == '<' && i > 0) {
            for (const char* open : {"<w:p>", "<w:p ", "<w:tr>", "<w:tr ", "<w:tbl>", "<w:sectPr", "</w:body>"}) {
                if (c14n.compare(i, std::strlen(open), open) == 0) {
                    lined += '\n';
                    break;
                }
            }
        }
        lined += c14n[i];
    }
    return lined + "\n";
}

// name, inflated size, SHA-256, and «шаблон» when the part is the template's own bytes.
std::string parts_list(const std::string& docx, const std::string& template_bytes) {
    nastavnik::docx::Package out(docx, "out"), tpl(template_bytes, "template");
    std::string list;
    for (const auto& name : out.entry_names()) {
        const std::string bytes = out.read(name);
        const bool untouched = tpl.has(name) && tpl.read(name) == bytes;
        list += name + "\t" + std::to_string(bytes.size()) + "\t" + nastavnik::batch::sha256_hex(bytes) + "\t" +
                (untouched ? "шаблон" : "заполнена") + "\n";
    }
    return list;
}

void compare_or_update(const std::filesystem::path& golden, const std::string& actual) {
    if (updating()) {
        std::filesystem::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        return;
    }
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(golden), "no golden: " << golden);
    const std::string expected = e2e::slurp(golden);
    if (actual == expected) return;
    // Name the first line that differs rather than dumping two long documents.
    std::size_t line = 1, i = 0;
    for (; i < actual.size() && i < expected.size() && actual[i] == expected[i]; ++i) line += actual[i] == '\n';
    const auto line_at = [&](const std::string& s) {
        const auto b = s.rfind('\n', i == 0 ? 0 : i - 1);
        const auto start = b == std::string::npos ? 0 : b + 1;
        return s.substr(start, std::min<std::size_t>(300, s.find('\n', start) - start));
    };
    BOOST_ERROR(golden.filename() << " differs at line " << line << "\n  golden: " << line_at(expected)
                                  << "\n  actual: " << line_at(actual));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden_docx)

BOOST_AUTO_TEST_CASE(the_first_document_of_every_kind_matches_part_by_part) {
    const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / "golden-docx";
    std::filesystem::remove_all(out);
    const auto run = e2e::nastavnik({"generate", std::string(NASTAVNIK_SOURCE_DIR) + "/samples/barnaul-gymnasium-compliant.json",
                                     "--as-of", "2026-11-22", "--format", "docx", "--reissue", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // «Состав пакета.txt» lists the files in the order of the kinds: its first line of each
    // kind names the document compared.
    const std::string index = e2e::slurp(out / nastavnik::generate::index_file_name);
    // The order amending the pairs order is written only for a mentor whose agreement comes after
    // that order: the sample with Г.Ф. Лаптева's consent and agreement not yet made.
    const auto late = std::filesystem::path(NASTAVNIK_TEST_TMP) / "golden-docx-late";
    std::filesystem::remove_all(late);
    std::filesystem::create_directories(late);
    std::ofstream(late / "org.json", std::ios::binary) << late_mentor::without_laptevas();
    const auto late_run = e2e::nastavnik({"generate", (late / "org.json").string(), "--as-of", "2026-11-22", "--format", "docx",
                                          "--force", "--out", (late / "out").string()});
    BOOST_REQUIRE_MESSAGE(late_run.exit_code == 0, late_run.err);
    const std::string late_index = e2e::slurp(late / "out" / nastavnik::generate::index_file_name);
    std::set<std::string> kinds_seen;
    for (const auto& kind : nastavnik::generate::document_kinds()) {
        const bool amendment = kind.id == "prikaz-pary-izmeneniya";
        const std::string& listed = amendment ? late_index : index;
        const auto title = listed.find(". " + kind.title + " — ");
        BOOST_REQUIRE_MESSAGE(title != std::string::npos, kind.id);
        const auto name_start = listed.find(" — ", title) + std::strlen(" — ");
        const std::string file = listed.substr(name_start, listed.find('\n', name_start) - name_start);
        BOOST_TEST_CONTEXT(kind.id << ": " << file) {
            const std::string docx = e2e::slurp((amendment ? late / "out" : out) / file);
            const std::string tpl = e2e::slurp(std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "templates" / kind.template_file);
            nastavnik::docx::Package package(docx, file);
            compare_or_update(golden_root / kind.id / "document.xml", canonical(package.read("word/document.xml")));
            compare_or_update(golden_root / kind.id / "parts.txt", parts_list(docx, tpl));
            kinds_seen.insert(kind.id);
            // What the engine must never rewrite: the styles, the theme, the numbering.
            const std::string parts = parts_list(docx, tpl);
            for (const char* kept : {"word/styles.xml\t", "word/theme/theme1.xml\t", "word/numbering.xml\t"}) {
                const auto at = parts.find(kept);
                if (at != std::string::npos) BOOST_TEST(parts.substr(at, parts.find('\n', at) - at).ends_with("\tшаблон"), kept);
            }
        }
    }
    for (const auto& e : std::filesystem::directory_iterator(golden_root)) {
        BOOST_TEST(kinds_seen.count(e.path().filename().string()) == 1u, "stale golden: " << e.path().filename());
    }
}

BOOST_AUTO_TEST_CASE(canonical_form_ignores_attribute_order_but_not_content) {
    const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const std::string a = "<w:document " + ns + "><w:body><w:p><w:r><w:rFonts w:ascii=\"A\" w:hAnsi=\"B\"/><w:t>x</w:t></w:r></w:p></w:body></w:document>";
    const std::string b = "<?xml version=\"1.0\"?><w:document " + ns + "><w:body><w:p><w:r><w:rFonts w:hAnsi=\"B\" w:ascii=\"A\"/><w:t>x</w:t></w:r></w:p></w:body></w:document>";
    const std::string c = "<w:document " + ns + "><w:body><w:p><w:r><w:rFonts w:ascii=\"A\" w:hAnsi=\"B\"/><w:t>x\u00A0</w:t></w:r></w:p></w:body></w:document>";
    BOOST_TEST(canonical(a) == canonical(b));
    BOOST_TEST(canonical(a) != canonical(c));
    BOOST_TEST(canonical(a).find("\n<w:p>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
