package org.uf3j.core.io;

import org.uf3j.core.io.extxyz.ExtXyzOptions;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.io.vasp.VaspOptions;

/**
 * Options for every format {@link TrainingData} reads; each reader uses its own part.
 *
 * @param extXyz     extended-XYZ keys (energy, forces)
 * @param vasp       vasprun.xml / OUTCAR: energy kind, ionic steps, config_type
 * @param lammpsDump LAMMPS dump: element map, energy and virial sources (log), config_type
 */
public record TrainingDataOptions(ExtXyzOptions extXyz, VaspOptions vasp, LammpsDumpOptions lammpsDump) {

    public TrainingDataOptions {
        extXyz = extXyz == null ? ExtXyzOptions.defaults() : extXyz;
        vasp = vasp == null ? VaspOptions.defaults() : vasp;
        lammpsDump = lammpsDump == null ? LammpsDumpOptions.defaults() : lammpsDump;
    }

    /** The defaults of every reader. */
    public static TrainingDataOptions defaults() {
        return new TrainingDataOptions(null, null, null);
    }

    public TrainingDataOptions withExtXyz(ExtXyzOptions o) {
        return new TrainingDataOptions(o, vasp, lammpsDump);
    }

    public TrainingDataOptions withVasp(VaspOptions o) {
        return new TrainingDataOptions(extXyz, o, lammpsDump);
    }

    public TrainingDataOptions withLammpsDump(LammpsDumpOptions o) {
        return new TrainingDataOptions(extXyz, vasp, o);
    }
}
