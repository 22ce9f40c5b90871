#include "support/fixture.hpp"

#include <memory>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "assemble/assembler.hpp"
#include "cli/cli.hpp"
#include "load/load.hpp"
#include "write/writer.hpp"

namespace clausebook::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "clausebook-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    // Make everything writable again first, in case a test made a folder read-only.
    for (auto it = fs::recursive_directory_iterator(m_path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& content) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << content;
}

fs::path source_dir() { return CLAUSEBOOK_SOURCE_DIR; }
fs::path shared_dir() { return CLAUSEBOOK_SHARED_DIR; }

TestRepo::TestRepo() {
    write("clausebook.yaml",
          "trust:\n"
          "  name: Test Trust\n"
          "defaults:\n"
          "  params:\n"
          "    min_age: 13\n");
    write("templates/social.yaml",
          "title: Social Media Policy\n"
          "review_period: P1Y\n"
          "approval: Full governing board\n"
          "params:\n"
          "  min_age: { type: integer, min: 13, max: 18, default: 13 }\n"
          "  headteacher: { type: person, required: true }\n"
          "  deputy: { type: person }\n"
          "  audiences:\n"
          "    type: list\n"
          "    of: { type: enum, values: [staff, parents] }\n"
          "    default: [staff, parents]\n"
          "  linked: { type: list, of: string, default: [Behaviour policy, Complaints policy] }\n"
          "sections:\n"
          "  - id: intro\n"
          "    title: Introduction\n"
          "    clauses:\n"
          "      - intro.purpose\n"
          "      - { id: intro.links, optional: true }\n"
          "  - id: staff\n"
          "    title: Staff\n"
          "    when: audiences.staff\n"
          "    clauses:\n"
          "      - staff.contact\n"
          "  - id: parents\n"
          "    title: Parents\n"
          "    when: audiences.parents\n"
          "    clauses:\n"
          "      - parents.conduct\n");
    write("clauses/intro/purpose.md",
          "---\n"
          "id: intro.purpose\n"
          "title: Purpose\n"
          "audience: [staff, parents]\n"
          "version: 1.0.0\n"
          "---\n"
          "This policy explains how {{school.name}} expects its community to use social media.\n"
          "{{headteacher.name}} is responsible for it.{{#deputy}} {{deputy.name}} deputises.{{/deputy}}\n");
    write("clauses/intro/links.md",
          "---\n"
          "id: intro.links\n"
          "title: Related policies\n"
          "version: 1.0.0\n"
          "---\n"
          "Read this policy with:\n\n"
          "{{#linked}}\n"
          "- the {{.}}\n"
          "{{/linked}}\n");
    write("clauses/staff/contact.md",
          "---\n"
          "id: staff.contact\n"
          "title: Contact with pupils\n"
          "audience: [staff]\n"
          "version: 1.0.0\n"
          "---\n"
          "Staff do not connect with pupils on personal accounts. See [](clause:parents.conduct).\n");
    write("clauses/staff/contact.first-school.md",
          "---\n"
          "id: staff.contact\n"
          "variant: first-school\n"
          "title: Contact with pupils\n"
          "audience: [staff]\n"
          "version: 1.0.0\n"
          "---\n"
          "Staff never contact a pupil by phone, email or social media.\n");
    write("clauses/parents/conduct.md",
          "---\n"
          "id: parents.conduct\n"
          "title: Conduct of parents\n"
          "audience: [parents]\n"
          "version: 1.0.0\n"
          "---\n"
          "Pupils must be at least {{min_age}} to hold an account.\n");
    write("schools/alpha.yaml",
          "school:\n"
          "  name: Alpha Primary School\n"
          "  phase: primary\n"
          "params:\n"
          "  headteacher: { name: Ann Example, role: Headteacher }\n"
          "policies:\n"
          "  social:\n"
          "    approved: 2024-03-01\n"
          "    approved_by: Full governing board\n"
          "    minute: 24/3/5\n");
    write("schools/beta.yaml",
          "school:\n"
          "  name: Beta First School\n"
          "  phase: first\n"
          "params:\n"
          "  headteacher: { name: Bob Example }\n"
          "  min_age: 14\n"
          "policies:\n"
          "  social:\n"
          "    approved: 2023-01-11\n"
          "    review_period: P3Y\n"
          "    next_review: 2026-01\n"
          "    params: { audiences: [parents] }\n");
}

void TestRepo::add_second_policy() {
    write("templates/visits.yaml",
          "title: Educational Visits Policy\n"
          "review_period: P2Y\n"
          "approval: Full governing board\n"
          "params:\n"
          "  headteacher: { type: person, required: true }\n"
          "  visits_lead: { type: person, required: true }\n"
          "  audiences:\n"
          "    type: list\n"
          "    of: { type: enum, values: [staff, pupils, volunteers] }\n"
          "    default: [staff, pupils]\n"
          "sections:\n"
          "  - id: planning\n"
          "    title: Planning a visit\n"
          "    clauses:\n"
          "      - visits.planning\n");
    write("clauses/visits/planning.md",
          "---\n"
          "id: visits.planning\n"
          "title: Who plans a visit\n"
          "version: 1.0.0\n"
          "---\n"
          "Every visit {{school.name}} makes is planned with {{visits_lead.name}}.\n"
          "{{#audiences.volunteers}}Volunteers who help on a visit are briefed beforehand.{{/audiences.volunteers}}\n");
    write("schools/alpha.yaml",
          "school:\n"
          "  name: Alpha Primary School\n"
          "  phase: primary\n"
          "params:\n"
          "  headteacher: { name: Ann Example, role: Headteacher }\n"
          "policies:\n"
          "  social:\n"
          "    approved: 2024-03-01\n"
          "    approved_by: Full governing board\n"
          "    minute: 24/3/5\n"
          "  visits:\n"
          "    approved: 2023-10-04\n"
          "    approved_by: Full governing board\n"
          "    params:\n"
          "      visits_lead: { name: Vic Leader }\n"
          "      audiences: [staff, pupils, volunteers]\n");
}

void TestRepo::write(const std::string& relative, const std::string& content) { write_file(root() / relative, content); }

void TestRepo::remove(const std::string& relative) { fs::remove(root() / relative); }

std::string TestRepo::read(const std::string& relative) const { return read_file(root() / relative); }

void TestRepo::approve(const std::string& school, const std::string& policy, const std::string& date) {
    util::Diagnostics diags;
    model::Repository repo = load::load_repository(root(), diags);
    const model::School* s = repo.school(school);
    const model::Outline* o = repo.outline(policy);
    if (diags.has_errors() || !s || !o) throw std::runtime_error("approve: the test repository does not load, or has no " + school + "/" + policy);
    model::Document doc = assemble::assemble_document(repo, *s, *o, diags, assemble::Rendering::as_approved);
    write::WriteOptions options;
    options.allow_raw_html = repo.config.allow_raw_html;
    write("approved/" + school + "/" + policy + "/" + date + ".md", write::write_markdown(doc, options));
}

RunResult run_cli(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    RunResult r;
    r.exit_code = cli::run(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

RunResult TestRepo::run(std::vector<std::string> args) const {
    args.push_back("--root");
    args.push_back(root().string());
    return run_cli(args);
}

RunResult run_example(std::vector<std::string> args) {
    args.push_back("--root");
    args.push_back(source_dir().string());
    return run_cli(args);
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    std::error_code ec;
    if (!fs::exists(dir, ec)) return files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file()) files[fs::relative(it->path(), dir).generic_string()] = read_file(it->path());
    return files;
}

const ExampleBuild& example_build(const std::string& formats) {
    static std::map<std::string, std::unique_ptr<ExampleBuild>> built;  // by formats
    auto& slot = built[formats];
    if (!slot) {
        slot = std::make_unique<ExampleBuild>();
        std::ostringstream out, err;
        slot->exit_code = cli::run({"build", "--root", source_dir().string(), "--out", slot->dir.path().string(), "--format", formats}, out, err);
        slot->err = err.str();
        slot->files = snapshot(slot->dir.path());
    }
    return *slot;
}

ScopedEnv::ScopedEnv(const char* name, const std::optional<std::string>& value) : m_name(name) {
    if (const char* old = std::getenv(name)) m_old = old;
    if (value)
        ::setenv(name, value->c_str(), 1);
    else
        ::unsetenv(name);
    ::tzset();
}

ScopedEnv::~ScopedEnv() {
    if (m_old)
        ::setenv(m_name, m_old->c_str(), 1);
    else
        ::unsetenv(m_name);
    ::tzset();
}

}  // namespace clausebook::test
