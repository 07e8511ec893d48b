package io.jobstats.counts;

import io.jobstats.EmbeddedPostgresResource;
import io.jobstats.TestRows;
import io.jobstats.database.BinaryCopy;
import io.jobstats.database.Transaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Chunks made on another thread are written in their order, each once; a chunk that cannot be made stops the run. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PipelinedCopyTest {

    /** Dropped when the test's transaction ends, as the pool keeps the connection. */
    private static final String TABLE = "CREATE TEMP TABLE pipelined (seq serial, chunk int, n int) ON COMMIT DROP";

    private static final String COPY = "COPY pipelined (chunk, n) FROM STDIN (FORMAT binary)";

    @Inject
    DataSource dataSource;

    @Inject
    ManagedExecutor executor;

    @Test
    void chunksAreWrittenInOrder() throws Exception {
        List<String> made = new ArrayList<>();
        List<PipelinedCopy.Chunk> chunks = IntStream.range(0, 7).mapToObj(k -> new PipelinedCopy.Chunk(COPY, () -> {
            made.add(Thread.currentThread().getName());
            return rows(k, k + 1);
        })).toList();
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c);
             Statement s = c.createStatement()) {
            s.execute(TABLE);
            PipelinedCopy.run(c.unwrap(PGConnection.class).getCopyAPI(), chunks, executor);
            // Chunk k holds k + 1 rows, numbered 0 to k, and they follow one another in the sequence.
            assertEquals(List.of("7|28|t|"), TestRows.of(c, "SELECT count(DISTINCT chunk), count(*), "
                    + "bool_and(seq = chunk * (chunk + 1) / 2 + n + 1) FROM pipelined"));
        }
        assertEquals(7, made.size());
    }

    @Test
    void aChunkThatCannotBeMadeStopsTheRun() throws Exception {
        IllegalStateException failure = new IllegalStateException("chunk 2");
        List<PipelinedCopy.Chunk> chunks = List.of(new PipelinedCopy.Chunk(COPY, () -> rows(0, 1)),
                new PipelinedCopy.Chunk(COPY, () -> rows(1, 2)), new PipelinedCopy.Chunk(COPY, () -> {
                    throw failure;
                }), new PipelinedCopy.Chunk(COPY, () -> rows(3, 4)));
        try (Connection c = dataSource.getConnection(); Transaction t = Transaction.begin(c);
             Statement s = c.createStatement()) {
            s.execute(TABLE);
            assertSame(failure, assertThrows(IllegalStateException.class,
                    () -> PipelinedCopy.run(c.unwrap(PGConnection.class).getCopyAPI(), chunks, executor)));
            assertEquals(List.of("0|1|", "1|2|"),
                    TestRows.of(c, "SELECT chunk, count(*) FROM pipelined GROUP BY 1 ORDER BY 1"));
        }
    }

    /** Rows (chunk, 0) to (chunk, n - 1) in COPY's binary form. */
    private static byte[] rows(int chunk, int n) {
        BinaryCopy.Writer out = new BinaryCopy.Writer(256);
        for (int i = 0; i < n; i++) {
            out.row(2).int4(chunk).int4(i);
        }
        return out.finish();
    }
}
