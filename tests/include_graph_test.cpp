// The architecture as ARCHITECTURE.md draws it, checked on the source's #include lines:
// the lower layers include nothing above them, only the commands see the loader's headers, and
// no two source files depend on each other through their headers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Include {
    std::string file;  // "src/model/repository.hpp"
    int line = 0;
    std::string target;  // "util/date.hpp": the project header named, as written
};

// Every project #include ("folder/name.hpp") in every file under src/.
std::vector<Include> project_includes() {
    std::vector<Include> out;
    const fs::path src = fs::path(CLAUSEBOOK_SOURCE_DIR) / "src";
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(src))
        if (e.is_regular_file() && (e.path().extension() == ".hpp" || e.path().extension() == ".cpp")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
        std::ifstream in(p);
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            const std::string prefix = "#include \"";
            if (line.rfind(prefix, 0) != 0) continue;
            auto end = line.find('"', prefix.size());
            std::string target = line.substr(prefix.size(), end - prefix.size());
            if (target.find('/') == std::string::npos) continue;  // generated files, same folder
            out.push_back({fs::relative(p, CLAUSEBOOK_SOURCE_DIR).generic_string(), n, target});
        }
    }
    return out;
}

std::string folder_of(const std::string& src_path) {  // "src/model/x.hpp" -> "model"
    auto rest = src_path.substr(4);
    return rest.substr(0, rest.find('/'));
}

std::string folder_of_target(const std::string& target) { return target.substr(0, target.find('/')); }

std::string describe(const std::vector<std::string>& problems) {
    std::ostringstream s;
    for (const auto& p : problems) s << "\n  " << p;
    return s.str();
}

}  // namespace

TEST_CASE("include graph: util, model and lang include nothing above them", "[architecture]") {
    // Each layer may include itself and the layers named for it.
    const std::map<std::string, std::set<std::string>> allowed = {
        {"util", {"util"}},
        {"model", {"model", "util"}},
        {"lang", {"lang", "model", "util"}},
    };
    auto includes = project_includes();
    REQUIRE(includes.size() > 200);  // the scan found the source
    std::vector<std::string> problems;
    for (const auto& inc : includes) {
        auto layer = allowed.find(folder_of(inc.file));
        if (layer == allowed.end()) continue;
        if (!layer->second.count(folder_of_target(inc.target))) problems.push_back(inc.file + ":" + std::to_string(inc.line) + " includes " + inc.target);
    }
    INFO("lower layers including higher ones:" << describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("include graph: only load/ and the commands that start a load include load/ headers", "[architecture]") {
    // load/ produces the model (model/repository.hpp); every other stage reads the model. The
    // commands (cli/) start a load. A .cpp elsewhere may call the loader's YAML reader for a file
    // that is not part of the repository's model (a data list check reads, the school file renew
    // edits in place), but no header outside load/ may pass load/'s types on.
    std::vector<std::string> problems;
    for (const auto& inc : project_includes()) {
        std::string folder = folder_of(inc.file);
        if (folder == "load" || folder == "cli" || folder_of_target(inc.target) != "load") continue;
        if (inc.file.size() > 4 && inc.file.substr(inc.file.size() - 4) == ".hpp")
            problems.push_back(inc.file + ":" + std::to_string(inc.line) + " includes " + inc.target);
    }
    INFO("headers outside load/ and cli/ including load/:" << describe(problems));
    CHECK(problems.empty());
}

TEST_CASE("include graph: no two source files depend on each other", "[architecture]") {
    // A module is a header and its .cpp ("compare/matrix"); it depends on every module whose
    // header one of its files includes. A cycle means neither can be understood or tested alone.
    std::map<std::string, std::set<std::string>> edges;
    for (const auto& inc : project_includes()) {
        std::string from = inc.file.substr(4, inc.file.rfind('.') - 4);
        std::string to = inc.target.substr(0, inc.target.rfind('.'));
        if (from != to) edges[from].insert(to);
    }
    std::vector<std::string> cycles;
    std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
    std::vector<std::string> path;
    std::function<void(const std::string&)> visit = [&](const std::string& m) {
        state[m] = 1;
        path.push_back(m);
        for (const auto& next : edges[m]) {
            if (state[next] == 1) {
                std::string cycle;
                for (auto it = std::find(path.begin(), path.end(), next); it != path.end(); ++it) cycle += *it + " -> ";
                cycles.push_back(cycle + next);
            } else if (state[next] == 0) {
                visit(next);
            }
        }
        path.pop_back();
        state[m] = 2;
    };
    std::vector<std::string> modules;
    for (const auto& [m, to] : edges) modules.push_back(m);
    for (const auto& m : modules)
        if (state[m] == 0) visit(m);
    INFO("include cycles:" << describe(cycles));
    CHECK(cycles.empty());
}
