// What every import reader produces: one flat list of blocks (headings with their level,
// paragraphs, list items with their level and number, tables), each with where it came from.
// Nothing after the readers knows which format a document was in. Blocks a reader recognises
// as not being policy text (a contents page, a signature box, a running header, a page number)
// stay in the list, marked dropped with the reason, so that the report can show them.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "util/diagnostics.hpp"

namespace clausebook::import {

enum class BlockKind { heading, paragraph, list_item, table };

const char* block_kind_name(BlockKind k);

struct Block {
    BlockKind kind = BlockKind::paragraph;
    int level = 0;  // heading: 1 (top) to 9; list item: nesting, 0 for the outermost
    std::string number;  // the number shown before it, as shown: "1.2", "a)", "3." (empty when none)
    std::string text;  // one line of plain text; a table's rows joined by '\n', cells by " | "
    std::vector<std::vector<std::string>> cells;  // a table's rows
    int page = 0;  // PDF page, 1-based; 0 for formats without pages
    int position = 0;  // line (text, Markdown, HTML) or paragraph number (DOCX, PDF), 1-based
    // A paragraph cut where its sentences read like different clauses (align.hpp): its parts are
    // blocks of their own, numbered 1, 2, ... from the first (0: a paragraph as the document has it).
    int part = 0;
    std::string dropped;  // why the block is not policy text (empty: it is): "contents page", ...
    std::vector<std::string> bookmarks;  // DOCX: the bookmarks that start in it (issue 16 finds clauses by them)
};

// Why a page's header or footer is dropped: a DOCX header or footer part, or a PDF line repeated
// at the top or bottom of most pages. Not the policy's text, but the facts reader reads approval
// and review dates from it (schools often put them in the footer).
inline constexpr const char* k_docx_page_furniture = "page header or footer";
inline constexpr const char* k_pdf_page_furniture = "running header or footer";
inline bool page_furniture(const Block& b) { return b.dropped == k_docx_page_furniture || b.dropped == k_pdf_page_furniture; }

// A comment or tracked change found in the document, listed in the report.
struct Note {
    std::string kind;  // "comment", "insertion", "deletion", "move"
    std::string author;
    std::string date;
    std::string text;
    int position = 0;  // the block position it sits on
};

enum class Changes { refuse, accept, reject };

struct ReadOptions {
    Changes changes = Changes::refuse;  // what to do with tracked changes
    std::size_t max_part_bytes = 64u << 20;  // a ZIP part inflating past this is refused (zip bomb)
    std::size_t max_total_bytes = 256u << 20;  // nor may all parts together
    std::string search_path;  // PATH from the run's environment: where soffice is looked for (.doc, .odt, .rtf)
};

struct ImportedDocument {
    std::string path;  // as shown in messages
    std::string format;  // "txt", "md", "docx", "html", "pdf"
    std::vector<Block> blocks;
    std::vector<Note> notes;
    std::vector<std::string> warnings;
    std::map<std::string, std::string> properties;  // DOCX: custom document properties (docProps/custom.xml), name -> text
};

// Reads `file` by its extension (and checks its content agrees). Problems are errors in
// `diags` at `display_path` with rules import-*; the document is then not to be used.
ImportedDocument read_document(const std::filesystem::path& file, const std::string& display_path, const ReadOptions& options, util::Diagnostics& diags);

// The individual readers, over bytes already read.
ImportedDocument read_text(const std::string& bytes, const std::string& display_path, bool markdown, util::Diagnostics& diags);
ImportedDocument read_docx(const std::string& bytes, const std::string& display_path, const ReadOptions& options, util::Diagnostics& diags);
ImportedDocument read_html(const std::string& bytes, const std::string& display_path, util::Diagnostics& diags);
ImportedDocument read_pdf(const std::string& bytes, const std::string& display_path, util::Diagnostics& diags);
// .odt, .doc, .rtf: converted to .docx by LibreOffice (`soffice`), then read as DOCX.
ImportedDocument read_via_libreoffice(const std::filesystem::path& file, const std::string& display_path, const ReadOptions& options, util::Diagnostics& diags);

// Marks the furniture every format shares: contents pages (entries with dot leaders or page
// numbers), signature boxes ("Signed", "Date", "Role" with nothing written), lone page
// numbers and "Page N of M". Readers call it last.
void mark_furniture(std::vector<Block>& blocks);

// Collapses runs of whitespace to one space and trims; turns non-breaking spaces into spaces.
std::string clean_line(std::string_view s);

}  // namespace clausebook::import
