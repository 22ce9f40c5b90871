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
        for (std::size_t j = m; j-- > 0;)
            l[i][j] = model[i] == doc[j].word ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
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
            if (j >= m || (i < n && l[i + 1][j] >= l[i][j + 1])) ++i;
            else ++j;
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

bool all_digits(const std::string& s) { return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); }); }

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
        default:
            return std::nullopt;
    }
}

}  // namespace

std::optional<model::Value> param_value(const model::Repository& repo, const model::School& school, const model::Outline& outline,
                                        const std::string& name) {
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

std::map<std::string, ParamChange> switch_changes(const model::Repository& repo, const model::School& school, const model::Outline& outline,
                                                  const std::map<std::string, std::string>& doc_texts, const std::set<std::string>& wanted) {
    std::map<std::string, ParamChange> out;
    if (wanted.empty()) return out;
    using K = model::ParamType::Kind;
    auto assemble = [&](const model::School& s) -> std::optional<model::Document> {
        util::Diagnostics ignore;
        model::Document doc = assemble::assemble_document(repo, s, outline, ignore);
        if (ignore.has_errors()) return std::nullopt;
        return doc;
    };
    auto texts_of = [&](const model::Document& doc) {
        std::map<std::string, std::string> texts;
        for (auto& c : compare::policy_text(doc, repo.config.allow_raw_html).clauses) texts[c.id] = std::move(c.text);
        return texts;
    };
    // Whether a wanted clause's words can differ between two assemblies of the policy: a
    // clause's plain words follow from its final Markdown and, through its cross-references,
    // from the document's sections and clauses (their order, so their numbers, and their
    // titles); the title and audiences are the rest of what the writer reads. When none of
    // that differs, the value changes no wanted clause and is no evidence (and rendering the
    // whole policy as text, the most of an import's time, is not needed to find that out).
    auto may_change_wanted = [&](const model::Document& a, const model::Document& b) {
        if (a.meta.title != b.meta.title || a.meta.audiences != b.meta.audiences || a.sections.size() != b.sections.size()) return true;
        for (std::size_t k = 0; k < a.sections.size(); ++k) {
            const auto& x = a.sections[k];
            const auto& y = b.sections[k];
            if (x.id != y.id || x.title != y.title || x.clauses.size() != y.clauses.size()) return true;
            for (std::size_t q = 0; q < x.clauses.size(); ++q) {
                if (x.clauses[q].id != y.clauses[q].id || x.clauses[q].title != y.clauses[q].title) return true;
                if (wanted.count(x.clauses[q].id) && x.clauses[q].markdown != y.clauses[q].markdown) return true;
            }
        }
        return false;
    };
    auto base_doc = assemble(school);
    if (!base_doc) return out;
    auto base = std::optional<std::map<std::string, std::string>>(texts_of(*base_doc));
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
            if (it != policy->params.end()) it->value = alt;
            else policy->params.push_back({spec.name, alt, {}, {}});
            auto changed_doc = assemble(changed);
            if (!changed_doc || !may_change_wanted(*base_doc, *changed_doc)) continue;
            auto texts = std::optional<std::map<std::string, std::string>>(texts_of(*changed_doc));
            // The value must account for every clause of the document it changes, and change a wanted one.
            std::vector<std::string> changed_ids;
            bool explains = true, any_wanted = false;
            std::set<std::string> ids;
            for (const auto& [id, t] : *base) ids.insert(id);
            for (const auto& [id, t] : *texts) ids.insert(id);
            for (const auto& id : ids) {
                auto b = base->find(id);
                auto a = texts->find(id);
                std::string before = b == base->end() ? std::string() : b->second, after = a == texts->end() ? std::string() : a->second;
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
