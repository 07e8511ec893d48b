package io.jobstats.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Content-Types a GraphQL POST may have: JSON or a GraphQL document, also as GraphiQL's doubled header. */
class RequestGuardTest {

    @Test
    void jsonAndGraphqlDocumentsOnly() {
        assertTrue(RequestGuard.graphqlType("application/json"));
        assertTrue(RequestGuard.graphqlType("application/json; charset=utf-8"));
        assertTrue(RequestGuard.graphqlType("Application/JSON"));
        assertTrue(RequestGuard.graphqlType("application/graphql"));
        assertTrue(RequestGuard.graphqlType("application/json, application/json"));
        assertFalse(RequestGuard.graphqlType("application/json, text/plain"));
        assertFalse(RequestGuard.graphqlType("text/plain"));
        assertFalse(RequestGuard.graphqlType("application/x-www-form-urlencoded"));
        assertFalse(RequestGuard.graphqlType(""));
        assertFalse(RequestGuard.graphqlType(null));
    }
}
