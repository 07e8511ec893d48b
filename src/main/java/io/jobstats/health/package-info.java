/**
 * Readiness and liveness from a bounded database probe: ready while the database answers, live until an outage
 * outlasts jobstats.health.max-outage.
 */
package io.jobstats.health;
