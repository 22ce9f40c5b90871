// Clause bodies rendered once per run. Most clauses read the same in every school (only a few
// name the school or its staff), so a build of many schools renders each distinct body once per
// format and reuses the result. The cache never changes what is written: a body is looked up by
// everything its rendering depends on (see RenderKey), and output is byte-identical with the
// cache on or off, with any number of jobs.
//
// Memory stays bounded however many schools there are: a body is kept only from the second time
// it is asked for (a school's own wording is rendered once and never stored), and storing stops
// at a byte budget.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/document.hpp"

namespace clausebook::write {

// What a cached value depends on: a kind ("md", "docx", ...), an optional context (for clause
// bodies that link to other clauses, the document's numbering and titles) and the input text.
// Views: the strings must outlive the lookup.
struct RenderKey {
    std::string_view kind;
    std::string_view context;
    std::string_view text;
};

class RenderCache {
public:
    explicit RenderCache(std::size_t byte_budget = std::size_t{96} << 20);

    // The value stored under `key`, or `make()`'s result, stored when `key` has been asked for
    // before and the budget allows. `size` tells the budget what a value costs. Thread-safe;
    // `make` runs outside any lock.
    template <class T, class Make, class Size>
    std::shared_ptr<const T> get(const RenderKey& key, Make make, Size size) {
        std::shared_ptr<const void> found;
        bool store = false;
        std::uint64_t hash = lookup(key, found, store);
        if (found) return std::static_pointer_cast<const T>(found);
        auto value = std::make_shared<const T>(make());
        if (store) insert(hash, key, value, size(*value));
        return value;
    }

    struct Stats {
        std::size_t hits = 0;
        std::size_t misses = 0;
        std::size_t stored_bytes = 0;
    };
    Stats stats() const;

private:
    struct Entry {
        std::string kind, context, text;
        std::shared_ptr<const void> value;
        bool matches(const RenderKey& k) const { return text == k.text && kind == k.kind && context == k.context; }
    };
    // Hashes asked for once, direct-mapped: a slot holds the last hash that fell in it, so the
    // table never grows; a collision only delays storing a value.
    static constexpr std::size_t k_seen_slots = std::size_t{1} << 16;
    struct Shard {
        std::mutex mutex;
        std::unordered_multimap<std::uint64_t, Entry> entries;
        std::vector<std::uint64_t> seen;  // k_seen_slots, made on the shard's first miss
    };

    std::uint64_t lookup(const RenderKey& key, std::shared_ptr<const void>& found, bool& store);
    void insert(std::uint64_t hash, const RenderKey& key, std::shared_ptr<const void> value, std::size_t bytes);

    std::array<Shard, 16> m_shards;
    std::size_t m_budget;
    std::atomic<std::size_t> m_bytes{0};
    std::atomic<std::size_t> m_hits{0};
    std::atomic<std::size_t> m_misses{0};
};

// The context a clause body's rendering depends on beyond its Markdown: empty, unless the body
// may link to other clauses ("clause:" or "#" targets); then `doc`'s numbering and titles, which
// are computed into `layout` once per document (pass the same string for every clause of one
// document).
std::string_view link_context(const model::Document& doc, const std::string& markdown, std::string& layout);

}  // namespace clausebook::write
