#include "nastavnik/input/json.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"

#include "input/rapidjson_alloc.hpp"

#include <rapidjson/error/error.h>

#include <algorithm>

namespace nastavnik::input {

namespace {

// Maps byte offsets to line and column (columns count UTF-8 characters). The parser asks for
// offsets in increasing order, so counting goes on from the previous answer on the same line:
// a file of a single 60 MB line (minified JSON) would otherwise be counted from its start for
// every value — quadratic.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') starts_.push_back(i + 1);
        }
    }
    [[nodiscard]] TextPosition at(std::size_t offset) const {
        offset = std::min(offset, text_.size());
        const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
        const int line = static_cast<int>(it - starts_.begin()) + 1;
        std::size_t from = *it;
        int column = 1;
        if (line == last_line_ && offset >= last_offset_) {
            from = last_offset_;
            column = last_column_;
        }
        for (std::size_t i = from; i < offset; ++i) {
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
        }
        last_line_ = line;
        last_offset_ = offset;
        last_column_ = column;
        return {line, column};
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
    mutable int last_line_ = 0;
    mutable std::size_t last_offset_ = 0;
    mutable int last_column_ = 1;
};

std::string syntax_message(rapidjson::ParseErrorCode code) {
    using namespace rapidjson;
    switch (code) {
        case kParseErrorDocumentEmpty: return "файл пуст — ожидался JSON-объект";
        case kParseErrorDocumentRootNotSingular: return "после конца JSON-документа есть лишний текст";
        case kParseErrorValueInvalid: return "недопустимое значение (ожидались строка в кавычках, число, объект, массив, true, false или null)";
        case kParseErrorObjectMissName: return "ожидалось имя поля в двойных кавычках";
        case kParseErrorObjectMissColon: return "после имени поля ожидалось двоеточие «:»";
        case kParseErrorObjectMissCommaOrCurlyBracket: return "ожидалась запятая «,» или закрывающая скобка «}»";
        case kParseErrorArrayMissCommaOrSquareBracket: return "ожидалась запятая «,» или закрывающая скобка «]»";
        case kParseErrorStringUnicodeEscapeInvalidHex: return "неверная escape-последовательность \\u в строке";
        case kParseErrorStringUnicodeSurrogateInvalid: return "неверная суррогатная пара \\u в строке";
        case kParseErrorStringEscapeInvalid: return "недопустимая escape-последовательность в строке";
        case kParseErrorStringMissQuotationMark: return "строка не закрыта кавычкой";
        case kParseErrorStringInvalidEncoding: return "текст не в кодировке UTF-8";
        case kParseErrorNumberTooBig: return "слишком большое число";
        case kParseErrorNumberMissFraction: return "в числе нет цифр после точки";
        case kParseErrorNumberMissExponent: return "в числе нет показателя степени";
        case kParseErrorTermination: return "превышена допустимая вложенность (не более 64 уровней)";
        default: return "синтаксическая ошибка JSON";
    }
}

// A read-only stream over the text. Unlike rapidjson::StringStream it is not copied inside
// the parser (StreamTraits::copyOptimization stays false), so Tell() is live during events.
// It stops at the end of the text: RapidJSON reads '\0' as the end, but its UTF-8 check takes
// a whole multi-byte sequence once it has seen the first byte, so a file ending in such a
// byte inside a string made it read up to two bytes past the text's terminating zero. Past
// the end Peek and Take give '\0' (the text holds no other zero byte: checked before).
class TextStream {
public:
    using Ch = char;
    explicit TextStream(const std::string& text) : head_(text.data()), src_(head_), end_(head_ + text.size()) {}
    [[nodiscard]] Ch Peek() const { return src_ < end_ ? *src_ : '\0'; }
    Ch Take() { return src_ < end_ ? *src_++ : '\0'; }
    [[nodiscard]] std::size_t Tell() const { return static_cast<std::size_t>(src_ - head_); }
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

private:
    const Ch* head_;
    const Ch* src_;
    const Ch* end_;
};

// Builds JsonValues from SAX events. RapidJSON reports a bracket before consuming it and other
// tokens after; either way a token starts at the first character after the previous token
// that is not white space, ',' or ':'.
class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder> {
public:
    Builder(std::string_view text, const TextStream& stream, const LineIndex& lines)
        : text_(text), stream_(stream), lines_(lines) {}

    bool Null() { return scalar(JsonValue::Kind::null, "null"); }
    bool Bool(bool b) { return scalar(JsonValue::Kind::boolean, b ? "true" : "false"); }
    bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
        return scalar(JsonValue::Kind::number, std::string(s, n));
    }
    bool String(const char* s, rapidjson::SizeType n, bool) {
        return scalar(JsonValue::Kind::string, std::string(s, n));
    }
    bool StartObject() { return open(JsonValue::Kind::object); }
    bool StartArray() { return open(JsonValue::Kind::array); }
    bool Key(const char* s, rapidjson::SizeType n, bool) {
        pending_key_ = std::string(s, n);
        pending_key_position_ = lines_.at(token_start());
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    JsonValue result;

private:
    std::size_t token_start() {
        std::size_t i = last_end_;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                    text_[i] == '\r' || text_[i] == ',' || text_[i] == ':')) {
            ++i;
        }
        last_end_ = std::max(stream_.Tell(), i + 1);
        return i;
    }

    JsonValue& place(JsonValue value) {
        if (stack_.empty()) {
            result = std::move(value);
            return result;
        }
        JsonValue& parent = *stack_.back();
        if (parent.kind == JsonValue::Kind::array) {
            parent.items.push_back(std::move(value));
            return parent.items.back();
        }
        parent.members.push_back(JsonMember{std::move(pending_key_), pending_key_position_, std::move(value)});
        return parent.members.back().value;
    }

    bool scalar(JsonValue::Kind kind, std::string text) {
        JsonValue v;
        v.kind = kind;
        v.position = lines_.at(token_start());
        v.scalar = std::move(text);
        place(std::move(v));
        return true;
    }

    bool open(JsonValue::Kind kind) {
        if (static_cast<int>(stack_.size()) >= JsonLimits::max_depth) return false;
        JsonValue v;
        v.kind = kind;
        v.position = lines_.at(token_start());
        stack_.push_back(&place(std::move(v)));
        return true;
    }

    bool close() {
        token_start();
        stack_.pop_back();
        return true;
    }

    std::string_view text_;
    const TextStream& stream_;
    const LineIndex& lines_;
    std::size_t last_end_ = 0;
    std::vector<JsonValue*> stack_;  // pointers stay valid: a container is only appended to
                                     // while it is the innermost open one
    std::string pending_key_;
    TextPosition pending_key_position_;
};

// Well-formed UTF-8 (Unicode 15, table 3-7): no overlong forms, no surrogates, nothing above
// U+10FFFF — at least as strict as RapidJSON's UTF8::Decode.
bool well_formed_utf8(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        const unsigned char c = *p;
        auto cont = [&](std::ptrdiff_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
            return end - p > k && p[k] >= lo && p[k] <= hi;
        };
        if (c >= 0xC2 && c <= 0xDF) {
            if (!cont(1)) return false;
            p += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            if (!cont(1, lo, hi) || !cont(2)) return false;
            p += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return false;
            p += 4;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

const char* kind_name(JsonValue::Kind k) {
    switch (k) {
        case JsonValue::Kind::null: return "null";
        case JsonValue::Kind::boolean: return "логическое значение";
        case JsonValue::Kind::number: return "число";
        case JsonValue::Kind::string: return "строка";
        case JsonValue::Kind::array: return "массив";
        case JsonValue::Kind::object: return "объект";
    }
    return "значение";
}

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const auto& m : members) {
        if (m.key == key) return &m.value;
    }
    return nullptr;
}

JsonValue* JsonValue::find(std::string_view key) {
    for (auto& m : members) {
        if (m.key == key) return &m.value;
    }
    return nullptr;
}

JsonValue parse_json(std::string_view text, const std::string& file_name) {
    std::size_t skip = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") skip = 3;  // a BOM, as Windows editors write
    const std::string buffer(text.substr(skip));
    const LineIndex lines(buffer);
    if (const auto nul = buffer.find('\0'); nul != std::string::npos) {
        const TextPosition p = lines.at(nul);
        throw Error(ErrorCode::json_syntax, "в файле есть нулевой байт — это не текстовый JSON-файл",
                    InputLocation{file_name, p.line, p.column, {}});
    }
    TextStream stream(buffer);
    Builder builder(buffer, stream, lines);
    JsonReader reader;
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag;
    // RapidJSON validates UTF-8 one code point at a time inside strings, a third of the time
    // of parsing Russian text. Well-formed text is checked here in one pass and parsed without
    // that; anything else is parsed with it, so that the error and its position are RapidJSON's.
    const rapidjson::ParseResult ok = well_formed_utf8(buffer)
                                          ? reader.Parse<flags>(stream, builder)
                                          : reader.Parse<flags | rapidjson::kParseValidateEncodingFlag>(stream, builder);
    if (!ok) {
        const TextPosition p = lines.at(ok.Offset());
        throw Error(ErrorCode::json_syntax, "ошибка синтаксиса JSON: " + syntax_message(ok.Code()),
                    InputLocation{file_name, p.line, p.column, {}});
    }
    return std::move(builder.result);
}

JsonValue parse_json_prefix(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // Nothing past a zero byte is text (parse_json refuses the whole file for it).
    const std::string buffer(text.substr(0, text.find('\0')));
    const LineIndex lines(buffer);
    TextStream stream(buffer);
    Builder builder(buffer, stream, lines);
    JsonReader reader;
    // Every value is placed in the tree when the parser reports it, so when the parser stops
    // at an error the tree holds what came before it, with the containers still open.
    (void)reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseNumbersAsStringsFlag |
                       rapidjson::kParseValidateEncodingFlag>(stream, builder);
    return std::move(builder.result);
}

JsonValue read_json_file(const std::filesystem::path& file) {
    const std::string text = read_file(file, JsonLimits::max_file_bytes);
    return parse_json(text, file.string());
}

namespace {

// "__null__" anywhere inside a replacing value (an array of objects, say) is an explicit null.
void materialize_nulls(JsonValue& v) {
    if (v.kind == JsonValue::Kind::string && v.scalar == "__null__") {
        v.kind = JsonValue::Kind::null;
        v.scalar = "null";
        return;
    }
    for (auto& item : v.items) materialize_nulls(item);
    for (auto& m : v.members) materialize_nulls(m.value);
}

}  // namespace

void merge_patch(JsonValue& target, const JsonValue& patch) {
    if (patch.kind != JsonValue::Kind::object) {
        target = patch;
        materialize_nulls(target);
        return;
    }
    if (target.kind != JsonValue::Kind::object) {
        target = JsonValue{};
        target.kind = JsonValue::Kind::object;
        target.position = patch.position;
    }
    for (const auto& m : patch.members) {
        if (m.value.kind == JsonValue::Kind::null) {
            std::erase_if(target.members, [&](const JsonMember& t) { return t.key == m.key; });
            continue;
        }
        if (JsonValue* existing = target.find(m.key)) {
            merge_patch(*existing, m.value);
        } else {
            JsonMember added{m.key, m.key_position, JsonValue{}};
            merge_patch(added.value, m.value);
            target.members.push_back(std::move(added));
        }
    }
}

}  // namespace nastavnik::input
