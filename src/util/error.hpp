// The one exception type for conditions a run cannot survive (an unreadable root, a failed
// write). Problems in the user's files are Diagnostics instead. Caught once, in cli.
#pragma once

#include <stdexcept>
#include <string>

namespace clausebook::util {

class Fatal : public std::runtime_error {
public:
    // `exit_code` is 2 for bad input or usage, 3 for an internal or environment failure.
    explicit Fatal(const std::string& message, int exit_code = 2) : std::runtime_error(message), m_exit_code(exit_code) {}
    int exit_code() const { return m_exit_code; }

private:
    int m_exit_code;
};

// A mistake on the command line (an empty or impossible option value): exit 2, and cli prints
// the command's usage line after the message.
class Usage : public Fatal {
public:
    explicit Usage(const std::string& message) : Fatal(message, 2) {}
};

}  // namespace clausebook::util
