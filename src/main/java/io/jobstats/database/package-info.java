/**
 * The database itself: the embedded PostgreSQL (durable settings, orphans, crash recovery), the binary COPY
 * encoder, the data version that keys every cache across pods, pool gauges, and how SQL failures are told apart
 * (unavailable, timed out).
 */
package io.jobstats.database;
