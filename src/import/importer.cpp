#include "import/importer.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "assemble/assembler.hpp"
#include "compare/policy_text.hpp"
#include "import/params_detect.hpp"
#include "import/school_file.hpp"
#include "import/section.hpp"
#include "load/loaders.hpp"
#include "renew/yaml_edit.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

std::string phase_from_name(const std::string& name) {
    std::string l = name;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (l.find("first school") != std::string::npos) return "first";
    if (l.find("infant") != std::string::npos) return "infant";
    if (l.find("junior") != std::string::npos) return "junior";
    if (l.find("primary") != std::string::npos) return "primary";
    if (l.find("secondary") != std::string::npos || l.find("high school") != std::string::npos) return "secondary";
    if (l.find("nursery") != std::string::npos) return "nursery";
    return {};
}

}  // namespace

// A block as Markdown: what an override or local clause holds, verbatim.
std::string short_title(const std::string& text, const std::string& fallback) {
    std::string out;
    int n = 0;
    for (std::size_t i = 0; i < text.size() && n < 8; ++i) {
        if (text[i] == '.' || text[i] == ':' || text[i] == ';') break;
        if (text[i] == ' ') ++n;
        if (n < 8) out += text[i];
    }
    out = std::string(util::trim(out));
    return out.empty() ? fallback : out;
}

std::string block_markdown(const Block& b) {
    if (b.kind == BlockKind::table) {
        std::vector<std::string> rows;
        std::size_t width = 0;
        for (const auto& r : b.cells) width = std::max(width, r.size());
        if (width == 0) return {};
        for (std::size_t i = 0; i < b.cells.size(); ++i) {
            std::vector<std::string> cells;
            for (std::size_t k = 0; k < width; ++k) cells.push_back(k < b.cells[i].size() ? escape_markdown(b.cells[i][k], false) : "");
            rows.push_back("| " + util::join(cells, " | ") + " |");
            if (i == 0)
                rows.push_back("|" + [&] {
                    std::string d;
                    for (std::size_t k = 0; k < width; ++k) d += " --- |";
                    return d;
                }());
        }
        return util::join(rows, "\n");
    }
    std::string text = escape_markdown(b.text);
    if (b.kind == BlockKind::list_item) {
        std::string pad(static_cast<std::size_t>(std::min(b.level, 3) * 4), ' ');
        bool numeric =
            !b.number.empty() && std::isdigit(static_cast<unsigned char>(b.number[0])) && b.number.find('.') == b.number.size() - 1 && b.number.size() <= 4;
        if (numeric) return pad + b.number + " " + text;
        if (!b.number.empty()) return pad + "- " + escape_markdown(b.number, false) + " " + text;
        return pad + "- " + text;
    }
    if (b.kind == BlockKind::heading) return "**" + text + "**";
    return text;
}

std::string blocks_markdown(const std::vector<Block>& blocks, const std::vector<std::size_t>& idx) {
    std::string out;
    const Block* prev = nullptr;
    for (std::size_t i : idx) {
        const Block& b = blocks[i];
        // The next part of a paragraph the alignment cut (blocks.hpp) goes on in the same line.
        bool continues = prev && b.part > 1 && prev->part == b.part - 1 && prev->position == b.position && prev->page == b.page;
        std::string md = continues ? escape_markdown(b.text) : block_markdown(b);
        if (md.empty()) continue;
        if (!out.empty()) out += continues ? " " : (prev && prev->kind == BlockKind::list_item && b.kind == BlockKind::list_item) ? "\n" : "\n\n";
        out += md;
        prev = &b;
    }
    return out + "\n";
}

namespace {

// Cuts the paragraphs `splits` names into their parts (blocks.hpp, Block::part); returns each old
// block's new index (its first part's).
std::vector<std::size_t> cut_blocks(std::vector<Block>& blocks, const std::vector<Split>& splits) {
    std::map<std::size_t, const Split*> at;
    for (const auto& s : splits) at[s.block] = &s;
    std::vector<Block> out;
    std::vector<std::size_t> renumbered(blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        renumbered[i] = out.size();
        auto it = at.find(i);
        if (it == at.end()) {
            out.push_back(std::move(blocks[i]));
            continue;
        }
        const Block& whole = blocks[i];
        std::vector<std::size_t> bounds{0};
        bounds.insert(bounds.end(), it->second->starts.begin(), it->second->starts.end());
        bounds.push_back(whole.text.size());
        for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
            Block part = whole;
            part.text = std::string(util::trim(whole.text.substr(bounds[k], bounds[k + 1] - bounds[k])));
            part.part = static_cast<int>(k) + 1;
            if (k > 0) {
                part.number.clear();
                part.bookmarks.clear();
            }
            out.push_back(std::move(part));
        }
    }
    blocks.swap(out);
    return renumbered;
}

std::string plain_of(const std::vector<Block>& blocks, const std::vector<std::size_t>& idx) {
    std::string out;
    for (std::size_t i : idx) out += blocks[i].text + "\n";
    return out;
}

// A library clause's Markdown without its Mustache tags: the words a variant says whatever the
// values (a section's text is kept, as if its value were given).
std::string without_placeholders(const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size();) {
        if (body.compare(i, 2, "{{") == 0) {
            std::size_t close = body.find("}}", i + 2);
            if (close == std::string::npos) break;
            i = close + 2;
            while (i < body.size() && body[i] == '}') ++i;
            continue;
        }
        out += body[i++];
    }
    return out;
}

struct Aligned {
    std::vector<Placement> placements;
    std::vector<std::size_t> body;
    std::vector<std::string> title_before;  // per body block: the heading right above it, if any
    double share = 0;
    Evidence evidence;
    util::Diagnostics assembly;  // problems rendering the model for the school (a value the document does not state)
    model::Document model;  // the policy as assembled for the school, and its text: what the blocks were aligned to
    compare::PolicyText model_text;
    std::shared_ptr<ClauseIndex> index;  // the clauses as the measure reads them
};

void align_blocks(Aligned& a, const ImportedDocument& doc, const std::set<std::size_t>& cover, const std::vector<ClauseTarget>& targets);

Aligned align_with(const model::Repository& repo, const model::School& school, const model::Outline& outline, const ImportedDocument& doc,
                   const std::set<std::size_t>& cover, std::vector<ClauseTarget>& targets, util::Diagnostics& diags) {
    Aligned a;
    util::Diagnostics& assembly = a.assembly;
    a.model = assemble::assemble_document(repo, school, outline, assembly);
    a.model_text = compare::policy_text(a.model, repo.config.allow_raw_html);
    for (const auto& c : a.model_text.clauses) {
        ClauseTarget t{c.id, c.title, c.section, c.text, {}};
        // The library's other variants of the clause: more wordings a school's text may be near.
        const model::Clause* used = a.model.find(c.id);
        auto files = repo.clauses.find(c.id);
        if (used && files != repo.clauses.end())
            for (const auto& f : files->second)
                if (used->source == model::ClauseSource::override_ || f.variant != used->variant)
                    t.other_wordings.push_back(compare::plain_text(without_placeholders(f.body)));
        targets.push_back(std::move(t));
    }
    (void)diags;  // the assembly's problems are reported once the document is known to be the policy
    a.index = std::make_shared<ClauseIndex>(targets, subject_terms(outline.title));
    align_blocks(a, doc, cover, targets);
    return a;
}

// Aligns the document's body (every block but headings, furniture and the title page) to the
// clauses `a` was prepared with.
void align_blocks(Aligned& a, const ImportedDocument& doc, const std::set<std::size_t>& cover, const std::vector<ClauseTarget>& targets) {
    a.body.clear();
    a.title_before.clear();
    std::string heading, pending;
    std::vector<std::string> heading_of;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (!b.dropped.empty() || cover.count(i)) continue;
        if (b.kind == BlockKind::heading) {
            heading = b.text;
            pending = b.text;
            continue;
        }
        a.body.push_back(i);
        heading_of.push_back(heading);
        a.title_before.push_back(pending);
        pending.clear();
    }
    a.placements = align(doc.blocks, a.body, heading_of, targets, *a.index);
    const Evidence::Subject subject = a.evidence.subject;  // what the document names, not the alignment's to change
    a.evidence = weigh(doc.blocks, a.placements, targets.size());
    a.evidence.subject = subject;
    a.share = a.evidence.placed_share;
}

// Texts close enough that another value of a switch might account for the difference: most of
// their words in common.
bool near(const std::string& a, const std::string& b) {
    auto set_of = [](const std::string& s) {
        std::set<std::string> out;
        std::istringstream in(normalise_words(s));
        std::string w;
        while (in >> w) out.insert(w);
        return out;
    };
    auto x = set_of(a), y = set_of(b);
    if (x.empty() || y.empty()) return false;
    std::size_t common = 0;
    for (const auto& w : x) common += y.count(w);
    return common * 10 >= std::max(x.size(), y.size()) * 6;
}

// What an existing entry keeps when a document is imported into it, each change a note:
// - exclude: the school's exclusions stay, but for clauses the document has;
// - overrides: the school's own wording of a clause the document has gives way to the document
//   (its words, or the library's when the document has the library's); of a clause the document
//   lacks, it stays;
// - local: a local clause whose words the document has keeps its id and title with the
//   document's text; one the document lacks stays where it was (re-anchored to its section when
//   what it stood after or before is gone).
void keep_school_choices(const model::SchoolPolicy& had, const model::Outline& outline, Plan& plan, PolicyWrite& pw) {
    std::set<std::string> in_document;
    for (const auto& c : plan.clauses)
        if (!c.blocks.empty()) in_document.insert(c.clause_id);
    auto clause_outcome = [&](const std::string& id) {
        for (const auto& c : plan.clauses)
            if (c.clause_id == id) return c.outcome;
        return std::string();
    };
    // exclude
    std::set<std::string> doc_excludes(pw.exclude.begin(), pw.exclude.end());
    std::set<std::string> excluded = doc_excludes;
    for (const auto& e : had.exclude) {
        if (in_document.count(e.value)) {
            plan.notes.push_back(e.value + ": no longer excluded (the document has it)");
        } else {
            excluded.insert(e.value);
            if (!doc_excludes.count(e.value)) plan.notes.push_back(e.value + ": still excluded, as the school file had it");
        }
    }
    for (const auto& id : doc_excludes)
        if (std::none_of(had.exclude.begin(), had.exclude.end(), [&](const auto& e) { return e.value == id; }))
            plan.notes.push_back(id + ": excluded (the document does not have it)");
    pw.exclude.clear();
    for (const auto& sec : outline.sections)
        for (const auto& entry : sec.clauses)
            if (excluded.count(entry.id)) pw.exclude.push_back(entry.id);
    for (const auto& id : excluded)
        if (std::find(pw.exclude.begin(), pw.exclude.end(), id) == pw.exclude.end()) pw.exclude.push_back(id);
    // overrides
    for (const auto& o : had.overrides) {
        bool replaced = std::any_of(pw.overrides.begin(), pw.overrides.end(), [&](const OverrideWrite& w) { return w.clause_id == o.clause_id; });
        if (replaced) {
            plan.notes.push_back(o.clause_id + ": the school's own wording replaced by the document's");
        } else if (in_document.count(o.clause_id)) {
            plan.notes.push_back(o.clause_id + ": the school's own wording removed: the document has the library's (" + clause_outcome(o.clause_id) + ")");
        } else {
            pw.overrides.push_back({o.clause_id, o.title.value_or(""), o.text, "kept from the school file: the document does not have this clause", true});
            plan.notes.push_back(o.clause_id + ": the school's own wording kept (the document does not have this clause)");
        }
    }
    for (const auto& w : pw.overrides)
        if (std::none_of(had.overrides.begin(), had.overrides.end(), [&](const model::Override& o) { return o.clause_id == w.clause_id; }))
            plan.notes.push_back(w.clause_id + ": the document's own wording added");
    // local
    std::map<std::string, std::string> renamed;  // the import's id -> the school's
    for (const auto& l : had.local) {
        auto same = std::find_if(pw.local.begin(), pw.local.end(), [&](const LocalWrite& w) {
            return renamed.count(w.id) == 0 && same_words(compare::plain_text(w.text), compare::plain_text(l.text));
        });
        if (same != pw.local.end()) {
            renamed[same->id] = l.id;
            plan.notes.push_back(l.id + ": the document has it: kept, with the document's text");
            continue;
        }
        LocalWrite kept{l.id,
                        l.anchor == model::LocalClause::Anchor::after    ? "after"
                        : l.anchor == model::LocalClause::Anchor::before ? "before"
                                                                         : "section",
                        l.anchor_id.value,
                        l.title,
                        l.text,
                        "kept from the school file: the document does not have it",
                        true};
        pw.local.push_back(kept);
        plan.notes.push_back(l.id + ": kept from the school file (the document does not have it)");
    }
    for (auto& w : pw.local) {
        auto r = renamed.find(w.id);
        if (r != renamed.end()) {
            for (auto& lo : plan.locals)
                if (lo.id == w.id) lo.id = r->second;
            for (auto& other : pw.local)
                if (other.anchor == w.id) other.anchor = r->second;
            for (const auto& l : had.local)
                if (l.id == r->second) w.title = l.title;
            w.id = r->second;
        }
    }
    // Anchors that are gone: the section of the clause it stood by, else the first section.
    std::set<std::string> present;
    for (const auto& sec : outline.sections)
        for (const auto& entry : sec.clauses)
            if (std::find(pw.exclude.begin(), pw.exclude.end(), entry.id) == pw.exclude.end()) present.insert(entry.id);
    for (const auto& w : pw.local) present.insert(w.id);
    for (auto& w : pw.local) {
        if (w.anchor_key == "section" || present.count(w.anchor)) continue;
        std::string section = outline.sections.empty() ? std::string() : outline.sections.front().id;
        for (const auto& sec : outline.sections)
            for (const auto& entry : sec.clauses)
                if (entry.id == w.anchor) section = sec.id;
        plan.notes.push_back(w.id + ": stood " + w.anchor_key + " " + w.anchor + ", which the policy no longer has: placed at the end of section " + section);
        w.anchor_key = "section";
        w.anchor = section;
    }
}

// Applies --section: every block outside it is dropped (the facts were read from the whole
// document first: its title page's approval covers the section). False, with an error, when no
// heading is the one asked for.
bool keep_section(Plan& plan, const Request& request, util::Diagnostics& diags) {
    auto range = find_section(plan.doc.blocks, request.section);
    if (!range) {
        std::vector<std::string> names;
        for (std::size_t i : section_headings(plan.doc.blocks, plan.facts.cover_blocks)) {
            if (names.size() == 20) {
                names.push_back("...");
                break;
            }
            names.push_back("'" + plan.doc.blocks[i].text + "'");
        }
        diags.error({request.display_path, 0, 0}, "import-section-not-found",
                    "--section: no heading of the document reads '" + request.section + "'" +
                        (names.empty() ? " (it has no headings)" : "; its headings are " + util::join(names, ", ")),
                    names.empty() ? "import the whole document without --section" : "give one of its headings, as written, to --section");
        return false;
    }
    const std::size_t head = range->first, kept = drop_outside(plan.doc.blocks, *range);
    if (kept == 0) {
        // A text, Markdown or HTML block's position is its line; a DOCX or PDF's, its paragraph.
        const Block& h = plan.doc.blocks[head];
        const bool lines = plan.doc.format != "docx" && plan.doc.format != "pdf";
        diags.error({request.display_path, lines ? h.position : 0, lines ? 1 : 0}, "import-section-empty",
                    "--section: the heading '" + h.text + "'" + (lines ? "" : " (paragraph " + std::to_string(h.position) + ")") +
                        " heads no text (the next heading of its level follows it)",
                    "give the heading of a part with text under it, or import the whole document");
        return false;
    }
    plan.notes.push_back("only the section '" + plan.doc.blocks[head].text + "' was imported (" + std::to_string(kept) + " blocks after its heading, at " +
                         std::to_string(plan.doc.blocks[head].position) + "); the rest of the document is dropped");
    return true;
}
}  // namespace

Plan plan_import(const model::Repository& repo, const Request& request, util::Diagnostics& diags) {
    Plan plan;
    plan.school_id = request.school_id;
    plan.doc = read_document(request.file, request.display_path, request.read, diags);
    if (diags.has_errors()) return plan;
    plan.facts = extract_facts(plan.doc.blocks);
    if (!request.section.empty()) {
        if (!keep_section(plan, request, diags)) return plan;
        // The document's title is the whole document's ("Online Safety Policy"), not the section's.
        if (auto t = plan.facts.found.find("title"); t != plan.facts.found.end()) {
            FactValue f = t->second;
            f.value = "the title of the whole document, not of the section imported";
            plan.facts.refused.push_back(f);
            plan.facts.found.erase(t);
        }
    }
    const Facts& facts = plan.facts;
    std::set<std::size_t> cover(facts.cover_blocks.begin(), facts.cover_blocks.end());

    plan.path = "schools/" + request.school_id + ".yaml";
    plan.file = repo.root / "schools" / (request.school_id + ".yaml");
    const model::School* existing = repo.school(request.school_id);
    plan.existed = std::filesystem::exists(plan.file);
    if (plan.existed) {
        auto r = util::read_file(plan.file);
        plan.old_text = r.text ? *r.text : std::string();
    }
    auto fact = [&](const std::string& f) -> const FactValue* {
        auto it = facts.found.find(f);
        return it == facts.found.end() ? nullptr : &it->second;
    };
    auto normal = [](std::string s) {
        std::string k;
        for (char c : s)
            if (std::isalnum(static_cast<unsigned char>(c))) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return k;
    };
    if (existing && fact("school_name") && normal(existing->name) != normal(fact("school_name")->value) && !request.force) {
        diags.error({plan.path, 0, 0}, "import-other-school",
                    plan.path + " is " + existing->name + "'s file, but the document is " + fact("school_name")->value + "'s policy",
                    "check --school, or pass --force if the school has changed its name");
        return plan;
    }

    // What the document calls itself: the title the facts read, or any of its first three lines
    // short enough to be a title ("Social Media Charter", "Acceptable use of Social Media": a
    // heading that names no policy is not taken as the title, but it says what the document is).
    std::vector<std::string> own_titles;
    if (auto t = fact("title")) own_titles.push_back(t->value);
    for (std::size_t i = 0, seen = 0; i < plan.doc.blocks.size() && seen < 3; ++i) {
        const Block& b = plan.doc.blocks[i];
        if (!request.section.empty() && !b.dropped.empty()) continue;  // a section's first lines are its heading and what follows
        ++seen;
        if (b.kind != BlockKind::table && util::word_count(b.text) <= 12) own_titles.push_back(b.text);
    }
    // The values the document states, as the school file writes them.
    PolicyWrite values;
    std::vector<KeyValue> school_keys;
    std::string school_name = existing ? existing->name : (fact("school_name") ? fact("school_name")->value : request.school_id);
    if (!existing) {
        school_keys.push_back({"name", renew::yaml_scalar(school_name),
                               fact("school_name") ? comment_quote(fact("school_name")->quote) : "not found in the document: put the school's name here"});
        if (auto la = fact("local_authority")) school_keys.push_back({"local_authority", renew::yaml_scalar(la->value), comment_quote(la->quote)});
        std::string phase = phase_from_name(school_name);
        if (!phase.empty()) school_keys.push_back({"phase", phase, "from the school's name"});
    }
    if (auto t = fact("title")) values.scalars.push_back({"title", renew::yaml_scalar(t->value), comment_quote(t->quote)});
    if (auto a = fact("approved")) values.scalars.push_back({"approved", a->value, comment_quote(a->quote)});
    if (auto a = fact("approved_by")) values.scalars.push_back({"approved_by", renew::yaml_scalar(a->value), comment_quote(a->quote)});
    if (auto a = fact("minute")) values.scalars.push_back({"minute", renew::yaml_scalar(a->value), comment_quote(a->quote)});
    if (auto a = fact("review_period")) values.scalars.push_back({"review_period", a->value, comment_quote(a->quote)});
    if (auto a = fact("next_review")) values.scalars.push_back({"next_review", a->value, comment_quote(a->quote)});

    // Outline choice: as asked, or the one the document matches best.
    std::vector<const model::Outline*> outlines;
    if (!request.policy_id.empty()) {
        const model::Outline* o = repo.outline(request.policy_id);
        if (!o) {
            std::vector<std::string> ids;
            for (const auto& x : repo.outlines) ids.push_back(x.id);
            diags.error({"templates/" + request.policy_id + ".yaml", 0, 0}, "import-unknown-policy", "no outline '" + request.policy_id + "'",
                        util::did_you_mean(request.policy_id, ids));
            return plan;
        }
        outlines.push_back(o);
    }
    for (const auto& o : repo.outlines)
        if (request.policy_id.empty() || o.id != request.policy_id) outlines.push_back(&o);
    if (outlines.empty()) {
        diags.error({"templates", 0, 0}, "import-unknown-policy", "the repository has no policy outline to import into", "add templates/POLICY.yaml");
        return plan;
    }

    struct Trial {
        const model::Outline* outline;
        model::Repository repo;
        std::vector<ClauseTarget> targets;
        Aligned aligned;
        std::vector<KeyValue> params;
    };
    std::vector<Trial> trials;
    for (const model::Outline* o : outlines) {
        PolicyWrite pw = values;
        // Parameters the outline declares, within its limits.
        auto add_param = [&](const std::string& name, const std::string& yaml, const FactValue& f) {
            const model::ParamSpec* spec = o->param(name);
            if (!spec) return;
            pw.params.push_back({name, yaml, comment_quote(f.quote)});
        };
        if (auto a = fact("min_platform_age")) {
            const model::ParamSpec* spec = o->param("min_platform_age");
            int v = std::stoi(a->value);
            if (spec && (!spec->type.min || v >= *spec->type.min) && (!spec->type.max || v <= *spec->type.max))
                add_param("min_platform_age", a->value, *a);
            else if (spec)
                plan.notes.push_back("the document states a minimum age of " + a->value + ", outside the outline's range: not written");
        }
        for (const char* person : {"headteacher", "dsl", "deputy_dsl", "chair_of_governors"})
            if (auto p = fact(person)) {
                auto bar = p->value.find('|');
                add_param(person, "{ name: " + renew::yaml_scalar(p->value.substr(0, bar)) + ", role: " + renew::yaml_scalar(p->value.substr(bar + 1)) + " }",
                          *p);
            }
        if (auto lr = fact("last_reviewed")) {
            bool same_as_approval = fact("approved") && fact("approved")->value == lr->value;
            if (!same_as_approval) {
                std::string why;
                std::string shown = lr->value;
                if (auto d = util::parse_loose_date(lr->value, &why)) shown = util::to_long(*d);
                add_param("last_reviewed", renew::yaml_scalar(shown), *lr);
            }
        }
        Trial t{o, repo, {}, {}, pw.params};
        // The school as it would be with these values and none of its own wording.
        std::string provisional;
        std::vector<std::string> ignore;
        try {
            provisional = plan.existed ? merge_school_file(plan.old_text, plan.path, o->id, pw, ignore) : new_school_file("", school_keys, o->id, pw);
        } catch (const std::exception& e) {
            diags.error({plan.path, 0, 0}, "import-school-file", e.what(), "edit the file by hand into block style, then import again");
            return plan;
        }
        t.repo.schools.erase(std::remove_if(t.repo.schools.begin(), t.repo.schools.end(), [&](const model::School& s) { return s.id == request.school_id; }),
                             t.repo.schools.end());
        util::Diagnostics load_diags;
        load::load_school(t.repo, request.school_id, plan.path, provisional, load_diags);
        std::sort(t.repo.schools.begin(), t.repo.schools.end(), [](const model::School& a, const model::School& b) { return a.id < b.id; });
        const model::School* s = t.repo.school(request.school_id);
        if (load_diags.has_errors() || !s) {
            diags.append(load_diags);
            return plan;
        }
        t.aligned = align_with(t.repo, *s, *o, plan.doc, cover, t.targets, diags);
        t.aligned.evidence.subject = name_subject(plan.doc.blocks, t.aligned.body, own_titles, o->title);
        trials.push_back(std::move(t));
        if (!request.policy_id.empty()) break;  // asked for one: the others are tried only to name a better one on refusal
    }
    std::size_t chosen = 0;
    if (request.policy_id.empty())
        for (std::size_t k = 1; k < trials.size(); ++k)
            if (better(trials[k].aligned.evidence, trials[chosen].aligned.evidence)) chosen = k;
    Trial& trial = trials[chosen];
    plan.policy_id = trial.outline->id;
    plan.policy_title = trial.outline->title;
    plan.matched_share = trial.aligned.share;
    plan.evidence = trial.aligned.evidence;
    plan.placements = trial.aligned.placements;

    if (trial.aligned.body.empty()) {
        diags.error({request.display_path, 0, 0}, "import-empty", "the document has no policy text to import (only a title page, contents or signature boxes)",
                    "check that this is the right file");
        return plan;
    }
    if (!plan.evidence.enough() && !request.force) {
        // Name a better outline, if one fits better.
        std::string better_id;
        Evidence best = plan.evidence;
        if (!request.policy_id.empty()) {
            for (const auto& o : repo.outlines) {
                if (o.id == plan.policy_id) continue;
                const model::School* s = trial.repo.school(request.school_id);
                std::vector<ClauseTarget> tg;
                util::Diagnostics ignore;
                auto al = align_with(trial.repo, *s, o, plan.doc, cover, tg, ignore);
                al.evidence.subject = name_subject(plan.doc.blocks, al.body, own_titles, o.title);
                plan.other_outlines[o.id] = al.share;
                if (better(al.evidence, best)) {
                    best = al.evidence;
                    better_id = o.id;
                }
            }
        }
        diags.error({request.display_path, 0, 0}, "import-no-match",
                    "the document does not read as the policy '" + plan.policy_id + "': " + why_not_the_policy(plan.evidence) +
                        (better_id.empty() ? "" : "; it fits '" + better_id + "' better"),
                    [&] {
                        std::string hint = better_id.empty()
                                               ? "check that this is the school's " + plan.policy_title +
                                                     "; if it is another policy, import it with --policy and that policy's id; to keep it anyway as "
                                                     "the school's own clauses, pass --force"
                                               : "import it with --policy " + better_id + ", or pass --force to import it into '" + plan.policy_id + "' anyway";
                        std::string part = request.section.empty() ? section_hint(plan.doc.blocks, plan.policy_title) : "";
                        return part.empty() ? hint : part + "; or " + hint;
                    }());
        return plan;
    }

    if (trial.aligned.assembly.has_errors()) {
        diags.append(trial.aligned.assembly);
        return plan;
    }

    // A paragraph whose sentences read like different clauses is cut into parts, each a block of
    // its own, and the document aligned again: each part then goes to the clause it reads like.
    if (auto splits = split_paragraphs(plan.doc.blocks, trial.aligned.body, trial.targets, *trial.aligned.index); !splits.empty()) {
        auto renumbered = cut_blocks(plan.doc.blocks, splits);
        std::set<std::size_t> moved;
        for (std::size_t i : cover) moved.insert(renumbered[i]);
        cover.swap(moved);
        for (auto& i : plan.facts.cover_blocks) i = renumbered[i];
        align_blocks(trial.aligned, plan.doc, cover, trial.targets);
        plan.matched_share = trial.aligned.share;
        plan.evidence = trial.aligned.evidence;
        plan.placements = trial.aligned.placements;
    }

    // Clause outcomes.
    const auto& body = trial.aligned.body;
    const auto& placements = plan.placements;
    std::map<std::string, std::vector<std::size_t>> by_clause;  // clause id -> indexes into placements
    for (std::size_t k = 0; k < placements.size(); ++k)
        if (!placements[k].clause_id.empty()) by_clause[placements[k].clause_id].push_back(k);
    PolicyWrite pw = values;
    pw.params = trial.params;
    plan.fates.assign(plan.doc.blocks.size(), {});
    std::string previous_unit;  // the id of the clause or local clause last placed
    std::string first_clause;
    const model::School* provisional = trial.repo.school(request.school_id);
    std::map<std::string, std::string> doc_texts;  // clause id -> the document's words for it
    std::map<std::string, std::vector<ParamChange>> value_of;  // clause id -> the values that make it the model's words
    std::set<std::string> near_reworded;  // reworded clauses close enough to try switches on
    for (const auto& t : trial.targets) {
        const model::ClauseEntry* entry = trial.outline->entry(t.id);
        ClauseOutcome o;
        o.clause_id = t.id;
        o.title = t.title;
        auto it = by_clause.find(t.id);
        if (it == by_clause.end()) {
            if (entry && entry->optional) {
                o.outcome = "excluded";
                pw.exclude.push_back(t.id);
            } else {
                o.outcome = "gap";
            }
            plan.clauses.push_back(o);
            continue;
        }
        if (first_clause.empty()) first_clause = t.id;
        std::vector<std::size_t> idx;
        double sum = 0, words = 0;
        for (std::size_t k : it->second) {
            idx.push_back(placements[k].block);
            double w = util::word_count(plan.doc.blocks[placements[k].block].text);
            sum += placements[k].score * w;
            words += w;
        }
        o.blocks = idx;
        o.similarity = words > 0 ? sum / words : 0;
        std::string doc_text = plain_of(plan.doc.blocks, idx);
        doc_texts[t.id] = doc_text;
        if (same_words(doc_text, t.text)) {
            o.outcome = "same";
        } else if (auto changes = value_changes(doc_text, t.text, trial.repo, *provisional, *trial.outline)) {
            o.outcome = "params";
            value_of[t.id] = *changes;
        } else {
            o.outcome = "reworded";
            if (near(doc_text, t.text)) near_reworded.insert(t.id);
        }
        plan.clauses.push_back(o);
    }
    // Booleans and enums: a reworded clause that is the model's words under another value.
    for (auto& [id, c] : switch_changes(trial.repo, *provisional, *trial.outline, trial.aligned.model, trial.aligned.model_text, doc_texts, near_reworded))
        value_of[id] = {c};
    // Each parameter takes one value: a clause whose value another clause contradicts stays reworded.
    std::map<std::string, std::string> taken;  // param -> yaml
    for (auto& o : plan.clauses) {
        auto v = value_of.find(o.clause_id);
        if (o.blocks.empty() || o.outcome == "same") continue;
        bool fits = v != value_of.end();
        if (fits)
            for (const auto& c : v->second)
                if (taken.count(c.name) && taken[c.name] != c.yaml) fits = false;
        if (fits) {
            o.outcome = "params";
            for (const auto& c : v->second) {
                o.detail += (o.detail.empty() ? "" : ", ") + c.name + ": " + c.shown;
                if (taken.count(c.name)) continue;
                taken[c.name] = c.yaml;
                KeyValue kv{c.name, c.yaml, comment_quote(plan.doc.blocks[o.blocks.front()].text)};
                auto it2 = std::find_if(pw.params.begin(), pw.params.end(), [&](const KeyValue& x) { return x.key == kv.key; });
                if (it2 != pw.params.end())
                    *it2 = kv;
                else
                    pw.params.push_back(kv);
            }
            continue;
        }
        o.outcome = "reworded";
        auto it = by_clause.find(o.clause_id);
        OverrideWrite ow;
        ow.clause_id = o.clause_id;
        std::size_t first_k = it->second.front();
        ow.title = trial.aligned.title_before[first_k];
        ow.text = blocks_markdown(plan.doc.blocks, o.blocks);
        const Block& fb = plan.doc.blocks[o.blocks.front()];
        ow.comment = std::string("from ") + (fb.page ? "page " + std::to_string(fb.page) + ", " : "") +
                     (plan.doc.format == "docx" || plan.doc.format == "pdf" ? "paragraph " : "line ") + std::to_string(fb.position);
        pw.overrides.push_back(ow);
    }
    // Local clauses: runs of unmatched blocks, split at headings, each placed after what precedes it.
    int local_n = 0;
    std::set<std::string> taken_ids;
    if (const model::School* s = repo.school(request.school_id))
        for (const auto& p : s->policies)
            for (const auto& l : p.local) taken_ids.insert(l.id);  // this policy's too: the school file may keep them
    for (std::size_t k = 0; k < placements.size();) {
        if (!placements[k].clause_id.empty()) {
            previous_unit = placements[k].clause_id;
            ++k;
            continue;
        }
        LocalOutcome lo;
        std::size_t start = k;
        lo.title = trial.aligned.title_before[k];
        while (k < placements.size() && placements[k].clause_id.empty() && (k == start || trial.aligned.title_before[k].empty())) {
            lo.blocks.push_back(placements[k].block);
            if (placements[k].moved) {
                lo.moved = true;
                if (lo.moved_from.empty()) lo.moved_from = placements[k].best;
            }
            ++k;
        }
        do lo.id = "local.imported-" + std::to_string(++local_n);
        while (taken_ids.count(lo.id));
        if (lo.title.empty()) lo.title = short_title(plan.doc.blocks[lo.blocks.front()].text, "From the school's policy");
        if (!previous_unit.empty()) {
            lo.anchor_key = "after";
            lo.anchor = previous_unit;
        } else if (!first_clause.empty()) {
            lo.anchor_key = "before";
            lo.anchor = first_clause;
        } else {
            lo.anchor_key = "section";
            lo.anchor = trial.outline->sections.empty() ? "" : trial.outline->sections.front().id;
        }
        // Locals placed before the first clause go in order: each before the first clause, in turn.
        LocalWrite lw{lo.id, lo.anchor_key, lo.anchor, lo.title, blocks_markdown(plan.doc.blocks, lo.blocks), {}, false};
        const Block& fb = plan.doc.blocks[lo.blocks.front()];
        lw.comment = std::string("from ") + (fb.page ? "page " + std::to_string(fb.page) + ", " : "") +
                     (plan.doc.format == "docx" || plan.doc.format == "pdf" ? "paragraph " : "line ") + std::to_string(fb.position) +
                     (lo.moved ? "; reads like " + lo.moved_from + " but stands elsewhere in the document" : "");
        pw.local.push_back(lw);
        if (lo.anchor_key == "after") previous_unit = lo.id;
        plan.locals.push_back(lo);
    }
    // An existing entry: what the school file has and the document does not contradict stays.
    if (const model::SchoolPolicy* had = existing ? existing->policy(plan.policy_id) : nullptr) keep_school_choices(*had, *trial.outline, plan, pw);

    // Every block's fate, for the report.
    for (std::size_t i = 0; i < plan.doc.blocks.size(); ++i) {
        const Block& b = plan.doc.blocks[i];
        if (!b.dropped.empty())
            plan.fates[i] = {"dropped", "", "", b.dropped, nullptr};
        else if (cover.count(i))
            plan.fates[i] = {"title page", "", "", "carried as facts in the school file", nullptr};
        else if (b.kind == BlockKind::heading)
            plan.fates[i] = {"heading", "", "", "", nullptr};
    }
    for (const auto& p : plan.placements) {
        BlockFate f;
        f.placement = &p;
        if (!p.clause_id.empty()) {
            f.fate = "clause";
            f.clause_id = p.clause_id;
        } else {
            f.fate = "local";
            for (const auto& lo : plan.locals)
                if (std::find(lo.blocks.begin(), lo.blocks.end(), p.block) != lo.blocks.end()) f.local_id = lo.id;
        }
        plan.fates[p.block] = f;
    }
    (void)body;

    // The school file.
    std::string header = "Imported by clausebook import from " + request.file.filename().string() + " on " + util::to_iso(request.today) +
                         ".\nEach value's comment quotes the words it came from; overrides and local clauses are the document's own text.";
    try {
        if (plan.existed)
            plan.new_text = merge_school_file(plan.old_text, plan.path, plan.policy_id, pw, plan.notes);
        else
            plan.new_text = new_school_file(header, school_keys, plan.policy_id, pw);
    } catch (const std::exception& e) {
        diags.error({plan.path, 0, 0}, "import-school-file", e.what(), "edit the file by hand into block style, then import again");
        return plan;
    }
    if (auto a = fact("approved")) {
        plan.copy_date = util::parse_date(a->value);
        plan.copy_date_from = "approved";
    } else if (auto lr = fact("last_reviewed"); lr && lr->value.size() == 10) {
        plan.copy_date = util::parse_date(lr->value);
        plan.copy_date_from = "last reviewed";
    } else {
        plan.copy_date = request.today;
        plan.copy_date_from = "today (the document states no approval date)";
    }
    return plan;
}

}  // namespace clausebook::import
