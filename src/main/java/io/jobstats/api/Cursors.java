package io.jobstats.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;

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

    /** One page of a list whose cursors are positions in it: its edges, and where it ends. */
    record Page<E>(List<E> edges, Types.PageInfo pageInfo) {
    }

    /**
     * The page of {@code all} after the item {@code after} names (from the start without one), up to {@code first}
     * items, each made an edge from its cursor and itself.
     */
    static <T, E> Page<E> page(List<T> all, String kind, int first, String after, BiFunction<String, T, E> edge) {
        int offset = after == null ? 0 : (int) Math.min(all.size(), position(kind, after) + 1);
        int end = (int) Math.min(all.size(), (long) offset + first);
        List<E> edges = new ArrayList<>(end - offset);
        for (int i = offset; i < end; i++) {
            edges.add(edge.apply(of(kind, i), all.get(i)));
        }
        return new Page<>(edges, new Types.PageInfo(end < all.size(), end > offset ? of(kind, end - 1) : null));
    }
}
