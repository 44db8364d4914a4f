package org.uf3j.cli;

import java.nio.file.Path;
import java.util.List;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.fit.uncertainty.PosteriorSampler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --samples K}, {@code --seed S} and {@code --posterior FILE} options (a picocli mixin) of the
 * commands that draw models from a fit's Bayesian posterior, with the one way they draw them.
 */
public final class PosteriorSamplesOption {
    @Option(names = "--samples", paramLabel = "K",
            description = "Draw K models from the fit's Bayesian posterior (what for: see above; default: none).")
    int samples;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the posterior draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    PosteriorOption posterior;

    /** K as given (0 when --samples was not given). */
    public int count() {
        return samples;
    }

    /** The seed of the draws. */
    public long seed() {
        return seed;
    }

    /**
     * A {@link CliException} "--samples must be >= {@code least}, got K" when K is negative; {@code least}
     * is the bound the command states (K = 0 draws nothing in every command).
     */
    public void checkNotNegative(int least) {
        if (samples < 0) {
            throw new CliException("--samples must be >= " + least + ", got " + samples);
        }
    }

    /** The K models drawn with the seed from the posterior (--posterior) of {@code model}, loaded from {@code potential}. */
    public List<Uf3Model> draw(Path potential, Uf3Model model) {
        return new PosteriorSampler(posterior.load(potential, model)).models(model, samples, seed);
    }
}
