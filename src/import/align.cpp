#include "import/align.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <libstemmer.h>

namespace clausebook::import {

namespace {

const std::unordered_set<std::string>& stop_words() {
    static const std::unordered_set<std::string> k = {
        "a",       "about",   "above", "after", "again",  "all",    "also", "am",     "an",     "and",  "any",  "are",   "as",     "at",   "be",    "because",
        "been",    "before",  "being", "both",  "but",    "by",     "can",  "could",  "did",    "do",   "does", "doing", "during", "each", "etc",   "for",
        "from",    "further", "had",   "has",   "have",   "having", "he",   "her",    "here",   "hers", "him",  "his",   "how",    "i",    "if",    "in",
        "into",    "is",      "it",    "its",   "itself", "just",   "may",  "me",     "might",  "more", "most", "must",  "my",     "no",   "nor",   "not",
        "now",     "of",      "off",   "on",    "once",   "only",   "or",   "other",  "our",    "ours", "out",  "over",  "own",    "same", "shall", "she",
        "should",  "so",      "some",  "such",  "than",   "that",   "the",  "their",  "theirs", "them", "then", "there", "these",  "they", "this",  "those",
        "through", "to",      "too",   "under", "until",  "up",     "upon", "us",     "very",   "was",  "we",   "were",  "what",   "when", "where", "which",
        "while",   "whilst",  "who",   "whom",  "why",    "will",   "with", "within", "would",  "you",  "your", "yours", "s",      "t"};
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
        if (a[i].first == b[j].first)
            d += a[i++].second * b[j++].second;
        else if (a[i].first < b[j].first)
            ++i;
        else
            ++j;
    }
    return d;
}

}  // namespace

std::vector<std::string> stems(const std::string& text) {
    thread_local Stemmer stemmer;
    thread_local std::unordered_map<std::string, std::string> cache;
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!stop_words().count(word) && !(word.size() == 1 && !std::isdigit(static_cast<unsigned char>(word[0])))) {
            // Each word is stemmed once a process: the outline's clauses are stemmed again for
            // every document and every outline tried, and stemming was a fifth of an import.
            auto known = cache.find(word);
            if (known == cache.end()) {
                const sb_symbol* st = sb_stemmer_stem(stemmer.s, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
                known = cache.emplace(word, std::string(reinterpret_cast<const char*>(st), static_cast<std::size_t>(sb_stemmer_length(stemmer.s)))).first;
            }
            out.push_back(known->second);
        }
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c))
            word += static_cast<char>(std::tolower(c));
        else if (c >= 0x80 && !(c == 0xE2 && i + 2 < text.size()))
            word += static_cast<char>(c);  // letters beyond ASCII; not punctuation (E2 ..)
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

namespace {

// A clause's text in units a paragraph of a school's policy tends to paraphrase: its lines (a
// paragraph, a list item), and each line's sentences.
std::vector<std::string> units_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        // Sentences: ". " (or "; ") before a capital letter.
        std::size_t from = 0;
        for (std::size_t i = 0; i + 2 < line.size(); ++i)
            if ((line[i] == '.' || line[i] == '?' || line[i] == '!') && line[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(line[i + 2]))) {
                out.push_back(line.substr(from, i + 1 - from));
                from = i + 2;
            }
        if (from < line.size()) out.push_back(line.substr(from));
    }
    return out;
}

}  // namespace

std::vector<Placement> align(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& heading_of,
                             const std::vector<ClauseTarget>& clauses) {
    std::vector<Placement> out;
    const std::size_t n = body.size(), m = clauses.size();
    if (n == 0) return out;
    const double heading_weight = k_heading_weight;
    const double neighbour_weight = k_neighbour_weight;
    const double unit_weight = k_unit_weight;
    const double local_score = k_local_score;
    const double stay_bonus = k_stay_bonus;
    const double candidate_margin = k_candidate_margin;
    const double bigram_weight = k_bigram_weight;
    // Term ids and document frequencies over the clauses.
    std::unordered_map<std::string, int> ids;
    auto id_of = [&](const std::string& s) {
        auto [it, fresh] = ids.emplace(s, static_cast<int>(ids.size()));
        return it->second;
    };
    // A text's terms: its stems, and (weighted by bigram_weight, through the "|" they carry) each
    // pair of stems in a row, which tells "personal details" from "personal devices".
    auto terms_of = [&](const std::string& text) {
        std::vector<int> t;
        auto st = stems(text);
        for (std::size_t k = 0; k < st.size(); ++k) {
            t.push_back(id_of(st[k]));
            if (bigram_weight > 0 && k + 1 < st.size()) t.push_back(id_of(st[k] + "|" + st[k + 1]));
        }
        return t;
    };
    std::vector<std::vector<int>> clause_terms(m), title_terms(m);
    std::vector<std::vector<std::vector<int>>> unit_terms(m);
    std::unordered_map<int, int> df;
    for (std::size_t j = 0; j < m; ++j) {
        clause_terms[j] = terms_of(clauses[j].title + " " + clauses[j].text);
        title_terms[j] = terms_of(clauses[j].title + " " + clauses[j].section_title);
        // Its units, and each two units in a row: a school's paragraph often says in one what
        // the clause says in two sentences.
        auto units = units_of(clauses[j].text);
        for (const auto& w : clauses[j].other_wordings) {
            auto more = units_of(w);
            units.insert(units.end(), more.begin(), more.end());
        }
        for (std::size_t k = 0; k < units.size(); ++k) {
            auto t = terms_of(units[k]);
            if (!t.empty()) unit_terms[j].push_back(std::move(t));
            if (k_unit_pairs && k + 1 < units.size()) {
                auto pair = terms_of(units[k] + " " + units[k + 1]);
                if (!pair.empty()) unit_terms[j].push_back(std::move(pair));
            }
        }
        std::set<int> seen(clause_terms[j].begin(), clause_terms[j].end());
        for (int t : seen) df[t]++;
    }
    std::vector<bool> is_bigram;
    auto bigram = [&](int t) {
        if (is_bigram.size() < ids.size()) {
            is_bigram.assign(ids.size(), false);
            for (const auto& [s, id] : ids) is_bigram[static_cast<std::size_t>(id)] = s.find('|') != std::string::npos;
        }
        return static_cast<std::size_t>(t) < is_bigram.size() && is_bigram[static_cast<std::size_t>(t)];
    };
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
            double w = (1.0 + std::log(f)) * idf(t) * (bigram(t) ? bigram_weight : 1.0);
            v.push_back({t, w});
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (auto& p : v) p.second /= norm > 0 ? norm : 1;
        std::sort(v.begin(), v.end());
        return v;
    };
    // Block terms first, so that every id exists before the bigram table is built.
    std::vector<std::vector<int>> block_terms(n), head_terms(n);
    for (std::size_t i = 0; i < n; ++i) {
        block_terms[i] = terms_of(blocks[body[i]].text);
        head_terms[i] = terms_of(heading_of[i]);
    }
    std::vector<Vec> cv(m), tv(m);
    std::vector<std::vector<Vec>> uv(m);
    for (std::size_t j = 0; j < m; ++j) {
        cv[j] = vec(clause_terms[j]);
        tv[j] = vec(title_terms[j]);
        for (const auto& u : unit_terms[j]) uv[j].push_back(vec(u));
    }
    // A block against a clause: the cosine with the whole clause and, weighted by unit_weight,
    // with the clause's sentence it reads most like (a school's bullet often says what one
    // sentence of the clause says); plus the heading above it against the clause's titles.
    // The cosines come from an index of the terms of every clause and unit (term -> the clauses
    // or units holding it, with their weights): a block visits only what shares a word with it,
    // not every clause and sentence of the outline. Each sum adds its products in the order of
    // the term ids, as a merge of the two sorted vectors does (the same figures to the last bit).
    struct Posting {
        std::size_t of;  // a clause, or a unit (see unit_owner)
        double weight;
    };
    std::vector<std::vector<Posting>> clause_index(ids.size()), unit_index(ids.size());
    std::vector<std::size_t> unit_owner;
    for (std::size_t j = 0; j < m; ++j) {
        for (const auto& [t, w] : cv[j]) clause_index[static_cast<std::size_t>(t)].push_back({j, w});
        for (const auto& u : uv[j]) {
            for (const auto& [t, w] : u) unit_index[static_cast<std::size_t>(t)].push_back({unit_owner.size(), w});
            unit_owner.push_back(j);
        }
    }
    std::vector<std::vector<double>> score(n, std::vector<double>(m, 0.0)), cosine(n, std::vector<double>(m, 0.0));
    std::vector<double> unit_dot(unit_owner.size()), best_unit(m), sentence_unit(m), spread(m);
    // The cosines of `v` with every clause (added into `cos`, unless null) and with each clause's
    // best unit (`unit`).
    auto against = [&](const Vec& v, double* cos, std::vector<double>& unit) {
        std::fill(unit_dot.begin(), unit_dot.end(), 0.0);
        std::fill(unit.begin(), unit.end(), 0.0);
        for (const auto& [t, w] : v) {
            if (static_cast<std::size_t>(t) >= clause_index.size()) continue;  // a word no clause has
            if (cos)
                for (const auto& p : clause_index[static_cast<std::size_t>(t)]) cos[p.of] += w * p.weight;
            for (const auto& p : unit_index[static_cast<std::size_t>(t)]) unit_dot[p.of] += w * p.weight;
        }
        for (std::size_t u = 0; u < unit_owner.size(); ++u) unit[unit_owner[u]] = std::max(unit[unit_owner[u]], unit_dot[u]);
    };
    for (std::size_t i = 0; i < n; ++i) {
        Vec bv = vec(block_terms[i]), hv = vec(head_terms[i]);
        against(bv, cosine[i].data(), best_unit);
        // A paragraph of several sentences: each sentence's best unit, weighted by its terms.
        auto sentences = units_of(blocks[body[i]].text);
        if (sentences.size() > 1) {
            std::fill(spread.begin(), spread.end(), 0.0);
            double total = 0;
            for (const auto& sentence : sentences) {
                auto terms = terms_of(sentence);
                if (terms.empty()) continue;
                double w = static_cast<double>(terms.size());
                against(vec(terms), nullptr, sentence_unit);
                for (std::size_t j = 0; j < m; ++j) spread[j] += w * sentence_unit[j];
                total += w;
            }
            if (total > 0)
                for (std::size_t j = 0; j < m; ++j) best_unit[j] = std::max(best_unit[j], spread[j] / total);
        }
        for (std::size_t j = 0; j < m; ++j) {
            double unit = unit_weight > 0 ? best_unit[j] : 0.0;
            score[i][j] = (1 - unit_weight) * cosine[i][j] + unit_weight * unit + (hv.empty() ? 0.0 : heading_weight * dot(hv, tv[j]));
        }
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
            smooth[i][j] = score[i][j] + neighbour_weight * nb;
        }
    score.swap(smooth);
    // Each block's best clause; a block whose best is below k_local_score is the school's own.
    std::vector<int> best(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j)
            if (best[i] < 0 || score[i][j] > score[i][static_cast<std::size_t>(best[i])]) best[i] = static_cast<int>(j);
        if (best[i] >= 0 && score[i][static_cast<std::size_t>(best[i])] < local_score) best[i] = -1;
    }
    // The assignment: the document cut into runs of blocks, each run one clause or the school's
    // own text, the clauses' runs in the outline's order and each clause one run (its wording is
    // written in one piece), by dynamic programming over (block, state). A block in a clause's run
    // earns its score for that clause less k_local_score (so a run that absorbs blocks unlike its
    // clause pays for them), plus k_stay_bonus when it continues the run; a run starts only at a
    // block that reads like its clause (its score within k_candidate_margin of the block's best),
    // and takes in only blocks that read like it most or like no clause (k_join_margin);
    // a block in a run of the school's own text earns nothing, and is "moved" when it reads like
    // a clause that stands elsewhere. O(n m) time and space.
    std::vector<int> assigned(n, -1);
    if (m > 0) {
        const double none = -1e18;
        const std::size_t states = 2 * m + 1;  // 0: own text before any clause; 1+j: in clause j's run; 1+m+j: own text after it
        std::vector<double> f(states, none), g(states, none);
        f[0] = 0;
        std::vector<std::vector<int>> from(n, std::vector<int>(states, -1));
        for (std::size_t i = 0; i < n; ++i) {
            std::fill(g.begin(), g.end(), none);
            const double top = best[i] >= 0 ? score[i][static_cast<std::size_t>(best[i])] : 0.0;
            // Own text: stays own text, or follows the run of the clause before it.
            g[0] = f[0];
            from[i][0] = 0;
            for (std::size_t j = 0; j < m; ++j) {
                std::size_t in = 1 + j, after = 1 + m + j;
                if (f[after] >= f[in]) {
                    g[after] = f[after];
                    from[i][after] = static_cast<int>(after);
                } else {
                    g[after] = f[in];
                    from[i][after] = static_cast<int>(in);
                }
            }
            // Clause runs: continued, or started after anything of an earlier clause.
            double pref = f[0];
            int pref_at = 0;
            for (std::size_t j = 0; j < m; ++j) {
                std::size_t in = 1 + j, after = 1 + m + j;
                double gain = score[i][j] - local_score;
                // A block stays in the run only when it reads most like the run's clause (within
                // k_join_margin of its best), or like no clause at all (a lead-in, the school's own
                // sentence between the clause's paragraphs): one that reads more like another
                // clause is not taken into this one.
                if (f[in] > none && (best[i] < 0 || score[i][j] >= top - k_join_margin)) {
                    g[in] = f[in] + gain + stay_bonus;
                    from[i][in] = static_cast<int>(in);
                }
                if (best[i] >= 0 && score[i][j] >= top - candidate_margin && pref > none && pref + gain > g[in]) {
                    g[in] = pref + gain;
                    from[i][in] = pref_at;
                }
                if (f[in] > pref) {
                    pref = f[in];
                    pref_at = static_cast<int>(in);
                }
                if (f[after] > pref) {
                    pref = f[after];
                    pref_at = static_cast<int>(after);
                }
            }
            f.swap(g);
        }
        std::size_t state = static_cast<std::size_t>(std::max_element(f.begin(), f.end()) - f.begin());
        for (std::size_t i = n; i-- > 0;) {
            if (state >= 1 && state <= m) assigned[i] = static_cast<int>(state) - 1;
            state = static_cast<std::size_t>(from[i][state]);
        }
    }
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
        for (std::size_t j = 0; j < m; ++j)
            if (p.closest.empty() || cosine[i][j] > p.closest_cosine) {
                p.closest = clauses[j].id;
                p.closest_cosine = cosine[i][j];
            }
        if (assigned[i] >= 0) {
            p.clause_id = clauses[static_cast<std::size_t>(assigned[i])].id;
            p.score = score[i][static_cast<std::size_t>(assigned[i])];
            p.cosine = cosine[i][static_cast<std::size_t>(assigned[i])];
        } else if (m > 0) {
            p.score = score[i][order[0]];
            p.cosine = cosine[i][order[0]];
            p.moved = best[i] >= 0;
        }
        for (std::size_t k = 0; k < std::min<std::size_t>(3, m) && p.others.size() < 2; ++k)
            if (clauses[order[k]].id != p.clause_id) p.others.push_back({clauses[order[k]].id, score[i][order[k]]});
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace clausebook::import
