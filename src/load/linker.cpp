#include "load/linker.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "lang/condition.hpp"
#include "lang/mustache.hpp"
#include "util/markdown.hpp"
#include "util/text.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

namespace {

void unknown_clause(const Repository& repo, const SourcePos& pos, const std::string& id, const std::string& what, util::Diagnostics& diags) {
    std::string hint = util::did_you_mean(id, repo.clause_ids());
    diags.error(pos, "unknown-clause", what + " '" + id + "' is not in the clause library",
                hint.empty() ? "the clause ids are listed by 'clausebook list clauses'" : hint);
}

// Markup a clause may not contain, and cross-references to clauses that do not exist.
void lint_markdown(const Repository& repo, const std::string& path, const std::string& text, int first_line, int first_col, util::Diagnostics& diags) {
    util::MarkdownTree tree = util::parse_markdown(text);
    cmark_iter* it = cmark_iter_new(tree.get());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        int line = cmark_node_get_start_line(n);
        int col = cmark_node_get_start_column(n);
        SourcePos pos{path, line > 0 ? first_line + line - 1 : first_line, line == 1 ? first_col + col - 1 : col};
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
            diags.error(pos, "heading-in-clause", "a clause cannot contain a heading: the outline makes the headings",
                        "make it a paragraph in **bold**, or split the clause in two");
            break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
            if (!repo.config.allow_raw_html)
                diags.warning(pos, "raw-html", "raw HTML in a clause is shown as text, not passed through",
                              "use Markdown instead, or set settings.allow_raw_html in clausebook.yaml");
            break;
        case CMARK_NODE_LINK: {
            std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
            if (util::starts_with(url, "clause:")) {
                std::string target = url.substr(7);
                if (!repo.clause(target)) unknown_clause(repo, pos, target, "the cross-reference to", diags);
            } else if (!util::is_safe_url(url)) {
                diags.warning(pos, "unsafe-link", "link to '" + url + "' is not http, https or mailto, and is shown as text only");
            }
            break;
        }
        default: break;
        }
    }
    cmark_iter_free(it);
}

// A school's own wording follows the library's rule: the outline makes the headings. And when
// the trust lets its clause files pass raw HTML through (settings.allow_raw_html), that trust is
// not extended to school files: raw HTML in a school's own wording is refused (issue 15, L3).
// Its position in the YAML value is not kept, so the error points at the clause's entry.
void check_school_text(const std::string& text, const SourcePos& pos, const std::string& what, bool allow_raw_html, util::Diagnostics& diags) {
    bool may_head = text.find('#') != std::string::npos || text.find("\n=") != std::string::npos || text.find("\n-") != std::string::npos;
    bool may_html = allow_raw_html && text.find('<') != std::string::npos;
    if (!may_head && !may_html) return;
    util::MarkdownTree tree = util::parse_markdown(text);
    cmark_iter* it = cmark_iter_new(tree.get());
    bool heading = false, html = false;
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node_type type = cmark_node_get_type(cmark_iter_get_node(it));
        heading = heading || type == CMARK_NODE_HEADING;
        html = html || (may_html && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE));
    }
    cmark_iter_free(it);
    if (heading)
        diags.error(pos, "heading-in-clause", "the text of " + what + " contains a heading: the outline makes the headings",
                    "make it a paragraph in **bold**, or split the clause in two");
    if (html)
        diags.error(pos, "raw-html",
                    "the text of " + what +
                        " holds raw HTML; settings.allow_raw_html passes raw HTML through from the library's clause files only, never from a school file",
                    "write it in Markdown, or put the wording in a clause file of the library");
}

void link_outline(const Repository& repo, const Outline& o, util::Diagnostics& diags) {
    std::set<std::string> seen;
    for (const auto& s : o.sections)
        for (const auto& e : s.clauses) {
            if (!repo.clause(e.id) && !repo.clauses.count(e.id))
                unknown_clause(repo, e.pos, e.id, "clause", diags);
            else if (!repo.clause(e.id))
                diags.error(e.pos, "missing-default", "clause '" + e.id + "' has variants but no default wording (a file without 'variant:')");
            if (!seen.insert(e.id).second) diags.error(e.pos, "duplicate-clause", "clause '" + e.id + "' appears twice in this outline");
        }
}

// Placeholders and conditions of every clause file, against every outline that uses it (or,
// for a clause no outline uses yet, against every outline, so that it is still checked).
void link_clauses(const Repository& repo, util::Diagnostics& diags) {
    for (const auto& [id, files] : repo.clauses) {
        std::vector<const Outline*> users;
        for (const auto& o : repo.outlines)
            if (o.entry(id)) users.push_back(&o);
        bool unused = users.empty();
        if (unused)
            for (const auto& o : repo.outlines) users.push_back(&o);
        for (const auto& c : files) {
            // A name unknown to one outline is reported once, however many outlines use the clause.
            util::Diagnostics found;
            for (const Outline* o : users) {
                lang::check_names(c.body_template, o->scope, found);
                if (c.when) lang::check_condition(*c.when, o->scope, found);
            }
            std::set<std::string> reported;
            for (const auto& d : found.items())
                if (reported.insert(d.pos.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + d.message).second) diags.add(d);
            if (!c.variant.empty() && !repo.clause(id))
                diags.error(c.id_pos, "missing-default", "clause '" + id + "' has a variant '" + c.variant + "' but no default wording");
            lint_markdown(repo, c.path, c.body, c.body_line, 1, diags);
        }
    }
}

void link_school_policy(const Repository& repo, const School& s, const SchoolPolicy& p, util::Diagnostics& diags) {
    const Outline* o = repo.outline(p.policy_id);
    if (!o) return;
    auto in_outline = [&](const std::string& id) { return o->entry(id) != nullptr; };
    for (const auto& e : p.exclude) {
        if (!repo.clauses.count(e.value))
            unknown_clause(repo, e.pos, e.value, "excluded clause", diags);
        else if (!in_outline(e.value))
            diags.error(e.pos, "unknown-clause", "clause '" + e.value + "' is not part of policy '" + o->id + "', so it cannot be excluded");
    }
    for (const auto& v : p.variants) {
        if (!repo.clauses.count(v.clause_id)) {
            unknown_clause(repo, v.pos, v.clause_id, "clause", diags);
            continue;
        }
        if (!repo.clause(v.clause_id, v.variant)) {
            std::vector<std::string> names;
            for (const auto& c : repo.clauses.at(v.clause_id))
                if (!c.variant.empty()) names.push_back(c.variant);
            std::string hint = util::did_you_mean(v.variant, names);
            diags.error(v.variant_pos, "unknown-variant", "clause '" + v.clause_id + "' has no variant '" + v.variant + "'",
                        !hint.empty()   ? hint
                        : names.empty() ? "it has no variants"
                                        : "its variants are: " + util::join(names, ", "));
        }
    }
    for (const auto& ov : p.overrides) {
        if (!repo.clauses.count(ov.clause_id)) unknown_clause(repo, ov.pos, ov.clause_id, "overridden clause", diags);
        lang::check_names(ov.text_template, o->scope, diags);
        check_school_text(ov.text, ov.pos, "override of '" + ov.clause_id + "'", repo.config.allow_raw_html, diags);
    }
    for (const auto& l : p.local) check_school_text(l.text, l.pos, "local clause '" + l.id + "'", repo.config.allow_raw_html, diags);
    std::set<std::string> local_ids;
    for (const auto& l : p.local) {
        if (repo.clauses.count(l.id))
            diags.error(l.pos, "duplicate-clause", "local clause '" + l.id + "' has the id of a library clause",
                        "give it an id of its own, such as local." + l.id.substr(l.id.find('.') + 1));
        if (!local_ids.insert(l.id).second) diags.error(l.pos, "duplicate-clause", "local clause id '" + l.id + "' is used twice");
        lang::check_names(l.text_template, o->scope, diags);
    }
    for (const auto& l : p.local) {
        const std::string& a = l.anchor_id.value;
        if (l.anchor == LocalClause::Anchor::section) {
            bool found = false;
            std::vector<std::string> ids;
            for (const auto& sec : o->sections) {
                found = found || sec.id == a;
                ids.push_back(sec.id);
            }
            if (!found) {
                std::string hint = util::did_you_mean(a, ids);
                diags.error(l.anchor_id.pos, "unknown-section", "policy '" + o->id + "' has no section '" + a + "'",
                            hint.empty() ? "its sections are: " + util::join(ids, ", ") : hint);
            }
        } else if (!in_outline(a) && !local_ids.count(a)) {
            if (repo.clauses.count(a))
                diags.error(l.anchor_id.pos, "unknown-clause", "clause '" + a + "' is not part of policy '" + o->id + "'");
            else
                unknown_clause(repo, l.anchor_id.pos, a, "clause", diags);
        }
    }
    // Local clauses placed after or before each other must end at a clause of the outline:
    // a ring of them has no place to start from.
    // Each local clause leads to at most one other, so one walk per clause, never repeating a
    // clause already walked, finds every ring in linear time (a walk from each clause, searching
    // the list at each step, was cubic: 5,000 chained clauses did not finish).
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < p.local.size(); ++i) index.emplace(p.local[i].id, i);
    auto next_of = [&](std::size_t i) -> std::optional<std::size_t> {
        const LocalClause& l = p.local[i];
        if (l.anchor == LocalClause::Anchor::section) return std::nullopt;
        auto it = index.find(l.anchor_id.value);
        if (it == index.end()) return std::nullopt;
        return it->second;
    };
    std::vector<int> state(p.local.size(), 0);  // 0 not walked, 1 on the current walk, 2 done
    std::vector<bool> in_ring(p.local.size(), false);
    for (std::size_t start = 0; start < p.local.size(); ++start) {
        std::vector<std::size_t> walk;
        std::optional<std::size_t> at = start;
        while (at && state[*at] == 0) {
            state[*at] = 1;
            walk.push_back(*at);
            at = next_of(*at);
        }
        if (at && state[*at] == 1)  // back on this walk: the clauses from there on form a ring
            for (auto it = std::find(walk.begin(), walk.end(), *at); it != walk.end(); ++it) in_ring[*it] = true;
        for (auto i : walk) state[i] = 2;
    }
    for (std::size_t i = 0; i < p.local.size(); ++i) {
        if (!in_ring[i]) continue;
        std::vector<std::string> chain{p.local[i].id};
        for (auto j = next_of(i); j && chain.size() <= p.local.size(); j = next_of(*j)) {
            chain.push_back(p.local[*j].id);
            if (*j == i) break;
        }
        diags.error(p.local[i].anchor_id.pos, "local-cycle", "local clauses are placed relative to each other in a ring: " + util::join(chain, " -> "),
                    "place one of them after or before a clause of the policy, or at the end of a section (section: ID)");
    }
    // Required parameters must have a value somewhere.
    for (const auto& spec : o->params) {
        if (!spec.required) continue;
        bool given = false;
        for (const auto& v : p.params) given = given || v.name == spec.name;
        given = given || find_param(s.params, spec.name, o->id) || find_param(repo.config.default_params, spec.name, o->id);
        if (!given)
            diags.error(p.pos, "missing-param",
                        "policy '" + o->id + "' needs '" + spec.name + "' (" + spec.type.describe() + "), and " + s.name + " gives none",
                        "add it under params: in " + s.path);
    }
}

}  // namespace

void link_repository(Repository& repo, util::Diagnostics& diags) {
    std::sort(repo.outlines.begin(), repo.outlines.end(), [](const Outline& a, const Outline& b) { return a.id < b.id; });
    std::sort(repo.schools.begin(), repo.schools.end(), [](const School& a, const School& b) { return a.id < b.id; });
    for (auto& [id, files] : repo.clauses)
        std::stable_sort(files.begin(), files.end(), [](const ClauseFile& a, const ClauseFile& b) { return a.variant < b.variant; });
    for (const auto& o : repo.outlines) link_outline(repo, o, diags);
    link_clauses(repo, diags);
    // A school keeps only the policies it lists: an outline it does not list is not built for it,
    // so its required parameters are not asked of it.
    for (const auto& s : repo.schools)
        if (!s.cached) link_school(repo, s, diags);
}

void link_school(const Repository& repo, const School& school, util::Diagnostics& diags) {
    for (const auto& p : school.policies) link_school_policy(repo, school, p, diags);
}

}  // namespace clausebook::load
