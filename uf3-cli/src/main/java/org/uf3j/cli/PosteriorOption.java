package org.uf3j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.fit.uncertainty.Posterior;
import org.uf3j.fit.uncertainty.PosteriorFile;
import org.uf3j.fit.uncertainty.PosteriorFileException;
import picocli.CommandLine.Option;

/**
 * The {@code --posterior FILE} option (a picocli mixin) of the commands that use a fit's Bayesian
 * posterior: by default the side file {@value PosteriorFile#NAME} beside the potential.
 */
public final class PosteriorOption {
    @Option(names = "--posterior", paramLabel = "FILE",
            description = "Posterior side file (default: " + PosteriorFile.NAME + " beside the potential, as uf3 fit writes it).")
    Path file;

    /** The posterior file for {@code potential}: --posterior, or the side file beside it. */
    public Path file(Path potential) {
        return file != null ? file : PosteriorFile.besides(potential);
    }

    /** Reads the posterior for {@code model} loaded from {@code potential}; one-line errors. */
    public Posterior load(Path potential, Uf3Model model) {
        Path f = file(potential);
        if (file == null && !Files.isRegularFile(f)) {
            throw new CliException(potential + ": no posterior beside it (" + f + " not found): fit with "
                    + "'uncertainty: true' (the default) or pass --posterior FILE");
        }
        try {
            return PosteriorFile.read(f, model);
        } catch (PosteriorFileException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(f + ": cannot read: " + ErrorMessages.describe(e), e);
        }
    }
}
