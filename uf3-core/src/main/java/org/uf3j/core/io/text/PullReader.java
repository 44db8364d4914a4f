package org.uf3j.core.io.text;

import java.util.NoSuchElementException;
import org.uf3j.core.io.TrainingDataReader;
import org.uf3j.core.structure.Configuration;

/**
 * The iterator bookkeeping shared by the streaming readers: subclasses say how to read the next
 * configuration ({@code null} at the end) and how to release their input.
 */
public abstract class PullReader implements TrainingDataReader {
    private final String name;
    private Configuration pending;
    private boolean finished;
    private boolean closed;

    /** A reader of the file {@code name} (used in messages). */
    protected PullReader(String name) {
        this.name = name;
    }

    /** The next configuration, or null when the input is exhausted. */
    protected abstract Configuration readNext();

    /** Releases the input (called once, from {@link #close()}). */
    protected abstract void closeInput();

    @Override
    public final boolean hasNext() {
        if (pending == null && !finished) {
            try {
                pending = readNext();
            } catch (RuntimeException e) {
                finished = true;
                throw e;
            }
            if (pending == null) {
                finished = true;
            }
        }
        return pending != null;
    }

    @Override
    public final Configuration next() {
        if (!hasNext()) {
            throw new NoSuchElementException(name + ": no more configurations");
        }
        Configuration c = pending;
        pending = null;
        return c;
    }

    @Override
    public final void close() {
        finished = true;
        pending = null;
        if (!closed) {
            closed = true;
            closeInput();
        }
    }
}
