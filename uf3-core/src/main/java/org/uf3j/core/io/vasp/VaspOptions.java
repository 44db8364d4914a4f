package org.uf3j.core.io.vasp;

import java.util.Locale;

/**
 * How to read VASP output (vasprun.xml and OUTCAR).
 *
 * @param energy          which of VASP's three total energies becomes the reference energy
 * @param ionicSteps      every ionic step, or only the last complete one
 * @param configType      config_type given to every configuration (null: "default")
 * @param allowIncomplete when the file ends inside an ionic step (a run killed by the queue), stop
 *                        after the last complete step instead of throwing; a file that is malformed
 *                        before its end is an error either way
 */
public record VaspOptions(Energy energy, IonicSteps ionicSteps, String configType, boolean allowIncomplete) {

    /** VASP's total energies; forces and stress are derivatives of the free energy. */
    public enum Energy {
        /** Free energy E − TS ({@code e_fr_energy}, OUTCAR "free  energy   TOTEN"): the default. */
        FREE_ENERGY("e_fr_energy"),
        /** Energy without the electronic entropy term ({@code e_wo_entrp}, "energy  without entropy"). */
        WITHOUT_ENTROPY("e_wo_entrp"),
        /** Energy extrapolated to zero smearing ({@code e_0_energy}, "energy(sigma->0)"). */
        SIGMA_ZERO("e_0_energy");

        private final String vasprunName;

        Energy(String vasprunName) {
            this.vasprunName = vasprunName;
        }

        /** The {@code <i name="...">} of this energy in vasprun.xml. */
        public String vasprunName() {
            return vasprunName;
        }

        /** Parses e_fr_energy / e_wo_entrp / e_0_energy or the enum name (any letter case). */
        public static Energy parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Energy e : values()) {
                if (t.equals(e.vasprunName) || t.equals(e.name().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown VASP energy '" + s + "', expected e_fr_energy, e_wo_entrp or "
                    + "e_0_energy");
        }
    }

    /** Which ionic steps of a relaxation or MD run to read. */
    public enum IonicSteps {
        ALL, LAST;

        /** Parses "all" or "last" (any letter case). */
        public static IonicSteps parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown ionic-step selection '" + s + "', expected all or last");
            }
        }
    }

    public VaspOptions {
        energy = energy == null ? Energy.FREE_ENERGY : energy;
        ionicSteps = ionicSteps == null ? IonicSteps.ALL : ionicSteps;
    }

    /** Free energy, every ionic step, config_type "default", truncated files are errors. */
    public static VaspOptions defaults() {
        return new VaspOptions(Energy.FREE_ENERGY, IonicSteps.ALL, null, false);
    }

    public VaspOptions withEnergy(Energy e) {
        return new VaspOptions(e, ionicSteps, configType, allowIncomplete);
    }

    public VaspOptions withIonicSteps(IonicSteps s) {
        return new VaspOptions(energy, s, configType, allowIncomplete);
    }

    public VaspOptions withConfigType(String type) {
        return new VaspOptions(energy, ionicSteps, type, allowIncomplete);
    }

    public VaspOptions withAllowIncomplete(boolean allow) {
        return new VaspOptions(energy, ionicSteps, configType, allow);
    }
}
