#include "import/report.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "util/error.hpp"
#include "util/html_shell.hpp"
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
    return w + (p.doc.format == "docx" || p.doc.format == "pdf" ? "¶" : "line ") + std::to_string(b.position) +
           (b.part ? " (part " + std::to_string(b.part) + ")" : "");
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

// How the text report names a Placement::rule.
std::string rule_words(const std::string& rule) {
    if (rule == "aims") return "a list of the document's aims";
    if (rule == "scope") return "its opening: what the policy covers";
    if (rule == "definition") return "its opening: the policy's subject defined";
    if (rule == "opening") return "its place: the policy's opening paragraphs";
    return rule;
}

std::string fate_line(const Plan& p, std::size_t i) {
    const Block& b = p.doc.blocks[i];
    const BlockFate& f = p.fates[i];
    std::string out;
    if (f.fate == "clause" || f.fate == "local") {
        const Placement& pl = *f.placement;
        out = f.fate == "clause" ? f.clause_id + " " + num(pl.score)
                                 : "local " + f.local_id + (pl.moved ? " (moved: reads like " + pl.best + " " + num(pl.score) + ")" : "");
        if (!pl.rule.empty() && (f.fate == "clause" || pl.moved)) out += " [by " + rule_words(pl.rule) + ", not its words]";
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
      << p.evidence.good_clauses << " clauses (" << p.evidence.needed_clauses << " needed), " << pct(p.evidence.good_share) << " of the words"
      << (p.evidence.subject.in_title ? "; its title names the policy's subject" : "") << "; " << p.evidence.subject.blocks << " of its "
      << p.evidence.body_blocks << " body blocks name it"
      << "\n\n";
    h("Facts");
    if (p.facts.found.empty()) o << "  (none stated)\n";
    for (const auto& [k, f] : p.facts.found)
        o << (md ? "- " : "  ") << k << ": " << shown_value(f) << "   \"" << excerpt(f.quote, 90) << "\" ("
          << (f.page ? "p" + std::to_string(f.page) + " " : "") << "at " << f.position << ")\n";
    for (const auto& [k, list] : p.facts.ambiguous) {
        o << (md ? "- " : "  ") << k << ": ambiguous, left for a person:\n";
        for (const auto& f : list) o << (md ? "  - " : "      ") << shown_value(f) << "   \"" << excerpt(f.quote, 90) << "\" (at " << f.position << ")\n";
    }
    for (const auto& f : p.facts.also_stated)
        o << (md ? "- " : "  ") << "also stated, not used: " << f.field << " " << shown_value(f) << "   \"" << excerpt(f.quote, 90) << "\" (at " << f.position
          << ")\n";
    for (const auto& f : p.facts.refused)
        o << (md ? "- " : "  ") << "not taken: " << f.value << "   \"" << excerpt(f.quote, 90) << "\" (at " << f.position << ")\n";
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
        for (const auto& n : p.doc.notes)
            o << (md ? "- " : "  ") << n.kind << " by " << n.author << (n.date.empty() ? "" : " " + n.date) << " at " << n.position << ": " << n.text << "\n";
    }
    for (const auto& w : p.doc.warnings) o << "warning: " << w << "\n";
    return o.str();
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '&')
            out += "&amp;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

std::string html_report(const Plan& p) {
    std::ostringstream o;
    o << util::html_page_start({"Import of " + p.doc.path,
                                "body{font-family:sans-serif;max-width:70em;margin:auto}td,th{border-bottom:1px solid #ccc;padding:2px 6px;vertical-align:top}"
                                ".dropped{color:#888}.local{background:#fff4d6}",
                                {}});
    o << "<h1>Import of " << html_escape(p.doc.path) << " as " << html_escape(p.school_id) << " / " << html_escape(p.policy_id) << "</h1>\n";
    o << "<p>" << p.doc.blocks.size() << " blocks; " << pct(p.matched_share) << " of the body's words placed in library clauses.</p>\n<h2>Facts</h2><table>\n";
    for (const auto& [k, f] : p.facts.found)
        o << "<tr><th>" << html_escape(k) << "</th><td>" << html_escape(shown_value(f)) << "</td><td>&ldquo;" << html_escape(f.quote) << "&rdquo;</td></tr>\n";
    for (const auto& [k, list] : p.facts.ambiguous)
        for (const auto& f : list)
            o << "<tr><th>" << html_escape(k) << " (ambiguous)</th><td>" << html_escape(shown_value(f)) << "</td><td>&ldquo;" << html_escape(f.quote)
              << "&rdquo;</td></tr>\n";
    o << "</table>\n<h2>Clauses</h2><table>\n";
    for (const auto& c : p.clauses)
        o << "<tr><td>" << c.outcome << "</td><td>" << html_escape(c.clause_id) << "</td><td>" << (c.blocks.empty() ? "" : num(c.similarity)) << "</td></tr>\n";
    for (const auto& l : p.locals)
        o << "<tr class=\"local\"><td>" << (l.moved ? "moved" : "local") << "</td><td>" << html_escape(l.id) << "</td><td>"
          << html_escape(l.anchor_key + " " + l.anchor) << "</td></tr>\n";
    o << "</table>\n<h2>Blocks</h2><table>\n";
    for (std::size_t i = 0; i < p.doc.blocks.size(); ++i) {
        const Block& b = p.doc.blocks[i];
        o << "<tr" << (p.fates[i].fate == "dropped" ? " class=\"dropped\"" : "") << "><td>" << html_escape(where(p, b)) << "</td><td>"
          << block_kind_name(b.kind) << "</td><td>" << html_escape(excerpt(b.text, 120)) << "</td><td>" << html_escape(fate_line(p, i)) << "</td></tr>\n";
    }
    o << "</table>\n" << util::html_page_end();
    return o.str();
}

// A share or score to two decimals, as the text report shows it.
double rounded(double v) { return std::round(v * 100.0) / 100.0; }

std::string json_report(const Plan& p) {
    using util::Json;
    Json facts = Json::object();
    for (const auto& [k, f] : p.facts.found) facts[k] = Json{{"value", f.value}, {"quote", f.quote}, {"position", f.position}};
    Json ambiguous = Json::object();
    for (const auto& [k, list] : p.facts.ambiguous) {
        Json choices = Json::array();
        for (const auto& f : list) choices.push_back(Json{{"value", f.value}, {"quote", f.quote}, {"position", f.position}});
        ambiguous[k] = std::move(choices);
    }
    Json not_taken = Json::array();  // what reads like a fact and is not one ("to be ratified ...", an approval's month)
    for (const auto& f : p.facts.refused) not_taken.push_back(Json{{"field", f.field}, {"reason", f.value}, {"quote", f.quote}, {"position", f.position}});
    Json clauses = Json::array();
    for (const auto& c : p.clauses)
        clauses.push_back(Json{{"id", c.clause_id}, {"outcome", c.outcome}, {"similarity", rounded(c.similarity)}, {"blocks", c.blocks.size()}});
    Json locals = Json::array();
    for (const auto& l : p.locals)
        locals.push_back(Json{{"id", l.id}, {"title", l.title}, {l.anchor_key, l.anchor}, {"moved", l.moved}, {"blocks", l.blocks.size()}});
    Json blocks = Json::array();
    for (std::size_t i = 0; i < p.doc.blocks.size(); ++i) {
        const Block& b = p.doc.blocks[i];
        const BlockFate& f = p.fates[i];
        Json block{{"position", b.position}, {"page", b.page}, {"kind", block_kind_name(b.kind)}, {"text", excerpt(b.text, 200)}, {"fate", f.fate}};
        if (b.part) block["part"] = b.part;
        if (!f.reason.empty()) block["reason"] = f.reason;
        if (f.placement) {
            block["clause"] = f.clause_id.empty() ? f.local_id : f.clause_id;
            block["score"] = rounded(f.placement->score);
            block["cosine"] = rounded(f.placement->cosine);
            Json next = Json::array();
            for (const auto& other : f.placement->others) next.push_back(Json{{"clause", other.clause_id}, {"score", rounded(other.score)}});
            block["next"] = std::move(next);
            if (f.fate == "local" && f.placement->moved) {
                block["moved"] = true;
                block["reads_like"] = f.placement->best;
            }
            if (!f.placement->rule.empty() && (f.fate == "clause" || f.placement->moved)) block["rule"] = f.placement->rule;
        }
        blocks.push_back(std::move(block));
    }
    Json notes = Json::array();
    for (const auto& n : p.doc.notes) notes.push_back(Json{{"kind", n.kind}, {"author", n.author}, {"text", n.text}, {"position", n.position}});
    Json evidence{{"body_blocks", p.evidence.body_blocks},
                  {"good_blocks", p.evidence.good_blocks},
                  {"good_clauses", p.evidence.good_clauses},
                  {"needed_clauses", p.evidence.needed_clauses},
                  {"good_share", rounded(p.evidence.good_share)},
                  {"placed_share", rounded(p.evidence.placed_share)},
                  {"title_names_subject", p.evidence.subject.in_title},
                  {"subject_blocks", p.evidence.subject.blocks},
                  {"subject_share", rounded(p.evidence.subject.share)}};
    util::JsonObjectWriter out;
    out.member("document", p.doc.path);
    out.member("format", p.doc.format);
    out.member("school", p.school_id);
    out.member("policy", p.policy_id);
    out.member("matched_share", rounded(p.matched_share));
    out.member("evidence", evidence);
    out.member("facts", facts);
    out.member("ambiguous", ambiguous);
    out.member("not_taken", not_taken);
    for (auto [key, list] : {std::pair<const char*, const Json*>{"clauses", &clauses}, {"local", &locals}, {"blocks", &blocks}, {"notes", &notes}}) {
        out.begin_array(key);
        for (const auto& element : *list) out.element(element);
        out.end_array();
    }
    return out.finish();
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
        if (i < n && j < m && a[i] == b[j])
            ops.push_back({' ', a[i], i++, j++});
        else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]))
            ops.push_back({'+', b[j], i, j++});
        else
            ops.push_back({'-', a[i], i++, j});
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
