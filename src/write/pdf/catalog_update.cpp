#include "write/pdf/catalog_update.hpp"

#include <cstdio>
#include <cstdlib>

#include "util/error.hpp"

namespace clausebook::write::pdf {

namespace {

[[noreturn]] void fail(const char* what) {
    throw util::Fatal(std::string("PDF: cannot add the document language to cairo's output (") + what + ")", 3);
}

// The number after `key` in `dict` ("/Size 42" gives 42).
long number_after(std::string_view dict, std::string_view key) {
    std::size_t at = dict.find(key);
    if (at == std::string_view::npos) fail("trailer key missing");
    std::string rest(dict.substr(at + key.size(), 24));
    char* end = nullptr;
    long value = std::strtol(rest.c_str(), &end, 10);
    if (end == rest.c_str() || value < 0) fail("trailer value not a number");
    return value;
}

}  // namespace

void add_catalog_entries(std::string& pdf, std::string_view entries) {
    std::size_t startxref = pdf.rfind("startxref");
    std::size_t trailer = pdf.rfind("trailer", startxref);
    if (startxref == std::string::npos || trailer == std::string::npos) fail("no trailer");
    std::string_view tail(pdf.data() + trailer, startxref - trailer);
    long size = number_after(tail, "/Size");
    long root = number_after(tail, "/Root");
    long info = tail.find("/Info") != std::string_view::npos ? number_after(tail, "/Info") : -1;
    long prev = number_after(std::string_view(pdf).substr(startxref), "startxref");

    std::string head = "\n" + std::to_string(root) + " 0 obj\n";
    std::size_t object = pdf.find(head);
    if (object == std::string::npos) fail("no catalog object");
    std::size_t open = object + head.size();
    std::size_t endobj = pdf.find("endobj", open);
    std::size_t close = endobj == std::string::npos ? std::string::npos : pdf.rfind(">>", endobj);
    if (close == std::string::npos || close < open || pdf.compare(open, 2, "<<") != 0) fail("catalog is not a dictionary");
    std::string_view old_dict(pdf.data() + open, close - open);  // without its final ">>"
    if (old_dict.find("/Type /Catalog") == std::string_view::npos) fail("root is not a catalog");

    std::string update;
    update.reserve(old_dict.size() + entries.size() + 256);
    std::size_t offset = pdf.size() + 1;  // of the object, after the '\n' below
    update += '\n';
    update += std::to_string(root) + " 0 obj\n";
    update += old_dict;
    update += "   ";
    update += entries;
    update += "\n>>\nendobj\n";
    std::size_t xref = pdf.size() + update.size();
    char line[32];
    update += "xref\n" + std::to_string(root) + " 1\n";
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    update += line;
    update += "trailer\n<< /Size " + std::to_string(size) + " /Root " + std::to_string(root) + " 0 R";
    if (info >= 0) update += " /Info " + std::to_string(info) + " 0 R";
    update += " /Prev " + std::to_string(prev) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    pdf += update;
}

}  // namespace clausebook::write::pdf
