#include "cli/cli.hpp"

#include <iostream>
#include <sstream>
#include <unistd.h>

#include "cli/command.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

#ifndef CLAUSEBOOK_VERSION
#define CLAUSEBOOK_VERSION "unknown"
#endif

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

void general_help(std::ostream& os) {
    os << "clausebook " CLAUSEBOOK_VERSION
          " - build, compare and check schools' policies from a shared clause library\n\n"
          "usage: clausebook COMMAND [OPTIONS]\n\ncommands:\n";
    for (const auto& c : commands()) {
        std::string name = c.name;
        name.resize(12, ' ');
        os << "  " << name << c.summary << "\n";
    }
    os << "\n'clausebook COMMAND --help' describes a command's options.\n"
          "Exit codes: 0 fine, 1 findings or differences, 2 bad input or usage, 3 internal error.\n";
}

const Command* find_command(const std::string& name) {
    for (const auto& c : commands())
        if (name == c.name) return &c;
    return nullptr;
}

po::options_description describe(const Command& cmd, po::positional_options_description& pos) {
    po::options_description desc("options");
    desc.add_options()("help,h", "describe this command")("root", po::value<std::string>(), "the repository (default: found upwards from here)");
    cmd.add_options(desc, pos);
    return desc;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    Io io{out, err, ::isatty(STDERR_FILENO) == 1 && &err == &std::cerr, util::read_environment()};
    util::set_write_fault(io.env.fault_write);
    if (args.empty()) {
        err << "clausebook: error: name a command\n";
        general_help(err);
        return 2;
    }
    const std::string& first = args[0];
    if (first == "--version" || first == "-V" || first == "version") {
        out << "clausebook " CLAUSEBOOK_VERSION "\n";
        return 0;
    }
    if (first == "--help" || first == "-h" || first == "help") {
        if (args.size() > 1) {
            if (const Command* c = find_command(args[1])) {
                po::positional_options_description pos;
                out << "usage: " << c->usage << "\n\n" << c->summary << "\n\n" << describe(*c, pos);
                return 0;
            }
            err << "clausebook help: error: '" << util::sanitize_for_terminal(args[1]) << "' is not a command\nusage: clausebook help [COMMAND]\n";
            return 2;
        }
        general_help(out);
        return 0;
    }
    const Command* cmd = find_command(first);
    if (!cmd) {
        std::vector<std::string> names;
        for (const auto& c : commands()) names.emplace_back(c.name);
        std::string hint = util::did_you_mean(first, names);
        err << "clausebook: error: '" << first << "' is not a command; " << (hint.empty() ? "the commands are: " + util::join(names, ", ") : hint) << "\n";
        return 2;
    }
    try {
        po::positional_options_description pos;
        po::options_description desc = describe(*cmd, pos);
        std::vector<std::string> rest(args.begin() + 1, args.end());
        po::variables_map vm;
        po::store(po::command_line_parser(rest).options(desc).positional(pos).run(), vm);
        po::notify(vm);
        if (vm.count("help")) {
            out << "usage: " << cmd->usage << "\n\n" << cmd->summary << "\n\n" << desc;
            return 0;
        }
        if (!io.env.source_date_epoch_error.empty()) throw util::Fatal(io.env.source_date_epoch_error);
        return cmd->run(vm, io);
    } catch (const po::error& e) {
        err << "clausebook " << cmd->name << ": error: " << e.what() << "\nusage: " << cmd->usage << "\n";
        return 2;
    } catch (const util::Usage& e) {
        err << "clausebook " << cmd->name << ": error: " << util::sanitize_for_terminal(e.what()) << "\nusage: " << cmd->usage << "\n";
        return 2;
    } catch (const util::Fatal& e) {
        err << "clausebook: error: " << util::sanitize_for_terminal(e.what()) << "\n";
        return e.exit_code();
    } catch (const std::exception& e) {
        err << "clausebook: internal error: " << util::sanitize_for_terminal(e.what()) << "\n";
        return 3;
    }
}

}  // namespace clausebook::cli
