// Problems found in the user's files. Lower layers report {position, rule, message}; every
// problem of a run is collected and printed together.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "util/source_path.hpp"

namespace clausebook::util {

// A place in a source file. `path` is as shown to the user (relative to the repository root
// where possible); `line` and `col` are 1-based, 0 when unknown.
struct SourcePos {
    SourcePath path;
    int line = 0;
    int col = 0;
};

enum class Severity { error, warning, info };

const char* severity_name(Severity s);

struct Diagnostic {
    SourcePos pos;
    Severity severity = Severity::error;
    std::string rule;  // kebab-case rule id, e.g. "duplicate-key"
    std::string message;  // what is wrong
    std::string hint;  // what to do, or "did you mean ...?"; may be empty
};

// Collects diagnostics in the order found.
class Diagnostics {
public:
    void add(Diagnostic d);
    void error(const SourcePos& pos, std::string rule, std::string message, std::string hint = {});
    void warning(const SourcePos& pos, std::string rule, std::string message, std::string hint = {});

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Diagnostic>& items() const { return m_items; }
    void append(const Diagnostics& other);

private:
    std::vector<Diagnostic> m_items;
};

}  // namespace clausebook::util
