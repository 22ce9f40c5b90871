#include "util/fs.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <string_view>
#include <unistd.h>

#include "util/error.hpp"

namespace clausebook::util {

namespace fs = std::filesystem;

ReadResult read_file(const fs::path& path, std::size_t limit) {
    ReadResult r;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        r.error = "is a folder, not a file";
        return r;
    }
    auto size = fs::file_size(path, ec);
    if (ec) {
        r.error = ec.message();
        return r;
    }
    if (size > limit) {
        r.error = "is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) + " bytes for an input file";
        return r;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        r.error = std::strerror(errno);
        return r;
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    r.text = std::move(text);
    return r;
}

namespace {

bool same_content(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec || size != bytes.size()) return false;
    std::ifstream in(path, std::ios::binary);
    std::string old(bytes.size(), '\0');
    in.read(old.data(), static_cast<std::streamsize>(old.size()));
    return in.gcount() == static_cast<std::streamsize>(bytes.size()) && old == bytes;
}

// Test hook (issue 8): CLAUSEBOOK_FAULT_WRITE=ENOSPC|EROFS|EACCES|EIO makes every
// write_file_atomic fail as if writing its temporary file had failed with that error, to
// exercise a full disk or a read-only folder without mounting one. 0: no fault.
int injected_write_error() {
    const char* spec = std::getenv("CLAUSEBOOK_FAULT_WRITE");
    if (!spec || !*spec) return 0;
    std::string_view s(spec);
    if (s == "EROFS") return EROFS;
    if (s == "EACCES") return EACCES;
    if (s == "EIO") return EIO;
    return ENOSPC;
}

}  // namespace

bool write_file_atomic(const fs::path& path, const std::string& bytes) {
    if (same_content(path, bytes)) return false;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw Fatal("cannot create folder " + path.parent_path().string() + ": " + ec.message(), 3);
    std::string tmp_template = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp_template.data());
    if (fd < 0) throw Fatal("cannot write in " + path.parent_path().string() + ": " + std::strerror(errno), 3);
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (int fault = injected_write_error()) {
            n = -1;
            errno = fault;
        }
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(tmp_template.c_str());
            throw Fatal("cannot write " + path.string() + ": " + std::strerror(err), 3);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    // No fsync: rename gives atomicity against a crashed or killed process, which is the
    // guarantee promised; fsync per file would cost more than the whole build.
    if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp_template.c_str());
        throw Fatal("cannot write " + path.string() + ": " + std::strerror(err), 3);
    }
    if (::rename(tmp_template.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp_template.c_str());
        throw Fatal("cannot replace " + path.string() + ": " + std::strerror(err), 3);
    }
    return true;
}

}  // namespace clausebook::util
