package org.uf3j.core.io;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.uf3j.core.structure.Configuration;

/**
 * A stream of labelled configurations read from a training-data file, one (or a few) in memory
 * at a time. Malformed input throws {@link Uf3FormatException} from {@link #hasNext()} or
 * {@link #next()}, naming the file, the line and what was expected there. Close it when done.
 */
public interface TrainingDataReader extends Iterator<Configuration>, Closeable {

    /** Closes the underlying file; never throws a checked exception. */
    @Override
    void close();

    /** The remaining configurations as a sequential stream; closing the stream closes this reader. */
    default Stream<Configuration> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }
}
