#include "compare/policy_diff.hpp"

#include <algorithm>

namespace clausebook::compare {

namespace {

const TextClause* find(const PolicyText& p, const std::string& id) {
    for (const auto& c : p.clauses)
        if (c.id == id) return &c;
    return nullptr;
}

// Ids on both sides that are out of order: not on a longest common subsequence.
std::vector<std::string> moved_ids(const PolicyText& a, const PolicyText& b) {
    std::vector<std::string> ia, ib;
    for (const auto& c : a.clauses)
        if (find(b, c.id)) ia.push_back(c.id);
    for (const auto& c : b.clauses)
        if (find(a, c.id)) ib.push_back(c.id);
    std::vector<std::string> out;
    std::size_t j = 0;
    for (Op op : myers_diff(ia, ib)) {
        if (op == Op::ins) out.push_back(ib[j]);
        if (op != Op::del) ++j;
    }
    return out;
}

}  // namespace

bool PolicyDiff::identical() const {
    return cover.empty() && std::all_of(clauses.begin(), clauses.end(), [](const ClauseDiff& c) { return c.kind == ClauseDiff::Kind::same; });
}

std::size_t PolicyDiff::count(ClauseDiff::Kind kind) const {
    return static_cast<std::size_t>(std::count_if(clauses.begin(), clauses.end(), [&](const ClauseDiff& c) { return c.kind == kind; }));
}

PolicyDiff diff_policies(const PolicyText& a, const PolicyText& b, const DiffOptions& options) {
    PolicyDiff d{a.label, b.label, a.title, b.title, {}, {}};
    for (const auto& row : b.cover) {
        auto it = std::find_if(a.cover.begin(), a.cover.end(), [&](const CoverLine& l) { return l.label == row.label; });
        std::string old = it == a.cover.end() ? std::string() : it->value;
        if (!word_diff(old, row.value, options).changed() && it != a.cover.end()) continue;
        d.cover.push_back({row.label, old, row.value});
    }
    for (const auto& row : a.cover)
        if (std::none_of(b.cover.begin(), b.cover.end(), [&](const CoverLine& l) { return l.label == row.label; }))
            d.cover.push_back({row.label, row.value, {}});

    std::vector<std::string> moved = moved_ids(a, b);
    for (const auto& cb : b.clauses) {
        ClauseDiff c;
        c.id = cb.id;
        c.number_b = cb.number;
        c.title_b = cb.title;
        c.section = cb.section;
        c.text_b = cb.text;
        if (const TextClause* ca = find(a, cb.id)) {
            c.number_a = ca->number;
            c.title_a = ca->title;
            c.text_a = ca->text;
            c.moved = std::find(moved.begin(), moved.end(), cb.id) != moved.end();
        } else {
            c.kind = ClauseDiff::Kind::added;
        }
        d.clauses.push_back(std::move(c));
    }
    // Clauses only in a go after the clause that precedes them in a (or first).
    std::size_t insert_at = 0;
    for (const auto& ca : a.clauses) {
        auto in_d = std::find_if(d.clauses.begin(), d.clauses.end(), [&](const ClauseDiff& c) { return c.id == ca.id; });
        if (in_d != d.clauses.end()) {
            insert_at = static_cast<std::size_t>(in_d - d.clauses.begin()) + 1;
            continue;
        }
        ClauseDiff c;
        c.kind = ClauseDiff::Kind::removed;
        c.id = ca.id;
        c.number_a = ca.number;
        c.title_a = ca.title;
        c.section = ca.section;
        c.text_a = ca.text;
        d.clauses.insert(d.clauses.begin() + static_cast<std::ptrdiff_t>(insert_at++), std::move(c));
    }
    for (auto& c : d.clauses) {
        c.title = word_diff(c.title_a, c.title_b, options);
        c.body = word_diff(c.text_a, c.text_b, options);
        if (c.kind == ClauseDiff::Kind::same && (c.title.changed() || c.body.changed() || c.moved)) c.kind = ClauseDiff::Kind::changed;
    }
    return d;
}

}  // namespace clausebook::compare
