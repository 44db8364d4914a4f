package org.uf3j.cli;

import java.nio.file.Path;
import org.uf3j.core.io.LoadedPotential;
import org.uf3j.core.model.Uf3Model;
import picocli.CommandLine.Option;

/**
 * The {@code -p/--potential FILE} option of the commands that read a potential in any of the three
 * formats (a picocli mixin), with the one way they load it.
 */
public final class PotentialOption {
    @Option(names = {"-p", "--potential"}, required = true, paramLabel = "FILE",
            description = "Potential: .uf3, uf3 JSON or UF3-J project JSON.")
    Path file;

    /** The file as given on the command line. */
    public Path file() {
        return file;
    }

    /**
     * The element an {@code --element} option names ({@code given}), or the model's first when it
     * was not given; a {@link CliException} when the model does not have it.
     */
    public static String element(Uf3Model model, String given) {
        String el = given != null ? given : model.elements().get(0);
        if (!model.elements().contains(el)) {
            throw new CliException("--element " + el + " is not one of the potential's elements " + model.elements());
        }
        return el;
    }

    /** Reads the potential; a {@link CliException} naming the file when it cannot. */
    public LoadedPotential load() {
        return Potentials.load(file);
    }
}
