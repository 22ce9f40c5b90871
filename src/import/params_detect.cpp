#include "import/params_detect.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "assemble/assembler.hpp"
#include "compare/policy_text.hpp"
#include "import/align.hpp"
#include "import/facts.hpp"
#include "renew/yaml_edit.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "write/render_cache.hpp"

namespace clausebook::import {

namespace {

struct Token {
    std::string word;  // lower case
    std::size_t begin = 0, end = 0;  // in the text it came from
};

// Words as normalise_words() sees them, with where each stands.
std::vector<Token> tokens(const std::string& text) {
    std::vector<Token> out;
    Token t;
    auto flush = [&](std::size_t at) {
        if (!t.word.empty()) {
            t.end = at;
            out.push_back(t);
        }
        t = Token{};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xE2 && i + 2 < text.size()) {  // typographic punctuation
            flush(i);
            i += 2;
        } else if (std::isalnum(c) || c >= 0x80) {
            if (t.word.empty()) t.begin = i;
            t.word += static_cast<char>(std::tolower(c));
        } else {
            flush(i);
        }
    }
    flush(text.size());
    return out;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    for (auto& t : tokens(text)) out.push_back(std::move(t.word));
    return out;
}

struct Hunk {
    std::size_t ma, mb, da, db;  // model [ma, mb), document [da, db)
};

// The stretches where the two word lists differ, by a longest common subsequence.
std::vector<Hunk> diff(const std::vector<std::string>& model, const std::vector<Token>& doc) {
    const std::size_t n = model.size(), m = doc.size();
    std::vector<std::vector<int>> l(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;) l[i][j] = model[i] == doc[j].word ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
    std::vector<Hunk> out;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && model[i] == doc[j].word) {
            ++i;
            ++j;
            continue;
        }
        Hunk h{i, i, j, j};
        while ((i < n || j < m) && !(i < n && j < m && model[i] == doc[j].word)) {
            if (j >= m || (i < n && l[i + 1][j] >= l[i][j + 1]))
                ++i;
            else
                ++j;
        }
        h.mb = i;
        h.db = j;
        out.push_back(h);
    }
    return out;
}

// The words a parameter's value shows as in the rendered policy (several forms for a date).
std::vector<std::vector<std::string>> shown_forms(const model::ParamSpec& spec, const model::Value& v) {
    std::vector<std::vector<std::string>> out;
    using K = model::ParamType::Kind;
    if (spec.type.kind == K::person) {
        if (const model::Value* name = v.get("name")) out.push_back(words(name->to_text()));
    } else if (spec.type.kind == K::date) {
        std::string t = v.to_text();
        out.push_back(words(t));
        if (auto d = util::parse_date(t)) out.push_back(words(util::to_long(*d)));
    } else if (spec.type.kind == K::integer || spec.type.kind == K::string || spec.type.kind == K::enum_) {
        out.push_back(words(v.to_text()));
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const std::vector<std::string>& w) { return w.empty(); }), out.end());
    return out;
}

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The document's words as a value of `spec`'s type, or nullopt.
std::optional<ParamChange> as_value(const model::ParamSpec& spec, const model::Value& current, const std::string& text) {
    using K = model::ParamType::Kind;
    std::string t(util::trim(text));
    std::size_t n = util::word_count(t);
    if (t.empty()) return std::nullopt;
    switch (spec.type.kind) {
    case K::integer: {
        if (!all_digits(t)) return std::nullopt;
        long long v = std::stoll(t);
        if ((spec.type.min && v < *spec.type.min) || (spec.type.max && v > *spec.type.max)) return std::nullopt;
        return ParamChange{spec.name, t, t};
    }
    case K::string:
        if (n > 20) return std::nullopt;
        return ParamChange{spec.name, renew::yaml_scalar(t), t};
    case K::person: {
        if (n > 5 || !std::isupper(static_cast<unsigned char>(t[0]))) return std::nullopt;
        std::string yaml = "{ name: " + renew::yaml_scalar(t);
        if (const model::Value* role = current.get("role"); role && !role->to_text().empty()) yaml += ", role: " + renew::yaml_scalar(role->to_text());
        return ParamChange{spec.name, yaml + " }", t};
    }
    case K::enum_:
        for (const auto& v : spec.type.values)
            if (words(v) == words(t)) return ParamChange{spec.name, renew::yaml_scalar(v), v};
        return std::nullopt;
    case K::date: {
        std::string d = parse_written_date(t);
        if (d.size() != 10 || n > 5) return std::nullopt;
        return ParamChange{spec.name, d, d};
    }
    default: return std::nullopt;
    }
}

}  // namespace

std::optional<model::Value> param_value(const model::Repository& repo, const model::School& school, const model::Outline& outline, const std::string& name) {
    if (const model::SchoolPolicy* p = school.policy(outline.id))
        for (const auto& pv : p->params)
            if (pv.name == name) return pv.value;
    for (const auto& pv : school.params)
        if (pv.name == name) return pv.value;
    for (const auto& pv : repo.config.default_params)
        if (pv.name == name) return pv.value;
    if (const model::ParamSpec* spec = outline.param(name); spec && spec->default_value) return *spec->default_value;
    return std::nullopt;
}

std::optional<std::vector<ParamChange>> value_changes(const std::string& doc_text, const std::string& model_text, const model::Repository& repo,
                                                      const model::School& school, const model::Outline& outline) {
    std::vector<Token> doc = tokens(doc_text);
    std::vector<std::string> model = words(model_text);
    if (doc.empty() || model.empty() || doc.size() > 600 || model.size() > 600) return std::nullopt;
    std::vector<Hunk> hunks = diff(model, doc);
    if (hunks.empty()) return std::nullopt;
    // A few values in a clause, not a rewording: at most a third of the model's words differ.
    std::size_t differing = 0;
    for (const auto& h : hunks) differing += h.mb - h.ma;
    if (hunks.size() > 4 || differing * 3 > model.size()) return std::nullopt;
    struct Known {
        const model::ParamSpec* spec;
        model::Value value;
        std::vector<std::vector<std::string>> forms;
    };
    std::vector<Known> known;
    for (const auto& spec : outline.params)
        if (auto v = param_value(repo, school, outline, spec.name)) {
            auto forms = shown_forms(spec, *v);
            if (!forms.empty()) known.push_back({&spec, *v, forms});
        }
    std::vector<ParamChange> out;
    for (const auto& h : hunks) {
        std::vector<ParamChange> found;
        for (const auto& k : known)
            for (const auto& form : k.forms) {
                // Windows of the model's words the size of the value, covering the hunk.
                std::size_t len = form.size();
                if (len < h.mb - h.ma || len == 0) continue;
                std::size_t lo = h.mb >= len ? h.mb - len : 0;
                for (std::size_t s = lo; s <= h.ma && s + len <= model.size(); ++s) {
                    if (!std::equal(form.begin(), form.end(), model.begin() + static_cast<std::ptrdiff_t>(s))) continue;
                    std::size_t left = h.ma - s, right = s + len - h.mb;
                    if (h.da < left || h.db + right > doc.size()) continue;
                    std::size_t da = h.da - left, db = h.db + right;
                    if (da >= db) continue;
                    auto change = as_value(*k.spec, k.value, doc_text.substr(doc[da].begin, doc[db - 1].end - doc[da].begin));
                    if (change) found.push_back(*change);
                }
            }
        // Each stretch is exactly one parameter's value.
        std::sort(found.begin(), found.end(), [](const ParamChange& a, const ParamChange& b) { return a.name < b.name; });
        found.erase(std::unique(found.begin(), found.end(), [](const ParamChange& a, const ParamChange& b) { return a.name == b.name; }), found.end());
        if (found.size() != 1) return std::nullopt;
        auto same = std::find_if(out.begin(), out.end(), [&](const ParamChange& c) { return c.name == found[0].name; });
        if (same != out.end()) {
            if (same->yaml != found[0].yaml) return std::nullopt;  // one parameter, two values
            continue;
        }
        out.push_back(found[0]);
    }
    return out;
}

namespace {

// The policy's layout as its clauses' words depend on it: the sections and, in order, each
// clause's id and title (what a cross-reference's number and text are made from).
bool same_layout(const model::Document& a, const model::Document& b) {
    if (a.sections.size() != b.sections.size()) return false;
    for (std::size_t k = 0; k < a.sections.size(); ++k) {
        const auto& x = a.sections[k];
        const auto& y = b.sections[k];
        if (x.id != y.id || x.title != y.title || x.clauses.size() != y.clauses.size()) return false;
        for (std::size_t q = 0; q < x.clauses.size(); ++q)
            if (x.clauses[q].id != y.clauses[q].id || x.clauses[q].title != y.clauses[q].title) return false;
    }
    return true;
}

// Whether `text` read `doc` back clause for clause: one text per clause, with its id, in order.
// (A clause body with a line that reads as a heading would cut it short and lose its id.)
bool read_back_whole(const model::Document& doc, const compare::PolicyText& text) {
    std::size_t i = 0;
    for (const auto& sec : doc.sections)
        for (const auto& c : sec.clauses)
            if (i >= text.clauses.size() || text.clauses[i++].id != c.id) return false;
    return i == text.clauses.size();
}

std::map<std::string, std::string> texts_of(const compare::PolicyText& text) {
    std::map<std::string, std::string> texts;
    for (const auto& c : text.clauses) texts[c.id] = c.text;
    return texts;
}

// The clauses' plain words under other values of the parameters, as compare::policy_text would
// give them, rendering only what differs from the school's own policy (`base`). A clause's words
// follow from its Markdown and the layout; while the layout is the base's, a clause whose Markdown
// is the base's reads as it does there, and any other is rendered once (cached by id and Markdown).
class ClauseWords {
public:
    ClauseWords(const model::Document& base, const compare::PolicyText& base_text, bool allow_raw_html)
        : m_base(base), m_texts(texts_of(base_text)), m_clean(read_back_whole(base, base_text)), m_allow_raw_html(allow_raw_html) {}

    // The clauses of `doc` whose words may differ from the base's (`changed`, by id), and whether
    // the layout is the base's; false: every clause may differ (the caller renders it whole).
    bool changed_clauses(const model::Document& doc, std::set<std::string>& changed) const {
        if (!m_clean || !same_layout(m_base, doc)) return false;
        for (std::size_t k = 0; k < doc.sections.size(); ++k)
            for (std::size_t q = 0; q < doc.sections[k].clauses.size(); ++q)
                if (doc.sections[k].clauses[q].markdown != m_base.sections[k].clauses[q].markdown) changed.insert(doc.sections[k].clauses[q].id);
        return true;
    }

    // The words of each clause in `changed` (of `doc`, laid out as the base), or nullopt when its
    // text does not read back clause for clause (the caller renders it whole). The clauses not
    // rendered before are written and read back together: alone in a policy of their own when
    // none links to another clause (their words then depend on nothing else), else in `doc` with
    // every other clause's Markdown left empty.
    std::optional<std::map<std::string, std::string>> words(const model::Document& doc, const std::set<std::string>& changed) {
        std::map<std::string, std::string> out;
        std::set<std::string> need;
        bool links = false;
        std::vector<const model::Clause*> todo;
        for (const auto& sec : doc.sections)
            for (const auto& c : sec.clauses) {
                if (!changed.count(c.id)) continue;
                auto hit = m_cache.find({c.id, c.markdown});
                if (hit != m_cache.end()) {
                    out[c.id] = hit->second;
                    continue;
                }
                need.insert(c.id);
                todo.push_back(&c);
                std::string layout;
                if (!write::link_context(doc, c.markdown, layout).empty()) links = true;
            }
        if (todo.empty()) return out;
        model::Document part;
        part.meta = doc.meta;
        if (links) {
            part.sections = doc.sections;
            for (auto& sec : part.sections)
                for (auto& c : sec.clauses)
                    if (!need.count(c.id)) c.markdown.clear();
        } else {
            part.sections.push_back({"changed", "Changed", {}});
            for (const model::Clause* c : todo) part.sections.back().clauses.push_back(*c);
        }
        compare::PolicyText text = compare::policy_text(part, m_allow_raw_html);
        if (!read_back_whole(part, text)) return std::nullopt;
        std::size_t i = 0;
        for (const auto& sec : part.sections)
            for (const auto& c : sec.clauses) {
                const std::string& words = text.clauses[i++].text;
                if (!need.count(c.id)) continue;
                out[c.id] = words;
                m_cache.emplace(std::make_pair(c.id, c.markdown), words);
            }
        return out;
    }

    const std::map<std::string, std::string>& base_texts() const { return m_texts; }

private:
    const model::Document& m_base;
    std::map<std::string, std::string> m_texts;
    bool m_clean;
    bool m_allow_raw_html;
    std::map<std::pair<std::string, std::string>, std::string> m_cache;  // (id, Markdown) -> words, under the base's layout
};

}  // namespace

std::map<std::string, ParamChange> switch_changes(const model::Repository& repo, const model::School& school, const model::Outline& outline,
                                                  const model::Document& base_doc, const compare::PolicyText& base_text,
                                                  const std::map<std::string, std::string>& doc_texts, const std::set<std::string>& wanted,
                                                  SwitchRendering rendering) {
    std::map<std::string, ParamChange> out;
    if (wanted.empty()) return out;
    using K = model::ParamType::Kind;
    auto assemble = [&](const model::School& s) -> std::optional<model::Document> {
        util::Diagnostics ignore;
        model::Document doc = assemble::assemble_document(repo, s, outline, ignore);
        if (ignore.has_errors()) return std::nullopt;
        return doc;
    };
    // Whether a wanted clause's words can differ between two assemblies of the policy: a
    // clause's plain words follow from its final Markdown and, through its cross-references,
    // from the document's sections and clauses (their order, so their numbers, and their
    // titles); the title and audiences are the rest of what the writer reads. When none of
    // that differs, the value changes no wanted clause and is no evidence.
    auto may_change_wanted = [&](const model::Document& a, const model::Document& b) {
        if (a.meta.title != b.meta.title || a.meta.audiences != b.meta.audiences || !same_layout(a, b)) return true;
        for (std::size_t k = 0; k < a.sections.size(); ++k)
            for (std::size_t q = 0; q < a.sections[k].clauses.size(); ++q)
                if (wanted.count(a.sections[k].clauses[q].id) && a.sections[k].clauses[q].markdown != b.sections[k].clauses[q].markdown) return true;
        return false;
    };
    ClauseWords words(base_doc, base_text, repo.config.allow_raw_html);
    const std::map<std::string, std::string>& base = words.base_texts();
    for (const auto& spec : outline.params) {
        std::vector<model::Value> alternatives;
        auto current = param_value(repo, school, outline, spec.name);
        if (spec.type.kind == K::boolean) {
            bool now = current && current->truthy();
            alternatives.push_back(model::Value(!now));
        } else if (spec.type.kind == K::enum_) {
            for (const auto& v : spec.type.values)
                if (!current || current->to_text() != v) alternatives.push_back(model::Value(v));
        }
        for (const auto& alt : alternatives) {
            model::School changed = school;
            model::SchoolPolicy* policy = nullptr;
            for (auto& p : changed.policies)
                if (p.policy_id == outline.id) policy = &p;
            if (!policy) return out;
            auto it = std::find_if(policy->params.begin(), policy->params.end(), [&](const model::ParamValue& pv) { return pv.name == spec.name; });
            if (it != policy->params.end())
                it->value = alt;
            else
                policy->params.push_back({spec.name, alt, {}, {}});
            auto changed_doc = assemble(changed);
            if (!changed_doc || !may_change_wanted(base_doc, *changed_doc)) continue;
            // The clauses whose words may differ, with their words under this value: by clause
            // when the layout is the school's own, else (or when a clause does not read back
            // whole) every clause, from the whole policy.
            std::set<std::string> ids;
            std::optional<std::map<std::string, std::string>> texts;
            if (rendering == SwitchRendering::by_clause && words.changed_clauses(*changed_doc, ids)) texts = words.words(*changed_doc, ids);
            if (!texts) {
                texts = texts_of(compare::policy_text(*changed_doc, repo.config.allow_raw_html));
                ids.clear();
                for (const auto& [id, t] : base) ids.insert(id);
                for (const auto& [id, t] : *texts) ids.insert(id);
            }
            // The value must account for every clause of the document it changes, and change a wanted one.
            std::vector<std::string> changed_ids;
            bool explains = true, any_wanted = false;
            for (const auto& id : ids) {
                auto b = base.find(id);
                auto a = texts->find(id);
                std::string before = b == base.end() ? std::string() : b->second, after = a == texts->end() ? std::string() : a->second;
                if (same_words(before, after)) continue;
                auto d = doc_texts.find(id);
                if (d == doc_texts.end()) continue;  // a clause the document lacks: no evidence either way
                if (!same_words(d->second, after)) {
                    explains = false;
                    break;
                }
                changed_ids.push_back(id);
                if (wanted.count(id)) any_wanted = true;
            }
            if (!explains || !any_wanted) continue;
            std::string shown = alt.to_text();
            for (const auto& id : changed_ids)
                if (!out.count(id)) out[id] = ParamChange{spec.name, spec.type.kind == K::boolean ? shown : renew::yaml_scalar(shown), shown};
        }
    }
    return out;
}

}  // namespace clausebook::import
