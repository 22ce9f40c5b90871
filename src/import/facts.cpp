#include "import/facts.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "import/rx.hpp"
#include "util/date.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

std::string lower(std::string_view s) { return util::to_lower(s); }

// Title case for text written in capitals ("SOCIAL NETWORKING POLICY" -> "Social Networking Policy").
std::string title_case_if_caps(const std::string& s) {
    bool lowerc = std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c); });
    if (lowerc) return s;
    std::string out;
    bool start = true;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        out += start ? c : static_cast<char>(std::tolower(u));
        start = !std::isalpha(u) && c != '\'';
    }
    for (const char* small : {" Of ", " And ", " The ", " On ", " For ", " In "}) {
        std::string from = small, to = lower(small);
        for (std::size_t p; (p = out.find(from)) != std::string::npos;) out.replace(p, from.size(), to);
    }
    for (const char* keep : {" Ce ", " Rc "}) {
        std::string from = keep, to = from;
        to[2] = static_cast<char>(std::toupper(static_cast<unsigned char>(to[2])));
        for (std::size_t p; (p = out.find(from)) != std::string::npos;) out.replace(p, from.size(), to);
    }
    return out;
}

// A school's name in capitals inside a line in ordinary case ("ASHCOMBE PRIMARY SCHOOL Policy on
// Bikes"): each run of two or more words in capitals that ends a name of a school,
// academy or college is written in title case; the rest of the line is left as it is.
std::string title_case_caps_runs(const std::string& s) {
    static const rx::Regex k_run(R"(\b[A-Z][A-Z'.\-]*(?:\s+[A-Z][A-Z'.\-]*)*\s+(?:SCHOOL|ACADEMY|ACADEMIES|COLLEGE)(?:(?:\s+COMMUNITY)?\s+TRUST)?\b)");
    if (s.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) return s;
    return rx::replace_all(s, k_run, [](const rx::Match& m) { return title_case_if_caps(m.str()); });
}

std::string strip_marks(std::string s) {
    static const rx::Regex k_emph(R"(\*\*|__)");
    s = rx::replace_all(s, k_emph, "");
    return clean_line(s);
}

struct Line {
    std::string text;
    int position = 0;
    int page = 0;
    std::size_t block = 0;
    std::size_t block2 = static_cast<std::size_t>(-1);  // a second block joined to it (a label and its value below)
    bool furniture = false;  // from a page's header or footer: read for approval and review only
    bool record = false;  // a title page's record line, dropped as no policy text: read for approval and review only
    bool sign_role = false;  // a role alone under a signature's name, dropped as a blank box: read for that person only
};

bool label_only(const std::string& s) {
    static const rx::Regex k(
        R"(^(next review( date| due)?|review( date| due)?|anticipated review( date)?|date (of|for)( next)? review|last reviewed?( on)?|to be reviewed( on| by)?|(date |policy )?reviewed( on)?|(approved|adopted|ratified|agreed|accepted)( by| on| by [a-z&' ]{2,40} on)?|date( approved| adopted| ratified| agreed| accepted)?|minute( no\.?| number)?)\s*:?\s*$)",
        true);
    return rx::full(s, k);
}

// "Approved by:" alone on its line: the approver is written on the next line.
bool approver_label(const std::string& s) {
    static const rx::Regex k(R"(^(approved|adopted|ratified|agreed|accepted)\s+by\s*:?\s*$)", true);
    return rx::full(s, k);
}

// A short line that can be a body's or a person's name: no date, no colon, not a label itself
// ("Board of Directors" under "Approved by:"; never "Date for Review" or "Approved by:").
bool name_value(const std::string& s) {
    // Not another label or the broken half of one ("Date of" / "Approval").
    static const rx::Regex k_label_words(
        R"(^(date|review|next|signed|signature|version|name|role|position|minute|approved|adopted)\b|\s(of|and|for|the|on|by|to)$)", true);
    if (s.empty() || util::word_count(s) > 6 || s.find(':') != std::string::npos || label_only(s) || rx::search(s, k_label_words)) return false;
    if (!std::isupper(static_cast<unsigned char>(s[0])) || !parse_written_date(s).empty()) return false;
    return std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string normal_name(const std::string& s) {
    std::string key;
    for (char c : lower(clean_line(s)))
        if (c != '.') key += (c == '-' ? ' ' : c);
    return key;
}

// Cheap tests before the regular expressions (which are most of import's time).
bool has_any(const std::string& lowered, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (lowered.find(w) != std::string::npos) return true;
    return false;
}

}  // namespace

Facts extract_facts(const std::vector<Block>& blocks) {
    Facts out;
    std::vector<Line> lines;
    std::vector<std::size_t> signature_blocks;  // filled-in signature boxes: the title page's
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        if (page_furniture(b)) {
            // "Approved: 3 April 2024 | Review date: April 2026" in every page's footer.
            Line l{strip_marks(b.text), b.position, b.page, i};
            l.furniture = true;
            lines.push_back(std::move(l));
            continue;
        }
        if (util::starts_with(b.dropped, "title page: the document's own record")) {
            // "Date of Policy: July 2015 Review: July 2018": a record line that also says when the
            // policy is reviewed. Read for approval and review only; it stays dropped.
            Line l{strip_marks(b.text), b.position, b.page, i};
            l.record = true;
            lines.push_back(std::move(l));
            continue;
        }
        if (util::starts_with(b.dropped, "signature box") && i > 0 && blocks[i - 1].dropped.empty()) {
            // "G Scott" / "Chair of Governors": the role under a signature's name looks like a blank
            // box's label; read only as that name's role (below).
            Line l{strip_marks(b.text), b.position, b.page, i};
            l.sign_role = true;
            lines.push_back(std::move(l));
            continue;
        }
        if (!b.dropped.empty()) continue;
        if (b.kind == BlockKind::table) {
            for (const auto& row : b.cells) {
                if (row.size() < 2) continue;
                std::vector<std::string> rest(row.begin() + 1, row.end());
                std::string value = clean_line(util::join(rest, " "));
                if (value.empty() || row[0].empty()) continue;  // an empty cell states nothing
                lines.push_back({row[0] + ": " + value, b.position, b.page, i});
            }
            continue;
        }
        std::string t = strip_marks(b.number.empty() || b.kind != BlockKind::heading ? b.text : b.text);
        // A table's label run into its value with no space between the cells ("Next review
        // date05/2021", "ApprovedJuly 2017", "Review byJuly 2020"): the label and its value.
        static const rx::Regex k_glued(
            std::string(
                R"(^((?i:(?:next\s+)?review(?:\s+(?:date|due|by))?|date\s+(?:of\s+(?:next\s+)?review|for\s+review|approved|adopted|ratified|reviewed)|approved|adopted|ratified|last\s+reviewed))((?:\d|)") +
            k_months + R"(|Spring|Summer|Autumn).*)$)");
        rx::Match glued;
        if (util::word_count(t) <= 8 && rx::full(t, k_glued, &glued)) t = glued[1] + ": " + glued[2];
        // A label alone on its line with the value on the next ("Next review due" / "April 2022").
        // The next line is a value, never a label of its own with its date ("Date approved:" /
        // "Review: 3 May 2026" is no approval).
        static const rx::Regex k_labelled(R"(:|^(next|review|reviewed|approved|adopted|ratified|agreed|accepted|date|last|minute|version|issued?)\b)", true);
        if (label_only(t) && i + 1 < blocks.size() && blocks[i + 1].dropped.empty() && util::word_count(blocks[i + 1].text) <= 4 &&
            (!parse_written_date(blocks[i + 1].text).empty() || !parse_term_date(blocks[i + 1].text).empty()) &&
            !rx::search(strip_marks(blocks[i + 1].text), k_labelled)) {
            std::string label = t;
            while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
            lines.push_back({label + ": " + strip_marks(blocks[i + 1].text), b.position, b.page, i, i + 1});
            ++i;
            continue;
        }
        // "Review Cycle:" / "Annual": how often, on the line below its label.
        static const rx::Regex k_period_alone(R"(^(?:review\s+(?:period|cycle|frequency)|frequency\s+of\s+review)\s*:?$)", true);
        if (rx::full(t, k_period_alone) && i + 1 < blocks.size() && blocks[i + 1].dropped.empty() && util::word_count(blocks[i + 1].text) <= 4 &&
            !parse_period_words(blocks[i + 1].text).empty()) {
            std::string label = t;
            while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
            lines.push_back({label + ": " + strip_marks(blocks[i + 1].text), b.position, b.page, i, i + 1});
            ++i;
            continue;
        }
        // "Chair of Governors:" / "Ann Smith": a person on the line below the role's label.
        static const rx::Regex k_name_line(R"(^(?:(?:Mr|Mrs|Miss|Ms|Dr|Rev)\.?\s+)?[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){1,2}$)");
        // "Signature (Headteacher)" / "Print Name Julia Mann Date:": a signature box filled in, the
        // role in brackets and the name printed below. Not policy text, whatever the role.
        static const rx::Regex k_sign_role(R"(^(?:signature|signed)\s*\(([A-Za-z][A-Za-z \-/]{1,40})\)\s*:?$)", true);
        static const rx::Regex k_print_name(R"(^(?:print(?:ed)?\s+)?name\s*:?\s*(.+?)\s*(?:\bdate\b.*)?$)", true);
        rx::Match sr, pn;
        if (rx::full(t, k_sign_role, &sr) && i + 1 < blocks.size() && blocks[i + 1].dropped.empty()) {
            const std::string below = strip_marks(blocks[i + 1].text);  // the match's views point into it
            if (rx::full(below, k_print_name, &pn) && rx::full(pn[1], k_name_line)) {
                lines.push_back({sr[1] + ": " + pn[1], b.position, b.page, i, i + 1});
                signature_blocks.push_back(i);
                signature_blocks.push_back(i + 1);
                ++i;
                continue;
            }
        }
        static const rx::Regex k_role_label(R"(\b(chair|head\s?teacher|headteacher|principal|designated|dsl|head\s+of\s+school)\b.{0,40}:$)", true);
        if (util::word_count(t) <= 8 && rx::search(t, k_role_label) && i + 1 < blocks.size() && blocks[i + 1].dropped.empty() &&
            rx::full(strip_marks(blocks[i + 1].text), k_name_line)) {
            lines.push_back({t + " " + strip_marks(blocks[i + 1].text), b.position, b.page, i, i + 1});
            ++i;
            continue;
        }
        // "Approved by:" / "Board of Directors": the approver on the line below its label. A label
        // left blank is never given the next label's value ("Date approved:" / "Approved by:").
        if (approver_label(t) && i + 1 < blocks.size() && blocks[i + 1].dropped.empty() && blocks[i + 1].kind != BlockKind::table &&
            name_value(strip_marks(blocks[i + 1].text))) {
            std::string label = t;
            while (!label.empty() && (label.back() == ':' || label.back() == ' ')) label.pop_back();
            lines.push_back({label + ": " + strip_marks(blocks[i + 1].text), b.position, b.page, i, i + 1});
            ++i;
            continue;
        }
        lines.push_back({t, b.position, b.page, i});
    }

    std::map<std::string, std::vector<FactValue>> candidates;
    std::set<std::size_t> fact_blocks(signature_blocks.begin(), signature_blocks.end());
    auto add = [&](const std::string& field, const std::string& value, const Line& l, bool labelled) {
        if (value.empty()) return;
        FactValue f{field, value, l.text.size() > 160 ? l.text.substr(0, 157) + "..." : l.text, l.position, l.page, labelled};
        candidates[field].push_back(f);
        if (labelled && util::word_count(l.text) <= 14) {
            fact_blocks.insert(l.block);
            if (l.block2 != static_cast<std::size_t>(-1)) fact_blocks.insert(l.block2);
        }
    };

    static const rx::Regex k_not_yet(
        R"(\b((to be|will be|due to be|yet to be|awaiting|pending)\s+(ratified|approved|adopted|agreed)|(awaiting|pending|for|subject to)\s+(ratification|approval|adoption)))",
        true);
    static const rx::Regex k_approved(
        R"(\b(approved|adopted|ratified|agreed|accepted\s+by|date\s+accepted|approval\s+date|date\s+of\s+(?:approval|adoption|ratification)|(?:approval|adoption|ratification)\s*:))",
        true);
    static const rx::Regex k_approved_by(
        R"(\b(?:approved|adopted|ratified|agreed|accepted)\s+by(?:\s+the)?\s*:?\s*(.+?)\s*(?:(?:\*\*)?\s*(?:date|on)\b.*|:.*|\|.*|,?\s+\d.*|$))", true);
    // "Approved: Trust Board - May 2024": the label's value names the approver before its date.
    static const rx::Regex k_approved_value(
        R"(^(?i:(?:date\s+)?(?:approved|adopted|ratified|agreed))\s*:\s*([A-Z][A-Za-z&'.]*(?:\s+(?:[A-Z][A-Za-z&'.]*|of|and|the|&)){0,5})\s*(?:-|\xE2\x80\x93|,|\bon\b|\bin\b)?\s*(.*)$)");
    static const rx::Regex k_minute(R"(\bminute(?:s)?\s*(?:no\.?|number|ref(?:erence)?)?\s*[:.]?\s*([A-Za-z]{0,3}\d[\w/.\-]*\w))", true);
    static const rx::Regex k_last_reviewed(R"(\blast\s+review(?:ed)?\b(?:\s+on)?\s*[:\-]?\s*(.*))", true);
    static const rx::Regex k_next_review(
        R"(\b(?:next\s+review(?:\s+(?:date|due))?|(?:anticipated|planned|proposed)\s+review(?:\s+date)?|review\s+date|date\s+(?:of|for)\s+(?:next\s+)?review|review\s+(?:is\s+)?due|to\s+be\s+reviewed)\b\s*(?:on|by|in|:|-|\xE2\x80\x93)?\s*(.*))",
        true);
    // "Review: May 2027" (also inside a title page run together by a text extraction), and
    // "Review March 2028" standing as a line of its own.
    static const rx::Regex k_review_colon(R"(\breview\s*:\s*(.*))", true);
    static const rx::Regex k_review_line(R"(^review\b\s*(?:-|\xE2\x80\x93)?\s*(.*)$)", true);
    static const rx::Regex k_reviewed_label(
        R"(^(?:policy\s+|date\s+(?:most\s+recently\s+)?)?(?:reviewed|revised)(?:\s+(?:on|by)(?:\s+[^:\d]{1,40}?)?)?\s*(?::|-|\xE2\x80\x93)\s*(.*))", true);
    // A review label whose value starts with an approval ("Review Date Approved Trust Board 14.03.2022",
    // a table's header row run into its cells) gives the approval's date, not the review's.
    auto approval_first = [&](const std::string& rest) {
        auto digit = rest.find_first_of("0123456789");
        return rx::search(rest.substr(0, digit), k_approved);
    };
    static const rx::Regex k_period_label(R"(\b(review\s+(period|cycle|frequency)|frequency\s+of\s+review)\b)", true);
    // "Label: value", also "Label - value" ("Date Approved - September 2023").
    static const rx::Regex k_label_line(R"(^[A-Za-z][A-Za-z .()/]{1,40}(?::|\s(?:-|\xE2\x80\x93)\s)\s*\S.*$)");
    // "Updated Feb 2024": when the policy was last revised.
    static const rx::Regex k_updated(R"(^(?:date\s+|last\s+)?updated\s*(?::|-|\xE2\x80\x93|\bon\b)?\s*(.*)$)", true);

    for (const auto& l : lines) {
        const std::string& t = l.text;
        const std::string lt = lower(t);
        if (l.sign_role || !has_any(lt, {"approv", "adopt", "ratif", "agree", "accept", "minute", "review", "updated"})) continue;
        rx::Match m;
        bool label = rx::full(t, k_label_line) && util::word_count(t) <= 14;
        if (rx::search(t, k_not_yet, &m)) {
            out.refused.push_back({"approved", "not an approval: it says the policy is still " + lower(m[0]), t, l.position, l.page, false});
        } else if (rx::search(t, k_approved) && (label || util::word_count(t) <= 16) && !rx::search(t, k_next_review) && !rx::search(t, k_last_reviewed)) {
            std::string date = parse_written_date(t);
            if (date.size() == 10) {
                add("approved", date, l, true);
            } else if (!l.furniture && (label || util::word_count(t) <= 8)) {
                // "Date adopted: October 2023", "Date Accepted by Governors: Summer 2022": an approval
                // the school file cannot hold (it needs the day). Reported, never rounded to a day; the
                // line is the title page's all the same.
                std::string when = date.empty() ? parse_term_date(t) : date;
                if (!when.empty()) {
                    out.refused.push_back({"approved", "approval dated by its month or term only: the school file needs the day, from the minutes", t,
                                           l.position, l.page, false});
                    fact_blocks.insert(l.block);
                    if (l.block2 != static_cast<std::size_t>(-1)) fact_blocks.insert(l.block2);
                }
            }
            // "Approved by the Governing Body:" with nothing after it is a form left blank, not an approval.
            const bool blank_form = !t.empty() && t.back() == ':';
            auto take_by = [&](std::string by) {
                by = clean_line(by);
                while (!by.empty() && (by.back() == ':' || by.back() == ',' || by.back() == '*' || by.back() == ' ')) by.pop_back();
                // "Approved By - Full Governing Body": the dash is the label's, not the approver's.
                static const rx::Regex k_lead(R"(^(?:\s|[-:]|\xE2\x80\x93)+)");
                by = rx::replace_all(by, k_lead, "");
                std::string lb = lower(by);
                if (lb == "fgb" || lb == "the fgb")
                    by = "Full governing board";
                else if (lb == "lgb")
                    by = "Local governing board";
                if (!by.empty() && util::word_count(by) <= 8 && parse_written_date(by).empty() && by.find("behalf") == std::string::npos)
                    add("approved_by", by, l, true);
            };
            static const rx::Regex k_not_body(
                std::string(R"(^(?:yes|no|n/?a|none|tbc|tba|pending|draft|spring|summer|autumn|term|date|signed|)") + k_months + R"()\b)", true);
            rx::Match v;
            if (blank_form) {
            } else if (rx::search(t, k_approved_by, &m)) {
                // An approver running to the end of a sentence ("Posts approved by the head go online.")
                // is no body's name: in prose the approver stops at its date, "on" or a colon.
                const bool to_end = util::trim(t.substr(m.position(1) + m.length(1))).empty();
                const std::string by = clean_line(m[1]);
                if (!to_end || ((label || util::word_count(t) <= 6) && !by.empty() && by.back() != '.')) take_by(m[1]);
            } else if (label && rx::full(t, k_approved_value, &v) && !rx::search(v[1], k_not_body) &&
                       (clean_line(v[2]).empty() || !parse_written_date(v[2]).empty() || !parse_term_date(v[2]).empty())) {
                take_by(v[1]);
            }
        }
        if (rx::search(t, k_minute, &m)) add("minute", m[1], l, true);
        // A next review is looked for in the whole line, or after a last review's date when the
        // line states both ("Last reviewed: May 2024 Next review: May 2025", a title page run into
        // one line). Each takes the first date or term after its label, not a later one in the run.
        auto next_label = [&](const std::string& s, rx::Match* found) {
            return rx::search(s, k_next_review, found) || rx::search(s, k_review_colon, found) ||
                   (util::word_count(s) <= 6 && rx::full(s, k_review_line, found));
        };
        std::string next_text = t;
        if (rx::search(t, k_last_reviewed, &m)) {
            const std::string value = m[1];
            std::size_t end = 0;
            std::string d = first_date(value, &end);
            if (!d.empty()) add("last_reviewed", d, l, true);
            next_text = d.empty() ? std::string() : value.substr(end);
        } else {
            // "Policy reviewed: September 2023 by the LGB", "Date reviewed: 4.10.23", "Date reviewed by
            // the Governing Body: FGB 22.11.2022", "Updated Feb 2024": when it was last reviewed,
            // labelled before any next review on the same line ("Updated Feb 2024 Review date Feb 2025").
            rx::Match next_found;
            const std::string before = next_label(t, &next_found) ? t.substr(0, next_found.position()) : t;
            if ((label || util::word_count(before) <= 8) && (rx::search(before, k_reviewed_label, &m) || rx::search(before, k_updated, &m))) {
                std::string d = first_date(m[1]);
                if (!d.empty()) add("last_reviewed", d, l, true);
            }
        }
        if (!next_text.empty() && next_label(next_text, &m)) {
            const std::string value = m[1];
            std::string d = approval_first(value) ? std::string() : first_date(value, nullptr, true);  // also "Spring 2026"
            if (!d.empty()) add("next_review", d, l, label || util::word_count(t) <= 10);
        }
        if (lower(t).find("review") != std::string::npos) {
            // In a long paragraph (a table run into one), only the words around "review" say how
            // often it is reviewed ("... the bikes are checked at 6 monthly intervals ... the policy is reviewed each year").
            std::string p;
            if (util::word_count(t) <= 25) {
                p = parse_period_words(t);
            } else {
                std::istringstream in(t);
                std::vector<std::string> words;
                for (std::string w; in >> w;) words.push_back(w);
                for (std::size_t w = 0; w < words.size() && p.empty(); ++w) {
                    if (lower(words[w]).find("review") == std::string::npos) continue;
                    std::vector<std::string> near(words.begin() + static_cast<std::ptrdiff_t>(w > 6 ? w - 6 : 0),
                                                  words.begin() + static_cast<std::ptrdiff_t>(std::min(words.size(), w + 7)));
                    p = parse_period_words(util::join(near, " "));
                }
            }
            if (!p.empty()) add("review_period", p, l, rx::search(t, k_period_label) && util::word_count(t) <= 12);
        }
    }

    // Title: the first heading that names a policy ("... Policy", "Policy on ...").
    static const rx::Regex k_title_date(std::string(R"(\s*[(\-\xE2\x80\x93,]*\s*(?i:)") + k_months + R"()\s+\d{4}\s*\)?\s*$)");
    static const rx::Regex k_not_title(
        R"(^(review|links?|purpose|scope|aims?|status|monitoring|introduction|section|appendix|using|breach|other|related|this|the purpose|about|who)\b|\b(this|the|our|a|of)\s+policy$)",
        true);
    // "Larkspur Bike Policy - 2019", "Bike Policy (2022)", "Bike Policy 2023 / 2024": the year, or
    // the school year, is the version's.
    static const rx::Regex k_title_year(R"(\s*(?:[(\-,]|\xE2\x80\x93)*\s*(?:19|20)\d\d(?:\s*(?:/|-|\xE2\x80\x93)\s*(?:19|20)?\d\d)?\s*\)?\s*$)");
    // A title split over two lines: "Online Safety and" / "Social Media Policy", "Policy for" / "Bikes".
    static const rx::Regex k_open_end(R"((?:\s(?:and|&|of|for|on|to|with)|-)$)", true);
    static const rx::Regex k_policy_for(R"(^policy\s+(?:on|for)$)", true);
    // "Title: Safe Cycling Policy Issued: May 2021 ...": a title labelled as one.
    static const rx::Regex k_title_label(R"(\btitle\s*:\s*(.+?\b(?:policy|policies))\b)", true);
    auto title_block = [&](std::size_t i) {
        const Block& b = blocks[i];
        return b.dropped.empty() && (b.kind == BlockKind::heading || (b.kind == BlockKind::paragraph && util::word_count(b.text) <= 10));
    };
    for (const auto& l : lines) {
        rx::Match m;
        if (l.furniture || l.record || l.sign_role || lower(l.text).find("title") == std::string::npos || !rx::search(l.text, k_title_label, &m) ||
            util::word_count(m[1]) > 14)
            continue;
        add("title", title_case_if_caps(clean_line(m[1])), l, true);
        break;
    }
    for (std::size_t i = 0; i < blocks.size() && !candidates.count("title"); ++i) {
        if (!title_block(i)) continue;
        std::string t = rx::replace_all(rx::replace_all(strip_marks(blocks[i].text), k_title_date, ""), k_title_year, "");
        std::set<std::size_t> parts = {i};
        // "Behaviour, Anti Bullying & Hate Crime" / "Policy": the last word of a title on a line of its own.
        static const rx::Regex k_policy_alone(R"(^polic(?:y|ies)$)", true);
        if (rx::full(t, k_policy_alone) && i > 0 && title_block(i - 1) && util::word_count(blocks[i - 1].text) <= 10 && blocks[i - 1].kind == blocks[i].kind) {
            t = strip_marks(blocks[i - 1].text) + " " + t;
            parts.insert(i - 1);
        }
        if (rx::full(t, k_policy_for) && i + 1 < blocks.size() && title_block(i + 1) && util::word_count(blocks[i + 1].text) <= 8) {
            t += " " + strip_marks(blocks[i + 1].text);
            parts.insert(i + 1);
        }
        std::string lt = lower(t);
        auto ends = [&](const std::string& w) { return lt.size() > w.size() + 1 && lt.compare(lt.size() - w.size(), w.size(), w) == 0; };
        bool names_policy =
            ends("policy") || ends("policies") || ends("code of conduct") || util::starts_with(lt, "policy on ") || util::starts_with(lt, "policy for ");
        if (!names_policy || rx::search(t, k_not_title) || util::word_count(t) > 14) continue;
        if (parts.size() == 1 && i > 0 && title_block(i - 1) && util::word_count(blocks[i - 1].text) <= 6 &&
            rx::search(clean_line(blocks[i - 1].text), k_open_end)) {
            t = strip_marks(blocks[i - 1].text) + " " + t;
            parts.insert(i - 1);
        }
        Line l{strip_marks(blocks[i].text), blocks[i].position, blocks[i].page, i};
        add("title", title_case_if_caps(t), l, true);
        fact_blocks.insert(parts.begin(), parts.end());
        break;
    }

    // School name: the most named school; stated unambiguously when it is named more than any other.
    static const rx::Regex k_school(
        R"(((?:St\.?|Saint|[A-Z][A-Za-z'\x80-\xFF\-]+)(?:[ \-](?:[A-Z][A-Za-z'\x80-\xFF\-]+|of|and|the|CE|RC|C of E|VA|VC|C\.E\.)){0,5}?\s+(?:(?:Primary|First|Junior|Infant|Infants|Middle|Secondary|High|Grammar|Nursery|Church of England|CE|C of E|Catholic|Community|Special)\s+)*([Ss]chool|(?:Academy|Academies)(?:(?:\s+Community)?\s+Trust)?|College))\b)");
    static const rx::Regex k_qualified(R"(\b(Primary|First|Junior|Infants?|Middle|Secondary|High|Grammar|Nursery|CE|Catholic|Community|Special)\s+school$)");
    static const std::set<std::string> k_not_names = {
        "the",   "this",       "our",  "each",   "every", "a",       "an",        "all",      "any",      "other",   "whole", "local", "your",  "their", "that",
        "which", "at",         "in",   "of",     "to",    "for",     "within",    "outside",  "inside",   "whilst",  "while", "from",  "by",    "and",   "or",
        "with",  "maintained", "new",  "leave",  "after", "before",  "during",    "around",   "about",    "contact", "if",    "when",  "where", "as",    "on",
        "is",    "are",        "head", "pupils", "staff", "parents", "governors", "children", "students", "how",     "why",   "what",  "who"};
    std::map<std::string, std::vector<FactValue>> schools;  // normalised name -> mentions
    std::set<std::string> standing_alone;  // spellings that are a block of their own (a title page)
    // A school's name set over two or three lines of a title page ("Bickerton Holy Trinity" /
    // "Church of England" / "Primary School"): the lines together are one name standing alone.
    std::vector<Line> named = lines;
    {
        static const rx::Regex k_kind_line(
            R"(^(?:(?:Primary|First|Junior|Infants?|Middle|Secondary|High|Grammar|Nursery|Church\s+of\s+England|CE|C\s+of\s+E|Catholic|Community|Special)\s+)+(?:School|Academy)$)");
        static const rx::Regex k_name_part(R"(^(?:[A-Z][A-Za-z'\-]*)(?:\s+(?:[A-Z][A-Za-z'\-]*|of|and|the)){0,3}$)");
        for (std::size_t k = 1; k < lines.size(); ++k) {
            if (lines[k].furniture || lines[k].record || lines[k].sign_role || !rx::full(lines[k].text, k_kind_line)) continue;
            std::string joined = lines[k].text;
            std::size_t first = k;
            while (k - first < 2 && first > 0) {
                const Line& p = lines[first - 1];
                if (p.furniture || p.record || p.sign_role || p.block + 1 != lines[first].block || !rx::full(p.text, k_name_part) ||
                    lower(p.text).find("polic") != std::string::npos)
                    break;
                joined = p.text + " " + joined;
                --first;
            }
            if (first == k) continue;
            Line l = lines[first];
            l.text = joined;
            named.push_back(l);
        }
    }
    for (const auto& l : named) {
        if (l.furniture || l.record || l.sign_role) continue;  // only approval and review facts are read from page furniture and records
        if (!has_any(l.text, {"School", "school", "SCHOOL", "Academy", "ACADEMY", "Academies", "ACADEMIES", "College", "COLLEGE"})) continue;
        std::string t = title_case_caps_runs(title_case_if_caps(l.text));
        for (const rx::Match& found : rx::all(t, k_school)) {
            std::string name = found[1];
            // Drop leading words that are not part of a name ("the", "at", "Whilst").
            while (true) {
                auto sp = name.find(' ');
                if (sp == std::string::npos) break;
                std::string first = lower(name.substr(0, sp));
                bool capital = std::isupper(static_cast<unsigned char>(name[0]));
                if (k_not_names.count(first) || !capital)
                    name = name.substr(sp + 1);
                else
                    break;
            }
            // "Bike Policy-Whole School", "Bike Policy Fernhill Academy Trust":
            // a policy's name is not part of a school's.
            {
                std::istringstream words(name);
                std::vector<std::string> kept;
                for (std::string w; words >> w;) {
                    if (lower(w).find("polic") != std::string::npos)
                        kept.clear();
                    else
                        kept.push_back(w);
                }
                name = util::join(kept, " ");
                // and what the cut left in front ("... Policies Local Academy" is no academy's name)
                for (std::size_t sp; (sp = name.find(' ')) != std::string::npos && k_not_names.count(lower(name.substr(0, sp)));) name = name.substr(sp + 1);
            }
            if (name.find(' ') == std::string::npos) continue;  // "School" alone
            // "... Riders and the School Council": a name never has "the" or "and" before "School".
            {
                auto last = name.rfind(' ');
                auto before = name.rfind(' ', last - 1);
                std::string word = name.substr(before == std::string::npos ? 0 : before + 1, last - (before == std::string::npos ? 0 : before + 1));
                if (!word.empty() && std::islower(static_cast<unsigned char>(word[0]))) continue;
            }
            if (found[2] == "school" && !rx::search(name, k_qualified)) continue;  // "Breaching school"
            std::string key;
            for (char c : lower(name))
                if (c != '.') key += (c == '-' ? ' ' : c);
            if (key == "primary school" || key == "first school" || key == "secondary school" || key == "the school") continue;
            std::string fixed = name;
            auto sp = fixed.rfind(' ');
            if (fixed.compare(sp + 1, std::string::npos, "school") == 0) fixed.replace(sp + 1, 6, "School");
            const bool alone = lower(clean_line(t)) == lower(name);
            // `labelled` marks a mention standing alone as a line of its own (a title page's).
            schools[key].push_back({"school_name", fixed, l.text.size() > 160 ? l.text.substr(0, 157) + "..." : l.text, l.position, l.page, alone});
            if (alone) standing_alone.insert(fixed);
        }
    }
    if (!schools.empty()) {
        // A name standing alone as a line of its own (the title page's) counts twice: "Larkspur Junior
        // School" on the title page outranks a misspelling of it in a sentence.
        std::vector<std::pair<std::size_t, std::string>> ranked;
        for (auto& [k, v] : schools)
            ranked.push_back({v.size() + static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](const FactValue& f) { return f.labelled; })), k});
        std::sort(ranked.rbegin(), ranked.rend());
        auto& best = schools[ranked[0].second];
        // The spelling on the title page (a block of its own), else the one used most.
        std::map<std::string, int> spellings;
        for (auto& f : best) spellings[f.value]++;
        std::string spelled;
        int most = 0;
        for (auto& [sp, n] : spellings)
            if (standing_alone.count(sp) ? most < 1000 : n > most) {
                spelled = sp;
                most = standing_alone.count(sp) ? 1000 : n;
            }
        for (auto& [sp, n] : spellings)
            if (sp != spelled) {
                const std::string& spelling = sp;  // a structured binding cannot be captured before C++20 in clang 14
                auto it = std::find_if(best.begin(), best.end(), [&](const FactValue& f) { return f.value == spelling; });
                FactValue other = *it;
                other.value = sp + " (another spelling of " + spelled + ", " + std::to_string(n) + (n == 1 ? " time)" : " times)");
                out.also_stated.push_back(other);
            }
        if (ranked.size() == 1 || ranked[0].first >= 2 * ranked[1].first) {
            FactValue f = best.front();
            f.value = spelled;
            f.labelled = true;
            candidates["school_name"] = {f};
        } else {
            for (std::size_t k = 0; k < ranked.size() && k < 4; ++k) {
                FactValue f = schools[ranked[k].second].front();
                f.value = title_case_if_caps(f.value) + " (named " + std::to_string(schools[ranked[k].second].size()) + " times)";
                candidates["school_name"].push_back(f);
            }
        }
    }

    // Local authority: a council or borough named in the text.
    static const rx::Regex k_la(
        R"(((?:Royal\s+|London\s+|Metropolitan\s+)?Borough\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?|(?:[A-Z][a-z]+\s+){1,3}(?:County\s+|City\s+|Borough\s+|District\s+|Metropolitan\s+Borough\s+)?Council)\b)");
    std::map<std::string, FactValue> authorities;
    for (const auto& l : lines) {
        if (l.furniture || l.record || l.sign_role) continue;  // only approval and review facts are read from page furniture and records
        if (!has_any(l.text, {"Council", "Borough"})) continue;
        for (const rx::Match& found : rx::all(l.text, k_la)) {
            std::string name = found[1];
            std::string ln = lower(name);
            if (ln.find("school") != std::string::npos || ln.find("parish") != std::string::npos || ln.find("student") != std::string::npos ||
                ln.find("pupil") != std::string::npos || ln.find("eco ") != std::string::npos || ln.find("town council") != std::string::npos ||
                ln.find("governing") != std::string::npos || ln.find("academy") != std::string::npos || ln.find("youth") != std::string::npos)
                continue;
            while (true) {  // "the Greenwich Council" -> "Greenwich Council"
                auto sp = name.find(' ');
                std::string first = lower(name.substr(0, sp));
                if (sp != std::string::npos &&
                    (first == "the" || first == "a" || first == "by" || first == "our" || first == "where" || first == "or" || first == "and"))
                    name = name.substr(sp + 1);
                else
                    break;
            }
            if (name == "Council" || name.find(' ') == std::string::npos) continue;
            // "the County Council", "City Council": a kind of council, not one named.
            static const rx::Regex k_kind_only(R"(^(?:(?:County|City|Borough|District|Metropolitan|Town|Local)\s+)+Council$)");
            if (rx::full(name, k_kind_only)) continue;
            if (!authorities.count(name))
                authorities[name] = {"local_authority", name, l.text.size() > 160 ? l.text.substr(0, 157) + "..." : l.text, l.position, l.page, false};
        }
    }
    for (auto& [k, f] : authorities) candidates["local_authority"].push_back(f);

    // People: "Headteacher: Name", "Name, Headteacher", "Designated Person (Name - Headteacher)".
    struct Role {
        const char* field;
        rx::Regex pattern;
    };
    static const std::vector<Role> k_roles = {
        {"deputy_dsl",
         rx::Regex(
             R"((?:deputy\s+(?:designated\s+safeguarding\s+lead|DSL|designated\s+(?:child\s+protection|safeguarding)\s+(?:person|officer|lead))|\bDDSL\b))",
             true)},
        {"dsl",
         rx::Regex(
             R"((?:designated\s+safeguarding\s+lead|\bDSL\b|designated\s+(?:child\s+protection|safeguarding)\s+(?:person|officer|lead)|designated\s+senior\s+(?:person|lead)))",
             true)},
        {"chair_of_governors",
         rx::Regex(R"(chair\s+of\s+(?:the\s+)?(?:governors|governing\s+(?:body|board)|(?:board\s+of\s+)?(?:directors|trustees)|trust\s+board))", true)},
        {"headteacher", rx::Regex(R"((?:head\s?teacher|head\s+of\s+school|executive\s+head(?:teacher)?|principal))", true)},
    };
    // A name: "Grace Smith", "Mrs Ann Smith", and with initials after a title or before a surname:
    // "Mrs A Patel", "J. Brown", "Mr J. R. Smith".
    static const std::string k_name =
        R"(((?:(?:Mr|Mrs|Miss|Ms|Dr|Rev)\.?\s+)?(?:[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+){1,2}|(?:[A-Z]\.?\s+){1,3}[A-Z][a-z'\-]+(?:-[A-Z][a-z'\-]+)?)))";
    static const rx::Regex k_after(R"(^\s*(?:is|:|-|\xE2\x80\x93|,|\()?\s*)" + k_name);
    static const rx::Regex k_before(k_name + R"(\s*(?:,|-|\xE2\x80\x93|\()\s*(?:the\s+)?$)");
    static const std::set<std::string> k_not_person = {"school",    "policy", "council",    "governing",    "body",      "board",      "primary", "lead",
                                                       "officer",   "person", "designated", "safeguarding", "child",     "protection", "teacher", "deputy",
                                                       "governors", "staff",  "parents",    "local",        "authority", "the",        "head",    "and"};
    auto person_ok = [&](const std::string& name) {
        std::string w;
        std::istringstream in(lower(name));
        while (in >> w)
            if (k_not_person.count(w)) return false;
        return true;
    };
    for (const auto& l : lines) {
        if (l.furniture || l.record || l.sign_role) continue;  // only approval and review facts are read from page furniture and records
        if (!has_any(lower(l.text), {"designated", "dsl", "head", "principal", "chair"})) continue;
        // "Headteacher: Name" on a line of its own is a title-page line, carried by the school file.
        const bool person_label = rx::full(l.text, k_label_line) && util::word_count(l.text) <= 8;
        for (const auto& role : k_roles) {
            for (const rx::Match& found : rx::all(l.text, role.pattern)) {
                const rx::Match* it = &found;
                if (std::string(role.field) == "dsl" && l.text.substr(0, static_cast<std::size_t>(it->position())).size() >= 7 &&
                    lower(l.text.substr(static_cast<std::size_t>(it->position()) - 7, 7)).find("deputy") != std::string::npos)
                    continue;
                if (std::string(role.field) == "headteacher") {
                    std::string before_role = lower(l.text.substr(0, static_cast<std::size_t>(it->position())));
                    if (before_role.size() >= 7 && (before_role.compare(before_role.size() - 7, 7, "deputy ") == 0 ||
                                                    (before_role.size() >= 10 && before_role.compare(before_role.size() - 10, 10, "assistant ") == 0)))
                        continue;
                }
                std::string after = it->suffix();
                std::string before = l.text.substr(0, static_cast<std::size_t>(it->position()));
                rx::Match m;
                // "DSL" stays as written; "HEADTEACHER" becomes "Headteacher".
                std::string role_words = it->str().size() <= 5 ? it->str() : title_case_if_caps(it->str());
                role_words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(role_words[0])));
                if (rx::search(after, k_after, &m) && person_ok(m[1])) {
                    std::string name = m[1];
                    // "(Grace Smith - Headteacher)": the bracket names the person's own role too.
                    std::string rest = m.suffix();
                    rx::Match r2;
                    static const rx::Regex k_own_role(R"(^\s*(?:-|\xE2\x80\x93|,)\s*([A-Z][A-Za-z ]{2,30}?)\s*\))");
                    std::string shown_role = role_words;
                    if (rx::search(rest, k_own_role, &r2)) {
                        shown_role = r2[1];
                        rx::Match r3;
                        for (const auto& other : k_roles)
                            if (std::string(other.field) != role.field && rx::search(shown_role, other.pattern, &r3) &&
                                !(std::string(other.field) == "headteacher" &&
                                  (lower(shown_role).find("deputy") != std::string::npos || lower(shown_role).find("assistant") != std::string::npos)))
                                add(other.field, name + "|" + shown_role, l, person_label);
                    }
                    add(role.field, name + "|" + shown_role, l, person_label);
                } else if (rx::search(before, k_before, &m) && person_ok(m[1])) {
                    add(role.field, m[1] + "|" + role_words, l, person_label);
                }
            }
        }
    }
    // A signature block: the name on one line, the role alone on the next ("Ann Smith" /
    // "Chair of the Board of Trustees").
    static const rx::Regex k_name_only("^" + k_name + "$");
    for (std::size_t k = 1; k < lines.size(); ++k) {
        const Line& above = lines[k - 1];
        const Line& l = lines[k];
        // (the role may be a line dropped as a blank signature box's label: it is read here only)
        if (l.furniture || above.furniture || l.record || above.record || above.sign_role || above.block == l.block || l.block != above.block + 1 ||
            util::word_count(l.text) > 8)
            continue;
        rx::Match nm;
        if (!rx::full(above.text, k_name_only, &nm) || !person_ok(nm[1])) continue;
        for (const auto& role : k_roles) {
            rx::Match rm;
            if (!rx::full(l.text, role.pattern, &rm)) continue;
            std::string role_words = rm.str().size() <= 5 ? rm.str() : title_case_if_caps(rm.str());
            add(role.field, nm[1] + "|" + role_words, l, true);
            fact_blocks.insert(above.block);
            break;
        }
    }

    // The minimum age for holding an account, as the policy states it.
    static const rx::Regex k_age(
        R"(\b(?:be|are|is|aged?|users?\s+(?:must\s+be|are))\s+(?:at\s+least\s+|over\s+(?:the\s+age\s+of\s+)?)?(1[0-8])\s*(?:years?\s+old|years?\s+of\s+age|\+|or\s+(?:older|over))|minimum\s+age\s+(?:of|is|for\s+\w+\s+is)\s+(1[0-8])\b)",
        true);
    static const rx::Regex k_account_context(
        R"(\b(sites?|profiles?|accounts?|platforms?|apps?|users?|social\s+(?:media|network)|facebook|instagram|tiktok|snapchat|whatsapp|youtube)\b)", true);
    for (const auto& l : lines) {
        if (l.furniture || l.record || l.sign_role) continue;  // only approval and review facts are read from page furniture and records
        if (!has_any(lower(l.text), {"1"}) || !has_any(lower(l.text), {"old", "age", "over", "+"})) continue;
        for (const rx::Match& found : rx::all(l.text, k_age)) {
            const rx::Match* it = &found;
            // Only a sentence about holding accounts: the law's "under the age of 18" is not a platform age.
            auto start = l.text.rfind('.', static_cast<std::size_t>(it->position()));
            start = start == std::string::npos ? 0 : start + 1;
            auto stop = l.text.find('.', static_cast<std::size_t>(it->position() + it->length()));
            std::string sentence = l.text.substr(start, stop == std::string::npos ? std::string::npos : stop - start);
            if (!rx::search(sentence, k_account_context)) continue;
            std::string n = found.matched(1) ? found[1] : found[2];
            add("min_platform_age", n, l, false);
        }
    }

    // "Manland Primary School Anti Bullying Policy", "Holywell High School. ICT Policy": the school's
    // name before the policy's is the school's, a fact of its own; the title is what follows it.
    if (candidates.count("title") && candidates["title"].size() == 1 && candidates.count("school_name") && candidates["school_name"].size() == 1) {
        std::string& title = candidates["title"][0].value;
        const std::string school = candidates["school_name"][0].value;
        static const rx::Regex k_lead_sep(R"(^(?:\s|[.:,|\-]|\xE2\x80\x93)+)");
        static const rx::Regex k_names_policy(R"(^(?:.+\s)?(?:polic(?:y|ies)|code\s+of\s+conduct)$|^policy\s+(?:on|for)\s.+$)", true);
        if (title.size() > school.size() && lower(title.substr(0, school.size())) == lower(school)) {
            std::string rest = title.substr(school.size());
            rx::Match sep;
            if (rx::search(rest, k_lead_sep, &sep)) {
                rest = rest.substr(sep.length());
                if (util::word_count(rest) >= 2 && rx::full(rest, k_names_policy)) title = rest;
            }
        }
    }

    // One value: a fact. Labelled statements outrank sentences ("Review Period: 3 yearly" over a
    // later "reviewed annually", which is kept as also stated). Two values: ambiguous.
    for (auto& [field, list] : candidates) {
        bool any_labelled = std::any_of(list.begin(), list.end(), [](const FactValue& f) { return f.labelled; });
        std::vector<FactValue> considered, rest;
        for (auto& f : list) (any_labelled && !f.labelled ? rest : considered).push_back(f);
        std::vector<FactValue> distinct;
        for (auto& f : considered)
            if (std::none_of(distinct.begin(), distinct.end(), [&](const FactValue& d) { return d.value == f.value; })) distinct.push_back(f);
        if (distinct.size() == 1) {
            out.found[field] = distinct[0];
            for (auto& f : rest)
                if (f.value != distinct[0].value) out.also_stated.push_back(f);
        } else {
            out.ambiguous[field] = distinct;
        }
    }
    // A bare date right under the title is the version date of the title page ("January 2017").
    for (std::size_t i : std::vector<std::size_t>(fact_blocks.begin(), fact_blocks.end()))
        if (i + 1 < blocks.size() && util::word_count(blocks[i + 1].text) <= 3 && !parse_written_date(blocks[i + 1].text).empty()) fact_blocks.insert(i + 1);
    // A block that is just the school's name (a title page line) is carried by the school file.
    if (out.found.count("school_name"))
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].dropped.empty() && normal_name(strip_marks(blocks[i].text)) == normal_name(out.found["school_name"].value)) fact_blocks.insert(i);
    // A label left with nothing after it ("by:") among title-page facts says nothing.
    // So do an approval or review label left blank ("Date approved:", "Review period", "Approved
    // by the Governing Body:"), when it stands among them.
    static const rx::Regex k_blank_label(R"(^(by|date|signed|name|role|version|on)\s*:?$)", true);
    static const rx::Regex k_blank_form(R"(^((approved|adopted|ratified|agreed|accepted)\s+by\b.{0,60}:|review\s+(period|cycle|frequency)\s*:?)\s*$)", true);
    auto blank = [&](std::size_t i) {
        if (!blocks[i].dropped.empty()) return false;
        std::string t = strip_marks(blocks[i].text);
        return rx::full(t, k_blank_label) || label_only(t) || rx::full(t, k_blank_form);
    };
    for (bool more = true; more;) {
        more = false;
        for (std::size_t i = 0; i < blocks.size(); ++i)
            if (!fact_blocks.count(i) && blank(i) && ((i > 0 && fact_blocks.count(i - 1)) || fact_blocks.count(i + 1))) {
                fact_blocks.insert(i);
                more = true;
            }
    }
    out.cover_blocks.assign(fact_blocks.begin(), fact_blocks.end());
    return out;
}

}  // namespace clausebook::import
