// clausebook compare: one policy across schools, clause by clause, against the model wording
// (issue 6); or, for a register entry (a policy clausebook does not write, issue 17), each
// school's status rows: whether it keeps it, its approval and review, a statutory gap. Prints
// the report; exit 0 when it was made, 2 on bad input or usage.
#include <algorithm>

#include "cli/commands.hpp"
#include "cli/compare_options.hpp"
#include "compare/matrix.hpp"
#include "compare/register_matrix.hpp"
#include "compare/report/report.hpp"
#include "load/load.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

// --policy names no outline: a register policy (any school's entry, an id an entry covers, or a
// statutory id), or an error naming the choices of both kinds.
int compare_register(const po::variables_map& vm, Io& io, model::Repository& repo, const std::vector<const model::School*>& schools, const std::string& id,
                     const compare::MatrixOptions& options, const std::string& format) {
    util::Diagnostics diags;
    model::ReferenceData reference = load::load_reference_data(repo, repo.sources, diags);
    print_diagnostics(diags, repo.sources, io);
    if (diags.has_errors()) return 2;
    if (!compare::is_register_policy(repo, reference.statutory, id)) {
        std::vector<std::string> outlines;
        for (const auto& o : repo.outlines) outlines.push_back(o.id);
        std::vector<std::string> registered = compare::register_policy_ids(repo, reference.statutory);
        std::vector<std::string> all = outlines;
        all.insert(all.end(), registered.begin(), registered.end());
        std::string hint = util::did_you_mean(id, all);
        std::string choices = "the policies are: " + util::join(outlines, ", ") +
                              (registered.empty() ? std::string() : "; register entries and statutory policies: " + util::join(registered, ", "));
        throw util::Fatal("there is no policy '" + id + "'; " + (hint.empty() ? choices : hint + " (" + choices + ")"));
    }
    compare::Matrix matrix = compare::build_register_matrix(repo, id, reference.statutory, schools, options);
    compare::report::ReportOptions report_options;
    report_options.color = color_output(vm, io);
    emit_report(vm, io, compare::report::find_format(format)->write(matrix, report_options));
    return 0;
}

}  // namespace

void compare_options(po::options_description& desc, po::positional_options_description&) {
    std::vector<std::string> names;
    for (const auto& f : compare::report::formats()) names.emplace_back(f.name);
    desc.add_options()("policy", po::value<std::string>(),
                       "the policy to compare: an outline, clause by clause, or a register entry or statutory policy, its status school by school "
                       "(default: the repository's only outline, or the only one the --school schools keep)")(
        "school", po::value<std::vector<std::string>>()->composing(), "compare only this school (repeatable; default: all)")(
        "format", po::value<std::string>(), ("report format: " + util::join(names, ", ") + " (default: text)").c_str())(
        "today", po::value<std::string>(), "the day review dates are judged on, YYYY-MM-DD (default: today)")(
        "due-within", po::value<int>()->default_value(60), "a review due within this many days is 'due soon'")(
        "exact", po::bool_switch(), "count whitespace, smart quotes and list numbering as differences in redlines")(
        "output,o", po::value<std::string>(), "write the report to this file instead of standard output");
}

int compare_run(const po::variables_map& vm, Io& io) {
    std::vector<std::string> names;
    for (const auto& f : compare::report::formats()) names.emplace_back(f.name);
    std::string format = format_option(vm, names, "text");
    compare::MatrixOptions options;
    options.today = parse_today(vm, io);
    options.due_within_days = vm["due-within"].as<int>();
    options.diff.exact = vm["exact"].as<bool>();
    if (options.due_within_days < 0) throw util::Fatal("--due-within: give a number of days, 0 or more");

    auto repo = load_or_report(repository_root(vm), io);
    if (!repo) return 2;
    auto schools = select_schools(*repo, vm.count("school") ? vm["school"].as<std::vector<std::string>>() : std::vector<std::string>{});
    // A policy clausebook does not write: every school named (or all), each keeping it or not.
    if (vm.count("policy") && !repo->outline(vm["policy"].as<std::string>()))
        return compare_register(vm, io, *repo, schools, vm["policy"].as<std::string>(), options, format);
    // Schools named with --school must keep the policy; of all schools, those that keep it.
    const model::Outline& outline = pick_outline(*repo, vm, vm.count("school") ? schools : std::vector<const model::School*>{});
    schools.erase(std::remove_if(schools.begin(), schools.end(), [&](const model::School* s) { return !s->keeps(outline.id); }), schools.end());

    util::Diagnostics diags;
    compare::Matrix matrix = compare::build_matrix(*repo, outline, schools, options, diags);
    print_diagnostics(diags, repo->sources, io);
    if (diags.has_errors()) return 2;
    compare::report::ReportOptions report_options;
    report_options.color = color_output(vm, io);
    emit_report(vm, io, compare::report::find_format(format)->write(matrix, report_options));
    return 0;
}

}  // namespace clausebook::cli
