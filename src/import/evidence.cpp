#include "import/evidence.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "util/text.hpp"

namespace clausebook::import {

Evidence weigh(const std::vector<Block>& blocks, const std::vector<Placement>& placements, std::size_t clauses) {
    Evidence e;
    e.body_blocks = static_cast<int>(placements.size());
    e.outline_clauses = static_cast<int>(clauses);
    double total = 0, placed = 0, good = 0;
    std::set<std::string> good_clauses;
    for (const auto& p : placements) {
        double w = util::word_count(blocks[p.block].text);
        total += w;
        e.best_cosine = std::max(e.best_cosine, p.closest_cosine);
        if (!p.clause_id.empty()) placed += w;
        // The evidence is the block's own words against the clause they are closest to: how the
        // alignment then orders the blocks does not change whether this is the policy.
        if (p.closest_cosine >= k_good_cosine) {
            good += w;
            ++e.good_blocks;
            good_clauses.insert(p.closest);
        }
    }
    e.good_clauses = static_cast<int>(good_clauses.size());
    int capacity = static_cast<int>(std::min(placements.size(), clauses));
    e.needed_clauses = std::clamp((capacity + 3) / 4, 1, k_min_good_clauses);
    e.placed_share = total > 0 ? placed / total : 0;
    e.good_share = total > 0 ? good / total : 0;
    return e;
}

bool title_names_subject(const std::string& title, const std::string& outline_title) {
    // Words of a policy's title that say what kind of document it is, not what it is about.
    static const std::set<std::string> kind_words = [] {
        std::set<std::string> k;
        for (const char* w : {"policy", "policies", "procedure", "procedures", "school", "schools", "statement", "guidance", "guidelines", "code", "conduct",
                              "protocol", "document", "use", "using", "acceptable", "trust", "academy"})
            for (const auto& st : stems(w)) k.insert(st);
        return k;
    }();
    std::set<std::string> subject, named;
    for (const auto& st : stems(outline_title))
        if (!kind_words.count(st)) subject.insert(st);
    for (const auto& st : stems(title))
        if (subject.count(st)) named.insert(st);
    if (subject.empty()) return false;
    return named.size() >= std::min<std::size_t>(2, subject.size());
}

Evidence::Subject name_subject(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& own_titles,
                               const std::string& outline_title) {
    Evidence::Subject s;
    s.in_title = std::any_of(own_titles.begin(), own_titles.end(), [&](const std::string& t) { return title_names_subject(t, outline_title); });
    for (std::size_t i : body)
        if (title_names_subject(blocks[i].text, outline_title)) ++s.blocks;
    s.share = body.empty() ? 0.0 : static_cast<double>(s.blocks) / static_cast<double>(body.size());
    return s;
}

bool better(const Evidence& a, const Evidence& b) {
    if (a.enough() != b.enough()) return a.enough();
    if (a.good_share != b.good_share) return a.good_share > b.good_share;
    return a.placed_share > b.placed_share;
}

std::string why_not_the_policy(const Evidence& e) {
    auto pct = [](double x) {
        char b[16];
        std::snprintf(b, sizeof b, "%.0f%%", x * 100);
        return std::string(b);
    };
    auto two = [](double x) {
        char b[16];
        std::snprintf(b, sizeof b, "%.2f", x);
        return std::string(b);
    };
    auto n = [](int k, const char* one, const char* many) { return std::to_string(k) + " " + (k == 1 ? one : many); };
    std::string paragraphs =
        e.good_clauses < e.needed_clauses
            ? std::to_string(e.good_blocks) + " of its " + n(e.body_blocks, "paragraph", "paragraphs") +
                  (e.good_blocks == 1 || e.body_blocks == 1 ? " reads" : " read") + " like a clause of the outline, matching " +
                  n(e.good_clauses, "clause", "clauses") + "; a policy of its length would match at least " + std::to_string(e.needed_clauses)
            : "the paragraphs that read like a clause of the outline hold only " + pct(e.good_share) + " of its words (" + pct(k_min_good_share) + " needed)";
    return paragraphs + " (reading like one: a similarity of " + two(k_good_cosine) + " or more with the clause's words; its best paragraph has " +
           two(e.best_cosine) + "); neither its title nor a quarter of its paragraphs name the policy's subject (" + std::to_string(e.subject.blocks) + " of " +
           std::to_string(e.body_blocks) + " do)";
}

}  // namespace clausebook::import
