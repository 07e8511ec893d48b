package io.jobstats.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a new cluster with data checksums, so that a torn or corrupted page is reported rather than read as data.
 * zonky runs initdb without them and has no option for it; this runs the same initdb (the binaries zonky unpacked)
 * again with {@code --data-checksums}, beside the directory, and moves the result in, before the server first starts.
 */
final class InitDb {

    private InitDb() {
    }

    static void withChecksums(Path dataDirectory) {
        Path initdb = binary("initdb");
        try {
            Path scratch = Files.createTempDirectory(dataDirectory.toAbsolutePath().getParent(), ".initdb-");
            Path cluster = scratch.resolve("data");
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // As zonky runs it: initdb refuses root, and a user namespace makes root an ordinary user to it.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(initdb.toString(), "-A", "trust", "-U", "postgres", "-D", cluster.toString(),
                    "-E", "UTF-8", "--data-checksums"));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("initdb --data-checksums failed: " + output);
            }
            try (Stream<Path> old = Files.list(dataDirectory)) {
                for (Path f : old.filter(f -> !f.getFileName().toString().equals("epg-lock")).toList()) {
                    delete(f);
                }
            }
            try (Stream<Path> made = Files.list(cluster)) {
                for (Path f : made.toList()) {
                    Files.move(f, dataDirectory.resolve(f.getFileName()));
                }
            }
            delete(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the database cluster in " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the database cluster", e);
        }
    }

    /** zonky unpacks its binaries into {@code <working dir>/PG-<digest>/bin}; the newest such unpacking is this run's. */
    static Path binary(String name) {
        Path working = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        try (Stream<Path> dirs = Files.list(working)) {
            List<Path> found = dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .map(d -> d.resolve("bin").resolve(name)).filter(Files::isExecutable)
                    .sorted(Comparator.comparing(InitDb::modified).reversed()).toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No " + name + " among the PostgreSQL binaries in " + working);
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for " + name + " in " + working, e);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
