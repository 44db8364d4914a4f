package org.uf3j.core.io;

import java.util.Objects;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.model.Uf3Model;

/**
 * A potential read by {@link PotentialFiles}: the format found, the model, and for the project
 * format the full {@link ProjectModel} (null otherwise).
 *
 * @param format  what the file contained
 * @param model   the potential (from a .uf3 file: one-body energies all 0, the format has none)
 * @param project the project record, or null unless {@code format == PROJECT_JSON}
 */
public record LoadedPotential(PotentialFormat format, Uf3Model model, ProjectModel project) {

    public LoadedPotential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(model, "model");
    }
}
