/**
 * Who may do what (docs/security.md): bearer tokens (RS256; the embedded run's local keys and the token command),
 * the read policy of the GraphQL paths, and the guard that refuses request types a browser could send cross-site.
 */
package io.jobstats.security;
