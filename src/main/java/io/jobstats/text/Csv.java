package io.jobstats.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. It tracks the
 * physical line each record starts on so a rejection can name it.
 */
public final class Csv {

    private final Reader in;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;

    public Csv(Reader in) {
        this.in = in;
    }

    /** The physical line on which the last record returned started. */
    public int recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of input. Throws {@link MalformedCsvException} on a bad quote. */
    public List<String> next() {
        int c = read();
        while (c == '\r') {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(recordLine, "unterminated quoted field");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                int n = peek();
                if (n != '\n' && n != -1) {
                    field.append('\r');
                }
            } else if (wasQuoted) {
                throw new MalformedCsvException(recordLine, "text after a closing quote");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int peek() {
        if (peeked == -2) {
            peeked = readRaw();
        }
        return peeked;
    }

    private int read() {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = readRaw();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int readRaw() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class MalformedCsvException extends RuntimeException {
        public final int line;

        public MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }
}
