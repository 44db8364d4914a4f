package org.uf3j.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uf3j.core.units.MetalUnits;

/**
 * Everything a {@link PropertySuite} run computed for one cubic crystal (an element, or a compound
 * such as zincblende InP); absent
 * parts (not asked for, or not applicable) are null. {@link #toMap()} gives a JSON-ready nested map
 * (NaN written as null), {@link #toMarkdown()} a readable summary and {@link #compare} a table
 * against reference values. {@code clampedElastic} holds the clamped-ion (homogeneous strain)
 * constants when {@code elastic} relaxed the atoms inside the strained cells, else null.
 */
public record PropertyReport(Crystal crystal, InteractionRange range,
                             LatticeConstant.Result equilibrium, ElasticConstants.Result elastic,
                             ElasticConstants.Result clampedElastic,
                             VacancyFormation.Result vacancy, List<SurfaceEnergy.Result> surfaces,
                             PhononDispersion.Table phonons, int phononSupercell, Map<String, Double> seconds,
                             List<String> notes) {

    public PropertyReport {
        surfaces = surfaces == null ? List.of() : List.copyOf(surfaces);
        seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        notes = List.copyOf(notes);
    }

    /** The element, or the compound's formula (e.g. "InP"). */
    public String element() {
        return crystal.formula();
    }

    /** The cubic structure. */
    public CubicLattice lattice() {
        return crystal.lattice();
    }

    /** Equilibrium lattice constant, Å. */
    public double a0() {
        return equilibrium.a0();
    }

    /** The surface result of one orientation, or null. */
    public SurfaceEnergy.Result surface(SurfaceOrientation o) {
        for (SurfaceEnergy.Result s : surfaces) {
            if (s.orientation() == o) {
                return s;
            }
        }
        return null;
    }

    private static Object num(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    /** A nested map of plain values (String, Double, Integer, Boolean, List, Map): JSON-ready. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("element", element());
        m.put("species", crystal.species());
        m.put("structure", lattice().label());
        Map<String, Object> units = new LinkedHashMap<>();
        units.put("length", "Å");
        units.put("energy", "eV");
        units.put("elastic", "GPa");
        units.put("surface", "eV/Å² and J/m²");
        units.put("frequency", "THz");
        units.put("wavevector", "1/Å (2π included)");
        m.put("units", units);
        m.put("cutoff", num(range.cutoff()));
        m.put("force_constant_range", num(range.forceConstantRange()));
        m.put("lattice_constant", num(equilibrium.a0()));
        m.put("energy_per_atom", num(equilibrium.energyPerAtom()));
        m.put("volume_per_atom", num(equilibrium.volumePerAtom()));
        m.put("pressure_at_a0_GPa", num(equilibrium.pressure() * MetalUnits.GPA_PER_EV_PER_A3));
        EquationOfState.Fit eos = equilibrium.eos();
        if (eos != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("V0_per_atom", num(eos.volume()));
            e.put("E0_per_atom", num(eos.energy()));
            e.put("B_GPa", num(eos.bulkModulusGPa()));
            e.put("B_prime", num(eos.bulkModulusDerivative()));
            e.put("rms_eV", num(eos.rms()));
            m.put("birch_murnaghan", e);
        }
        if (elastic != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("C11", num(elastic.c11()));
            e.put("C12", num(elastic.c12()));
            e.put("C44", num(elastic.c44()));
            e.put("B", num(elastic.bulkModulus()));
            e.put("C_prime", num(elastic.tetragonalShear()));
            e.put("strain", elastic.strain());
            e.put("internal_relaxation", elastic.internalRelaxation());
            List<List<Object>> rows = new ArrayList<>();
            for (double[] row : elastic.matrix()) {
                List<Object> r = new ArrayList<>();
                for (double v : row) {
                    r.add(num(v));
                }
                rows.add(r);
            }
            e.put("matrix", rows);
            m.put("elastic_GPa", e);
        }
        if (clampedElastic != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("C11", num(clampedElastic.c11()));
            e.put("C12", num(clampedElastic.c12()));
            e.put("C44", num(clampedElastic.c44()));
            e.put("strain", clampedElastic.strain());
            m.put("elastic_clamped_ion_GPa", e);
        }
        if (vacancy != null) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("supercell_atoms", vacancy.atoms());
            v.put("unrelaxed", num(vacancy.unrelaxed()));
            v.put("relaxed", num(vacancy.relaxed()));
            v.put("relaxation_steps", vacancy.relaxSteps());
            v.put("converged", vacancy.converged());
            v.put("max_force", num(vacancy.maxForce()));
            m.put("vacancy_formation_eV", v);
        }
        if (!surfaces.isEmpty()) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (SurfaceEnergy.Result s : surfaces) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("unrelaxed_eV_per_A2", num(s.unrelaxed()));
                v.put("relaxed_eV_per_A2", num(s.relaxed()));
                v.put("unrelaxed_J_per_m2", num(s.unrelaxedJm2()));
                v.put("relaxed_J_per_m2", num(s.relaxedJm2()));
                v.put("layers", s.layers());
                v.put("atoms", s.atoms());
                v.put("area_A2", num(s.area()));
                v.put("thickness_A", num(s.thickness()));
                v.put("vacuum_A", num(s.vacuum()));
                v.put("relaxation_steps", s.relaxSteps());
                v.put("converged", s.converged());
                all.put(s.orientation().miller(), v);
            }
            m.put("surfaces", all);
        }
        if (phonons != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("supercell", phononSupercell);
            p.put("max_frequency_THz", num(phonons.maxFrequency()));
            p.put("min_frequency_THz", num(phonons.minFrequency()));
            p.put("path", phonons.toMaps());
            m.put("phonons", p);
        }
        m.put("seconds", new LinkedHashMap<>(seconds));
        m.put("notes", notes);
        return m;
    }

    /** A Markdown summary: one table of scalar properties, the phonon frequencies at the special points. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(crystal.label()).append("\n\n");
        sb.append("| property | value |\n|---|---|\n");
        row(sb, "a0 (Å)", equilibrium.a0(), "%.5f");
        row(sb, "E per atom (eV)", equilibrium.energyPerAtom(), "%.6f");
        if (equilibrium.eos() != null) {
            row(sb, "B, Birch–Murnaghan (GPa)", equilibrium.bulkModulusGPa(), "%.2f");
            row(sb, "B′", equilibrium.eos().bulkModulusDerivative(), "%.3f");
        }
        if (elastic != null) {
            row(sb, "C11 (GPa)", elastic.c11(), "%.2f");
            row(sb, "C12 (GPa)", elastic.c12(), "%.2f");
            row(sb, elastic.internalRelaxation() ? "C44, ions relaxed (GPa)" : "C44 (GPa)", elastic.c44(), "%.2f");
            if (clampedElastic != null) {
                row(sb, "C44, clamped ions (GPa)", clampedElastic.c44(), "%.2f");
            }
            row(sb, "B = (C11+2C12)/3 (GPa)", elastic.bulkModulus(), "%.2f");
        }
        if (vacancy != null) {
            row(sb, "E_vac unrelaxed (eV), " + vacancy.atoms() + " sites", vacancy.unrelaxed(), "%.4f");
            row(sb, "E_vac relaxed (eV)", vacancy.relaxed(), "%.4f");
        }
        for (SurfaceEnergy.Result s : surfaces) {
            row(sb, "γ" + s.orientation() + " unrelaxed (eV/Å²)", s.unrelaxed(), "%.5f");
            row(sb, "γ" + s.orientation() + " relaxed (eV/Å²)", s.relaxed(), "%.5f");
            row(sb, "γ" + s.orientation() + " relaxed (J/m²)", s.relaxedJm2(), "%.4f");
        }
        if (phonons != null) {
            sb.append("\nPhonon frequencies (THz) at the special points, ").append(phononSupercell).append("³ supercell:\n\n");
            sb.append("| point | f1 | f2 | f3 |\n|---|---|---|---|\n");
            for (PhononDispersion.Row r : phonons.rows()) {
                if (!r.label().isEmpty()) {
                    double[] f = r.frequencies();
                    sb.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f |%n", r.label(), tidy(f[0]),
                            tidy(f[1]), tidy(f[2])));
                }
            }
        }
        for (String n : notes) {
            sb.append("\n- ").append(n);
        }
        sb.append('\n');
        return sb.toString();
    }

    /** Rounding noise around 0 (acoustic modes at Γ) printed as 0 rather than −0.0000. */
    private static double tidy(double f) {
        return Math.abs(f) < 5e-5 ? 0.0 : f;
    }

    private static void row(StringBuilder sb, String name, double v, String fmt) {
        sb.append("| ").append(name).append(" | ")
                .append(Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "—").append(" |\n");
    }

    /** A Markdown table of this report against reference values (model, reference, relative difference). */
    public String compare(ReferenceProperties ref) {
        StringBuilder sb = new StringBuilder();
        sb.append("| property | model | ").append(ref.source()).append(" | difference |\n|---|---|---|---|\n");
        cmp(sb, "a0 (Å)", equilibrium.a0(), ref.a0());
        if (elastic != null) {
            cmp(sb, "C11 (GPa)", elastic.c11(), ref.c11());
            cmp(sb, "C12 (GPa)", elastic.c12(), ref.c12());
            cmp(sb, "C44 (GPa)", elastic.c44(), ref.c44());
            cmp(sb, "B (GPa)", elastic.bulkModulus(), ref.bulkModulus());
        } else if (equilibrium.eos() != null) {
            cmp(sb, "B (GPa)", equilibrium.bulkModulusGPa(), ref.bulkModulus());
        }
        for (SurfaceEnergy.Result s : surfaces) {
            Double r = ref.surfaces().get(s.orientation().miller());
            cmp(sb, "γ" + s.orientation() + " (eV/Å²)", s.best(), r == null ? Double.NaN : r);
        }
        if (vacancy != null) {
            cmp(sb, "E_vac (eV)", Double.isNaN(vacancy.relaxed()) ? vacancy.unrelaxed() : vacancy.relaxed(),
                    ref.vacancy());
        }
        return sb.toString();
    }

    private static void cmp(StringBuilder sb, String name, double model, double ref) {
        String d = Double.isFinite(model) && Double.isFinite(ref) && ref != 0
                ? String.format(Locale.ROOT, "%+.1f %%", 100 * (model - ref) / Math.abs(ref)) : "—";
        sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name,
                Double.isFinite(model) ? String.format(Locale.ROOT, "%.4g", model) : "—",
                Double.isFinite(ref) ? String.format(Locale.ROOT, "%.4g", ref) : "—", d));
    }
}
