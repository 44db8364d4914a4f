package org.uf3j.cli;

import org.uf3j.core.io.Uf3FormatException;

/**
 * A problem the user can fix (bad option, missing or malformed file, impossible request). The
 * message is the whole explanation on one line, naming the file, line or field and what is wrong;
 * {@link Uf3Command} prints it as {@code uf3 <command>: error: <message>} and exits with code 2.
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message == null ? null : Uf3FormatException.printable(message));
    }

    public CliException(String message, Throwable cause) {
        super(message == null ? null : Uf3FormatException.printable(message), cause);
    }
}
