// What every reader shares: cleaning a line, recognising the furniture around a policy's text
// (contents pages, blank signature boxes, page numbers), and choosing a reader by extension.
#include <algorithm>
#include <set>

#include "import/align.hpp"
#include "import/blocks.hpp"
#include "import/rx.hpp"
#include "import/text_shape.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"

namespace clausebook::import {

const char* block_kind_name(BlockKind k) {
    switch (k) {
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list_item: return "list item";
    case BlockKind::table: return "table";
    }
    return "?";
}

std::string clean_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!ws && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ws = true;
            ++i;
        }
        if (!ws && c < 0x20) continue;  // other control characters carry nothing
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

namespace {

// "1.2 Scope .......... 4", "Section 1: Introduction<TAB>4", "Objectives 3"
bool contents_entry(const std::string& raw, bool after_contents_heading) {
    static const rx::Regex k_leaders(R"((\.{3,}|(\xE2\x80\xA6)+|_{3,})[ \t]*\d{0,3}[ \t]*$)");
    static const rx::Regex k_tab_page(R"(\t[ \t]*\d{1,3}[ \t]*$)");
    static const rx::Regex k_trailing_page(R"(^\D.{0,90}[^\d.,;:][ \t]+\d{1,3}$)");
    static const rx::Regex k_dots_only(R"(\.{4,})");
    if (rx::search(raw, k_tab_page)) return true;
    if (rx::search(raw, k_dots_only) || rx::search(raw, k_leaders)) return true;
    if (after_contents_heading && rx::search(raw, k_trailing_page)) return true;
    return false;
}

bool blank_label(const std::string& text) {
    static const rx::Regex k_label(
        R"(^\(?(signed|signature|signature of [a-z \-]{2,40}|sign|date|dated|role|name|print name|position|headteacher|head teacher|chair of governors|chair|on behalf of the governing (body|board))\)?[ \t]*[:.]?[ \t_.\-]*$)",
        true);
    return rx::full(text, k_label);
}

// A title page's record of the document itself, not policy text and no fact the school file
// holds: "Version date: 3 May 2021", "Status Advisory", "Author/owner: ...", "Audience: ...".
bool document_record(const std::string& text) {
    // The label and its value: after a colon, or a capital or a digit ("Status Advisory"), so a
    // heading "Status" or "Status of this policy" is not one.
    static const rx::Regex k_record(
        R"(^(?i:version( no\.?| number| date)?|date of (this )?(policy|version|issue)|issued?( date)?|date issued|(policy |document )?status|author(/owner)?|owner|(policy |document )(owner|author|model)|audience|nominated( prime)? author|(policy )?to be implemented by|implemented by|job title|document name|(date )?published|date created|created( on)?|policy lead)(?:[ \t]*[:.][ \t]*\S|[ \t]+(?:-|\xE2\x80\x93)[ \t]+\S|[ \t]+[A-Z0-9]).{0,80}$)");
    // "Date: 9 May 2020" alone: the version's or a signature's date, no approval ("Date
    // ratified: ..." and "Date approved: ..." are facts, read as such).
    static const rx::Regex k_date(R"(^(?i:date)[ \t]*:[ \t]*[0-9A-Za-z].{0,40}$)");
    static const rx::Regex k_names_policy(R"(\bpolic(y|ies)\W*$)", true);  // a title ("Status Policy"), not a record
    return util::word_count(text) <= 14 && (rx::full(text, k_record) || rx::full(text, k_date)) && !rx::search(text, k_names_policy);
}

bool page_number(const std::string& text) {
    static const rx::Regex k_page(R"(^(page[ \t]+)?\d{1,3}([ \t]+(of|/)[ \t]+\d{1,3})?$)", true);
    return rx::full(text, k_page);
}

// A year or a school year standing alone ("2016 -17", "2023/24", "Academic year 2024-2025"): a
// title page's version line, not policy text and not a date anything can be read from.
bool year_alone(const std::string& text) {
    static const rx::Regex k_year(R"(^((academic|school)[ \t]+year[ \t]+)?(19|20)\d\d([ \t]*(-|/|\xE2\x80\x93)[ \t]*((19|20)?\d\d))?$)", true);
    return rx::full(text, k_year);
}

}  // namespace

void mark_furniture(std::vector<Block>& blocks) {
    // A sentence broken over two paragraphs (a line break kept as a paragraph end by a
    // conversion): the second starts in lower case and the first does not end a sentence.
    std::vector<Block> joined;
    for (auto& b : blocks) {
        if (!joined.empty() && b.kind == BlockKind::paragraph && b.number.empty() && b.dropped.empty() && starts_lower(b.text)) {
            Block& prev = joined.back();
            std::string pt = clean_line(prev.text);
            if ((prev.kind == BlockKind::paragraph || prev.kind == BlockKind::list_item) && prev.dropped.empty() && pt.size() > 40 && !ends_sentence(pt) &&
                pt.find('\t') == std::string::npos) {
                prev.text = pt + " " + clean_line(b.text);
                continue;
            }
        }
        joined.push_back(std::move(b));
    }
    blocks = std::move(joined);

    static const rx::Regex k_contents(R"(^(table of )?contents?( page)?$|^index$)", true);
    bool in_contents = false;
    int contents_entries = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        if (b.kind == BlockKind::table) continue;
        if (b.dropped == "contents page") {  // a reader's own finding (a contents field): what follows it is not an entry
            b.text = clean_line(b.text);
            in_contents = false;
            continue;
        }
        std::string raw = b.text;
        std::string full = b.number.empty() ? raw : b.number + " " + raw;
        std::string cleaned = clean_line(raw);
        if (rx::full(cleaned, k_contents)) {
            b.dropped = "contents page";
            in_contents = true;
            contents_entries = 0;
        } else if (contents_entry(full, in_contents)) {
            b.dropped = "contents page";
            ++contents_entries;
        } else if (in_contents && contents_entries == 0 && b.kind == BlockKind::heading) {
            b.dropped = "contents page";  // an entry without page numbers right under "Contents"
        } else {
            in_contents = false;
        }
        if (b.dropped.empty() && blank_label(cleaned)) b.dropped = "signature box (nothing filled in)";
        if (b.dropped.empty() && page_number(cleaned)) b.dropped = "page number";
        if (b.dropped.empty() && year_alone(cleaned)) b.dropped = "a year alone";
        if (b.dropped.empty() && web_page_furniture(cleaned)) b.dropped = "web page furniture";
        b.text = cleaned;
    }
    // A list of the document's parts given before them ("There are four key areas:" / "A. The use
    // of social networking sites by pupils" / "B. ..."), without page numbers: two or more items
    // or headings in a row, each the words of a heading further on, are its contents; the line
    // leading into them goes with them.
    {
        auto key = [](const Block& b) { return normalise_words(b.number.empty() ? b.text : b.number + " " + b.text); };
        std::vector<bool> listed(blocks.size(), false);
        std::set<std::string> later;
        for (std::size_t i = blocks.size(); i-- > 0;) {
            const Block& b = blocks[i];
            if (!b.dropped.empty() || (b.kind != BlockKind::heading && b.kind != BlockKind::list_item)) continue;
            std::string k = key(b);
            if (k.empty()) continue;
            listed[i] = later.count(k) > 0;
            if (b.kind == BlockKind::heading) later.insert(k);
        }
        for (std::size_t i = 0; i < blocks.size();) {
            std::size_t end = i;
            while (end < blocks.size() && listed[end]) ++end;
            if (end - i >= 2) {
                for (std::size_t k = i; k < end; ++k) blocks[k].dropped = "contents page";
                if (i > 0 && blocks[i - 1].dropped.empty() && blocks[i - 1].kind == BlockKind::paragraph && util::word_count(blocks[i - 1].text) <= 12 &&
                    util::trim(blocks[i - 1].text).ends_with(":"))
                    blocks[i - 1].dropped = "contents page";
            }
            i = std::max(end, i + 1);
        }
    }
    // "Approved on behalf of the governing body" just above a blank signature box belongs to it.
    static const rx::Regex k_sign_intro(R"(^(approved|signed|agreed|ratified)( by| on behalf of).{0,80}$)", true);
    for (std::size_t i = 0; i + 1 < blocks.size(); ++i)
        if (blocks[i].dropped.empty() && util::starts_with(blocks[i + 1].dropped, "signature box") && rx::full(blocks[i].text, k_sign_intro) &&
            blocks[i].text.find("on behalf") != std::string::npos)
            blocks[i].dropped = "signature box";
    // The title page: the blocks before the first paragraph of prose (more than 14 words).
    for (Block& b : blocks) {
        if (b.dropped.empty() && b.kind != BlockKind::heading && b.kind != BlockKind::table && util::word_count(b.text) > 14) break;
        if (b.dropped.empty() && b.kind != BlockKind::table && document_record(b.text))
            b.dropped = "title page: the document's own record (version, author, status)";
    }
    // Empty blocks carry nothing.
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.kind != BlockKind::table && b.text.empty() && b.number.empty(); }),
                 blocks.end());
}

namespace {

std::string lower_extension(const std::filesystem::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

}  // namespace

ImportedDocument read_document(const std::filesystem::path& file, const std::string& display_path, const ReadOptions& options, util::Diagnostics& diags) {
    auto bytes = util::read_file(file);
    if (!bytes.text) {
        diags.error({display_path, 0, 0}, "import-unreadable", "cannot read this file", "check the path and that the file is readable");
        return {};
    }
    std::string ext = lower_extension(file);
    ImportedDocument doc;
    if (ext == ".txt" || ext == ".text")
        doc = read_text(*bytes.text, display_path, false, diags);
    else if (ext == ".md" || ext == ".markdown")
        doc = read_text(*bytes.text, display_path, true, diags);
    else if (ext == ".docx" || ext == ".docm")
        doc = read_docx(*bytes.text, display_path, options, diags);
    else if (ext == ".html" || ext == ".htm")
        doc = read_html(*bytes.text, display_path, diags);
    else if (ext == ".pdf")
        doc = read_pdf(*bytes.text, display_path, diags);
    else if (ext == ".odt" || ext == ".doc" || ext == ".rtf")
        doc = read_via_libreoffice(file, display_path, options, diags);
    else {
        diags.error({display_path, 0, 0}, "import-format",
                    "clausebook cannot import " + (ext.empty() ? std::string("a file without an extension") : ext + " files"),
                    "import a .docx, .pdf, .html, .txt or .md file (or .odt and .doc with LibreOffice installed)");
        return {};
    }
    if (diags.has_errors()) return doc;
    bool any = std::any_of(doc.blocks.begin(), doc.blocks.end(), [](const Block& b) { return b.dropped.empty(); });
    if (!any)
        diags.error({display_path, 0, 0}, "import-empty", "the document has no text to import",
                    doc.format == "pdf" ? "if it is a scan, import the Word original instead" : "check that this is the right file");
    return doc;
}

}  // namespace clausebook::import
