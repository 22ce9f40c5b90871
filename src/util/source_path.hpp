// The path of a source file as positions show it ("schools/conway-primary.yaml"). Every place a
// run reports or remembers (each value read from a school file carries one) holds its file's path;
// kept as a string, that was one allocation and copy per value, millions for a trust's registers.
// A SourcePath is a pointer to the one copy of its text this process keeps (the copies are never
// freed; a run reads a bounded number of files), so copying, comparing for equality and hashing
// cost a pointer. It reads as a `const std::string&` wherever one is expected.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace clausebook::util {

class SourcePath {
public:
    SourcePath() noexcept;
    SourcePath(std::string_view text);
    SourcePath(const std::string& text) : SourcePath(std::string_view(text)) {}
    SourcePath(const char* text) : SourcePath(std::string_view(text)) {}

    const std::string& str() const noexcept { return *m_text; }
    operator const std::string&() const noexcept { return *m_text; }
    bool empty() const noexcept { return m_text->empty(); }
    std::size_t size() const noexcept { return m_text->size(); }
    const char* c_str() const noexcept { return m_text->c_str(); }

    // Two paths with the same text are the same copy, so equality is the pointers'.
    friend bool operator==(const SourcePath& a, const SourcePath& b) noexcept { return a.m_text == b.m_text; }
    friend bool operator==(const SourcePath& a, const std::string& b) noexcept { return *a.m_text == b; }
    friend bool operator==(const SourcePath& a, std::string_view b) noexcept { return *a.m_text == b; }
    friend bool operator==(const SourcePath& a, const char* b) noexcept { return *a.m_text == b; }
    // Ordered by text, as the strings were.
    friend std::strong_ordering operator<=>(const SourcePath& a, const SourcePath& b) noexcept {
        if (a.m_text == b.m_text) return std::strong_ordering::equal;
        return a.m_text->compare(*b.m_text) <=> 0;
    }

    friend std::string operator+(const SourcePath& a, std::string_view b) { return std::string(*a.m_text).append(b); }
    friend std::string operator+(const SourcePath& a, const std::string& b) { return *a.m_text + b; }
    friend std::string operator+(const SourcePath& a, const char* b) { return *a.m_text + b; }
    friend std::string operator+(const SourcePath& a, char b) { return *a.m_text + b; }
    friend std::string operator+(const std::string& a, const SourcePath& b) { return a + *b.m_text; }
    friend std::string operator+(std::string&& a, const SourcePath& b) { return std::move(a.append(*b.m_text)); }
    friend std::string operator+(const char* a, const SourcePath& b) { return a + *b.m_text; }
    friend std::ostream& operator<<(std::ostream& out, const SourcePath& p) { return out << *p.m_text; }

    // The identity of the text, for hashing.
    const void* id() const noexcept { return m_text; }

private:
    const std::string* m_text;
};

}  // namespace clausebook::util

template <>
struct std::hash<clausebook::util::SourcePath> {
    std::size_t operator()(const clausebook::util::SourcePath& p) const noexcept { return std::hash<const void*>{}(p.id()); }
};
