package io.jobstats.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar quarkus-run.jar token [--role R]... [--days N] [--subject S] [--key FILE]}: prints a bearer token
 * signed with the local private key (or FILE), for the roles given (default loader), valid for N days (default 30).
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static boolean isInvoked(String... args) {
        return args.length > 0 && args[0].equals("token");
    }

    /** Runs the command; answers the process's exit code. */
    public static int run(String... args) {
        List<String> roles = new ArrayList<>();
        int days = 30;
        String subject = "loader";
        Path key = LocalKeys.directory().resolve(LocalKeys.PRIVATE_KEY);
        try {
            for (int i = 1; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--role" -> roles.add(required(args[i], value));
                    case "--days" -> days = Integer.parseInt(required(args[i], value));
                    case "--subject" -> subject = required(args[i], value);
                    case "--key" -> key = Path.of(required(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (days < 1 || days > 3650) {
                throw new IllegalArgumentException("--days must be between 1 and 3650");
            }
            System.out.println(Jwts.sign(Jwts.readPrivateKey(key), Jwts.ISSUER, subject,
                    roles.isEmpty() ? List.of("loader") : roles, Duration.ofDays(days)));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println("usage: token [--role loader|reader]... [--days 30] [--subject NAME] [--key private.pem]");
            return 2;
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
