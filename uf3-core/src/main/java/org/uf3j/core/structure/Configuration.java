package org.uf3j.core.structure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A structure with its reference (e.g. DFT) labels: total energy (eV), forces (eV/Å, 3N),
 * virial (eV, Voigt xx yy zz yz xz xy; positive under compression, as in LAMMPS), the
 * config_type, and where it came from (file and frame) for error messages and reports.
 */
public record Configuration(Structure structure, Double energy, double[] forces, double[] virial, String configType,
                            String source, Map<String, String> info) {

    public Configuration {
        if (forces != null && forces.length != 3 * structure.size()) {
            throw new IllegalArgumentException(source + ": " + forces.length / 3 + " force rows for " + structure.size() + " atoms");
        }
        if (virial != null && virial.length != 6) {
            throw new IllegalArgumentException(source + ": virial needs 6 components");
        }
        configType = configType == null ? "default" : configType;
        info = info == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(info));
    }

    /** An unlabelled configuration. */
    public static Configuration of(Structure s) {
        return new Configuration(s, null, null, null, null, "", null);
    }

    public boolean hasEnergy() {
        return energy != null;
    }

    public boolean hasForces() {
        return forces != null;
    }

    public boolean hasVirial() {
        return virial != null;
    }

    public int size() {
        return structure.size();
    }
}
