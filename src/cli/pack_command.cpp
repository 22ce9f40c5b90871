// clausebook pack: what a school's board needs for its next meeting (issue 17). The list of every
// policy the school keeps whose review falls due by the meeting (both kinds: the outlines it
// lists and its register entries), then, for each generated one, its draft with the changes since
// its last approval as tracked changes (as `diff --since-approval` gives them), in one document
// the clerk circulates. `renew` afterwards records the board's decisions.
#include <iostream>
#include <unistd.h>

#include "assemble/assembler.hpp"
#include "cli/commands.hpp"
#include "cli/compare_options.hpp"
#include "compare/policy_diff.hpp"
#include "compare/policy_text.hpp"
#include "compare/redline/redline.hpp"
#include "model/review.hpp"
#include "util/html_shell.hpp"
#include "util/error.hpp"
#include "util/escape.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

struct Due {
    model::Metadata meta;
    const model::Outline* outline = nullptr;  // a generated policy; nullptr for a register entry
};

std::string row_text(const model::Metadata& m, const util::Date& meeting) {
    (void)meeting;  // every row is due by the meeting: the date says how long it has been due
    std::string when = m.next_review ? "review due " + util::to_long(*m.next_review) : "no review date recorded";
    std::string approved =
        m.approved ? "approved " + util::to_long(*m.approved) + (m.approved_by.empty() ? "" : " by " + m.approved_by) : "no approval recorded";
    std::string where =
        m.registered ? (m.location.empty() ? "; kept outside clausebook" : "; kept outside clausebook: " + m.location) : "; draft and changes below";
    return m.title + ": " + when + ", " + approved + where;
}

}  // namespace

void pack_options(po::options_description& desc, po::positional_options_description&) {
    desc.add_options()("school", po::value<std::string>(), "the school the meeting is for")(
        "meeting", po::value<std::string>(), "the date of the meeting, YYYY-MM-DD: every policy due by then is in the pack")(
        "format", po::value<std::string>(), "docx or html (default: docx)")("author", po::value<std::string>()->default_value("clausebook"),
                                                                            "docx: the author of the tracked changes")(
        "output,o", po::value<std::string>(), "write to this file instead of standard output");
}

int pack_run(const po::variables_map& vm, Io& io) {
    if (!vm.count("school")) throw util::Usage("name the school: clausebook pack --school ID --meeting YYYY-MM-DD");
    if (!vm.count("meeting")) throw util::Usage("give the meeting's date: --meeting YYYY-MM-DD");
    std::string why;
    auto meeting = util::parse_date(vm["meeting"].as<std::string>(), &why);
    if (!meeting) throw util::Usage("--meeting: " + why + "; write it as YYYY-MM-DD");
    std::string format = format_option(vm, {"docx", "html"}, "docx");
    if (format == "docx" && !vm.count("output") && &io.out == &std::cout && ::isatty(STDOUT_FILENO))
        throw util::Fatal("--format docx writes a binary file: give --output FILE");

    auto repo = load_or_report(repository_root(vm), io);
    if (!repo) return 2;
    const model::School& school = *select_schools(*repo, {vm["school"].as<std::string>()}).front();

    // Due by the meeting: a review date on or before it, or none at all (the board must set one).
    std::vector<Due> due;
    for (const auto* o : repo->outlines_of(school)) {
        model::Metadata m = assemble::make_metadata(*repo, school, *o);
        if (!m.next_review || !(*meeting < m.next_review->date)) due.push_back({m, o});
    }
    for (const auto& e : school.register_entries) {
        model::Metadata m = assemble::make_register_metadata(*repo, school, e);
        if (!m.next_review || !(*meeting < m.next_review->date)) due.push_back({m, nullptr});
    }

    util::Diagnostics diags;
    std::vector<compare::redline::PackPolicy> drafts;
    for (const auto& d : due) {
        if (!d.outline) continue;
        model::Document now = assemble::assemble_document(*repo, school, *d.outline, diags, assemble::Rendering::as_approved);
        compare::PolicyText b = compare::policy_text(now, repo->config.allow_raw_html);
        b.label = school.id + " (draft)";
        compare::PolicyText a = b;
        std::string note;
        if (const model::ApprovedCopy* copy = repo->approved_copy(school.id, d.outline->id)) {
            a = compare::read_policy_markdown(copy->text, copy->display_path, diags);
            a.label = school.id + "@approved (" + util::to_iso(copy->date) + ")";
            note = "The draft for approval, with the changes since the text approved on " + util::to_long(copy->date) + " shown as tracked changes.";
        } else {
            note = "The draft for approval in full: no approved text is on record to compare it with.";
        }
        compare::match_ids(a, b);
        compare::match_ids(b, a);
        drafts.push_back({compare::diff_policies(a, b, {}), note});
        drafts.back().diff.title_b = now.meta.title;
    }
    print_diagnostics(diags, repo->sources, io);
    if (diags.has_errors()) return 2;

    std::string title = "Policies for the meeting of " + util::to_long(*meeting) + ": " + school.name;
    std::vector<std::string> intro;
    intro.push_back(due.empty() ? "No policy falls due for review by this meeting."
                                : std::to_string(due.size()) + (due.size() == 1 ? " policy falls" : " policies fall") + " due for review by this meeting:");
    for (const auto& d : due) intro.push_back(row_text(d.meta, *meeting));
    intro.push_back("Record the board's decisions afterwards with: clausebook renew " + school.id + " POLICY --approved " + util::to_iso(*meeting) +
                    " --minute REF");

    std::string bytes;
    if (format == "docx") {
        compare::redline::RedlineOptions options;
        options.author = vm["author"].as<std::string>();
        options.date = util::to_iso(*meeting) + "T00:00:00Z";
        bytes = compare::redline::write_docx_pack(title, intro, drafts, options);
    } else {
        using util::escape_html;
        std::string body = "<h1>" + escape_html(title) + "</h1>\n<p>" + escape_html(intro.front()) + "</p>\n<ul>\n";
        for (std::size_t i = 1; i + 1 < intro.size(); ++i) body += "<li>" + escape_html(intro[i]) + "</li>\n";
        body += "</ul>\n<p>" + escape_html(intro.back()) + "</p>\n";
        for (const auto& p : drafts) {
            std::string page = compare::redline::write_html_inline(p.diff, {});
            auto from = page.find("<body>");
            auto to = page.rfind("</body>");
            body += "<section class=\"policy\">\n<h1>" + escape_html(p.diff.title_b) + "</h1>\n<p>" + escape_html(p.note) + "</p>\n" +
                    (from != std::string::npos && to != std::string::npos ? page.substr(from + 6, to - from - 6) : page) + "</section>\n";
        }
        std::string style;
        if (!drafts.empty()) {
            std::string page = compare::redline::write_html_inline(drafts.front().diff, {});
            auto s = page.find("<style>"), e = page.find("</style>");
            if (s != std::string::npos && e != std::string::npos) style = page.substr(s + 7, e - s - 7);
        }
        bytes = util::html_page_start({title, style, {}}) + "<main>\n" + body + "</main>\n" + std::string(util::html_page_end());
    }
    emit_report(vm, io, bytes);
    return 0;
}

}  // namespace clausebook::cli
