package org.uf3j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.uf3j.core.testing.TestData;

/** A small two-element InP UF2,3 fitted by {@code uf3 fit} to chosen groups of the InP FitSNAP set, for the CLI tests. */
final class InpTestFit {
    private InpTestFit() {}

    /**
     * Fits the UF2,3 (pairs 1.5-5.5 Å / 12 intervals, triplets to 4 Å / 4, κ 0.5, fixed λ) to the given
     * groups of {@code inp-cusentino2020/JSON} in {@code dir/fit} and returns that output directory.
     */
    static Path fit(Path dir, String... groups) throws IOException {
        Path json = TestData.dir().resolve("inp-cusentino2020/JSON").toAbsolutePath();
        String data = Stream.of(groups)
                .map(g -> "  - {path: \"" + json.resolve(g) + "\", format: fitsnap-json}\n")
                .collect(Collectors.joining());
        String config = "elements: [In, P]\ndata:\n" + data + """
                two_body: {r_min: 1.5, r_max: 5.5, resolution: 12}
                three_body: {r_min: 1.5, r_max: 4.0, resolution: 4}
                kappa: 0.5
                regularization: {curvature_2b: 1e-6, curvature_3b: 1e-6, ridge_2b: 1e-10, ridge_3b: 1e-10}
                plots: false
                threads: 2
                """;
        Path cfg = dir.resolve("inp.yaml");
        Files.writeString(cfg, config);
        Path out = dir.resolve("fit");
        Cli.run("fit", cfg.toString(), "-o", out.toString()).assertOk();
        return out;
    }
}
