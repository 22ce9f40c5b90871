// clausebook import FILE --school ID: reads a school's own policy document, writes (or merges)
// schools/ID.yaml with the facts it states and its own wording, keeps the document's text as the
// school's approved copy under approved/, and prints a report of every decision
// (src/import/importer.cpp works it out; this file writes and reports).
#include <fstream>
#include <iostream>

#include "assemble/assembler.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "import/importer.hpp"
#include "import/own_document.hpp"
#include "import/report.hpp"
#include "import/school_file.hpp"
#include "load/load.hpp"
#include "renew/renewal.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/ids.hpp"
#include "util/text.hpp"
#include "write/writer.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

void import_options(po::options_description& desc, po::positional_options_description& pos) {
    desc.add_options()("file", po::value<std::string>(), "the policy document: .docx, .pdf, .html, .txt, .md (.odt, .doc with LibreOffice)")(
        "school", po::value<std::string>(), "the school's id (its file is schools/ID.yaml, written or merged)")(
        "policy", po::value<std::string>(), "the policy outline (default: the one the document matches best)")(
        "dry-run", "write nothing: print the report and the change to the school file as a diff")(
        "changes", po::value<std::string>(), "tracked changes in a Word document: accept or reject (required when it has any)")(
        "force", "import a document that matches almost nothing of the outline, or into another school's file")(
        "section", po::value<std::string>(), "import only the part of the document under this heading (the social media section of an online safety policy)")(
        "report", po::value<std::string>(), "write the report to FILE instead of printing it")("format", po::value<std::string>()->default_value("text"),
                                                                                               "the report's format: text, md, html, json")(
        "today", po::value<std::string>(), "the date to record the import under (default: today, UTC)");
    pos.add("file", 1);
}

namespace {

// The own-document path: true when it has answered (exit code in `code`), false when the general
// import is to run, with the reason in `fell_back`.
bool import_own(const model::Repository& repo, const import::Request& req, const import::OwnIdentity& identity, const po::variables_map& vm, Io& io,
                std::string& fell_back, int& code) {
    util::Diagnostics diags;
    import::OwnPlan own = import::plan_own_import(repo, req, identity, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags, repo.sources, io);
        io.err << "clausebook: import refused; nothing was written\n";
        code = 2;
        return true;
    }
    if (own.fall_back) {
        fell_back = own.fall_back_reason;
        return false;
    }
    std::string report = import::render_own_report(own);
    bool same = own.new_text == own.old_text;
    if (vm.count("dry-run")) {
        io.out << report << "\n" << (same ? "No change to " + own.path + "\n" : import::unified_diff(own.old_text, own.new_text, own.path, false));
        io.out << "Dry run: nothing was written.\n";
        code = 0;
        return true;
    }
    if (vm.count("report"))
        util::write_file_atomic(vm["report"].as<std::string>(), report);
    else
        io.out << report << "\n";
    if (same) {
        io.out << "No change: " << own.path << " already gives this document; nothing was written.\n";
        code = 0;
        return true;
    }
    util::write_file_atomic(own.file, own.new_text);
    // The file as written, checked as a load checks a school (as the general import does).
    util::Diagnostics reload;
    model::Repository after = repo;
    load::reload_school(after, identity.school_id, own.path, own.new_text, reload);
    const model::School* school = after.school(identity.school_id);
    const model::Outline* outline = after.outline(identity.policy_id);
    util::Diagnostics assembly;
    if (!reload.has_errors() && school && outline) assemble::assemble_document(after, *school, *outline, assembly);
    if (reload.has_errors() || assembly.has_errors() || !school || !outline) {
        print_diagnostics(reload, after.sources, io);
        print_diagnostics(assembly, after.sources, io);
        util::write_file_atomic(own.file, own.old_text);
        io.err << "clausebook: the school file import wrote does not load (a bug in import); it was put back as it was\n";
        code = 3;
        return true;
    }
    io.out << "Updated " << own.path << ". Next: clausebook build --school " << identity.school_id
           << "; when the board approves the text, clausebook renew records it.\n";
    code = 0;
    return true;
}

}  // namespace

int import_run(const po::variables_map& vm, Io& io) {
    if (!vm.count("file")) throw util::Fatal("import needs a document: clausebook import FILE --school ID");
    if (!vm.count("school")) throw util::Fatal("import needs the school's id: --school ID (its file is schools/ID.yaml)");
    import::Request req;
    req.file = vm["file"].as<std::string>();
    req.display_path = vm["file"].as<std::string>();
    req.school_id = vm["school"].as<std::string>();
    req.read.search_path = io.env.path;
    std::string why;
    if (!util::is_simple_id(req.school_id, &why)) throw util::Fatal("--school: '" + req.school_id + "' is not a usable id: " + why);
    if (vm.count("policy")) req.policy_id = vm["policy"].as<std::string>();
    if (vm.count("changes")) {
        std::string c = vm["changes"].as<std::string>();
        if (c == "accept")
            req.read.changes = import::Changes::accept;
        else if (c == "reject")
            req.read.changes = import::Changes::reject;
        else
            throw util::Fatal("--changes: '" + c + "' is neither accept nor reject");
    }
    req.force = vm.count("force") > 0;
    if (vm.count("section")) {
        req.section = vm["section"].as<std::string>();
        if (util::trim(req.section).empty()) throw util::Fatal("--section: give the heading of the part to import, as the document writes it");
    }
    req.today = parse_today(vm, io);
    std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "md" && format != "html" && format != "json")
        throw util::Fatal("--format: '" + format + "' is not a report format (text, md, html, json)");

    auto root = repository_root(vm);
    // The library, the settings and this one school: import never reads the other schools.
    auto repo = load_school_or_report(root, req.school_id, io);
    if (!repo) return 2;
    // clausebook's own document, edited: mapped exactly by its bookmarks (issue 16).
    std::string fell_back;
    if (auto identity = import::own_identity(req.file)) {
        int code = 0;
        if (import_own(*repo, req, *identity, vm, io, fell_back, code)) return code;
    }
    util::Diagnostics diags;
    import::Plan plan = import::plan_import(*repo, req, diags);
    if (diags.has_errors()) {
        print_diagnostics(diags, repo->sources, io);
        bool missing = std::any_of(diags.items().begin(), diags.items().end(), [](const util::Diagnostic& d) { return d.rule == "missing-value"; });
        if (missing && !plan.existed)
            io.err << "clausebook: the document does not state every value the outline needs; write schools/" << req.school_id
                   << ".yaml with the school's name and those values, and import again (it merges)\n";
        return 2;  // print_diagnostics has said "nothing was written"
    }
    std::string report = import::render_report(plan, format);
    if (!fell_back.empty()) report = "Note: " + fell_back + "; it is imported as any other document, aligned by its words.\n\n" + report;
    if (vm.count("dry-run")) {
        io.out << report;
        std::string diff = import::unified_diff(plan.old_text, plan.new_text, plan.path, !plan.existed);
        io.out << "\n" << (diff.empty() ? "No change to " + plan.path + "\n" : diff);
        io.out << "Dry run: nothing was written.\n";
        return 0;
    }

    // Write the school file, then read the repository again as every other command would.
    util::write_file_atomic(plan.file, plan.new_text);
    auto restore = [&] {
        if (plan.existed)
            util::write_file_atomic(plan.file, plan.old_text);
        else
            std::filesystem::remove(plan.file);
    };
    // The file as written, checked as a load checks a school; the other schools are as loaded.
    util::Diagnostics reload;
    model::Repository& imported = *repo;
    load::reload_school(imported, req.school_id, plan.path, plan.new_text, reload);
    const model::School* school = imported.school(req.school_id);
    const model::Outline* outline = imported.outline(plan.policy_id);
    if (reload.has_errors() || !school || !outline) {
        print_diagnostics(reload, imported.sources, io);
        restore();
        io.err << "clausebook: the school file import wrote does not load (a bug in import); it was put back as it was\n";
        return 3;
    }
    util::Diagnostics assembly;
    model::Document doc = assemble::assemble_document(imported, *school, *outline, assembly);
    if (assembly.has_errors()) {
        print_diagnostics(assembly, imported.sources, io);
        restore();
        return 3;
    }
    write::WriteOptions options;
    options.allow_raw_html = imported.config.allow_raw_html;
    std::string markdown = write::write_markdown(doc, options);
    auto copy = renew::approved_copy_path(root, req.school_id, plan.policy_id, *plan.copy_date);
    std::filesystem::create_directories(copy.parent_path());
    util::write_file_atomic(copy, markdown);
    if (vm.count("report")) {
        util::write_file_atomic(vm["report"].as<std::string>(), report);
    } else {
        io.out << report << "\n";
    }
    io.out << (plan.existed ? "Merged into " : "Wrote ") << plan.path << "\n";
    io.out << "Approved copy: " << std::filesystem::relative(copy, root).generic_string() << " (dated " << plan.copy_date_from << ")\n";
    io.out << "Next: clausebook build --school " << req.school_id << "; clausebook compare; clausebook adopt " << req.school_id << " CLAUSE...\n";
    return 0;
}

void adopt_options(po::options_description& desc, po::positional_options_description& pos) {
    desc.add_options()("school", po::value<std::string>(), "the school's id")("clause", po::value<std::vector<std::string>>(),
                                                                              "the clauses whose library wording the school takes")(
        "all", "every clause the school has its own wording for")("policy", po::value<std::string>(),
                                                                  "the policy (default: the school's only policy with its own wording)");
    pos.add("school", 1).add("clause", -1);
}

int adopt_run(const po::variables_map& vm, Io& io) {
    if (!vm.count("school")) throw util::Fatal("adopt needs a school: clausebook adopt SCHOOL CLAUSE... | --all");
    bool all = vm.count("all") > 0;
    std::vector<std::string> clauses = vm.count("clause") ? vm["clause"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (!all && clauses.empty()) throw util::Fatal("adopt needs the clauses to adopt, or --all");
    if (all && !clauses.empty()) throw util::Fatal("adopt takes clauses or --all, not both");
    std::string school_id = vm["school"].as<std::string>();
    auto root = repository_root(vm);
    auto repo = load_school_or_report(root, school_id, io);
    if (!repo) return 2;
    if (!repo->school(school_id)) repo = load_or_report(root, io);  // no such file: the message lists the schools there are
    if (!repo) return 2;
    const model::School* school = select_schools(*repo, {school_id}).front();
    const model::SchoolPolicy* policy = nullptr;
    if (vm.count("policy")) {
        select_outlines(*repo, {vm["policy"].as<std::string>()});
        policy = school->policy(vm["policy"].as<std::string>());
        if (!policy) throw util::Fatal(school->path + " has no entry for policy '" + vm["policy"].as<std::string>() + "'");
    } else {
        for (const auto& p : school->policies)
            if (!p.overrides.empty()) {
                if (policy) throw util::Fatal(school->name + " has its own wording in more than one policy: name one with --policy");
                policy = &p;
            }
        if (!policy) throw util::Fatal(school->name + " has no wording of its own to adopt over (no overrides in " + school->path + ")");
    }
    util::Diagnostics diags;
    for (const auto& id : clauses) {
        bool has = std::any_of(policy->overrides.begin(), policy->overrides.end(), [&](const model::Override& o) { return o.clause_id == id; });
        if (!has) {
            std::vector<std::string> ids;
            for (const auto& o : policy->overrides) ids.push_back(o.clause_id);
            diags.error({school->path, policy->pos.line, policy->pos.col}, "adopt-no-override",
                        "'" + id + "' has no wording of " + school->name + "'s own in " + policy->policy_id + " (it already uses the library's)",
                        ids.empty() ? std::string() : util::did_you_mean(id, ids));
        }
    }
    if (diags.has_errors()) {
        print_diagnostics(diags, repo->sources, io);
        io.err << "clausebook: adopt refused; nothing was changed\n";
        return 2;
    }
    auto file = root / school->path;
    auto old = util::read_file(file);
    if (!old.text) throw util::Fatal("cannot read " + school->path + ": " + old.error, 3);
    std::vector<std::string> removed;
    std::string text = import::remove_overrides(*old.text, school->path, policy->policy_id, clauses, all, removed);
    util::write_file_atomic(file, text);
    util::Diagnostics reload;
    model::Repository after = *repo;  // `school` and `policy` point into *repo
    load::reload_school(after, school->id, school->path, text, reload);
    if (reload.has_errors()) {
        print_diagnostics(reload, after.sources, io);
        util::write_file_atomic(file, *old.text);
        io.err << "clausebook: the school file adopt wrote does not load (a bug in adopt); it was put back as it was\n";
        return 3;
    }
    io.out << school->name << " now takes the library's wording for " << removed.size() << (removed.size() == 1 ? " clause" : " clauses") << " of "
           << policy->policy_id << ":\n";
    for (const auto& id : removed) io.out << "  " << id << "\n";
    io.out << "See what this changes for the governors: clausebook diff " << school->id << " --since-approval --format docx --output changes.docx\n";
    return 0;
}

}  // namespace clausebook::cli
