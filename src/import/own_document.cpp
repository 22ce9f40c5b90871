#include "import/own_document.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "assemble/assembler.hpp"
#include "import/facts.hpp"
#include "import/school_file.hpp"
#include "import/zip_reader.hpp"
#include "lang/mustache.hpp"
#include "renew/renewal.hpp"
#include "renew/yaml_edit.hpp"
#include "util/escape.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"
#include "write/docx/own_marks.hpp"
#include "write/writer.hpp"

namespace clausebook::import {

namespace fs = std::filesystem;
namespace marks = write::docx;

namespace {

std::optional<OwnIdentity> identity_of(const std::map<std::string, std::string>& props) {
    auto get = [&](const char* name) {
        auto it = props.find(name);
        return it == props.end() ? std::string() : it->second;
    };
    OwnIdentity id;
    id.school_id = get(marks::k_prop_school);
    id.policy_id = get(marks::k_prop_policy);
    if (id.school_id.empty() || id.policy_id.empty()) return std::nullopt;
    id.school_name = get(marks::k_prop_school_name);
    id.version = get(marks::k_prop_version);
    id.fingerprint = get(marks::k_prop_fingerprint);
    const std::string cover_prefix = marks::k_prop_cover_prefix;
    for (const auto& [name, value] : props)
        if (name.compare(0, cover_prefix.size(), cover_prefix) == 0) id.cover[name.substr(cover_prefix.size())] = value;
    std::vector<std::pair<long, OwnIdentity::Mark>> found;
    const std::string prefix = marks::k_prop_clause_prefix;
    for (const auto& [name, value] : props) {
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        std::istringstream in(value);
        OwnIdentity::Mark m;
        if (!(in >> m.bookmark >> m.clause_id >> m.fingerprint)) continue;
        found.emplace_back(std::strtol(name.c_str() + prefix.size(), nullptr, 10), m);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& f : found) id.clauses.push_back(f.second);
    return id;
}

// A stretch of the document: the title page, a section heading, a clause (from its bookmarked
// heading to the next heading), or text an editor put under a section heading before its first
// clause.
struct Unit {
    enum class Kind { front, section, clause, intro } kind = Kind::front;
    std::string clause_id;
    std::string title;
    std::vector<std::size_t> blocks;  // body blocks, in order
    int position = 0;  // the paragraph where it starts
};

// The length of a heading number typed at the start of `text` ("3 ", "3.2 "), else 0.
std::size_t typed_number(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || (i > 0 && text[i] == '.'))) ++i;
    return i > 0 && i < text.size() && text[i] == ' ' ? i + 1 : 0;
}

// A heading's title without its number: the reader splits a number off only when the rest
// reads like a heading, and clausebook's numbers change when a clause is deleted.
std::string title_of(const Block& b) { return b.number.empty() ? b.text.substr(typed_number(b.text)) : b.text; }

// A section heading clausebook wrote: Heading 1 with its number ("3 Staff").
bool section_heading(const Block& b) {
    if (b.kind != BlockKind::heading || b.level != 1) return false;
    if (!b.number.empty()) return std::all_of(b.number.begin(), b.number.end(), [](unsigned char c) { return std::isdigit(c); });
    std::size_t n = typed_number(b.text);
    return n > 0 && b.text.substr(0, n - 1).find('.') == std::string::npos;
}

std::vector<Unit> units_of(const ImportedDocument& doc, const std::map<std::string, std::string>& bookmark_to_id) {
    std::vector<Unit> out;
    Unit cur;
    bool cover_seen = false;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        std::string id;
        for (const auto& bm : b.bookmarks)
            if (auto it = bookmark_to_id.find(bm); it != bookmark_to_id.end()) id = it->second;
        if ((b.dropped == "contents page" && id.empty()) || page_furniture(b)) continue;
        if (!id.empty()) {
            out.push_back(std::move(cur));
            cur = Unit{Unit::Kind::clause, id, title_of(b), {}, b.position};
            continue;
        }
        if (cur.kind == Unit::Kind::front) {
            if (b.kind == BlockKind::table) cover_seen = true;
            if (!(cover_seen && section_heading(b))) {
                cur.blocks.push_back(i);
                continue;
            }
        }
        if (section_heading(b)) {
            out.push_back(std::move(cur));
            cur = Unit{Unit::Kind::section, "", title_of(b), {}, b.position};
            continue;
        }
        if (cur.kind == Unit::Kind::section) {
            out.push_back(std::move(cur));
            cur = Unit{Unit::Kind::intro, "", "", {}, b.position};
        }
        cur.blocks.push_back(i);
    }
    out.push_back(std::move(cur));
    return out;
}

// A block's text as the writer's fingerprint reads it: list numbers come from numbering.xml, not
// the text, and a table's cells are its text.
std::string block_text(const Block& b) {
    if (b.kind == BlockKind::table) {
        std::string t;
        for (const auto& r : b.cells)
            for (const auto& c : r) t += c + " ";
        return t;
    }
    return (b.kind == BlockKind::list_item ? std::string() : b.number + " ") + b.text;
}

std::string unit_fingerprint(const ImportedDocument& doc, const Unit& u) {
    std::string body;
    for (std::size_t i : u.blocks) body += block_text(doc.blocks[i]) + " ";
    return marks::text_fingerprint(u.title, marks::body_digest(body));
}

std::vector<std::string> canonical_blocks(const ImportedDocument& doc, const Unit& u) {
    std::vector<std::string> out;
    for (std::size_t i : u.blocks) out.push_back(marks::canonical_text(block_text(doc.blocks[i])));
    return out;
}

// The cover table's values by school-file key.
std::map<std::string, std::string> cover_of(const ImportedDocument& doc, const Unit& front) {
    std::map<std::string, std::string> out;
    for (std::size_t i : front.blocks) {
        const Block& b = doc.blocks[i];
        if (b.kind != BlockKind::table) continue;
        for (const auto& row : b.cells) {
            if (row.size() < 2) continue;
            std::string key = marks::cover_key(clean_line(row[0]));
            if (!key.empty()) out[key] = clean_line(row[1]);
        }
        break;
    }
    return out;
}

std::string where(const ImportedDocument& doc, const Unit& u) {
    return "from " + fs::path(doc.path).filename().string() + ", paragraph " +
           std::to_string(u.blocks.empty() ? u.position : doc.blocks[u.blocks.front()].position);
}

// The placeholders of the clause's own wording (the school's override, else its variant, else the
// library's) written back into `markdown`, the document's text of the edited clause: a
// top-level {{name}} whose value (four characters or more) the clause showed only through that
// placeholder has every occurrence of its value in `markdown` made the placeholder again. The
// names kept are added to `kept`.
std::string keep_placeholders(const model::Repository& repo, const model::SchoolPolicy* entry, const std::string& clause_id, const model::Value& context,
                              const std::string& rendered, std::string markdown, std::vector<std::string>& kept) {
    const model::Template* t = nullptr;
    if (entry)
        for (const auto& o : entry->overrides)
            if (o.clause_id == clause_id) t = &o.text_template;
    auto files = repo.clauses.find(clause_id);
    if (!t && files != repo.clauses.end() && !files->second.empty()) {
        std::string variant;
        if (entry)
            for (const auto& v : entry->variants)
                if (v.clause_id == clause_id) variant = v.variant;
        t = &files->second.front().body_template;
        for (const auto& f : files->second)
            if (f.variant == variant) t = &f.body_template;
    }
    if (!t) return markdown;
    auto count = [](const std::string& in, const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = in.find(what); !what.empty() && at != std::string::npos; at = in.find(what, at + what.size())) ++n;
        return n;
    };
    std::set<std::string> done;
    for (const auto& node : t->nodes) {
        if (node.kind != model::MustacheNode::Kind::variable || done.count(node.text)) continue;
        done.insert(node.text);
        std::size_t uses = 0;
        for (const auto& n : t->nodes)
            if (n.kind == node.kind && n.text == node.text) ++uses;
        model::Template one;
        one.nodes.push_back(node);
        one.has_tags = true;
        lang::RenderOptions plain_opt, md_opt;
        md_opt.escape = util::escape_markdown;
        std::string plain = lang::render(one, context, plain_opt), shown = lang::render(one, context, md_opt);
        if (plain.size() < 4 || count(rendered, shown) != uses) continue;
        std::string written = escape_markdown(plain, false);
        std::string tag = "{{" + node.text + "}}";
        std::string out;
        bool any = false;
        for (std::size_t at = 0;;) {
            std::size_t hit = markdown.find(written, at);
            if (hit == std::string::npos) {
                out += markdown.substr(at);
                break;
            }
            out += markdown.substr(at, hit - at) + tag;
            at = hit + written.size();
            any = true;
        }
        if (any) {
            markdown = out;
            kept.push_back(node.text);
        }
    }
    return markdown;
}

}  // namespace

std::optional<OwnIdentity> own_identity(const ImportedDocument& doc) { return identity_of(doc.properties); }

std::optional<OwnIdentity> own_identity(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".docx") return std::nullopt;
    auto r = util::read_file(file, 256u << 20);
    if (!r.text) return std::nullopt;
    ReadOptions limits;
    ZipPackage zip(*r.text, limits.max_part_bytes, limits.max_total_bytes);
    if (!zip.ok() || !zip.has("docProps/custom.xml")) return std::nullopt;
    auto xml = zip.read("docProps/custom.xml");
    if (!xml || xml->find("<!DOCTYPE") != std::string::npos || xml->find("<!ENTITY") != std::string::npos) return std::nullopt;
    pugi::xml_document d;
    if (!d.load_buffer(xml->data(), xml->size())) return std::nullopt;
    std::map<std::string, std::string> props;
    for (auto p : d.child("Properties").children("property")) props[p.attribute("name").value()] = p.first_child().text().get();
    return identity_of(props);
}

OwnPlan plan_own_import(const model::Repository& repo, const Request& request, const OwnIdentity& identity, util::Diagnostics& diags) {
    OwnPlan plan;
    plan.identity = identity;
    std::string whose = (identity.school_name.empty() ? identity.school_id : identity.school_name + " (" + identity.school_id + ")");
    if (identity.school_id != request.school_id || (!request.policy_id.empty() && request.policy_id != identity.policy_id)) {
        const model::School* asked = repo.school(request.school_id);
        std::string asked_name = asked ? asked->name + " (" + request.school_id + ")" : request.school_id;
        diags.error(
            {request.display_path, 0, 0}, "import-own-other",
            "this is clausebook's document of " + whose + ", policy '" + identity.policy_id + "'; it cannot be taken back into " + asked_name +
                (request.policy_id.empty() ? std::string() : ", policy '" + request.policy_id + "'"),
            "import it with --school " + identity.school_id + " (and --policy " + identity.policy_id + "), or import " + asked_name + "'s own document");
        return plan;
    }
    const model::School* school = repo.school(identity.school_id);
    const model::Outline* outline = repo.outline(identity.policy_id);
    if (!school) {
        plan.fall_back = true;
        plan.fall_back_reason = "the document is clausebook's own, but the repository has no school file for " + identity.school_id;
        return plan;
    }
    if (!outline) {
        diags.error({request.display_path, 0, 0}, "import-own-policy",
                    "this is clausebook's document of policy '" + identity.policy_id + "', which the repository no longer has (no templates/" +
                        identity.policy_id + ".yaml)",
                    "import it with --policy POLICY to align it with another outline by its words");
        return plan;
    }
    plan.path = school->path;
    plan.file = repo.root / school->path;
    plan.doc = read_document(request.file, request.display_path, request.read, diags);
    if (diags.has_errors()) return plan;

    std::map<std::string, std::string> bookmark_to_id;
    for (const auto& m : identity.clauses) bookmark_to_id[m.bookmark] = m.clause_id;
    bool any_marker = std::any_of(plan.doc.blocks.begin(), plan.doc.blocks.end(), [&](const Block& b) {
        return std::any_of(b.bookmarks.begin(), b.bookmarks.end(), [&](const std::string& n) { return bookmark_to_id.count(n) > 0; });
    });
    if (!any_marker) {
        plan.fall_back = true;
        plan.fall_back_reason = "the document is clausebook's own (" + whose + ", " + identity.policy_id +
                                ") but its clause bookmarks are gone (an editor removed them), so it cannot be mapped exactly";
        return plan;
    }

    // What the repository builds now, read back the same way.
    util::Diagnostics assembly;
    model::Document now = assemble::assemble_document(repo, *school, *outline, assembly);
    if (assembly.has_errors()) {
        diags.append(assembly);
        return plan;
    }
    write::WriteOptions wo;
    wo.allow_raw_html = repo.config.allow_raw_html;
    util::Diagnostics ignore;
    ImportedDocument built = read_docx(write::write_docx(now, wo), "(built now)", ReadOptions{}, ignore);
    OwnIdentity current = identity_of(built.properties).value_or(OwnIdentity{});
    for (const auto& m : current.clauses) bookmark_to_id[m.bookmark] = m.clause_id;
    std::map<std::string, std::string> stored_fp, current_fp;
    for (const auto& m : identity.clauses) stored_fp[m.clause_id] = m.fingerprint;
    for (const auto& m : current.clauses) current_fp[m.clause_id] = m.fingerprint;
    std::vector<Unit> edited = units_of(plan.doc, bookmark_to_id), now_units = units_of(built, bookmark_to_id);
    std::map<std::string, const Unit*> now_clause;
    for (const auto& u : now_units)
        if (u.kind == Unit::Kind::clause) now_clause[u.clause_id] = &u;

    for (const auto& m : identity.clauses) {
        auto it = current_fp.find(m.clause_id);
        if (it == current_fp.end())
            plan.underneath.push_back(m.clause_id + ": no longer in the policy as the repository builds it now");
        else if (it->second != m.fingerprint)
            plan.underneath.push_back(m.clause_id + ": its text or title in the repository changed since the document was built");
    }
    for (const auto& m : current.clauses)
        if (!stored_fp.count(m.clause_id)) plan.underneath.push_back(m.clause_id + ": added to the policy since the document was built");

    auto file = util::read_file(plan.file);
    if (!file.text) {
        diags.error({plan.path, 0, 0}, "import-school-file", "cannot read the school file: it " + file.error, "check the file");
        return plan;
    }
    plan.old_text = *file.text;
    std::string text = plan.old_text;

    // The cover table: the change renew makes.
    {
        // Compared with the cover as the document was built (a renewal recorded since is no edit),
        // or, for a document that does not say, with the cover as it is built now.
        auto e = cover_of(plan.doc, edited.front());
        auto c = identity.cover.empty() ? cover_of(built, now_units.front()) : identity.cover;
        auto value = [](const std::map<std::string, std::string>& m, const char* k) {
            auto it = m.find(k);
            std::string v = it == m.end() ? std::string() : it->second;
            return v == "Not recorded" || v == "Not set" ? std::string() : v;
        };
        auto changed = [&](const char* k) { return e.count(k) && value(e, k) != value(c, k) && !value(e, k).empty(); };
        std::vector<renew::ScalarEdit> edits;
        if (changed("approved")) {
            std::string iso = parse_written_date(value(e, "approved"));
            auto date = util::parse_date(iso);
            if (!date) {
                diags.error({request.display_path, 0, 0}, "import-own-cover", "the cover's approval date '" + value(e, "approved") + "' is not a date",
                            "write it as a day, such as 18 November 2026, and import again");
                return plan;
            }
            renew::Request rr;
            rr.school_id = identity.school_id;
            rr.policy_id = identity.policy_id;
            rr.approved = *date;
            if (changed("approved_by")) rr.approved_by = value(e, "approved_by");
            if (changed("minute")) rr.minute = value(e, "minute");
            rr.today = request.today;
            renew::Plan rp = renew::plan_renewal(repo, rr, diags);
            if (diags.has_errors()) return plan;
            text = rp.new_text;
            for (const auto& ch : rp.changes)
                plan.changes.push_back({"cover", ch.key, (ch.before.empty() ? "(none)" : ch.before) + " -> " + ch.after + " (as renew records an approval)"});
        } else {
            for (const char* k : {"approved_by", "minute"})
                if (changed(k)) edits.push_back({k, value(e, k)});
            if (changed("next_review")) {
                std::string iso = parse_written_date(value(e, "next_review"));
                if (iso.empty()) {
                    diags.error({request.display_path, 0, 0}, "import-own-cover", "the cover's next review '" + value(e, "next_review") + "' is not a date",
                                "write it as a day or a month, such as April 2027, and import again");
                    return plan;
                }
                edits.push_back({"next_review", iso});
            }
            if (!edits.empty()) {
                auto out = renew::set_policy_scalars(text, plan.path, identity.policy_id, edits);
                for (std::size_t k = 0; k < edits.size(); ++k)
                    plan.changes.push_back({"cover", edits[k].key, (out.before[k].empty() ? "(none)" : out.before[k]) + " -> " + edits[k].value});
                text = out.text;
            }
        }
    }

    // The clauses, in the document's order.
    const model::SchoolPolicy* entry = school->policy(identity.policy_id);
    const model::Value context = assemble::make_context(repo, *school, *outline, now.meta);
    auto is_local = [&](const std::string& id) {
        return entry && std::any_of(entry->local.begin(), entry->local.end(), [&](const model::LocalClause& l) { return l.id == id; });
    };
    auto has_override = [&](const std::string& id) {
        return entry && std::any_of(entry->overrides.begin(), entry->overrides.end(), [&](const model::Override& o) { return o.clause_id == id; });
    };
    std::set<std::string> taken;
    for (const auto& [id, c] : repo.clauses) taken.insert(id);
    for (const auto& p : school->policies)
        for (const auto& l : p.local) taken.insert(l.id);
    int local_n = 0;
    auto new_local = [&] {
        std::string id;
        do id = "local.edited-" + std::to_string(++local_n);
        while (taken.count(id));
        taken.insert(id);
        return id;
    };
    std::set<std::string> present;
    std::string previous;  // the last clause or local clause kept, for placing new text after it
    auto add_local = [&](const std::vector<std::size_t>& blocks, const std::string& title, const Unit& u, std::size_t next_unit) {
        std::string id = new_local();
        std::string key = "after", anchor = previous;
        if (anchor.empty()) {
            key = "before";
            for (std::size_t k = next_unit; k < edited.size() && anchor.empty(); ++k)
                if (edited[k].kind == Unit::Kind::clause && current_fp.count(edited[k].clause_id)) anchor = edited[k].clause_id;
        }
        if (anchor.empty()) {
            key = "section";
            anchor = outline->sections.empty() ? std::string() : outline->sections.back().id;
        }
        std::string t = title.empty() ? short_title(plan.doc.blocks[blocks.front()].text, "Added in Word") : title;
        text = set_local(text, plan.path, identity.policy_id, id, key, anchor, t, blocks_markdown(plan.doc.blocks, blocks), comment_quote(where(plan.doc, u)));
        plan.changes.push_back(
            {"added", id, std::to_string(blocks.size()) + (blocks.size() == 1 ? " paragraph" : " paragraphs") + ", placed " + key + " " + anchor});
        previous = id;
    };
    for (std::size_t k = 0; k < edited.size(); ++k) {
        const Unit& u = edited[k];
        if (u.kind == Unit::Kind::front || u.kind == Unit::Kind::section) continue;
        if (u.kind == Unit::Kind::intro) {
            if (!u.blocks.empty()) add_local(u.blocks, "", u, k + 1);
            continue;
        }
        if (u.blocks.empty()) continue;  // a heading with nothing under it: the clause is deleted
        present.insert(u.clause_id);
        auto st = stored_fp.find(u.clause_id);
        auto cur = current_fp.find(u.clause_id);
        std::string fp = unit_fingerprint(plan.doc, u);
        bool edited_here = st == stored_fp.end() || fp != st->second;
        bool in_policy = cur != current_fp.end();
        if (!edited_here) {
            if (in_policy) previous = u.clause_id;
            continue;
        }
        bool underneath = in_policy && st != stored_fp.end() && cur->second != st->second;
        if (!in_policy && !is_local(u.clause_id)) {
            add_local(u.blocks, u.title, u, k + 1);
            plan.changes.back().kind = "gone";
            plan.changes.back().detail = u.clause_id + " is no longer in the library or the policy: its edited text is kept as local clause " + previous +
                                         " (" + plan.changes.back().detail + ")";
            continue;
        }
        const Unit* was = now_clause.count(u.clause_id) ? now_clause[u.clause_id] : nullptr;
        if (is_local(u.clause_id)) {
            std::string title = was && marks::canonical_text(was->title) == marks::canonical_text(u.title) ? was->title : u.title;
            text = set_local(text, plan.path, identity.policy_id, u.clause_id, "", "", title, blocks_markdown(plan.doc.blocks, u.blocks),
                             comment_quote(where(plan.doc, u)));
            plan.changes.push_back({"edited", u.clause_id, "the school's own clause: its text replaced by the document's"});
            previous = u.clause_id;
            continue;
        }
        // Paragraphs added before or after a clause left as it was: a local clause there.
        if (was && !underneath && marks::canonical_text(was->title) == marks::canonical_text(u.title)) {
            auto e = canonical_blocks(plan.doc, u), c = canonical_blocks(built, *was);
            if (e.size() > c.size() && !c.empty()) {
                std::size_t extra = e.size() - c.size();
                if (std::equal(c.begin(), c.end(), e.begin())) {
                    previous = u.clause_id;
                    add_local(std::vector<std::size_t>(u.blocks.end() - static_cast<std::ptrdiff_t>(extra), u.blocks.end()), "", u, k + 1);
                    continue;
                }
                if (std::equal(c.begin(), c.end(), e.begin() + static_cast<std::ptrdiff_t>(extra))) {
                    add_local(std::vector<std::size_t>(u.blocks.begin(), u.blocks.begin() + static_cast<std::ptrdiff_t>(extra)), "", u, k + 1);
                    previous = u.clause_id;
                    continue;
                }
            }
        }
        std::string title = was && marks::canonical_text(was->title) != marks::canonical_text(u.title) ? u.title : std::string();
        std::vector<std::string> kept;
        const model::Clause* now_cl = now.find(u.clause_id);
        std::string md =
            keep_placeholders(repo, entry, u.clause_id, context, now_cl ? now_cl->markdown : std::string(), blocks_markdown(plan.doc.blocks, u.blocks), kept);
        text = set_override(text, plan.path, identity.policy_id, u.clause_id, title, md, comment_quote(where(plan.doc, u)));
        plan.changes.push_back(
            {"edited", u.clause_id,
             std::string(has_override(u.clause_id) ? "the school's override replaced" : "an override") + " with the document's text" +
                 (kept.empty() ? "" : " (placeholders kept: " + util::join(kept, ", ") + ")") + (title.empty() ? "" : ", titled \"" + title + "\"") +
                 (underneath ? "; the repository's text of this clause also changed since the document was built, and the editor's wording replaces it" : "")});
        previous = u.clause_id;
    }
    for (const auto& m : identity.clauses) {
        if (present.count(m.clause_id) || !current_fp.count(m.clause_id)) continue;
        if (is_local(m.clause_id)) {
            text = remove_local(text, plan.path, identity.policy_id, m.clause_id);
            plan.changes.push_back({"deleted", m.clause_id, "the school's own clause removed"});
            continue;
        }
        if (has_override(m.clause_id)) {
            std::vector<std::string> removed;
            text = remove_overrides(text, plan.path, identity.policy_id, {m.clause_id}, false, removed);
        }
        text = add_exclusion(text, plan.path, identity.policy_id, m.clause_id);
        const model::ClauseEntry* ce = outline->entry(m.clause_id);
        plan.changes.push_back(
            {"deleted", m.clause_id, std::string("excluded") + (ce && !ce->optional ? " (a required clause: check reports it as left out)" : "")});
    }
    plan.new_text = text;

    // Tracked changes and comments, with the clause they sit on.
    for (const auto& n : plan.doc.notes) {
        std::string on = "the title page";
        for (const auto& u : edited) {
            if (u.position > n.position) continue;  // the last unit starting at or before the note's paragraph
            on = u.kind == Unit::Kind::clause    ? u.clause_id
                 : u.kind == Unit::Kind::section ? "section heading \"" + u.title + "\""
                 : u.kind == Unit::Kind::intro   ? "text under a section heading"
                                                 : "the title page";
        }
        std::string state = n.kind == "comment"                       ? ""
                            : request.read.changes == Changes::accept ? " (accepted)"
                            : request.read.changes == Changes::reject ? " (rejected)"
                                                                      : "";
        plan.notes.push_back(n.kind + state + " by " + (n.author.empty() ? "unknown" : n.author) + (n.date.empty() ? "" : " on " + n.date) + " in " + on +
                             ": \"" + n.text + "\"");
    }
    return plan;
}

std::string render_own_report(const OwnPlan& p) {
    std::ostringstream o;
    const auto& id = p.identity;
    o << "clausebook's own document: " << (id.school_name.empty() ? id.school_id : id.school_name) << " (" << id.school_id << "), policy " << id.policy_id
      << ", written by clausebook " << (id.version.empty() ? "(version not recorded)" : id.version) << "\n";
    o << "Mapped by its clause bookmarks, exactly (no alignment by words).\n";
    if (!p.underneath.empty()) {
        o << "\nChanged in the repository since the document was built (not by the editor):\n";
        for (const auto& u : p.underneath) o << "  " << u << "\n";
    }
    o << "\nThe editor's changes:\n";
    if (p.changes.empty()) o << "  none: the document reads as clausebook built it\n";
    for (const auto& c : p.changes) o << "  " << c.kind << "  " << c.clause_id << ": " << c.detail << "\n";
    if (!p.notes.empty()) {
        o << "\nTracked changes and comments:\n";
        for (const auto& n : p.notes) o << "  " << n << "\n";
    }
    return o.str();
}

}  // namespace clausebook::import
