package org.uf3j.core.io;

/** The potential file formats UF3-J reads, as told apart by {@link PotentialFiles} from their content. */
public enum PotentialFormat {
    /** ML-UF3 LAMMPS potential file ({@code *.uf3}): blocks starting {@code #UF3 POT}. */
    LAMMPS_UF3,
    /** JSON written by the uf3 Python package ({@code coefficients}, {@code knots}, {@code element_list}). */
    UF3_JSON,
    /** The project's versioned JSON ({@code "format": "uf3j-model"}) with hyper-parameters, provenance, metrics. */
    PROJECT_JSON
}
