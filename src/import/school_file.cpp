#include "import/school_file.hpp"

#include <algorithm>
#include <sstream>

#include "import/yaml_lines.hpp"
#include "renew/yaml_edit.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

std::vector<std::string> generated_blocks(const PolicyWrite& p, int c, bool with_params) {
    std::vector<std::string> out;
    if (with_params && !p.params.empty()) {
        out.push_back(spaces(c) + "params:");
        for (const auto& kv : p.params) out.push_back(with_comment(spaces(c + 2) + kv.key + ": " + kv.yaml, kv.comment));
    }
    if (!p.exclude.empty()) out.push_back(spaces(c) + "exclude: [" + util::join(p.exclude, ", ") + "]");
    if (!p.overrides.empty()) {
        out.push_back(spaces(c) + "overrides:");
        for (const auto& o : p.overrides) {
            if (o.title.empty()) {
                out.push_back(with_comment(spaces(c + 2) + o.clause_id + ": |", o.comment));
                block_scalar(out, o.text, c + 4);
            } else {
                out.push_back(with_comment(spaces(c + 2) + o.clause_id + ":", o.comment));
                out.push_back(spaces(c + 4) + "title: " + renew::yaml_scalar(o.title));
                out.push_back(spaces(c + 4) + "text: |");
                block_scalar(out, o.text, c + 6);
            }
        }
    }
    if (!p.local.empty()) {
        out.push_back(spaces(c) + "local:");
        for (const auto& l : p.local) {
            out.push_back(with_comment(spaces(c + 2) + "- id: " + l.id, l.comment));
            out.push_back(spaces(c + 4) + l.anchor_key + ": " + l.anchor);
            out.push_back(spaces(c + 4) + "title: " + renew::yaml_scalar(l.title));
            out.push_back(spaces(c + 4) + "text: |");
            block_scalar(out, l.text, c + 6);
        }
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

std::string new_school_file(const std::string& header_comment, const std::vector<KeyValue>& school, const std::string& policy_id,
                            const PolicyWrite& policy) {
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
                notes.push_back(path + ":" + std::to_string(params + 1) + ": params of " + policy_id + " are written in flow style: not edited; set them by hand");
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
    for (const char* key : {"exclude", "overrides", "local"}) {
        std::size_t at = find_key(f.lines, e.line + 1, e.end, key, e.child);
        if (at == std::string::npos) continue;
        std::size_t end = block_end(f.lines, at, e.child);
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(at), f.lines.begin() + static_cast<std::ptrdiff_t>(end));
        e = find_policy_entry(f, policy_id, path);
    }
    auto gen = generated_blocks(policy, e.child, false);
    std::size_t insert_at = e.end;
    f.lines.insert(f.lines.begin() + static_cast<std::ptrdiff_t>(insert_at), gen.begin(), gen.end());
    return f.str();
}

std::string remove_overrides(const std::string& text, const std::string& path, const std::string& policy_id,
                             const std::vector<std::string>& clause_ids, bool all, std::vector<std::string>& removed) {
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
