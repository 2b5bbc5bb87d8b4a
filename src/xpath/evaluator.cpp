#include "nastavnik/xpath/evaluator.hpp"

#include "nastavnik/core/error.hpp"
#include "xpath/functions.hpp"

#include <libxml/xmlerror.h>
#include <libxml/xpathInternals.h>

#include <cstdlib>

namespace nastavnik::xpath {

namespace {

std::string xpath_error_text(const xmlError* e) {
    switch (e->code) {
        case XML_XPATH_NUMBER_ERROR: return "ошибка в записи числа";
        case XML_XPATH_UNFINISHED_LITERAL_ERROR: return "не закрыта кавычка строки";
        case XML_XPATH_START_LITERAL_ERROR: return "ожидалось начало строки в кавычках";
        case XML_XPATH_VARIABLE_REF_ERROR: return "ошибка в ссылке на переменную";
        case XML_XPATH_UNDEF_VARIABLE_ERROR: return "неизвестная переменная (параметр не определён)";
        case XML_XPATH_INVALID_PREDICATE_ERROR: return "ошибка в условии [ ]";
        case XML_XPATH_EXPR_ERROR: return "синтаксическая ошибка";
        case XML_XPATH_UNCLOSED_ERROR: return "не закрыта скобка";
        case XML_XPATH_UNKNOWN_FUNC_ERROR: return "неизвестная функция";
        case XML_XPATH_INVALID_OPERAND: return "недопустимый операнд";
        case XML_XPATH_INVALID_TYPE: return "недопустимый тип значения";
        case XML_XPATH_INVALID_ARITY: return "неверное число аргументов функции";
        case XML_XPATH_INVALID_CHAR_ERROR: return "недопустимый символ";
        case XML_XPATH_ENCODING_ERROR: return "ошибка кодировки";
        case XML_XPATH_MEMORY_ERROR: return "недостаточно памяти";
        default: return e->message ? std::string("ошибка XPath: ") + e->message : "ошибка XPath";
    }
}

void capture_error(void* data, xmlError* e) {
    auto* call = static_cast<CallState*>(data);
    if (!call->library_error.empty() || e == nullptr) return;
    call->library_error = xpath_error_text(e);
    if (e->domain == XML_FROM_XPATH && e->int1 >= 0) call->position = e->int1;
}

std::string describe(const CallState& call, std::string_view expr) {
    std::string text = "выражение «" + std::string(expr) + "»: ";
    if (!call.function_error.empty()) return text + call.function_error;
    text += call.library_error.empty() ? "ошибка вычисления" : call.library_error;
    if (call.position >= 0) text += " (позиция " + std::to_string(call.position + 1) + ")";
    return text;
}

xmlXPathObjectPtr variable_lookup(void* data, const xmlChar* name, const xmlChar* ns_uri) {
    if (ns_uri != nullptr) return nullptr;
    const auto& vars = static_cast<const Evaluator*>(data)->variables();
    const auto it = vars.find(reinterpret_cast<const char*>(name));
    if (it == vars.end()) return nullptr;
    const std::string& v = it->second;
    if (!v.empty()) {
        char* end = nullptr;
        const double d = std::strtod(v.c_str(), &end);
        if (end == v.c_str() + v.size() && v.find_first_not_of("0123456789.-") == std::string::npos) {
            return xmlXPathNewFloat(d);
        }
    }
    return xmlXPathNewString(reinterpret_cast<const xmlChar*>(v.c_str()));
}

// libxml2 2.9 accepts some truncated expressions ("count(" compiles), so brackets are
// checked here before compiling: an unclosed bracket must be a load-time error.
std::string bracket_problem(std::string_view text) {
    std::string open;
    char quote = 0;
    for (char c : text) {
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '(' || c == '[') open += c;
        else if (c == ')' || c == ']') {
            if (open.empty() || open.back() != (c == ')' ? '(' : '[')) return std::string("лишняя закрывающая скобка «") + c + "»";
            open.pop_back();
        }
    }
    if (quote != 0) return "не закрыта кавычка строки";
    if (!open.empty()) return std::string("не закрыта скобка «") + open.back() + "»";
    return {};
}

// libxml2 reports some evaluation problems through the generic handler as well; silence it
// (the structured handler already captured them) so nothing reaches stderr behind our back.
void silent(void*, const char*, ...) {}

}  // namespace

Expression Expression::compile(std::string_view text) {
    xmlSetGenericErrorFunc(nullptr, &silent);
    // A private context only to receive compile errors through our handler.
    xmlXPathContextPtr ctx = xmlXPathNewContext(nullptr);
    CallState call;
    ctx->error = &capture_error;
    ctx->userData = &call;
    if (const std::string problem = bracket_problem(text); !problem.empty()) {
        xmlXPathFreeContext(ctx);
        throw Error(ErrorCode::xpath, "выражение «" + std::string(text) + "»: " + problem);
    }
    const std::string s(text);
    xmlXPathCompExprPtr compiled = xmlXPathCtxtCompile(ctx, reinterpret_cast<const xmlChar*>(s.c_str()));
    xmlXPathFreeContext(ctx);
    if (compiled == nullptr) throw Error(ErrorCode::xpath, describe(call, text));
    Expression e;
    e.text_ = s;
    e.compiled_.reset(compiled, Free{});
    return e;
}

Evaluator::Evaluator(xmlDocPtr doc, std::string as_of, Variables variables)
    : doc_(doc), as_of_(std::move(as_of)), variables_(std::move(variables)) {
    variables_["as_of"] = as_of_;
    ctx_ = xmlXPathNewContext(doc_);
    xmlXPathRegisterNs(ctx_, reinterpret_cast<const xmlChar*>("n"),
                       reinterpret_cast<const xmlChar*>(function_namespace));
    xmlXPathRegisterVariableLookup(ctx_, &variable_lookup, this);
    register_functions(ctx_);
}

Evaluator::~Evaluator() { xmlXPathFreeContext(ctx_); }

void Evaluator::set_variable(std::string name, std::string value) {
    variables_[std::move(name)] = std::move(value);
}

xmlXPathObjectPtr Evaluator::evaluate(const Expression& e, xmlNodePtr context, int position, int size,
                                      std::vector<std::string>* names) const {
    xmlSetGenericErrorFunc(nullptr, &silent);  // per thread
    CallState call;
    call.evaluator = this;
    call.names = names;
    ctx_->error = &capture_error;
    ctx_->userData = &call;  // libxml2's errors and our functions' errors both land here
    ctx_->node = context != nullptr ? context : xmlDocGetRootElement(doc_);
    call.current = ctx_->node;
    ctx_->doc = doc_;
    ctx_->proximityPosition = position;
    ctx_->contextSize = size;
    xmlXPathObjectPtr result = xmlXPathCompiledEval(e.get(), ctx_);
    ctx_->userData = nullptr;
    if (result == nullptr || !call.function_error.empty()) {
        if (result != nullptr) xmlXPathFreeObject(result);
        throw Error(ErrorCode::xpath, describe(call, e.text()));
    }
    return result;
}

std::string Evaluator::string(const Expression& e, xmlNodePtr context, int position, int size,
                              std::vector<std::string>* names) const {
    xmlXPathObjectPtr r = evaluate(e, context, position, size, names);
    xmlChar* s = xmlXPathCastToString(r);
    std::string out = s ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    xmlXPathFreeObject(r);
    return out;
}

bool Evaluator::boolean(const Expression& e, xmlNodePtr context, int position, int size) const {
    xmlXPathObjectPtr r = evaluate(e, context, position, size);
    const bool b = xmlXPathCastToBoolean(r) != 0;
    xmlXPathFreeObject(r);
    return b;
}

double Evaluator::number(const Expression& e, xmlNodePtr context) const {
    xmlXPathObjectPtr r = evaluate(e, context);
    const double d = xmlXPathCastToNumber(r);
    xmlXPathFreeObject(r);
    return d;
}

std::vector<xmlNodePtr> Evaluator::nodes(const Expression& e, xmlNodePtr context, int position, int size) const {
    xmlXPathObjectPtr r = evaluate(e, context, position, size);
    if (r->type != XPATH_NODESET) {
        xmlXPathFreeObject(r);
        throw Error(ErrorCode::xpath,
                    "выражение «" + e.text() + "»: ожидался набор узлов данных, а получено значение");
    }
    std::vector<xmlNodePtr> out;
    if (r->nodesetval != nullptr) {
        out.reserve(static_cast<std::size_t>(r->nodesetval->nodeNr));
        for (int i = 0; i < r->nodesetval->nodeNr; ++i) out.push_back(r->nodesetval->nodeTab[i]);
    }
    xmlXPathFreeObject(r);
    return out;
}

std::string Evaluator::interpolate(std::string_view text, xmlNodePtr context) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') { out += '{'; i += 2; continue; }
        if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') { out += '}'; i += 2; continue; }
        if (c == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close == std::string_view::npos) {
                throw Error(ErrorCode::xpath, "текст «" + std::string(text) + "»: не закрыта фигурная скобка {");
            }
            out += string(Expression::compile(text.substr(i + 1, close - i - 1)), context);
            i = close + 1;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

}  // namespace nastavnik::xpath
