package org.anxin.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.FileSystemUtils;

/** The temporary directories the tests make, deleted when done (they used to pile up in /tmp). */
final class TempDirs {
    private TempDirs() {}

    /**
     * Deletes a directory once the embedded PostgreSQL and Redis that kept their data in it have
     * removed their pid files (a server still writing while the directory goes leaves it half
     * deleted); after 30 s it is left for the machine's temporary-file cleaning.
     */
    static void deleteOnceStopped(Path dir) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(dir.resolve("postgres/postmaster.pid")) || Files.exists(dir.resolve("redis/redis.pid"))) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        delete(dir);
    }

    /** Deletes a directory of plain files (certificates, a scenario's state). */
    static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // left for the machine's temporary-file cleaning
        }
    }
}
