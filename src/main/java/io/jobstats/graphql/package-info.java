/**
 * GraphQL over HTTP around SmallRye's execution: the one endpoint (GraphQLRoute: GET and POST, ETags and 304,
 * persisted queries, statuses, compression), the caches of whole answers (ResponseCache, ResponseBytes), the
 * request's data version, the depth, cost and time limits checked once per query, error codes, operation metrics,
 * and what the schema says of its scalars (SchemaPolish, CheckedScalar). docs/api.md describes it for clients.
 */
package io.jobstats.graphql;
