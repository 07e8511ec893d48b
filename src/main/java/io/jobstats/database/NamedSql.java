package io.jobstats.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement written with named parameters ({@code :employment}, {@code :term}), prepared as JDBC's positional
 * ones: a name may appear any number of times, and each is bound from a map by name, so no caller computes
 * positions. {@code ::} casts, quoted strings, quoted names and {@code --} comments are left as they are.
 */
public final class NamedSql {

    private final String text;
    private final String jdbc;
    /** The parameter name of each {@code ?}, in order. */
    private final List<String> positions;

    private NamedSql(String text, String jdbc, List<String> positions) {
        this.text = text;
        this.jdbc = jdbc;
        this.positions = positions;
    }

    public static NamedSql of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed " + c + " in: " + text);
                }
                out.append(text, i, close + 1);
                i = close + 1;
            } else if (c == '-' && text.startsWith("--", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? text.length() : eol;
            } else if (c == ':' && text.startsWith("::", i)) {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < text.length() && Character.isJavaIdentifierStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(text, out.toString(), List.copyOf(names));
    }

    /** The statement as JDBC takes it, every parameter a {@code ?}. */
    public String jdbc() {
        return jdbc;
    }

    public List<String> parameters() {
        return positions;
    }

    /**
     * Prepares the statement and binds every parameter by name: an {@code int[]} as an int4 array, a {@code String[]}
     * as a text array, anything else as the driver maps it (LocalDate as a date). A name missing from the map is a
     * programming error.
     */
    public PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(jdbc);
        try {
            for (int i = 0; i < positions.size(); i++) {
                String name = positions.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name + " in: " + text);
                }
                Object v = values.get(name);
                if (v instanceof int[] ints) {
                    Integer[] boxed = new Integer[ints.length];
                    for (int k = 0; k < ints.length; k++) {
                        boxed[k] = ints[k];
                    }
                    ps.setArray(i + 1, c.createArrayOf("int4", boxed));
                } else if (v instanceof String[] texts) {
                    ps.setArray(i + 1, c.createArrayOf("text", texts));
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
