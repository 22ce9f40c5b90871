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

#include "import/rx.hpp"
#include "util/text.hpp"

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

std::vector<std::size_t> sentence_starts(const std::string& text) {
    // Words a full stop follows without ending a sentence ("St. Wenn", "Mrs. Smith", "e.g. Facebook").
    static const std::unordered_set<std::string> abbreviations = {"st",  "mr", "mrs", "ms",  "dr",   "prof", "rev", "no",  "nos",    "cf",   "vs",  "eg",
                                                                  "e.g", "ie", "i.e", "etc", "para", "ref",  "sec", "fig", "approx", "dept", "govt"};
    std::vector<std::size_t> out{0};
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if ((text[i] != '.' && text[i] != '?' && text[i] != '!') || text[i + 1] != ' ' || !std::isupper(static_cast<unsigned char>(text[i + 2]))) continue;
        if (text[i] == '.') {
            std::size_t w = i;
            while (w > 0 && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.')) --w;
            std::string word = text.substr(w, i - w);
            std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (word.size() == 1 || abbreviations.count(word)) continue;  // an initial ("J. Smith") or an abbreviation
        }
        out.push_back(i + 2);
    }
    return out;
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
        // Sentences (sentence_starts).
        auto starts = sentence_starts(line);
        for (std::size_t k = 0; k < starts.size(); ++k) {
            std::size_t end = k + 1 < starts.size() ? starts[k + 1] - 1 : line.size();
            if (starts[k] < end) out.push_back(line.substr(starts[k], end - starts[k]));
        }
    }
    return out;
}

}  // namespace

// The measure of a text against each clause of an outline: TF-IDF over the clauses' stems, the
// cosine with the whole clause and with its best unit (align.hpp). The cosines come from an index
// of the terms of every clause and unit (term -> the clauses or units holding it, with their
// weights): a text visits only what shares a word with it, not every clause and sentence of the
// outline. Each sum adds its products in the order of the term ids, as a merge of the two sorted
// vectors does (the same figures to the last bit).
class Measure {
public:
    using Sentences = std::vector<std::vector<int>>;

    explicit Measure(const std::vector<ClauseTarget>& clauses) : m_(clauses.size()) {
        std::vector<std::vector<int>> clause_terms(m_), title_terms(m_);
        std::vector<std::vector<std::vector<int>>> unit_terms(m_);
        for (std::size_t j = 0; j < m_; ++j) {
            // Each text is stemmed once: a text's terms are its sentences' put together (no word
            // spans two), so the clause's and its pairs' terms are built from its units'.
            auto title = terms(clauses[j].title);
            Sentences units = sentence_terms(clauses[j].text);
            clause_terms[j] = title;
            for (const auto& u : units) clause_terms[j].insert(clause_terms[j].end(), u.begin(), u.end());
            title_terms[j] = title;
            auto section = terms(clauses[j].section_title);
            title_terms[j].insert(title_terms[j].end(), section.begin(), section.end());
            // Its units, and each two units in a row: a school's paragraph often says in one what
            // the clause says in two sentences.
            for (const auto& w : clauses[j].other_wordings) {
                auto more = sentence_terms(w);
                units.insert(units.end(), more.begin(), more.end());
            }
            for (std::size_t k = 0; k < units.size(); ++k) {
                if (!units[k].empty()) unit_terms[j].push_back(units[k]);
                if (k_unit_pairs && k + 1 < units.size()) {
                    auto pair = units[k];
                    pair.insert(pair.end(), units[k + 1].begin(), units[k + 1].end());
                    if (!pair.empty()) unit_terms[j].push_back(std::move(pair));
                }
            }
            std::set<int> seen(clause_terms[j].begin(), clause_terms[j].end());
            for (int t : seen) df_[t]++;
        }
        cv_.resize(m_);
        tv_.resize(m_);
        std::vector<std::vector<Vec>> uv(m_);
        for (std::size_t j = 0; j < m_; ++j) {
            cv_[j] = vec(clause_terms[j]);
            tv_[j] = vec(title_terms[j]);
            for (const auto& u : unit_terms[j]) uv[j].push_back(vec(u));
        }
        clause_index_.resize(ids_.size());
        unit_index_.resize(ids_.size());
        for (std::size_t j = 0; j < m_; ++j) {
            for (const auto& [t, w] : cv_[j]) clause_index_[static_cast<std::size_t>(t)].push_back({j, w});
            for (const auto& u : uv[j]) {
                for (const auto& [t, w] : u) unit_index_[static_cast<std::size_t>(t)].push_back({unit_owner_.size(), w});
                unit_owner_.push_back(j);
            }
        }
        unit_dot_.resize(unit_owner_.size());
        best_unit_.resize(m_);
        sentence_unit_.resize(m_);
        spread_.resize(m_);
    }

    // A text's terms: its stems, as ids (a word no clause has gets an id of its own).
    std::vector<int> terms(const std::string& text) {
        std::vector<int> t;
        for (const auto& st : stems(text)) {
            auto [it, fresh] = ids_.emplace(st, static_cast<int>(ids_.size()));
            t.push_back(it->second);
        }
        return t;
    }

    Vec vec(const std::vector<int>& terms) const {
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
    }

    // The terms of each sentence of `text` (units_of), in order: a text's own terms are theirs
    // put together, as no word spans two sentences.
    Sentences sentence_terms(const std::string& text) {
        Sentences out;
        for (const auto& u : units_of(text)) out.push_back(terms(u));
        return out;
    }

    // Sentences [lo, hi) of a text against every clause: the cosine with the whole clause
    // (`cosine`) and the score, which weighs in (k_unit_weight) the clause's sentence it reads
    // most like (a school's bullet often says what one sentence of the clause says); for several
    // sentences, that is the larger of the whole's best unit and the mean of each sentence's own
    // best unit, weighted by its terms (a paragraph that says what several sentences of the
    // clause say).
    void score(const Sentences& sentences, std::size_t lo, std::size_t hi, std::vector<double>& score, std::vector<double>& cosine) {
        score.assign(m_, 0.0);
        cosine.assign(m_, 0.0);
        whole_.clear();
        for (std::size_t k = lo; k < hi; ++k) whole_.insert(whole_.end(), sentences[k].begin(), sentences[k].end());
        against(vec(whole_), cosine.data(), best_unit_);
        if (hi - lo > 1) {
            std::fill(spread_.begin(), spread_.end(), 0.0);
            double total = 0;
            for (std::size_t k = lo; k < hi; ++k) {
                const auto& t = sentences[k];
                if (t.empty()) continue;
                double w = static_cast<double>(t.size());
                against(vec(t), nullptr, sentence_unit_);
                for (std::size_t j = 0; j < m_; ++j) spread_[j] += w * sentence_unit_[j];
                total += w;
            }
            if (total > 0)
                for (std::size_t j = 0; j < m_; ++j) best_unit_[j] = std::max(best_unit_[j], spread_[j] / total);
        }
        for (std::size_t j = 0; j < m_; ++j) {
            double unit = k_unit_weight > 0 ? best_unit_[j] : 0.0;
            score[j] = (1 - k_unit_weight) * cosine[j] + k_unit_weight * unit;
        }
    }

    // A heading's vector against clause j's title and section title.
    double title_cosine(const Vec& heading, std::size_t j) const { return dot(heading, tv_[j]); }

private:
    double idf(int t) const {
        auto it = df_.find(t);
        int d = it == df_.end() ? 0 : it->second;
        return std::log((1.0 + static_cast<double>(m_)) / (1.0 + d)) + 1.0;
    }

    // The cosines of `v` with every clause (added into `cos`, unless null) and with each clause's
    // best unit (`unit`).
    void against(const Vec& v, double* cos, std::vector<double>& unit) {
        std::fill(unit_dot_.begin(), unit_dot_.end(), 0.0);
        std::fill(unit.begin(), unit.end(), 0.0);
        for (const auto& [t, w] : v) {
            if (static_cast<std::size_t>(t) >= clause_index_.size()) continue;  // a word no clause has
            if (cos)
                for (const auto& p : clause_index_[static_cast<std::size_t>(t)]) cos[p.of] += w * p.weight;
            for (const auto& p : unit_index_[static_cast<std::size_t>(t)]) unit_dot_[p.of] += w * p.weight;
        }
        for (std::size_t u = 0; u < unit_owner_.size(); ++u) unit[unit_owner_[u]] = std::max(unit[unit_owner_[u]], unit_dot_[u]);
    }

    struct Posting {
        std::size_t of;  // a clause, or a unit (see unit_owner_)
        double weight;
    };
    std::size_t m_;
    std::unordered_map<std::string, int> ids_;
    std::unordered_map<int, int> df_;
    std::vector<Vec> cv_, tv_;
    std::vector<std::vector<Posting>> clause_index_, unit_index_;
    std::vector<std::size_t> unit_owner_;
    std::vector<double> unit_dot_, best_unit_, sentence_unit_, spread_;
    std::vector<int> whole_;
};

namespace {

// Sentences lo..hi of a paragraph (their terms): cut in two where the two parts read like
// different clauses, each better than the whole reads like its best by more than k_split_margin
// (the parts' scores weighted by their terms); then each part likewise. `cuts` gets the index of
// the sentence each later part starts at.
void split_span(Measure& measure, const Measure::Sentences& sentences, std::size_t lo, std::size_t hi, std::vector<std::size_t>& cuts) {
    if (hi - lo < 2) return;
    std::vector<double> sc, cos;
    auto best_of = [&](std::size_t a, std::size_t b, double& top) {
        measure.score(sentences, a, b, sc, cos);
        std::size_t j = static_cast<std::size_t>(std::max_element(sc.begin(), sc.end()) - sc.begin());
        top = sc[j];
        return j;
    };
    auto weight = [&](std::size_t a, std::size_t b) {
        std::size_t n = 0;
        for (std::size_t k = a; k < b; ++k) n += sentences[k].size();
        return static_cast<double>(n);
    };
    double whole = 0;
    best_of(lo, hi, whole);
    double best_gain = k_split_margin;
    std::size_t cut = 0;
    for (std::size_t k = lo + 1; k < hi; ++k) {
        double sa = 0, sb = 0;
        std::size_t ca = best_of(lo, k, sa), cb = best_of(k, hi, sb);
        if (ca == cb || sa < k_local_score || sb < k_local_score) continue;
        double wa = weight(lo, k), wb = weight(k, hi);
        if (wa + wb <= 0) continue;
        double gain = (wa * sa + wb * sb) / (wa + wb) - whole;
        if (gain > best_gain) {
            best_gain = gain;
            cut = k;
        }
    }
    if (cut == 0) return;
    split_span(measure, sentences, lo, cut, cuts);
    cuts.push_back(cut);
    split_span(measure, sentences, cut, hi, cuts);
}

}  // namespace

bool states_aims(const std::string& text) {
    // The last sentence of the text, which leads into the list.
    auto starts = sentence_starts(text);
    std::string last(util::trim(std::string_view(text).substr(starts.back())));
    if (last.empty() || last.back() != ':') return false;
    static const rx::Regex k_aims(
        R"(^(?i:(?:(?:this|the|our)\s+(?:\w+\s+){0,3}?(?:policy|guidance|guide|document|code(?:\s+of\s+conduct)?|procedure|statement)|it)\s+(?:aims|seeks|is\s+intended|is\s+designed|sets\s+out)\s+to\s*:)$)");
    static const rx::Regex k_aims_of(
        R"(^(?i:(?:the\s+)?(?:main\s+|key\s+)?(?:aims?|purposes?|objectives?)\s+of\s+(?:this|the|our)\s+(?:\w+\s+){0,3}?(?:policy|guidance|guide|document|code(?:\s+of\s+conduct)?|procedure|statement)\s+(?:is|are)(?:\s+to)?\s*:)$)");
    static const rx::Regex k_aims_alone(R"(^(?i:(?:the\s+)?(?:policy\s+)?(?:aims?|purposes?|objectives?)\s*:)$)");
    return rx::full(last, k_aims) || rx::full(last, k_aims_of) || rx::full(last, k_aims_alone);
}

bool states_scope(const std::string& text) {
    static const rx::Regex k_scope(R"(^(?i:(?:this|the)\s+(?:policy|guidance|guide|document|code(?:\s+of\s+conduct)?)\s+(?:also\s+)?(?:applies|covers)\b).*)");
    return rx::full(std::string_view(text).substr(0, std::min<std::size_t>(text.size(), 200)), k_scope);
}

std::vector<std::string> subject_terms(const std::string& outline_title) {
    std::string t = util::to_lower(std::string(util::trim(outline_title)));
    static const rx::Regex k_kind(R"(^(.*?)\s+(?:polic(?:y|ies)|guidance|guidelines|code\s+of\s+conduct|procedures?|protocol|statement)$)");
    rx::Match kind;
    if (rx::full(t, k_kind, &kind)) t = kind.str(1);
    std::vector<std::string> out;
    auto add = [&](std::string term) {
        term = std::string(util::trim(term));
        if (!term.empty() && std::find(out.begin(), out.end(), term) == out.end()) out.push_back(term);
    };
    std::size_t at = 0;
    while (at <= t.size()) {
        std::size_t next = t.size();
        for (const char* sep : {" and ", " & ", ", "}) next = std::min(next, t.find(sep, at));
        std::string part = t.substr(at, next - at);
        add(part);
        // "anti-bullying" is about bullying; "e-safety" stays as it is.
        if (part.rfind("anti-", 0) == 0) add(part.substr(5));
        if (next == t.size()) break;
        at = t.find_first_not_of(" &,", next + 1);
        if (at == std::string::npos) break;
        if (t.compare(at, 4, "and ") == 0) at += 4;
    }
    return out;
}

std::optional<std::string> defined_by_title(const std::string& title) {
    static const rx::Regex k_title(
        R"(^(?i:what\s+(?:we|this\s+policy)\s+means?\s+by\s+(.+)|definitions?(?:\s+of\s+(.+))?|(.+?)\s+defined|(?:what\s+is|what\s+are)\s+(.+?)\??)$)");
    const std::string own(util::trim(title));  // the match's groups are views into it
    rx::Match m;
    if (!rx::full(own, k_title, &m)) return std::nullopt;
    for (std::size_t g = 1; g <= 4; ++g)
        if (m.matched(g)) return util::to_lower(m.str(g));
    return std::string();
}

bool defines_subject(const std::string& text, const std::vector<std::string>& subjects) {
    std::string opening = util::to_lower(text.substr(0, std::min<std::size_t>(text.size(), 300)));
    static const rx::Regex k_prefix(
        R"(^(?:(?:for\s+the\s+purposes?\s+of\s+this\s+\w+|in\s+this\s+\w+|within\s+this\s+\w+),?\s+)?(?:the\s+terms?\s+)?(?:['"]|\xE2\x80[\x98\x9C])?)");
    rx::Match prefix;
    if (rx::search(opening, k_prefix, &prefix)) opening.erase(0, prefix.length());
    static const rx::Regex k_defines(
        R"(^(?:['"]|\xE2\x80[\x99\x9D])?\s*(?:\([^)]{0,60}\)\s*)?(?:(?:tools|sites|services|platforms|applications|apps|technologies|networks|websites)\s+)?(?:(?:is|are)\s+(?:a|an|any|all|the\s+(?:term|name|collective)|(?:broadly\s+)?defined|online|web-based|internet-based|websites?|sites|applications|apps|tools|platforms|services|technologies|forms?\s+of|types?\s+of|kinds?\s+of|those)|means?|refers?\s+to|includes?|covers?|describes?|(?:can|may)\s+be\s+(?:broadly\s+)?defined)\b.*)");
    for (const auto& s : subjects) {
        if (s.empty() || opening.compare(0, s.size(), s) != 0) continue;
        std::string_view rest = std::string_view(opening).substr(s.size());
        if (!rest.empty() && (std::isalnum(static_cast<unsigned char>(rest[0])) || rest[0] == '-')) continue;
        if (rx::full(std::string(util::trim(rest)), k_defines)) return true;
    }
    return false;
}

bool names_introduction(const std::string& heading) {
    static const rx::Regex k_heading(
        R"(^(?i:(?:(?:\d[\d.]*|[ivx]+\.?|[a-h][.)])\s+)?(?:introduction|background|rationale|overview|preamble|context|(?:policy\s+)?statement(?:\s+of\s+intent)?|why\s+.*)(?:\s+(?:and|&)\s+(?:purpose|rationale|context|background|aims?))?\s*:?)$)");
    return rx::full(std::string(util::trim(heading)), k_heading);
}

bool names_document(const std::string& heading) {
    static const rx::Regex k_heading(R"(^(?i:[^\d].{0,80}\b(?:polic(?:y|ies)|code\s+of\s+conduct|guidance|guidelines|protocol))$)");
    return rx::full(std::string(util::trim(heading)), k_heading);
}

bool titles_purpose(const std::string& title) {
    static const rx::Regex k_title(
        R"(^(?i:why\s+(?:we\s+have\s+|there\s+is\s+)?(?:this|the|a|our)\s+.*|(?:the\s+)?(?:purpose|rationale|background)(?:\s+of\s+(?:this|the|our)\s+\w+)?|introduction)$)");
    return rx::full(std::string(util::trim(title)), k_title);
}

bool names_aims(const std::string& heading) {
    static const rx::Regex k_heading(
        R"(^(?i:(?:\d[\d.]*\s+)?(?:the\s+)?(?:policy\s+)?(?:aims?|purposes?|objectives?)(?:\s+(?:and|&)\s+(?:aims?|purposes?|objectives?))?(?:\s+of\s+(?:this|the)\s+(?:policy|guidance|document))?)$)");
    return rx::full(std::string(util::trim(heading)), k_heading);
}

namespace {

// The body blocks that are a list of the document's aims (and its short lead-in).
std::vector<bool> listed_aims(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& heading_of) {
    std::vector<bool> out(body.size(), false);
    // An item: a list item, or after a lead-in a numbered paragraph ("2.1 Clarify what...", as a
    // numbered document writes the list of aims its lead-in opens).
    auto item = [&](std::size_t k, bool numbered) {
        const Block& b = blocks[body[k]];
        return b.kind == BlockKind::list_item || (numbered && b.kind == BlockKind::paragraph && !b.number.empty());
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
        const Block& b = blocks[body[i]];
        bool lead = b.kind != BlockKind::list_item && states_aims(b.text);
        // With no lead-in, a list straight under a heading naming the aims.
        bool under = b.kind == BlockKind::list_item && (i == 0 || heading_of[i - 1] != heading_of[i]) && names_aims(heading_of[i]);
        if (!lead && !under) continue;
        std::size_t first = lead ? i + 1 : i, end = first;
        while (end < body.size() && heading_of[end] == heading_of[i] && item(end, lead)) out[end++] = true;
        if (lead && end > first && util::word_count(b.text) <= 20) out[i] = true;
        if (end > first) i = end - 1;
    }
    return out;
}

}  // namespace

ClauseIndex::ClauseIndex(const std::vector<ClauseTarget>& clauses, std::vector<std::string> subjects)
    : measure_(std::make_unique<Measure>(clauses)), subjects_(std::move(subjects)) {}
ClauseIndex::~ClauseIndex() = default;

std::vector<Placement> align(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& heading_of,
                             const std::vector<ClauseTarget>& clauses) {
    ClauseIndex index(clauses);
    return align(blocks, body, heading_of, clauses, index);
}

std::vector<Placement> align(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& heading_of,
                             const std::vector<ClauseTarget>& clauses, ClauseIndex& index) {
    std::vector<Placement> out;
    const std::size_t n = body.size(), m = clauses.size();
    if (n == 0) return out;
    const double heading_weight = k_heading_weight;
    const double neighbour_weight = k_neighbour_weight;
    const double local_score = k_local_score;
    const double stay_bonus = k_stay_bonus;
    const double candidate_margin = k_candidate_margin;
    Measure& measure = index.measure();
    // Block terms first, so that their words' ids come in the document's order.
    std::vector<std::vector<int>> head_terms(n);
    std::vector<Measure::Sentences> block_sentences(n);
    for (std::size_t i = 0; i < n; ++i) {
        block_sentences[i] = measure.sentence_terms(blocks[body[i]].text);
        head_terms[i] = measure.terms(heading_of[i]);
    }
    std::vector<std::vector<double>> score(n), cosine(n);
    for (std::size_t i = 0; i < n; ++i) {
        measure.score(block_sentences[i], 0, block_sentences[i].size(), score[i], cosine[i]);
        Vec hv = measure.vec(head_terms[i]);
        if (!hv.empty())
            for (std::size_t j = 0; j < m; ++j) score[i][j] += heading_weight * measure.title_cosine(hv, j);
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
    // The rules below that place a block by how it opens or where it stands, not by its words:
    // for each block, the clauses they lifted and the rule's name (Placement::rule).
    std::vector<std::vector<std::pair<std::size_t, const char*>>> lifted(n);
    auto lift_to = [&](std::size_t i, std::size_t a, double value, const char* rule) {
        // Noted only when the rule changes what the block reads like most: the clause was not
        // already its best alone, over k_local_score.
        bool alone = score[i][a] >= local_score;
        for (std::size_t j = 0; j < m && alone; ++j)
            if (j != a && score[i][j] >= score[i][a]) alone = false;
        score[i][a] = std::max(score[i][a], value);
        if (!alone) lifted[i].push_back({a, rule});
    };
    // A list the document introduces as its own aims ("The purpose of this policy is to:", "This
    // guidance aims to:", or under a heading "Aims") says what the outline's clause of aims says,
    // whatever each aim is about ("Ensure the reputation of the school is not harmed" is an aim,
    // not the rule on reputation): its items, and a short lead-in, read like that clause, the one
    // whose own text leads into a list the same way ("This policy aims to:"), at least as well as
    // like any other clause (a tie is broken its way) and above k_local_score.
    if (k_aims_lists) {
        int aims_clause = -1, clauses_of_aims = 0;
        for (std::size_t j = 0; j < m; ++j) {
            const std::string& t = clauses[j].text;
            if (states_aims(t.substr(0, t.find('\n')))) {
                aims_clause = static_cast<int>(j);
                ++clauses_of_aims;
            }
        }
        if (clauses_of_aims == 1) {
            auto listed = listed_aims(blocks, body, heading_of);
            auto a = static_cast<std::size_t>(aims_clause);
            for (std::size_t i = 0; i < n; ++i)
                if (listed[i]) lift_to(i, a, std::max(*std::max_element(score[i].begin(), score[i].end()) + 1e-9, local_score + 1e-9), "aims");
        }
    }
    // A paragraph that opens by saying whom or what the policy covers ("This policy applies to
    // all uses of...", "This policy covers the use of...") belongs with the outline's one clause
    // that opens the same way ("This policy applies whenever...") when its words read like no
    // clause, or like a clause of another section (staff's personal use): the opening says which
    // part of the policy it is. When they read like another clause of that clause's own section
    // (who "staff" means, what "social media" means), the words are the finer guide and decide.
    if (k_scope_openings) {
        int scope_clause = -1, clauses_of_scope = 0;
        for (std::size_t j = 0; j < m; ++j)
            if (states_scope(clauses[j].text)) {
                scope_clause = static_cast<int>(j);
                ++clauses_of_scope;
            }
        if (clauses_of_scope == 1) {
            auto a = static_cast<std::size_t>(scope_clause);
            for (std::size_t i = 0; i < n; ++i) {
                if (blocks[body[i]].kind != BlockKind::paragraph || !states_scope(blocks[body[i]].text)) continue;
                auto top = static_cast<std::size_t>(std::max_element(score[i].begin(), score[i].end()) - score[i].begin());
                if (score[i][top] >= local_score && clauses[top].section_title == clauses[a].section_title) continue;
                lift_to(i, a, std::max(score[i][top] + 1e-9, local_score + 1e-9), "scope");
            }
        }
    }
    // A paragraph that opens by defining what the policy is about ("Social media is a type of
    // interactive online media...", "Social networking sites include:") belongs with the
    // outline's one clause that defines it ("What we mean by social media"), whatever its
    // examples' words read like (photo sharing is a kind of social media here, not the rule on
    // photographs); so do the list items after such a lead-in ending in a colon.
    if (k_subject_definitions && !index.subjects().empty()) {
        int def_clause = -1, clauses_of_def = 0;
        for (std::size_t j = 0; j < m; ++j) {
            auto term = defined_by_title(clauses[j].title);
            if (term && std::find(index.subjects().begin(), index.subjects().end(), *term) != index.subjects().end()) {
                def_clause = static_cast<int>(j);
                ++clauses_of_def;
            }
        }
        if (clauses_of_def == 1) {
            auto a = static_cast<std::size_t>(def_clause);
            auto lift = [&](std::size_t i) {
                lift_to(i, a, std::max(*std::max_element(score[i].begin(), score[i].end()) + 1e-9, local_score + 1e-9), "definition");
            };
            for (std::size_t i = 0; i < n; ++i) {
                const Block& b = blocks[body[i]];
                if (b.kind != BlockKind::paragraph || !defines_subject(b.text, index.subjects())) continue;
                lift(i);
                if (util::trim(b.text).back() != ':') continue;
                for (std::size_t k = i + 1; k < n && heading_of[k] == heading_of[i] && blocks[body[k]].kind == BlockKind::list_item; ++k) lift(k);
            }
        }
    }
    // A policy opens by saying why it exists ("Social media is now part of daily life...; it
    // brings risks...; this policy sets out..."), in words of its own that a bag of stems reads
    // like no clause. Its opening paragraphs (before any heading, or under the document's name or
    // a heading such as "Introduction" or "Background", up to the first other heading) that read
    // like no clause go to the outline's one clause of why the policy exists, the one whose title
    // says so ("Why we have this policy"). A paragraph there that reads like a clause keeps it.
    if (k_opening_purpose) {
        int purpose_clause = -1, clauses_of_purpose = 0;
        for (std::size_t j = 0; j < m; ++j)
            if (titles_purpose(clauses[j].title)) {
                purpose_clause = static_cast<int>(j);
                ++clauses_of_purpose;
            }
        if (clauses_of_purpose == 1) {
            auto a = static_cast<std::size_t>(purpose_clause);
            for (std::size_t i = 0; i < n; ++i) {
                const std::string& h = heading_of[i];
                bool opening = h.empty() || names_introduction(h) || (h == heading_of[0] && names_document(h));
                if (!opening) break;
                if (blocks[body[i]].kind != BlockKind::paragraph) continue;
                if (*std::max_element(score[i].begin(), score[i].end()) >= local_score) continue;
                lift_to(i, a, local_score + 1e-9, "opening");
            }
        }
    }
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
        const std::string& placed = p.clause_id.empty() ? (p.moved ? p.best : std::string()) : p.clause_id;
        for (const auto& [clause, rule] : lifted[i])
            if (!placed.empty() && clauses[clause].id == placed) p.rule = rule;
        for (std::size_t k = 0; k < std::min<std::size_t>(3, m) && p.others.size() < 2; ++k)
            if (clauses[order[k]].id != p.clause_id) p.others.push_back({clauses[order[k]].id, score[i][order[k]]});
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<Split> split_paragraphs(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<ClauseTarget>& clauses) {
    ClauseIndex index(clauses);
    return split_paragraphs(blocks, body, clauses, index);
}

std::vector<Split> split_paragraphs(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<ClauseTarget>& clauses,
                                    ClauseIndex& index) {
    std::vector<Split> out;
    if (clauses.size() < 2) return out;
    Measure& measure = index.measure();
    for (std::size_t i : body) {
        const Block& b = blocks[i];
        if (b.kind != BlockKind::paragraph && b.kind != BlockKind::list_item) continue;
        auto starts = sentence_starts(b.text);
        if (starts.size() < 2) continue;
        auto sentences = measure.sentence_terms(b.text);
        if (sentences.size() != starts.size()) continue;  // a block of several lines: not cut
        std::vector<std::size_t> cuts;
        split_span(measure, sentences, 0, sentences.size(), cuts);
        Split s{i, {}};
        for (std::size_t k : cuts) s.starts.push_back(starts[k]);
        if (!s.starts.empty()) out.push_back(std::move(s));
    }
    return out;
}

}  // namespace clausebook::import
