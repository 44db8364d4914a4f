package org.uf3j.core.io.potential;

import java.util.Map;
import java.util.Objects;
import org.uf3j.core.io.json.JsonValues;
import org.uf3j.core.model.Uf3Model;

/**
 * A fitted {@link Uf3Model} together with how it was made: the fit's hyper-parameters, the
 * provenance of its data (files, sha256, counts, date, command) and its metrics, each a free-form
 * JSON-like map. The maps are normalised, unmodifiable copies (see {@code ProjectModelIO} for the
 * value types that survive a file round trip: strings, booleans, Long, Double, lists, maps, null).
 *
 * @param model           the potential
 * @param hyperparameters fit settings, e.g. {"lambda": 1e-6, "kappa": 0.5}
 * @param provenance      data files, checksums, counts, date, command line
 * @param metrics         e.g. {"energy_rmse_mev_per_atom": 5.1}
 */
public record ProjectModel(Uf3Model model, Map<String, Object> hyperparameters, Map<String, Object> provenance,
                           Map<String, Object> metrics) {

    public ProjectModel {
        Objects.requireNonNull(model, "model");
        hyperparameters = JsonValues.freezeMap(hyperparameters);
        provenance = JsonValues.freezeMap(provenance);
        metrics = JsonValues.freezeMap(metrics);
    }

    /** A model with empty hyper-parameter, provenance and metrics maps. */
    public static ProjectModel of(Uf3Model model) {
        return new ProjectModel(model, null, null, null);
    }

    /** Same record with another model. */
    public ProjectModel withModel(Uf3Model newModel) {
        return new ProjectModel(newModel, hyperparameters, provenance, metrics);
    }

    /** Same record with other metrics. */
    public ProjectModel withMetrics(Map<String, Object> newMetrics) {
        return new ProjectModel(model, hyperparameters, provenance, newMetrics);
    }
}
