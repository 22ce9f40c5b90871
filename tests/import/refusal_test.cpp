// import refuses what is not the policy (import-no-match), on evidence that works for outlines of
// any size: with the example's own library (dozens of clauses) and with the test repository's
// four-clause outline. A refusal writes nothing and says so once.
#include <catch2/catch.hpp>

#include "import/importer.hpp"
#include "support/fixture.hpp"

using namespace clausebook;
namespace fs = std::filesystem;

namespace {

// Texts that are not a social media policy, written for these tests.
const char* k_one_line = "Reminder: the school office closes at three on Friday for staff training.\n";

const char* k_attendance_policy =
    "Attendance Policy\n\n"
    "Purpose\n\n"
    "Regular attendance is the foundation of a child's progress. This policy explains how the school records attendance, follows up "
    "absence and works with families to improve it.\n\n"
    "Registration\n\n"
    "Registers are taken at 8:50 each morning and at 1:15 each afternoon. A pupil who arrives after the register closes is marked late, "
    "and a pupil who arrives more than thirty minutes after it closes is recorded as absent for that session.\n\n"
    "Reporting an absence\n\n"
    "Parents should telephone the office before 9:30 on each day of absence, giving the reason. If we have not heard from a family by "
    "10:00, the office will call home.\n\n"
    "Term-time holidays\n\n"
    "The headteacher may authorise leave in term time only in exceptional circumstances. Requests must be made in writing at least four "
    "weeks in advance.\n\n"
    "Persistent absence\n\n"
    "Where a pupil's attendance falls below ninety per cent, the attendance officer will meet the family to agree a plan of support. The "
    "local authority may issue a penalty notice if unauthorised absence continues.\n\n"
    "Punctuality\n\n"
    "Gates open at 8:40. Pupils who are often late will be invited with their parents to discuss how the school can help them arrive on "
    "time.\n";

const char* k_behaviour_policy =
    "Behaviour Policy\n\n"
    "Aims\n\n"
    "We want every pupil to feel safe, to be treated with respect and to learn without disruption. This policy sets out the standards of behaviour we expect, "
    "how we reward good conduct and how we respond when pupils fall short.\n\n"
    "Expectations\n\n"
    "Pupils are expected to follow instructions from staff, move calmly around the building, look after equipment and speak politely to adults and to one "
    "another.\n\n"
    "Rewards\n\n"
    "Staff notice and praise good behaviour. Pupils earn house points, and a weekly celebration assembly recognises effort, kindness and progress. Parents are "
    "told of notable achievements.\n\n"
    "Sanctions\n\n"
    "When a pupil misbehaves, staff first give a reminder, then a warning. Continued poor behaviour leads to time out in another classroom and a loss of part "
    "of playtime. Serious incidents are referred to the headteacher, who may contact parents.\n\n"
    "Bullying\n\n"
    "Bullying, including bullying online or by text message, is never acceptable. Pupils who are bullied should tell an adult they trust. Every report is "
    "investigated and recorded, and parents of all the pupils involved are informed.\n\n"
    "Mobile phones\n\n"
    "Pupils in Year 5 and 6 who walk home alone may bring a phone to school. Phones are handed to the class teacher at the start of the day and returned at "
    "home time.\n\n"
    "Exclusion\n\n"
    "In the most serious cases the headteacher may exclude a pupil for a fixed period or permanently, following the Department for Education's guidance. The "
    "governing board reviews every permanent exclusion.\n\n"
    "Working with parents\n\n"
    "We ask parents to support the school's approach, to talk to their child's teacher if they have a concern and to attend meetings about their child's "
    "behaviour when asked.\n\n"
    "Monitoring\n\n"
    "The headteacher reports to governors each term on behaviour incidents, exclusions and bullying reports, and the policy is reviewed every two years.\n\n";

const char* k_letter =
    "Dear Parents and Carers,\n\n"
    "Year 4 will visit the Science Museum on Tuesday 14 May. The coach leaves at 8:45 and returns by 3:30, so please bring your child to "
    "school at the usual time.\n\n"
    "Please send a packed lunch in a disposable bag and a waterproof coat. Children do not need any spending money.\n\n"
    "The trip costs twelve pounds. Please pay through the online payment system by Friday 3 May and return the consent slip below.\n\n"
    "We will take photographs during the day for the class page. Please do not share pictures of other people's children from the trip "
    "on social media.\n\n"
    "With thanks,\n\nMrs J Example\nClass Teacher\n";

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

void check_refused(const test::RunResult& r) {
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("does not read as the policy") != std::string::npos);
    CHECK(r.err.find("[import-no-match]") != std::string::npos);
    CHECK(r.err.find("nor a quarter of its paragraphs name the policy's subject") != std::string::npos);
    CHECK(r.err.find("--policy") != std::string::npos);
    CHECK(r.err.find("--force") != std::string::npos);
    CHECK(count(r.err, "nothing was written") == 1);
}

// A repository of the example's library and outline, with no schools.
void copy_example_library(const fs::path& to) {
    for (const char* p : {"clausebook.yaml", "templates", "clauses"}) fs::copy(test::source_dir() / p, to / p, fs::copy_options::recursive);
    fs::create_directories(to / "schools");
}

}  // namespace

TEST_CASE("import with the example library refuses a one-line note, two other policies and a letter", "[import][cli]") {
    test::TempDir dir;
    copy_example_library(dir.path());
    auto before = test::snapshot(dir.path());
    for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
             {"note.txt", k_one_line}, {"attendance.txt", k_attendance_policy}, {"behaviour.txt", k_behaviour_policy}, {"letter.txt", k_letter}}) {
        INFO(name);
        fs::path doc = dir.path().parent_path() / (dir.path().filename().string() + "-" + name);
        test::write_file(doc, text);
        auto r = test::run_cli({"import", doc.string(), "--school", "gamma", "--root", dir.path().string()});
        check_refused(r);
        CHECK(test::snapshot(dir.path()) == before);
        // --force takes it in anyway, as the school's own clauses.
        if (name == "note.txt") {
            auto f = test::run_cli({"import", doc.string(), "--school", "gamma", "--root", dir.path().string(), "--dry-run", "--force"});
            CHECK(f.exit_code == 0);
        }
        fs::remove(doc);
    }
}

TEST_CASE("import with a four-clause outline refuses a one-line note but takes a one-paragraph extract of the policy", "[import][cli]") {
    test::TestRepo repo;
    auto before = test::snapshot(repo.root());
    repo.write("note.txt", "Lunch is served in the hall from noon.\n");
    check_refused(repo.run({"import", (repo.root() / "note.txt").string(), "--school", "gamma"}));
    repo.write("letter.txt", k_letter);
    check_refused(repo.run({"import", (repo.root() / "letter.txt").string(), "--school", "gamma"}));
    repo.write("attendance.txt", k_attendance_policy);
    check_refused(repo.run({"import", (repo.root() / "attendance.txt").string(), "--school", "gamma"}));
    repo.remove("note.txt");
    repo.remove("letter.txt");
    repo.remove("attendance.txt");
    CHECK(test::snapshot(repo.root()) == before);

    repo.write("extract.txt",
               "Gamma Primary School\n\nHeadteacher: Gail Example\n\nStaff must not connect with pupils on their personal social media accounts.\n");
    auto r = repo.run({"import", (repo.root() / "extract.txt").string(), "--school", "gamma", "--dry-run"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("reworded  staff.contact") != std::string::npos);
}

TEST_CASE("import: a document whose title names the policy's subject is taken though its paragraphs paraphrase loosely", "[import][cli]") {
    // The opening of a real policy in its own words: an introduction and aims that read like the
    // library's only loosely (no paragraph at the cosine that counts as evidence), as most
    // schools' openings do. Its title says what it is; the same paragraphs under another title
    // are refused.
    const std::string body =
        "Online platforms have changed how families, pupils and staff keep in touch, and we want everyone at the academy to get the good "
        "from them without the harm.\n\n"
        "This document explains what we expect of each group when they post, share or message online, and what happens if those "
        "expectations are ignored.\n\n"
        "Our aims are:\n\n"
        "- to keep children safe when they are online\n"
        "- to protect the reputation of the academy and its employees\n"
        "- to make clear which channels speak for the academy\n";
    test::TempDir dir;
    copy_example_library(dir.path());
    fs::path doc = dir.path().parent_path() / (dir.path().filename().string() + "-opening.txt");
    test::write_file(doc, "Staff Handbook: Section 4\n\n" + body);
    check_refused(test::run_cli({"import", doc.string(), "--school", "gamma", "--root", dir.path().string()}));
    for (const char* title : {"Social Media Policy", "Social Networking Charter", "Acceptable Use of Social Media"}) {
        INFO(title);
        test::write_file(doc, std::string(title) + "\n\n" + body);
        auto r = test::run_cli({"import", doc.string(), "--school", "gamma", "--root", dir.path().string(), "--dry-run", "--format", "json"});
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("\"title_names_subject\": true") != std::string::npos);
    }
    fs::remove(doc);
}

TEST_CASE("import: a document that names the policy's subject throughout is taken, one that names it once is not", "[import][cli]") {
    // No title, and paragraphs in the school's own words; but it is about social media from one
    // paragraph to the next. The letter in k_letter names it once in six paragraphs.
    const std::string doc_text =
        "Section 4\n\n"
        "Everyone at the academy is free to enjoy social media in their own time, within the limits set out here.\n\n"
        "Employees keep their social networking profiles private and never add a current pupil as a contact.\n\n"
        "Nothing about a pupil, a colleague or a meeting is posted on social media, even without names.\n\n"
        "Families are asked to raise a worry with the office rather than on a social media page or group.\n\n"
        "The front office keeps the car park clear at the start and end of the day.\n";
    test::TempDir dir;
    copy_example_library(dir.path());
    fs::path doc = dir.path().parent_path() / (dir.path().filename().string() + "-section.txt");
    test::write_file(doc, doc_text);
    auto r = test::run_cli({"import", doc.string(), "--school", "gamma", "--root", dir.path().string(), "--dry-run", "--format", "json"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("\"subject_blocks\": 4") != std::string::npos);
    CHECK(r.out.find("\"title_names_subject\": false") != std::string::npos);
    test::write_file(doc, k_letter);
    check_refused(test::run_cli({"import", doc.string(), "--school", "gamma", "--root", dir.path().string()}));
    fs::remove(doc);
}

TEST_CASE("import: which titles name a policy's subject", "[import]") {
    const std::string outline = "Social Networking and Social Media Policy";
    CHECK(import::title_names_subject("Use of Social Media Policy", outline));
    CHECK(import::title_names_subject("SOCIAL NETWORKING POLICY FOR STAFF", outline));
    CHECK(import::title_names_subject("Parents' Code of Conduct: Social Media", outline));
    // One of its words is not enough, nor are words that say only what kind of document it is.
    CHECK_FALSE(import::title_names_subject("Anti-social Behaviour Policy", outline));
    CHECK_FALSE(import::title_names_subject("Media Studies Policy", outline));
    CHECK_FALSE(import::title_names_subject("Acceptable Use Policy", outline));
    CHECK_FALSE(import::title_names_subject("Anti-bullying Policy", outline));
    // An outline with one subject word needs only that one.
    CHECK(import::title_names_subject("Our Attendance Policy", "Attendance Policy"));
    CHECK_FALSE(import::title_names_subject("Policy", "Policy"));
}
