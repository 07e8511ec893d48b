package io.jobstats.text;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a stream, each held only up to a bound: a longer line is read to its end and reported by its length
 * alone, so one endless line costs no more memory than the bound. Lines end at '\n'; a '\r' before it is dropped.
 */
public final class BoundedLines {

    /** A line: its text, or null with its length when it was longer than the bound. */
    public record Line(String text, long length) {
        public boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;

    public BoundedLines(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        line.setLength(0);
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(length) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            if (length + n <= maxLength) {
                line.append(buffer, start, n);
            }
            length += n;
            if (position < limit) {
                position++; // the '\n'
                return finish(length);
            }
        }
    }

    private Line finish(long length) {
        if (length > maxLength) {
            return new Line(null, length);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(line.substring(0, end), end);
    }
}
