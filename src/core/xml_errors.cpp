#include "nastavnik/core/xml_errors.hpp"

#include <cstring>

namespace nastavnik {

std::string xml_error_text(const char* libxml2_message) {
    std::string message = libxml2_message != nullptr ? libxml2_message : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    // libxml2 2.9: "Excessive depth in document: 256 use XML_PARSE_HUGE option".
    if (message.find("Excessive depth") != std::string::npos) {
        return "элементы XML вложены глубже 256 уровней (допустимая глубина вложенности)";
    }
    if (message.find("huge text node") != std::string::npos || message.find("Huge input lookup") != std::string::npos) {
        return "текст одного элемента длиннее 10 МБ";
    }
    if (message.find("amplification") != std::string::npos) {
        return "определения сущностей раскрываются в слишком большой текст";
    }
    return message;
}

}  // namespace nastavnik
