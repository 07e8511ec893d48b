package io.jobstats.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. It tracks the
 * physical line each record starts on so a rejection can name it. A record is held only up to a bound: past it the
 * record is read to its end without keeping its text, then refused with {@link RecordTooLongException}.
 */
public final class Csv {

    private final Reader in;
    private final int maxRecordLength;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;

    public Csv(Reader in, int maxRecordLength) {
        this.in = in;
        this.maxRecordLength = maxRecordLength;
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
        long length = 0;
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
                        length = append(field, '"', length);
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    length = append(field, (char) c, length);
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
                if (length > maxRecordLength) {
                    throw new RecordTooLongException(recordLine, length);
                }
                return fields;
            } else if (c == '\r') {
                int n = peek();
                if (n != '\n' && n != -1) {
                    length = append(field, '\r', length);
                }
            } else if (wasQuoted) {
                throw new MalformedCsvException(recordLine, "text after a closing quote");
            } else {
                length = append(field, (char) c, length);
            }
            c = read();
        }
    }

    /** Appends while the record is within its bound; counts either way. */
    private long append(StringBuilder field, char c, long length) {
        if (length < maxRecordLength) {
            field.append(c);
        }
        return length + 1;
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

    public static class MalformedCsvException extends RuntimeException {
        public final int line;

        public MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** A record over the bound, read to its end: the records after it can still be read. */
    public static final class RecordTooLongException extends MalformedCsvException {
        public RecordTooLongException(int line, long length) {
            super(line, "the record is " + length + " characters long; at most the bound (jobstats.ingest.max-line-length) is read");
        }
    }
}
