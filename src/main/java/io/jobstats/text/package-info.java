/**
 * Text handling shared by the loads and the lookups: bounded line and CSV readers, name keys and slugs, and the
 * one-pass term matcher.
 */
package io.jobstats.text;
