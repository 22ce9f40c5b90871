// clausebook check: the repository's linter, for CI and for the clerk before a meeting.
//
// Load errors stop the run with exit 2, as in every command, except those a check rule reports
// itself (Rule::takes_over: an unknown clause id in a school's exclude:, a parameter out of
// range): the loader keeps going past them, the repository is still usable, and check reports
// them as findings so that they carry a severity, can be waived, and reach JUnit, SARIF and
// GitHub annotations like every other finding.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <thread>

#include "check/report/report.hpp"
#include "check/rules.hpp"
#include "check/runner.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "load/load.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

std::vector<std::string> strings(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

const check::report::ReportFormat& pick_format(const po::variables_map& vm, const Io& io) {
    std::string name = vm.count("format") ? vm["format"].as<std::string>() : "text";
    if (!vm.count("format") && io.env.github_actions) name = "github";
    if (const auto* f = check::report::find_report_format(name)) return *f;
    std::vector<std::string> names;
    for (const auto& f : check::report::report_formats()) names.emplace_back(f.name);
    std::string hint = util::did_you_mean(name, names);
    throw util::Fatal("--format: '" + name + "' is not a check report format; " + (hint.empty() ? "the formats are: " + util::join(names, ", ") : hint));
}

// Load diagnostics that a rule takes over: in a school file (or the repository's defaults), with a
// rule id some check rule reports itself.
bool taken_over(const util::Diagnostic& d) {
    if (!util::starts_with(d.pos.path.str(), "schools/") && d.pos.path != "clausebook.yaml") return false;
    for (const auto& r : check::rules())
        for (auto id : r.takes_over)
            if (d.rule == id) return true;
    return false;
}

int list_rules(Io& io) {
    for (const auto& r : check::rules())
        io.out << std::left << std::setw(26) << r.id << " " << std::setw(8) << util::severity_name(r.severity) << " " << r.description << "\n";
    return 0;
}

}  // namespace

util::Date parse_today(const po::variables_map& vm, const Io& io) {
    if (!vm.count("today")) return io.env.today;
    std::string why;
    auto d = util::parse_date(vm["today"].as<std::string>(), &why);
    if (!d) throw util::Fatal("--today: " + why + "; write it as YYYY-MM-DD");
    return *d;
}

void check_options(po::options_description& desc, po::positional_options_description&) {
    std::string formats;
    for (const auto& f : check::report::report_formats()) formats += std::string(formats.empty() ? "" : "|") + std::string(f.name);
    desc.add_options()("school", po::value<std::vector<std::string>>()->composing(), "check only this school (repeatable)")(
        "policy", po::value<std::vector<std::string>>()->composing(), "check only this policy (repeatable)")(
        "today", po::value<std::string>(), "check as on this day, YYYY-MM-DD (default: today, UTC)")("due-within", po::value<int>()->default_value(60),
                                                                                                     "days ahead in which a review counts as due soon")(
        "format", po::value<std::string>(), (formats + " (default: text; github when GITHUB_ACTIONS=true)").c_str())(
        "fail-level", po::value<std::string>()->default_value("error"), "exit 1 when a finding is at or above this: error, warning or info")(
        "output,o", po::value<std::string>(), "write the report to this file instead of standard output")(
        "list-rules", po::bool_switch(), "list the rules, their default severity and what they find");
}

int check_run(const po::variables_map& vm, Io& io) {
    if (vm["list-rules"].as<bool>()) return list_rules(io);
    check::Options options;
    options.today = parse_today(vm, io);
    options.due_within_days = vm["due-within"].as<int>();
    if (options.due_within_days < 0) throw util::Fatal("--due-within must be 0 or more days");
    auto level = check::parse_severity(vm["fail-level"].as<std::string>());
    if (!level) throw util::Fatal("--fail-level: '" + vm["fail-level"].as<std::string>() + "' is not a level; say error, warning or info");
    options.fail_level = *level;
    options.schools = strings(vm, "school");
    options.policies = strings(vm, "policy");
    const auto& format = pick_format(vm, io);

    auto root = repository_root(vm);
    util::Diagnostics loaded;
    model::Repository repo = load::load_repository(root, loaded);
    util::Diagnostics problems;
    for (const auto& d : loaded.items())
        if (!taken_over(d)) problems.add(d);
    check::Report report;
    if (!problems.has_errors()) {
        model::ReferenceData reference = load::load_reference_data(repo, repo.sources, problems);
        report = check::run_check(repo, std::move(reference), options, problems);
    }
    print_diagnostics(problems, repo.sources, io);
    if (problems.has_errors()) return 2;

    std::string bytes = format.write(report, repo.sources);
    const bool failing = report.failing() > 0;
    // Nothing reads the repository or the findings again: they are freed on another thread while
    // the report is written (seconds of CPU for 22,000 schools' registers and their findings).
    std::jthread freeing([&repo, &report] {
        model::Repository gone = std::move(repo);
        check::Report also_gone = std::move(report);
    });
    write_report(vm, io, bytes);
    return failing ? 1 : 0;
}

}  // namespace clausebook::cli
