// Injection (issue 8): parameters, titles and local wording holding HTML, Markdown, XML and
// spreadsheet formulas come out as text in every format, and only http, https and mailto
// links survive.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <zip.h>

#include "support/fixture.hpp"

using clausebook::test::RunResult;
using clausebook::test::TestRepo;

namespace {

// Each value is a different attack; all must come out as the same visible text.
const char* const k_school_name = "<script>alert(1)</script> Alpha & <w:p/> ]]> {{school.name}}";
const char* const k_head_name = "=HYPERLINK(\"http://evil.example\",\"x\")";
const char* const k_local_title = "@SUM(1+1) <b>Local</b>";

void write_hostile_school(TestRepo& repo) {
    repo.write("schools/alpha.yaml",
               "school:\n"
               "  name: \"<script>alert(1)</script> Alpha & <w:p/> ]]> {{school.name}}\"\n"
               "  phase: primary\n"
               "params:\n"
               "  headteacher: { name: '=HYPERLINK(\"http://evil.example\",\"x\")', role: \"+cmd|' /C calc'!A0\" }\n"
               "  linked: [\"**bold** [x](javascript:alert(1))\", \"-2+3\"]\n"
               "policies:\n"
               "  social:\n"
               "    approved: 2024-03-01\n"
               "    approved_by: \"<i>Board</i>\"\n"
               "    minute: \"=1+1\"\n"
               "    overrides:\n"
               "      staff.contact: \"<script>alert(2)</script> Staff [x](javascript:alert(3)) and [y](data:text/html,hi).\"\n"
               "    local:\n"
               "      - id: local.hostile\n"
               "        section: intro\n"
               "        title: \"@SUM(1+1) <b>Local</b>\"\n"
               "        text: |\n"
               "          <img src=x onerror=alert(4)> [click](javascript:alert(5)) [safe](https://example.org/a) <mailto:head@example.org>\n"
               "          [vb](vbscript:msgbox) [file](file:///etc/passwd) [x](JaVaScRiPt:alert(6))\n");
}

// Every href and src in an HTML page.
std::vector<std::string> urls_in(const std::string& html) {
    static const std::regex k_url(R"re((?:href|src)\s*=\s*["']?([^"' >]*))re", std::regex::icase);
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), k_url); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
    return out;
}

bool safe_url(const std::string& url) {
    std::string lower;
    for (char c : url) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0 || lower.rfind("#", 0) == 0) return true;
    return lower.find(':') == std::string::npos;  // a relative link inside out/
}

void check_html(const std::string& what, const std::string& html) {
    INFO(what);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<img src=x") == std::string::npos);
    CHECK(html.find("<w:p/>") == std::string::npos);
    CHECK(html.find("<b>Local") == std::string::npos);
    for (const auto& url : urls_in(html)) {
        INFO(url);
        CHECK(safe_url(url));
    }
}

std::string zip_entry(const std::string& bytes, const char* name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* zip = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
    std::string out;
    if (zip) {
        if (zip_file_t* f = zip_fopen(zip, name, 0)) {
            char buf[8192];
            zip_int64_t n;
            while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
            zip_fclose(f);
        }
        zip_discard(zip);
    } else if (src) {
        zip_source_free(src);
    }
    zip_error_fini(&error);
    return out;
}

// The visible text of a WordprocessingML part: every w:t, concatenated.
std::string docx_text(const pugi::xml_document& doc) {
    std::string text;
    for (auto t : doc.select_nodes("//w:t")) text += t.node().text().get();
    return text;
}

// The fields of a CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines).
std::vector<std::string> csv_fields(const std::string& csv) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                fields.back() += csv[++i];
            else if (c == '"')
                quoted = false;
            else
                fields.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

// No CSV field may start with a character a spreadsheet reads as a formula (OWASP, "CSV
// injection"): = + - @ tab and carriage return.
void check_csv(const std::string& csv) {
    for (const auto& f : csv_fields(csv)) {
        if (f.empty()) continue;
        INFO(f);
        bool number = std::regex_match(f, std::regex(R"(-?[0-9]+(\.[0-9]+)?)"));
        CHECK((number || std::string("=+-@\t\r").find(f[0]) == std::string::npos));
    }
}

}  // namespace

TEST_CASE("hostile text in a school file comes out as text in md, html and docx", "[robustness][injection]") {
    TestRepo repo;
    write_hostile_school(repo);
    RunResult r = repo.run({"build", "--school", "alpha"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::string md = repo.read("out/alpha/social.md");
    CHECK(md.find("<script>") == std::string::npos);  // escaped as \<script\>
    // A link with another scheme survives only as escaped text: \[x\](javascript:...).
    static const std::regex k_live_link(R"((^|[^\\])\]\((javascript|data|vbscript|file):)", std::regex::icase);
    CHECK_FALSE(std::regex_search(md, k_live_link));
    CHECK(md.find("](https://example.org/a)") != std::string::npos);

    std::string html = repo.read("out/alpha/social.html");
    check_html("social.html", html);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; Alpha &amp; &lt;w:p/&gt; ]]&gt; {{school.name}}") != std::string::npos);
    CHECK(html.find("https://example.org/a") != std::string::npos);
    check_html("index.html", repo.read("out/index.html"));

    std::string docx = repo.read("out/alpha/social.docx");
    pugi::xml_document doc;
    REQUIRE(doc.load_string(zip_entry(docx, "word/document.xml").c_str()));
    std::string text = docx_text(doc);
    CHECK(text.find(k_school_name) != std::string::npos);
    CHECK(text.find(k_head_name) != std::string::npos);
    CHECK(text.find(k_local_title) != std::string::npos);
    CHECK(doc.select_nodes("//w:p/w:p").empty());
    pugi::xml_document rels;
    REQUIRE(rels.load_string(zip_entry(docx, "word/_rels/document.xml.rels").c_str()));
    for (auto rel : rels.select_nodes("//*[@TargetMode='External']")) {
        std::string target = rel.node().attribute("Target").value();
        INFO(target);
        CHECK(safe_url(target));
        CHECK(target.find(':') != std::string::npos);
    }
}

TEST_CASE("hostile text comes out as text in every compare and check report", "[robustness][injection]") {
    TestRepo repo;
    write_hostile_school(repo);

    RunResult csv = repo.run({"compare", "--format", "csv"});
    INFO(csv.err);
    REQUIRE(csv.exit_code == 0);
    check_csv(csv.out);

    RunResult json = repo.run({"compare", "--format", "json"});
    REQUIRE(json.exit_code == 0);
    auto parsed = nlohmann::json::parse(json.out);  // throws if the JSON is broken
    CHECK((json.out.find("\\u003cscript") != std::string::npos || parsed.dump().find("<script>alert(1)") != std::string::npos));

    RunResult html = repo.run({"compare", "--format", "html"});
    REQUIRE(html.exit_code == 0);
    check_html("compare.html", html.out);

    RunResult md = repo.run({"compare", "--format", "md"});
    REQUIRE(md.exit_code == 0);
    CHECK(md.out.find("<script>") == std::string::npos);

    for (const char* format : {"json", "sarif"}) {
        RunResult c = repo.run({"check", "--today", "2030-01-01", "--format", format});
        INFO(format << "\n" << c.err);
        CHECK(c.exit_code <= 1);
        CHECK_NOTHROW(nlohmann::json::parse(c.out));
    }
    RunResult junit = repo.run({"check", "--today", "2030-01-01", "--format", "junit"});
    CHECK(junit.exit_code <= 1);
    pugi::xml_document doc;
    CHECK(doc.load_string(junit.out.c_str()));
    CHECK(doc.select_nodes("//script").empty());
}

TEST_CASE("with allow_raw_html, the trust's clauses pass HTML through but school files never do (L3)", "[robustness][injection]") {
    TestRepo repo;
    repo.write("clausebook.yaml", "trust:\n  name: Test Trust\nsettings:\n  allow_raw_html: true\n");
    repo.write("clauses/intro/purpose.md",
               "---\nid: intro.purpose\ntitle: Purpose\nversion: 1.0.0\n---\nThis policy of {{{school.name}}} is <abbr title=\"designated safeguarding "
               "lead\">DSL</abbr> approved.\n");
    repo.write("schools/alpha.yaml",
               "school:\n  name: \"Alpha <img src=x onerror=alert(1)><script>alert(2)</script> *School*\"\nparams:\n"
               "  headteacher: { name: Ann Example, role: Headteacher }\npolicies:\n  social:\n    approved: 2024-03-01\n");
    RunResult r = repo.run({"build", "--school", "alpha", "--format", "html,md"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string html = repo.read("out/alpha/social.html");
    // The value filled in by {{{...}}} keeps its Markdown but cannot become HTML.
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<script>alert(2)") == std::string::npos);
    CHECK(html.find("Alpha &lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt; <em>School</em>") != std::string::npos);
    // The trust's own clause file still passes its HTML through.
    CHECK(html.find("<abbr title=\"designated safeguarding lead\">DSL</abbr>") != std::string::npos);

    // Raw HTML in a school's own wording is refused while allow_raw_html is on.
    repo.write("schools/alpha.yaml",
               "school:\n  name: Alpha Primary School\nparams:\n  headteacher: { name: Ann Example, role: Headteacher }\n"
               "policies:\n  social:\n    approved: 2024-03-01\n    local:\n"
               "      - { id: local.x, section: intro, title: X, text: \"Read <script>alert(3)</script> this.\" }\n"
               "    overrides:\n      intro.purpose: \"<iframe src=https://example.org></iframe>\"\n");
    RunResult refused = repo.run({"build", "--school", "alpha", "--format", "html"});
    INFO(refused.err);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("schools/alpha.yaml:9:15: error: the text of local clause 'local.x' holds raw HTML") != std::string::npos);
    CHECK(refused.err.find("the text of override of 'intro.purpose' holds raw HTML") != std::string::npos);
    CHECK(refused.err.find("[raw-html]") != std::string::npos);
}
