package org.anxin.platform.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server, started as a child process on loopback with its data under the data
 * directory, so that a restart keeps everything. PostgreSQL refuses to run as root; when the
 * platform runs as root the server runs as user {@code nobody} through {@code setpriv}. It runs
 * under a {@link WatchedServer}, so it stops when the platform's JVM ends, even by {@code kill -9}.
 */
final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String DATABASE = "anxin";
    static final String USER = "postgres";
    private static final int NOBODY = 65534;

    private final Path bin;
    private final Path pgData;
    private final int port;
    private final String password;
    private final boolean asNobody;
    private WatchedServer server;

    private EmbeddedPostgres(Path bin, Path pgData, int port, String password, boolean asNobody) {
        this.bin = bin;
        this.pgData = pgData;
        this.port = port;
        this.password = password;
        this.asNobody = asNobody;
    }

    static EmbeddedPostgres start(Path dataDir, int port) throws IOException, InterruptedException {
        boolean asNobody = runningAsRoot();
        Path pgRoot = asNobody ? rootReachableByNobody(dataDir.toAbsolutePath()) : dataDir.toAbsolutePath();
        Path bin = PostgresBinaries.unpack(pgRoot.resolve("pg-bin")).resolve("bin");
        Path pgData = pgRoot.resolve("postgres");
        String password = password(dataDir.resolve("postgres.password"));
        EmbeddedPostgres postgres = new EmbeddedPostgres(bin, pgData, port, password, asNobody);
        log.info(
                "Starting embedded PostgreSQL on 127.0.0.1:{}, data in {}{}",
                port,
                pgData,
                asNobody ? " (as user nobody: PostgreSQL does not run as root)" : "");
        postgres.initIfEmpty(pgRoot);
        postgres.stopStaleServer();
        postgres.launch(dataDir.resolve("postgres.log"));
        postgres.createDatabase();
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    private void initIfEmpty(Path dataDir) throws IOException, InterruptedException {
        if (Files.exists(pgData.resolve("PG_VERSION"))) {
            return;
        }
        Files.createDirectories(pgData);
        Path pwFile = dataDir.resolve("initdb.pw");
        Files.writeString(pwFile, password, StandardCharsets.UTF_8);
        try {
            if (asNobody) {
                ensureReachableByNobody(pgData);
                chownToNobody(pgData);
                chownToNobody(pwFile);
            }
            run(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    pgData.toString(),
                    "-U",
                    USER,
                    "--pwfile=" + pwFile.toAbsolutePath(),
                    "-A",
                    "scram-sha-256",
                    "-E",
                    "UTF8",
                    "--locale=C"));
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    /**
     * A server left running by a killed platform holds the data directory: stop it first. A lock
     * file whose pid is now another program's (a reboot) is removed, or PostgreSQL would refuse to
     * start; one whose pid is gone PostgreSQL removes itself.
     */
    private void stopStaleServer() throws IOException, InterruptedException {
        Path pidFile = pgData.resolve("postmaster.pid");
        OptionalLong pid = OrphanedServers.pidIn(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> stale = OrphanedServers.live(pid.getAsLong());
        if (stale.isEmpty()) {
            return;
        }
        if (OrphanedServers.runs(pid.getAsLong(), "postgres", pgData)) {
            log.warn(
                    "A PostgreSQL server (pid {}) left by an earlier platform runs on {}; stopping it",
                    pid.getAsLong(),
                    pgData);
            try {
                pgCtlStop();
            } catch (IOException e) {
                log.warn("pg_ctl stop failed ({}); terminating PostgreSQL", e.getMessage());
                OrphanedServers.stop(stale.get(), 30);
            }
        } else {
            log.warn(
                    "{} names pid {}, which is not a PostgreSQL on {} (a stale lock file, e.g. after a reboot);"
                            + " removing it",
                    pidFile,
                    pid.getAsLong(),
                    pgData);
            Files.deleteIfExists(pidFile);
        }
    }

    private void launch(Path logFile) throws IOException, InterruptedException {
        List<String> command = command(List.of(
                bin.resolve("postgres").toString(),
                "-D",
                pgData.toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories="));
        server = WatchedServer.start("postgres", "INT", command, logFile);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IOException("PostgreSQL exited with code " + server.exitValue() + "; see " + logFile);
            }
            try (Connection ignored = DriverManager.getConnection(url("postgres"), USER, password)) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        server.close();
        throw new IOException("PostgreSQL did not accept connections within 60 s; see " + logFile, last);
    }

    private void createDatabase() throws IOException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, password);
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Fast shutdown (SIGINT through the watchdog): open transactions roll back, a checkpoint is written. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        log.info("Stopping embedded PostgreSQL on port {}", port);
        server.close();
    }

    private void pgCtlStop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", pgData.toString(), "-m", "fast", "-w", "-t", "30"));
    }

    private void run(List<String> args) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(Path.of(args.get(0)).getFileName() + " failed: " + output.strip());
        }
    }

    private List<String> command(List<String> args) {
        if (!asNobody) {
            return args;
        }
        List<String> command =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        command.addAll(args);
        return command;
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void ensureReachableByNobody(Path dir) throws IOException {
        Path blocked = firstUnreachable(dir.getParent());
        if (blocked != null) {
            throw new IOException("PostgreSQL runs as user nobody (the platform runs as root), but " + blocked
                    + " is not reachable by other users; choose ANXIN_DATA_DIR elsewhere or run the platform as"
                    + " a regular user");
        }
    }

    /**
     * Where PostgreSQL's files go when it runs as nobody: under the data directory if nobody can
     * reach it; otherwise (a checkout in root's private home) in a directory of its own under
     * /var/lib/anxin, named after the data directory so that restarts find it again, with a link
     * to it from the data directory.
     */
    private static Path rootReachableByNobody(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (firstUnreachable(dataDir.getParent()) == null) {
            // the data directory is ours: let nobody pass through it (not list it) to PostgreSQL's files
            var mode = Files.getPosixFilePermissions(dataDir);
            mode.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(dataDir, mode);
            return dataDir;
        }
        String name = PostgresBinaries.sha256Hex(dataDir.toString()).substring(0, 16);
        Path elsewhere = Path.of("/var/lib/anxin", "pg-" + name);
        Files.createDirectories(elsewhere);
        Files.setPosixFilePermissions(elsewhere.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = dataDir.resolve("postgres-files");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, elsewhere);
        }
        log.warn(
                "{} is not reachable by user nobody, who runs PostgreSQL here (the platform runs as root);"
                        + " PostgreSQL's files are kept in {} instead (linked from {})",
                dataDir,
                elsewhere,
                link);
        return elsewhere;
    }

    /** The first directory on the path that others may not pass through, or null. */
    private static Path firstUnreachable(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
            if (mode.charAt(8) != 'x') {
                return p;
            }
        }
        return null;
    }

    private static void chownToNobody(Path path) throws IOException {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
    }

    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Files.writeString(file, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }
}
