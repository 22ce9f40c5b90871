// `clausebook import`, without the command line: read the document, find its facts, align its
// blocks to the outline's clauses rendered for this school, and work out the school file that
// reproduces it (src/cli/import_command.cpp writes it, keeps the approved copy and prints the
// report). Nothing here writes a file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/align.hpp"
#include "import/blocks.hpp"
#include "import/evidence.hpp"
#include "import/facts.hpp"
#include "model/repository.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::import {

struct Request {
    std::filesystem::path file;
    std::string display_path;
    std::string school_id;
    std::string policy_id;  // empty: the outline the document matches best
    ReadOptions read;
    bool force = false;
    util::Date today;
    // --section: only the part of the document under this heading is the policy (a social media
    // section of an online safety policy); empty: the whole document.
    std::string section;
};

struct ClauseOutcome {
    std::string clause_id;
    std::string title;
    std::string outcome;  // same, params, reworded, excluded, gap
    double similarity = 0;
    std::vector<std::size_t> blocks;
    std::string detail;  // params: what was written
};

struct LocalOutcome {
    std::string id;
    std::string title;
    std::string anchor_key, anchor;
    std::vector<std::size_t> blocks;
    bool moved = false;
    std::string moved_from;  // the clause it reads like
};

struct BlockFate {
    std::string fate;  // "clause", "local", "dropped", "title page", "heading"
    std::string clause_id;
    std::string local_id;
    std::string reason;  // for dropped
    const Placement* placement = nullptr;
};

struct Plan {
    ImportedDocument doc;
    Facts facts;
    std::string school_id, policy_id, policy_title;
    std::vector<Placement> placements;
    std::vector<ClauseOutcome> clauses;
    std::vector<LocalOutcome> locals;
    std::vector<BlockFate> fates;  // per block
    double matched_share = 0;  // share of the body's words placed in a library clause
    Evidence evidence;  // how far the document reads as the chosen outline's policy
    std::map<std::string, double> other_outlines;  // policy id -> matched share
    std::string path;  // schools/<id>.yaml
    std::filesystem::path file;
    bool existed = false;
    std::string old_text, new_text;
    std::vector<std::string> notes;
    std::optional<util::Date> copy_date;  // the approved copy's date
    std::string copy_date_from;  // "approved", "last reviewed", "today"
};

// Blocks as the Markdown of an override or local clause, verbatim (escaped): paragraphs, list
// items with their numbers, tables; also used for clausebook's own documents (own_document.hpp).
std::string block_markdown(const Block& b);
std::string blocks_markdown(const std::vector<Block>& blocks, const std::vector<std::size_t>& idx);

// A local clause's title from its first paragraph: its first words, up to eight and to the first
// '.', ':' or ';'; `fallback` when there are none.
std::string short_title(const std::string& text, const std::string& fallback);

// Works out the import. Problems are errors in `diags` (exit 2): unreadable or bad documents,
// a document matching almost nothing, a school file of another school.
Plan plan_import(const model::Repository& repo, const Request& request, util::Diagnostics& diags);

}  // namespace clausebook::import
