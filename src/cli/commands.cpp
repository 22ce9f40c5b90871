#include "cli/commands.hpp"

namespace clausebook::cli {

// One row per subcommand: adding one is a new file and a row here (see ninja's kTools).
const std::vector<Command>& commands() {
    static const std::vector<Command> k_commands = {
        {"build", "write every school's policies as Markdown, HTML and Word into out/",
         "clausebook build [--school ID]... [--policy ID]... [--format md,html,docx,pdf] [--out DIR] [--jobs N]", &build_options, &build_run},
        {"list", "list the schools, policies or clauses of the repository", "clausebook list schools|policies|clauses", &list_options, &list_run},
        {"compare", "one policy across schools, clause by clause, against the model wording",
         "clausebook compare [--policy ID] [--school ID]... [--format text|md|html|json|csv] [--today DATE] [--output FILE]", &compare_options, &compare_run},
        {"diff", "a word-level redline between two schools' policies, or a school's and its last approved copy",
         "clausebook diff SCHOOL-A SCHOOL-B | SCHOOL --since-approval | SCHOOL@approved OTHER [--policy ID] [--format text|md|html|html-side|docx] [--output "
         "FILE]",
         &diff_options, &diff_run},
        {"check", "find overdue reviews, missing clauses, unresolved placeholders and stale references",
         "clausebook check [--school ID]... [--policy ID]... [--today DATE] [--due-within DAYS] [--format text|json|junit|sarif|github] "
         "[--fail-level error|warning|info] [--output FILE] [--list-rules]",
         &check_options, &check_run},
        {"renew", "record a new approval of a school's policy, rebuild it and keep the approved copy",
         "clausebook renew SCHOOL POLICY --approved DATE [--by BODY] [--minute REF] [--period P1Y] [--today DATE] [--force]", &renew_options, &renew_run},
        {"schedule", "every policy's approval and next review, across schools, sorted by due date",
         "clausebook schedule [--school ID]... [--today DATE] [--due-within DAYS] [--format text|csv|html|ics] [--output FILE]", &schedule_options,
         &schedule_run},
        {"pack", "what the board needs for a meeting: every policy due by then, and each draft with its changes since approval",
         "clausebook pack --school ID --meeting YYYY-MM-DD [--format docx|html] [--output FILE]", &pack_options, &pack_run},
        {"import", "bring a school's own policy document (Word, PDF, web page, text) in as its school file and approved copy",
         "clausebook import FILE --school ID [--policy POLICY] [--section HEADING] [--dry-run] [--changes accept|reject] [--force] [--report FILE] [--format "
         "text|md|html|json]",
         &import_options, &import_run},
        {"adopt", "take the library's wording for clauses a school has its own wording for", "clausebook adopt SCHOOL CLAUSE... | --all [--policy POLICY]",
         &adopt_options, &adopt_run},
    };
    return k_commands;
}

}  // namespace clausebook::cli
