// A test that cannot run here (a tool is not installed, ../shared is not beside the checkout)
// must not read as passed. CLAUSEBOOK_SKIP prints a marker line that ctest's
// SKIP_REGULAR_EXPRESSION (tests/CMakeLists.txt) turns into "Skipped" in its summary, then
// leaves the test case. Use it before any assertion:
//
//     CLAUSEBOOK_NEEDS_PROGRAM("soffice");   // a tool that scripts/setup.sh installs
//     if (!fs::exists(seeds)) CLAUSEBOOK_SKIP("../shared/seeds is not beside the checkout");
//
// A skip for a missing program says "program not installed: NAME". scripts/test.sh runs after
// scripts/setup.sh has installed every such program, so it fails the run when it finds one:
// a missing install step cannot hide behind a skip.
#pragma once

#include <string>

namespace clausebook::test {

// Prints "CLAUSEBOOK-SKIPPED: <reason>" on standard output.
void report_skip(const std::string& reason);

// True when `name` is an executable on PATH.
bool have_program(const std::string& name);

}  // namespace clausebook::test

#define CLAUSEBOOK_NEEDS_PROGRAM(name)                                                                                            \
    do {                                                                                                                          \
        if (!::clausebook::test::have_program(name)) {                                                                            \
            ::clausebook::test::report_skip(std::string("program not installed: ") + (name) + " (scripts/setup.sh installs it)"); \
            return;                                                                                                               \
        }                                                                                                                         \
    } while (0)

#define CLAUSEBOOK_SKIP(reason)                  \
    do {                                         \
        ::clausebook::test::report_skip(reason); \
        return;                                  \
    } while (0)
