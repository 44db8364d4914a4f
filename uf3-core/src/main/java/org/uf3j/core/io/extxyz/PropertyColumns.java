package org.uf3j.core.io.extxyz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.uf3j.core.io.text.NumberedLines;
import org.uf3j.core.io.text.Tokens;

/**
 * The per-atom columns declared by an extended-XYZ {@code Properties=name:type:count:...} value
 * (type S string, R real, I integer, L logical), with the token offset of each column.
 */
final class PropertyColumns {
    /** The columns of plain XYZ, used when a frame has no Properties key. */
    static final String PLAIN_XYZ = "species:S:1:pos:R:3";

    /** One declared property: its name, type letter, number of columns and first token index. */
    record Column(String name, char type, int count, int offset) {
    }

    private final List<Column> columns;
    private final int width;

    private PropertyColumns(List<Column> columns, int width) {
        this.columns = columns;
        this.width = width;
    }

    /** Parses a Properties value; errors name the file and line. */
    static PropertyColumns parse(String spec, NumberedLines where) {
        String[] parts = spec.split(":", -1);
        if (spec.isEmpty() || parts.length % 3 != 0) {
            throw where.error("Properties='" + spec + "': expected name:type:count triples such as "
                    + "species:S:1:pos:R:3");
        }
        List<Column> cols = new ArrayList<>();
        int offset = 0;
        for (int p = 0; p < parts.length; p += 3) {
            String name = parts[p];
            String type = parts[p + 1];
            Integer count = Tokens.parseIntOrNull(parts[p + 2]);
            if (name.isEmpty()) {
                throw where.error("Properties='" + spec + "': property " + (p / 3 + 1) + " has no name");
            }
            if (type.length() != 1 || "SRIL".indexOf(Character.toUpperCase(type.charAt(0))) < 0) {
                throw where.error("Properties='" + spec + "': type of '" + name + "' is '" + type
                        + "', expected S, R, I or L");
            }
            if (count == null || count < 1) {
                throw where.error("Properties='" + spec + "': column count of '" + name + "' is '" + parts[p + 2]
                        + "', expected a positive integer");
            }
            for (Column c : cols) {
                if (c.name().equalsIgnoreCase(name)) {
                    throw where.error("Properties='" + spec + "': property '" + name + "' is declared twice");
                }
            }
            cols.add(new Column(name, Character.toUpperCase(type.charAt(0)), count, offset));
            offset += count;
        }
        return new PropertyColumns(Collections.unmodifiableList(cols), offset);
    }

    /** The column whose name equals one of {@code names} ignoring case (first name wins), or null. */
    Column find(String... names) {
        for (String name : names) {
            for (Column c : columns) {
                if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Total number of tokens on an atom line. */
    int width() {
        return width;
    }

    List<Column> columns() {
        return columns;
    }
}
