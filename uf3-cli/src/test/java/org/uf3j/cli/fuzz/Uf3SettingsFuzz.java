package org.uf3j.cli.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.uf3j.cli.CliException;
import org.uf3j.cli.fit.FitConfig;
import org.uf3j.cli.fit.Uf3Settings;
import org.uf3j.core.fuzz.ContractViolation;
import org.uf3j.core.fuzz.FuzzContract;

/**
 * Fuzz target: a uf3 Python package settings file converted to a UF3-J configuration
 * ({@code uf3 convert-settings}, and {@code uf3 fit} on such a file). The converted text must be
 * valid YAML that the configuration reader reads or rejects with a one-line error.
 */
public final class Uf3SettingsFuzz {
    static final Path FILE = FuzzWorkspace.DIR.resolve("settings.yaml");
    static final Path CONVERTED = FuzzWorkspace.DIR.resolve("converted.yaml");

    private Uf3SettingsFuzz() {
    }

    /** Jazzer calls this once before fuzzing. */
    public static void fuzzerInitialize() {
        FuzzContract.warmUp(Uf3SettingsFuzz::fuzzerTestOneInput, "", "elements: [W]\ndegree: 2\nbasis: {r_min: 1.5, r_max: 5.5, resolution: 20}\ndata: {db_path: train.xyz}\n");
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Files.write(FILE, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Uf3Settings[] out = new Uf3Settings[1];
        if (!FuzzContract.parses(CliException.class, FILE.toString(),
                () -> out[0] = Uf3Settings.convert(FILE, FuzzWorkspace.DIR, null, "error"))) {
            return;
        }
        try {
            FitConfigFuzz.check(out[0].yaml(), CONVERTED);
        } catch (ContractViolation v) {
            throw new ContractViolation("converted configuration: " + v.getMessage(), v);
        }
        try {
            FitConfig.parse(out[0].yaml(), CONVERTED);
        } catch (CliException e) {
            if (e.getMessage().contains(": not valid YAML")) {
                throw new ContractViolation("the converter wrote invalid YAML: " + e.getMessage(), e);
            }
        }
        for (String note : out[0].notes()) {
            if (note.contains("\n")) {
                throw new ContractViolation("a conversion note is not one line: " + note);
            }
        }
    }
}
