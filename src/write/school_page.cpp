#include "write/school_page.hpp"

#include <cctype>
#include <cstdlib>

#include "model/review.hpp"
#include "util/escape.hpp"
#include "write/html_page.hpp"

namespace clausebook::write {

namespace {

using util::escape_html;

// Added to the trust's page.css for this page only: the table of policies, a review that needs
// attention (its words say so; the colour only repeats them), and words for screen readers
// that a sighted reader gets from the row.
constexpr const char* k_css = R"CSS(
body { max-width: 64rem; }
table.policies { border-collapse: collapse; margin: 1rem 0; width: 100%; }
table.policies caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
table.policies th, table.policies td { border: 1px solid #d9e2ec; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
table.policies thead th { background: #f0f4f8; }
table.policies .review { display: block; font-size: 0.9rem; }
table.policies .review-overdue .review { color: #b71c1c; font-weight: bold; }
table.policies .review-due-soon .review { color: #7a4f00; font-weight: bold; }
table.policies .draft { font-weight: bold; }
table.policies ul.links { list-style: none; margin: 0; padding: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
a:focus-visible { outline: 3px solid #1d4e89; outline-offset: 2px; }
)CSS";

// What the page says a file is, for the formats a website publishes.
const char* link_label(const std::string& extension) {
    if (extension == "pdf") return "PDF";
    if (extension == "html") return "Web page";
    return nullptr;
}

}  // namespace

std::string school_page_path(const std::string& school_id) { return school_id + "/index.html"; }

std::string policy_row_html(const PolicyRow& row) {
    std::string out = "<tr";
    if (!row.anchor.empty()) out += " id=\"" + escape_html(row.anchor) + "\"";
    out += "><th scope=\"row\">" + escape_html(row.title) + "</th>";
    bool approved = row.status == "Approved";
    out += "<td" + std::string(approved ? "" : " class=\"draft\"") + ">" + escape_html(row.status) + "</td>";
    out += "<td>" + escape_html(row.approved_on) + "</td>";
    out += "<td" + (row.review_state.empty() ? std::string() : " class=\"review-" + escape_html(row.review_state) + "\"") + ">" + escape_html(row.next_review);
    if (!row.review.empty()) out += "<span class=\"review\">" + escape_html(row.review) + "</span>";
    out += "</td><td>";
    if (row.links.empty()) {
        out += escape_html(row.without_links);
    } else {
        out += "<ul class=\"links\">";
        // Each link names its policy for a screen reader's list of links, where "PDF" alone
        // would not say which.
        for (const auto& l : row.links)
            out += "<li><a href=\"" + escape_html(l.href) + "\">" + escape_html(l.label) + "<span class=\"visually-hidden\">: " + escape_html(row.title) +
                   "</span></a></li>";
        out += "</ul>";
    }
    return out + "</td></tr>\n";
}

PolicyRow policy_row(const model::Metadata& meta, const std::vector<std::string>& extensions, const util::Date& today) {
    PolicyRow row;
    row.anchor = "policy-" + meta.policy_id;
    row.title = meta.title;
    row.status = meta.draft() ? "Draft for approval" : "Approved";
    // A draft's approval is the previous text's (issue 13): said so, never as this text's.
    if (meta.approved)
        row.approved_on = (meta.draft() ? "Previous text: " : "") + util::to_long(*meta.approved);
    else
        row.approved_on = "Not recorded";
    row.next_review = meta.next_review ? util::to_long(*meta.next_review) : "Not set";
    model::ReviewStatus review = model::review_status(meta, today, k_due_within_days);
    row.review_state = model::review_state_name(review.state);
    if (review.state == model::ReviewState::overdue || review.state == model::ReviewState::due_soon) {
        row.review = model::describe_review(meta, review);  // "review overdue since April 2022"
        row.review[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(row.review[0])));
    }
    for (const char* ext : {"pdf", "html"})
        for (const auto& e : extensions)
            if (e == ext) row.links.push_back({link_label(e), meta.policy_id + "." + e});
    if (meta.registered) {
        if (meta.location.rfind("https://", 0) == 0)
            row.links.push_back({"Document", meta.location});
        else if (!meta.location.empty())
            row.without_links = "Held by the school";
    }
    return row;
}

std::string write_school_page(const SchoolPage& page, const WriteOptions& options) {
    PageContent content;
    content.title = "Policies";
    content.school = page.school_name;
    content.trust = page.trust_name;
    content.policy_id = "index";
    content.status = "Published policies";
    content.extra_css = k_css;
    std::size_t approved = 0;
    for (const auto& r : page.rows) approved += r.status == "Approved";
    content.cover.push_back({"School", page.school_name});
    if (!page.trust_name.empty()) content.cover.push_back({"Trust", page.trust_name});
    content.cover.push_back({"Policies", std::to_string(page.rows.size()) + " (" + std::to_string(approved) + " approved, " +
                                             std::to_string(page.rows.size() - approved) + " awaiting approval)"});
    content.cover.push_back({"Review dates as of", page.as_of});
    content.toc = "<ol class=\"toc-sections\">\n";
    for (const auto& r : page.rows)
        if (!r.anchor.empty()) content.toc += "<li><a href=\"#" + escape_html(r.anchor) + "\">" + escape_html(r.title) + "</a></li>\n";
    content.toc += "</ol>\n";
    content.body = "<table class=\"policies\">\n<caption>The policies of " + escape_html(page.school_name) +
                   ", with their status, approval and next review</caption>\n<thead>\n<tr><th scope=\"col\">Policy</th><th scope=\"col\">Status</th>"
                   "<th scope=\"col\">Approved on</th><th scope=\"col\">Next review</th><th scope=\"col\">Documents</th></tr>\n</thead>\n<tbody>\n";
    for (const auto& r : page.rows) content.body += policy_row_html(r);
    content.body += "</tbody>\n</table>\n";
    return render_page(content, options);
}

}  // namespace clausebook::write
