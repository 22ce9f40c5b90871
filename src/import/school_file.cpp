#include "import/school_file.hpp"

#include <algorithm>
#include <sstream>

#include "import/yaml_lines.hpp"
#include "renew/yaml_edit.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

// One entry of an `exclude`, `overrides` or `local` block as the school file has it: its key
// (the clause id, or the local clause's id), its lines from the comment lines above it to its
// last line, and the indentation its first line has.
struct OldItem {
    std::string key;
    std::vector<std::string> lines;
    std::size_t leading = 0;  // how many of `lines` are the comment (or blank) lines above it
    int indent = 0;
};

// A block as the school file has it, to keep the clerk's comments when it is written again.
struct OldBlock {
    bool found = false;
    std::vector<std::string> lines;  // the whole block, its key's line first
    std::string key_comment;  // "# ..." after `key:` on its own line
    bool flow = false;  // `key: [...]`
    std::vector<OldItem> items;
    std::vector<std::string> tail;  // comment lines after the last entry
    const OldItem* item(const std::string& key) const {
        for (const auto& i : items)
            if (i.key == key) return &i;
        return nullptr;
    }
};

std::string unquote(std::string s) {
    s = std::string(util::trim(s));
    if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
    return s;
}

// The trailing comment of a line ("# ..."), outside quotes; empty when it has none.
std::string trailing_comment(const std::string& line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return line.substr(i);
        }
    }
    return {};
}

OldBlock read_old_block(const std::vector<std::string>& lines, std::size_t at, std::size_t end, int indent) {
    OldBlock b;
    b.found = true;
    b.lines.assign(lines.begin() + static_cast<std::ptrdiff_t>(at), lines.begin() + static_cast<std::ptrdiff_t>(end));
    // The comment with the spaces before it, as the clerk spaced it.
    b.key_comment = trailing_comment(lines[at]);
    if (!b.key_comment.empty()) {
        std::size_t from = lines[at].size() - b.key_comment.size();
        while (from > 0 && (lines[at][from - 1] == ' ' || lines[at][from - 1] == '\t')) --from;
        b.key_comment = lines[at].substr(from);
    }
    std::string after = std::string(util::trim(std::string_view(lines[at]).substr(lines[at].find(':') + 1)));
    b.flow = !after.empty() && after[0] != '#';
    if (b.flow) return b;
    // Entries start at the first content line's indentation: `key:` of a map, or `- ` of a list.
    int ci = child_indent(lines, at, end, indent + 2);
    std::vector<std::string> pending;
    for (std::size_t i = at + 1; i < end; ++i) {
        const std::string& l = lines[i];
        if (!is_content(l)) {
            pending.push_back(l);
            continue;
        }
        if (indent_of(l) == ci) {
            OldItem it;
            it.indent = ci;
            it.leading = pending.size();
            it.lines = pending;
            pending.clear();
            it.lines.push_back(l);
            std::string rest = std::string(util::trim(l));
            if (util::starts_with(rest, "- ")) rest = std::string(util::trim(std::string_view(rest).substr(2)));
            std::string c = trailing_comment(rest);
            if (!c.empty()) rest = std::string(util::trim(std::string_view(rest).substr(0, rest.size() - c.size())));
            if (util::starts_with(rest, "id:"))
                it.key = unquote(rest.substr(3));
            else if (rest.find(':') != std::string::npos)
                it.key = unquote(rest.substr(0, rest.find(':')));
            else
                it.key = unquote(rest);
            b.items.push_back(std::move(it));
            continue;
        }
        if (b.items.empty()) {
            pending.push_back(l);
            continue;
        }
        auto& cur = b.items.back();
        cur.lines.insert(cur.lines.end(), pending.begin(), pending.end());
        pending.clear();
        cur.lines.push_back(l);
        // A local clause written "- title: ...\n  id: x": its id from a later line.
        std::string first = std::string(util::trim(cur.lines[cur.leading]));
        std::string rest = std::string(util::trim(l));
        if (util::starts_with(first, "- ") && !util::starts_with(first, "- id:") && indent_of(l) == ci + 2 && util::starts_with(rest, "id:")) {
            std::string c = trailing_comment(rest);
            cur.key = unquote(rest.substr(3, rest.size() - 3 - c.size()));
        }
    }
    b.tail = pending;
    return b;
}

// `lines` moved from indentation `from` to `to` (blank lines stay blank).
std::vector<std::string> reindent(const std::vector<std::string>& lines, int from, int to) {
    std::vector<std::string> out;
    for (const auto& l : lines) {
        if (util::trim(l).empty() || from == to) {
            out.push_back(l);
        } else if (to > from) {
            out.push_back(spaces(to - from) + l);
        } else {
            int cut = std::min(from - to, indent_of(l));
            out.push_back(l.substr(static_cast<std::size_t>(cut)));
        }
    }
    return out;
}

// The old blocks of an entry being merged into (none for a new file or a new entry).
struct OldBlocks {
    OldBlock exclude, overrides, local;
};

std::string key_line(int c, const std::string& key, const OldBlock* old) {
    std::string l = spaces(c) + key + ":";
    if (old && old->found) l += old->key_comment;
    return l;
}

// An entry's lines: the school file's own, re-indented, when it is kept; else the generated
// ones, under the comment lines the school file had above it.
void put_item(std::vector<std::string>& out, const OldItem* had, bool kept, int indent, std::vector<std::string> generated) {
    if (had && kept) {
        auto l = reindent(had->lines, had->indent, indent);
        out.insert(out.end(), l.begin(), l.end());
        return;
    }
    if (had) {
        std::vector<std::string> lead(had->lines.begin(), had->lines.begin() + static_cast<std::ptrdiff_t>(had->leading));
        lead = reindent(lead, had->indent, indent);
        out.insert(out.end(), lead.begin(), lead.end());
    }
    out.insert(out.end(), generated.begin(), generated.end());
}

void put_tail(std::vector<std::string>& out, const OldBlock* old, int indent) {
    if (!old || !old->found || old->tail.empty()) return;
    int from = old->items.empty() ? indent : old->items.front().indent;
    auto l = reindent(old->tail, from, indent);
    out.insert(out.end(), l.begin(), l.end());
}

std::vector<std::string> generated_blocks(const PolicyWrite& p, int c, bool with_params, const OldBlocks* old = nullptr) {
    std::vector<std::string> out;
    if (with_params && !p.params.empty()) {
        out.push_back(spaces(c) + "params:");
        for (const auto& kv : p.params) out.push_back(with_comment(spaces(c + 2) + kv.key + ": " + kv.yaml, kv.comment));
    }
    if (!p.exclude.empty()) {
        const OldBlock* ob = old ? &old->exclude : nullptr;
        if (ob && ob->found && !ob->flow && !ob->items.empty()) {
            // A list the school file writes one entry a line: kept so, with its comments.
            out.push_back(key_line(c, "exclude", ob));
            for (const auto& id : p.exclude) put_item(out, ob->item(id), true, c + 2, {spaces(c + 2) + "- " + id});
            put_tail(out, ob, c + 2);
        } else if (ob && ob->found && ob->flow) {
            // Flow style as the school file has it: the same line when the list is the same.
            std::string had = std::string(util::trim(ob->lines.front()));
            std::string now = "exclude: [" + util::join(p.exclude, ", ") + "]";
            if (util::starts_with(had, now))
                out.push_back(reindent({ob->lines.front()}, indent_of(ob->lines.front()), c).front());
            else
                out.push_back(spaces(c) + now + ob->key_comment);
        } else {
            out.push_back(spaces(c) + "exclude: [" + util::join(p.exclude, ", ") + "]");
        }
    }
    if (!p.overrides.empty()) {
        const OldBlock* ob = old ? &old->overrides : nullptr;
        out.push_back(key_line(c, "overrides", ob));
        for (const auto& o : p.overrides) {
            std::vector<std::string> g;
            if (o.title.empty()) {
                g.push_back(with_comment(spaces(c + 2) + o.clause_id + ": |", o.comment));
                block_scalar(g, o.text, c + 4);
            } else {
                g.push_back(with_comment(spaces(c + 2) + o.clause_id + ":", o.comment));
                g.push_back(spaces(c + 4) + "title: " + renew::yaml_scalar(o.title));
                g.push_back(spaces(c + 4) + "text: |");
                block_scalar(g, o.text, c + 6);
            }
            put_item(out, ob ? ob->item(o.clause_id) : nullptr, o.kept, c + 2, g);
        }
        put_tail(out, ob, c + 2);
    }
    if (!p.local.empty()) {
        const OldBlock* ob = old ? &old->local : nullptr;
        out.push_back(key_line(c, "local", ob));
        for (const auto& l : p.local) {
            std::vector<std::string> g;
            g.push_back(with_comment(spaces(c + 2) + "- id: " + l.id, l.comment));
            g.push_back(spaces(c + 4) + l.anchor_key + ": " + l.anchor);
            g.push_back(spaces(c + 4) + "title: " + renew::yaml_scalar(l.title));
            g.push_back(spaces(c + 4) + "text: |");
            block_scalar(g, l.text, c + 6);
            const OldItem* had = ob ? ob->item(l.id) : nullptr;
            if (had && l.kept) {
                // Kept as written, but for its anchor, which the import may have had to move.
                OldItem fixed = *had;
                bool anchored = false;
                for (std::size_t k = fixed.leading; k < fixed.lines.size(); ++k) {
                    std::string& line = fixed.lines[k];
                    std::string t = std::string(util::trim(line));
                    if (util::starts_with(t, "- ")) t = t.substr(2);
                    for (const char* key : {"after", "before", "section"}) {
                        std::string form = std::string(key) + ":";
                        if (!util::starts_with(t, form)) continue;
                        anchored = true;
                        std::string value = std::string(util::trim(t.substr(form.size())));
                        std::string comment = trailing_comment(value);
                        if (!comment.empty()) value = std::string(util::trim(value.substr(0, value.size() - comment.size())));
                        if (key == l.anchor_key && unquote(value) == l.anchor) break;
                        std::size_t at = line.find(form);
                        line = line.substr(0, at) + l.anchor_key + ": " + l.anchor;  // the old comment described the old place
                    }
                }
                if (anchored) {
                    put_item(out, &fixed, true, c + 2, g);
                    continue;
                }
            }
            put_item(out, had, false, c + 2, g);
        }
        put_tail(out, ob, c + 2);
    }
    return out;
}

}  // namespace

std::string escape_markdown(const std::string& text, bool line_start) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool at_start = line_start && i == 0;
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|' || c == '~' || c == '&') {
            out += '\\';
            out += c;
        } else if (c == '{' && i + 1 < text.size() && text[i + 1] == '{') {
            out += "{\\";  // "{{" would open a placeholder
        } else if (at_start && (c == '#' || c == '-' || c == '+' || c == '=')) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    if (line_start) {
        // "1. " or "1) " at the start would be read as a numbered list
        std::size_t d = 0;
        while (d < out.size() && std::isdigit(static_cast<unsigned char>(out[d]))) ++d;
        if (d > 0 && d < 10 && d < out.size() && (out[d] == '.' || out[d] == ')')) out.insert(d, "\\");
    }
    return out;
}

std::string comment_quote(const std::string& words) {
    std::string t;
    for (char c : words) t += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    t = std::string(util::trim(t));
    if (t.size() > 100) {
        std::size_t cut = 97;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t = t.substr(0, cut) + "...";
    }
    return "\"" + t + "\"";
}

std::string new_school_file(const std::string& header_comment, const std::vector<KeyValue>& school, const std::string& policy_id, const PolicyWrite& policy) {
    std::vector<std::string> out;
    std::istringstream in(header_comment);
    std::string l;
    while (std::getline(in, l)) out.push_back("# " + l);
    out.push_back("school:");
    for (const auto& kv : school) out.push_back(with_comment("  " + kv.key + ": " + kv.yaml, kv.comment));
    out.push_back("policies:");
    out.push_back("  " + policy_id + ":");
    std::size_t entry_start = out.size();
    for (const auto& kv : policy.scalars) out.push_back(with_comment("    " + kv.key + ": " + kv.yaml, kv.comment));
    for (auto& g : generated_blocks(policy, 4, true)) out.push_back(g);
    if (out.size() == entry_start) out.back() += " {}";  // an entry with nothing to say is an empty map
    std::string text;
    for (auto& x : out) text += x + "\n";
    return text;
}

std::string merge_school_file(const std::string& text, const std::string& path, const std::string& policy_id, const PolicyWrite& policy,
                              std::vector<std::string>& notes) {
    std::vector<renew::ScalarEdit> edits;
    for (const auto& kv : policy.scalars) edits.push_back({kv.key, kv.yaml});
    std::string t = text;
    {
        YamlLines f(t);
        if (find_policy_entry(f, policy_id, path).line == std::string::npos) {
            // No entry yet: add the whole entry under policies: (adding policies: when missing).
            std::size_t policies = find_key(f.lines, 0, f.lines.size(), "policies", 0);
            std::vector<std::string> entry = {"  " + policy_id + ":"};
            for (const auto& kv : policy.scalars) entry.push_back(with_comment("    " + kv.key + ": " + kv.yaml, kv.comment));
            for (auto& g : generated_blocks(policy, 4, true)) entry.push_back(g);
            if (entry.size() == 1) entry[0] += " {}";
            if (policies == std::string::npos) {
                while (!f.lines.empty() && util::trim(f.lines.back()).empty()) f.lines.pop_back();
                f.lines.push_back("policies:");
                f.lines.insert(f.lines.end(), entry.begin(), entry.end());
            } else {
                std::size_t end = block_end(f.lines, policies, 0);
                f.lines.insert(f.lines.begin() + static_cast<std::ptrdiff_t>(end), entry.begin(), entry.end());
            }
            f.final_eol = true;
            return f.str();
        }
    }
    if (!edits.empty()) {
        // The values that are already there keep their own text; only changed ones are edited.
        t = renew::set_policy_scalars(t, path, policy_id, edits).text;
    }
    YamlLines f(t);
    PolicyEntry e = find_policy_entry(f, policy_id, path);
    for (const auto& kv : policy.scalars) {
        std::size_t at = find_key(f.lines, e.line + 1, e.end, kv.key, e.child);
        if (at != std::string::npos && f.lines[at].find('#') == std::string::npos && !kv.comment.empty()) f.lines[at] = with_comment(f.lines[at], kv.comment);
    }
    // params: set key by key.
    if (!policy.params.empty()) {
        std::size_t params = find_key(f.lines, e.line + 1, e.end, "params", e.child);
        if (params == std::string::npos) {
            std::vector<std::string> add = {spaces(e.child) + "params:"};
            for (const auto& kv : policy.params) add.push_back(with_comment(spaces(e.child + 2) + kv.key + ": " + kv.yaml, kv.comment));
            f.lines.insert(f.lines.begin() + static_cast<std::ptrdiff_t>(e.end), add.begin(), add.end());
        } else if (util::trim(f.lines[params]).size() > std::string("params:").size() && util::trim(f.lines[params])[7] != ' ') {
            notes.push_back("params of " + policy_id + " are written in flow style ({...}): not edited; set them by hand");
        } else {
            auto after = util::trim(std::string_view(f.lines[params]).substr(static_cast<std::size_t>(e.child) + 7));
            if (!after.empty() && after[0] != '#') {
                notes.push_back(path + ":" + std::to_string(params + 1) + ": params of " + policy_id +
                                " are written in flow style: not edited; set them by hand");
            } else {
                std::size_t pend = block_end(f.lines, params, e.child);
                int ci = child_indent(f.lines, params, pend, e.child + 2);
                for (const auto& kv : policy.params) {
                    std::size_t at = find_key(f.lines, params + 1, pend, kv.key, ci);
                    std::string line = with_comment(spaces(ci) + kv.key + ": " + kv.yaml, kv.comment);
                    if (at == std::string::npos) {
                        f.lines.insert(f.lines.begin() + static_cast<std::ptrdiff_t>(params + 1), line);
                        ++pend;
                    } else if (block_end(f.lines, at, ci) > at + 1) {
                        notes.push_back(path + ":" + std::to_string(at + 1) + ": " + kv.key + " is written over several lines: not changed to " + kv.yaml);
                    } else {
                        f.lines[at] = line;
                    }
                }
            }
        }
        e = find_policy_entry(f, policy_id, path);
    }
    // exclude, overrides, local: written again from `policy`, which holds what the school file
    // keeps of them as well as the document's (importer.cpp, keep_school_choices, notes each change).
    // The blocks as the school file had them are read first, so that the clerk's comments in
    // them are written back (generated_blocks).
    OldBlocks old;
    for (const char* key : {"exclude", "overrides", "local"}) {
        std::size_t at = find_key(f.lines, e.line + 1, e.end, key, e.child);
        if (at == std::string::npos) continue;
        std::size_t end = block_end(f.lines, at, e.child, e.child);  // a list may sit at its key's indentation
        OldBlock& ob = std::string(key) == "exclude" ? old.exclude : std::string(key) == "overrides" ? old.overrides : old.local;
        ob = read_old_block(f.lines, at, end, e.child);
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(at), f.lines.begin() + static_cast<std::ptrdiff_t>(end));
        e = find_policy_entry(f, policy_id, path);
    }
    auto gen = generated_blocks(policy, e.child, false, &old);
    std::size_t insert_at = e.end;
    f.lines.insert(f.lines.begin() + static_cast<std::ptrdiff_t>(insert_at), gen.begin(), gen.end());
    return f.str();
}

std::string remove_overrides(const std::string& text, const std::string& path, const std::string& policy_id, const std::vector<std::string>& clause_ids,
                             bool all, std::vector<std::string>& removed) {
    YamlLines f(text);
    PolicyEntry e = find_policy_entry(f, policy_id, path);
    if (e.line == std::string::npos) return text;
    std::size_t ov = find_key(f.lines, e.line + 1, e.end, "overrides", e.child);
    if (ov == std::string::npos) return text;
    auto after = util::trim(std::string_view(f.lines[ov]).substr(static_cast<std::size_t>(e.child) + 10));
    if (!after.empty() && after[0] != '#')
        throw util::Fatal(path + ":" + std::to_string(ov + 1) + ":" + std::to_string(e.child + 1) +
                          ": error: the overrides are written in flow style ({...}); adopt edits block style only [import-school-file]");
    std::size_t end = block_end(f.lines, ov, e.child);
    int ci = child_indent(f.lines, ov, end, e.child + 2);
    std::vector<std::pair<std::size_t, std::size_t>> cut;
    std::size_t kept = 0;
    for (std::size_t i = ov + 1; i < end; ++i) {
        if (!is_content(f.lines[i]) || indent_of(f.lines[i]) != ci) continue;
        std::string line = f.lines[i].substr(static_cast<std::size_t>(ci));
        std::string id = line.substr(0, line.find(':'));
        if (id.size() >= 2 && (id.front() == '"' || id.front() == '\'')) id = id.substr(1, id.size() - 2);
        std::size_t stop = block_end(f.lines, i, ci);
        if (all || std::find(clause_ids.begin(), clause_ids.end(), id) != clause_ids.end()) {
            cut.push_back({i, stop});
            removed.push_back(id);
        } else {
            ++kept;
        }
        i = stop - 1;
    }
    if (kept == 0 && !cut.empty()) cut = {{ov, end}};
    for (auto it = cut.rbegin(); it != cut.rend(); ++it)
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(it->first), f.lines.begin() + static_cast<std::ptrdiff_t>(it->second));
    return f.str();
}

}  // namespace clausebook::import
