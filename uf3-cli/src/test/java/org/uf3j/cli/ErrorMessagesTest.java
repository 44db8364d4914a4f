package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

/** The one line a user reads for I/O errors whose real cause is wrapped. */
class ErrorMessagesTest {
    @Test
    void anImageWritersGenericMessageKeepsItsCause() {
        IIOException e = new IIOException("I/O error writing PNG file!", new IOException("No space left on device"));
        assertEquals("I/O error writing PNG file!: No space left on device", ErrorMessages.describe(e));
    }

    @Test
    void aCauseAlreadyInTheMessageIsNotRepeated() {
        IOException cause = new IOException("out/x.json: Read-only file system");
        IOException e = new IOException("out/x.json: Read-only file system", cause);
        assertEquals("out/x.json: Read-only file system", ErrorMessages.describe(new UncheckedIOException(e)));
    }

    @Test
    void aCycleOfCausesEnds() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);
        assertEquals("a: b", ErrorMessages.describe(a));
    }
}
