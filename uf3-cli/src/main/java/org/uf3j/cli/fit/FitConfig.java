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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.uf3j.fit.solve.SolverOptions;
import org.uf3j.cli.CliException;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.model.Elements;

/**
 * The {@code uf3 fit} configuration, read strictly from YAML or JSON: an unknown key, a wrong
 * type, a missing file, an unknown element, a negative cutoff or r_min ≥ r_max is a
 * {@link ConfigException} naming the file and the key path. Relative paths are relative to the
 * configuration file's directory. Every key is described in docs/config-reference.md. One record
 * per section, each with its own reader; the top-level scalars (elements, knot_spacing, kappa,
 * virial_weight, threads) are read here. {@link FitConfigMapping} turns it into fit settings.
 *
 * @param elements   the elements by atomic number, or null to take them from the data
 * @param threeBody  the 3-body section, null for a UF2 fit
 * @param kappas     the energy weight κ, or its cross-validation candidates
 * @param threads    worker threads, 0 for all processors
 * @param solver     the dense solver back end (auto: EJML for small systems, OpenBLAS LAPACK for large)
 * @param uncertainty whether to compute the Bayesian posterior and write posterior.uf3p (default true), and
 *                    how to calibrate it
 */
public record FitConfig(Path file, List<String> elements, DataSection data, KnotSpacing spacing, TwoBodySection twoBody,
                        ThreeBodySection threeBody, double[] kappas, RegularizationSection regularization,
                        CrossValidationSection crossValidation, SplitSection split, double virialWeight, int threads,
                        PlotsSection plots, SolverOptions.Backend solver, UncertaintySection uncertainty) {

    static final Set<String> TOP = Set.of("elements", "data", "two_body", "three_body", "knot_spacing", "kappa",
            "regularization", "cross_validation", "split", "virial_weight", "threads", "plots", "solver", "uncertainty");

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
        return read(top, Path.of(name), base);
    }

    /** Whether the fit is UF2,3. */
    public boolean threeBodyFit() {
        return threeBody != null;
    }

    /** Checks pair/triplet keys and data against the final element list (given or found in the data). */
    public void checkElements(List<String> els) {
        String name = file.toString();
        for (String key : twoBody.pairs().keySet()) {
            for (String e : key.split("-")) {
                if (!els.contains(e)) {
                    throw new ConfigException(name, "two_body.pairs." + key, "element " + e + " is not one of the elements "
                            + els);
                }
            }
        }
        if (threeBody == null) {
            return;
        }
        for (String key : threeBody.triplets().keySet()) {
            for (String e : key.split("-")) {
                if (!els.contains(e)) {
                    throw new ConfigException(name, "three_body.triplets." + key, "element " + e
                            + " is not one of the elements " + els);
                }
            }
        }
        List<String> exclude = threeBody.exclude();
        for (int i = 0; i < exclude.size(); i++) {
            String problem = ThreeBodySection.missingTerm(exclude.get(i), els);
            if (problem != null) {
                throw new ConfigException(name, "three_body.exclude[" + i + "]", problem);
            }
        }
        if (!exclude.isEmpty() && exclude.size() == ThreeBodySection.termCount(els)) {
            throw new ConfigException(name, "three_body.exclude", ThreeBodySection.allExcluded(els));
        }
    }

    /** The sections in the order their errors are reported. */
    private static FitConfig read(Node top, Path file, Path base) {
        List<String> elements = elements(top.get("elements"));
        DataSection data = DataSection.read(top.get("data"), base);
        KnotSpacing spacing = spacing(top.get("knot_spacing"));
        boolean needsPositive = spacing != KnotSpacing.LINEAR;
        TwoBodySection two = TwoBodySection.read(top.get("two_body"), elements, needsPositive);
        ThreeBodySection three = ThreeBodySection.read(top.get("three_body"), elements, needsPositive);
        double[] kappas = top.get("kappa").isMissing() ? new double[] {0.5} : top.get("kappa").numbers();
        for (int i = 0; i < kappas.length; i++) {
            if (!(kappas[i] >= 0 && kappas[i] <= 1)) {
                throw top.get("kappa").error("κ (energy weight) must lie in [0, 1], got " + kappas[i]);
            }
        }
        RegularizationSection reg = RegularizationSection.read(top.get("regularization"));
        CrossValidationSection cv = CrossValidationSection.read(top.get("cross_validation"));
        SplitSection split = SplitSection.read(top.get("split"), base);
        double virial = top.get("virial_weight").number(0.0);
        if (virial < 0) {
            throw top.get("virial_weight").error("must be >= 0, got " + virial);
        }
        int threads = top.get("threads").integer(0);
        if (threads < 0) {
            throw top.get("threads").error("must be >= 0 (0: all processors), got " + threads);
        }
        PlotsSection plots = PlotsSection.read(top.get("plots"));
        SolverOptions.Backend solver;
        try {
            solver = SolverOptions.Backend.parse(top.get("solver").text("auto"));
        } catch (IllegalArgumentException e) {
            throw top.get("solver").error("must be auto, ejml or openblas, got '" + top.get("solver").text() + "'");
        }
        UncertaintySection uncertainty = UncertaintySection.read(top.get("uncertainty"));
        return new FitConfig(file, elements, data, spacing, two, three, kappas, reg, cv, split, virial, threads, plots,
                solver, uncertainty);
    }

    private static List<String> elements(Node n) {
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

    private static KnotSpacing spacing(Node n) {
        String s = n.text("linear").trim().toUpperCase(Locale.ROOT);
        try {
            return KnotSpacing.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw n.error("expected linear, geometric or inverse, found '" + n.text() + "'");
        }
    }
}
