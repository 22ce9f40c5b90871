// A real full disk (issue 8): a build into a 16 KiB tmpfs fails with a message naming the file
// and the cause, exit 3, and leaves only complete files and no temporary ones. Needs the right
// to mount (root in a container that allows it); skipped with a warning otherwise. The corpus
// covers the same failure everywhere through the CLAUSEBOOK_FAULT_WRITE hook.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>

#include "support/fixture.hpp"
#include "support/skip.hpp"

namespace fs = std::filesystem;
using clausebook::test::RunResult;
using clausebook::test::TestRepo;

TEST_CASE("a build onto a full file system fails cleanly, leaving only complete files", "[robustness][limits]") {
    TestRepo repo;
    fs::path mnt = repo.root().parent_path() / (repo.root().filename().string() + "-tmpfs");
    fs::create_directories(mnt);
    if (::geteuid() != 0 || ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=16k") != 0) {
        fs::remove(mnt);
        CLAUSEBOOK_SKIP("cannot mount a tmpfs here (needs root and a container that allows it)");
    }
    struct Unmount {
        fs::path at;
        ~Unmount() {
            ::umount(at.c_str());
            std::error_code ec;
            fs::remove_all(at, ec);
        }
    } unmount{mnt};

    REQUIRE(repo.run({"build"}).exit_code == 0);
    auto complete = clausebook::test::snapshot(repo.out());
    RunResult r = repo.run({"build", "--out", (mnt / "out").string()});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("No space left on device") != std::string::npos);
    CHECK(r.err.find("internal error") == std::string::npos);
    for (const auto& [path, bytes] : clausebook::test::snapshot(mnt / "out")) {
        INFO(path);
        CHECK(fs::path(path).filename().string()[0] != '.');  // the failed write's temporary file is removed
        CHECK(complete.count(path) == 1);
        CHECK(complete[path] == bytes);
    }
}
