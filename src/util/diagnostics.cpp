#include "util/diagnostics.hpp"

#include <algorithm>

namespace clausebook::util {

const char* severity_name(Severity s) {
    switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    }
    return "error";
}

void Diagnostics::add(Diagnostic d) { m_items.push_back(std::move(d)); }

void Diagnostics::error(const SourcePos& pos, std::string rule, std::string message, std::string hint) {
    add({pos, Severity::error, std::move(rule), std::move(message), std::move(hint)});
}

void Diagnostics::warning(const SourcePos& pos, std::string rule, std::string message, std::string hint) {
    add({pos, Severity::warning, std::move(rule), std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

void Diagnostics::append(const Diagnostics& other) { m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end()); }

}  // namespace clausebook::util
