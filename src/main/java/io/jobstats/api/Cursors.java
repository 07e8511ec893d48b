package io.jobstats.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursors of the Relay connections: base64url of the connection's kind and a position in it ("term:41",
 * "load:7"); one connection's cursor is refused by another.
 */
final class Cursors {

    private Cursors() {
    }

    static String of(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor of this kind names; BAD_USER_INPUT for anything else. */
    static long position(String kind, String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith(kind + ":")) {
                throw new IllegalArgumentException();
            }
            long position = Long.parseLong(s.substring(kind.length() + 1));
            if (position < 0) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw new BadUserInputException("after", "after is not a cursor this connection gave out");
        }
    }
}
