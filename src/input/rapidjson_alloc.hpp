#pragma once
// Internal: RapidJSON 1.1.0 (Debian 12) with a stack that has no undefined behaviour.
//
// RapidJSON's reader, writer and string buffer keep their work in internal::Stack, which
// allocates lazily: the first Push computes `nullptr + n` to see whether the stack is full —
// arithmetic on a null pointer, which UBSan (clang) reports on every parse. Newer RapidJSON
// fixes it; Debian 12's header cannot be changed. So every RapidJSON object of ours takes
// JsonAllocator as its stack allocator, and the Stack for that allocator (an explicit
// specialisation, which C++ allows for a type of our own) starts with its buffer allocated.
// Include this header, never rapidjson's, and use the aliases below.

#include <rapidjson/allocators.h>
#include <rapidjson/internal/stack.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>

#include <cstdlib>
#include <new>

namespace nastavnik::input {

/// The C heap, as rapidjson::CrtAllocator; a type of its own so that its Stack can be ours.
class JsonAllocator : public rapidjson::CrtAllocator {};

}  // namespace nastavnik::input

RAPIDJSON_NAMESPACE_BEGIN
namespace internal {

// The members RapidJSON's reader, writers and string buffer use, with the same meaning.
template <>
class Stack<nastavnik::input::JsonAllocator> {
public:
    Stack(nastavnik::input::JsonAllocator*, size_t capacity) { reallocate(capacity > 0 ? capacity : 256); }
    ~Stack() { std::free(stack_); }
    Stack(const Stack&) = delete;
    Stack& operator=(const Stack&) = delete;

    void Clear() { top_ = stack_; }
    void ShrinkToFit() {}

    template <typename T>
    void Reserve(size_t count = 1) {
        if (sizeof(T) * count > static_cast<size_t>(end_ - top_)) {
            const size_t capacity = GetCapacity();
            const size_t needed = GetSize() + sizeof(T) * count;
            reallocate(std::max(needed, capacity + (capacity + 1) / 2));
        }
    }
    template <typename T>
    T* Push(size_t count = 1) {
        Reserve<T>(count);
        return PushUnsafe<T>(count);
    }
    template <typename T>
    T* PushUnsafe(size_t count = 1) {
        T* at = reinterpret_cast<T*>(top_);
        top_ += sizeof(T) * count;
        return at;
    }
    template <typename T>
    T* Pop(size_t count) {
        top_ -= count * sizeof(T);
        return reinterpret_cast<T*>(top_);
    }
    template <typename T>
    T* Top() {
        return reinterpret_cast<T*>(top_ - sizeof(T));
    }
    template <typename T>
    const T* Top() const {
        return reinterpret_cast<const T*>(top_ - sizeof(T));
    }
    template <typename T>
    T* End() {
        return reinterpret_cast<T*>(top_);
    }
    template <typename T>
    const T* End() const {
        return reinterpret_cast<const T*>(top_);
    }
    template <typename T>
    T* Bottom() {
        return reinterpret_cast<T*>(stack_);
    }
    template <typename T>
    const T* Bottom() const {
        return reinterpret_cast<const T*>(stack_);
    }
    bool HasAllocator() const { return false; }
    bool Empty() const { return top_ == stack_; }
    size_t GetSize() const { return static_cast<size_t>(top_ - stack_); }
    size_t GetCapacity() const { return static_cast<size_t>(end_ - stack_); }

private:
    void reallocate(size_t capacity) {
        const size_t size = GetSize();
        char* grown = static_cast<char*>(std::realloc(stack_, capacity));
        if (grown == nullptr) throw std::bad_alloc();
        stack_ = grown;
        top_ = stack_ + size;
        end_ = stack_ + capacity;
    }
    char* stack_ = nullptr;
    char* top_ = nullptr;
    char* end_ = nullptr;
};

}  // namespace internal
RAPIDJSON_NAMESPACE_END

namespace nastavnik::input {

using JsonReader = rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, JsonAllocator>;
using JsonStringBuffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, JsonAllocator>;
using JsonPrettyWriter = rapidjson::PrettyWriter<JsonStringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, JsonAllocator>;

}  // namespace nastavnik::input
