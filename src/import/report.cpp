#include "import/report.hpp"

#include <cstdio>
#include <sstream>

#include "util/error.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

std::string pct(double v) {
    char b[16];
    std::snprintf(b, sizeof b, "%.0f%%", v * 100);
    return b;
}
std::string num(double v) {
    char b[16];
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}

std::string where(const Plan& p, const Block& b) {
    std::string w = b.page ? "p" + std::to_string(b.page) + " " : "";
    return w + (p.doc.format == "docx" || p.doc.format == "pdf" ? "¶" : "line ") + std::to_string(b.position);
}

std::string excerpt(const std::string& s, std::size_t n = 70) {
    std::string t;
    for (char c : s) t += c == '\n' ? ' ' : c;
    if (t.size() <= n) return t;
    std::size_t cut = n - 3;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
    return t.substr(0, cut) + "...";
}

std::string shown_value(const FactValue& f) {
    auto bar = f.value.find('|');
    return bar == std::string::npos ? f.value : f.value.substr(0, bar) + " (" + f.value.substr(bar + 1) + ")";
}

std::string fate_line(const Plan& p, std::size_t i) {
    const Block& b = p.doc.blocks[i];
    const BlockFate& f = p.fates[i];
    std::string out;
    if (f.fate == "clause" || f.fate == "local") {
        const Placement& pl = *f.placement;
        out = f.fate == "clause" ? f.clause_id + " " + num(pl.score) : "local " + f.local_id + (pl.moved ? " (moved: reads like " + pl.best + " " + num(pl.score) + ")" : "");
        std::vector<std::string> others;
        for (const auto& c : pl.others) others.push_back(c.clause_id + " " + num(c.score));
        if (!others.empty()) out += "; next: " + util::join(others, ", ");
    } else if (f.fate == "dropped") {
        out = "dropped: " + f.reason;
    } else if (f.fate == "title page") {
        out = "title page: " + f.reason;
    } else if (f.fate == "heading") {
        out = "heading";
    }
    (void)b;
    return out;
}

std::string text_report(const Plan& p, bool md) {
    std::ostringstream o;
    auto h = [&](const std::string& s) { o << (md ? "## " : "") << s << "\n" << (md ? "\n" : ""); };
    o << (md ? "# " : "") << "Import of " << p.doc.path << " (" << p.doc.format << ") as " << p.school_id << " / " << p.policy_id << "\n\n";
    o << p.doc.blocks.size() << " blocks; " << pct(p.matched_share) << " of the body's words placed in library clauses\n";
    o << "Reads as this policy: " << p.evidence.good_blocks << " of " << p.evidence.body_blocks << " body blocks read like a clause, matching "
      << p.evidence.good_clauses << " clauses (" << p.evidence.needed_clauses << " needed), " << pct(p.evidence.good_share) << " of the words\n\n";
    h("Facts");
    if (p.facts.found.empty()) o << "  (none stated)\n";
    for (const auto& [k, f] : p.facts.found) o << (md ? "- " : "  ") << k << ": " << shown_value(f) << "   \"" << excerpt(f.quote, 90) << "\" (" << (f.page ? "p" + std::to_string(f.page) + " " : "") << "at " << f.position << ")\n";
    for (const auto& [k, list] : p.facts.ambiguous) {
        o << (md ? "- " : "  ") << k << ": ambiguous, left for a person:\n";
        for (const auto& f : list) o << (md ? "  - " : "      ") << shown_value(f) << "   \"" << excerpt(f.quote, 90) << "\" (at " << f.position << ")\n";
    }
    for (const auto& f : p.facts.also_stated) o << (md ? "- " : "  ") << "also stated, not used: " << f.field << " " << shown_value(f) << "   \"" << excerpt(f.quote, 90) << "\" (at " << f.position << ")\n";
    for (const auto& f : p.facts.refused) o << (md ? "- " : "  ") << "not taken: " << f.value << "   \"" << excerpt(f.quote, 90) << "\" (at " << f.position << ")\n";
    for (const auto& n : p.notes) o << (md ? "- " : "  ") << "note: " << n << "\n";
    o << "\n";
    h("Clauses");
    for (const auto& c : p.clauses) {
        o << (md ? "- " : "  ") << c.outcome << "  " << c.clause_id;
        if (!c.blocks.empty()) o << "  similarity " << num(c.similarity) << ", " << c.blocks.size() << (c.blocks.size() == 1 ? " block" : " blocks");
        if (c.outcome == "gap") o << "  (required; not in the document: the library's wording stays)";
        if (c.outcome == "params") o << "  (" << c.detail << ")";
        o << "\n";
    }
    for (const auto& l : p.locals)
        o << (md ? "- " : "  ") << (l.moved ? "moved" : "local") << "  " << l.id << " \"" << excerpt(l.title, 50) << "\" " << l.anchor_key << " " << l.anchor
          << (l.moved ? "  (reads like " + l.moved_from + ")" : "") << ", " << l.blocks.size() << (l.blocks.size() == 1 ? " block" : " blocks") << "\n";
    o << "\n";
    h("Blocks");
    for (std::size_t i = 0; i < p.doc.blocks.size(); ++i) {
        const Block& b = p.doc.blocks[i];
        o << (md ? "- " : "  ") << where(p, b) << " " << block_kind_name(b.kind) << (b.number.empty() ? "" : " " + b.number) << ": \"" << excerpt(b.text, 60)
          << "\" -> " << fate_line(p, i) << "\n";
    }
    if (!p.doc.notes.empty()) {
        o << "\n";
        h("Comments and tracked changes");
        for (const auto& n : p.doc.notes) o << (md ? "- " : "  ") << n.kind << " by " << n.author << (n.date.empty() ? "" : " " + n.date) << " at " << n.position << ": " << n.text << "\n";
    }
    for (const auto& w : p.doc.warnings) o << "warning: " << w << "\n";
    return o.str();
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

std::string html_report(const Plan& p) {
    std::ostringstream o;
    o << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Import of " << html_escape(p.doc.path)
      << "</title><style>body{font-family:sans-serif;max-width:70em;margin:auto}td,th{border-bottom:1px solid #ccc;padding:2px 6px;vertical-align:top}"
         ".dropped{color:#888}.local{background:#fff4d6}</style></head><body>\n";
    o << "<h1>Import of " << html_escape(p.doc.path) << " as " << html_escape(p.school_id) << " / " << html_escape(p.policy_id) << "</h1>\n";
    o << "<p>" << p.doc.blocks.size() << " blocks; " << pct(p.matched_share) << " of the body's words placed in library clauses.</p>\n<h2>Facts</h2><table>\n";
    for (const auto& [k, f] : p.facts.found)
        o << "<tr><th>" << html_escape(k) << "</th><td>" << html_escape(shown_value(f)) << "</td><td>&ldquo;" << html_escape(f.quote) << "&rdquo;</td></tr>\n";
    for (const auto& [k, list] : p.facts.ambiguous)
        for (const auto& f : list)
            o << "<tr><th>" << html_escape(k) << " (ambiguous)</th><td>" << html_escape(shown_value(f)) << "</td><td>&ldquo;" << html_escape(f.quote) << "&rdquo;</td></tr>\n";
    o << "</table>\n<h2>Clauses</h2><table>\n";
    for (const auto& c : p.clauses)
        o << "<tr><td>" << c.outcome << "</td><td>" << html_escape(c.clause_id) << "</td><td>" << (c.blocks.empty() ? "" : num(c.similarity)) << "</td></tr>\n";
    for (const auto& l : p.locals)
        o << "<tr class=\"local\"><td>" << (l.moved ? "moved" : "local") << "</td><td>" << html_escape(l.id) << "</td><td>" << html_escape(l.anchor_key + " " + l.anchor) << "</td></tr>\n";
    o << "</table>\n<h2>Blocks</h2><table>\n";
    for (std::size_t i = 0; i < p.doc.blocks.size(); ++i) {
        const Block& b = p.doc.blocks[i];
        o << "<tr" << (p.fates[i].fate == "dropped" ? " class=\"dropped\"" : "") << "><td>" << html_escape(where(p, b)) << "</td><td>" << block_kind_name(b.kind)
          << "</td><td>" << html_escape(excerpt(b.text, 120)) << "</td><td>" << html_escape(fate_line(p, i)) << "</td></tr>\n";
    }
    o << "</table>\n</body></html>\n";
    return o.str();
}

std::string json_report(const Plan& p) {
    using util::json_string;
    std::ostringstream o;
    o << "{\n  \"document\": " << json_string(p.doc.path) << ",\n  \"format\": " << json_string(p.doc.format) << ",\n  \"school\": " << json_string(p.school_id)
      << ",\n  \"policy\": " << json_string(p.policy_id) << ",\n  \"matched_share\": " << num(p.matched_share) << ",\n  \"evidence\": {\"body_blocks\": " << p.evidence.body_blocks
      << ", \"good_blocks\": " << p.evidence.good_blocks << ", \"good_clauses\": " << p.evidence.good_clauses << ", \"needed_clauses\": " << p.evidence.needed_clauses
      << ", \"good_share\": " << num(p.evidence.good_share) << ", \"placed_share\": " << num(p.evidence.placed_share) << "}"
      << ",\n  \"facts\": {";
    bool first = true;
    for (const auto& [k, f] : p.facts.found) {
        o << (first ? "\n" : ",\n") << "    " << json_string(k) << ": {\"value\": " << json_string(f.value) << ", \"quote\": " << json_string(f.quote)
          << ", \"position\": " << f.position << "}";
        first = false;
    }
    o << "\n  },\n  \"ambiguous\": {";
    first = true;
    for (const auto& [k, list] : p.facts.ambiguous) {
        o << (first ? "\n" : ",\n") << "    " << json_string(k) << ": [";
        for (std::size_t i = 0; i < list.size(); ++i)
            o << (i ? ", " : "") << "{\"value\": " << json_string(list[i].value) << ", \"quote\": " << json_string(list[i].quote) << ", \"position\": " << list[i].position << "}";
        o << "]";
        first = false;
    }
    o << "\n  },\n  \"clauses\": [";
    for (std::size_t i = 0; i < p.clauses.size(); ++i) {
        const auto& c = p.clauses[i];
        o << (i ? ",\n" : "\n") << "    {\"id\": " << json_string(c.clause_id) << ", \"outcome\": " << json_string(c.outcome) << ", \"similarity\": " << num(c.similarity)
          << ", \"blocks\": " << c.blocks.size() << "}";
    }
    o << "\n  ],\n  \"local\": [";
    for (std::size_t i = 0; i < p.locals.size(); ++i) {
        const auto& l = p.locals[i];
        o << (i ? ",\n" : "\n") << "    {\"id\": " << json_string(l.id) << ", \"title\": " << json_string(l.title) << ", \"" << l.anchor_key << "\": " << json_string(l.anchor)
          << ", \"moved\": " << (l.moved ? "true" : "false") << ", \"blocks\": " << l.blocks.size() << "}";
    }
    o << "\n  ],\n  \"blocks\": [";
    for (std::size_t i = 0; i < p.doc.blocks.size(); ++i) {
        const Block& b = p.doc.blocks[i];
        const BlockFate& f = p.fates[i];
        o << (i ? ",\n" : "\n") << "    {\"position\": " << b.position << ", \"page\": " << b.page << ", \"kind\": " << json_string(block_kind_name(b.kind))
          << ", \"text\": " << json_string(excerpt(b.text, 200)) << ", \"fate\": " << json_string(f.fate);
        if (!f.reason.empty()) o << ", \"reason\": " << json_string(f.reason);
        if (f.placement) {
            o << ", \"clause\": " << json_string(f.clause_id.empty() ? f.local_id : f.clause_id) << ", \"score\": " << num(f.placement->score)
              << ", \"cosine\": " << num(f.placement->cosine) << ", \"next\": [";
            for (std::size_t k = 0; k < f.placement->others.size(); ++k)
                o << (k ? ", " : "") << "{\"clause\": " << json_string(f.placement->others[k].clause_id) << ", \"score\": " << num(f.placement->others[k].score) << "}";
            o << "]";
        }
        o << "}";
    }
    o << "\n  ],\n  \"notes\": [";
    for (std::size_t i = 0; i < p.doc.notes.size(); ++i) {
        const auto& n = p.doc.notes[i];
        o << (i ? ",\n" : "\n") << "    {\"kind\": " << json_string(n.kind) << ", \"author\": " << json_string(n.author) << ", \"text\": " << json_string(n.text)
          << ", \"position\": " << n.position << "}";
    }
    o << "\n  ]\n}\n";
    return o.str();
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string l;
    while (std::getline(in, l)) out.push_back(l);
    return out;
}

}  // namespace

std::string render_report(const Plan& plan, const std::string& format) {
    if (format == "text") return text_report(plan, false);
    if (format == "md") return text_report(plan, true);
    if (format == "html") return html_report(plan);
    if (format == "json") return json_report(plan);
    throw util::Fatal("--format: '" + format + "' is not a report format (text, md, html, json)");
}

std::string unified_diff(const std::string& before, const std::string& after, const std::string& path, bool new_file) {
    if (before == after) return {};
    auto a = split_lines(before), b = split_lines(after);
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;) lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    struct Op {
        char kind;
        std::string line;
        std::size_t ai, bi;
    };
    std::vector<Op> ops;
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) ops.push_back({' ', a[i], i++, j++});
        else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push_back({'+', b[j], i, j++});
        else ops.push_back({'-', a[i], i++, j});
    }
    std::ostringstream o;
    o << "--- " << (new_file ? "/dev/null" : "a/" + path) << "\n+++ b/" << path << "\n";
    const std::size_t ctx = 3;
    for (std::size_t k = 0; k < ops.size();) {
        if (ops[k].kind == ' ') {
            ++k;
            continue;
        }
        std::size_t start = k >= ctx ? k - ctx : 0;
        std::size_t end = k;
        std::size_t quiet = 0;
        while (end < ops.size() && quiet <= 2 * ctx) {
            quiet = ops[end].kind == ' ' ? quiet + 1 : 0;
            ++end;
        }
        if (quiet > ctx) end -= quiet - ctx;
        std::size_t a0 = ops[start].ai, b0 = ops[start].bi, ac = 0, bc = 0;
        for (std::size_t q = start; q < end; ++q) {
            if (ops[q].kind != '+') ++ac;
            if (ops[q].kind != '-') ++bc;
        }
        o << "@@ -" << (ac ? a0 + 1 : a0) << "," << ac << " +" << (bc ? b0 + 1 : b0) << "," << bc << " @@\n";
        for (std::size_t q = start; q < end; ++q) o << ops[q].kind << ops[q].line << "\n";
        k = end;
    }
    return o.str();
}

}  // namespace clausebook::import
