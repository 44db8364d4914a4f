package org.uf3j.core.io.extxyz;

/**
 * Which comment-line key holds the reference energy and which per-atom property holds the
 * forces when reading extended XYZ. A null key means "detect": {@code energy} in any letter case,
 * and {@code forces} or {@code force} in any letter case. A frame without the energy key has no
 * energy ({@code Configuration.energy()} is null); a chosen forces property that a frame lacks is
 * an error. The other keys of the comment line stay in {@code Configuration.info}.
 *
 * @param energyKey key of the total energy (eV), e.g. "free_energy"; null to detect
 * @param forcesKey name of the per-atom R:3 property with forces (eV/Å), e.g. "dft_forces"; null to detect
 */
public record ExtXyzOptions(String energyKey, String forcesKey) {

    /** Detects {@code energy}/{@code Energy} and {@code forces}/{@code force}. */
    public static ExtXyzOptions defaults() {
        return new ExtXyzOptions(null, null);
    }

    /** These options with another energy key (null to detect). */
    public ExtXyzOptions withEnergyKey(String key) {
        return new ExtXyzOptions(key, forcesKey);
    }

    /** These options with another forces property (null to detect). */
    public ExtXyzOptions withForcesKey(String key) {
        return new ExtXyzOptions(energyKey, key);
    }
}
