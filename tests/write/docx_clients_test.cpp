// Real clients read every example school's DOCX: LibreOffice lays it out as a PDF whose text
// shows the title, headings, contents, next review date and page numbers; pandoc reads it back
// to the same text as the Markdown output, clause by clause. One test case per client, tagged
// [client]; each external command runs under `timeout` so a hung client fails the test.
// The tools come from scripts/setup.sh (libreoffice-writer-nogui, poppler-utils, pandoc).
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <sstream>

#include "assemble/assembler.hpp"
#include "cli/cli.hpp"
#include "load/load.hpp"
#include "support/fixture.hpp"
#include "support/skip.hpp"
#include "util/date.hpp"

using namespace clausebook;
using namespace clausebook::test;

namespace {

constexpr const char* k_timeout = "timeout 300 ";

struct Shell {
    int status = 0;
    std::string out;
};

Shell shell(const std::string& command) {
    Shell r;
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    REQUIRE(p);
    std::array<char, 8192> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    r.status = ::pclose(p);
    return r;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The example repository, built to DOCX and Markdown under `out`, and its documents.
std::vector<model::Document> build_example(const std::filesystem::path& out) {
    std::ostringstream o, e;
    int code = cli::run({"build", "--root", source_dir().string(), "--out", out.string(), "--format", "docx,md", "--quiet"}, o, e);
    INFO(e.str());
    REQUIRE(code == 0);
    util::Diagnostics diags;
    model::Repository repo = load::load_repository(source_dir(), diags);
    std::vector<model::Document> docs;
    for (const auto& school : repo.schools)
        for (const auto& outline : repo.outlines) docs.push_back(assemble::assemble_document(repo, school, outline, diags));
    REQUIRE(docs.size() == 5);
    return docs;
}

std::filesystem::path file_of(const std::filesystem::path& out, const model::Document& d, const char* ext) {
    return out / d.meta.school_id / (d.meta.policy_id + ext);
}

// Whitespace runs as one space.
std::string squeeze(const std::string& s) {
    std::string r;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space) {
            if (!r.empty() && r.back() != ' ') r += ' ';
        } else
            r += c;
    }
    return r;
}

std::size_t count_of(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// The words of `s`: runs of letters, digits and non-ASCII bytes; list markers, table rules
// and punctuation are layout, not text.
std::string words(std::string_view s) {
    std::string r;
    bool in_word = false;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        bool word = std::isalnum(u) || u >= 0x80;
        if (word) {
            if (!in_word && !r.empty()) r += ' ';
            r += c;
        }
        in_word = word;
    }
    return r;
}

// Each clause's text in pandoc's plain output, by heading: the body starts at the last line
// reading "1 <first section>" (the contents come before it).
std::vector<std::string> clause_texts(const std::string& plain, const model::Document& d) {
    std::vector<std::string> headings, out;
    for (std::size_t s = 0; s < d.sections.size(); ++s) {
        headings.push_back(std::to_string(s + 1) + " " + d.sections[s].title);
        for (std::size_t c = 0; c < d.sections[s].clauses.size(); ++c)
            headings.push_back(std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + d.sections[s].clauses[c].title);
    }
    std::string text = "\n" + plain + "\n";
    std::size_t pos = text.rfind("\n" + headings.front() + "\n");
    REQUIRE(pos != std::string::npos);
    std::vector<std::size_t> starts, ends;
    for (const auto& h : headings) {
        std::size_t at = text.find("\n" + h + "\n", pos);
        INFO("heading " << h);
        REQUIRE(at != std::string::npos);
        starts.push_back(at);
        ends.push_back(at + h.size() + 2);
        pos = at + 1;
    }
    for (std::size_t i = 0; i < headings.size(); ++i) {
        bool is_clause = headings[i].find('.') < headings[i].find(' ');
        if (!is_clause) continue;
        std::size_t stop = i + 1 < headings.size() ? starts[i + 1] : text.size();
        out.push_back(words(text.substr(ends[i], stop - ends[i])));
    }
    return out;
}

}  // namespace

TEST_CASE("docx clients: LibreOffice lays out every example school's policy", "[docx][client][libreoffice]") {
    CLAUSEBOOK_NEEDS_PROGRAM("soffice");
    CLAUSEBOOK_NEEDS_PROGRAM("pdftotext");
    TempDir dir;
    auto docs = build_example(dir.path() / "out");
    // The five DOCX files share a name (the policy id): copy each to <school>.docx so that one
    // soffice run, with a profile of its own, converts them all.
    std::filesystem::create_directories(dir.path() / "in");
    std::string files;
    for (const auto& d : docs) {
        auto copy = dir.path() / "in" / (d.meta.school_id + ".docx");
        std::filesystem::copy_file(file_of(dir.path() / "out", d, ".docx"), copy);
        files += " " + quoted(copy);
    }
    Shell convert = shell(std::string(k_timeout) + "soffice --headless --norestore -env:UserInstallation=file://" + (dir.path() / "profile").string() +
                          " --convert-to pdf --outdir " + quoted(dir.path() / "pdf") + files);
    INFO(convert.out);
    REQUIRE(convert.status == 0);
    for (const auto& d : docs) {
        Shell text = shell(std::string(k_timeout) + "pdftotext " + quoted(dir.path() / "pdf" / (d.meta.school_id + ".pdf")) + " -");
        INFO(text.out.substr(0, 300));
        REQUIRE(text.status == 0);
        std::string raw = text.out;
        std::string pdf_text = squeeze(raw);
        INFO(d.meta.school_id);
        CHECK(pdf_text.find(d.meta.title) != std::string::npos);
        CHECK(pdf_text.find(d.meta.school_name) != std::string::npos);
        for (std::size_t s = 0; s < d.sections.size(); ++s) {
            std::string heading = std::to_string(s + 1) + " " + d.sections[s].title;
            INFO(heading);
            CHECK(count_of(pdf_text, heading) >= 2);  // its contents entry and the heading
            for (std::size_t c = 0; c < d.sections[s].clauses.size(); ++c) {
                std::string clause = std::to_string(s + 1) + "." + std::to_string(c + 1) + " " + d.sections[s].clauses[c].title;
                INFO(clause);
                CHECK(count_of(pdf_text, clause) >= 2);
            }
        }
        std::string review = d.meta.next_review ? util::to_long(*d.meta.next_review) : "not set";
        CHECK(pdf_text.find("Next review: " + review) != std::string::npos);
        std::size_t pages = count_of(raw, "\f");
        CHECK(pages >= 3);
        CHECK(pdf_text.find("Page 1 of " + std::to_string(pages)) != std::string::npos);
        CHECK(pdf_text.find("Page " + std::to_string(pages) + " of " + std::to_string(pages)) != std::string::npos);
    }
}

TEST_CASE("docx clients: pandoc reads every example school's policy back to the Markdown's text", "[docx][client][pandoc]") {
    CLAUSEBOOK_NEEDS_PROGRAM("pandoc");
    TempDir dir;
    auto out = dir.path() / "out";
    auto docs = build_example(out);
    for (const auto& d : docs) {
        INFO(d.meta.school_id);
        Shell from_docx = shell(std::string(k_timeout) + "pandoc -f docx -t plain --wrap=none " + quoted(file_of(out, d, ".docx")));
        Shell from_md = shell(std::string(k_timeout) + "pandoc -f gfm -t plain --wrap=none " + quoted(file_of(out, d, ".md")));
        REQUIRE(from_docx.status == 0);
        REQUIRE(from_md.status == 0);
        CHECK(from_docx.out.find(d.meta.title) != std::string::npos);
        auto docx_clauses = clause_texts(from_docx.out, d);
        auto md_clauses = clause_texts(from_md.out, d);
        REQUIRE(docx_clauses.size() == md_clauses.size());
        std::size_t clauses = 0;
        for (const auto& s : d.sections) clauses += s.clauses.size();
        CHECK(docx_clauses.size() == clauses);
        for (std::size_t i = 0; i < docx_clauses.size(); ++i) {
            INFO("clause " << i + 1 << " of " << clauses);
            CHECK(!docx_clauses[i].empty());
            CHECK(docx_clauses[i] == md_clauses[i]);
        }
    }
}
