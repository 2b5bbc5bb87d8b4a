#pragma once
// The blanks a person fills in by hand, one form each in every document: a clerk sends back a
// package where «20__» and «20___», «№ ______» and «№ ________», a signature of 12 and one of 16
// strokes stand side by side. The forms are those of tools/make_templates.py (BLANK_DATE,
// BLANK_NUMBER, BLANK_SIGNATURE): the date «___» ____________ 20___ г. with a no-break space
// before «г.», as a written date has; the signature a line and the name, without a slash
// (ГОСТ Р 7.0.97, requisite «подпись»).
//
// Lines to write a text on (an address, a name, the conditions of a consent) and the blanks of
// a field of its own (ИНН, ОГРН, an amount, an answer) are not these forms; their length is theirs.

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace blanks {

inline const std::string date = "«___» ____________ 20___\u00A0г.";
inline const std::string number = "________";
inline const std::string signature = "____________";

// Every document is held to these forms now; kept as the one place to exempt a document while its
// template is being brought to them.
inline bool pending_document(const std::string&) { return false; }

// Every blank of `text` not in its one form: «what: the blank in its context». Template tags
// count as the edges of a blank (a blank is often the {{else}} of a value).
inline std::vector<std::string> variants(const std::string& text) {
    static const std::regex tag(R"(\{\{[\s\S]*?\}\})");
    const std::string t = std::regex_replace(text, tag, "\x01");
    std::vector<std::string> out;
    auto report = [&](const std::string& what, std::size_t at) {
        const std::size_t from = at < 30 ? 0 : at - 30;
        std::string context = t.substr(from, 80);
        std::replace(context.begin(), context.end(), '\x01', '|');
        out.push_back(what + ": «" + context + "»");
    };
    auto ends_with = [&](std::size_t at, const std::string& s) {
        return at >= s.size() && t.compare(at - s.size(), s.size(), s) == 0;
    };
    // A space or a no-break space before `at`, after `word`.
    auto after = [&](std::size_t at, const std::string& word) {
        return ends_with(at, word + " ") || ends_with(at, word + "\u00A0");
    };
    // «от ____»: the word itself, not the end of a longer one («адрес ____»).
    auto after_word = [&](std::size_t at, const std::string& word) {
        for (const std::string space : {" ", "\u00A0"}) {
            const std::string w = word + space;
            if (!ends_with(at, w)) continue;
            const std::size_t start = at - w.size();
            if (start == 0 || std::string(" \n\t\x01(").find(t[start - 1]) != std::string::npos) return true;
        }
        return false;
    };
    // «И.»: a capital Cyrillic letter (two bytes in UTF-8: D0 81 or D0 90–AF) and a dot.
    auto initial = [&](std::size_t i) {
        const auto b = [&](std::size_t k) { return k < t.size() ? static_cast<unsigned char>(t[k]) : 0u; };
        return b(i) == 0xD0 && (b(i + 1) == 0x81 || (b(i + 1) >= 0x90 && b(i + 1) <= 0xAF)) && b(i + 2) == '.';
    };
    const std::string open = "«";
    std::size_t at = 0;
    while ((at = t.find('_', at)) != std::string::npos) {
        std::size_t end = t.find_first_not_of('_', at);
        if (end == std::string::npos) end = t.size();
        const std::size_t length = end - at;
        if (ends_with(at, open)) {
            // The day opens a date: the whole date in its form, then past it.
            const std::size_t start = at - open.size();
            if (t.compare(start, date.size(), date) == 0 && (start + date.size() >= t.size() || t[start + date.size()] != '_')) {
                at = start + date.size();
                continue;
            }
            report("дата не в форме «" + date + "»", at);
            // Once for the whole date: past its month and year.
            static const std::regex rest("^_*» *_* *(20_*)?");
            std::smatch m;
            const std::string tail = t.substr(at, 40);
            std::regex_search(tail, m, rest);
            at += static_cast<std::size_t>(m.length(0));
            continue;
        } else if (ends_with(at, "20") || ends_with(at, "» ")) {
            report("дата не в форме «" + date + "»", at);
        } else if (after_word(at, "от") || after_word(at, "с") || after_word(at, "по") || after_word(at, "до")) {
            report("дата не в форме «" + date + "»", at);
        } else if (after(at, "№")) {
            if (length != number.size()) report("номер не в форме «№ " + number + "»", at);
        } else {
            // A signature: before «И.О. Фамилия», or in the column after a name (an
            // acknowledgement's line). A slash between them is a variant. A short line of its
            // own may be a value's blank (a questionnaire's answer) and is not taken for one.
            const bool slash = t.compare(end, 3, " / ") == 0;
            const bool before_name = slash || t.compare(end, 2, " \x01") == 0 ||
                                     (t.compare(end, 1, " ") == 0 && initial(end + 1));
            if ((before_name || ends_with(at, "\t")) && length != signature.size()) {
                report("подпись не в форме «" + signature + "»", at);
            } else if (slash) {
                report("подпись не в форме «" + signature + " И.О. Фамилия» (без косой черты)", at);
            }
        }
        at = end;
    }
    return out;
}

}  // namespace blanks
