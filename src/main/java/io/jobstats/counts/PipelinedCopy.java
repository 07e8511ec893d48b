package io.jobstats.counts;

import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * COPYs chunks of rows in order on one connection, making the next chunk on another thread while PostgreSQL takes
 * the current one: a recount's work in the JVM (building salary points, counting co-occurrences, encoding rows)
 * runs beside its writes instead of between them. At most two chunks' bytes are held at once, and the chunks are
 * made one after another, so what they share needs no locking.
 */
final class PipelinedCopy {

    /** A COPY statement in binary format, and what makes its rows (the header and trailer included). */
    record Chunk(String copy, Supplier<byte[]> rows) {
    }

    private PipelinedCopy() {
    }

    static void run(CopyManager copy, List<Chunk> chunks, Executor maker) throws SQLException, IOException {
        CompletableFuture<byte[]> next = chunks.isEmpty() ? null
                : CompletableFuture.supplyAsync(chunks.get(0).rows(), maker);
        for (int k = 0; k < chunks.size(); k++) {
            byte[] rows = made(next);
            next = k + 1 < chunks.size() ? CompletableFuture.supplyAsync(chunks.get(k + 1).rows(), maker) : null;
            copy.copyIn(chunks.get(k).copy(), new ByteArrayInputStream(rows));
        }
    }

    /** The chunk's rows, or what stopped their making, as it was thrown (an OutOfMemoryError included). */
    private static byte[] made(CompletableFuture<byte[]> chunk) {
        try {
            return chunk.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
