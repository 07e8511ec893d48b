package io.jobstats.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The out-of-the-box credentials: a key pair made once, verification pointed at it, a loader token signed with it. */
class LocalKeysTest {

    @AfterEach
    void forget() {
        System.clearProperty("jobstats.keys-dir");
        System.clearProperty("mp.jwt.verify.publickey.location");
        System.clearProperty("mp.jwt.verify.issuer");
    }

    @Test
    void theFirstStartMakesKeysAndALoaderTokenTheNextKeepsThem(@TempDir Path dir) throws Exception {
        System.setProperty("jobstats.keys-dir", dir.toString());
        LocalKeys.useLocalKeys();
        Path publicKey = dir.resolve("public.pem");
        assertEquals(publicKey.toUri().toString(), System.getProperty("mp.jwt.verify.publickey.location"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("private.pem"))));
        String token = Files.readString(dir.resolve("loader.token")).trim();
        assertTrue(verifies(token, publicKey), "the loader token is signed with the pair's private key");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"jobstats\"") && claims.contains("\"groups\":[\"loader\"]"), claims);

        String key = Files.readString(publicKey);
        LocalKeys.useLocalKeys();
        assertEquals(key, Files.readString(publicKey), "a later start keeps the key pair");
        assertEquals(token, Files.readString(dir.resolve("loader.token")).trim(), "and a token far from its end");
    }

    @Test
    void theTokenCommandSignsWithTheLocalKey(@TempDir Path dir) throws Exception {
        System.setProperty("jobstats.keys-dir", dir.toString());
        LocalKeys.useLocalKeys();
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, TokenCommand.run("token", "--role", "reader", "--days", "7"));
        } finally {
            System.setOut(out);
        }
        String token = printed.toString(StandardCharsets.UTF_8).trim();
        assertTrue(verifies(token, dir.resolve("public.pem")));
        assertTrue(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8)
                .contains("\"groups\":[\"reader\"]"));
        assertEquals(2, TokenCommand.run("token", "--days", "0"));
    }

    private static boolean verifies(String token, Path publicKeyPem) throws Exception {
        String pem = Files.readString(publicKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String[] parts = token.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
