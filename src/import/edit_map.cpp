// The school-file edits of issue 16 (own_document.hpp): one override, one exclusion, one local
// clause set or removed in a policy entry, as text, so that every other line stays as written.
#include "import/own_document.hpp"
#include "import/yaml_lines.hpp"
#include "renew/yaml_edit.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

// The key of a mapping line ("id: ...", "- id: ..." gives "- id"), unquoted.
std::string key_of(const std::string& line, int at) {
    std::string rest = line.substr(static_cast<std::size_t>(at));
    std::size_t colon = rest.find(':');
    std::string k = rest.substr(0, colon);
    if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'') && k.back() == k.front()) k = k.substr(1, k.size() - 2);
    return k;
}

// The policy's entry, which an own document's policy always has in its school file.
PolicyEntry entry(const YamlLines& f, const std::string& path, const std::string& policy_id) {
    if (find_key(f.lines, 0, f.lines.size(), "policies", 0) == std::string::npos)
        throw util::Fatal(path + ": error: the school file has no policies: entry [import-school-file]");
    PolicyEntry e = find_policy_entry(f, policy_id, path);
    if (e.line == std::string::npos) throw util::Fatal(path + ": error: the school file has no entry for policy '" + policy_id + "' [import-school-file]");
    return e;
}

// The block under `key` in the entry (its line and end), npos when absent. A value on the key's
// own line (flow style) is refused.
std::pair<std::size_t, std::size_t> section(const YamlLines& f, const PolicyEntry& e, const std::string& key, const std::string& path,
                                            bool allow_flow = false) {
    std::size_t at = find_key(f.lines, e.line + 1, e.end, key, e.child);
    if (at == std::string::npos) return {at, at};
    auto after = util::trim(std::string_view(f.lines[at]).substr(f.lines[at].find(':') + 1));
    if (!allow_flow && !after.empty() && after[0] != '#')
        throw util::Fatal(path + ":" + std::to_string(at + 1) + ":" + std::to_string(e.child + 1) + ": error: " + key +
                          " is written in flow style; import edits block style only [import-school-file]");
    return {at, block_end(f.lines, at, e.child, e.child)};
}

}  // namespace

std::string set_override(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& clause_id, const std::string& title,
                         const std::string& markdown, const std::string& comment) {
    YamlLines f(text);
    PolicyEntry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "overrides", path);
    int ci = at == std::string::npos ? e.child + 2 : child_indent(f.lines, at, end, e.child + 2);
    std::vector<std::string> item;
    if (title.empty()) {
        item.push_back(with_comment(spaces(ci) + clause_id + ": |", comment));
        block_scalar(item, markdown, ci + 2);
    } else {
        item.push_back(with_comment(spaces(ci) + clause_id + ":", comment));
        item.push_back(spaces(ci + 2) + "title: " + renew::yaml_scalar(title));
        item.push_back(spaces(ci + 2) + "text: |");
        block_scalar(item, markdown, ci + 4);
    }
    if (at == std::string::npos) {
        item.insert(item.begin(), spaces(e.child) + "overrides:");
        f.insert(e.end, item);
        return f.str();
    }
    std::size_t old = find_key(f.lines, at + 1, end, clause_id, ci);
    if (old != std::string::npos) {
        std::size_t oend = block_end(f.lines, old, ci);
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(old), f.lines.begin() + static_cast<std::ptrdiff_t>(oend));
        f.insert(old, item);
    } else {
        f.insert(end, item);
    }
    return f.str();
}

std::string add_exclusion(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& clause_id) {
    YamlLines f(text);
    PolicyEntry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "exclude", path, true);
    if (at == std::string::npos) {
        f.insert(e.end, {spaces(e.child) + "exclude: [" + clause_id + "]"});
        return f.str();
    }
    std::string& line = f.lines[at];
    std::size_t open = line.find('[', line.find(':'));
    std::size_t close = line.rfind(']');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string inside(util::trim(std::string_view(line).substr(open + 1, close - open - 1)));
        line = line.substr(0, open + 1) + (inside.empty() ? clause_id : inside + ", " + clause_id) + line.substr(close);
        return f.str();
    }
    int ci = child_indent(f.lines, at, end, e.child + 2);
    f.insert(end, {spaces(ci) + "- " + clause_id});
    return f.str();
}

std::string set_local(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& id, const std::string& anchor_key,
                      const std::string& anchor, const std::string& title, const std::string& markdown, const std::string& comment) {
    YamlLines f(text);
    PolicyEntry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "local", path);
    int ci = at == std::string::npos ? e.child + 2 : child_indent(f.lines, at, end, e.child + 2);
    std::vector<std::string> item = {with_comment(spaces(ci) + "- id: " + id, comment)};
    if (!anchor_key.empty()) item.push_back(spaces(ci + 2) + anchor_key + ": " + anchor);
    item.push_back(spaces(ci + 2) + "title: " + renew::yaml_scalar(title));
    item.push_back(spaces(ci + 2) + "text: |");
    block_scalar(item, markdown, ci + 4);
    if (at == std::string::npos) {
        item.insert(item.begin(), spaces(e.child) + "local:");
        f.insert(e.end, item);
        return f.str();
    }
    for (std::size_t i = at + 1; i < end; ++i) {
        if (indent_of(f.lines[i]) != ci || !util::starts_with(util::trim(f.lines[i]), "- ")) continue;
        std::string k = std::string(util::trim(f.lines[i]));
        if (k.rfind("- id:", 0) != 0 || std::string(util::trim(k.substr(5, k.find('#') == std::string::npos ? std::string::npos : k.find('#') - 5))) != id)
            continue;
        std::size_t iend = block_end(f.lines, i, ci);
        // The anchor stays where the school file put it: only title and text are the document's.
        std::vector<std::string> kept = {f.lines[i]};
        for (std::size_t k2 = i + 1; k2 < iend; ++k2) {
            std::string key = key_of(f.lines[k2], ci + 2);
            if (indent_of(f.lines[k2]) == ci + 2 && (key == "after" || key == "before" || key == "section")) kept.push_back(f.lines[k2]);
        }
        kept.insert(kept.end(), item.begin() + (anchor_key.empty() ? 1 : 2), item.end());
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(i), f.lines.begin() + static_cast<std::ptrdiff_t>(iend));
        f.insert(i, kept);
        return f.str();
    }
    f.insert(end, item);
    return f.str();
}

std::string remove_local(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& id) {
    YamlLines f(text);
    PolicyEntry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "local", path);
    if (at == std::string::npos) return text;
    int ci = child_indent(f.lines, at, end, e.child + 2);
    std::size_t items = 0, hit = std::string::npos, hit_end = 0;
    for (std::size_t i = at + 1; i < end; ++i) {
        if (indent_of(f.lines[i]) != ci || !util::starts_with(util::trim(f.lines[i]), "-")) continue;
        ++items;
        std::string k = std::string(util::trim(f.lines[i]));
        std::size_t hash = k.find('#');
        if (k.rfind("- id:", 0) == 0 && std::string(util::trim(k.substr(5, hash == std::string::npos ? std::string::npos : hash - 5))) == id) {
            hit = i;
            hit_end = block_end(f.lines, i, ci);
        }
    }
    if (hit == std::string::npos) return text;
    if (items == 1) hit = at, hit_end = end;
    f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(hit), f.lines.begin() + static_cast<std::ptrdiff_t>(hit_end));
    return f.str();
}

}  // namespace clausebook::import
