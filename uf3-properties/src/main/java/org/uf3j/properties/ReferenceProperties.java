package org.uf3j.properties;

import java.util.Map;

/**
 * Reference values of the properties a {@link PropertyReport} holds, for side-by-side comparison:
 * a0 (Å), C11, C12, C44, B (GPa), surface energies by Miller index (eV/Å²), vacancy formation energy
 * (eV). NaN (or a missing surface) where the reference has no value.
 */
public record ReferenceProperties(String source, double a0, double c11, double c12, double c44, double bulkModulus,
                                  Map<String, Double> surfaces, double vacancy) {

    /** DFT values for bcc W (UF3 paper supplement, Table I; data of Szlachta, Bartók, Csányi, PRB 90, 104108, 2014). */
    public static final ReferenceProperties TUNGSTEN_DFT = new ReferenceProperties(
            "DFT (W-14 data set; UF3 paper supplement Table I)", 3.180, 517, 198, 142, 305,
            Map.of("100", 0.251, "110", 0.204, "111", 0.222), 3.270);

    public ReferenceProperties {
        surfaces = Map.copyOf(surfaces);
    }
}
