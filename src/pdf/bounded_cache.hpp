#pragma once
// Internal: what a process keeps from one document for the next ones (parsed parts, pictures),
// bounded in entries and bytes, shared by threads.

#include <algorithm>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::pdf {

/// Values found by the bytes they were made from (compared whole, not only by a hash, so one
/// input never stands for another) and a `Qualifier` compared with == (a printed size). The least recently used go first when more than `max_entries` are held or their
/// costs add up to more than `max_bytes`.
template <class Value, class Qualifier = int>
class BoundedCache {
public:
    BoundedCache(std::size_t max_entries, std::size_t max_bytes) : max_entries_(max_entries), max_bytes_(max_bytes) {}

    /// The value kept for `bytes` and `qualifier`, else the one `make` returns (an optional
    /// pair of the value and its cost; nullopt: not to be kept), kept for the next time.
    template <class Make>
    Value get(const std::string& bytes, const Qualifier& qualifier, Make&& make) {
        const std::size_t key = std::hash<std::string>{}(bytes);
        {
            std::lock_guard lock(mutex_);
            for (auto it = entries_.begin(); it != entries_.end(); ++it) {
                if (it->key != key || it->qualifier != qualifier || it->bytes != bytes) continue;
                std::rotate(it, it + 1, entries_.end());  // most recently used last: evicted last
                return entries_.back().value;
            }
        }
        Value value{};
        std::optional<std::size_t> cost;
        make(value, cost);
        if (!cost || *cost > max_bytes_) return value;
        std::lock_guard lock(mutex_);
        entries_.push_back(Entry{key, bytes, qualifier, value, *cost});
        held_bytes_ += *cost;
        while (entries_.size() > max_entries_ || held_bytes_ > max_bytes_) {
            held_bytes_ -= entries_.front().cost;
            entries_.erase(entries_.begin());
        }
        return value;
    }

private:
    struct Entry {
        std::size_t key;
        std::string bytes;
        Qualifier qualifier;
        Value value;
        std::size_t cost;
    };
    const std::size_t max_entries_, max_bytes_;
    std::mutex mutex_;
    std::vector<Entry> entries_;
    std::size_t held_bytes_ = 0;
};

}  // namespace nastavnik::pdf
