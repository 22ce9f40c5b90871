#include "import/align.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <set>
#include <unordered_map>

#include <libstemmer.h>

namespace clausebook::import {

namespace {

const std::set<std::string>& stop_words() {
    static const std::set<std::string> k = {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been",
        "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "each", "etc", "for", "from",
        "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
        "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "whilst", "who", "whom",
        "why", "will", "with", "within", "would", "you", "your", "yours", "s", "t"};
    return k;
}

struct Stemmer {
    sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() { sb_stemmer_delete(s); }
};

using Vec = std::vector<std::pair<int, double>>;  // sorted by term id

double dot(const Vec& a, const Vec& b) {
    double d = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first == b[j].first) d += a[i++].second * b[j++].second;
        else if (a[i].first < b[j].first) ++i;
        else ++j;
    }
    return d;
}

}  // namespace

std::vector<std::string> stems(const std::string& text) {
    thread_local Stemmer stemmer;
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!stop_words().count(word) && !(word.size() == 1 && !std::isdigit(static_cast<unsigned char>(word[0])))) {
            const sb_symbol* st = sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
            out.emplace_back(reinterpret_cast<const char*>(st), static_cast<std::size_t>(sb_stemmer_length(stemmer.s)));
        }
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) word += static_cast<char>(std::tolower(c));
        else if (c >= 0x80 && !(c == 0xE2 && i + 2 < text.size())) word += static_cast<char>(c);  // letters beyond ASCII; not punctuation (E2 ..)
        else if (c == 0xE2 && i + 2 < text.size()) {
            flush();
            i += 2;  // dashes, quotes, bullets
        } else if (c == '\'' && !word.empty() && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
            // "school's": the possessive goes
            while (i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) ++i;
            flush();
        } else {
            flush();
        }
    }
    flush();
    return out;
}

std::string normalise_words(const std::string& text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c) || c >= 0x80) {
            if (c == 0xE2 && i + 2 < text.size()) {  // typographic punctuation
                i += 2;
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += static_cast<char>(std::tolower(c));
        } else {
            space = !out.empty();
        }
    }
    return out;
}

bool same_words(const std::string& a, const std::string& b) {
    // List numbers and letters at the start of items are not wording.
    auto strip = [](const std::string& s) {
        std::string n = normalise_words(s);
        return n;
    };
    return strip(a) == strip(b);
}

std::vector<Placement> align(const std::vector<Block>& blocks, const std::vector<std::size_t>& body,
                             const std::vector<std::string>& heading_of, const std::vector<ClauseTarget>& clauses) {
    std::vector<Placement> out;
    const std::size_t n = body.size(), m = clauses.size();
    if (n == 0) return out;
    // Term ids and document frequencies over the clauses.
    std::unordered_map<std::string, int> ids;
    auto id_of = [&](const std::string& s) {
        auto [it, fresh] = ids.emplace(s, static_cast<int>(ids.size()));
        return it->second;
    };
    std::vector<std::vector<int>> clause_terms(m), title_terms(m);
    std::unordered_map<int, int> df;
    for (std::size_t j = 0; j < m; ++j) {
        for (const auto& s : stems(clauses[j].title + " " + clauses[j].text)) clause_terms[j].push_back(id_of(s));
        for (const auto& s : stems(clauses[j].title + " " + clauses[j].section_title)) title_terms[j].push_back(id_of(s));
        std::set<int> seen(clause_terms[j].begin(), clause_terms[j].end());
        for (int t : seen) df[t]++;
    }
    auto idf = [&](int t) {
        auto it = df.find(t);
        int d = it == df.end() ? 0 : it->second;
        return std::log((1.0 + static_cast<double>(m)) / (1.0 + d)) + 1.0;
    };
    auto vec = [&](const std::vector<int>& terms) {
        std::unordered_map<int, double> tf;
        for (int t : terms) tf[t] += 1;
        Vec v;
        double norm = 0;
        for (auto& [t, f] : tf) {
            double w = (1.0 + std::log(f)) * idf(t);
            v.push_back({t, w});
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (auto& p : v) p.second /= norm > 0 ? norm : 1;
        std::sort(v.begin(), v.end());
        return v;
    };
    std::vector<Vec> cv(m), tv(m);
    for (std::size_t j = 0; j < m; ++j) {
        cv[j] = vec(clause_terms[j]);
        tv[j] = vec(title_terms[j]);
    }
    std::vector<std::vector<double>> score(n, std::vector<double>(m, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        const Block& b = blocks[body[i]];
        std::vector<int> terms, head;
        for (const auto& s : stems(b.text)) terms.push_back(id_of(s));
        for (const auto& s : stems(heading_of[i])) head.push_back(id_of(s));
        Vec bv = vec(terms), hv = vec(head);
        for (std::size_t j = 0; j < m; ++j) score[i][j] = dot(bv, cv[j]) + (hv.empty() ? 0.0 : k_heading_weight * dot(hv, tv[j]));
    }
    // Neighbours share a clause more often than not: each block's scores take in a share of the
    // blocks beside it (k_neighbour_weight), which carries a short item ("Blogs: ...") along
    // with the paragraph around it.
    std::vector<std::vector<double>> smooth = score;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j) {
            double nb = 0;
            if (i > 0 && heading_of[i - 1] == heading_of[i]) nb = std::max(nb, score[i - 1][j]);
            if (i + 1 < n && heading_of[i + 1] == heading_of[i]) nb = std::max(nb, score[i + 1][j]);
            smooth[i][j] = score[i][j] + k_neighbour_weight * nb;
        }
    score.swap(smooth);
    // Each block's best clause; a block whose best is below k_local_score is the school's own.
    std::vector<int> best(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j)
            if (best[i] < 0 || score[i][j] > score[i][static_cast<std::size_t>(best[i])]) best[i] = static_cast<int>(j);
        if (best[i] >= 0 && score[i][static_cast<std::size_t>(best[i])] < k_local_score) best[i] = -1;
    }
    // Keep the heaviest set of blocks whose best clauses follow the outline's order (a weighted
    // longest non-decreasing subsequence, O(n log n) with a Fenwick tree over clause positions);
    // the others are moved: written as local clauses where they stand, so the built policy keeps
    // the document's order.
    std::vector<double> tree(m + 1, 0.0);
    std::vector<int> tree_arg(m + 1, -1);
    std::vector<double> total(n, 0.0);
    std::vector<int> prev(n, -1);
    auto query = [&](std::size_t j) {  // best over clause positions 0..j
        double v = 0;
        int arg = -1;
        for (std::size_t k = j + 1; k > 0; k -= k & (~k + 1))
            if (tree[k] > v) {
                v = tree[k];
                arg = tree_arg[k];
            }
        return std::pair<double, int>{v, arg};
    };
    auto update = [&](std::size_t j, double v, int arg) {
        for (std::size_t k = j + 1; k <= m; k += k & (~k + 1))
            if (v > tree[k]) {
                tree[k] = v;
                tree_arg[k] = arg;
            }
    };
    int end_at = -1;
    double end_total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (best[i] < 0) continue;
        auto [v, arg] = query(static_cast<std::size_t>(best[i]));
        total[i] = v + score[i][static_cast<std::size_t>(best[i])];
        prev[i] = arg;
        update(static_cast<std::size_t>(best[i]), total[i], static_cast<int>(i));
        if (total[i] > end_total) {
            end_total = total[i];
            end_at = static_cast<int>(i);
        }
    }
    std::vector<int> assigned(n, -1);
    for (int i = end_at; i >= 0; i = prev[static_cast<std::size_t>(i)]) assigned[static_cast<std::size_t>(i)] = best[static_cast<std::size_t>(i)];
    // A clause's wording is one run of the document: blocks left between two blocks of the same
    // clause join it (else the clause's text would close over them and put them after it).
    for (std::size_t i = 0, last = n; i < n; ++i) {
        if (assigned[i] < 0) continue;
        if (last < n && assigned[last] == assigned[i])
            for (std::size_t k = last + 1; k < i; ++k) assigned[k] = assigned[i];
        last = i;
    }
    for (std::size_t i = 0; i < n; ++i) {
        Placement p;
        p.block = body[i];
        std::vector<std::size_t> order(m);
        for (std::size_t j = 0; j < m; ++j) order[j] = j;
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, m)), order.end(),
                          [&](std::size_t a, std::size_t b) { return score[i][a] > score[i][b]; });
        if (m > 0) p.best = clauses[order[0]].id;
        if (assigned[i] >= 0) {
            p.clause_id = clauses[static_cast<std::size_t>(assigned[i])].id;
            p.score = score[i][static_cast<std::size_t>(assigned[i])];
        } else if (m > 0) {
            p.score = score[i][order[0]];
            p.moved = best[i] >= 0;
        }
        for (std::size_t k = 0; k < std::min<std::size_t>(3, m) && p.others.size() < 2; ++k)
            if (clauses[order[k]].id != p.clause_id) p.others.push_back({clauses[order[k]].id, score[i][order[k]]});
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace clausebook::import
