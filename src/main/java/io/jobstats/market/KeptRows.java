package io.jobstats.market;

import io.jobstats.counts.HalfMonths;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * term_count's arrays as read before, each under the identity of the row version it came from: the transaction that
 * wrote it and its place ({@code xmin::text || ctid::text}, see {@link #ID}). PostgreSQL never changes a row version in
 * place (an update writes a new one elsewhere, under its own transaction), so an identity stands for the same array
 * in every snapshot that sees it, at any data version, on the primary as on its physical replicas. A statement names
 * the identities held for its half months and receives the arrays of the others only: the UK's 24 kept half months of
 * a year are some 100 KB that PostgreSQL would otherwise read, send and the driver parse for every page.
 * <p>
 * One entry per region, employment type and half month (its latest row version read); the cache
 * {@code market-kept-rows} bounds them (application.properties).
 */
@ApplicationScoped
public class KeptRows {

    /** A row version's identity, in a statement over {@code term_count c}. */
    static final String ID = "c.xmin::text || c.ctid::text";

    private record Key(int regionId, int employment, LocalDate bucket) {
    }

    private record Held(String id, int[] terms) {
    }

    @Inject
    @CacheName("market-kept-rows")
    Cache cache;

    /** The arrays held for the region's half months firstHalf..lastHalf (starts of half months), by identity. */
    public Map<String, int[]> held(int regionId, int employment, LocalDate firstHalf, LocalDate lastHalf) {
        CaffeineCache c = cache.as(CaffeineCache.class);
        Map<String, int[]> out = new HashMap<>();
        for (LocalDate b = firstHalf; !b.isAfter(lastHalf); b = HalfMonths.start(HalfMonths.end(b).plusDays(1))) {
            CompletableFuture<Held> f = c.getIfPresent(new Key(regionId, employment, b));
            Held h = f == null ? null : f.getNow(null);
            if (h != null) {
                out.put(h.id(), h.terms());
            }
        }
        return out;
    }

    /** Holds the array of a row version just read. */
    public void put(int regionId, int employment, LocalDate bucket, String id, int[] terms) {
        cache.as(CaffeineCache.class).put(new Key(regionId, employment, bucket),
                CompletableFuture.completedFuture(new Held(id, terms)));
    }
}
