// clausebook list schools|policies|clauses
#include <iomanip>
#include <iostream>

#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

void list_options(po::options_description& desc, po::positional_options_description& pos) {
    desc.add_options()("what", po::value<std::string>(), "schools, policies or clauses");
    pos.add("what", 1);
}

int list_run(const po::variables_map& vm, Io& io) {
    const std::vector<std::string> kinds = {"schools", "policies", "clauses"};
    if (!vm.count("what")) throw util::Fatal("list what? say one of: " + util::join(kinds, ", "));
    std::string what = vm["what"].as<std::string>();
    bool known = false;
    for (const auto& k : kinds) known = known || k == what;
    if (!known) {
        std::string hint = util::did_you_mean(what, kinds);
        throw util::Fatal("cannot list '" + what + "'; " + (hint.empty() ? "say one of: " + util::join(kinds, ", ") : hint));
    }
    auto repo = load_or_report(repository_root(vm), io);
    if (!repo) return 2;
    if (what == "schools") {
        for (const auto& s : repo->schools) io.out << std::left << std::setw(28) << s.id << " " << s.name << "\n";
    } else if (what == "policies") {
        for (const auto& o : repo->outlines) io.out << std::left << std::setw(28) << o.id << " " << o.title << "\n";
    } else {
        for (const auto& [id, files] : repo->clauses)
            for (const auto& c : files) {
                std::string name = c.variant.empty() ? id : id + "@" + c.variant;
                io.out << std::left << std::setw(40) << name << " " << std::setw(8) << c.version << " " << c.title << "\n";
            }
    }
    return 0;
}

}  // namespace clausebook::cli
