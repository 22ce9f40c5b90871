#include "write/render_cache.hpp"

#include <xxhash.h>

namespace clausebook::write {

RenderCache::RenderCache(std::size_t byte_budget) : m_budget(byte_budget) {}

std::uint64_t RenderCache::lookup(const std::string& key, std::shared_ptr<const void>& found, bool& store) {
    std::uint64_t hash = XXH3_64bits(key.data(), key.size());
    Shard& shard = m_shards[hash % m_shards.size()];
    std::lock_guard lock(shard.mutex);
    auto [first, last] = shard.entries.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second.key == key) {
            found = it->second.value;
            ++m_hits;
            return hash;
        }
    ++m_misses;
    // Stored from the second request on; the first only leaves its hash. A hash shared by two
    // keys at worst stores a value once early: lookups always compare the whole key.
    store = !shard.seen.insert(hash).second && m_bytes.load(std::memory_order_relaxed) < m_budget;
    return hash;
}

void RenderCache::insert(std::uint64_t hash, const std::string& key, std::shared_ptr<const void> value, std::size_t bytes) {
    Shard& shard = m_shards[hash % m_shards.size()];
    std::lock_guard lock(shard.mutex);
    auto [first, last] = shard.entries.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second.key == key) return;  // another job stored it meanwhile
    shard.entries.emplace(hash, Entry{key, std::move(value)});
    m_bytes += bytes;
}

RenderCache::Stats RenderCache::stats() const { return {m_hits.load(), m_misses.load(), m_bytes.load()}; }

std::string render_key(std::string_view format, const model::Document& doc, const std::string& markdown, std::string& layout) {
    std::string key;
    bool links = markdown.find("clause:") != std::string::npos || markdown.find('#') != std::string::npos;
    if (links && layout.empty()) {
        // Every clause's id, number and title: what a cross-reference's text and target read.
        layout = "layout\n";
        for (std::size_t s = 0; s < doc.sections.size(); ++s)
            for (std::size_t c = 0; c < doc.sections[s].clauses.size(); ++c) {
                const auto& cl = doc.sections[s].clauses[c];
                for (const std::string* part : {&cl.id, &cl.title}) layout += std::to_string(part->size()) + ':' + *part;
                layout += '=' + std::to_string(s + 1) + '.' + std::to_string(c + 1) + '\n';
            }
    }
    key.reserve(format.size() + markdown.size() + (links ? layout.size() : 0) + 2);
    key.append(format).push_back('\0');
    if (links) key += layout;
    key.push_back('\0');
    key += markdown;
    return key;
}

}  // namespace clausebook::write
