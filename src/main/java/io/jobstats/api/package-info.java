/**
 * The GraphQL schema, code-first: its types (Types, TermMarket, MarketSummary, Node) and the resolvers of each part
 * of it (TermQueries, RegionQueries, MarketQueries, TermMarketFields, NodeQueries, LoadQueries; the loadAds mutation
 * lives beside POST /ads in the ads package), with the argument checks and the errors a client can act on
 * (NOT_FOUND, BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN). What a figure means is docs/metrics.md; how requests
 * travel is the graphql package.
 */
package io.jobstats.api;
