/**
 * The database itself: the embedded PostgreSQL (durable settings, orphans, crash recovery), the binary COPY
 * encoder, the data version that keys every cache across pods, where reads run (ReadConnections: the read pool, or the
 * primary while a replica behind it lags), pool gauges, and how SQL failures are told apart (unavailable, timed out).
 */
package io.jobstats.database;
