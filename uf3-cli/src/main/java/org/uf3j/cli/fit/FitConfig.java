package org.uf3j.cli.fit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.uf3j.fit.solve.SolverOptions;
import org.uf3j.cli.CliException;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.io.LammpsDumpOptions;
import org.uf3j.core.io.TrainingData;
import org.uf3j.core.io.TrainingFormat;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;

/**
 * The {@code uf3 fit} configuration, read strictly from YAML or JSON: an unknown key, a wrong
 * type, a missing file, an unknown element, a negative cutoff or r_min ≥ r_max is a
 * {@link ConfigException} naming the file and the key path. Relative paths are relative to the
 * configuration file's directory. Every key is described in docs/config-reference.md.
 */
public record FitConfig(Path file, List<String> elements, List<DataSource> data, Map<String, Double> configTypeWeights,
                        Knots twoBody, Map<String, Knots> pairs, Triplet threeBody, Map<String, Triplet> triplets,
                        KnotSpacing spacing, double[] kappas, double[] curvature2, double[] curvature3, double ridge2,
                        double ridge3, int folds, boolean stratifiedFolds, Long cvSeed, Split split, double virialWeight,
                        int threads, boolean plots, double plotAngle, SolverOptions.Backend solver) {

    static final Set<String> TOP = Set.of("elements", "data", "two_body", "three_body", "knot_spacing", "kappa",
            "regularization", "cross_validation", "split", "virial_weight", "threads", "plots", "solver");
    static final Set<String> DATA = Set.of("path", "format", "energy_key", "forces_key", "config_type_weights",
            "lammps_dump");
    static final Set<String> TWO_BODY = Set.of("r_min", "r_max", "resolution", "pairs");
    static final Set<String> KNOTS = Set.of("r_min", "r_max", "resolution");
    static final Set<String> THREE_BODY = Set.of("r_min", "r_max", "resolution", "resolution_jk", "triplets");
    static final Set<String> TRIPLET = Set.of("r_min", "r_max", "resolution", "resolution_jk");
    static final Set<String> REGULARIZATION = Set.of("curvature_2b", "curvature_3b", "ridge_2b", "ridge_3b");
    static final Set<String> CV = Set.of("folds", "stratified", "seed");
    static final Set<String> SPLIT = Set.of("test_fraction", "seed", "stratified", "train_indices");
    static final Set<String> PLOTS = Set.of("enabled", "angle");
    /** Training-data formats a data source may name (lammps-dump with its {@code lammps_dump} block). */
    static final List<String> FORMATS = List.of("extxyz", "vasprun", "outcar", "lammps-dump", "auto");

    /**
     * One data file: path (absolute), format (auto only when the content is not a LAMMPS dump),
     * extended-XYZ keys of the reference labels, the LAMMPS dump options (null unless the format is
     * lammps-dump), and its key path in the config.
     */
    public record DataSource(Path path, String format, String energyKey, String forcesKey, LammpsDumpOptions lammpsDump,
                             String key) {
    }

    /** Knots of one axis: inner radius, cutoff (Å) and number of intervals. */
    public record Knots(double rMin, double rMax, int resolution) {
    }

    /** Knots of a 3-body term: legs ij and ik on [r_min, r_max] with {@code resolution} intervals, leg jk on [r_min, 2 r_max]. */
    public record Triplet(double rMin, double rMax, int resolution, int resolutionJk) {
    }

    /** Train/test split: a test fraction (seeded, optionally stratified by config_type) or a file of training indices. */
    public record Split(double testFraction, long seed, boolean stratified, Path trainIndices) {
    }

    /** Reads and checks a configuration file. */
    public static FitConfig read(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new CliException(name + ": file not found");
        }
        if (Files.isDirectory(file)) {
            throw new CliException(name + ": is a directory, expected a YAML or JSON fit configuration");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(name + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Parses configuration text; {@code file} gives the name in messages and the base of relative paths. */
    public static FitConfig parse(String text, Path file) {
        String name = file.toString();
        JsonNode root;
        boolean json = text.stripLeading().startsWith("{");
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null || loc.getLineNr() < 0 ? name : name + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new CliException(where + ": not valid " + (json ? "JSON" : "YAML") + ": "
                    + org.uf3j.cli.ErrorMessages.oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new CliException(name + ": is empty; expected a fit configuration (see docs/config-reference.md)");
        }
        Node top = new Node(name, "", root);
        top.requireObject();
        top.onlyKeys(TOP);
        Path base = file.toAbsolutePath().getParent();
        return new Reader(name, base).read(top);
    }

    /** Whether the fit is UF2,3. */
    public boolean threeBodyFit() {
        return threeBody != null;
    }

    /** Checks pair/triplet keys and data against the final element list (given or found in the data). */
    public void checkElements(List<String> els) {
        String name = file.toString();
        for (String key : pairs.keySet()) {
            for (String e : key.split("-")) {
                if (!els.contains(e)) {
                    throw new ConfigException(name, "two_body.pairs." + key, "element " + e + " is not one of the elements "
                            + els);
                }
            }
        }
        for (String key : triplets.keySet()) {
            for (String e : key.split("-")) {
                if (!els.contains(e)) {
                    throw new ConfigException(name, "three_body.triplets." + key, "element " + e
                            + " is not one of the elements " + els);
                }
            }
        }
    }

    private static final class Reader {
        private final String name;
        private final Path base;

        Reader(String name, Path base) {
            this.name = name;
            this.base = base;
        }

        FitConfig read(Node top) {
            List<String> elements = elements(top.get("elements"));
            Map<String, Double> weights = new LinkedHashMap<>();
            Map<String, String> weightSource = new LinkedHashMap<>();
            List<DataSource> data = data(top.get("data"), weights, weightSource);
            KnotSpacing spacing = spacing(top.get("knot_spacing"));
            boolean needsPositive = spacing != KnotSpacing.LINEAR;

            Node tb = top.get("two_body");
            if (tb.isMissing()) {
                throw tb.error("missing (required): give r_min, r_max and resolution of the 2-body terms");
            }
            tb.onlyKeys(TWO_BODY);
            Knots two = knots(tb, null, needsPositive);
            Map<String, Knots> pairs = new LinkedHashMap<>();
            Node pn = tb.get("pairs");
            if (!pn.isMissing()) {
                for (Map.Entry<String, Node> e : pn.entries().entrySet()) {
                    String[] el = elementKey(e.getValue(), e.getKey(), 2, elements);
                    String key = Uf3Model.pairKey(el[0], el[1]);
                    if (pairs.containsKey(key)) {
                        throw e.getValue().error("pair " + key + " is given twice");
                    }
                    e.getValue().onlyKeys(KNOTS);
                    pairs.put(key, knots(e.getValue(), two, needsPositive));
                }
            }

            Triplet three = null;
            Map<String, Triplet> triplets = new LinkedHashMap<>();
            Node th = top.get("three_body");
            if (!th.isMissing()) {
                th.onlyKeys(THREE_BODY);
                three = triplet(th, null, needsPositive);
                Node tn = th.get("triplets");
                if (!tn.isMissing()) {
                    for (Map.Entry<String, Node> e : tn.entries().entrySet()) {
                        String[] el = elementKey(e.getValue(), e.getKey(), 3, elements);
                        String key = Uf3Model.tripletKey(el[0], el[1], el[2]);
                        if (triplets.containsKey(key)) {
                            throw e.getValue().error("triplet " + key + " is given twice");
                        }
                        e.getValue().onlyKeys(TRIPLET);
                        triplets.put(key, triplet(e.getValue(), three, needsPositive));
                    }
                }
            }

            double[] kappas = top.get("kappa").isMissing() ? new double[] {0.5} : top.get("kappa").numbers();
            for (int i = 0; i < kappas.length; i++) {
                if (!(kappas[i] >= 0 && kappas[i] <= 1)) {
                    throw top.get("kappa").error("κ (energy weight) must lie in [0, 1], got " + kappas[i]);
                }
            }
            Node reg = top.get("regularization");
            double[] c2 = {1e-6};
            double[] c3 = {1e-6};
            double r2 = 1e-10;
            double r3 = 1e-10;
            if (!reg.isMissing()) {
                reg.onlyKeys(REGULARIZATION);
                c2 = nonNegative(reg.get("curvature_2b"), c2);
                c3 = nonNegative(reg.get("curvature_3b"), c3);
                r2 = nonNegative(reg.get("ridge_2b"), new double[] {r2})[0];
                r3 = nonNegative(reg.get("ridge_3b"), new double[] {r3})[0];
                if (reg.get("ridge_2b").isArray() || reg.get("ridge_3b").isArray()) {
                    throw reg.error("ridge_2b and ridge_3b take one number each (the λ grid is over curvature_2b, "
                            + "curvature_3b and kappa)");
                }
            }
            Node cv = top.get("cross_validation");
            int folds = 5;
            boolean stratified = true;
            Long cvSeed = null;
            if (!cv.isMissing()) {
                cv.onlyKeys(CV);
                folds = cv.get("folds").integer(5);
                if (folds < 2) {
                    throw cv.get("folds").error("must be at least 2, got " + folds);
                }
                stratified = cv.get("stratified").bool(true);
                cvSeed = cv.get("seed").isMissing() ? null : cv.get("seed").longInteger(0);
            }
            Split split = split(top.get("split"));
            double virial = top.get("virial_weight").number(0.0);
            if (virial < 0) {
                throw top.get("virial_weight").error("must be >= 0, got " + virial);
            }
            int threads = top.get("threads").integer(0);
            if (threads < 0) {
                throw top.get("threads").error("must be >= 0 (0: all processors), got " + threads);
            }
            boolean plots = true;
            double angle = 90;
            Node pl = top.get("plots");
            if (pl.isObject()) {
                pl.onlyKeys(PLOTS);
                plots = pl.get("enabled").bool(true);
                angle = pl.get("angle").number(90);
                if (!(angle > 0 && angle < 180)) {
                    throw pl.get("angle").error("must lie strictly between 0 and 180 degrees, got " + angle);
                }
            } else {
                plots = pl.bool(true);
            }
            SolverOptions.Backend solver;
            try {
                solver = SolverOptions.Backend.parse(top.get("solver").text("auto"));
            } catch (IllegalArgumentException e) {
                throw top.get("solver").error("must be auto, ejml or openblas, got '" + top.get("solver").text() + "'");
            }
            return new FitConfig(Path.of(name), elements, data, weights, two, pairs, three, triplets, spacing, kappas, c2, c3,
                    r2, r3, folds, stratified, cvSeed, split, virial, threads, plots, angle, solver);
        }

        private List<String> elements(Node n) {
            if (n.isMissing()) {
                return null;
            }
            List<Node> items = n.isArray() ? n.items() : List.of(n);
            List<String> out = new ArrayList<>();
            for (Node item : items) {
                String s = item.text().trim();
                if (!Elements.isElement(s)) {
                    throw item.error("'" + s + "' is not a chemical element symbol");
                }
                if (out.contains(s)) {
                    throw item.error("element " + s + " is listed twice");
                }
                out.add(s);
            }
            if (out.isEmpty()) {
                throw n.error("expected at least one element symbol");
            }
            return Elements.sorted(out);
        }

        private List<DataSource> data(Node n, Map<String, Double> weights, Map<String, String> weightSource) {
            if (n.isMissing()) {
                throw n.error("missing (required): give a list of data files, e.g. data: [{path: train.xyz}]");
            }
            List<Node> items = n.isArray() ? n.items() : List.of(n);
            if (items.isEmpty()) {
                throw n.error("expected at least one data file");
            }
            List<DataSource> out = new ArrayList<>();
            for (Node item : items) {
                String pathText;
                String format = "extxyz";
                String energyKey = null;
                String forcesKey = null;
                Node dumpBlock = null;
                Node where = item;
                if (item.isObject()) {
                    item.onlyKeys(DATA);
                    where = item.get("path");
                    pathText = where.text();
                    format = item.get("format").text("extxyz").trim().toLowerCase(Locale.ROOT);
                    if (format.equals("xyz") || format.equals("ext-xyz") || format.equals("extended-xyz")) {
                        format = "extxyz";
                    }
                    if (format.equals("lammps_dump") || format.equals("dump")) {
                        format = "lammps-dump";
                    }
                    if (!FORMATS.contains(format)) {
                        throw item.get("format").error("format '" + format + "' is not supported by this version; "
                                + "supported: " + FORMATS);
                    }
                    energyKey = item.get("energy_key").text(null);
                    forcesKey = item.get("forces_key").text(null);
                    dumpBlock = item.get("lammps_dump");
                    Node w = item.get("config_type_weights");
                    if (!w.isMissing()) {
                        for (Map.Entry<String, Node> e : w.entries().entrySet()) {
                            double v = e.getValue().number();
                            if (v < 0) {
                                throw e.getValue().error("weight must be >= 0, got " + v);
                            }
                            Double old = weights.put(e.getKey(), v);
                            if (old != null && old != v) {
                                throw e.getValue().error("config_type " + e.getKey() + " already has weight " + old
                                        + " from " + weightSource.get(e.getKey()));
                            }
                            weightSource.put(e.getKey(), e.getValue().path());
                        }
                    }
                } else {
                    pathText = item.text();
                }
                Path p = base.resolve(pathText).normalize();
                if (!Files.exists(p)) {
                    throw where.error("file not found: " + p);
                }
                if (Files.isDirectory(p)) {
                    throw where.error("is a directory, expected a data file: " + p);
                }
                LammpsDumpOptions dump = null;
                if (format.equals("auto") && isLammpsDump(p)) {
                    format = "lammps-dump";
                    if (dumpBlock.isMissing()) {
                        throw where.error("is a LAMMPS dump (format: auto): add a lammps_dump block with its energy "
                                + "source (energy_column or log) and, unless the dump has an element column, types");
                    }
                }
                if (format.equals("lammps-dump")) {
                    if (dumpBlock.isMissing()) {
                        throw dumpBlock.error("missing (required with format lammps-dump): give the energy source "
                                + "(energy_column or log) and, unless the dump has an element column, types");
                    }
                    for (String k : List.of("energy_key", "forces_key")) {
                        if (!item.get(k).isMissing()) {
                            throw item.get(k).error("is a key of extended XYZ files; a LAMMPS dump takes its energy from "
                                    + "lammps_dump.energy_column or lammps_dump.log, and its forces from fx fy fz");
                        }
                    }
                    dump = LammpsDumpBlock.read(dumpBlock, p, base);
                } else if (dumpBlock != null && !dumpBlock.isMissing()) {
                    throw dumpBlock.error("applies to LAMMPS dumps only, but " + (format.equals("auto")
                            ? where.path() + " is not one (format: auto)" : "the format is " + format)
                            + "; use format: lammps-dump");
                }
                out.add(new DataSource(p, format, energyKey, forcesKey, dump, where.path()));
            }
            return out;
        }

        /** Whether a file's content is a LAMMPS dump (undecidable content is left to the reader to report). */
        private static boolean isLammpsDump(Path p) {
            try {
                return TrainingData.detect(p) == TrainingFormat.LAMMPS_DUMP;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private KnotSpacing spacing(Node n) {
            String s = n.text("linear").trim().toUpperCase(Locale.ROOT);
            try {
                return KnotSpacing.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw n.error("expected linear, geometric or inverse, found '" + n.text() + "'");
            }
        }

        private Knots knots(Node n, Knots fallback, boolean needsPositive) {
            double rMin = fallback == null ? distance(n.get("r_min")) : distance(n.get("r_min"), fallback.rMin());
            double rMax = fallback == null ? distance(n.get("r_max")) : distance(n.get("r_max"), fallback.rMax());
            int res = fallback == null ? resolution(n.get("resolution")) : resolution(n.get("resolution"), fallback.resolution());
            checkRange(n, rMin, rMax, needsPositive);
            return new Knots(rMin, rMax, res);
        }

        private Triplet triplet(Node n, Triplet fallback, boolean needsPositive) {
            double rMin = fallback == null ? distance(n.get("r_min")) : distance(n.get("r_min"), fallback.rMin());
            double rMax = fallback == null ? distance(n.get("r_max")) : distance(n.get("r_max"), fallback.rMax());
            int res = fallback == null ? resolution(n.get("resolution")) : resolution(n.get("resolution"), fallback.resolution());
            checkRange(n, rMin, rMax, needsPositive);
            int resJk;
            if (n.get("resolution_jk").isMissing()) {
                resJk = fallback != null && n.get("resolution").isMissing() ? fallback.resolutionJk() : 2 * res;
            } else {
                resJk = resolution(n.get("resolution_jk"));
            }
            return new Triplet(rMin, rMax, res, resJk);
        }

        private void checkRange(Node n, double rMin, double rMax, boolean needsPositive) {
            if (!(rMin < rMax)) {
                throw n.get("r_max").error("r_min (" + rMin + " Å) must be smaller than r_max (" + rMax + " Å)");
            }
            if (needsPositive && rMin <= 0) {
                throw n.get("r_min").error("geometric and inverse knot spacing need r_min > 0, got " + rMin);
            }
        }

        private double distance(Node n) {
            double v = n.number();
            if (v < 0) {
                throw n.error("negative cutoff " + v + " Å: distances must be >= 0");
            }
            return v;
        }

        private double distance(Node n, double fallback) {
            return n.isMissing() ? fallback : distance(n);
        }

        private int resolution(Node n) {
            int v = n.integer();
            if (v < 1) {
                throw n.error("the number of knot intervals must be at least 1, got " + v);
            }
            if (v > 500) {
                throw n.error("the number of knot intervals must be at most 500, got " + v);
            }
            return v;
        }

        private int resolution(Node n, int fallback) {
            return n.isMissing() ? fallback : resolution(n);
        }

        private String[] elementKey(Node where, String key, int count, List<String> elements) {
            String[] parts = key.split("-", -1);
            if (parts.length != count) {
                throw where.error("expected " + (count == 2 ? "a pair key 'A-B', e.g. W-W" : "a triplet key 'C-A-B' "
                        + "(centre first), e.g. W-W-W") + ", found '" + key + "'");
            }
            for (String p : parts) {
                if (!Elements.isElement(p)) {
                    throw where.error("'" + p + "' is not a chemical element symbol");
                }
                if (elements != null && !elements.contains(p)) {
                    throw where.error("element " + p + " is not one of the elements " + elements);
                }
            }
            return parts;
        }

        private double[] nonNegative(Node n, double[] fallback) {
            if (n.isMissing()) {
                return fallback;
            }
            double[] v = n.numbers();
            for (double d : v) {
                if (d < 0) {
                    throw n.error("regularisation strengths must be >= 0, got " + d);
                }
            }
            return v;
        }

        private Split split(Node n) {
            if (n.isMissing()) {
                return new Split(0.2, 0, true, null);
            }
            n.onlyKeys(SPLIT);
            Node idx = n.get("train_indices");
            if (!idx.isMissing()) {
                if (!n.get("test_fraction").isMissing()) {
                    throw n.error("give either test_fraction or train_indices, not both");
                }
                Path p = base.resolve(idx.text()).normalize();
                if (!Files.exists(p)) {
                    throw idx.error("file not found: " + p);
                }
                return new Split(Double.NaN, 0, false, p);
            }
            double f = n.get("test_fraction").number(0.2);
            if (!(f >= 0 && f < 1)) {
                throw n.get("test_fraction").error("must lie in [0, 1), got " + f);
            }
            return new Split(f, n.get("seed").longInteger(0), n.get("stratified").bool(true), null);
        }
    }
}
