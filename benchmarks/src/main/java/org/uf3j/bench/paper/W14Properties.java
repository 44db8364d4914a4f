package org.uf3j.bench.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.uf3j.plot.PropertyPlots;
import org.uf3j.core.units.MetalUnits;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.properties.CubicLattice;
import org.uf3j.properties.InteractionRange;
import org.uf3j.properties.PropertyOptions;
import org.uf3j.properties.PropertyReport;
import org.uf3j.properties.PropertySuite;
import org.uf3j.properties.Relaxer;
import org.uf3j.properties.VacancyFormation;
import org.uf3j.properties.ReferenceProperties;
import org.uf3j.properties.SurfaceEnergy;
import org.uf3j.properties.SurfaceOrientation;
import org.uf3j.nativekernel.NativeEvaluator;

/**
 * Study 3: derived properties of the fitted W potentials (study 1) with the Java property suite on
 * the native kernel — lattice constant, C11/C12/C44/B, relaxed vacancy formation energy, relaxed
 * (100)/(110)/(111) surface energies, phonons along Γ–H–P–Γ–N — against the DFT values of the
 * UF3 paper's supplement, and a cross-check of a0, E − e₁ and C11/C12/C44 with LAMMPS on the exported
 * .uf3 file, both with our plugin ({@code bin/lmp}) and with the official ML-UF3 pair style
 * ({@code bin/lmp --reference}). LAMMPS: box/relax (iso, P = 0) of a 5³-cell bcc crystal started at
 * the DFT lattice constant, then
 * C_ij = −[P_i(+δ) − P_i(−δ)]/(2δ) from ±δ homogeneous strains (δ = 1e-3, engineering shear for C44),
 * the same finite differences as the Java suite. The .uf3 format has no one-body energy, so LAMMPS
 * energies are compared with the Java energy minus e₁.
 *
 * <p>For reference the UF3 paper's own model ({@code uf3-models/manuscript_uf23.json}) goes through the
 * same suite (no LAMMPS check: it is not exported here).
 *
 * <pre>options: --models uf23,uf2  --no-lammps  --no-paper-model</pre>
 */
public final class W14Properties {
    static final double STRAIN = 1e-3;

    private W14Properties() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv, "no-lammps", "no-paper-model");
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        Path dir = PaperPaths.results("w14-properties");
        ReferenceProperties dft = ReferenceProperties.TUNGSTEN_DFT;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", "w14-properties: derived properties of the fitted W potentials vs DFT, Java suite and LAMMPS");
        doc.put("reference", Outputs.map("source", dft.source(), "a0_A", dft.a0(), "C11_GPa", dft.c11(), "C12_GPa", dft.c12(),
                "C44_GPa", dft.c44(), "B_GPa", dft.bulkModulus(), "surface_eV_per_A2", dft.surfaces(), "vacancy_eV",
                dft.vacancy()));
        Map<String, PropertyReport> reports = new LinkedHashMap<>();
        Map<String, VacancyFormation.Result> vacancies = new LinkedHashMap<>();
        Map<String, Map<String, Double>> lammps = new LinkedHashMap<>();
        List<String> agreement = new ArrayList<>();
        for (String name : args.get("models", "uf23,uf2").split(",")) {
            FittedPotential fp = FittedPotential.load(name.trim());
            Uf3Model model = fp.model();
            InteractionRange range = InteractionRange.of(model);
            PropertyOptions opts = PropertyOptions.defaults().withCutoff(range.cutoff(), range.forceConstantRange());
            long t = System.nanoTime();
            PropertyReport rep;
            String backend;
            Evaluator ev = evaluator(model);
            backend = ev instanceof NativeEvaluator ? "native kernel (NativeEvaluator)" : "JavaEvaluator";
            VacancyFormation.Result bigVacancy;
            try {
                rep = PropertySuite.bcc(ev, "W", opts);
                // size check of the vacancy: 6³ cubes (431 atoms) besides the suite's 4³ (127 atoms)
                bigVacancy = VacancyFormation.compute(ev, "W", CubicLattice.BCC, rep.a0(), 6,
                        new Relaxer(ev, opts.forceTolerance(), opts.maxSteps()));
            } finally {
                if (ev instanceof NativeEvaluator n) {
                    n.close();
                }
            }
            double suiteSeconds = (System.nanoTime() - t) * 1e-9;
            reports.put(name, rep);
            vacancies.put(name, bigVacancy);
            out.printf(Locale.ROOT, "%s: property suite on the %s in %.0f s%n", fp.label(), backend, suiteSeconds);
            // the same a0 with the pure-Java evaluator, as a check of the back end
            double eJava = new JavaEvaluator(model).evaluate(CubicLattice.BCC.conventional("W", rep.a0())).energy() / 2;
            PropertyPlots.phonons(rep.phonons(), String.format(Locale.ROOT, "bcc W phonons, %s (UF3-J fit to W-14), a0 = %.4f Å",
                    fp.label(), rep.a0()), dir.resolve("phonons-" + name + ".png"));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("model", fp.label());
            entry.put("knots", fp.knots().label());
            entry.put("one_body_energy_eV", model.oneBodyEnergy("W"));
            entry.put("backend", backend);
            entry.put("suite_seconds", suiteSeconds);
            entry.put("java_energy_per_atom_at_a0", eJava);
            entry.put("native_energy_per_atom_at_a0", rep.equilibrium().energyPerAtom());
            entry.put("report", rep.toMap());
            entry.put("vacancy_431_atoms", Outputs.map("unrelaxed_eV", bigVacancy.unrelaxed(), "relaxed_eV",
                    bigVacancy.relaxed(), "converged", bigVacancy.converged(), "relaxation_steps", bigVacancy.relaxSteps()));
            entry.put("comparison_markdown", rep.compare(dft));
            if (!args.flag("no-lammps")) {
                Map<String, Double> lm = new LinkedHashMap<>();
                for (Lammps.Flavour fl : Lammps.Flavour.values()) {
                    Map<String, Double> r = lammpsCheck(fp, dft.a0(), dir.resolve("work").resolve(name), fl);
                    r.forEach((k, v) -> lm.put(fl.name().toLowerCase(Locale.ROOT) + "_" + k, v));
                    out.printf(Locale.ROOT, "  %s: a0 %.6f Å, E−e1 %.6f eV/atom, C11 %.2f C12 %.2f C44 %.2f GPa (%.0f s)%n",
                            fl.label(), r.get("a0"), r.get("epa"), r.get("C11"), r.get("C12"), r.get("C44"), r.get("seconds"));
                }
                lammps.put(name, lm);
                entry.put("lammps", lm);
                agreement.add(agreementTable(fp, rep, lm));
            }
            doc.put(name, entry);
        }
        Path paperModel = PaperPaths.data().resolve("uf3-models/manuscript_uf23.json");
        if (!args.flag("no-paper-model") && java.nio.file.Files.exists(paperModel)) {
            // the UF3 paper's own W model (uf3 package JSON), through the same suite, for reference
            Uf3Model pm = org.uf3j.core.io.PotentialFiles.readModel(paperModel);
            InteractionRange range = InteractionRange.of(pm);
            PropertyOptions opts = PropertyOptions.defaults().withCutoff(range.cutoff(), range.forceConstantRange());
            Evaluator ev = evaluator(pm);
            try {
                PropertyReport rep = PropertySuite.bcc(ev, "W", opts);
                reports.put("paper", rep);
                vacancies.put("paper", VacancyFormation.compute(ev, "W", CubicLattice.BCC, rep.a0(), 6,
                        new Relaxer(ev, opts.forceTolerance(), opts.maxSteps())));
                PropertyPlots.phonons(rep.phonons(), String.format(Locale.ROOT,
                        "bcc W phonons, the UF3 paper's UF2,3 model (manuscript_uf23.json), a0 = %.4f Å", rep.a0()),
                        dir.resolve("phonons-paper-model.png"));
                doc.put("paper_model", Outputs.map("file", paperModel.toString(), "report", rep.toMap()));
            } finally {
                if (ev instanceof NativeEvaluator n) {
                    n.close();
                }
            }
        }
        String table = propertyTable(reports, vacancies, dft);
        out.println();
        out.print(table);
        for (String a : agreement) {
            out.println();
            out.print(a);
        }
        doc.put("seconds_total", (System.nanoTime() - t0) * 1e-9);
        doc.put("machine", Outputs.machine());
        doc.put("command_args", List.of(argv));
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Outputs.json(dir.resolve("properties.json"), doc);
        StringBuilder md = new StringBuilder("# W properties of the fitted potentials vs DFT\n\n```\n").append(table).append("```\n");
        for (String a : agreement) {
            md.append("\n```\n").append(a).append("```\n");
        }
        md.append("\nPhonon dispersions: ");
        reports.keySet().forEach(k -> md.append("phonons-").append(k.equals("paper") ? "paper-model" : k).append(".png "));
        md.append("\n");
        Outputs.text(dir.resolve("properties.md"), md.toString());
        out.printf(Locale.ROOT, "%nwrote %s in %.0f s%n", dir, (System.nanoTime() - t0) * 1e-9);
    }

    /** The native kernel when it loads, else the Java evaluator. */
    private static Evaluator evaluator(Uf3Model model) {
        try {
            return new NativeEvaluator(model);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.out.println("native kernel unavailable (" + e.getMessage() + "); using the Java evaluator");
            return new JavaEvaluator(model);
        }
    }

    private static String propertyTable(Map<String, PropertyReport> reports, Map<String, VacancyFormation.Result> big,
                                        ReferenceProperties dft) {
        List<String> head = new ArrayList<>(List.of("property", "DFT"));
        for (String k : reports.keySet()) {
            String l = k.equals("uf23") ? "UF2,3" : k.equals("uf2") ? "UF2" : "paper's UF2,3";
            head.add(l);
            head.add(l + " err");
        }
        TextTable t = new TextTable(head.toArray(String[]::new));
        row(t, "a0 (Å)", dft.a0(), reports, r -> r.a0(), "%.4f");
        row(t, "C11 (GPa)", dft.c11(), reports, r -> r.elastic().c11(), "%.1f");
        row(t, "C12 (GPa)", dft.c12(), reports, r -> r.elastic().c12(), "%.1f");
        row(t, "C44 (GPa)", dft.c44(), reports, r -> r.elastic().c44(), "%.1f");
        row(t, "B = (C11+2C12)/3 (GPa)", dft.bulkModulus(), reports, r -> r.elastic().bulkModulus(), "%.1f");
        row(t, "B, E(V) fit (GPa)", dft.bulkModulus(), reports, r -> r.equilibrium().bulkModulusGPa(), "%.1f");
        for (SurfaceOrientation o : SurfaceOrientation.values()) {
            Double ref = dft.surfaces().get(o.miller());
            row(t, "γ(" + o.miller() + ") relaxed (eV/Å²)", ref == null ? Double.NaN : ref, reports, r -> {
                SurfaceEnergy.Result s = r.surface(o);
                return s == null ? Double.NaN : s.best();
            }, "%.4f");
        }
        row(t, "E_vac relaxed, 127 atoms (eV)", dft.vacancy(), reports, r -> r.vacancy().relaxed(), "%.3f");
        List<Object> v = new ArrayList<>(List.of("E_vac relaxed, 431 atoms (eV)", TextTable.f("%.3f", dft.vacancy())));
        for (String k : reports.keySet()) {
            double x = big.get(k).relaxed();
            v.add(TextTable.f("%.3f", x));
            v.add(String.format(Locale.ROOT, "%+.1f %%", 100 * (x - dft.vacancy()) / dft.vacancy()));
        }
        t.row(v.toArray());
        row(t, "max phonon frequency (THz)", Double.NaN, reports, r -> r.phonons().maxFrequency(), "%.2f");
        row(t, "min phonon frequency (THz)", Double.NaN, reports, r -> r.phonons().minFrequency(), "%.3f");
        return "bcc W: fitted potentials vs DFT (UF3 paper supplement Table I); err = relative difference; paper's UF2,3 ="
                + " the uf3 package's manuscript_uf23.json through the same suite\n" + t.text();
    }

    private static void row(TextTable t, String name, double ref, Map<String, PropertyReport> reports,
                            java.util.function.ToDoubleFunction<PropertyReport> f, String fmt) {
        List<Object> cells = new ArrayList<>(List.of(name, Double.isFinite(ref) ? TextTable.f(fmt, ref) : "—"));
        for (PropertyReport r : reports.values()) {
            double v;
            try {
                v = f.applyAsDouble(r);
            } catch (NullPointerException e) {
                v = Double.NaN;
            }
            cells.add(TextTable.f(fmt, v));
            cells.add(Double.isFinite(ref) && Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f %%", 100 * (v - ref) / ref) : "");
        }
        t.row(cells.toArray());
    }

    /** a0, energy per atom and C11/C12/C44 from LAMMPS on the exported .uf3 file. */
    static Map<String, Double> lammpsCheck(FittedPotential fp, double aStart, Path work, Lammps.Flavour flavour)
            throws IOException {
        int n = 5;
        double mass = Elements.mass("W");
        String d = String.valueOf(STRAIN);
        StringBuilder in = new StringBuilder();
        in.append(Lammps.bccHead(aStart, n, fp.uf3File(), fp.model().bodyOrder(), "W", mass));
        in.append("thermo_style custom step pe press pxx pyy pzz pxy lx\n");
        in.append("thermo_modify norm no format float %20.14g\n");
        in.append("fix relax all box/relax iso 0.0 vmax 0.001\n");
        in.append("min_style cg\n");
        in.append("minimize 0.0 1.0e-9 5000 50000\n");
        in.append("unfix relax\n");
        in.append("run 0\n");
        in.append("variable a0 equal lx/" + n + "\n");
        in.append("print \"RESULT a0 $(v_a0:%.15g) epa $(pe/atoms:%.15g) press $(press:%.10g)\"\n");
        in.append("change_box all triclinic\n");
        in.append("run 0\n");
        // normal strain along x: +d then -d (from the relaxed cell each time)
        in.append("change_box all x scale $(1.0+" + d + ") remap\n");
        in.append("run 0\n");
        in.append("print \"RESULT xp_pxx $(pxx:%.15g) xp_pyy $(pyy:%.15g)\"\n");
        in.append("change_box all x scale $((1.0-" + d + ")/(1.0+" + d + ")) remap\n");
        in.append("run 0\n");
        in.append("print \"RESULT xm_pxx $(pxx:%.15g) xm_pyy $(pyy:%.15g)\"\n");
        in.append("change_box all x scale $(1.0/(1.0-" + d + ")) remap\n");
        // shear xy: tilt = ±d·ly (engineering shear strain d)
        in.append("variable ly0 equal $(ly:%.15g)\n");
        in.append("change_box all xy final $(" + d + "*v_ly0) remap units box\n");
        in.append("run 0\n");
        in.append("print \"RESULT sp_pxy $(pxy:%.15g)\"\n");
        in.append("change_box all xy final $(-" + d + "*v_ly0) remap units box\n");
        in.append("run 0\n");
        in.append("print \"RESULT sm_pxy $(pxy:%.15g)\"\n");
        Lammps.Run run = Lammps.run(in.toString(), work, "elastic-" + flavour.name().toLowerCase(Locale.ROOT), flavour, 1800);
        double gpa = 1e-4; // bar → GPa; LAMMPS pressure = −stress
        double c11 = -(run.get("xp_pxx") - run.get("xm_pxx")) / (2 * STRAIN) * gpa;
        double c12 = -(run.get("xp_pyy") - run.get("xm_pyy")) / (2 * STRAIN) * gpa;
        double c44 = -(run.get("sp_pxy") - run.get("sm_pxy")) / (2 * STRAIN) * gpa;
        Map<String, Double> r = new LinkedHashMap<>();
        r.put("a0", run.get("a0"));
        r.put("epa", run.get("epa"));
        r.put("pressure_bar_after_relax", run.get("press"));
        r.put("C11", c11);
        r.put("C12", c12);
        r.put("C44", c44);
        r.put("B", (c11 + 2 * c12) / 3);
        r.put("seconds", run.seconds());
        return r;
    }

    private static String agreementTable(FittedPotential fp, PropertyReport rep, Map<String, Double> lm) {
        double e1 = fp.model().oneBodyEnergy("W");
        TextTable t = new TextTable("quantity", "Java suite (native kernel)", Lammps.Flavour.PLUGIN.label(),
                Lammps.Flavour.REFERENCE.label(), "max rel. diff");
        agree(t, "a0 (Å)", rep.a0(), lm.get("plugin_a0"), lm.get("reference_a0"), "%.6f");
        agree(t, "E − e1 at a0 (eV/atom)", rep.equilibrium().energyPerAtom() - e1, lm.get("plugin_epa"),
                lm.get("reference_epa"), "%.6f");
        double cij = Math.max(agree(t, "C11 (GPa)", rep.elastic().c11(), lm.get("plugin_C11"), lm.get("reference_C11"), "%.3f"),
                agree(t, "C12 (GPa)", rep.elastic().c12(), lm.get("plugin_C12"), lm.get("reference_C12"), "%.3f"));
        agree(t, "C44 (GPa)", rep.elastic().c44(), lm.get("plugin_C44"), lm.get("reference_C44"), "%.3f");
        cij = Math.max(cij, agree(t, "B (GPa)", rep.elastic().bulkModulus(), lm.get("plugin_B"), lm.get("reference_B"),
                "%.3f"));
        // LAMMPS converts eV/Å³ to bar with its own rounded constant, the Java suite to GPa with CODATA's
        double units = Math.abs(MetalUnits.LAMMPS_NKTV2P / (1e4 * MetalUnits.GPA_PER_EV_PER_A3) - 1);
        return fp.label() + ": Java vs LAMMPS on the exported " + fp.dir().getFileName() + "/potential.uf3 (e1 = "
                + String.format(Locale.ROOT, "%.6f", e1) + " eV is the one-body energy, absent from .uf3; W-14 has no "
                + "isolated atoms, so E − e1 is not a physical cohesive energy)\n" + t.text()
                + String.format(Locale.ROOT, "(C11, C12 and B differ by at most %.1e; %.1e of it is LAMMPS's metal-unit "
                        + "pressure constant, %.7e bar per eV/Å³,%n against the %.7f GPa per eV/Å³ (CODATA 2018) of the Java "
                        + "suite; C44 also differs at O(δ²) because LAMMPS tilts the%n box, a simple shear, where the Java "
                        + "suite applies the symmetric strain)%n", cij, units, MetalUnits.LAMMPS_NKTV2P,
                        MetalUnits.GPA_PER_EV_PER_A3);
    }

    /** Adds a row; returns the larger relative difference of the two LAMMPS styles from the Java suite. */
    private static double agree(TextTable t, String name, double java, double plugin, double reference, String fmt) {
        double m = Math.max(Math.abs(plugin - java), Math.abs(reference - java)) / Math.abs(java);
        t.row(name, TextTable.f(fmt, java), TextTable.f(fmt, plugin), TextTable.f(fmt, reference),
                String.format(Locale.ROOT, "%.1e", m));
        return m;
    }
}
