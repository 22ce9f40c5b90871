// Test support for the DOCX writer: a package read back with libzip, its parts parsed with
// pugixml, and the text of WordprocessingML as a reader sees it. Header-only: the test binary
// compiles *_test.cpp files and the shared fixture only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <zip.h>

namespace clausebook::test {

struct DocxPackage {
    std::vector<std::string> names;  // in archive order
    std::map<std::string, std::string> parts;  // name -> bytes
};

// Every entry of the zip archive in `bytes`; fails the test if it is not a readable zip.
inline DocxPackage read_docx(const std::string& bytes) {
    DocxPackage pkg;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(src);
    zip_t* archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) zip_source_free(src);
    REQUIRE(archive);
    zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        auto index = static_cast<zip_uint64_t>(i);
        std::string name = zip_get_name(archive, index, 0);
        zip_file_t* f = zip_fopen_index(archive, index, 0);
        REQUIRE(f);
        std::string data;
        char buf[8192];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<std::size_t>(n));
        zip_fclose(f);
        pkg.names.push_back(name);
        pkg.parts[name] = data;
    }
    zip_discard(archive);
    return pkg;
}

// Parses part `name`; fails the test if it is missing or not well-formed XML.
inline std::unique_ptr<pugi::xml_document> parse_part(const DocxPackage& pkg, const std::string& name) {
    INFO("part " << name);
    REQUIRE(pkg.parts.count(name) == 1);
    auto doc = std::make_unique<pugi::xml_document>();
    const std::string& bytes = pkg.parts.at(name);
    pugi::xml_parse_result r = doc->load_buffer(bytes.data(), bytes.size());
    INFO(r.description() << " at byte " << r.offset);
    REQUIRE(r);
    return doc;
}

// The text under `node`: w:t as written, w:tab as a tab, a line end after every w:p.
inline std::string wml_text(pugi::xml_node node) {
    std::string out;
    auto visit = [&](pugi::xml_node n, auto& self) -> void {
        std::string_view name = n.name();
        if (name == "w:t")
            out += n.text().get();
        else if (name == "w:tab" && std::string_view(n.parent().name()) == "w:r")
            out += '\t';
        for (pugi::xml_node c : n.children())
            if (c.type() == pugi::node_element) self(c, self);
        if (name == "w:p") out += '\n';
    };
    visit(node, visit);
    return out;
}

// Every element called `name` below `root`.
inline std::vector<pugi::xml_node> all_of(pugi::xml_node root, const char* name) {
    std::vector<pugi::xml_node> out;
    for (pugi::xpath_node x : root.select_nodes((std::string("//") + name).c_str())) out.push_back(x.node());
    return out;
}

}  // namespace clausebook::test
