#include "import/yaml_lines.hpp"

#include <sstream>
#include <string_view>

#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::import {

YamlLines::YamlLines(const std::string& text) {
    if (text.find("\r\n") != std::string::npos) eol = "\r\n";
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string l = text.substr(start, end - start);
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(std::move(l));
        start = end + 1;
    }
    final_eol = text.empty() || text.back() == '\n';
}

std::string YamlLines::str() const {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i];
        if (i + 1 < lines.size() || final_eol) out += eol;
    }
    return out;
}

void YamlLines::insert(std::size_t at, const std::vector<std::string>& added) {
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
}

int indent_of(const std::string& l) {
    int n = 0;
    while (static_cast<std::size_t>(n) < l.size() && l[static_cast<std::size_t>(n)] == ' ') ++n;
    return n;
}

bool is_content(const std::string& l) {
    auto t = util::trim(l);
    return !t.empty() && t[0] != '#';
}

std::string spaces(int n) { return std::string(static_cast<std::size_t>(n), ' '); }

std::string with_comment(const std::string& line, const std::string& comment) { return comment.empty() ? line : line + "  # " + comment; }

std::size_t find_key(const std::vector<std::string>& lines, std::size_t from, std::size_t to, const std::string& key, int indent) {
    for (std::size_t i = from; i < to && i < lines.size(); ++i) {
        if (!is_content(lines[i]) || indent_of(lines[i]) != indent) continue;
        std::string_view rest = std::string_view(lines[i]).substr(static_cast<std::size_t>(indent));
        for (const std::string& form : {key + ":", "\"" + key + "\":", "'" + key + "':"})
            if (rest.substr(0, form.size()) == form && (rest.size() == form.size() || rest[form.size()] == ' ')) return i;
    }
    return std::string::npos;
}

std::size_t block_end(const std::vector<std::string>& lines, std::size_t at, int indent, int dash) {
    std::size_t last = at + 1;
    for (std::size_t i = at + 1; i < lines.size(); ++i) {
        if (util::trim(lines[i]).empty()) continue;
        int n = indent_of(lines[i]);
        if (n <= indent && !(n == dash && util::starts_with(util::trim(lines[i]), "-"))) break;
        last = i + 1;
    }
    return last;
}

int child_indent(const std::vector<std::string>& lines, std::size_t at, std::size_t end, int fallback) {
    for (std::size_t i = at + 1; i < end; ++i)
        if (is_content(lines[i])) return indent_of(lines[i]);
    return fallback;
}

void block_scalar(std::vector<std::string>& out, const std::string& text, int indent) {
    std::istringstream in(text);
    std::string l;
    bool first = true;
    while (std::getline(in, l)) {
        if (first) l = std::string(util::trim(l));
        first = false;
        out.push_back(l.empty() ? std::string() : spaces(indent) + l);
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
}

PolicyEntry find_policy_entry(const YamlLines& f, const std::string& policy_id, const std::string& path) {
    PolicyEntry e;
    std::size_t policies = find_key(f.lines, 0, f.lines.size(), "policies", 0);
    if (policies == std::string::npos) return e;
    std::size_t pend = block_end(f.lines, policies, 0);
    int pind = child_indent(f.lines, policies, pend, 2);
    e.line = find_key(f.lines, policies + 1, pend, policy_id, pind);
    if (e.line == std::string::npos) return e;
    auto after = util::trim(std::string_view(f.lines[e.line]).substr(f.lines[e.line].find(':') + 1));
    if (!after.empty() && after[0] != '#')
        throw util::Fatal(path + ":" + std::to_string(e.line + 1) + ":" + std::to_string(pind + 1) + ": error: the entry of policy '" + policy_id +
                          "' is written in flow style ({...}); import edits block style only [import-school-file]");
    e.indent = pind;
    e.end = block_end(f.lines, e.line, pind);
    e.child = child_indent(f.lines, e.line, e.end, pind + 2);
    return e;
}

}  // namespace clausebook::import
