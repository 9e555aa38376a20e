package org.anxin.platform.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Finds embedded servers left by an earlier platform process that was killed before it could stop
 * them (or whose watchdog was killed with it), and tells them from unrelated processes that got the
 * same pid after a reboot: a process is ours only if its program is the expected one and its working
 * directory is our data directory (PostgreSQL and Redis both change into theirs). Linux only
 * ({@code /proc}); elsewhere nothing is ever taken for ours.
 */
final class OrphanedServers {
    private OrphanedServers() {}

    /** Whether {@code pid} runs {@code program} (its executable's name starts so) in {@code dir}. */
    static boolean runs(long pid, String program, Path dir) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            Path exe = Files.readSymbolicLink(proc.resolve("exe")).getFileName();
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            return exe != null
                    && exe.toString().startsWith(program)
                    && Files.isSameFile(cwd, dir)
                    && commandLine(proc).contains(program);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The pid on the first line of a pid file, if the file is there and readable. */
    static OptionalLong pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Every live process running {@code program} in {@code dir}: orphans that left no pid file too. */
    static List<ProcessHandle> running(String program, Path dir) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            long self = ProcessHandle.current().pid();
            return all.filter(p -> p.pid() != self && runs(p.pid(), program, dir))
                    .toList();
        }
    }

    /** Asks the process to stop (SIGTERM) and waits; kills it after {@code seconds}. */
    static void stop(ProcessHandle process, int seconds) throws InterruptedException {
        process.destroy();
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException ignored) {
                // nothing more to do: the start that follows reports the busy port
            }
        }
    }

    static Optional<ProcessHandle> live(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    private static String commandLine(Path proc) throws IOException {
        return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
    }
}
