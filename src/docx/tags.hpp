#pragma once
// Internal: finding the {{tags}} of a paragraph (docs/CONTRACTS.md §4). Word splits what the
// author typed into runs as it likes — at every change of formatting, spell-check mark,
// bookmark or revision — so a tag is found in the paragraph's text, not in one run, and is
// then given a run of its own (with the properties of the run where it starts). After that
// every later stage works on whole runs.

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::docx {

enum class TagKind { value, optional_value, each, if_, else_, end_each, end_if, unknown };

struct TagToken {
    TagKind kind = TagKind::unknown;
    std::string written;       // as in the document: "{{ n:date($order_date) }}"
    std::string expression;    // XPath with plain quotes and spaces; "" for else and closing tags
    std::string paragraph;     // text of the paragraph, for messages
    bool alone = false;        // the paragraph holds this tag and nothing else
    xmlNodePtr run = nullptr;  // the run that holds the tag, and nothing else
};

/// A malformed brace pair found while scanning (an unclosed "{{", a stray "}}").
struct ScanProblem {
    std::string paragraph;
    std::string message;  // complete: "тег {{organisation не закрыт: нет «}}»"
};

/// Finds the tags of paragraph `p` (text in runs, also inside hyperlinks, revisions, smart
/// tags and content controls; proofing marks and bookmarks between the pieces are fine) and
/// isolates each in a run of its own. Tags in document order.
std::vector<TagToken> isolate_tags(xmlNodePtr p, std::vector<ScanProblem>& problems);

/// What a tag's text ("{{#each pairs/pair}}") means. `run` and `paragraph` are left empty.
TagToken classify(std::string written);

/// Undoes Word's autocorrect in an expression: typographic quotes (“ ” „ « » ‘ ’ ‚) that
/// delimit a string become ASCII quotes, non-breaking spaces outside strings become spaces.
/// Inside an ASCII-quoted string nothing changes: '«' stays a guillemet.
std::string plain_expression(std::string_view s);

}  // namespace nastavnik::docx
