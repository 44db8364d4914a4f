package org.uf3j.core.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.uf3j.core.io.extxyz.ExtXyzWriter;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;
import org.uf3j.core.io.potential.Uf3JsonModelWriter;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.testing.RandomModels;
import org.uf3j.core.testing.RandomStructures;

/**
 * Writes the small seeds that our own writers make into {@code src/test/resources/fuzz/NAME/seeds}
 * (run from the uf3-core directory with the test class path; the files are committed). The
 * regression test replays them, so a writer change that its reader cannot read back fails there.
 */
public final class WriteFuzzSeeds {
    private WriteFuzzSeeds() {
    }

    /** Writes every seed; the argument is the resources root (default src/test/resources/fuzz). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/fuzz");
        Uf3Model pairOnly = RandomModels.create(1, List.of("W"), false, true);
        Uf3Model binary = RandomModels.create(2, List.of("Nb", "W"), false, false);
        Uf3FileWriter uf3 = Uf3FileWriter.create().withDate("2026-12-03").withAuthor("WriteFuzzSeeds");
        write(root, "uf3-file", "w-pair.uf3", uf3.toText(pairOnly));
        write(root, "uf3-file", "nb-w-pair.uf3", uf3.toText(binary));
        write(root, "uf3-json", "w-pair.json", Uf3JsonModelWriter.toJson(pairOnly));
        write(root, "uf3-json", "nb-w-pair.json", Uf3JsonModelWriter.toJson(binary));
        write(root, "project-json", "w-pair-model.json", ProjectModelIO.toJson(new ProjectModel(pairOnly,
                Map.of("kappa", 0.5), Map.of("command", "uf3 fit"), Map.of("energy_rmse", 1.25))));
        write(root, "project-json", "nb-w-pair-model.json", ProjectModelIO.toJson(ProjectModel.of(binary)));
        Random rnd = new Random(3);
        Structure s = RandomStructures.periodic(rnd, 3, 4.0, 1.5, "W", "Nb");
        double[] f = new double[9];
        for (int i = 0; i < f.length; i++) {
            f[i] = rnd.nextGaussian();
        }
        Configuration c = new Configuration(s, -12.5, f, new double[] {1, 2, 3, 0.1, 0.2, 0.3}, "bulk", "seed",
                Map.of("w14_index", "7"));
        StringWriter xyz = new StringWriter();
        ExtXyzWriter w = new ExtXyzWriter(xyz);
        w.write(c);
        w.write(Configuration.of(s));
        w.flush();
        write(root, "extxyz", "written.xyz", xyz.toString());
    }

    private static void write(Path root, String target, String name, String text) throws IOException {
        Path dir = root.resolve(target).resolve("seeds");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
