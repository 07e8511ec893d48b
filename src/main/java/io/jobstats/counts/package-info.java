/**
 * The counts kept ahead of queries, written by loads and read by the figures: per counted region (UK, nations,
 * areas, subregions), employment and half month, the ads and the ads featuring each term and category, and the
 * distinct salary points of each term's ads. HalfMonths is the date arithmetic (and how a period splits into whole
 * half months plus edge days), CountDelta the changes of one transaction, LoadCounts the deltas of a running load,
 * TermCountStore the stored term counts, SalaryCountStore the salary points and their stale marks, CountRecovery the
 * recounts and the fold of leftovers at start-up.
 */
package io.jobstats.counts;
