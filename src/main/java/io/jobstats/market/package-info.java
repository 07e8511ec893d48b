/**
 * The figures of docs/metrics.md: MarketService computes ranks, shares, changes and tables from the aggregation
 * queries of MarketRepository and the term counts the loads keep (TermCounts), each cached by the data version;
 * Prefetch starts together the aggregates a request's fields will need.
 */
package io.jobstats.market;
