package org.uf3j.fit.uncertainty;

/** A posterior side file that cannot be used: the message is one line naming the file and the field. */
public final class PosteriorFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PosteriorFileException(String message) {
        super(message);
    }
}
