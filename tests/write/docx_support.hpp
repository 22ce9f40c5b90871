// A test repository whose first clause exercises everything the DOCX body renderer handles,
// and a build of it to DOCX held in memory.
#pragma once

#include <string>

#include "support/fixture.hpp"
#include "write/docx_reader.hpp"

namespace clausebook::test {

constexpr const char* k_rich_clause =
    "---\n"
    "id: intro.purpose\n"
    "title: Purpose\n"
    "audience: [staff, parents]\n"
    "version: 1.0.0\n"
    "---\n"
    "This policy explains how {{school.name}} works. **Bold**, *italic* and ~~struck~~ text, a\n"
    "[safe link](https://example.org/a?b=1&c=2), an [unsafe link](javascript:alert(1)), a\n"
    "[mail link](mailto:office@example.org) and a reference to [conduct](clause:parents.conduct).\n"
    "\n"
    "1. first\n"
    "2. second\n"
    "   - nested bullet\n"
    "   - another nested bullet\n"
    "3. third\n"
    "\n"
    "Between the lists.\n"
    "\n"
    "1. again one\n"
    "2. again two\n"
    "\n"
    "Between again.\n"
    "\n"
    "5) starts at five\n"
    "6) six\n"
    "\n"
    "| Who | What |\n"
    "| --- | :---: |\n"
    "| Staff | **Report** it |\n"
    "| Parents | Tell the class teacher |\n"
    "\n"
    "> A quoted line.\n"
    "\n"
    "    code line 1\n"
    "    code line 2\n";

// `repo` built with --format docx; the DOCX of school `school`, read back.
inline DocxPackage build_docx(const TestRepo& repo, const std::string& school = "alpha") {
    auto r = repo.run({"build", "--format", "docx", "--quiet"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return read_docx(read_file(repo.out() / school / "social.docx"));
}

// The fixture's repository with k_rich_clause as its first clause.
struct RichRepo : TestRepo {
    RichRepo() { write("clauses/intro/purpose.md", k_rich_clause); }
};

}  // namespace clausebook::test
