package io.jobstats.security;

import static io.jobstats.StartupSettings.firstPresent;
import static io.jobstats.StartupSettings.present;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The out-of-the-box credentials: with the embedded database and no verification key configured, a key pair kept in
 * {@code JOBSTATS_KEYS_DIR} (default {@code ~/.jobstats/keys}, made on the first start) verifies tokens, and a
 * loader token beside it lets the owner of that directory load ads at once. Like the embedded database, it is set up
 * before Quarkus reads its configuration, by {@link io.jobstats.JobstatsMain}.
 */
public final class LocalKeys {

    private static final Logger LOG = Logger.getLogger(LocalKeys.class);

    static final String PUBLIC_KEY = "public.pem";
    static final String PRIVATE_KEY = "private.pem";
    static final String LOADER_TOKEN = "loader.token";
    /** The loader token written beside the keys lasts this long and is renewed at a start within a week of its end. */
    static final Duration LOADER_TOKEN_LIFETIME = Duration.ofDays(90);

    private LocalKeys() {
    }

    /** True when the operator named a key to verify tokens with (property or environment). */
    public static boolean verificationKeyConfigured() {
        return present(System.getProperty("mp.jwt.verify.publickey.location")) || present(System.getProperty("mp.jwt.verify.publickey"))
                || present(System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION")) || present(System.getenv("MP_JWT_VERIFY_PUBLICKEY"));
    }

    public static Path directory() {
        String configured = firstPresent(System.getProperty("jobstats.keys-dir"), System.getenv("JOBSTATS_KEYS_DIR"));
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".jobstats", "keys");
    }

    /** Makes the key pair if it is missing, points token verification at it, and keeps a current loader token. */
    public static void useLocalKeys() {
        Path dir = directory();
        Path publicKey = dir.resolve(PUBLIC_KEY);
        Path privateKey = dir.resolve(PRIVATE_KEY);
        if (!Files.exists(publicKey) || !Files.exists(privateKey)) {
            KeyPair pair = Jwts.generateKeyPair();
            Jwts.writePem(privateKey, pair.getPrivate());
            Jwts.writePem(publicKey, pair.getPublic());
            LOG.infof("Made a key pair for bearer tokens in %s", dir);
        }
        System.setProperty("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
        System.setProperty("mp.jwt.verify.issuer", Jwts.ISSUER);
        Path token = dir.resolve(LOADER_TOKEN);
        try {
            if (!Files.exists(token) || Files.getLastModifiedTime(token).toInstant()
                    .plus(LOADER_TOKEN_LIFETIME).minus(Duration.ofDays(7)).isBefore(Instant.now())) {
                Files.writeString(token, Jwts.sign(Jwts.readPrivateKey(privateKey), Jwts.ISSUER, "local-loader",
                        List.of("loader"), LOADER_TOKEN_LIFETIME) + "\n");
                Jwts.ownerOnly(token);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + token, e);
        }
        LOG.infof("Writes (POST /ads, loadAds) need a bearer token with the role loader: one is in %s", token);
    }

}
