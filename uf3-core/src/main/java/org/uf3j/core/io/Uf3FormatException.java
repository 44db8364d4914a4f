package org.uf3j.core.io;

/**
 * A file that cannot be read as what it claims to be. The message names the file, where the
 * problem is (1-based line, or JSON field path such as {@code pairs[1].knots}) and what was
 * expected there. Unchecked, so that streaming readers can throw it from iterators.
 */
public class Uf3FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The longest message, in characters: longer ones are shortened in the middle. */
    public static final int MAX_LENGTH = 500;

    private final String file;
    private final int line;
    private final String field;

    private Uf3FormatException(String file, int line, String field, String message, Throwable cause) {
        super(printable(message), cause);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    /** A problem with a whole file (e.g. unknown content), no particular line or field. */
    public static Uf3FormatException inFile(String file, String what) {
        return new Uf3FormatException(file, 0, null, file + ": " + what, null);
    }

    /** A problem on a 1-based line of a text file: message "file:line: what". */
    public static Uf3FormatException atLine(String file, int line, String what) {
        return new Uf3FormatException(file, line, null, file + ":" + line + ": " + what, null);
    }

    /** Same as {@link #atLine(String, int, String)}, keeping the underlying cause. */
    public static Uf3FormatException atLine(String file, int line, String what, Throwable cause) {
        return new Uf3FormatException(file, line, null, file + ":" + line + ": " + what, cause);
    }

    /** A problem at a field path of a JSON document: message "file: field 'path': what". */
    public static Uf3FormatException atField(String file, String field, String what) {
        return new Uf3FormatException(file, 0, field, file + ": field '" + field + "': " + what, null);
    }

    /** Same as {@link #atField(String, String, String)}, keeping the underlying cause. */
    public static Uf3FormatException atField(String file, String field, String what, Throwable cause) {
        return new Uf3FormatException(file, 0, field, file + ": field '" + field + "': " + what, cause);
    }

    /**
     * The message as one printable line: control characters (line breaks, NUL, escape sequences)
     * and Unicode line separators, which a message may quote from a broken file, become
     * escapes (a backslash, u and four hex digits), so the error stays one line on any terminal;
     * a message longer than {@value #MAX_LENGTH} characters (one quoting a long stretch of a broken
     * line) keeps its start, which names the place, and its end, which says what was expected.
     */
    public static String printable(String message) {
        String s = escaped(message);
        if (s.length() <= MAX_LENGTH) {
            return s;
        }
        int head = MAX_LENGTH * 2 / 3;
        int tail = MAX_LENGTH - head - 40;
        return s.substring(0, head) + " [... " + (s.length() - head - tail) + " characters left out ...] "
                + s.substring(s.length() - tail);
    }

    private static String escaped(String message) {
        StringBuilder b = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (bad && b == null) {
                b = new StringBuilder(message.length() + 16).append(message, 0, i);
            }
            if (bad) {
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? message : b.toString();
    }

    /** The file (as named by the caller), never null. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** The JSON field path, or null when the problem is not tied to a field. */
    public String field() {
        return field;
    }
}
