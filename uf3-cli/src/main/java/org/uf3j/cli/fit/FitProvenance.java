package org.uf3j.cli.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.uf3j.core.io.lammps.LammpsDumpOptions;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.KnotSpec;
import org.uf3j.fit.Regularization;

/**
 * What {@code model.json} records about how a fit was made: per data file its path, format,
 * sha256 and counts; the command, date, configuration and split; and the hyper-parameters the fit
 * used (knots, κ, λ, cross-validation grid, solver). Maps in a fixed key order, so the JSON reads
 * the same run after run.
 */
public final class FitProvenance {
    private FitProvenance() {
    }

    /** Counts of one data file: atoms, configurations per config_type, how many have energies and forces. */
    public record FileCounts(long atoms, Map<String, Integer> configTypes, int withEnergy, int withForces) {
        /** Counts the configurations read from one file. */
        public static FileCounts of(List<Configuration> configs) {
            long atoms = 0;
            Map<String, Integer> types = new TreeMap<>();
            int energies = 0;
            int forces = 0;
            for (Configuration c : configs) {
                atoms += c.size();
                types.merge(c.configType(), 1, Integer::sum);
                energies += c.hasEnergy() ? 1 : 0;
                forces += c.hasForces() ? 1 : 0;
            }
            return new FileCounts(atoms, types, energies, forces);
        }
    }

    /** The record of one data file as read. */
    public static Map<String, Object> dataFile(DataEntry src, int configurations, FileCounts counts) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", src.path().toString());
        p.put("format", src.format());
        p.put("sha256", sha256(src.path()));
        p.put("configurations", configurations);
        p.put("atoms", counts.atoms());
        p.put("with_energy", counts.withEnergy());
        p.put("with_forces", counts.withForces());
        p.put("config_types", new LinkedHashMap<>(counts.configTypes()));
        if (src.energyKey() != null) {
            p.put("energy_key", src.energyKey());
        }
        if (src.forcesKey() != null) {
            p.put("forces_key", src.forcesKey());
        }
        if (src.lammpsDump() != null) {
            p.put("lammps_dump", dumpProvenance(src.lammpsDump()));
        }
        return p;
    }

    /** The LAMMPS dump settings as recorded in model.json (the log with its sha256). */
    private static Map<String, Object> dumpProvenance(LammpsDumpOptions o) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.typeElements() != null) {
            m.put("types", o.typeElements());
        }
        if (o.energyColumn() != null) {
            m.put("energy_column", o.energyColumn());
        }
        if (o.log() != null) {
            m.put("log", o.log().toString());
            m.put("log_sha256", sha256(o.log()));
            if (o.energyColumn() == null) {
                m.put("log_energy_column", o.logEnergyColumn() != null ? o.logEnergyColumn()
                        : "PotEng (else E_pair + E_mol)");
            }
            if (o.logVirialColumns() != null) {
                m.put("log_virial_columns", o.logVirialColumns());
            }
            m.put("unmatched", o.unmatched().name().toLowerCase(Locale.ROOT));
        }
        if (o.stressColumns() != null) {
            m.put("stress_columns", o.stressColumns());
        }
        if (o.configType() != null) {
            m.put("config_type", o.configType());
        }
        if (o.allowIncomplete()) {
            m.put("allow_incomplete", true);
        }
        return m;
    }

    /** The provenance block: command, date, configuration file and hash, data files, split, software. */
    public static Map<String, Object> of(String command, FitConfig config, List<Map<String, Object>> dataFiles, int nTrain,
                                         int nTest) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", command);
        p.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        p.put("config_file", config.file().toAbsolutePath().normalize().toString());
        p.put("config_sha256", sha256(config.file()));
        p.put("data", dataFiles);
        Map<String, Object> s = new LinkedHashMap<>();
        SplitSection cs = config.split();
        if (cs.trainIndices() != null) {
            s.put("train_indices", cs.trainIndices().toString());
            s.put("train_indices_sha256", sha256(cs.trainIndices()));
            s.put("missing_indices", cs.dropMissing() ? "drop" : "error");
        } else {
            s.put("test_fraction", cs.testFraction());
            s.put("seed", cs.seed());
            s.put("stratified", cs.stratified());
        }
        s.put("train_configurations", nTrain);
        s.put("test_configurations", nTest);
        s.put("indices", "0-based positions in the data files, concatenated in order; training indices in train-indices.txt");
        p.put("split", s);
        p.put("software", "UF3-J " + version() + ", Java " + System.getProperty("java.version"));
        return p;
    }

    /** The hyper-parameters block: the knots of every term, κ, λ, cross-validation, weights, solver, σ. */
    public static Map<String, Object> hyperparameters(FitSettings s, FitResult fit) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("elements", s.spec().elements());
        h.put("body_order", s.spec().bodyOrder());
        h.put("knot_spacing", s.spec().spacing().name().toLowerCase(Locale.ROOT));
        Map<String, Object> two = new LinkedHashMap<>();
        for (int a = 0; a < s.spec().elements().size(); a++) {
            for (int c = a; c < s.spec().elements().size(); c++) {
                String ea = s.spec().elements().get(a);
                String ec = s.spec().elements().get(c);
                two.put(Uf3Model.pairKey(ea, ec), knot(s.spec().pair(ea, ec)));
            }
        }
        h.put("two_body", two);
        if (s.spec().bodyOrder() == 3) {
            Map<String, Object> three = new LinkedHashMap<>();
            for (String centre : s.spec().elements()) {
                for (int a = 0; a < s.spec().elements().size(); a++) {
                    for (int c = a; c < s.spec().elements().size(); c++) {
                        KnotSpec[] k = s.spec().triplet(centre, s.spec().elements().get(a), s.spec().elements().get(c));
                        if (k == null) {
                            continue; // excluded: listed under three_body_excluded
                        }
                        Map<String, Object> legs = new LinkedHashMap<>();
                        legs.put("ij", knot(k[0]));
                        legs.put("ik", knot(k[1]));
                        legs.put("jk", knot(k[2]));
                        three.put(Uf3Model.tripletKey(centre, s.spec().elements().get(a), s.spec().elements().get(c)), legs);
                    }
                }
            }
            h.put("three_body", three);
            if (!s.spec().excludedTriplets().isEmpty()) {
                h.put("three_body_excluded", s.spec().excludedTriplets());
            }
        }
        h.put("kappa", fit.kappa());
        h.put("regularization", reg(fit.regularization()));
        if (fit.crossValidation() != null) {
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("folds", fit.crossValidation().folds());
            cv.put("stratified", s.stratifiedFolds());
            cv.put("seed", s.seed());
            cv.put("kappa_candidates", toList(s.kappas()));
            List<Object> grid = new ArrayList<>();
            for (Regularization r : s.grid()) {
                grid.add(reg(r));
            }
            cv.put("grid", grid);
            h.put("cross_validation", cv);
        }
        h.put("config_type_weights", new TreeMap<>(s.configTypeWeights()));
        h.put("virial_weight", s.virialWeight());
        h.put("solver", fit.method().name().toLowerCase(Locale.ROOT));
        h.put("coefficients", fit.layout().size());
        h.put("sigma_energy_eV_per_atom", fit.statistics().sigmaEnergy());
        h.put("sigma_force_eV_per_A", fit.statistics().sigmaForce());
        return h;
    }

    private static Map<String, Object> knot(KnotSpec k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("r_min", k.rMin());
        m.put("r_max", k.rMax());
        m.put("resolution", k.intervals());
        return m;
    }

    private static Map<String, Object> reg(Regularization r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("curvature_2b", r.curvature2());
        m.put("curvature_3b", r.curvature3());
        m.put("ridge_2b", r.ridge2());
        m.put("ridge_3b", r.ridge3());
        return m;
    }

    private static List<Object> toList(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return l;
    }

    /** SHA-256 of a file's content (of a directory: {@link DirectoryDigest}), lower-case hex. */
    static String sha256(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return DirectoryDigest.sha256(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UF3-J version from the jar manifest (the development version when run from classes). */
    static String version() {
        String v = FitProvenance.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
