package io.jobstats.counts;

import java.util.Arrays;

/**
 * PostgreSQL int[] text forms, read and written by hand: the driver's generic arrays box every element, and the
 * load moves tens of millions of them.
 */
public final class IntArrays {

    private IntArrays() {
    }

    /** "{3,7,12}" to {3, 7, 12}. */
    public static int[] parse(String text) {
        int[] out = new int[16];
        int n = 0;
        int i = 1;
        int end = text.length() - 1;
        while (i < end) {
            int sign = 1;
            if (text.charAt(i) == '-') {
                sign = -1;
                i++;
            }
            int v = 0;
            char ch;
            while (i < end && (ch = text.charAt(i)) != ',') {
                v = v * 10 + (ch - '0');
                i++;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = sign * v;
            i++;
        }
        return Arrays.copyOf(out, n);
    }

    public static StringBuilder format(StringBuilder b, int[] values) {
        b.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(values[i]);
        }
        return b.append('}');
    }

    /** Element-wise sum, as long as the longer of the two; may return (and change) {@code a}. */
    public static int[] add(int[] a, int[] b) {
        int[] out = a.length >= b.length ? a : Arrays.copyOf(a, b.length);
        for (int i = 0; i < b.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    /** Adds counts[k] at index ids[k] for each k; may return (and change) {@code a}. */
    public static int[] addSparse(int[] a, int[] ids, int[] counts) {
        int[] out = a;
        for (int k = 0; k < ids.length; k++) {
            out = increment(out, ids[k], counts[k]);
        }
        return out;
    }

    /** Adds {@code by} at index i, growing the array when it is too short; may return (and change) {@code a}. */
    public static int[] increment(int[] a, int i, int by) {
        int[] out = i < a.length ? a : Arrays.copyOf(a, i + 1);
        out[i] += by;
        return out;
    }

    /**
     * Adds {@code by} at each index of {@code ids}, growing the array once, to the largest index, when it is too
     * short; may return (and change) {@code a}. As {@link #increment} for each index, whose growing one index at a
     * time copied an array per term of an ad.
     */
    public static int[] incrementAll(int[] a, int[] ids, int by) {
        int top = -1;
        for (int i : ids) {
            top = Math.max(top, i);
        }
        int[] out = top < a.length ? a : Arrays.copyOf(a, top + 1);
        for (int i : ids) {
            out[i] += by;
        }
        return out;
    }
}
