/**
 * jobstats: a GraphQL service that turns job adverts into job-market figures. The process starts in JobstatsMain
 * (an embedded PostgreSQL when no datasource is configured, the local keys, or the token command); the packages
 * below hold, each, one part: what the API says (api) and how it travels (graphql), how ads get in (ads), the term
 * counts the loads keep (counts), what the figures are (market), the reference data they are counted against
 * (reference: taxonomy and geography), and the database, security, health and demo data around them.
 */
package io.jobstats;
