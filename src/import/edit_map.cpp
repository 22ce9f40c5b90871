// The school-file edits of issue 16 (own_document.hpp): one override, one exclusion, one local
// clause set or removed in a policy entry, as text, so that every other line stays as written.
#include <sstream>

#include "import/own_document.hpp"
#include "renew/yaml_edit.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

struct Text {
    std::vector<std::string> lines;
    std::string eol = "\n";
    bool final_eol = true;

    explicit Text(const std::string& text) {
        if (text.find("\r\n") != std::string::npos) eol = "\r\n";
        std::istringstream in(text);
        std::string l;
        while (std::getline(in, l)) {
            if (!l.empty() && l.back() == '\r') l.pop_back();
            lines.push_back(l);
        }
        final_eol = text.empty() || text.back() == '\n';
    }
    std::string str() const {
        std::string out;
        for (std::size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() || final_eol ? eol : "");
        return out;
    }
};

int indent(const std::string& l) {
    int n = 0;
    while (static_cast<std::size_t>(n) < l.size() && l[static_cast<std::size_t>(n)] == ' ') ++n;
    return n;
}

bool content(const std::string& l) {
    auto t = util::trim(l);
    return !t.empty() && t[0] != '#';
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

// The key of a mapping line ("id: ...", "- id: ..." gives "- id"), unquoted.
std::string key_of(const std::string& line, int at) {
    std::string rest = line.substr(static_cast<std::size_t>(at));
    std::size_t colon = rest.find(':');
    std::string k = rest.substr(0, colon);
    if (k.size() >= 2 && (k.front() == '"' || k.front() == '\'') && k.back() == k.front()) k = k.substr(1, k.size() - 2);
    return k;
}

std::size_t find_key(const Text& f, std::size_t from, std::size_t to, const std::string& key, int at) {
    for (std::size_t i = from; i < to; ++i)
        if (content(f.lines[i]) && indent(f.lines[i]) == at && key_of(f.lines[i], at) == key && f.lines[i].find(':') != std::string::npos) return i;
    return std::string::npos;
}

// One past the last content line of the block starting at `at`: the lines indented `ind` or
// more, and list items ("- ") at `dash` (YAML lets a list sit at its key's indentation).
std::size_t block_end(const Text& f, std::size_t at, int ind, int dash = -1) {
    std::size_t last = at + 1;
    for (std::size_t i = at + 1; i < f.lines.size(); ++i) {
        if (util::trim(f.lines[i]).empty()) continue;
        int n = indent(f.lines[i]);
        if (n < ind && !(n == dash && util::starts_with(util::trim(f.lines[i]), "-"))) break;
        last = i + 1;
    }
    return last;
}

struct Entry {
    std::size_t line, end;
    int child;
};

Entry entry(const Text& f, const std::string& path, const std::string& policy_id) {
    std::size_t policies = find_key(f, 0, f.lines.size(), "policies", 0);
    if (policies == std::string::npos) throw util::Fatal(path + ": error: the school file has no policies: entry [import-school-file]");
    std::size_t pend = block_end(f, policies, 1);
    int pind = 2;
    for (std::size_t i = policies + 1; i < pend; ++i)
        if (content(f.lines[i])) {
            pind = indent(f.lines[i]);
            break;
        }
    std::size_t line = find_key(f, policies + 1, pend, policy_id, pind);
    if (line == std::string::npos) throw util::Fatal(path + ": error: the school file has no entry for policy '" + policy_id + "' [import-school-file]");
    auto after = util::trim(std::string_view(f.lines[line]).substr(f.lines[line].find(':') + 1));
    if (!after.empty() && after[0] != '#')
        throw util::Fatal(path + ":" + std::to_string(line + 1) + ":" + std::to_string(pind + 1) + ": error: the entry of policy '" + policy_id +
                          "' is written in flow style ({...}); import edits block style only [import-school-file]");
    Entry e{line, block_end(f, line, pind + 1), pind + 2};
    for (std::size_t i = line + 1; i < e.end; ++i)
        if (content(f.lines[i])) {
            e.child = indent(f.lines[i]);
            break;
        }
    return e;
}

void block_scalar(std::vector<std::string>& out, const std::string& text, int ind) {
    std::istringstream in(text);
    std::string l;
    bool first = true;
    while (std::getline(in, l)) {
        if (first) l = std::string(util::trim(l));
        first = false;
        out.push_back(l.empty() ? std::string() : spaces(ind) + l);
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
}

std::string with_comment(const std::string& line, const std::string& comment) { return comment.empty() ? line : line + "  # " + comment; }

// The block under `key` in the entry (its line and end), npos when absent. A value on the key's
// own line (flow style) is refused.
std::pair<std::size_t, std::size_t> section(const Text& f, const Entry& e, const std::string& key, const std::string& path, bool allow_flow = false) {
    std::size_t at = find_key(f, e.line + 1, e.end, key, e.child);
    if (at == std::string::npos) return {at, at};
    auto after = util::trim(std::string_view(f.lines[at]).substr(f.lines[at].find(':') + 1));
    if (!allow_flow && !after.empty() && after[0] != '#')
        throw util::Fatal(path + ":" + std::to_string(at + 1) + ":" + std::to_string(e.child + 1) + ": error: " + key +
                          " is written in flow style; import edits block style only [import-school-file]");
    return {at, block_end(f, at, e.child + 1, e.child)};
}

int child_indent(const Text& f, std::size_t at, std::size_t end, int fallback) {
    for (std::size_t i = at + 1; i < end; ++i)
        if (content(f.lines[i])) return indent(f.lines[i]);
    return fallback;
}

void insert(Text& f, std::size_t at, const std::vector<std::string>& lines) {
    f.lines.insert(f.lines.begin() + static_cast<std::ptrdiff_t>(at), lines.begin(), lines.end());
}

}  // namespace

std::string set_override(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& clause_id,
                         const std::string& title, const std::string& markdown, const std::string& comment) {
    Text f(text);
    Entry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "overrides", path);
    int ci = at == std::string::npos ? e.child + 2 : child_indent(f, at, end, e.child + 2);
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
        insert(f, e.end, item);
        return f.str();
    }
    std::size_t old = find_key(f, at + 1, end, clause_id, ci);
    if (old != std::string::npos) {
        std::size_t oend = block_end(f, old, ci + 1);
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(old), f.lines.begin() + static_cast<std::ptrdiff_t>(oend));
        insert(f, old, item);
    } else {
        insert(f, end, item);
    }
    return f.str();
}

std::string add_exclusion(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& clause_id) {
    Text f(text);
    Entry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "exclude", path, true);
    if (at == std::string::npos) {
        insert(f, e.end, {spaces(e.child) + "exclude: [" + clause_id + "]"});
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
    int ci = child_indent(f, at, end, e.child + 2);
    insert(f, end, {spaces(ci) + "- " + clause_id});
    return f.str();
}

std::string set_local(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& id,
                      const std::string& anchor_key, const std::string& anchor, const std::string& title, const std::string& markdown,
                      const std::string& comment) {
    Text f(text);
    Entry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "local", path);
    int ci = at == std::string::npos ? e.child + 2 : child_indent(f, at, end, e.child + 2);
    std::vector<std::string> item = {with_comment(spaces(ci) + "- id: " + id, comment)};
    if (!anchor_key.empty()) item.push_back(spaces(ci + 2) + anchor_key + ": " + anchor);
    item.push_back(spaces(ci + 2) + "title: " + renew::yaml_scalar(title));
    item.push_back(spaces(ci + 2) + "text: |");
    block_scalar(item, markdown, ci + 4);
    if (at == std::string::npos) {
        item.insert(item.begin(), spaces(e.child) + "local:");
        insert(f, e.end, item);
        return f.str();
    }
    for (std::size_t i = at + 1; i < end; ++i) {
        if (indent(f.lines[i]) != ci || !util::starts_with(util::trim(f.lines[i]), "- ")) continue;
        std::string k = std::string(util::trim(f.lines[i]));
        if (k.rfind("- id:", 0) != 0 || std::string(util::trim(k.substr(5, k.find('#') == std::string::npos ? std::string::npos : k.find('#') - 5))) != id)
            continue;
        std::size_t iend = block_end(f, i, ci + 1);
        // The anchor stays where the school file put it: only title and text are the document's.
        std::vector<std::string> kept = {f.lines[i]};
        for (std::size_t k2 = i + 1; k2 < iend; ++k2) {
            std::string key = key_of(f.lines[k2], ci + 2);
            if (indent(f.lines[k2]) == ci + 2 && (key == "after" || key == "before" || key == "section")) kept.push_back(f.lines[k2]);
        }
        kept.insert(kept.end(), item.begin() + (anchor_key.empty() ? 1 : 2), item.end());
        f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(i), f.lines.begin() + static_cast<std::ptrdiff_t>(iend));
        insert(f, i, kept);
        return f.str();
    }
    insert(f, end, item);
    return f.str();
}

std::string remove_local(const std::string& text, const std::string& path, const std::string& policy_id, const std::string& id) {
    Text f(text);
    Entry e = entry(f, path, policy_id);
    auto [at, end] = section(f, e, "local", path);
    if (at == std::string::npos) return text;
    int ci = child_indent(f, at, end, e.child + 2);
    std::size_t items = 0, hit = std::string::npos, hit_end = 0;
    for (std::size_t i = at + 1; i < end; ++i) {
        if (indent(f.lines[i]) != ci || !util::starts_with(util::trim(f.lines[i]), "-")) continue;
        ++items;
        std::string k = std::string(util::trim(f.lines[i]));
        std::size_t hash = k.find('#');
        if (k.rfind("- id:", 0) == 0 && std::string(util::trim(k.substr(5, hash == std::string::npos ? std::string::npos : hash - 5))) == id) {
            hit = i;
            hit_end = block_end(f, i, ci + 1);
        }
    }
    if (hit == std::string::npos) return text;
    if (items == 1) hit = at, hit_end = end;
    f.lines.erase(f.lines.begin() + static_cast<std::ptrdiff_t>(hit), f.lines.begin() + static_cast<std::ptrdiff_t>(hit_end));
    return f.str();
}

}  // namespace clausebook::import
