package org.uf3j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.uf3j.cli.fit.Uf3Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uf3 convert-settings}: a uf3 Python package settings file as a UF3-J fit configuration. */
@Command(name = "convert-settings", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Convert a settings file of the uf3 Python package (its YAML workflow: elements, degree,",
                "data.sources.path, basis r_min/r_max/resolution, trims, learning.weight, learning.regularizer)",
                "into a UF3-J fit configuration, with the mapping of docs/from-uf3.md. Every setting that does not",
                "carry over exactly is listed as a note (on stderr and as comments in the output).",
                "uf3 fit also reads such a file directly (with UF3-J's default split)."},
        footer = {"", "Examples:",
                "  uf3 convert-settings settings.yaml -o fit.yaml",
                "  uf3 convert-settings settings.yaml --train-indices uf3_training_idx.txt --missing-indices drop -o fit.yaml"})
public final class ConvertSettingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SETTINGS.yaml", description = "uf3 settings file.")
    Path settings;

    @Option(names = {"-o", "--output"}, paramLabel = "FIT.yaml", description = "Write the configuration here (default: stdout).")
    Path output;

    @Option(names = "--train-indices", paramLabel = "FILE",
            description = "Training indices (0-based positions in the data) for split.train_indices.")
    Path trainIndices;

    @Option(names = "--missing-indices", paramLabel = "error|drop",
            description = "split.missing_indices with --train-indices (default: error).")
    String missingIndices = "error";

    @Override
    public Integer call() throws IOException {
        if (!missingIndices.equals("error") && !missingIndices.equals("drop")) {
            throw new CliException("--missing-indices: expected error or drop, got '" + missingIndices + "'");
        }
        if (trainIndices != null && !Files.isRegularFile(trainIndices)) {
            throw new CliException(trainIndices + ": file not found (--train-indices)");
        }
        Path dir = output == null ? null : output.toAbsolutePath().getParent();
        Uf3Settings s = Uf3Settings.convert(settings, dir, trainIndices, missingIndices);
        StringBuilder text = new StringBuilder();
        for (String n : s.notes()) {
            text.append("# note: ").append(n).append('\n');
        }
        text.append(s.yaml());
        PrintWriter err = spec.commandLine().getErr();
        for (String n : s.notes()) {
            err.println("uf3 convert-settings: note: " + n);
        }
        err.flush();
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            err.println("uf3 convert-settings: wrote " + output);
            err.flush();
        }
        return 0;
    }
}
