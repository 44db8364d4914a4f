package org.uf3j.bench.paper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.uf3j.core.io.PotentialFiles;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.fit.Regularization;

/**
 * A potential written by the accuracy study ({@code results/w14-accuracy/uf23/} or {@code uf2/}):
 * the project model, its .uf3 export and the hyper-parameters the later studies re-use.
 */
record FittedPotential(String name, Path dir, ProjectModel project, Knots knots, double kappa, Regularization regularization) {

    Uf3Model model() {
        return project.model();
    }

    Path uf3File() {
        return dir.resolve("potential.uf3");
    }

    String label() {
        return name.equals("uf23") ? "UF2,3" : "UF2";
    }

    /** Reads results/w14-accuracy/&lt;name&gt;/model.json; a clear error when study 1 has not been run. */
    static FittedPotential load(String name) throws IOException {
        Path dir = PaperPaths.results("w14-accuracy").resolve(name);
        Path json = dir.resolve("model.json");
        if (!Files.exists(json)) {
            throw new IllegalStateException(json + " not found: run benchmarks/paper/w14-accuracy.sh first");
        }
        ProjectModel pm = PotentialFiles.read(json).project();
        Map<String, Object> h = pm.hyperparameters();
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) h.get("regularization");
        Regularization reg = new Regularization(d(r.get("curvature_2b")), d(r.get("curvature_3b")), d(r.get("ridge_2b")),
                d(r.get("ridge_3b")));
        return new FittedPotential(name, dir, pm, Knots.parse((String) h.get("knots_arg")), d(h.get("kappa")), reg);
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }
}
