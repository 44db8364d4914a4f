package org.uf3j.bench.paper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uf3j.core.gamma.ActiveSet;
import org.uf3j.core.gamma.ExtrapolationGrade;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.ModelSpec;
import org.uf3j.fit.gamma.ActiveSetBuilder;

/**
 * Issue 13, "γ separates": every config_type of W-14 left out of the paper's training split in
 * turn (and a few physically motivated groups of types). The active set of the rest grades every
 * configuration of the left-out types (both splits) and the test-split configurations of the
 * trained types (held out); reported per group: the fraction of configurations with max γ &gt; 1,
 * their median max γ, the fraction of atoms with γ &gt; 1; which types the active-set atoms came
 * from; and a model-free distance (14 nearest-neighbour distances, RMS Å) from left-out and
 * held-out atoms to the nearest training atom. Two UF2,3 bases: the small one of
 * w14-active-learning and the one cross-validation chose in w14-accuracy.
 *
 * <pre>options: --models small (default) | paper | small,paper --groups a+b,c (default: every type, then --extra) --extra a+b,... --sample 1500
 *          --held N (grade N random held-out configurations, default all) --reference true|false</pre>
 * Writes gamma-separation-&lt;models&gt;.json/.md.
 */
public final class W14GammaSeparation {
    private static final Pattern ORIGIN = Pattern.compile("config (\\d+)");
    /** Groups that test why dislocation cores and vacancies stay inside the data: the sheared planes left out with them. */
    private static final String DEFAULT_EXTRA = "dislocation_quadrupole+gamma_surface+gamma_surface_vacancy,"
            + "dislocation_quadrupole+gamma_surface,vacancy+gamma_surface_vacancy";

    private W14GammaSeparation() {
    }

    /** A named UF2,3 basis. */
    record Basis(String name, String knots, ModelSpec spec) {
    }

    static List<Basis> bases() {
        return List.of(
                new Basis("small", "pairs 1.5-5.5 Å /12, triplets 1.5-4.25 Å /4 (jk /8)",
                        ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 12).triplets(1.5, 4.25, 4).build()),
                new Basis("paper", "pairs 1.5-6.0 Å /30, triplets 1.5-5.0 Å /12 (jk /24)",
                        ModelSpec.builder(List.of("W")).pairs(1.5, 6.0, 30).triplets(1.5, 5.0, 12, 24).build()));
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        int sample = args.getInt("sample", 1500);
        List<String> wanted = List.of(args.get("models", "small").split(","));
        int heldMax = args.getInt("held", Integer.MAX_VALUE);
        boolean reference = Boolean.parseBoolean(args.get("reference", "true"));
        String stem = "gamma-separation-" + String.join("-", wanted);
        List<String> known = bases().stream().map(Basis::name).toList();
        for (String w : wanted) {
            if (!known.contains(w)) {
                throw new IllegalArgumentException("--models: unknown basis '" + w + "' (expected one of " + known + ")");
            }
        }
        Path dir = PaperPaths.results("w14-gamma-separation");

        W14Data data = W14Data.load();
        List<Configuration> train = data.train();
        List<Configuration> test = data.test();
        List<Configuration> heldPool = test;
        if (heldMax < test.size()) {
            List<Configuration> shuffled = new ArrayList<>(test);
            Collections.shuffle(shuffled, new Random(11));
            heldPool = shuffled.subList(0, heldMax);
        }
        List<String> types = data.all.stream().map(Configuration::configType).distinct().toList();
        List<List<String>> groups = new ArrayList<>();
        String explicit = args.get("groups", null);
        if (explicit != null) {
            Arrays.stream(explicit.split(",")).forEach(g -> groups.add(List.of(g.split("\\+"))));
        } else {
            types.forEach(t -> groups.add(List.of(t)));
            String extra = args.get("extra", DEFAULT_EXTRA);
            if (!extra.isEmpty()) {
                Arrays.stream(extra.split(",")).forEach(g -> groups.add(List.of(g.split("\\+"))));
            }
        }
        for (List<String> g : groups) {
            for (String t : g) {
                if (!types.contains(t)) {
                    throw new IllegalArgumentException("--groups/--extra: no config_type '" + t + "' in W-14 (types: " + types + ")");
                }
            }
        }
        out.println("W-14: " + data.note());

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", "w14-gamma-separation: every config_type left out of training in turn (issue 13)");
        doc.put("data", data.provenance());
        doc.put("threshold", "gamma > 1 + 1e-6 (the maxvol tolerance)");

        // model-free: nearest training environment (14 nearest-neighbour distances)
        double[][] shells = NeighbourShells.of(data.all);
        Map<Configuration, Integer> position = new java.util.IdentityHashMap<>();
        for (int i = 0; i < data.all.size(); i++) {
            position.put(data.all.get(i), i);
        }
        Map<String, Object> geometry = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("# W-14: does γ separate config_types left out of training? (issue 13)\n\n")
                .append(data.note()).append(".\n\n");
        TextTable geo = new TextTable("left out", "left atoms: median", "p95", "max", "held atoms: median", "p95", "max");
        for (List<String> g : groups) {
            List<Configuration> tr = train.stream().filter(c -> !g.contains(c.configType())).toList();
            List<Configuration> left = data.all.stream().filter(c -> g.contains(c.configType())).toList();
            List<Configuration> held = test.stream().filter(c -> !g.contains(c.configType())).toList();
            double[] ref = concat(tr, position, shells);
            double[] dl = NeighbourShells.nearest(sampleAtoms(left, position, shells, sample, 7), ref);
            double[] dh = NeighbourShells.nearest(sampleAtoms(held, position, shells, sample, 8), ref);
            Arrays.sort(dl);
            Arrays.sort(dh);
            String name = String.join("+", g);
            geo.row(name, f3(GradeStats.quantile(dl, 0.5)), f3(GradeStats.quantile(dl, 0.95)), f3(dl[dl.length - 1]),
                    f3(GradeStats.quantile(dh, 0.5)), f3(GradeStats.quantile(dh, 0.95)), f3(dh[dh.length - 1]));
            geometry.put(name, Outputs.map("left_sampled_atoms", dl.length, "left_median_A", GradeStats.quantile(dl, 0.5),
                    "left_p95_A", GradeStats.quantile(dl, 0.95), "left_max_A", dl[dl.length - 1], "held_sampled_atoms", dh.length,
                    "held_median_A", GradeStats.quantile(dh, 0.5), "held_p95_A", GradeStats.quantile(dh, 0.95), "held_max_A",
                    dh[dh.length - 1]));
        }
        out.print(geo.text());
        doc.put("nearest_training_environment", geometry);

        List<Object> models = new ArrayList<>();
        for (Basis b : bases()) {
            if (!wanted.contains(b.name())) {
                continue;
            }
            BasisLayout layout = new BasisLayout(b.spec());
            Uf3Model shape = layout.toModel(new double[layout.size()]); // knots only: features do not depend on coefficients
            out.printf(Locale.ROOT, "%nbasis %s: UF2,3 %s, %d columns%n", b.name(), b.knots(), layout.size());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("basis", b.name());
            m.put("knots", b.knots());
            m.put("columns", layout.size());

            // reference: everything trained, test configurations of each type
            long t = System.nanoTime();
            TextTable trained = new TextTable("type (trained)", "test configs", "max γ>1", "median max γ", "atoms γ>1");
            String activeFeatures = "";
            if (reference) {
                ActiveSet full = new ActiveSetBuilder(layout, shape).build(train);
                List<double[]> testGrades = grades(new ExtrapolationGrade(shape, full), test);
                Map<String, Object> trainedJson = new LinkedHashMap<>();
                for (String type : types) {
                    GradeStats s = GradeStats.of(ofType(test, testGrades, type));
                    trained.row(type, s.configurations(), s.percentConfigs(), GradeStats.value(s.medianMax()), s.percentAtoms());
                    trainedJson.put(type, s.json());
                }
                GradeStats all = GradeStats.of(testGrades);
                trained.row("all test", all.configurations(), all.percentConfigs(), GradeStats.value(all.medianMax()), all.percentAtoms());
                trainedJson.put("all", all.json());
                out.printf(Locale.ROOT, "all types trained: active set %d atoms, %s%n%s", full.of("W").dimension(),
                        seconds(t), trained.text());
                m.put("active_set_features_full_training", full.of("W").dimension());
                m.put("all_trained_test_by_type", trainedJson);
                activeFeatures = " (" + full.of("W").dimension() + " active-set features with every type trained)";
            }

            TextTable sep = new TextTable("left out", "train", "left configs", "max γ>1", "median max γ", "atoms γ>1",
                    heldMax < test.size() ? "held configs (of " + heldMax + " sampled)" : "held configs", "max γ>1 ",
                    "median max γ ", "atoms γ>1 ");
            TextTable origins = new TextTable("left out", "active set", "rows by config_type of origin");
            List<Object> rows = new ArrayList<>();
            for (List<String> g : groups) {
                t = System.nanoTime();
                String name = String.join("+", g);
                List<Configuration> tr = train.stream().filter(c -> !g.contains(c.configType())).toList();
                List<Configuration> left = data.all.stream().filter(c -> g.contains(c.configType())).toList();
                List<Configuration> held = heldPool.stream().filter(c -> !g.contains(c.configType())).toList();
                ActiveSet set = new ActiveSetBuilder(layout, shape).build(tr);
                ExtrapolationGrade grade = new ExtrapolationGrade(shape, set);
                List<double[]> gl = grades(grade, left);
                GradeStats sl = GradeStats.of(gl);
                GradeStats sh = GradeStats.of(grades(grade, held));
                Map<String, Integer> from = originTypes(set.of("W").origins(), tr);
                sep.row(name, tr.size(), sl.configurations(), sl.percentConfigs(), GradeStats.value(sl.medianMax()), sl.percentAtoms(),
                        sh.configurations(), sh.percentConfigs(), GradeStats.value(sh.medianMax()), sh.percentAtoms());
                Map<String, Object> byType = new LinkedHashMap<>();
                if (g.size() > 1) {
                    for (String type : g) {
                        GradeStats st = GradeStats.of(ofType(left, gl, type));
                        sep.row("  of which " + type, "", st.configurations(), st.percentConfigs(), GradeStats.value(st.medianMax()),
                                st.percentAtoms());
                        byType.put(type, st.json());
                    }
                }
                origins.row(name, set.of("W").dimension(), from.toString());
                rows.add(Outputs.map("left_out", g, "training_configurations", tr.size(), "active_set_features",
                        set.of("W").dimension(), "active_set_rows_by_type", from, "left_out", sl.json(), "left_out_by_type", byType, "held_out_trained_types",
                        sh.json(), "seconds", (System.nanoTime() - t) * 1e-9));
                out.printf(Locale.ROOT, "left out %s: %d configs, max γ>1 %s (median %s, atoms %s) | held %d, %s (median %s, atoms %s); "
                                + "active set from %s; %s%n", name, sl.configurations(), sl.percentConfigs(),
                        GradeStats.value(sl.medianMax()), sl.percentAtoms(), sh.configurations(), sh.percentConfigs(),
                        GradeStats.value(sh.medianMax()), sh.percentAtoms(), from, seconds(t));
                m.put("left_out", rows);
            }
            out.print(sep.text());
            models.add(m);
            doc.put("bases", models);
            Outputs.json(dir.resolve(stem + ".json"), doc);
            md.append("## Basis ").append(b.name()).append(": UF2,3 ").append(b.knots()).append(", ").append(layout.size())
                    .append(" columns").append(activeFeatures).append("\n\n")
                    .append("Left out of training (left: all its configurations, both splits) against held-out test "
                            + "configurations of the trained types (held):\n\n```\n")
                    .append(sep.text()).append("```\n\nActive-set rows by the config_type they came from:\n\n```\n")
                    .append(origins.text()).append("```\n\n");
            if (reference) {
                md.append("Reference, every type trained (test split by type):\n\n```\n").append(trained.text()).append("```\n\n");
            }
        }
        md.append("## Nearest training environment (model-free)\n\nRMS difference (Å) of the 14 nearest-neighbour distances "
                        + "between a left-out (or held-out) atom and the closest training atom; up to ").append(sample)
                .append(" atoms sampled per side:\n\n```\n").append(geo.text()).append("```\n");
        doc.put("seconds", (System.nanoTime() - t0) * 1e-9);
        doc.put("machine", Outputs.machine());
        doc.put("command_args", List.of(argv));
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Outputs.json(dir.resolve(stem + ".json"), doc);
        Outputs.text(dir.resolve(stem + ".md"), md.toString());
        out.printf(Locale.ROOT, "wrote %s in %.0f s%n", dir, (System.nanoTime() - t0) * 1e-9);
    }

    private static List<double[]> grades(ExtrapolationGrade g, List<Configuration> configs) {
        return configs.parallelStream().map(c -> g.grades(c.structure())).toList();
    }

    /** How many active-set rows came from each config_type (origins read "config i ..." with i into {@code tr}). */
    /** The grades (same order as {@code configs}) of the configurations of one config_type. */
    private static List<double[]> ofType(List<Configuration> configs, List<double[]> grades, String type) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i).configType().equals(type)) {
                out.add(grades.get(i));
            }
        }
        return out;
    }

    private static Map<String, Integer> originTypes(String[] origins, List<Configuration> tr) {
        Map<String, Integer> by = new TreeMap<>();
        if (origins == null) {
            return by;
        }
        for (String o : origins) {
            Matcher mt = ORIGIN.matcher(o);
            by.merge(mt.find() ? tr.get(Integer.parseInt(mt.group(1))).configType() : "?", 1, Integer::sum);
        }
        return by;
    }

    private static double[] concat(List<Configuration> configs, Map<Configuration, Integer> position, double[][] shells) {
        int n = 0;
        for (Configuration c : configs) {
            n += shells[position.get(c)].length;
        }
        double[] out = new double[n];
        int o = 0;
        for (Configuration c : configs) {
            double[] s = shells[position.get(c)];
            System.arraycopy(s, 0, out, o, s.length);
            o += s.length;
        }
        return out;
    }

    /** Up to {@code n} atoms drawn without replacement (fixed seed) from the configurations, as descriptor rows. */
    private static double[] sampleAtoms(List<Configuration> configs, Map<Configuration, Integer> position, double[][] shells, int n,
                                        long seed) {
        double[] all = concat(configs, position, shells);
        int atoms = all.length / NeighbourShells.K;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < atoms; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed));
        int k = Math.min(n, atoms);
        double[] out = new double[k * NeighbourShells.K];
        for (int i = 0; i < k; i++) {
            System.arraycopy(all, idx.get(i) * NeighbourShells.K, out, i * NeighbourShells.K, NeighbourShells.K);
        }
        return out;
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String seconds(long t) {
        return String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - t) * 1e-9);
    }
}
