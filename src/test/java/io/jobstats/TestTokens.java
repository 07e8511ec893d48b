package io.jobstats;

import io.jobstats.security.Jwts;
import io.restassured.specification.RequestSpecification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Bearer tokens for the tests, signed with a key pair kept in target/test-keys (files rather than fields, so the
 * test resource and the test classes, loaded apart, agree on it).
 */
public final class TestTokens {

    private static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();

    private TestTokens() {
    }

    /** The configuration that makes the application verify these tokens. */
    public static synchronized Map<String, String> properties() {
        Path publicKey = DIR.resolve("public.pem");
        if (!Files.exists(publicKey)) {
            KeyPair pair = Jwts.generateKeyPair();
            Jwts.writePem(DIR.resolve("private.pem"), pair.getPrivate());
            Jwts.writePem(publicKey, pair.getPublic());
        }
        return Map.of("mp.jwt.verify.publickey.location", publicKey.toUri().toString(), "mp.jwt.verify.issuer", Jwts.ISSUER);
    }

    public static String token(String... roles) {
        properties();
        return Jwts.sign(Jwts.readPrivateKey(DIR.resolve("private.pem")), Jwts.ISSUER, "test", List.of(roles), Duration.ofHours(1));
    }

    /** A request carrying a token with the role loader. */
    public static RequestSpecification asLoader() {
        return given().auth().oauth2(token("loader"));
    }
}
