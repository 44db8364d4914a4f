package org.uf3j.core.io.lammps;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.uf3j.core.model.Elements;

/**
 * How to read a LAMMPS dump (metal units) as training data.
 *
 * @param typeElements    element of atom type 1, 2, ... (as in {@code pair_coeff * * file El1 El2});
 *                        null when the dump has an {@code element} column
 * @param energyColumn    per-atom energy column whose sum is the energy (e.g. {@code c_pe} of
 *                        {@code compute pe/atom}); null to take energies from the log, or none
 * @param log             LAMMPS log whose thermo rows label the frames by step, or null
 * @param logEnergyColumn thermo column with the potential energy; null for {@code PotEng}
 *                        (else {@code E_pair} + {@code E_mol}). TotEng includes kinetic energy.
 * @param logVirialColumns six thermo columns of a virial-only pressure tensor in bar, ordered
 *                        xx yy zz xy xz yz, e.g. {@code c_pv[1]}..{@code c_pv[6]} of
 *                        {@code compute pv all pressure NULL virial}; null for none
 * @param stressColumns   six per-atom columns of {@code compute stress/atom NULL virial} (bar·Å³,
 *                        xx yy zz xy xz yz), summed into the virial; null for none
 * @param unmatched       what to do with a frame whose step has no row in the log
 * @param configType      config_type of every frame (null: "default")
 * @param allowIncomplete when the dump ends inside a frame, stop after the last complete frame
 *                        instead of throwing
 */
public record LammpsDumpOptions(List<String> typeElements, String energyColumn, Path log, String logEnergyColumn,
                                List<String> logVirialColumns, List<String> stressColumns, Unmatched unmatched,
                                String configType, boolean allowIncomplete) {

    /** A dump frame whose step the log has no thermo row for. */
    public enum Unmatched {
        /** Throw, naming the frame (default: the thermo output should include every dumped step). */
        ERROR,
        /** Leave the frame out. */
        SKIP,
        /** Keep the frame without energy (and without the log's virial). */
        UNLABELLED;

        /** Parses error / skip / unlabelled (any letter case). */
        public static Unmatched parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown policy '" + s + "' for unmatched frames, expected error, "
                        + "skip or unlabelled");
            }
        }
    }

    public LammpsDumpOptions {
        typeElements = typeElements == null ? null : List.copyOf(typeElements);
        logVirialColumns = logVirialColumns == null ? null : List.copyOf(logVirialColumns);
        stressColumns = stressColumns == null ? null : List.copyOf(stressColumns);
        unmatched = unmatched == null ? Unmatched.ERROR : unmatched;
        if (typeElements != null) {
            for (int k = 0; k < typeElements.size(); k++) {
                if (!Elements.isElement(typeElements.get(k))) {
                    throw new IllegalArgumentException("element of atom type " + (k + 1) + " is '" + typeElements.get(k)
                            + "', not a chemical element symbol");
                }
            }
        }
        if (logVirialColumns != null && logVirialColumns.size() != 6) {
            throw new IllegalArgumentException("logVirialColumns needs the 6 pressure components xx yy zz xy xz yz, got "
                    + logVirialColumns.size());
        }
        if (stressColumns != null && stressColumns.size() != 6) {
            throw new IllegalArgumentException("stressColumns needs the 6 per-atom stress components xx yy zz xy xz yz, "
                    + "got " + stressColumns.size());
        }
        if (logVirialColumns != null && stressColumns != null) {
            throw new IllegalArgumentException("give the virial either from the log (logVirialColumns) or from per-atom "
                    + "stress columns (stressColumns), not both");
        }
        if (logVirialColumns != null && log == null) {
            throw new IllegalArgumentException("logVirialColumns needs a log file");
        }
    }

    /** No element map, no labels but the dump's forces; frames must match the log when one is given. */
    public static LammpsDumpOptions defaults() {
        return new LammpsDumpOptions(null, null, null, null, null, null, Unmatched.ERROR, null, false);
    }

    /** The six columns {@code prefix[1]} .. {@code prefix[6]}, e.g. {@code columns("c_pv")}. */
    public static List<String> columns(String prefix) {
        return List.of(prefix + "[1]", prefix + "[2]", prefix + "[3]", prefix + "[4]", prefix + "[5]", prefix + "[6]");
    }

    public LammpsDumpOptions withTypeElements(List<String> elements) {
        return new LammpsDumpOptions(elements, energyColumn, log, logEnergyColumn, logVirialColumns, stressColumns,
                unmatched, configType, allowIncomplete);
    }

    public LammpsDumpOptions withEnergyColumn(String column) {
        return new LammpsDumpOptions(typeElements, column, log, logEnergyColumn, logVirialColumns, stressColumns,
                unmatched, configType, allowIncomplete);
    }

    public LammpsDumpOptions withLog(Path logFile) {
        return new LammpsDumpOptions(typeElements, energyColumn, logFile, logEnergyColumn, logVirialColumns,
                stressColumns, unmatched, configType, allowIncomplete);
    }

    public LammpsDumpOptions withLogEnergyColumn(String column) {
        return new LammpsDumpOptions(typeElements, energyColumn, log, column, logVirialColumns, stressColumns,
                unmatched, configType, allowIncomplete);
    }

    public LammpsDumpOptions withLogVirialColumns(List<String> columns) {
        return new LammpsDumpOptions(typeElements, energyColumn, log, logEnergyColumn, columns, stressColumns,
                unmatched, configType, allowIncomplete);
    }

    public LammpsDumpOptions withStressColumns(List<String> columns) {
        return new LammpsDumpOptions(typeElements, energyColumn, log, logEnergyColumn, logVirialColumns, columns,
                unmatched, configType, allowIncomplete);
    }

    public LammpsDumpOptions withUnmatched(Unmatched policy) {
        return new LammpsDumpOptions(typeElements, energyColumn, log, logEnergyColumn, logVirialColumns, stressColumns,
                policy, configType, allowIncomplete);
    }

    public LammpsDumpOptions withConfigType(String type) {
        return new LammpsDumpOptions(typeElements, energyColumn, log, logEnergyColumn, logVirialColumns, stressColumns,
                unmatched, type, allowIncomplete);
    }

    public LammpsDumpOptions withAllowIncomplete(boolean allow) {
        return new LammpsDumpOptions(typeElements, energyColumn, log, logEnergyColumn, logVirialColumns, stressColumns,
                unmatched, configType, allow);
    }
}
