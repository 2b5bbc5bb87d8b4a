#pragma once
// Tokens the structure-aware mutators insert into values and texts (the libFuzzer dictionary
// files in fuzz/dicts/ serve its own byte mutations).

#include <string>
#include <vector>

namespace fuzz {

inline const std::vector<std::string>& xpath_tokens() {
    static const std::vector<std::string> t = {
        "/data/staff/person", "count(", ")", "[", "]", "@id", "..", "//", "n:days(", "n:months(", "n:date(", "n:case(",
        "n:plural(", "n:number-words(", "n:short-name(", "n:typo(", "n:today()", "$as_of", "$programme_max_months",
        "position()", "last()", "string-length(", "substring(", " and ", " or ", " = ", " != ", " < ", "'", "\"", ",",
        "sum(", "not(", "concat(", "translate(", "id(", "9e9", "-1", "0 div 0", "/data/pairs/pair", "programme/end"};
    return t;
}

inline const std::vector<std::string>& template_tokens() {
    static const std::vector<std::string> t = {
        "{{", "}}", "{{ ", " }}", "{{? ", "{{#each ", "{{/each}}", "{{#if ", "{{else}}", "{{/if}}", "{{#each /data/staff/person}}",
        "{{ name }}", "{{ $order_number }}", "{{ n:date($order_date) }}", "«", "»", "\u00A0", "{{{", "}}}",
        "/data/staff/person", "position()", "last()", "n:case(name, 'родительный')", "count(/data/pairs/pair)"};
    return t;
}

}  // namespace fuzz
