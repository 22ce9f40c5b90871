#include "compare/policy_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "util/markdown.hpp"
#include "util/text.hpp"
#include "write/writer.hpp"

namespace clausebook::compare {

namespace {

constexpr const char* k_rule = "approved-copy-format";

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        std::string_view line = s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        out.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return out;
}

// "3.2 Title" after a heading's hashes: the number (digits and dots) and the title.
bool split_number(std::string_view rest, std::string& number, std::string& title, bool plain) {
    std::size_t sp = rest.find(' ');
    if (sp == std::string_view::npos || sp == 0) return false;
    std::string_view num = rest.substr(0, sp);
    if (!std::all_of(num.begin(), num.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; })) return false;
    number = std::string(num);
    title = plain ? plain_text(rest.substr(sp + 1)) : std::string(rest.substr(sp + 1));
    return true;
}

// The id in "[clause:ID]: #ID", or empty.
std::string marker_id(std::string_view line) {
    if (!util::starts_with(line, "[clause:")) return {};
    std::size_t close = line.find("]: #");
    if (close == std::string_view::npos) return {};
    std::string id(line.substr(8, close - 8));
    return line.substr(close + 4) == id ? id : std::string();
}

// The cells of a table row "| a | b |", split at pipes that are not escaped.
std::vector<std::string> cells_of(std::string_view line) {
    std::vector<std::string> cells;
    std::string cur;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            cur += line.substr(i, 2);
            ++i;
        } else if (line[i] == '|') {
            cells.push_back(std::string(util::trim(cur)));
            cur.clear();
        } else {
            cur += line[i];
        }
    }
    if (!util::trim(cur).empty()) cells.push_back(std::string(util::trim(cur)));
    if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
    return cells;
}

}  // namespace

std::string plain_text(std::string_view markdown) {
    util::MarkdownTree tree = util::parse_markdown(markdown);
    char* s = cmark_render_plaintext(tree.get(), CMARK_OPT_NOBREAKS, 0);
    std::string out = s ? s : "";
    std::free(s);
    // cmark indents every list item but the first by the marker's width: lines start flush
    // (nesting is not kept; a redline reads the words).
    std::string flush;
    bool line_start = true;
    for (char c : out) {
        if (line_start && c == ' ') continue;
        flush += c;
        line_start = c == '\n';
    }
    while (!flush.empty() && (flush.back() == '\n' || flush.back() == ' ')) flush.pop_back();
    return flush;
}

PolicyText read_policy_markdown(std::string_view markdown, const std::string& path, util::Diagnostics& diags, bool plain) {
    PolicyText p;
    auto lines = lines_of(markdown);
    std::size_t i = 0;
    while (i < lines.size() && util::trim(lines[i]).empty()) ++i;
    if (i == lines.size() || !util::starts_with(lines[i], "# ")) {
        diags.error({path, static_cast<int>(i < lines.size() ? i + 1 : 1), 1}, k_rule,
                    "this is not a policy written by clausebook: it does not start with '# Title'",
                    "approved copies are the Markdown clausebook wrote when the policy was approved; restore it from git history");
        return p;
    }
    p.title = plain ? plain_text(lines[i].substr(2)) : std::string(lines[i].substr(2));
    std::string section;
    TextClause* clause = nullptr;
    std::string body;
    auto finish = [&] {
        if (clause) clause->text = plain ? plain_text(body) : body;
        body.clear();
    };
    bool in_contents = false;
    for (++i; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        int line_no = static_cast<int>(i + 1);
        if (util::starts_with(line, "## ")) {
            finish();
            clause = nullptr;
            std::string number, title;
            in_contents = !split_number(line.substr(3), number, title, plain);
            if (!in_contents) section = title;
        } else if (util::starts_with(line, "### ")) {
            finish();
            TextClause c;
            c.section = section;
            c.line = line_no;
            if (!split_number(line.substr(4), c.number, c.title, plain)) {
                diags.error({path, line_no, 5}, k_rule, "a clause heading should be '### N.M Title'", "restore the approved copy from git history");
                clause = nullptr;
                continue;
            }
            p.clauses.push_back(std::move(c));
            clause = &p.clauses.back();
        } else if (!clause && !in_contents && section.empty() && util::starts_with(line, "|")) {
            auto cells = cells_of(line);
            if (cells.size() == 2 && !util::starts_with(cells[0], "---")) p.cover.push_back({plain_text(cells[0]), plain_text(cells[1])});
        } else if (clause) {
            if (std::string id = marker_id(line); !id.empty())
                clause->id = id;
            else
                body += std::string(line) + "\n";
        }
    }
    finish();
    std::vector<std::string> seen;
    for (const auto& c : p.clauses) {
        if (c.id.empty()) continue;
        if (std::find(seen.begin(), seen.end(), c.id) != seen.end())
            diags.error({path, c.line, 1}, k_rule, "clause '" + c.id + "' appears twice", "restore the approved copy from git history");
        seen.push_back(c.id);
    }
    return p;
}

PolicyText policy_text(const model::Document& doc, bool allow_raw_html) {
    write::WriteOptions options;
    options.allow_raw_html = allow_raw_html;
    util::Diagnostics ignored;  // the writer's own output always has this shape
    return read_policy_markdown(write::write_markdown(doc, options), "(current)", ignored);
}

void match_ids(PolicyText& older, const PolicyText& newer) {
    auto taken = [&](const std::string& id) {
        return std::any_of(older.clauses.begin(), older.clauses.end(), [&](const TextClause& c) { return c.id == id; });
    };
    for (auto& c : older.clauses) {
        if (!c.id.empty()) continue;
        for (const auto& n : newer.clauses)
            if (n.title == c.title && !taken(n.id)) {
                c.id = n.id;
                break;
            }
        if (!c.id.empty()) continue;
        for (const auto& n : newer.clauses)
            if (n.number == c.number && !taken(n.id)) {
                c.id = n.id;
                break;
            }
        if (c.id.empty()) c.id = "number:" + c.number;
    }
}

}  // namespace clausebook::compare
