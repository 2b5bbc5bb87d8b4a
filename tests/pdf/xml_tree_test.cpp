// The parts' trees (pdf/xml_tree.cpp) are read by our own parser where it can check the XML as
// libxml2 does, else by libxml2's: the two must give the same tree, and our parser must never
// take what libxml2 refuses.
#include "pdf/xml_tree.hpp"

#include "docx/package.hpp"
#include "nastavnik/core/error.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nastavnik::pdf::parse_tree_fast;
using nastavnik::pdf::parse_tree_libxml2;

std::string str(const xmlChar* s) { return s == nullptr ? "(null)" : reinterpret_cast<const char*>(s); }

/// The tree as text: every node's kind, name, namespace, content, declarations and attributes
/// (not its line: the reader reads no node's line).
void dump(const xmlNode* n, std::ostringstream& out, int depth) {
    for (; n != nullptr; n = n->next) {
        out << std::string(static_cast<std::size_t>(depth), ' ') << n->type << ' ' << str(n->name);
        if (n->ns != nullptr) out << " ns{" << str(n->ns->prefix) << '=' << str(n->ns->href) << '}';
        if (n->type != XML_ELEMENT_NODE) out << " [" << str(n->content) << ']';
        for (const xmlNs* d = n->type == XML_ELEMENT_NODE ? n->nsDef : nullptr; d != nullptr; d = d->next) {
            out << " xmlns:" << str(d->prefix) << '=' << str(d->href);
        }
        for (const xmlAttr* a = n->type == XML_ELEMENT_NODE ? n->properties : nullptr; a != nullptr; a = a->next) {
            out << ' ' << (a->ns != nullptr ? str(a->ns->href) + "|" : "") << str(a->name) << "=[";
            for (const xmlNode* t = a->children; t != nullptr; t = t->next) out << str(t->content);
            out << ']';
            BOOST_TEST((a->parent == n));
        }
        out << '\n';
        BOOST_TEST((n->parent != nullptr));
        if (n->type == XML_ELEMENT_NODE) dump(n->children, out, depth + 1);
    }
}

std::string dump(const xmlDoc& doc) {
    std::ostringstream out;
    dump(doc.children, out, 0);
    return out.str();
}

/// libxml2's tree, or nullopt where it refuses the XML.
std::optional<std::string> by_libxml2(const std::string& xml) {
    try {
        return dump(*parse_tree_libxml2(xml, "test.docx", "word/document.xml"));
    } catch (const nastavnik::Error&) {
        return std::nullopt;
    }
}

/// Whether our parser took `xml`; where it did, libxml2 took it too and made the same tree.
bool same_as_libxml2(const std::string& xml) {
    const auto fast = parse_tree_fast(xml);
    if (fast == nullptr) return false;
    const auto slow = by_libxml2(xml);
    BOOST_TEST_REQUIRE(slow.has_value(), "our parser took what libxml2 refuses: " << xml.substr(0, 300));
    const std::string ours = dump(*fast);
    BOOST_TEST(ours == *slow, xml.substr(0, 300));
    return true;
}

const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

}  // namespace

BOOST_AUTO_TEST_SUITE(xml_tree)

BOOST_AUTO_TEST_CASE(the_xml_word_writes_is_read_by_our_parser_into_libxml2s_tree) {
    const std::vector<std::string> taken = {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " + w +
            "><w:body><w:p><w:r><w:t xml:space=\"preserve\"> Текст  </w:t></w:r></w:p></w:body></w:document>",
        "<?xml version='1.0'?><a xmlns=\"urn:x\" b='1' c=\"&lt;&amp;&gt;&quot;&apos;\"><b/><c>x&#1060;&#x424;&#x1F600;y</c></a>",
        // Tabs and line feeds in attribute values become spaces; references to them stay.
        "<a v=\"1\t2\n3&#9;4&#10;5\"/>",
        // Comments and processing instructions, inside and around the root.
        "<!-- before --><?mso-application progid=\"Word.Document\"?><a><!--inside-->t<?pi data ?>u<?empty?></a><!-- after -->\n",
        // A prefix declared again inside, and the default namespace.
        "<w:a " + w + "><w:b xmlns:w=\"urn:other\"><w:c/></w:b><d xmlns=\"urn:d\"><e w:x=\"1\"/></d></w:a>",
        "<a>]]&gt; ]> ] ]</a>",
        "<a\n  b=\"1\"\n  c=\"2\"\n/>",
        "<a></a >",
        " \n<a/>",
        "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>",
        "<?xml version=\"1.0\"?>\r\n<a\r\nb=\"1\"\r\n></a\r\n>\r\n",
        "<r>" + std::string(5000, 'x') + "</r>",
    };
    for (const auto& xml : taken) BOOST_TEST(same_as_libxml2(xml), xml);
}

BOOST_AUTO_TEST_CASE(what_our_parser_does_not_check_is_left_to_libxml2) {
    const std::vector<std::string> left = {
        // Errors: libxml2 gives them.
        "<a><b></a></b>", "<p:a/>", "<a b=\"1\" b=\"2\"/>", "<a b=\"<\"/>", "<a>&#0;</a>", "<a>&#xD800;</a>",
        "<a>&nbsp;</a>", "<a>]]></a>", "<!-- a -- b --><a/>", "<a/><b/>", "<a/>text", "<a b=\"1\"c=\"2\"/>", "<a b/>",
        "<a xmlns:xml=\"urn:x\"/>", "<a", "<a>\x01</a>", "<a>\xC3</a>", "<a>\xC0\x80</a>", "<a>\xEF\xBF\xBE</a>",
        "<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>", "<?xml version=\"1.0\" encoding=\"UTF&#45;8\"?><a/>", "",
        "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>", "<a:b:c xmlns:a=\"urn:a\"/>", "<a></b>",
        // Well-formed, but not what Word writes: CDATA, a DOCTYPE, carriage returns, two byte
        // order marks, names outside ASCII, another encoding, XML 1.1, an undeclared default namespace.
        "<a><![CDATA[x]]></a>", "<!DOCTYPE a><a/>", "<a>\r\n</a>", "<a b=\"\r\"/>", "<a><!--\r--></a>", "\xEF\xBB\xBF\xEF\xBB\xBF<a/>", "<имя/>", "<a имя=\"1\"/>",
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?><a/>", "<?xml version=\"1.1\"?><a/>", "<a xmlns=\"\"/>",
        "<a xmlns=\"a b\"/>", "<p:a xmlns:p=\">x\"/>",
    };
    for (const auto& xml : left) BOOST_TEST(!same_as_libxml2(xml), xml);
    // Deeper than libxml2 allows without XML_PARSE_HUGE (256): refused as before.
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<a>";
    for (int i = 0; i < 300; ++i) deep += "</a>";
    BOOST_TEST(!same_as_libxml2(deep));
    BOOST_TEST(!by_libxml2(deep).has_value());
    // An element with more attributes than Word ever writes (our check of them is pair by pair).
    std::string many = "<a";
    for (int i = 0; i < 100; ++i) many += " a" + std::to_string(i) + "=\"1\"";
    BOOST_TEST(!same_as_libxml2(many + "/>"));
    BOOST_TEST(by_libxml2(many + "/>").has_value());
}

BOOST_AUTO_TEST_CASE(damaged_xml_is_never_taken_where_libxml2_refuses_it) {
    // Every byte of a small part changed in turn, and pieces of it cut out: wherever our parser
    // takes the result, libxml2 takes it too and builds the same tree (same_as_libxml2 checks).
    const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:document " + w +
                            " xmlns:r=\"urn:r\"><w:body><!--c--><w:p w:rsidR=\"00A1\"><w:pPr><w:jc w:val=\"both\"/></w:pPr>"
                            "<w:r><w:t xml:space=\"preserve\">Д &amp; &#1060;</w:t></w:r><?p d?></w:p></w:body></w:document>";
    const std::string replacements = "<>&;:\"'=/!?- \n\t\x01\xD0x#]";
    int taken = 0, tried = 0;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        for (const char c : replacements) {
            std::string bad = xml;
            bad[i] = c;
            ++tried;
            taken += same_as_libxml2(bad) ? 1 : 0;
        }
        std::string cut = xml;
        cut.erase(i, 3);
        taken += same_as_libxml2(cut) ? 1 : 0;
    }
    std::mt19937 random(17);
    for (int k = 0; k < 3000; ++k) {
        std::string bad = xml;
        for (int j = 0; j < 3; ++j) bad[random() % bad.size()] = static_cast<char>(random() % 256);
        taken += same_as_libxml2(bad) ? 1 : 0;
    }
    // Some changes keep the XML well-formed (a letter of the text): those our parser reads.
    BOOST_TEST(taken > 100);
    BOOST_TEST(tried > 5000);
}

BOOST_AUTO_TEST_CASE(every_part_of_the_projects_documents_reads_the_same) {
    // The templates and samples of the project: Word's and our tools' XML. NASTAVNIK_XML_CORPUS
    // names another folder of DOCX to check the same way (the corpus of real documents).
    std::vector<std::filesystem::path> roots = {std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "templates",
                                                std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "samples"};
    if (const char* more = std::getenv("NASTAVNIK_XML_CORPUS")) roots.emplace_back(more);
    int parts = 0, fast = 0;
    for (const auto& root : roots) {
        if (!std::filesystem::exists(root)) continue;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            if (entry.path().extension() != ".docx") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            try {
                nastavnik::docx::Package package(bytes, entry.path().string());
                for (const auto& name : package.entry_names()) {
                    if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
                    const std::string xml = package.read(name);
                    if (xml.empty()) continue;
                    ++parts;
                    fast += same_as_libxml2(xml) ? 1 : 0;
                }
            } catch (const nastavnik::Error&) {
                continue;  // not a package we read
            }
        }
    }
    BOOST_TEST_MESSAGE(fast << " of " << parts << " parts read by our parser, the same tree as libxml2's");
    BOOST_TEST(parts > 100);
    BOOST_TEST(fast * 10 > parts * 9, fast << " of " << parts << " parts read by our parser");
}

BOOST_AUTO_TEST_SUITE_END()
