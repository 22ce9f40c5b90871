// clausebook renew SCHOOL POLICY --approved DATE: records the governors' approval in the school
// file (only those values change), rebuilds the school's documents through the build command,
// keeps the approved Markdown under approved/<school>/<policy>/<date>.md and says what changed
// since the previous approved copy.
#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <sys/file.h>
#include <unistd.h>

#include "assemble/assembler.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "load/load.hpp"
#include "renew/clause_changes.hpp"
#include "renew/renewal.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/parallel.hpp"
#include "write/writer.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

// Whether `s` holds a character a school file's value must not: a C0 control (tab included),
// DEL, a C1 control, U+2028/U+2029 or U+FFFE/U+FFFF (the loader refuses them).
bool has_control(const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) return true;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 && static_cast<unsigned char>(s[i + 1]) <= 0x9f) return true;
        if (c == 0xE2 && s.compare(i, 3, "\xE2\x80\xA8") == 0) return true;
        if (c == 0xE2 && s.compare(i, 3, "\xE2\x80\xA9") == 0) return true;
        if (c == 0xEF && (s.compare(i, 3, "\xEF\xBF\xBE") == 0 || s.compare(i, 3, "\xEF\xBF\xBF") == 0)) return true;
    }
    return false;
}

renew::Request make_request(const po::variables_map& vm, const Io& io) {
    if (!vm.count("school") || !vm.count("policy")) throw util::Fatal("renew needs a school and a policy: clausebook renew SCHOOL POLICY --approved DATE");
    if (!vm.count("approved")) throw util::Fatal("renew needs the date of the approval: --approved YYYY-MM-DD");
    renew::Request r;
    r.school_id = vm["school"].as<std::string>();
    r.policy_id = vm["policy"].as<std::string>();
    std::string why;
    auto date = util::parse_date(vm["approved"].as<std::string>(), &why);
    if (!date) throw util::Fatal("--approved: " + why);
    r.approved = *date;
    if (vm.count("by")) r.approved_by = vm["by"].as<std::string>();
    if (vm.count("minute")) r.minute = vm["minute"].as<std::string>();
    if (vm.count("period")) {
        auto p = util::parse_duration(vm["period"].as<std::string>(), &why);
        if (!p) throw util::Fatal("--period: " + why);
        r.period = *p;
    }
    for (const auto* v : {&r.approved_by, &r.minute})
        if (*v && ((*v)->find('\n') != std::string::npos || (*v)->empty())) throw util::Usage("--by and --minute take one line of text");
    for (const auto* v : {&r.approved_by, &r.minute})
        if (*v && has_control(**v))
            throw util::Usage(
                "--by and --minute take plain text: this one holds a control character (such as a carriage return, tab or escape), "
                "which the school file cannot keep");
    if (r.period && util::add(r.approved, *r.period).year > 2200)
        throw util::Usage("--period " + util::to_iso(*r.period) + " puts the next review after 2200; give a period of a few years");
    r.today = parse_today(vm, io);
    // A mistyped year (2199 for 2019) would set a review date nobody meets; --force accepts it.
    if (!vm["force"].as<bool>()) {
        util::Date real = io.env.today;
        util::Date latest = util::add(real, util::Duration{1, 0, 0});
        util::Date earliest{1990, 1, 1};
        for (auto [name, d] : {std::pair<const char*, util::Date>{"--approved", r.approved}, {"--today", r.today}}) {
            if (latest < d || d < earliest)
                throw util::Usage(std::string(name) + " " + util::to_iso(d) + " is " +
                                  (d < earliest ? "before 1990" : "more than a year after today (" + util::to_iso(real) + ")") +
                                  ": is the year right? Give --force to record it all the same");
        }
    }
    return r;
}

// Writes `text` back to `path` from a destructor, which must not throw: a failure is told on
// standard error, with what to do, instead of ending the program.
void put_back(const std::filesystem::path& path, const std::optional<std::string>& text) noexcept {
    try {
        if (text)
            util::write_file_atomic(path, *text);
        else
            std::filesystem::remove(path);
    } catch (const std::exception& e) {
        std::fprintf(stderr,
                     "clausebook: error: renew failed, and %s could not be put back as it was: %s; restore it from version control (git checkout -- FILE)\n",
                     path.string().c_str(), e.what());
    }
}

// Puts the school file back as it was when a later step fails, so that a failed renew changes nothing.
struct Restore {
    const renew::Plan& plan;
    bool armed = true;
    ~Restore() {
        if (armed) put_back(plan.file, plan.old_text);
    }
};

// Removes the approved copy renew wrote (or puts back the one it replaced) when a later step fails.
struct RestoreCopy {
    std::filesystem::path path;
    std::optional<std::string> old_text;
    bool armed = true;
    ~RestoreCopy() {
        if (armed) put_back(path, old_text);
    }
};

// The build renew runs after recording an approval: the school's documents in every format, and
// the index, as `build --school ID --quiet` would.
BuildArgs rebuild_args(const std::filesystem::path& root, const std::string& school_id) {
    BuildArgs args;
    args.root = root;
    args.schools = {school_id};
    args.jobs = util::default_jobs();
    args.quiet = true;
    return args;
}

void print_summary(const renew::Plan& plan, const std::string& copy, const std::optional<model::ApprovedCopy>& previous, const std::string& new_markdown,
                   Io& io) {
    io.out << "Recorded in " << plan.path << ":\n";
    for (const auto& c : plan.changes)
        io.out << "  " << c.key << ": " << (c.before.empty() ? "(added)" : c.before) << " -> " << renew::yaml_scalar(c.after) << "\n";
    if (plan.changes.empty()) io.out << "  nothing to change: these values were already recorded\n";
    if (plan.next_review && !plan.next_review_stated) io.out << "  next review (derived, not written): " << util::to_long(*plan.next_review) << "\n";
    io.out << "Approved copy: " << copy << "\n";
    if (!previous) {
        io.out << "No earlier approved copy to compare with: this is the first approval recorded with clausebook.\n";
        return;
    }
    auto changes = renew::clause_changes(previous->text, new_markdown);
    io.out << "Since the copy approved on " << util::to_iso(previous->date) << ": ";
    if (changes.empty()) {
        io.out << "no clause changed.\n";
        return;
    }
    io.out << changes.size() << (changes.size() == 1 ? " clause" : " clauses") << " changed\n";
    for (const auto& c : changes) io.out << "  " << renew::change_name(c.kind) << ": " << c.number << " " << c.title << "\n";
}

}  // namespace

void renew_options(po::options_description& desc, po::positional_options_description& pos) {
    desc.add_options()("school", po::value<std::string>(), "the school id (its file is schools/SCHOOL.yaml)")(
        "policy", po::value<std::string>(), "the policy id (templates/POLICY.yaml)")("approved", po::value<std::string>(),
                                                                                     "the date of the meeting that approved it, YYYY-MM-DD")(
        "by", po::value<std::string>(), "who approved it, e.g. \"Full governing board\"")("minute", po::value<std::string>(),
                                                                                          "the minute reference, e.g. 26/11/4")(
        "period", po::value<std::string>(), "a new review period, e.g. P1Y, P2Y, P18M")("today", po::value<std::string>(),
                                                                                        "refuse approval dates after this day (default: today, UTC)")(
        "force", po::bool_switch(), "accept an approval or --today before 1990 or more than a year after today");
    pos.add("school", 1).add("policy", 1);
}

int renew_run(const po::variables_map& vm, Io& io) {
    renew::Request request = make_request(vm, io);
    auto root = repository_root(vm);
    // One renew at a time in a repository: two at once would each read the school file before
    // the other wrote it, and the later rename would lose the earlier edit. The lock is on the
    // repository's folder itself, so no lock file is left behind; it goes with the process.
    struct Lock {
        int fd;
        ~Lock() {
            if (fd >= 0) ::close(fd);
        }
    } lock{::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (lock.fd >= 0) ::flock(lock.fd, LOCK_EX);
    auto repo = load_or_report(root, io);
    if (!repo) return 2;
    util::Diagnostics diags;
    renew::Plan plan = renew::plan_renewal(*repo, request, diags);
    if (diags.has_errors()) {
        for (std::size_t i = 0; i < diags.items().size() && i < k_max_shown_diagnostics; ++i)
            io.err << util::format_diagnostic(diags.items()[i], repo->sources, io.color);
        io.err << "clausebook: renew refused; nothing was changed\n";
        return 2;
    }

    if (plan.registered) {
        // A policy clausebook does not write: record the dates, check the file still loads, and
        // rebuild the index, which lists it.
        util::write_file_atomic(plan.file, plan.new_text);
        Restore restore{plan};
        util::Diagnostics reload;
        model::Repository renewed = load::load_repository(root, reload);
        print_diagnostics(reload, renewed.sources, io);  // warnings too, as build prints them
        if (reload.has_errors()) return 3;
        int built = build_loaded(rebuild_args(root, request.school_id), renewed, io);
        if (built != 0) return built;
        restore.armed = false;
        io.out << "Recorded in " << plan.path << " (register entry '" << request.policy_id << "'):\n";
        for (const auto& c : plan.changes)
            io.out << "  " << c.key << ": " << (c.before.empty() ? "(added)" : c.before) << " -> " << renew::yaml_scalar(c.after) << "\n";
        if (plan.changes.empty()) io.out << "  nothing to change: these values were already recorded\n";
        if (plan.next_review && !plan.next_review_stated) io.out << "  next review (derived, not written): " << util::to_long(*plan.next_review) << "\n";
        return 0;
    }
    auto copy = renew::approved_copy_path(root, request.school_id, request.policy_id, request.approved);
    if (auto problem = renew::approved_destination_problem(root, copy); !problem.empty()) throw util::Fatal(problem + "; renew refused, nothing was changed");

    // Write the school file, then read the repository again as every other command would.
    util::write_file_atomic(plan.file, plan.new_text);
    Restore restore{plan};
    util::Diagnostics reload;
    model::Repository renewed = load::load_repository(root, reload);
    const model::School* school = renewed.school(request.school_id);
    const model::Outline* outline = renewed.outline(request.policy_id);
    if (reload.has_errors() || !school || !outline) {
        print_diagnostics(reload, renewed.sources, io);
        return 3;  // renew wrote a file the loader refuses: a bug in renew, and the file is put back
    }
    // The approved copy is the text as it reads once approved (no draft marks), kept before the
    // rebuild so that the rebuilt documents find it and show the approval.
    util::Diagnostics assembly;
    model::Document doc = assemble::assemble_document(renewed, *school, *outline, assembly, assemble::Rendering::as_approved);
    if (assembly.has_errors()) {
        print_diagnostics(assembly, renewed.sources, io);
        return 2;
    }
    write::WriteOptions md_options;
    md_options.allow_raw_html = renewed.config.allow_raw_html;
    std::string markdown = write::write_markdown(doc, md_options);
    auto previous = load::load_previous_approved_copy(renewed, request.school_id, request.policy_id, request.approved);
    auto old_copy = util::read_file(copy);  // a copy of the same date, renewed again: put back on failure
    util::write_file_atomic(copy, markdown);
    RestoreCopy restore_copy{copy, old_copy.text};
    // Rebuild this school's documents as build does (all formats, and the index), reading the
    // repository again so that the documents find the copy just kept.
    int built = build_repository(rebuild_args(root, request.school_id), io);
    if (built != 0) return built;
    restore.armed = false;
    restore_copy.armed = false;
    print_summary(plan, std::filesystem::relative(copy, root).generic_string(), previous, markdown, io);
    io.out << "Rebuilt " << school->name << "'s documents in out/" << request.school_id << "/\n";
    return 0;
}

}  // namespace clausebook::cli
