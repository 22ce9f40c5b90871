#include "write/render_cache.hpp"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t on the stack
#include <xxhash.h>

namespace clausebook::write {

namespace {

std::uint64_t hash_of(const RenderKey& key) {
    XXH3_state_t state;
    XXH3_64bits_reset(&state);
    for (std::string_view part : {key.kind, key.context, key.text}) {
        std::uint64_t size = part.size();  // lengths keep ("ab", "c") apart from ("a", "bc")
        XXH3_64bits_update(&state, &size, sizeof size);
        XXH3_64bits_update(&state, part.data(), part.size());
    }
    return XXH3_64bits_digest(&state);
}

}  // namespace

RenderCache::RenderCache(std::size_t byte_budget) : m_budget(byte_budget) {}

std::uint64_t RenderCache::lookup(const RenderKey& key, std::shared_ptr<const void>& found, bool& store) {
    std::uint64_t hash = hash_of(key);
    Shard& shard = m_shards[hash % m_shards.size()];
    std::lock_guard lock(shard.mutex);
    auto [first, last] = shard.entries.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second.matches(key)) {
            found = it->second.value;
            ++m_hits;
            return hash;
        }
    ++m_misses;
    // Stored from the second request on; the first only leaves its hash. Lookups always compare
    // the whole key, so hashes that collide never mix values up.
    // The table is made on a shard's first miss: a short run (check, import) that renders a
    // few bodies does not zero 8 MB of tables it never reads.
    if (shard.seen.empty()) shard.seen.resize(k_seen_slots);
    std::uint64_t& slot = shard.seen[(hash / m_shards.size()) % k_seen_slots];
    store = slot == hash && m_bytes.load(std::memory_order_relaxed) < m_budget;
    slot = hash;
    return hash;
}

void RenderCache::insert(std::uint64_t hash, const RenderKey& key, std::shared_ptr<const void> value, std::size_t bytes) {
    Shard& shard = m_shards[hash % m_shards.size()];
    std::lock_guard lock(shard.mutex);
    auto [first, last] = shard.entries.equal_range(hash);
    for (auto it = first; it != last; ++it)
        if (it->second.matches(key)) return;  // another job stored it meanwhile
    shard.entries.emplace(hash, Entry{std::string(key.kind), std::string(key.context), std::string(key.text), std::move(value)});
    m_bytes += bytes + key.kind.size() + key.context.size() + key.text.size() + sizeof(Entry);
}

RenderCache::Stats RenderCache::stats() const { return {m_hits.load(), m_misses.load(), m_bytes.load()}; }

std::string_view link_context(const model::Document& doc, const std::string& markdown, std::string& layout) {
    // A "#" anywhere, or "clause:" (looked for at each colon: colons are rarer than c's).
    bool links = markdown.find('#') != std::string::npos;
    for (std::size_t colon = markdown.find(':'); !links && colon != std::string::npos; colon = markdown.find(':', colon + 1))
        links = colon >= 6 && markdown.compare(colon - 6, 6, "clause") == 0;
    if (!links) return {};
    if (layout.empty()) {
        // Every clause's id, number and title: what a cross-reference's text and target read.
        layout = "layout\n";
        for (std::size_t s = 0; s < doc.sections.size(); ++s)
            for (std::size_t c = 0; c < doc.sections[s].clauses.size(); ++c) {
                const auto& cl = doc.sections[s].clauses[c];
                for (const std::string* part : {&cl.id, &cl.title}) layout += std::to_string(part->size()) + ':' + *part;
                layout += '=' + std::to_string(s + 1) + '.' + std::to_string(c + 1) + '\n';
            }
    }
    return layout;
}

}  // namespace clausebook::write
