#pragma once
// XPath 1.0 over the in-memory data tree (libxml2), extended with our functions in the
// namespace urn:nastavnik:fn (prefix "n"): dates and durations, Russian names and dates.
// The one expression language of rules and templates (DESIGN §3).

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::xpath {

inline constexpr const char* function_namespace = "urn:nastavnik:fn";

/// A compiled expression. Immutable; cheap to copy; compile once, evaluate many times.
class Expression {
public:
    /// Throws Error(ErrorCode::xpath) with a Russian message naming the expression.
    static Expression compile(std::string_view text);

    [[nodiscard]] const std::string& text() const noexcept { return text_; }
    [[nodiscard]] xmlXPathCompExprPtr get() const noexcept { return compiled_.get(); }

private:
    struct Free {
        void operator()(xmlXPathCompExprPtr p) const noexcept { xmlXPathFreeCompExpr(p); }
    };
    std::string text_;
    std::shared_ptr<xmlXPathCompExpr> compiled_;
};

/// Values of $variables: ruleset parameters, document variables. A value that reads as a
/// number becomes an XPath number, anything else a string.
using Variables = std::map<std::string, std::string, std::less<>>;

/// Evaluates expressions against one document. Owns an xmlXPathContext: one per thread.
/// Every evaluation error throws Error(ErrorCode::xpath) naming the expression.
class Evaluator {
public:
    /// `as_of` is the ISO date that n:today() and $as_of return.
    Evaluator(xmlDocPtr doc, std::string as_of, Variables variables = {});
    ~Evaluator();
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;

    void set_variable(std::string name, std::string value);
    [[nodiscard]] const Variables& variables() const noexcept { return variables_; }
    [[nodiscard]] const std::string& as_of() const noexcept { return as_of_; }
    [[nodiscard]] xmlDocPtr document() const noexcept { return doc_; }

    /// `position`/`size`: what position() and last() return — the item's place in the loop
    /// that is being filled (1/1 outside loops).
    /// `names`, if given, receives each person's name the name functions (n:full-name,
    /// n:initials-surname, n:surname-initials) wrote while evaluating: the template engine keeps
    /// them from being hyphenated.
    [[nodiscard]] std::string string(const Expression& e, xmlNodePtr context, int position = 1, int size = 1,
                                     std::vector<std::string>* names = nullptr) const;
    [[nodiscard]] bool boolean(const Expression& e, xmlNodePtr context, int position = 1, int size = 1) const;
    [[nodiscard]] double number(const Expression& e, xmlNodePtr context) const;
    /// Throws if the result is not a node-set. Nodes in document order.
    [[nodiscard]] std::vector<xmlNodePtr> nodes(const Expression& e, xmlNodePtr context, int position = 1, int size = 1) const;

    /// Interpolates "{expr}" parts of an attribute-value template ("{{" / "}}" are literal
    /// braces). Used by rule messages.
    [[nodiscard]] std::string interpolate(std::string_view text, xmlNodePtr context) const;

private:
    struct Result;
    [[nodiscard]] xmlXPathObjectPtr evaluate(const Expression& e, xmlNodePtr context, int position = 1, int size = 1,
                                             std::vector<std::string>* names = nullptr) const;

    xmlDocPtr doc_;
    std::string as_of_;
    Variables variables_;
    xmlXPathContextPtr ctx_;
};

/// Names of our extension functions (without the "n:" prefix).
std::vector<std::string> extension_function_names();

/// What an expression refers to, read from its text (string literals skipped): functions
/// called ("count", "n:days") and variables ("$programme_min_months" → "programme_min_months").
struct References {
    std::vector<std::string> functions;
    std::vector<std::string> variables;
};
References references(std::string_view expression);

/// True for XPath 1.0 core functions and node tests (count, concat, text, node …).
bool is_core_function(std::string_view name);

}  // namespace nastavnik::xpath
