package org.uf3j.bench.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.uf3j.plot.Charts;
import org.uf3j.core.model.Elements;

/**
 * Study 4: melting temperature of the fitted UF2,3 W potential by solid–liquid coexistence in
 * LAMMPS (our plugin, {@code bin/lmp}), scaled to finish within a time budget on this machine.
 *
 * <p>Method (two-phase, NPH; Morris et al., PRB 49, 3109 (1994)): (A) a bcc crystal elongated along
 * z is equilibrated at T0 (default 3695 K, the experimental T_m) and P = 0 with an anisotropic
 * Nosé–Hoover NPT; (B) the atoms of the upper half are melted at T0 + 2500 K and brought back to T0
 * (NVT) while the lower half is held fixed; (C) the whole two-phase box runs at constant enthalpy
 * and P = 0 (anisotropic NPH). If T0 is off, part of one phase converts and the latent heat drives
 * the temperature to the coexistence temperature, where it stays as long as both phases are
 * present; T_m is the mean temperature over the second half of stage C. The bcc fraction (common
 * neighbour analysis, normalised by its value in the pure crystal at T0) checks that both phases
 * survived; a run in which one phase vanished gives no estimate and is repeated from a T0 shifted
 * towards the other phase. Independent replicas (different velocity seeds) run concurrently on the
 * machine's cores; the uncertainty combines the replicas' spread and each run's block-averaged
 * standard error. Finite size (a few thousand atoms), the short run and the potential's
 * pressure fluctuations add a systematic uncertainty of order ±50–100 K that is stated, not measured.
 *
 * <pre>options: --budget-minutes 20 --replicas 2 --t0 3695 --nx 6 --nz 24 --timestep 0.002 --max-nph-ps 200</pre>
 */
public final class W14Melting {
    static final double T_EXPERIMENT = 3695;

    private W14Melting() {
    }

    /** One replica's result. */
    record Replica(int index, long seed, double t0, double[] time, double[] temp, double[] press, double[] pe, double[] fbcc,
                   double solidFraction, double tm, double stderr, double meanPressure, boolean coexisting, double seconds,
                   Path dir) {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        PrintStream out = System.out;
        long t0n = System.nanoTime();
        double budget = args.getDouble("budget-minutes", 20) * 60;
        int replicas = args.getInt("replicas", 2);
        double t0 = args.getDouble("t0", T_EXPERIMENT);
        int nx = args.getInt("nx", 6);
        int nz = args.getInt("nz", 24);
        double dt = args.getDouble("timestep", 0.002);
        double maxNph = args.getDouble("max-nph-ps", 200);
        Path dir = PaperPaths.results("w14-melting");
        Path work = dir.resolve("work");
        FittedPotential fp = FittedPotential.load("uf23");
        int atoms = 2 * nx * nx * nz;

        // speed probe: 200 MD steps of the real box at T0
        String probe = head(fp, nx, nz, 3.25) + String.join("\n",
                "velocity all create " + t0 + " 4928 mom yes rot yes dist gaussian",
                "timestep " + dt,
                "fix md all nve",
                "thermo 100",
                "run 20",
                "run 200", "") + "\n";
        Lammps.Run pr = Lammps.run(probe, work.resolve("probe"), "probe", Lammps.Flavour.PLUGIN, 600);
        double perStep = pr.loopSeconds().get(pr.loopSeconds().size() - 1) / 200;
        // stages A (10 ps) and B (8 + 4 ps) are fixed; C fills 70 % of the budget (the rest is kept for a retry of a
        // replica that lost a phase), counting twice the probe's time per step for the concurrent replicas, the
        // analysis computes and other load on the machine
        double psPerStep = dt;
        double fixedPs = 10 + 8 + 4;
        double stepsBudget = 0.7 * budget / (perStep * 2.0
                * Math.max(1, replicas / Math.max(1.0, Runtime.getRuntime().availableProcessors())));
        double nphPs = Math.min(maxNph, stepsBudget * psPerStep - fixedPs);
        if (nphPs < 30) {
            nphPs = 30;
        }
        nphPs = Math.floor(nphPs / 10) * 10;
        out.printf(Locale.ROOT, "UF2,3 %s: %d atoms (%d×%d×%d bcc cells), %.2f µs/atom/step (probe, wall %.0f s) → "
                        + "NPH stage %.0f ps per replica, %d replicas%n", fp.knots().label(), atoms, nx, nx, nz,
                1e6 * perStep / atoms, pr.seconds(), nphPs, replicas);

        List<Replica> done = new ArrayList<>();
        double[] startT = new double[replicas];
        java.util.Arrays.fill(startT, t0);
        for (int round = 0; round < 2; round++) {
            List<Integer> todo = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                final int rr = r;
                if (done.stream().noneMatch(x -> x.index() == rr && x.coexisting())) {
                    todo.add(r);
                }
            }
            if (todo.isEmpty()) {
                break;
            }
            ExecutorService pool = Executors.newFixedThreadPool(todo.size());
            List<Future<Replica>> fut = new ArrayList<>();
            for (int r : todo) {
                final int rr = r;
                final int rd = round;
                final double nph = round == 0 ? nphPs : Math.max(30, nphPs / 2);
                fut.add(pool.submit(() -> replica(fp, rr, 1000 + 17 * rr + 100 * rd, startT[rr], nx, nz, dt, nph,
                        work.resolve("rep" + rr + (rd > 0 ? "-retry" : "")))));
            }
            for (Future<Replica> f : fut) {
                Replica x = f.get();
                done.removeIf(y -> y.index() == x.index());
                done.add(x);
                out.printf(Locale.ROOT, "  replica %d (T0 %.0f K, seed %d): T_m %.0f ± %.0f K, final bcc fraction %.2f%s (%.0f s)%n",
                        x.index(), x.t0(), x.seed(), x.tm(), x.stderr(), x.solidFraction(),
                        x.coexisting() ? ", both phases present" : " — one phase vanished: no estimate", x.seconds());
                if (!x.coexisting()) {
                    startT[x.index()] = x.solidFraction() > 0.5 ? x.t0() + 400 : x.t0() - 400;
                }
            }
            pool.shutdown();
            if ((System.nanoTime() - t0n) * 1e-9 > 0.8 * budget) {
                break;
            }
        }
        done.sort(java.util.Comparator.comparingInt(Replica::index));
        List<Replica> ok = done.stream().filter(Replica::coexisting).toList();
        double tm = Double.NaN, unc = Double.NaN;
        if (!ok.isEmpty()) {
            double[] v = ok.stream().mapToDouble(Replica::tm).toArray();
            tm = W14LearningCurve.mean(v);
            double se2 = 0;
            for (Replica r : ok) {
                se2 += r.stderr() * r.stderr();
            }
            double statSe = Math.sqrt(se2) / ok.size();
            double spread = ok.size() > 1 ? W14LearningCurve.std(v) / Math.sqrt(ok.size()) : 0;
            unc = Math.max(statSe, spread);
        }
        plot(done, dir.resolve("melting.png"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", "w14-melting: two-phase (solid-liquid coexistence) NPH melting temperature of the UF2,3 W potential");
        doc.put("method", "A: bcc NPT (aniso, P=0) at T0 10 ps; B: upper half melted at T0+2500 K (8 ps) and cooled to T0 "
                + "(4 ps, NVT) with the lower half fixed; C: whole box NPH (aniso, P=0); T_m = mean T over the second half "
                + "of C; bcc fraction by CNA normalised by its value in the crystal at T0; timestep " + dt + " ps");
        doc.put("potential", PaperPaths.repo().relativize(fp.uf3File().toAbsolutePath()).toString());
        doc.put("knots", fp.knots().label());
        doc.put("atoms", atoms);
        doc.put("cells", List.of(nx, nx, nz));
        doc.put("us_per_atom_step_probe", 1e6 * perStep / atoms);
        doc.put("nph_ps", nphPs);
        List<Object> reps = new ArrayList<>();
        for (Replica r : done) {
            reps.add(Outputs.map("replica", r.index(), "seed", r.seed(), "t0_K", r.t0(), "tm_K", r.tm(), "stderr_K",
                    r.stderr(), "mean_pressure_second_half_bar", r.meanPressure(), "final_bcc_fraction", r.solidFraction(),
                    "both_phases_present", r.coexisting(),
                    "seconds", r.seconds(), "time_ps", Outputs.nums(r.time()), "temperature_K", Outputs.nums(r.temp()),
                    "pressure_bar", Outputs.nums(r.press()), "bcc_fraction", Outputs.nums(r.fbcc())));
        }
        doc.put("replicas", reps);
        doc.put("tm_K", Outputs.num(tm));
        doc.put("tm_statistical_uncertainty_K", Outputs.num(unc));
        doc.put("systematic_uncertainty_note", "finite size (" + atoms + " atoms), " + nphPs + " ps of NPH and residual "
                + "pressure fluctuations: of order ±50-100 K, not measured here");
        doc.put("experiment_K", T_EXPERIMENT);
        doc.put("seconds_total", (System.nanoTime() - t0n) * 1e-9);
        doc.put("machine", Outputs.machine());
        doc.put("command_args", List.of(argv));
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Outputs.json(dir.resolve("melting.json"), doc);

        TextTable t = new TextTable("replica", "T0 (K)", "T_m (K)", "± (K)", "mean P (bar)", "final bcc fraction",
                "both phases");
        for (Replica r : done) {
            t.row(r.index(), TextTable.f("%.0f", r.t0()), TextTable.f("%.0f", r.tm()), TextTable.f("%.0f", r.stderr()),
                    TextTable.f("%.0f", r.meanPressure()), TextTable.f("%.2f", r.solidFraction()), r.coexisting() ? "yes" : "no");
        }
        String summary = String.format(Locale.ROOT, "UF2,3 W melting temperature (two-phase NPH, %d atoms, %.0f ps): "
                        + "T_m = %.0f ± %.0f K (statistical) vs %.0f K experiment (%+.1f %%)", atoms, nphPs, tm, unc,
                T_EXPERIMENT, 100 * (tm - T_EXPERIMENT) / T_EXPERIMENT);
        String text = t.text() + "\n" + summary + "\n\nMethod: " + doc.get("method") + ".\nUncertainty: the ± is the "
                + "larger of the replicas' standard error of the mean and the block-averaged standard errors combined; "
                + doc.get("systematic_uncertainty_note") + ".\n";
        Outputs.text(dir.resolve("melting.md"), "# W melting point, UF2,3\n\n```\n" + text + "```\n\nPlot: melting.png\n");
        out.println();
        out.print(text);
    }

    private static String head(FittedPotential fp, int nx, int nz, double a) {
        return String.join("\n",
                "units metal",
                "atom_style atomic",
                "boundary p p p",
                "lattice bcc " + a,
                "region box block 0 " + nx + " 0 " + nx + " 0 " + nz,
                "create_box 1 box",
                "create_atoms 1 box",
                "mass 1 " + Elements.mass("W"),
                "pair_style uf3 3",
                "pair_coeff * * " + fp.uf3File().toAbsolutePath() + " W",
                "neighbor 1.0 bin",
                "neigh_modify every 1 delay 0 check yes",
                "") + "\n";
    }

    /** Runs stages A–C for one replica and analyses stage C. */
    static Replica replica(FittedPotential fp, int index, long seed, double t0, int nx, int nz, double dt, double nphPs,
                           Path work) throws IOException {
        double a = 3.25;
        int stepsA = (int) Math.round(10 / dt);
        int stepsB1 = (int) Math.round(8 / dt);
        int stepsB2 = (int) Math.round(4 / dt);
        int stepsC = (int) Math.round(nphPs / dt);
        int every = (int) Math.round(0.5 / dt); // one averaged sample every 0.5 ps (of 5 values: CNA is not free)
        String in = head(fp, nx, nz, a) + String.join("\n",
                "timestep " + dt,
                "variable T0 equal " + t0,
                "velocity all create $(2*v_T0) " + seed + " mom yes rot yes dist gaussian",
                "compute cna all cna/atom " + String.format(Locale.ROOT, "%.4f", 1.207 * a),
                "variable isbcc atom c_cna==3",
                "compute nbcc all reduce sum v_isbcc",
                "variable fbcc equal c_nbcc/atoms",
                "thermo_style custom step time temp press pe lx ly lz v_fbcc",
                "thermo " + (5 * every),
                "# A: crystal at T0, P = 0",
                "fix a all npt temp ${T0} ${T0} $(100*dt) aniso 0.0 0.0 $(1000*dt)",
                "fix fa all ave/time 100 " + (stepsA / 200) + " " + stepsA + " v_fbcc",
                "run " + stepsA,
                "variable fsolid equal $(f_fa:%.6f)",
                "print \"RESULT fsolid ${fsolid}\"",
                "unfix fa",
                "unfix a",
                "# B: melt the upper half with the lower half fixed, then bring it back to T0",
                "region top block INF INF INF INF $(zlo+0.5*lz) INF units box",
                "group liq region top",
                "group sol subtract all liq",
                "velocity sol set 0.0 0.0 0.0",
                "fix hold sol setforce 0.0 0.0 0.0",
                "fix b1 liq nvt temp $(v_T0+2500) $(v_T0+2500) $(100*dt)",
                "run " + stepsB1,
                "unfix b1",
                "fix b2 liq nvt temp ${T0} ${T0} $(100*dt)",
                "run " + stepsB2,
                "unfix b2",
                "unfix hold",
                "velocity sol create ${T0} " + (seed + 7) + " mom yes rot no dist gaussian",
                "# C: two-phase box at constant enthalpy, P = 0",
                "reset_timestep 0",
                "variable tps equal time",
                "variable fs equal v_fbcc/v_fsolid",
                "fix c all nph aniso 0.0 0.0 $(1000*dt)",
                "fix out all ave/time " + (every / 5) + " 5 " + every + " v_tps c_thermo_temp c_thermo_press c_thermo_pe v_fs"
                        + " file melt.dat",
                "run " + stepsC,
                "print \"RESULT done 1\"",
                "") + "\n";
        Lammps.Run run = Lammps.run(in, work, "melt", Lammps.Flavour.PLUGIN, 4 * 3600);
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(work.resolve("melt.dat"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] t = line.trim().split("\\s+");
            rows.add(new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2]), Double.parseDouble(t[3]),
                Double.parseDouble(t[4]), Double.parseDouble(t[5])});
        }
        int n = rows.size();
        double[] time = new double[n], temp = new double[n], press = new double[n], pe = new double[n], fs = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = rows.get(i)[0];
            temp[i] = rows.get(i)[1];
            press[i] = rows.get(i)[2];
            pe[i] = rows.get(i)[3];
            fs[i] = rows.get(i)[4];
        }
        double[] second = java.util.Arrays.copyOfRange(temp, n / 2, n);
        double tm = W14LearningCurve.mean(second);
        double se = blockStdErr(second, 5);
        double last = W14LearningCurve.mean(java.util.Arrays.copyOfRange(fs, Math.max(0, n - n / 10), n));
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int i = n / 2; i < n; i++) {
            min = Math.min(min, fs[i]);
            max = Math.max(max, fs[i]);
        }
        boolean coexist = min > 0.08 && max < 0.92;
        double pMean = W14LearningCurve.mean(java.util.Arrays.copyOfRange(press, n / 2, n));
        return new Replica(index, seed, t0, time, temp, press, pe, fs, last, tm, se, pMean, coexist, run.seconds(), work);
    }

    /** Standard error of the mean from {@code blocks} block averages. */
    static double blockStdErr(double[] v, int blocks) {
        int len = v.length / blocks;
        if (len < 1) {
            return Double.NaN;
        }
        double[] m = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            m[b] = W14LearningCurve.mean(java.util.Arrays.copyOfRange(v, b * len, (b + 1) * len));
        }
        return W14LearningCurve.std(m) / Math.sqrt(blocks);
    }

    private static void plot(List<Replica> reps, Path file) throws IOException {
        XYChart c = Charts.xy("UF2,3 W two-phase NPH: temperature and bcc fraction", "time in the NPH stage (ps)",
                "temperature (K)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        int k = 0;
        for (Replica r : reps) {
            Charts.line(c, String.format(Locale.ROOT, "T, replica %d (T0 %.0f K)", r.index(), r.t0()), r.time(), r.temp(),
                    Charts.color(k), 1.6f);
            XYSeries f = Charts.line(c, "bcc fraction, replica " + r.index(), r.time(), r.fbcc(), Charts.alpha(Charts.color(k), 140), 1.2f);
            f.setYAxisGroup(1);
            k++;
        }
        double tmax = reps.stream().mapToDouble(r -> r.time().length == 0 ? 0 : r.time()[r.time().length - 1]).max().orElse(1);
        Charts.guide(c, "experiment 3695 K", new double[] {0, tmax}, new double[] {T_EXPERIMENT, T_EXPERIMENT});
        c.setYAxisGroupTitle(1, "bcc fraction (CNA, relative to the crystal)");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(1, 0.0);
        c.getStyler().setYAxisMax(1, 1.2);
        Charts.save(c, file);
    }
}
