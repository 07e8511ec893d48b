/**
 * Background work gives way to readers: ReadActivity counts the GraphQL queries being answered (fed by the
 * instrumentation ReadTracking), and Pacing has a load's batches and the recount of half months wait after a step
 * that met reads, for a time in proportion to the step's, so that pages keep most of the cores while ads load.
 */
package io.jobstats.pacing;
