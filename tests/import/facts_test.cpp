// Facts a policy states about itself: found when stated once and plainly, never invented.
#include <catch2/catch.hpp>

#include "import/facts.hpp"

using namespace clausebook;
using import::BlockKind;

namespace {

import::Facts facts_of(const std::string& text){util::Diagnostics diags;
auto d = import::read_text(text, "t.txt", false, diags);
return import::extract_facts(d.blocks);
}  // namespace

std::string found(const import::Facts& f, const std::string& field) {
    auto it = f.found.find(field);
    return it == f.found.end() ? std::string() : it->second.value;
}

}  // namespace

TEST_CASE("dates as policies write them", "[import][facts]") {
    CHECK(import::parse_written_date("Adopted: 11th January 2017") == "2017-01-11");
    CHECK(import::parse_written_date("on 3 April 2019") == "2019-04-03");
    CHECK(import::parse_written_date("April 3, 2019") == "2019-04-03");
    CHECK(import::parse_written_date("03/04/2019") == "2019-04-03");  // day first
    CHECK(import::parse_written_date("2019-04-03") == "2019-04-03");
    bool month = false;
    CHECK(import::parse_written_date("Review: March 2023", &month) == "2023-03");
    CHECK(month);
    CHECK(import::parse_written_date("31 February 2020").empty());
    CHECK(import::parse_written_date("Date:").empty());
}

TEST_CASE("review periods in words", "[import][facts]") {
    CHECK(import::parse_period_words("Review Period: 3 yearly") == "P3Y");
    CHECK(import::parse_period_words("reviewed annually") == "P1Y");
    CHECK(import::parse_period_words("to be reviewed every two years") == "P2Y");
    CHECK(import::parse_period_words("a biennial review") == "P2Y");
    CHECK(import::parse_period_words("every 18 months") == "P18M");
    CHECK(import::parse_period_words("reviewed regularly").empty());
}

TEST_CASE("a title page's facts, with the words they came from", "[import][facts]") {
    auto f = facts_of(
        "ALPHA PRIMARY SCHOOL\n\nBike Policy\n\nAdopted by FGB: 11th January 2017\nMinute No: 17/1/16/4\nReview Period: 3 yearly\nReview Date: January 2020\n\n"
        "Intro\n\nAlpha Primary School expects pupils to be at least 13 years old before they open a social media account.\n\n"
        "Concerns go to the Designated Safeguarding Lead (Dee Example - Deputy Headteacher) or the Chair of Governors, Cy Example.\n\n"
        "Staff follow the Wessex County Council procedure.\n");
    CHECK(found(f, "school_name") == "Alpha Primary School");
    CHECK(found(f, "title") == "Bike Policy");
    CHECK(found(f, "approved") == "2017-01-11");
    CHECK(f.found.at("approved").quote == "Adopted by FGB: 11th January 2017");
    CHECK(found(f, "approved_by") == "Full governing board");
    CHECK(found(f, "minute") == "17/1/16/4");
    CHECK(found(f, "review_period") == "P3Y");
    CHECK(found(f, "next_review") == "2020-01");
    CHECK(found(f, "min_platform_age") == "13");
    CHECK(found(f, "dsl") == "Dee Example|Deputy Headteacher");
    CHECK(found(f, "chair_of_governors") == "Cy Example|Chair of Governors");
    CHECK(found(f, "local_authority") == "Wessex County Council");
    CHECK(found(f, "headteacher").empty());  // a deputy head is not the headteacher
}

TEST_CASE("review dates in months and school terms, a review date, names with initials", "[import][facts]") {
    bool month = false;
    CHECK(import::parse_written_date("Next review: 09/2025", &month) == "2025-09");
    CHECK(month);
    CHECK(import::parse_written_date("13/2025").empty());
    CHECK(import::parse_term_date("Spring 2026") == "2026-04");
    CHECK(import::parse_term_date("the Autumn Term 2024") == "2024-12");
    CHECK(import::parse_term_date("summer term, 2025") == "2025-07");
    CHECK(import::parse_term_date("in the spring").empty());
    // A title page written line by line, each line a label and its value: each is a fact.
    auto f = facts_of(
        "HOLLY TREE ACADEMY\nSocial Media Policy\nPolicy reviewed: September 2023 by the Local Governing Body\nReview cycle: Biennial\n"
        "Next review: Spring 2026\nHeadteacher: Mrs A Patel\n\nPurpose\n\nThis policy is about social media.\n");
    CHECK(found(f, "last_reviewed") == "2023-09");
    CHECK(found(f, "review_period") == "P2Y");
    CHECK(found(f, "next_review") == "2026-04");
    CHECK(f.found.at("next_review").quote == "Next review: Spring 2026");
    CHECK(found(f, "headteacher") == "Mrs A Patel|Headteacher");
    CHECK(found(f, "approved").empty());  // reviewed is not approved
    auto g = facts_of("Beta School\n\nE-safety Policy\n\nDate reviewed: 4.10.2023\nChair of Governors: J. R. Brown\n\nPurpose\n\nText.\n");
    CHECK(found(g, "last_reviewed") == "2023-10-04");
    CHECK(found(g, "chair_of_governors") == "J. R. Brown|Chair of Governors");
    // Approval written as a noun, and a text table's cells.
    CHECK(found(facts_of("Epsilon School\n\nE-safety Policy\n\nDate of approval: 01/09/2024\n\nPurpose\n\nText.\n"), "approved") == "2024-09-01");
    CHECK(found(facts_of("Zeta School\n\nE-safety Policy\n\nApproval date: 5 May 2024\n\nPurpose\n\nText.\n"), "approved") == "2024-05-05");
    auto t = facts_of("Eta School\n\nE-safety Policy\n\nApproved by Governors | 12 February 2025\n\nPurpose\n\nText.\n");
    CHECK(found(t, "approved") == "2025-02-12");
    CHECK(found(t, "approved_by") == "Governors");
    CHECK(found(facts_of("Theta School\n\nE-safety Policy\n\nThis policy is subject to approval by the governors.\n\nPurpose\n\nText.\n"), "approved").empty());
    // A review to be done is the next review, not a review done.
    auto h = facts_of("Gamma School\n\nE-safety Policy\n\nTo be reviewed: September 2026\n\nPurpose\n\nText.\n");
    CHECK(found(h, "last_reviewed").empty());
    CHECK(found(h, "next_review") == "2026-09");
    // A label with its value on the next line.
    auto k = facts_of("Delta School\n\nE-safety Policy\n\nDate reviewed:\n\n4 October 2023\n\nPurpose\n\nText.\n");
    CHECK(found(k, "last_reviewed") == "2023-10-04");
    // Who reviewed it named in the label, and the meeting before the date: still the date it was
    // last reviewed, and no approval.
    auto r = facts_of("Iota School\n\nE-safety Policy\n\nDate reviewed by the Governing Body: FGB 3.2.2025\n\nPurpose\n\nText.\n");
    CHECK(found(r, "last_reviewed") == "2025-02-03");
    CHECK(found(r, "approved").empty());
}

TEST_CASE("approval and review dates in a page's footer are read, its other words are not", "[import][facts]") {
    std::vector<import::Block> blocks(5);
    blocks[0].text = "Kappa Primary School";
    blocks[1].text = "Social Media Policy";
    blocks[1].kind = BlockKind::heading;
    blocks[2].text = "Staff do not befriend pupils online.";
    blocks[3].text = "Approved: 3 April 2024";
    blocks[3].dropped = import::k_docx_page_furniture;
    blocks[4].text = "Review date: April 2026 Lambda Primary School Lambda Primary School";
    blocks[4].dropped = import::k_pdf_page_furniture;
    auto f = import::extract_facts(blocks);
    CHECK(found(f, "approved") == "2024-04-03");
    CHECK(found(f, "next_review") == "2026-04");
    CHECK(found(f, "school_name") == "Kappa Primary School");  // the footer's school name is not counted
    blocks[3].dropped = "signature box";
    CHECK(found(import::extract_facts(blocks), "approved").empty());
}

TEST_CASE("nothing is invented: to be ratified, blank boxes, empty tables, the law's ages", "[import][facts]") {
    auto f = facts_of(
        "Bike Policy\n\nTo be ratified 4 November 2014\n\nDate:\n\nSigned:\n\n"
        "It is an offence to show indecent images of anyone under the age of 18.\n");
    CHECK(f.found.count("approved") == 0);
    REQUIRE(f.refused.size() == 1);
    CHECK(f.refused[0].quote == "To be ratified 4 November 2014");
    CHECK(f.found.count("min_platform_age") == 0);
    CHECK(f.found.count("next_review") == 0);

    util::Diagnostics diags;
    auto d = import::read_text("| Version | Approved | Review |\n|---|---|---|\n| | | |\n", "t.md", true, diags);
    auto t = import::extract_facts(d.blocks);
    CHECK(t.found.empty());
}

TEST_CASE("a fact stated two ways is left for a person, with every candidate", "[import][facts]") {
    auto f = facts_of("Approved: 3 April 2019\n\nText.\n\nApproved: 5 May 2020\n");
    CHECK(f.found.count("approved") == 0);
    REQUIRE(f.ambiguous.count("approved") == 1);
    CHECK(f.ambiguous.at("approved").size() == 2);
    // A labelled value outranks a sentence; the sentence is kept as also stated.
    auto g = facts_of("Review Period: 3 yearly\n\nIt is best practice that this policy be reviewed annually.\n");
    CHECK(found(g, "review_period") == "P3Y");
    REQUIRE(g.also_stated.size() == 1);
    CHECK(g.also_stated[0].value == "P1Y");
}

TEST_CASE("an approver on the line below its label, a blank label never takes the next label's value", "[import][facts]") {
    auto f = facts_of(
        "Oakmere Federation\n\nSocial Media Policy\n\nDate approved:\n\nApproved by:\n\nBoard of Trustees\n\nDate for Review\n\nMarch 2027\n\n"
        "Purpose\n\nStaff keep their accounts private.\n");
    CHECK(found(f, "approved_by") == "Board of Trustees");
    CHECK(found(f, "approved").empty());
    CHECK(found(f, "next_review") == "2027-03");
    // Two labels in a row, each left blank: neither is the other's value.
    auto g = facts_of("Social Media Policy\n\nApproved by:\n\nNext review\n\nMay 2026\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(g, "approved_by").empty());
    CHECK(found(g, "next_review") == "2026-05");
    // A blank label followed by another label with its date: the date is that label's.
    auto d = facts_of("Social Media Policy\n\nDate approved:\n\nReview: 3 May 2026\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(d, "approved").empty());
    CHECK(found(d, "approved_by").empty());
    CHECK(found(d, "next_review") == "2026-05-03");
    // A form whose approval line was never filled in approves nothing.
    auto h =
        facts_of("Social Media Policy\n\nApproved by the Local Governing Board:\nReview Date: June 2026\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(h, "approved_by").empty());
    CHECK(found(h, "next_review") == "2026-06");
}

TEST_CASE("an approval dated by a month or a term is reported, never given a day", "[import][facts]") {
    auto f = facts_of("Social Media Policy\n\nDate Accepted by Governors: Summer 2022\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(f, "approved_by") == "Governors");
    CHECK(found(f, "approved").empty());
    REQUIRE(f.refused.size() == 1);
    CHECK(f.refused[0].quote == "Date Accepted by Governors: Summer 2022");
    CHECK(f.refused[0].value.find("month or term") != std::string::npos);
    CHECK(f.cover_blocks.size() == 2);  // the title and the approval line: the title page's, not policy text
    auto g = facts_of("Social Media Policy\n\nDate adopted: October 2023\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(g, "approved").empty());
    CHECK(g.refused.size() == 1);
    // "Approved: <body> - <date>": the label's value names the approver; a date alone names none.
    CHECK(found(facts_of("Social Media Policy\n\nApproved: Trust Board \xE2\x80\x93 May 2024\n\nPurpose\n\nText.\n"), "approved_by") == "Trust Board");
    CHECK(found(facts_of("Social Media Policy\n\nApproved: June 2024\n\nPurpose\n\nText.\n"), "approved_by").empty());
    CHECK(found(facts_of("Social Media Policy\n\nApproved: Yes\n\nPurpose\n\nText.\n"), "approved_by").empty());
    CHECK(found(facts_of("Social Media Policy\n\nApproved: Finance Committee see the minutes\n\nPurpose\n\nText.\n"), "approved_by").empty());
    // In prose, "approved by" or "accepted by" names no approver unless a date, "on" or a colon ends it.
    auto prose =
        facts_of("Social Media Policy\n\nPurpose\n\nFriend requests accepted by staff are a disciplinary matter.\n\nPosts approved by the head go online.\n");
    CHECK(found(prose, "approved_by").empty());
    CHECK(prose.ambiguous.count("approved_by") == 0);
    CHECK(found(facts_of("Social Media Policy\n\nApproved by the full governing board on 3 April 2024\n\nPurpose\n\nText.\n"), "approved_by") ==
          "full governing board");
    CHECK(found(facts_of("Social Media Policy\n\nApproved by Governors\n\nPurpose\n\nText.\n"), "approved_by") == "Governors");
}

TEST_CASE("review dates as title pages label them, and reviews done", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(facts_of("Bike Policy\n\nAnticipated review: November 2027" + body), "next_review") == "2027-11");
    CHECK(found(facts_of("Bike Policy\n\nA further review is due by July 2026" + body), "next_review") == "2026-07");
    CHECK(found(facts_of("Bike Policy\n\nMay 2025\n\nReview May 2028" + body), "next_review") == "2028-05");
    auto every = facts_of("Bike Policy\n\nReview: Every two years" + body);
    CHECK(found(every, "next_review").empty());
    CHECK(found(every, "review_period") == "P2Y");
    // A title page a text extraction ran into one paragraph.
    CHECK(found(facts_of("Title: Bike Policy Issued: May 2021 Review: May 2023 Page 1 of 9 The school lends bikes to pupils who ride to school." + body),
                "next_review") == "2023-05");
    // A review done, by whom and when: the last review, never the next.
    auto by = facts_of("Bike Policy\n\nReviewed by: Curriculum Committee June 2025" + body);
    CHECK(found(by, "last_reviewed") == "2025-06");
    CHECK(found(by, "next_review").empty());
    auto dash = facts_of("Bike Policy\n\nReviewed \xE2\x80\x93 Jan 2024" + body);
    CHECK(found(dash, "last_reviewed") == "2024-01");
    CHECK(found(dash, "next_review").empty());
    // A table's header row run into its cells: the date after "Review Date" is the approval's.
    CHECK(found(facts_of("Bike Policy\n\nReview/Approve By Whom Date Review Date Approved Trust Board 14.03.2022 2 years" + body), "next_review").empty());
    // A broken label under "Approved by" is no approver.
    CHECK(found(facts_of("Bike Policy\n\nApproved by\n\nDate of\n\nApproval\n\nFGB" + body), "approved_by").empty());
}

TEST_CASE("school names: trusts, capitals inside a line, the title page's spelling, what is no school", "[import][facts]") {
    CHECK(found(facts_of("Fernhill Academy Trust\n\nBike Policy\n\nThe Fernhill Academy Trust lends bikes.\n"), "school_name") == "Fernhill Academy Trust");
    CHECK(found(facts_of("ASHCOMBE PRIMARY SCHOOL Policy on Bikes\n\nPupils ride with care.\n"), "school_name") == "Ashcombe Primary School");
    CHECK(found(facts_of("Bike Policy-Whole School\n\nPupils of Larkspur Junior School ride with care.\n"), "school_name") == "Larkspur Junior School");
    CHECK(found(facts_of("Bike Policy\n\nPupils of Larkspur Junior School ride with care. The Head of School checks the bikes.\n"), "school_name") ==
          "Larkspur Junior School");
    CHECK(found(facts_of("Bike Policy\n\nPupils of Larkspur Junior School ride with care, as agreed by Riders and the School Council.\n"), "school_name") ==
          "Larkspur Junior School");
    // The title page's spelling outranks a misspelling in a sentence.
    CHECK(found(facts_of("Larkspur Junior School\n\nBike Policy\n\nThis sets out Larkspurs Junior School policy on bikes.\n"), "school_name") ==
          "Larkspur Junior School");
    // "the County Council" is a kind of council; the council named is the authority.
    CHECK(found(facts_of("Bike Policy\n\nStaff follow Wessex County Council guidance, and the County Council trains them.\n"), "local_authority") ==
          "Wessex County Council");
}

TEST_CASE("titles split over two lines, with a year, labelled, or a code of conduct", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private.\n");
    auto split = facts_of("Online Safety and\n\nSocial Media Policy" + body);
    CHECK(found(split, "title") == "Online Safety and Social Media Policy");
    CHECK(split.cover_blocks.size() == 2);  // both halves are the title page's
    CHECK(found(facts_of("Policy for\n\nBikes and Scooters" + body), "title") == "Policy for Bikes and Scooters");
    CHECK(found(facts_of("Larkspur Bike Policy \xE2\x80\x93 2019" + body), "title") == "Larkspur Bike Policy");
    CHECK(found(facts_of("Bike Policy (2022)" + body), "title") == "Bike Policy");
    CHECK(found(facts_of("Page 1 Title: Safe Cycling Policy Issued: May 2021 Review: May 2023 The school lends bikes to pupils who ride." + body), "title") ==
          "Safe Cycling Policy");
    CHECK(found(facts_of("Bike Code of Conduct" + body), "title") == "Bike Code of Conduct");
    CHECK(found(facts_of("Code of Conduct" + body), "title").empty());  // a section's heading, not a document's title
    CHECK(found(facts_of("Online Safety Policy and Acceptable Use Policies" + body), "title") == "Online Safety Policy and Acceptable Use Policies");
}

TEST_CASE("people: roles as acronyms, a deputy as DDSL, a trust board's chair, a signature block", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private.\n");
    auto f = facts_of("Bike Policy\n\nKey people\n\nDSL \xE2\x80\x93 Ann Example\n\nDDSL \xE2\x80\x93 Bo Example" + body);
    CHECK(found(f, "dsl") == "Ann Example|DSL");
    CHECK(found(f, "deputy_dsl") == "Bo Example|DDSL");
    CHECK(found(facts_of("Bike Policy\n\nChair of Trustees: Cy Example" + body), "chair_of_governors") == "Cy Example|Chair of Trustees");
    auto g = facts_of("Bike Policy\n\nDi Example\n\nChair of the Board of Directors\n\nDate approved:" + body);
    CHECK(found(g, "chair_of_governors") == "Di Example|Chair of the Board of Directors");
    CHECK(g.cover_blocks.size() == 4);  // the title, the name, the role and the blank label: the title page's
    // A name and a role that are not one above the other are no signature.
    CHECK(found(facts_of("Bike Policy\n\nDi Example\n\nStaff ride with care.\n\nChair of the Board of Directors" + body), "chair_of_governors").empty());
}

TEST_CASE("a review period is how often, near the word review", "[import][facts]") {
    CHECK(import::parse_period_words("the club is tried for a 6 month period before reviewing it").empty());
    CHECK(import::parse_period_words("reviewed after a two year trial").empty());
    CHECK(import::parse_period_words("for a 6 month period, then reviewed every 2 years") == "P2Y");
    // A table run into one paragraph: the period beside "review", not the monitoring's.
    auto f = facts_of(
        "Bike Policy\n\nThe bikes will be checked by the: / site team Checks will take place at regular intervals: / 6 monthly intervals The "
        "governors will hear a report on the checks at regular intervals: / Once a term The Bike Policy will be reviewed annually, or sooner "
        "if the law changes\n\nPurpose\n\nStaff keep their accounts private.\n");
    CHECK(found(f, "review_period") == "P1Y");
}

TEST_CASE("approval and review labels left blank among the title page's facts are the title page's", "[import][facts]") {
    util::Diagnostics diags;
    auto d = import::read_text(
        "Bike Policy\n\nDate approved:\n\nApproved by:\n\nTrust Board\n\nReview period\n\nDate ratified: 4 June 2024\n\n"
        "Approved by the Local Governing Board:\n\nNext review: June 2026\n\nPurpose\n\nStaff keep their accounts private.\n",
        "t.txt", false, diags);
    auto f = import::extract_facts(d.blocks);
    CHECK(found(f, "approved") == "2024-06-04");
    CHECK(found(f, "approved_by") == "Trust Board");
    std::vector<std::string> cover;
    for (std::size_t i : f.cover_blocks) cover.push_back(d.blocks[i].text);
    CHECK(cover == std::vector<std::string>{"Bike Policy", "Date approved:", "Approved by:", "Trust Board", "Review period", "Date ratified: 4 June 2024",
                                            "Approved by the Local Governing Board:", "Next review: June 2026"});
}

TEST_CASE("what is no title, a role's label with the name below it, a signature's date", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private and never befriend pupils online.\n");
    CHECK(found(facts_of("Using this policy" + body), "title").empty());
    CHECK(found(facts_of("Development and Review of this Policy" + body), "title").empty());
    CHECK(found(facts_of("Use of Bikes and Scooters Policy" + body), "title") == "Use of Bikes and Scooters Policy");
    CHECK(found(facts_of("Model Bike Policy" + body), "title") == "Model Bike Policy");  // "Model" is no record's label
    auto f = facts_of("Bike Policy\n\nSigned Chair of Governors:\n\nCy Example\n\nDate: 9 May 2020" + body);
    CHECK(found(f, "chair_of_governors") == "Cy Example|Chair of Governors");
    CHECK(found(f, "approved").empty());  // a signature's date alone is not said to be the approval
    CHECK(f.cover_blocks.size() == 3);  // the title, the role's label and the name
    auto g = facts_of("Bike Policy\n\nDate Ratified by Governors:29/09/19" + body);
    CHECK(found(g, "approved") == "2019-09-29");
    CHECK(found(g, "approved_by") == "Governors");
}

TEST_CASE("dates as copies of title pages write them, school years' terms, the first date after a review label", "[import][facts]") {
    CHECK(import::parse_written_date("last reviewed on 19 th January 2015") == "2015-01-19");  // a superscript set apart
    CHECK(import::parse_written_date("Date Approved: 18-1-18") == "2018-01-18");
    CHECK(import::parse_term_date("Spring Term 18/19") == "2019-04");  // the spring of school year 2018/19
    CHECK(import::parse_term_date("Autumn 2024/25") == "2024-12");
    CHECK(import::parse_term_date("summer term 2023-2024") == "2024-07");
    CHECK(import::parse_term_date("Spring 18").empty());
    CHECK(import::parse_term_date("Spring 2019/21").empty());  // no school year
    CHECK(import::first_date("Spring 2015 amended after the guidance of Oct 2014", nullptr, true) == "2015-04");
    CHECK(import::first_date("May 2025 (approved 3 June 2024)") == "2025-05");
    // A cover run into one paragraph: the next review is the term after its label, not a later date.
    auto f = facts_of(
        "Kestrel Primary School Bike Policy Adopted on : October 2011 Chair of Governors: Headteacher:... Due Date for Next Review Spring 2015 "
        "Amendments made after the guidance of Oct 2014 Initialled by Chair and Head\n\nPurpose\n\nPupils at Kestrel Primary School ride with care.\n");
    CHECK(found(f, "next_review") == "2015-04");
}

TEST_CASE("a label run into its value, a term or a period on the line below, an approver named before On", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private.\n");
    auto f = facts_of("Bike Policy\n\nApprovedJuly 2017\n\nReview byJuly 2020" + body);
    CHECK(found(f, "next_review") == "2020-07");
    CHECK(found(f, "approved").empty());  // a month only: reported, never given a day
    CHECK(f.refused.size() == 1);
    CHECK(f.cover_blocks.size() == 3);
    CHECK(found(facts_of("Bike Policy\n\nNext review date05/2021" + body), "next_review") == "2021-05");
    CHECK(found(facts_of("Bike Policy\n\nTo be reviewed:\n\nAutumn Term 2017" + body), "next_review") == "2017-12");
    auto cycle = facts_of("Bike Policy\n\nReview Cycle:\n\nAnnual" + body);
    CHECK(found(cycle, "review_period") == "P1Y");
    CHECK(cycle.cover_blocks.size() == 3);
    auto on = facts_of("Bike Policy\n\nApproved by Governors On:\n\nJanuary 2019" + body);
    CHECK(found(on, "approved_by") == "Governors");
    CHECK(found(on, "approved").empty());
    CHECK(on.refused.size() == 1);
    CHECK(found(facts_of("Bike Policy\n\nApproved By - Full Governing Body" + body), "approved_by") == "Full Governing Body");
}

TEST_CASE("a last review and a next review on one line, a policy updated, a record line's review", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private.\n");
    auto f = facts_of("Bike Policy\n\nUpdated Feb 2024 (AB) Review date Feb 2025" + body);
    CHECK(found(f, "last_reviewed") == "2024-02");
    CHECK(found(f, "next_review") == "2025-02");
    auto g = facts_of("Bike Policy\n\nLast reviewed: May 2024 Next review: May 2025" + body);
    CHECK(found(g, "last_reviewed") == "2024-05");
    CHECK(found(g, "next_review") == "2025-05");
    auto h = facts_of("Bike Policy\n\nLast review date: May 2024" + body);
    CHECK(found(h, "last_reviewed") == "2024-05");
    CHECK(found(h, "next_review").empty());  // "review date" inside the last review's label
    CHECK(found(facts_of("Bike Policy\n\nDate most recently reviewed by governors - June 2023" + body), "last_reviewed") == "2023-06");
    // "Date of Policy" makes the line the document's record (dropped), but its review is still read.
    util::Diagnostics diags;
    auto d = import::read_text("Bike Policy\n\nDate of Policy: July 2015 Review: July 2018" + body, "t.txt", false, diags);
    auto r = import::extract_facts(d.blocks);
    CHECK(found(r, "next_review") == "2018-07");
    CHECK(found(r, "approved").empty());
    CHECK(d.blocks[1].dropped.find("the document's own record") != std::string::npos);
}

TEST_CASE("signatures: a name over a role that reads as a blank box, a role in brackets with the name printed below", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nStaff keep their accounts private.\n");
    auto f = facts_of("Bike Policy\n\nSigned:\n\nG Example\n\nChair of Governors\n\nDate:\n\nJanuary 2019\n\nSigned:\n\nC Example\n\nHeadteacher" + body);
    CHECK(found(f, "chair_of_governors") == "G Example|Chair of Governors");
    CHECK(found(f, "headteacher") == "C Example|Headteacher");
    auto g = facts_of(
        "Bike Policy\n\nSignature (Headteacher)\n\nPrint Name Ann Example Date:\n\nSignature (Designated Safeguarding Lead)\n\nPrint Name Ann Example Date:\n\n"
        "Signature (Cycling Lead)\n\nPrint Name Bo Example Date:" +
        body);
    CHECK(found(g, "headteacher") == "Ann Example|Headteacher");
    CHECK(found(g, "dsl") == "Ann Example|Designated Safeguarding Lead");
    CHECK(g.cover_blocks.size() == 7);  // the title and the three filled-in boxes: the title page's
    // A role alone, no name above it, names nobody.
    CHECK(found(facts_of("Bike Policy\n\nSigned:\n\nChair of Governors" + body), "chair_of_governors").empty());
}

TEST_CASE("titles: the school's name before them, a school year after them, the last word on a line of its own", "[import][facts]") {
    auto body = std::string("\n\nPurpose\n\nPupils at Kestrel Primary School keep their bikes in the shed.\n");
    CHECK(found(facts_of("Kestrel Primary School Anti Bullying Policy" + body), "title") == "Anti Bullying Policy");
    CHECK(found(facts_of("Kestrel Primary School. ICT Policy" + body), "title") == "ICT Policy");
    CHECK(found(facts_of("Kestrel Primary School Policy" + body), "title") == "Kestrel Primary School Policy");  // nothing left to name
    CHECK(found(facts_of("Acceptable Internet Use Policy 2023 / 2024" + body), "title") == "Acceptable Internet Use Policy");
    auto split = facts_of("Kestrel School\n\nBehaviour, Anti Bullying & Hate Crime\n\nPolicy" + body);
    CHECK(found(split, "title") == "Behaviour, Anti Bullying & Hate Crime Policy");
}

TEST_CASE("school names and councils: what a policy's name leaves, a question's first word, a governing council", "[import][facts]") {
    CHECK(found(facts_of("Bike Policy\n\nRead with: Trust Uniform Policy Local Academy Helmet Policy\n\nPupils of Kestrel Academy ride with care.\n"),
                "school_name") == "Kestrel Academy");
    CHECK(found(facts_of("Bike Policy\n\nKestrel School lends bikes.\n\nHow School staff check the bikes.\n"), "school_name") == "Kestrel School");
    CHECK(found(facts_of("Bike Policy\n\nResponsibility for review - Academy Governing Council\n\nPupils ride with care.\n"), "local_authority").empty());
}

TEST_CASE("a school's name set over lines of a title page is one name", "[import][facts]") {
    auto f = facts_of(
        "Bike Policy - Kestrel Primary School\n\nKestrel Holy Trinity\n\nChurch of England\n\nPrimary School\n\nBike Policy\n\nPurpose\n\n"
        "Pupils ride with care.\n");
    CHECK(found(f, "school_name") == "Kestrel Holy Trinity Church of England Primary School");
    // A heading above "Primary School" that names a policy is no part of a name.
    auto g = facts_of("Bike Policy\n\nPrimary School\n\nPupils of Kestrel Primary School ride with care.\n");
    CHECK(found(g, "school_name") == "Kestrel Primary School");
}
