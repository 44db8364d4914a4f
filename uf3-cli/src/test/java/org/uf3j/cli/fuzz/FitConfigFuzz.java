package org.uf3j.cli.fuzz;

import java.nio.file.Path;
import java.util.List;
import org.uf3j.cli.CliException;
import org.uf3j.cli.fit.FitConfig;
import org.uf3j.cli.fit.FitConfigMapping;
import org.uf3j.core.fuzz.FuzzContract;

/**
 * Fuzz target: the {@code uf3 fit} configuration (YAML or JSON), read, checked against its
 * elements and mapped to fit settings, as {@code uf3 fit} does before reading any data. Errors
 * are {@link CliException}s whose one-line message starts with the file's name.
 */
public final class FitConfigFuzz {
    static final Path FILE = FuzzWorkspace.DIR.resolve("fit.yaml");

    private FitConfigFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(FitConfigFuzz::fuzzerTestOneInput, "", "elements: [W]\ndata:\n  - path: train.xyz\ntwo_body: {r_min: 1.5, r_max: 5.5, resolution: 20}\n", "{\"elements\": [\"W\"]}");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        check(FuzzContract.text(data), FILE);
    }

    /** The contract for configuration text named {@code file}; true when it is a usable configuration. */
    static boolean check(String text, Path file) {
        return FuzzContract.parses(CliException.class, file.toString(), () -> {
            FitConfig config = FitConfig.parse(text, file);
            List<String> elements = config.elements() == null || config.elements().isEmpty() ? List.of("W")
                    : config.elements();
            config.checkElements(elements);
            FitConfigMapping.settings(config, elements, 100);
        });
    }
}
