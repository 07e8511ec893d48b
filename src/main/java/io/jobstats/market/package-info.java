/**
 * The figures of docs/metrics.md: MarketService computes ranks, shares, changes and tables from the aggregation
 * queries of MarketRepository and the stored term counts (the counts package), each cached by the data version;
 * Period is the date range a figure covers; Prefetch starts together the aggregates a request's fields will need.
 */
package io.jobstats.market;
