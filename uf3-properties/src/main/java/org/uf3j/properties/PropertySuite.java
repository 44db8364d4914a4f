package org.uf3j.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.structure.Structure;
import org.uf3j.core.units.MetalUnits;

/**
 * Runs the property calculators for one cubic crystal on any {@link Evaluator}: equilibrium lattice
 * constant and Birch–Murnaghan bulk modulus, elastic constants, vacancy formation energy,
 * (100)/(110)/(111) surface energies and the phonon dispersion, collected in a {@link PropertyReport}.
 * For a compound (zincblende) the suite computes a0, B and the elastic constants (ions relaxed, and
 * clamped) and skips, with a note, what needs more than the crystal: vacancy and surface energies
 * depend on the elements' chemical potentials, and the phonon code handles one atom per primitive cell.
 */
public final class PropertySuite {
    /**
     * Force tolerance (eV/Å) for internal relaxation inside strained cells, where strains are ~1e-3: the
     * relaxed stress is linear in the displacement left over, so this must be tight (measured on the
     * fitted InP UF2,3: 1e-5 left C44 0.13 % high, 1e-9 agrees with LAMMPS' minimiser to 2e-6; 87 FIRE
     * steps in the 8-atom cube).
     */
    private static final double ELASTIC_FORCE_TOLERANCE = 1e-9;

    private PropertySuite() {
    }

    /** bcc properties, e.g. {@code PropertySuite.bcc(evaluator, "W", PropertyOptions.defaults())}. */
    public static PropertyReport bcc(Evaluator evaluator, String element, PropertyOptions options) {
        return run(evaluator, element, CubicLattice.BCC, options);
    }

    /** fcc properties. */
    public static PropertyReport fcc(Evaluator evaluator, String element, PropertyOptions options) {
        return run(evaluator, element, CubicLattice.FCC, options);
    }

    /** Properties of a one-element structure named "bcc", "fcc", "diamond" or "sc". */
    public static PropertyReport run(Evaluator evaluator, String element, String structureType, PropertyOptions options) {
        return run(evaluator, element, CubicLattice.parse(structureType), options);
    }

    /** Properties of one element in one cubic structure. */
    public static PropertyReport run(Evaluator evaluator, String element, CubicLattice lattice, PropertyOptions options) {
        return run(evaluator, Crystal.of(lattice, element), options);
    }

    /** Properties of one crystal: an element, or a compound such as zincblende InP. */
    public static PropertyReport run(Evaluator evaluator, Crystal crystal, PropertyOptions options) {
        CubicLattice lattice = crystal.lattice();
        String element = crystal.species().get(0);
        InteractionRange range = InteractionRange.of(evaluator, options);
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Relaxer relaxer = new Relaxer(evaluator, options.forceTolerance(), options.maxSteps());

        long t = System.nanoTime();
        LatticeConstant.Result eq;
        if (Double.isFinite(options.fixedLatticeConstant())) {
            double a = options.fixedLatticeConstant();
            Structure s = crystal.conventional(a);
            Evaluation e = evaluator.evaluate(s);
            double[] w = e.virial();
            EquationOfState.Fit eos = LatticeConstant.equationOfState(evaluator, crystal, a,
                    options.eosVolumeRange(), options.eosPoints());
            eq = new LatticeConstant.Result(lattice, a, e.energy() / s.size(), lattice.volumePerAtom(a),
                    (w[0] + w[1] + w[2]) / (3 * s.cell().volume()), eos);
            notes.add(String.format(java.util.Locale.ROOT,
                    "lattice constant fixed at %.5f Å (not minimised); residual pressure %.3f GPa",
                    a, eq.pressure() * MetalUnits.GPA_PER_EV_PER_A3));
        } else {
            eq = LatticeConstant.find(evaluator, crystal, options.latticeGuess(), options.eosVolumeRange(),
                    options.eosPoints());
        }
        double a0 = eq.a0();
        seconds.put("lattice_constant", since(t));

        ElasticConstants.Result elastic = null;
        ElasticConstants.Result clamped = null;
        if (options.computeElastic()) {
            t = System.nanoTime();
            boolean internal = options.elasticInternalRelaxation() || !lattice.isBravais();
            Relaxer inner = internal
                    ? relaxer.withForceTolerance(Math.min(options.forceTolerance(), ELASTIC_FORCE_TOLERANCE)) : null;
            elastic = ElasticConstants.compute(evaluator, crystal, a0, options.elasticStrain(), inner);
            if (internal) {
                clamped = ElasticConstants.compute(evaluator, crystal, a0, options.elasticStrain(), null);
            }
            seconds.put("elastic", since(t));
        }

        boolean compound = crystal.isCompound();
        String needsChemicalPotentials = " of a compound depend on the elements' chemical potentials (not computed)";
        VacancyFormation.Result vacancy = null;
        if (options.computeVacancy() && compound) {
            notes.add("vacancy skipped: formation energies" + needsChemicalPotentials);
        } else if (options.computeVacancy()) {
            t = System.nanoTime();
            vacancy = VacancyFormation.compute(evaluator, element, lattice, a0, options.vacancySupercell(),
                    options.relax() ? relaxer : null);
            if (options.relax() && !vacancy.converged()) {
                notes.add("vacancy relaxation did not reach " + options.forceTolerance() + " eV/Å in "
                        + options.maxSteps() + " steps (max force " + vacancy.maxForce() + ")");
            }
            seconds.put("vacancy", since(t));
        }

        List<SurfaceEnergy.Result> surfaces = new ArrayList<>();
        if (options.computeSurfaces() && compound) {
            notes.add("surfaces skipped: surface energies" + needsChemicalPotentials
                    + " and zincblende (100)/(111) slabs are polar");
        } else if (options.computeSurfaces()) {
            t = System.nanoTime();
            double vacuum = Math.max(options.surfaceVacuum(), range.cutoff() + 1.0);
            for (SurfaceOrientation o : options.surfaces()) {
                SurfaceEnergy.Result s = SurfaceEnergy.compute(evaluator, element, lattice, a0, o,
                        options.surfaceMinLayers(), 2 * range.cutoff(), vacuum, options.relax() ? relaxer : null);
                if (options.relax() && !s.converged()) {
                    notes.add("surface " + o + " relaxation did not converge in " + options.maxSteps() + " steps");
                }
                surfaces.add(s);
            }
            seconds.put("surfaces", since(t));
        }

        PhononDispersion.Table phonons = null;
        int supercell = 0;
        if (options.computePhonons()) {
            if (lattice.isBravais()) {
                t = System.nanoTime();
                supercell = options.phononSupercell() > 0 ? options.phononSupercell()
                        : PhononDispersion.supercellFor(a0, range.forceConstantRange());
                PhononDispersion pd = PhononDispersion.compute(evaluator, element, lattice, a0, supercell,
                        options.phononDisplacement());
                phonons = pd.standardPath(options.phononPointsPerSegment());
                if (phonons.minFrequency() < -0.05) {
                    notes.add(String.format(java.util.Locale.ROOT,
                            "imaginary phonon frequencies down to %.3f THz: the structure is dynamically unstable",
                            phonons.minFrequency()));
                }
                seconds.put("phonons", since(t));
            } else {
                notes.add("phonons skipped: " + lattice.label() + " has more than one atom per primitive cell");
            }
        }
        return new PropertyReport(crystal, range, eq, elastic, clamped, vacancy, surfaces, phonons, supercell, seconds,
                notes);
    }

    private static double since(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
