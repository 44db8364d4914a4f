package org.uf3j.core.io.text;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.uf3j.core.io.Uf3FormatException;

/** Reads a text file line by line and knows the 1-based number of the line last read, for error messages. */
public final class NumberedLines implements Closeable {
    private final BufferedReader in;
    private final String name;
    private int line;

    /** Reads {@code reader} line by line; {@code name} is the file name used in messages. */
    public NumberedLines(Reader reader, String name) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.name = name;
    }

    /** The next line without its terminator, or null at the end of the file. */
    public String next() {
        try {
            String s = in.readLine();
            if (s != null) {
                line++;
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": read error after line " + line + ": " + e.getMessage(), e);
        }
    }

    /** Number of the line last returned by {@link #next()} (0 before the first). */
    public int line() {
        return line;
    }

    /** The file name used in messages. */
    public String name() {
        return name;
    }

    /** An error on the line last read. */
    public Uf3FormatException error(String what) {
        return Uf3FormatException.atLine(name, line, what);
    }

    /** An error on another line. */
    public Uf3FormatException error(int lineNumber, String what) {
        return Uf3FormatException.atLine(name, lineNumber, what);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }
}
