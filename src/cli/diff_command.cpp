// clausebook diff: two copies of a policy, clause by clause, with a word-level redline (issue 6).
// A side is a school (its policy as assembled now) or SCHOOL@approved (the newest copy renew
// kept); `diff SCHOOL --since-approval` is `diff SCHOOL@approved SCHOOL`. Exit 0 identical,
// 1 different, 2 bad input or usage.
#include <iostream>
#include <unistd.h>

#include "assemble/assembler.hpp"
#include "cli/commands.hpp"
#include "cli/compare_options.hpp"
#include "compare/policy_diff.hpp"
#include "compare/redline/redline.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

constexpr const char* k_approved_suffix = "@approved";

// One side of the comparison, read and labelled; nullopt after printing diagnostics.
// `as_approved`: the school's text as it reads once approved (no draft marks), for comparing
// with its approved copy.
std::optional<compare::PolicyText> read_side(const std::string& spec, const model::Repository& repo, const model::Outline& outline, Io& io,
                                             bool as_approved = false) {
    std::string id = spec;
    bool approved = false;
    if (auto at = spec.find('@'); at != std::string::npos) {
        if (spec.substr(at) != k_approved_suffix)
            throw util::Fatal("'" + spec + "': after '@' only 'approved' is known (SCHOOL@approved, the last approved copy)");
        id = spec.substr(0, at);
        approved = true;
    }
    const model::School& school = *select_schools(repo, {id}).front();
    util::Diagnostics diags;
    if (!approved) {
        model::Document doc =
            assemble::assemble_document(repo, school, outline, diags, as_approved ? assemble::Rendering::as_approved : assemble::Rendering::settled);
        print_diagnostics(diags, repo.sources, io);
        if (diags.has_errors()) return std::nullopt;
        compare::PolicyText text = compare::policy_text(doc, repo.config.allow_raw_html);
        text.label = school.id;
        return text;
    }
    const model::ApprovedCopy* copy = repo.approved_copy(school.id, outline.id);
    if (!copy)
        throw util::Fatal("there is no approved copy of " + outline.id + " for " + school.id + " (approved/" + school.id + "/" + outline.id +
                          "/YYYY-MM-DD.md); record an approval with: clausebook renew " + school.id + " " + outline.id + " --approved YYYY-MM-DD");
    util::SourceFiles sources;
    sources.add(copy->display_path, copy->text);
    compare::PolicyText text = compare::read_policy_markdown(copy->text, copy->display_path, diags);
    print_diagnostics(diags, sources, io);
    if (diags.has_errors()) return std::nullopt;
    text.label = school.id + "@approved (" + util::to_iso(copy->date) + ")";
    return text;
}

// w:date for tracked changes: SOURCE_DATE_EPOCH when set (reproducible builds), else --today
// or today, at midnight UTC.
std::string change_date(const po::variables_map& vm, const Io& io) {
    if (vm.count("today")) return util::to_iso(parse_today(vm, io)) + "T00:00:00Z";
    return util::to_iso(io.env.output_day()) + "T00:00:00Z";
}

}  // namespace

void diff_options(po::options_description& desc, po::positional_options_description& pos) {
    desc.add_options()("sides", po::value<std::vector<std::string>>()->composing(), "SCHOOL-A SCHOOL-B, or SCHOOL with --since-approval")(
        "since-approval", po::bool_switch(), "compare SCHOOL's last approved copy with its policy now")(
        "policy", po::value<std::string>(), "the policy to compare (default: the only one both schools keep)")(
        "format", po::value<std::string>(), "text, md, html, html-side or docx (default: text)")(
        "exact", po::bool_switch(), "count whitespace, smart quotes and list numbering as differences")(
        "author", po::value<std::string>()->default_value("clausebook"), "docx: the author of the tracked changes")(
        "today", po::value<std::string>(), "docx: the date of the tracked changes, YYYY-MM-DD (default: today)")(
        "output,o", po::value<std::string>(), "write to this file instead of standard output");
    pos.add("sides", 2);
}

int diff_run(const po::variables_map& vm, Io& io) {
    std::vector<std::string> sides = vm.count("sides") ? vm["sides"].as<std::vector<std::string>>() : std::vector<std::string>{};
    bool since = vm["since-approval"].as<bool>();
    if (since && sides.size() == 1) sides.insert(sides.begin(), sides.front() + k_approved_suffix);
    if (sides.size() != 2)
        throw util::Fatal(since ? "--since-approval takes one school: clausebook diff SCHOOL --since-approval"
                                : "name two schools (clausebook diff SCHOOL-A SCHOOL-B), or one with --since-approval");
    std::vector<std::string> names;
    for (const auto& f : compare::redline::formats()) names.emplace_back(f.name);
    const auto* format = compare::redline::find_format(format_option(vm, names, "text"));
    if (format->binary && !vm.count("output") && &io.out == &std::cout && ::isatty(STDOUT_FILENO))
        throw util::Fatal("--format " + std::string(format->name) + " writes a binary file: give --output FILE");

    auto repo = load_or_report(repository_root(vm), io);
    if (!repo) return 2;
    // The schools named, for the default policy (the only one both keep) and to refuse one they do not keep.
    std::vector<const model::School*> named;
    for (const auto& side : sides) named.push_back(select_schools(*repo, {side.substr(0, side.find('@'))}).front());
    const model::Outline& outline = pick_outline(*repo, vm, named);
    // A school against its own approved copy is read as it will be once approved: its draft
    // marks are not changes to the text.
    auto against_own_copy = [&](const std::string& side, const std::string& other) { return other == side + k_approved_suffix; };
    auto a = read_side(sides[0], *repo, outline, io, against_own_copy(sides[0], sides[1]));
    auto b = a ? read_side(sides[1], *repo, outline, io, against_own_copy(sides[1], sides[0])) : std::nullopt;
    if (!a || !b) return 2;
    compare::match_ids(*a, *b);
    compare::match_ids(*b, *a);

    compare::DiffOptions diff_options;
    diff_options.exact = vm["exact"].as<bool>();
    compare::PolicyDiff d = compare::diff_policies(*a, *b, diff_options);
    compare::redline::RedlineOptions options;
    options.color = color_output(vm, io);
    options.author = vm["author"].as<std::string>();
    options.date = change_date(vm, io);
    emit_report(vm, io, format->write(d, options));
    return d.identical() ? 0 : 1;
}

}  // namespace clausebook::cli
