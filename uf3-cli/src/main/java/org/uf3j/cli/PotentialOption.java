package org.uf3j.cli;

import java.nio.file.Path;
import org.uf3j.core.io.LoadedPotential;
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

    /** Reads the potential; a {@link CliException} naming the file when it cannot. */
    public LoadedPotential load() {
        return Potentials.load(file);
    }
}
