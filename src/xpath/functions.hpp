#pragma once
// Internal: the n: extension functions and the per-call state they share with the evaluator.

#include <libxml/xpath.h>

#include <string>
#include <vector>

namespace nastavnik::xpath {

class Evaluator;

/// Lives for one evaluation; xmlXPathContext::userData points to it. libxml2 reports its
/// errors here through the context's structured handler, our functions their own.
struct CallState {
    const Evaluator* evaluator = nullptr;
    std::string library_error;
    int position = -1;
    std::string function_error;  // Russian, names the function
    xmlNodePtr current = nullptr;  // the node the whole expression is evaluated at (n:current())
    std::vector<std::string>* names = nullptr;  // where the name functions note what they wrote
};

void register_functions(xmlXPathContextPtr ctx);

}  // namespace nastavnik::xpath
