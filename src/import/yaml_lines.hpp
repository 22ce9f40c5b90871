// A school file edited line by line, as text, so that every line import does not touch stays as
// the clerk wrote it (comments, quoting, blank lines, CRLF): the one set of helpers behind
// import's school-file merge (school_file.cpp) and the edits of an own document (edit_map.cpp).
// Block style only; a policy entry written in flow style ({...}) is refused where it is found.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace clausebook::import {

// The file's lines without their ends, the end they use ("\n" or "\r\n"), and whether the last
// line has one; str() gives the same bytes back for an unchanged file.
struct YamlLines {
    std::vector<std::string> lines;
    std::string eol = "\n";
    bool final_eol = true;

    explicit YamlLines(const std::string& text);
    std::string str() const;
    void insert(std::size_t at, const std::vector<std::string>& added);
};

int indent_of(const std::string& line);
// Not blank and not a comment.
bool is_content(const std::string& line);
std::string spaces(int n);
// `line` with "  # comment" after it, when there is a comment.
std::string with_comment(const std::string& line, const std::string& comment);

// The line `key:` (or `"key":`, `'key':`) at exactly `indent` in [from, to), or npos.
std::size_t find_key(const std::vector<std::string>& lines, std::size_t from, std::size_t to, const std::string& key, int indent);
// One past the last content line of the block under the key at `at` (whose indentation is
// `indent`): the lines indented more, and list items ("- ") at `dash` (YAML lets a list sit at
// its key's own indentation).
std::size_t block_end(const std::vector<std::string>& lines, std::size_t at, int indent, int dash = -1);
// The indentation of the first content line in (at, end), or `fallback`.
int child_indent(const std::vector<std::string>& lines, std::size_t at, std::size_t end, int fallback);
// `text` as the lines of a `|` block scalar indented `indent`, appended to `out` (trailing blank
// lines dropped: `|` would drop them on reading).
void block_scalar(std::vector<std::string>& out, const std::string& text, int indent);

// A policy's entry under `policies:`: its line (npos when the file has none), the line after its
// block, its key's indentation and its keys' indentation. An entry in flow style is refused
// (util::Fatal at path:line:col, [import-school-file]).
struct PolicyEntry {
    std::size_t line = std::string::npos;
    std::size_t end = 0;
    int indent = 0;
    int child = 0;
};
PolicyEntry find_policy_entry(const YamlLines& f, const std::string& policy_id, const std::string& path);

}  // namespace clausebook::import
