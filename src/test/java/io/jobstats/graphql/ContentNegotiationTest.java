package io.jobstats.graphql;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response type from Accept, the content coding from Accept-Encoding: what the endpoint picks. */
class ContentNegotiationTest {

    @Test
    void theResponseTypeIsTheBestAcceptedJsonType() {
        assertEquals(GraphQLRoute.JSON, GraphQLRoute.responseType(null));
        assertEquals(GraphQLRoute.JSON, GraphQLRoute.responseType("*/*"));
        assertEquals(GraphQLRoute.JSON, GraphQLRoute.responseType("application/json, multipart/mixed"));
        assertEquals(GraphQLRoute.GRAPHQL_RESPONSE, GraphQLRoute.responseType("application/graphql-response+json"));
        assertEquals(GraphQLRoute.GRAPHQL_RESPONSE,
                GraphQLRoute.responseType("application/json;q=0.9, application/graphql-response+json"));
        assertEquals(GraphQLRoute.JSON, GraphQLRoute.responseType("application/graphql-response+json;q=0.5, application/json"));
        assertEquals(GraphQLRoute.GRAPHQL_RESPONSE, GraphQLRoute.responseType("application/graphql+json"));
        assertNull(GraphQLRoute.responseType("text/html"));
        assertNull(GraphQLRoute.responseType("application/json;q=0"));
    }

    @Test
    void brotliThenGzipUnlessRefused() {
        assertEquals("br", ContentCoding.choose("gzip, deflate, br"));
        assertEquals("gzip", ContentCoding.choose("gzip, deflate"));
        assertEquals("gzip", ContentCoding.choose("br;q=0, gzip"));
        assertEquals("gzip", ContentCoding.choose("*"));
        assertNull(ContentCoding.choose("deflate"));
        assertNull(ContentCoding.choose("identity"));
        assertNull(ContentCoding.choose(null));
    }

    @Test
    void gzipDecodesToTheBody() throws IOException {
        byte[] body = "{\"data\":{\"categories\":[]}}".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] gz = ContentCoding.encode(body, ContentCoding.GZIP);
        assertTrue(gz.length < body.length / 5, gz.length + " bytes");
        assertArrayEquals(body, new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes());
    }
}
