// import's alignment (src/import/align.cpp), on made-up clauses: what the measure does with the
// library's other variants of a clause and with a paragraph that says what several of a
// clause's sentences say.
#include <catch2/catch.hpp>

#include "import/align.hpp"

using namespace clausebook;

namespace {

std::vector<import::Placement> align_one(const std::string& text, const std::vector<import::ClauseTarget>& clauses) {
    std::vector<import::Block> blocks(1);
    blocks[0].kind = import::BlockKind::paragraph;
    blocks[0].text = text;
    return import::align(blocks, {0}, {""}, clauses);
}

}  // namespace

TEST_CASE("align: a paragraph worded as another variant of a clause goes to that clause", "[import][align]") {
    // The school's sentence is the library's other variant of "minutes", word for word; the
    // variant rendered for the school says it differently, and "chair" shares more of its words.
    import::ClauseTarget minutes{
        "board.minutes", "Board papers", "Board", "Governors keep the papers of the board confidential until the board publishes them.", {}};
    import::ClauseTarget chair{"board.chair", "The chair", "Board", "The chair signs the minutes of meetings once they are approved.", {}};
    const std::string school = "Minutes of meetings stay private until they are approved and published.";
    auto without = align_one(school, {minutes, chair});
    REQUIRE(without.size() == 1);
    CHECK(without[0].best == "board.chair");
    minutes.other_wordings = {"Minutes of meetings stay private until they are approved and published by the board."};
    auto with = align_one(school, {minutes, chair});
    CHECK(with[0].best == "board.minutes");
    CHECK(with[0].clause_id == "board.minutes");
}

TEST_CASE("align: a paragraph saying what two sentences of a clause say goes to that clause", "[import][align]") {
    // Each of the school's two sentences is one sentence of "passwords" (apart, so that no pair
    // of the clause's units is the whole paragraph); "devices" shares the paragraph's words
    // spread over one sentence of its own.
    import::ClauseTarget passwords{"staff.passwords",
                                   "Passwords",
                                   "Staff",
                                   "Staff lock their phones with a passcode. Laptops are stored in the office overnight. Visitors sign in at "
                                   "reception and wear a badge. Staff never share their passwords with pupils.",
                                   {}};
    import::ClauseTarget devices{"staff.devices", "Devices", "Staff", "Phones, passcodes and passwords of staff are never shared with pupils or lent.", {}};
    auto p = align_one("Staff lock their phones with a passcode. Staff never share their passwords with pupils.", {passwords, devices});
    REQUIRE(p.size() == 1);
    CHECK(p[0].best == "staff.passwords");
    CHECK(p[0].clause_id == "staff.passwords");
}

TEST_CASE("align: sentences start after a full stop, not after an initial or an abbreviation", "[import][align]") {
    CHECK(import::sentence_starts("One. Two? Three! four") == std::vector<std::size_t>{0, 5, 10});
    CHECK(import::sentence_starts("Parents at St. Wenn School and Mrs. J. Smith, e.g. Facebook users, agree.").size() == 1);
    CHECK(import::sentence_starts("It ends here.").size() == 1);
}

TEST_CASE("align: a paragraph whose sentences read like two clauses is cut between them, one that reads like one is not", "[import][align]") {
    import::ClauseTarget visitors{"site.visitors", "Visitors", "Site", "Visitors sign in at reception and wear a badge while they are on the site.", {}};
    import::ClauseTarget phones{"pupils.phones", "Phones", "Pupils", "Pupils hand their mobile phones to the office when they arrive in the morning.", {}};
    std::vector<import::Block> blocks(2);
    blocks[0].text = "Every visitor signs in at reception and wears a badge. Pupils hand in their mobile phones at the office each morning.";
    blocks[1].kind = import::BlockKind::list_item;
    blocks[1].text = "Visitors sign in at reception. They wear a badge on the site.";
    auto splits = import::split_paragraphs(blocks, {0, 1}, {visitors, phones});
    REQUIRE(splits.size() == 1);
    CHECK(splits[0].block == 0);
    CHECK(splits[0].starts == std::vector<std::size_t>{blocks[0].text.find("Pupils")});
    // A heading or a table is never cut.
    blocks[0].kind = import::BlockKind::heading;
    CHECK(import::split_paragraphs(blocks, {0, 1}, {visitors, phones}).empty());
}

TEST_CASE("align: a list the document introduces as its aims goes to the outline's clause of aims", "[import][align]") {
    // Each aim shares its words with another clause ("reputation", "legal"); the outline's clause
    // of aims leads into its own list the same way ("This policy aims to:").
    import::ClauseTarget aims{"intro.aims",
                              "What this policy sets out to do",
                              "Introduction",
                              "This policy aims to:\n- encourage good use of the bike shed;\n- keep everyone safe on the way to school.",
                              {}};
    import::ClauseTarget reputation{
        "parents.reputation", "Reputation", "Parents", "Parents protect the reputation of the school and do not post negative comments about it.", {}};
    import::ClauseTarget legal{"general.legal",
                               "Legal action",
                               "General",
                               "The school may take legal advice and legal action against anyone who "
                               "harms its reputation or exposes it to legal risks.",
                               {}};
    std::vector<import::Block> blocks(4);
    blocks[0].kind = import::BlockKind::paragraph;
    blocks[0].text = "The purpose of this policy is to:";
    blocks[1].kind = import::BlockKind::list_item;
    blocks[1].text = "Ensure the reputation of the school is not adversely affected";
    blocks[2].kind = import::BlockKind::list_item;
    blocks[2].text = "Ensure the school is not exposed to legal risks";
    blocks[3].kind = import::BlockKind::paragraph;
    blocks[3].text = "Parents protect the reputation of the school and do not post negative comments.";
    auto p = import::align(blocks, {0, 1, 2, 3}, {"", "", "", ""}, {aims, reputation, legal});
    REQUIRE(p.size() == 4);
    CHECK(p[0].clause_id == "intro.aims");
    CHECK(p[1].clause_id == "intro.aims");
    CHECK(p[2].clause_id == "intro.aims");
    CHECK(p[3].clause_id == "parents.reputation");  // not a list of aims: read by its words

    // The same items after a lead-in that names no aims, or staff's own aims, are read by their words.
    blocks[0].text = "Staff should aim to:";
    auto q = import::align(blocks, {0, 1, 2, 3}, {"", "", "", ""}, {aims, reputation, legal});
    CHECK(q[1].clause_id != "intro.aims");
    CHECK(q[2].clause_id != "intro.aims");
    // Under a heading naming the aims, with no lead-in.
    std::vector<import::Block> listed(blocks.begin() + 1, blocks.begin() + 3);
    auto r = import::align(listed, {0, 1}, {"Aims of this policy", "Aims of this policy"}, {aims, reputation, legal});
    CHECK(r[0].clause_id == "intro.aims");
    CHECK(r[1].clause_id == "intro.aims");

    CHECK(import::states_aims("The purpose of this policy is to:"));
    CHECK(import::states_aims("This guidance aims to:"));
    CHECK(import::states_aims("This guidance forms part of the code of conduct. It aims to:"));
    CHECK(import::states_aims("The main aims of this social media policy are:"));
    CHECK(import::states_aims("Objectives:"));
    CHECK_FALSE(import::states_aims("Staff should aim to:"));
    CHECK_FALSE(import::states_aims("The purpose of this policy is to keep pupils safe."));
    CHECK(import::names_aims("1.1 Objectives"));
    CHECK(import::names_aims("Aims and objectives"));
    CHECK_FALSE(import::names_aims("Staff objectives for the year"));
}

TEST_CASE("align: a paragraph opening with what the policy covers goes to the outline's clause of scope, unless its words pick another of that section",
          "[import][align]") {
    import::ClauseTarget scope{"intro.scope", "Who this policy covers", "Introduction", "This policy applies whenever a bike is ridden to school.", {}};
    import::ClauseTarget riders{"intro.riders",
                                "What we mean by riders",
                                "Introduction",
                                "In this policy riders means pupils, staff and visitors who cycle, and their helmets and lights.",
                                {}};
    import::ClauseTarget personal{"staff.personal-bikes",
                                  "Staff's own bikes",
                                  "Staff",
                                  "Staff may keep personal bikes in the staff shed, and personal use of school bikes is not allowed.",
                                  {}};
    auto one = [&](const std::string& text) {
        std::vector<import::Block> blocks(1);
        blocks[0].kind = import::BlockKind::paragraph;
        blocks[0].text = text;
        return import::align(blocks, {0}, {""}, {scope, riders, personal});
    };
    // Its words read like the staff clause (another section): the opening decides.
    auto p = one("This policy applies to personal use of bikes as well as school bikes in the staff shed.");
    REQUIRE(p.size() == 1);
    CHECK(p[0].clause_id == "intro.scope");
    // Its words read like no clause: the opening decides.
    CHECK(one("This policy covers trips to the park on foot.")[0].clause_id == "intro.scope");
    // Its words read like another clause of the introduction: they decide.
    CHECK(one("This policy applies to riders: pupils, staff and visitors who cycle, with helmets and lights.")[0].clause_id == "intro.riders");
    // The same words without the opening are read by their words.
    CHECK(one("Personal use of bikes as well as school bikes in the staff shed.")[0].clause_id == "staff.personal-bikes");
    CHECK(import::states_scope("This policy applies to all staff."));
    CHECK(import::states_scope("The guidance also covers visitors."));
    CHECK_FALSE(import::states_scope("Staff know this policy applies to them."));
}

TEST_CASE("align: the opening paragraphs that read like no clause go to the outline's clause of why the policy exists", "[import][align]") {
    import::ClauseTarget why{
        "intro.why", "Why we have this policy", "Introduction", "Bikes are part of daily life, and riding them carelessly hurts people.", {}};
    import::ClauseTarget helmets{"riders.helmets", "Helmets", "Riders", "Every rider wears a helmet that fits, fastened, on every journey.", {}};
    import::ClauseTarget sheds{"riders.sheds", "The bike shed", "Riders", "Bikes are locked in the shed, which opens at half past eight.", {}};
    std::vector<import::Block> blocks(4);
    for (auto& b : blocks) b.kind = import::BlockKind::paragraph;
    blocks[0].text = "Our trust has grown quickly and welcomes many new families each September.";
    blocks[1].text = "Parents are welcome to join the walking bus on Fridays.";
    blocks[2].text = "Governors meet termly and publish their minutes.";
    blocks[3].text = "Visitors sign in at reception on arrival.";
    // Before any heading: the opening's own words go to the clause of why.
    auto p = import::align(blocks, {0, 1, 2, 3}, {"", "", "Staff", "Staff"}, {why, helmets, sheds});
    REQUIRE(p.size() == 4);
    CHECK(p[0].clause_id == "intro.why");
    CHECK(p[1].clause_id == "intro.why");
    CHECK(p[0].rule == "opening");  // placed by its place, not its words, and the report says so
    // Under another heading the opening is over: its own words stay the school's own.
    CHECK(p[2].clause_id.empty());
    CHECK(p[3].clause_id.empty());
    // Under "Introduction" or the document's own name it is still the opening.
    auto q = import::align(blocks, {0, 2}, {"1. Introduction", "1. Introduction"}, {why, helmets, sheds});
    CHECK(q[0].clause_id == "intro.why");
    CHECK(q[1].clause_id == "intro.why");
    auto r = import::align(blocks, {0}, {"Cycling to School Policy"}, {why, helmets, sheds});
    CHECK(r[0].clause_id == "intro.why");
    // A paragraph of the opening that reads like a clause keeps it.
    std::vector<import::Block> rule(1);
    rule[0].kind = import::BlockKind::paragraph;
    rule[0].text = "Every rider wears a fitted helmet, fastened, on every journey.";
    auto kept = import::align(rule, {0}, {""}, {why, helmets, sheds});
    CHECK(kept[0].clause_id == "riders.helmets");
    CHECK(kept[0].rule.empty());
    // A list item is not an opening paragraph.
    blocks[0].kind = import::BlockKind::list_item;
    CHECK(import::align(blocks, {0}, {""}, {why, helmets, sheds})[0].clause_id.empty());
    // With no clause titled so, nothing changes.
    blocks[0].kind = import::BlockKind::paragraph;
    import::ClauseTarget plain = why;
    plain.title = "Bikes at our school";
    CHECK(import::align(blocks, {0}, {""}, {plain, helmets, sheds})[0].clause_id.empty());

    CHECK(import::names_introduction("Introduction"));
    CHECK(import::names_introduction("2. Background and rationale"));
    CHECK(import::names_introduction("Statement of intent"));
    CHECK_FALSE(import::names_introduction("Introduction of new staff"));
    CHECK(import::names_document("MODEL SOCIAL NETWORKING POLICY"));
    CHECK(import::names_document("Use of Social Media Code of Conduct"));
    CHECK_FALSE(import::names_document("3. Staff use of social media"));
    CHECK(import::titles_purpose("Why we have this policy"));
    CHECK(import::titles_purpose("Purpose of this policy"));
    CHECK_FALSE(import::titles_purpose("What this policy sets out to do"));
}

TEST_CASE("align: a paragraph defining what the policy is about, and the items it leads into, go to the clause defining it", "[import][align]") {
    import::ClauseTarget defs{"intro.bikes", "What we mean by cycling", "Introduction", "Cycling means riding a bike, a scooter or a trike.", {}};
    import::ClauseTarget helmets{"riders.helmets", "Helmets", "Riders", "Every rider wears a helmet that fits, fastened, on every journey.", {}};
    import::ClauseTarget sheds{"riders.sheds", "The bike shed", "Riders", "Bikes are locked in the shed, which opens at half past eight.", {}};
    const std::vector<import::ClauseTarget> clauses{defs, helmets, sheds};
    std::vector<import::Block> blocks(4);
    blocks[0].kind = import::BlockKind::paragraph;
    blocks[0].text = "Cycling tools include, but are not limited to:";
    blocks[1].kind = blocks[2].kind = import::BlockKind::list_item;
    blocks[1].text = "Helmets and lights";
    blocks[2].text = "Sheds and locks";
    blocks[3].kind = import::BlockKind::paragraph;
    blocks[3].text = "Every rider wears a fitted helmet, fastened, on every journey.";
    const std::vector<std::string> headings{"Staff", "Staff", "Staff", "Staff"};
    import::ClauseIndex index(clauses, import::subject_terms("Cycling and Scooting Policy"));
    auto p = import::align(blocks, {0, 1, 2, 3}, headings, clauses, index);
    REQUIRE(p.size() == 4);
    CHECK(p[0].clause_id == "intro.bikes");
    CHECK(p[1].clause_id == "intro.bikes");  // an example of cycling, not the rule on helmets
    CHECK(p[1].rule == "definition");
    CHECK(p[2].clause_id == "intro.bikes");
    CHECK(p[3].clause_id == "riders.helmets");  // no longer after the lead-in's list
    // Without the outline's subject, the items are read by their words.
    import::ClauseIndex plain(clauses);
    auto q = import::align(blocks, {0, 1, 2, 3}, headings, clauses, plain);
    CHECK(q[1].clause_id != "intro.bikes");

    CHECK(import::subject_terms("Social Networking and Social Media Policy") == std::vector<std::string>{"social networking", "social media"});
    CHECK(import::subject_terms("Anti-bullying Policy") == std::vector<std::string>{"anti-bullying", "bullying"});
    CHECK(import::defined_by_title("What we mean by social media") == std::optional<std::string>("social media"));
    CHECK(import::defined_by_title("Definition of bullying") == std::optional<std::string>("bullying"));
    CHECK_FALSE(import::defined_by_title("Rules for pupils"));
    const std::vector<std::string> subjects{"social networking", "social media"};
    CHECK(import::defines_subject("Social networking is a platform to build social networks.", subjects));
    CHECK(import::defines_subject("For the purposes of this policy, social media means any online service.", subjects));
    CHECK(import::defines_subject("\xE2\x80\x98Social media\xE2\x80\x99 (also called social networking) refers to websites.", subjects));
    CHECK(import::defines_subject("Social media tools include, but are not limited to:", subjects));
    CHECK_FALSE(import::defines_subject("Social networking sites such as Facebook are now widely used.", subjects));
    CHECK_FALSE(import::defines_subject("Social mediation is offered by the school.", subjects));
    CHECK_FALSE(import::defines_subject("Social media websites are being used increasingly to fuel campaigns.", subjects));
    CHECK(import::defines_subject("Social media are websites and applications that let users share content.", subjects));
}

TEST_CASE("align: numbered paragraphs after a lead-in naming the aims are the aims", "[import][align]") {
    import::ClauseTarget aims{
        "intro.aims", "What this policy sets out to do", "Introduction", "This policy aims to:\nkeep riders safe; keep bikes secure.", {}};
    import::ClauseTarget sheds{"riders.sheds", "The bike shed", "Riders", "Bikes are locked in the shed, which opens at half past eight.", {}};
    import::ClauseTarget helmets{"riders.helmets", "Helmets", "Riders", "Every rider wears a helmet that fits, fastened, on every journey.", {}};
    std::vector<import::Block> blocks(4);
    for (auto& b : blocks) b.kind = import::BlockKind::paragraph;
    blocks[0].text = "The purpose of this policy is to:";
    blocks[1].text = "Make sure bikes are locked in the shed before the bell.";
    blocks[1].number = "2.1";
    blocks[2].text = "Make sure every rider wears a fastened helmet.";
    blocks[2].number = "2.2";
    blocks[3].text = "Bikes are locked in the shed, which opens at half past eight.";
    auto p = import::align(blocks, {0, 1, 2, 3}, {"2. Objectives", "2. Objectives", "2. Objectives", "2. Objectives"}, {aims, sheds, helmets});
    REQUIRE(p.size() == 4);
    CHECK(p[0].clause_id == "intro.aims");
    CHECK(p[1].clause_id == "intro.aims");
    CHECK(p[2].clause_id == "intro.aims");
    CHECK(p[3].clause_id == "riders.sheds");  // not numbered: the aims ended before it
    // Numbered paragraphs with no lead-in, under a heading naming the aims, are read by their words.
    auto q = import::align(blocks, {1, 2}, {"Aims", "Aims"}, {aims, sheds, helmets});
    CHECK(q[0].clause_id == "riders.sheds");
}
