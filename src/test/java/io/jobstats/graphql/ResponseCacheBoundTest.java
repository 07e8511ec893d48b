package io.jobstats.graphql;

import graphql.ExecutionResultImpl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results cache holds at most its configured bytes, however many results are put, and no entry over the largest. */
class ResponseCacheBoundTest {

    private static ResponseCache cache(long maxBytes, long maxEntry) {
        ResponseCache c = new ResponseCache();
        c.config = new ResponseCacheConfig() {
            public MemorySize resultsMaxBytes() {
                return new MemorySize(BigInteger.valueOf(maxBytes));
            }

            public MemorySize bytesMaxBytes() {
                return new MemorySize(BigInteger.valueOf(maxBytes));
            }

            public MemorySize maxEntryBytes() {
                return new MemorySize(BigInteger.valueOf(maxEntry));
            }

            public int maxQueryLength() {
                return 65536;
            }

            public Duration expireAfterWrite() {
                return Duration.ofHours(1);
            }
        };
        c.registry = new SimpleMeterRegistry();
        c.enabled = true;
        c.create();
        return c;
    }

    private static ResponseCache.Key key(int i) {
        return new ResponseCache.Key(new QueryKey("{ q" + i + " }", null, Map.of()), 1);
    }

    @Test
    void manyLargeResultsStayWithinTheBound() {
        ResponseCache c = cache(1_000_000, 100_000);
        // Each result: ~10 KB of JSON, weighed at ~110 KB of heap (tree and text); 200 of them would be ~20 MB unbounded.
        for (int i = 0; i < 200; i++) {
            c.put(key(i), ExecutionResultImpl.newExecutionResult().data(Map.of("text", "x".repeat(10_000))).build());
        }
        long held = c.weightedSize();
        assertTrue(held <= 1_000_000, "held " + held + " bytes");
        assertTrue(held >= 500_000, "held " + held + " bytes: the bound, not nothing");
    }

    @Test
    void anAnswerOverTheLargestEntryIsAnsweredButNotKept() {
        ResponseCache c = cache(100_000_000, 50_000);
        var big = ExecutionResultImpl.newExecutionResult().data(Map.of("text", "y".repeat(60_000))).build();
        assertNull(c.put(key(1), big), "not kept: the caller answers the result as it is");
        assertNull(c.get(key(1)));
        assertEquals(0, c.weightedSize());
    }
}
