/**
 * The database around the figures: the embedded PostgreSQL (durable settings, orphans, crash recovery), the binary
 * COPY encoder, the reference data's sync into tables, the data version that keys every cache across pods, and how
 * SQL failures are told apart (unavailable, timed out).
 */
package io.jobstats.database;
