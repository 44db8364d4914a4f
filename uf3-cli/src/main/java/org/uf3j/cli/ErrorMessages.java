package org.uf3j.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.uf3j.core.eval.EvaluationException;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.fit.FeaturizationException;

/**
 * Turns any exception into the one line a user reads after {@code uf3 <command>: error: }. Known
 * kinds (our own messages, file-format problems, I/O errors) keep their message, which already
 * names the file and line or field; anything else is an internal error and says so.
 */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /** The message, on one line. */
    public static String describe(Throwable t) {
        Throwable e = unwrap(t);
        String msg;
        if (e instanceof CliException || e instanceof Uf3FormatException || e instanceof EvaluationException
                || e instanceof FeaturizationException) {
            msg = e.getMessage();
        } else if (e instanceof NoSuchFileException n) {
            msg = n.getFile() + ": file not found";
        } else if (e instanceof AccessDeniedException a) {
            msg = a.getFile() + ": permission denied";
        } else if (e instanceof NotDirectoryException d) {
            msg = d.getFile() + ": not a directory";
        } else if (e instanceof FileAlreadyExistsException f) {
            msg = f.getFile() + ": already exists";
        } else if (e instanceof DirectoryNotEmptyException d) {
            msg = d.getFile() + ": directory not empty";
        } else if (e instanceof FileNotFoundException || e instanceof IOException) {
            msg = withCauses(e);
        } else if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            msg = e.getMessage();
        } else if (e instanceof OutOfMemoryError) {
            msg = "out of memory: give Java more heap, e.g. UF3_JAVA_OPTS=-Xmx16g bin/uf3 ...";
        } else {
            msg = "internal error: " + e + " (rerun with --debug for the stack trace, and please report it)";
        }
        return oneLine(msg);
    }

    /**
     * An I/O error's message followed by those of its causes that add something (image writers,
     * for one, say only "I/O error writing PNG file!" and keep "No space left on device" inside).
     */
    private static String withCauses(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        int depth = 0;
        for (Throwable c = e.getCause(); c != null && depth++ < 8; c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    /** Unwraps UncheckedIOException and the wrappers of executors and streams to the real cause. */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof UncheckedIOException || e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException
                || (e instanceof RuntimeException && e.getClass() == RuntimeException.class))
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Collapses line breaks so that the message stays one line. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
