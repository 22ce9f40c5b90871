#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    int code = clausebook::cli::run(args, std::cout, std::cerr);
    // A report cut short on a full disk or a closed standard output must not look written.
    std::cout.flush();
    errno = 0;
    bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
    if (failed) {
        int err = errno;
        std::cerr << "clausebook: error: cannot write to standard output" << (err ? std::string(": ") + std::strerror(err) : std::string())
                  << "; the output is incomplete\n";
        return 3;
    }
    return code;
}
