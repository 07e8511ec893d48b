package io.jobstats.database;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What {@code postmaster.pid} says of a data directory's server. A JVM killed with -9 leaves its embedded
 * PostgreSQL running, holding the directory: the next start stops that orphan first (a fast shutdown, or a kill
 * when it does not stop, after which PostgreSQL recovers from its log as after any crash).
 */
final class PostmasterPid {

    private static final Logger LOG = Logger.getLogger(PostmasterPid.class);
    /** zonky's lock file: held by the JVM whose server this is, so a live owner is told apart from an orphan. */
    private static final String OWNER_LOCK = "epg-lock";

    private PostmasterPid() {
    }

    static Optional<ProcessHandle> process(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean running(Path dataDirectory) {
        return process(dataDirectory).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops a server of this directory whose owning JVM is gone; refuses when the owner is still running. */
    static void stopOrphan(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = process(dataDirectory).filter(ProcessHandle::isAlive);
        if (postmaster.isEmpty()) {
            return;
        }
        if (ownerAlive(dataDirectory)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory + " belongs to another running "
                    + "process; stop it, or give this one its own JOBSTATS_DATA_DIR");
        }
        ProcessHandle p = postmaster.get();
        if (!isPostgresOf(p, dataDirectory)) {
            // The number was reused by an unrelated process: the file is stale, and PostgreSQL would refuse to start.
            LOG.warnf("Removing the stale postmaster.pid of %s (process %d is not its server)", dataDirectory, p.pid());
            try {
                Files.deleteIfExists(dataDirectory.resolve("postmaster.pid"));
            } catch (IOException e) {
                throw new IllegalStateException("Could not remove the stale " + dataDirectory.resolve("postmaster.pid"), e);
            }
            return;
        }
        LOG.warnf("The embedded PostgreSQL of %s from an earlier run is still running (process %d, its JVM gone): stopping it",
                dataDirectory, p.pid());
        p.destroy(); // SIGTERM: PostgreSQL's smart shutdown; the dead JVM's sessions are gone already
        if (!await(p, 60)) {
            LOG.warnf("Process %d did not stop within 60 s: killing it; PostgreSQL will recover from its log", p.pid());
            p.destroyForcibly();
            await(p, 30);
        }
    }

    private static boolean ownerAlive(Path dataDirectory) {
        Path lock = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.exists(lock)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(lock.toFile(), "rw"); FileLock held = f.getChannel().tryLock()) {
            return held == null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    private static boolean isPostgresOf(ProcessHandle p, Path dataDirectory) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
            return cmdline.contains("postgres") && cmdline.contains(dataDirectory.toString());
        } catch (IOException e) {
            // No /proc (not Linux): trust the command the handle reports.
            return p.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private static boolean await(ProcessHandle p, int seconds) {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return !p.isAlive();
        }
    }
}
