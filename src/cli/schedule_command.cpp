// clausebook schedule: every school's policies with their review dates, sorted by due date, as
// text, CSV, a web page or a calendar.
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "schedule/formats.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

std::string stamp_of(const util::Date& d, const util::UtcTime& t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month, d.day, t.hour, t.minute, t.second);
    return buf;
}

const schedule::ScheduleFormat& pick_format(const po::variables_map& vm) {
    std::string name = vm["format"].as<std::string>();
    if (const auto* f = schedule::find_schedule_format(name)) return *f;
    std::vector<std::string> names;
    for (const auto& f : schedule::schedule_formats()) names.emplace_back(f.name);
    std::string hint = util::did_you_mean(name, names);
    throw util::Fatal("--format: '" + name + "' is not a schedule format; " + (hint.empty() ? "the formats are: " + util::join(names, ", ") : hint));
}

}  // namespace

void schedule_options(po::options_description& desc, po::positional_options_description&) {
    desc.add_options()("school", po::value<std::vector<std::string>>()->composing(), "only this school (repeatable)")(
        "policy", po::value<std::vector<std::string>>()->composing(), "only this policy (repeatable)")(
        "today", po::value<std::string>(), "as on this day, YYYY-MM-DD (default: the day of SOURCE_DATE_EPOCH if set, else today, UTC)")(
        "due-within", po::value<int>()->default_value(60), "days ahead in which a review counts as due soon")(
        "format", po::value<std::string>()->default_value("text"), "text, csv, html, ics or xlsx")("output,o", po::value<std::string>(),
                                                                                                   "write to this file instead of standard output");
}

int schedule_run(const po::variables_map& vm, Io& io) {
    const auto& format = pick_format(vm);
    if (format.binary && !vm.count("output") && ::isatty(STDOUT_FILENO) && &io.out == &std::cout)
        throw util::Fatal("--format " + std::string(format.name) + " writes a binary file: give --output FILE (or redirect standard output)");
    int due_within = vm["due-within"].as<int>();
    if (due_within < 0) throw util::Fatal("--due-within must be 0 or more days");
    const auto epoch = io.env.source_date_time();
    util::Date today = vm.count("today") || !epoch ? parse_today(vm, io) : epoch->date;
    auto repo = load_or_report(repository_root(vm), io);
    if (!repo) return 2;
    auto schools = select_schools(*repo, vm.count("school") ? vm["school"].as<std::vector<std::string>>() : std::vector<std::string>{});
    auto policies = select_policy_ids(*repo, vm.count("policy") ? vm["policy"].as<std::vector<std::string>>() : std::vector<std::string>{});
    schedule::Schedule s = schedule::make_schedule(*repo, schools, policies, today, due_within);
    // Nothing reads the repository again (the schedule holds copies): it is freed on another
    // thread while the schedule is written (a second of CPU for 22,000 schools' registers).
    std::jthread freeing([&repo] { repo.reset(); });
    // DTSTAMP: the build's own instant when SOURCE_DATE_EPOCH is set, else the start of --today.
    s.stamp = epoch && !vm.count("today") ? stamp_of(today, *epoch) : stamp_of(today, util::UtcTime{});
    s.scratch_folder = io.env.tmpdir;
    std::string bytes = format.write(s);
    write_report(vm, io, bytes);
    return 0;
}

}  // namespace clausebook::cli
