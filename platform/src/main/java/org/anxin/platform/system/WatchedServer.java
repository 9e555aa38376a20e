package org.anxin.platform.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process (embedded PostgreSQL or Redis) that stops when the platform's JVM is gone, even
 * after {@code kill -9}.
 *
 * <p>Java cannot set {@code PR_SET_PDEATHSIG} on a child, and {@code setpriv --pdeathsig} would fire
 * when the Java <em>thread</em> that started the child ends, not the JVM. Instead the server runs
 * under a few lines of {@code sh} whose standard input is a pipe from this JVM: nothing is ever
 * written to it, but when the JVM ends, however it ends, the kernel closes the pipe, the watchdog
 * reads end-of-file and sends the server its shutdown signal (PostgreSQL: SIGINT, fast shutdown;
 * Redis: SIGTERM, AOF flushed). A normal stop takes the same path: {@link #close} closes the pipe.
 * The watchdog exits with the server, so {@link #isAlive} is the server's liveness.
 */
final class WatchedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WatchedServer.class);

    /**
     * $1 = signal, the rest = the server's command. Ctrl-C reaches the JVM, which stops the server
     * through the pipe; the watchdog itself ignores it so as to wait for the server.
     */
    private static final String WATCHDOG = String.join(
            "\n",
            "trap '' INT QUIT",
            "sig=$1; shift",
            "exec 3<&0 0</dev/null",
            "\"$@\" &",
            "server=$!",
            "( while read -r _ <&3; do :; done; kill -s \"$sig\" \"$server\" 2>/dev/null ) &",
            "watcher=$!",
            "exec 3<&-",
            "wait \"$server\"; status=$?",
            "kill \"$watcher\" 2>/dev/null",
            "exit $status");

    private final String name;
    private final Process watchdog;
    private final OutputStream lifeline;

    private WatchedServer(String name, Process watchdog) {
        this.name = name;
        this.watchdog = watchdog;
        this.lifeline = watchdog.getOutputStream();
    }

    /** Starts {@code command} under the watchdog; its output is appended to {@code logFile}. */
    static WatchedServer start(String name, String stopSignal, List<String> command, Path logFile) throws IOException {
        List<String> wrapped =
                new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "anxin-watchdog-" + name, stopSignal));
        wrapped.addAll(command);
        Process process = new ProcessBuilder(wrapped)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new WatchedServer(name, process);
    }

    boolean isAlive() {
        return watchdog.isAlive();
    }

    int exitValue() {
        return watchdog.exitValue();
    }

    /** Closes the lifeline and waits for the server to shut down; kills it after 60 s. */
    @Override
    public void close() {
        try {
            lifeline.close();
        } catch (IOException e) {
            log.debug("closing the {} watchdog's input: {}", name, e.getMessage());
        }
        try {
            if (!watchdog.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within 60 s; killing it", name);
                watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
                watchdog.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watchdog.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
