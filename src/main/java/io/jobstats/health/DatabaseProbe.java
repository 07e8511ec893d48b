package io.jobstats.health;

import io.agroal.api.AgroalDataSource;
import io.jobstats.database.SqlFailures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the database for SELECT 1 through the read path's pool, on a thread of its own, and answers within the
 * configured time whatever the database does (a frozen server is a timeout, not a hung probe). At most one ask is
 * in flight: probes that come while one waits share it. Remembers since when the database has been unreachable.
 */
@ApplicationScoped
public class DatabaseProbe {

    /** What the last probe found: null error when the database answered. */
    public record State(String error, Instant unreachableSince) {
        public boolean reachable() {
            return error == null;
        }
    }

    @Inject
    @io.quarkus.agroal.DataSource("read")
    DataSource readPool;

    @Inject
    HealthConfig config;

    private final ExecutorService asker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-probe");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> inFlight;
    private volatile Instant unreachableSince;
    private volatile State last;
    private volatile long lastAt;

    /** The last probe's finding when it is younger than {@code maxAge}, else a new probe's. */
    public State recent(Duration maxAge) {
        State s = last;
        return s != null && System.nanoTime() - lastAt < maxAge.toNanos() ? s : probe();
    }

    public State probe() {
        CompletableFuture<Void> ask;
        synchronized (this) {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.runAsync(this::selectOne, asker);
            }
            ask = inFlight;
        }
        String error;
        try {
            ask.get(config.databaseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            error = null;
        } catch (TimeoutException e) {
            error = "no answer within " + config.databaseTimeout().toMillis() + " ms";
        } catch (ExecutionException e) {
            error = String.valueOf(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (error != null) {
            // Connections the outage broke would fail the next borrowers: the pool checks its idle ones now.
            flushInvalid();
        }
        synchronized (this) {
            if (error == null) {
                unreachableSince = null;
            } else if (unreachableSince == null) {
                unreachableSince = Instant.now();
            }
            last = new State(error, unreachableSince);
            lastAt = System.nanoTime();
            return last;
        }
    }

    /** True when the database has been unreachable for longer than the configured outage. */
    public boolean outageTooLong(State s) {
        Duration max = config.maxOutage();
        return !s.reachable() && !max.isZero() && s.unreachableSince().plus(max).isBefore(Instant.now());
    }

    private void selectOne() {
        try (Connection c = readPool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, config.databaseTimeout().toSeconds()));
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw SqlFailures.of("SELECT 1", e);
        }
    }

    private void flushInvalid() {
        try {
            readPool.unwrap(AgroalDataSource.class).flush(AgroalDataSource.FlushMode.INVALID);
        } catch (SQLException | RuntimeException e) {
            // Not an Agroal pool, or it cannot check now: the next probe tries again.
        }
    }

    @PreDestroy
    void stop() {
        asker.shutdownNow();
    }
}
