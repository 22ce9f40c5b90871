#include "import/zip_reader.hpp"

#include <zip.h>

namespace clausebook::import {

struct ZipPackage::Impl {
    zip_t* archive = nullptr;
    std::map<std::string, zip_int64_t> index;
};

ZipPackage::ZipPackage(const std::string& bytes, std::size_t max_part, std::size_t max_total)
    : m_impl(std::make_unique<Impl>()), m_max_part(max_part), m_max_total(max_total) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
        m_error = "cannot read the file as a ZIP package";
        zip_error_fini(&err);
        return;
    }
    m_impl->archive = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!m_impl->archive) {
        zip_source_free(src);
        int code = zip_error_code_zip(&err);
        if (code == ZIP_ER_NOZIP)
            m_error = "the file is not a ZIP package (a Word .docx file is one): it may be another format renamed, or damaged";
        else if (code == ZIP_ER_INCONS || code == ZIP_ER_CRC)
            m_error = "the ZIP package is damaged (its directory does not agree with its contents)";
        else
            m_error = std::string("the ZIP package cannot be opened: ") + zip_error_strerror(&err);
        zip_error_fini(&err);
        return;
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(m_impl->archive, 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        const char* name = zip_get_name(m_impl->archive, static_cast<zip_uint64_t>(i), 0);
        if (name) m_impl->index[name] = i;
    }
}

ZipPackage::~ZipPackage() {
    if (m_impl && m_impl->archive) zip_discard(m_impl->archive);
}

bool ZipPackage::has(const std::string& name) const { return m_impl->index.count(name) > 0; }

std::vector<std::string> ZipPackage::names() const {
    std::vector<std::string> out;
    for (const auto& [k, v] : m_impl->index) out.push_back(k);
    return out;
}

std::optional<std::string> ZipPackage::read(const std::string& name) {
    auto it = m_impl->index.find(name);
    if (it == m_impl->index.end() || !m_impl->archive) return std::nullopt;
    zip_file_t* f = zip_fopen_index(m_impl->archive, static_cast<zip_uint64_t>(it->second), 0);
    if (!f) {
        m_error = "the part " + name + " cannot be read: " + zip_strerror(m_impl->archive);
        return std::nullopt;
    }
    std::string out;
    char buf[65536];
    while (true) {
        zip_int64_t got = zip_fread(f, buf, sizeof buf);
        if (got < 0) {
            m_error = "the part " + name + " is damaged (" + zip_file_strerror(f) + "): the file may be truncated";
            zip_fclose(f);
            return std::nullopt;
        }
        if (got == 0) break;
        out.append(buf, static_cast<std::size_t>(got));
        if (out.size() > m_max_part || m_total + out.size() > m_max_total) {
            m_error = "the part " + name + " inflates past " + std::to_string((out.size() > m_max_part ? m_max_part : m_max_total) >> 20) +
                      " MiB (a ZIP bomb, or a document far larger than any policy)";
            zip_fclose(f);
            return std::nullopt;
        }
    }
    zip_fclose(f);
    m_total += out.size();
    return out;
}

}  // namespace clausebook::import
