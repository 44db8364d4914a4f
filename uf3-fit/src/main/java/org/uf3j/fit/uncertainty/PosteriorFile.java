package org.uf3j.fit.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.fit.BasisLayout;
import org.uf3j.fit.KnotSpec;
import org.uf3j.fit.ModelSpec;

/**
 * The posterior side file ({@value #NAME} beside the model): one line of JSON (format, version,
 * knots of every term, τ_E, τ_F, noise variances) then, as little-endian float64, the p posterior
 * means and the lower triangle of A⁻¹ row by row (p(p+1)/2 numbers), then, when the header has
 * design_alpha, the lower triangle of the selection design M ({@link SelectionDesign}). Binary because A⁻¹ has p² entries
 * (4,414 unknowns: 78 MB). A model works without it; with it, {@link #read} checks that the file
 * belongs to the model (same knots, same coefficients) and every problem is one line naming the
 * file and the field.
 */
public final class PosteriorFile {
    /** The file name the fit writes, beside model.json and potential.uf3. */
    public static final String NAME = "posterior.uf3p";
    static final String FORMAT = "uf3j-posterior";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CHUNK = 1 << 16;

    private PosteriorFile() {
    }

    /** The side file of a potential file: {@value #NAME} in the same directory. */
    public static Path besides(Path potential) {
        Path dir = potential.toAbsolutePath().getParent();
        return dir == null ? Path.of(NAME) : dir.resolve(NAME);
    }

    /** Writes the file atomically (a temporary file renamed into place). */
    public static void write(Posterior post, Path file) throws IOException {
        ObjectNode h = MAPPER.createObjectNode();
        h.put("format", FORMAT);
        h.put("version", VERSION);
        h.put("columns", post.size());
        ModelSpec spec = post.spec();
        ArrayNode el = h.putArray("elements");
        spec.elements().forEach(el::add);
        h.put("spacing", spec.spacing().name().toLowerCase(Locale.ROOT));
        ObjectNode pairs = h.putObject("pairs");
        BasisLayout layout = post.layout();
        for (BasisLayout.PairBlock b : layout.pairBlocks()) {
            knot(pairs.putArray(Uf3Model.pairKey(b.first(), b.second())), spec.pair(b.first(), b.second()));
        }
        ObjectNode triplets = h.putObject("triplets");
        for (BasisLayout.TripletBlock b : layout.tripletBlocks()) {
            ArrayNode legs = triplets.putArray(Uf3Model.tripletKey(b.centre(), b.first(), b.second()));
            for (KnotSpec k : spec.triplet(b.centre(), b.first(), b.second())) {
                knot(legs.addArray(), k);
            }
        }
        ArrayNode ex = h.putArray("excluded");
        spec.excludedTriplets().forEach(ex::add);
        Posterior.Noise n = post.noise();
        h.put("tau_energy", n.tauEnergy());
        h.put("tau_force", n.tauForce());
        h.put("energy_noise_variance", n.energyNoise());
        h.put("force_noise_variance", n.forceNoise());
        h.put("noise_source", n.source());
        h.put("kappa", n.kappa());
        h.put("calibration", n.calibration().label());
        if (n.calibration().kind() == CalibrationMethod.Kind.QUANTILE) {
            h.put("calibration_level", n.calibration().level());
        }
        if (Double.isFinite(post.energyRowWeight()) && Double.isFinite(post.forceRowWeight())) {
            h.put("energy_row_weight", post.energyRowWeight());
            h.put("force_row_weight", post.forceRowWeight());
        }
        SelectionDesign design = post.design();
        if (design != null) {
            h.put("design_alpha", design.alpha());
            h.put("design_energy_row_weight", design.energyRowWeight());
            h.put("design_force_row_weight", design.forceRowWeight());
        }
        h.put("data", "float64 little-endian: columns means, then the lower triangle of the inverse normal matrix A^-1 row by row"
                + (design == null ? "" : ", then the lower triangle of the selection design M row by row"));
        Path abs = file.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(MAPPER.writeValueAsBytes(h));
            out.write('\n');
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int p = post.size();
            double[] mean = post.mean();
            double[] cov = post.inverseView();
            for (double v : mean) {
                put(buf, v, out);
            }
            putLower(buf, cov, p, out);
            if (design != null) {
                putLower(buf, design.matrixView(), p, out);
            }
            out.write(buf.array(), 0, buf.position());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void putLower(ByteBuffer buf, double[] m, int p, OutputStream out) throws IOException {
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                put(buf, m[a * p + b], out);
            }
        }
    }

    private static void knot(ArrayNode a, KnotSpec k) {
        a.add(k.rMin()).add(k.rMax()).add(k.intervals());
    }

    private static void put(ByteBuffer buf, double v, OutputStream out) throws IOException {
        if (!buf.hasRemaining()) {
            out.write(buf.array(), 0, buf.position());
            buf.clear();
        }
        buf.putDouble(v);
    }

    /**
     * Reads a side file and checks it against {@code model} (null: no check).
     *
     * @throws PosteriorFileException naming the file and the field for every problem
     */
    public static Posterior read(Path file, Uf3Model model) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new PosteriorFileException(file + ": posterior file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.write(c);
                if (line.size() > (64 << 20)) {
                    break;
                }
            }
            if (c != '\n') {
                throw bad(file, "header", "a first line of JSON ending in a newline");
            }
            JsonNode h;
            try {
                h = MAPPER.readTree(line.toString(StandardCharsets.UTF_8));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw bad(file, "header", "JSON (" + e.getOriginalMessage() + ")");
            }
            if (h == null || !h.isObject()) {
                throw bad(file, "header", "a JSON object");
            }
            if (!FORMAT.equals(text(file, h, "format"))) {
                throw bad(file, "format", "\"" + FORMAT + "\"");
            }
            if (integer(file, h, "version") != VERSION) {
                throw bad(file, "version", VERSION + " (this build reads version " + VERSION + ")");
            }
            ModelSpec spec = spec(file, h);
            BasisLayout layout = new BasisLayout(spec);
            int p = integer(file, h, "columns");
            if (p != layout.size()) {
                throw bad(file, "columns", layout.size() + " (the number of coefficients of the knots in the header), got " + p);
            }
            CalibrationMethod calibration = calibration(file, h);
            Posterior.Noise noise;
            try {
                noise = new Posterior.Noise(number(file, h, "tau_energy"), number(file, h, "tau_force"),
                        number(file, h, "energy_noise_variance"),
                        number(file, h, "force_noise_variance"), text(file, h, "noise_source"), number(file, h, "kappa"),
                        calibration);
            } catch (IllegalArgumentException e) {
                throw bad(file, "tau_energy/tau_force", "temperatures and noise variances >= 0 (" + e.getMessage() + ")");
            }
            boolean hasDesign = h.has("design_alpha") || h.has("design_energy_row_weight") || h.has("design_force_row_weight");
            double[] mean = new double[p];
            Reader r = new Reader(in, file);
            for (int q = 0; q < p; q++) {
                mean[q] = r.next("data (means)");
            }
            double[] cov = lower(r, file, p, "data (covariance)");
            double[] designMatrix = hasDesign ? lower(r, file, p, "data (design)") : null;
            if (!r.atEnd()) {
                throw bad(file, "data", "exactly " + p + " + " + (hasDesign ? "2 x " : "") + ((long) p * (p + 1) / 2)
                        + " float64 numbers, found more");
            }
            double wE = Double.NaN;
            double wF = Double.NaN;
            if (h.has("energy_row_weight") || h.has("force_row_weight")) { // optional: files before uf3 select's information methods lack them
                wE = number(file, h, "energy_row_weight");
                wF = number(file, h, "force_row_weight");
                if (!(wE >= 0) || !(wF >= 0) || !Double.isFinite(wE + wF)) {
                    throw bad(file, "energy_row_weight/force_row_weight", "finite row weights >= 0, got " + wE + " and " + wF);
                }
            }
            SelectionDesign design = null;
            if (hasDesign) { // optional: files before the selection design was recorded lack it
                try {
                    design = new SelectionDesign(designMatrix, p, number(file, h, "design_energy_row_weight"),
                            number(file, h, "design_force_row_weight"), number(file, h, "design_alpha"));
                } catch (IllegalArgumentException e) {
                    throw bad(file, "design_alpha/design_energy_row_weight/design_force_row_weight", "finite row weights >= 0 and "
                            + "α > 0 (" + e.getMessage() + ")");
                }
            }
            Posterior post = new Posterior(spec, mean, cov, noise, wE, wF, design);
            if (model != null) {
                check(file, post, model);
            }
            return post;
        }
    }

    /** A symmetric p×p matrix from its lower triangle, row by row; its diagonal must be >= 0. */
    private static double[] lower(Reader r, Path file, int p, String field) throws IOException {
        double[] m = new double[p * p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double v = r.next(field);
                m[a * p + b] = v;
                m[b * p + a] = v;
            }
            if (!(m[a * p + a] >= 0)) {
                throw bad(file, "data", "a " + (field.contains("design") ? "design matrix" : "covariance")
                        + " with diagonal entries >= 0, got " + m[a * p + a] + " at column " + a);
            }
        }
        return m;
    }

    /** Fails unless the model has the posterior's knots and its mean as coefficients (one-body energies aside). */
    static void check(Path file, Posterior post, Uf3Model model) {
        double[] x;
        try {
            x = post.layout().fromModel(model);
        } catch (IllegalArgumentException e) {
            throw bad(file, "pairs/triplets", "the knots of the model it is used with (" + e.getMessage() + ")");
        }
        double[] mean = post.mean();
        double scale = 0;
        for (double v : mean) {
            scale = Math.max(scale, Math.abs(v));
        }
        int ne = post.layout().elements().size();
        for (int q = ne; q < mean.length; q++) {
            if (Math.abs(x[q] - mean[q]) > 1e-9 * Math.max(scale, 1e-300)) {
                throw bad(file, "data (means)", "the coefficients of the model it is used with; they differ at "
                        + post.layout().describe(q) + " (" + mean[q] + " here, " + x[q] + " in the model): "
                        + "this posterior belongs to another fit");
            }
        }
    }

    private static ModelSpec spec(Path file, JsonNode h) {
        JsonNode el = h.get("elements");
        if (el == null || !el.isArray() || el.isEmpty()) {
            throw bad(file, "elements", "a non-empty array of element symbols");
        }
        java.util.List<String> elements = new java.util.ArrayList<>();
        el.forEach(e -> elements.add(e.asText()));
        try {
            ModelSpec.Builder b = ModelSpec.builder(elements)
                    .spacing(KnotSpacing.valueOf(text(file, h, "spacing").toUpperCase(Locale.ROOT)));
            JsonNode pairs = object(file, h, "pairs");
            for (Iterator<Map.Entry<String, JsonNode>> it = pairs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String[] k = key(file, "pairs." + e.getKey(), e.getKey(), 2);
                KnotSpec s = knotSpec(file, "pairs." + e.getKey(), e.getValue());
                b.pair(k[0], k[1], s.rMin(), s.rMax(), s.intervals());
            }
            JsonNode triplets = object(file, h, "triplets");
            for (Iterator<Map.Entry<String, JsonNode>> it = triplets.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String f = "triplets." + e.getKey();
                String[] k = key(file, f, e.getKey(), 3);
                JsonNode legs = e.getValue();
                if (!legs.isArray() || legs.size() != 3) {
                    throw bad(file, f, "three knot axes [r_min, r_max, intervals] (ij, ik, jk)");
                }
                b.triplet(k[0], k[1], k[2], knotSpec(file, f, legs.get(0)), knotSpec(file, f, legs.get(1)),
                        knotSpec(file, f, legs.get(2)));
            }
            JsonNode ex = h.get("excluded");
            if (ex != null && ex.isArray()) {
                for (JsonNode e : ex) {
                    String[] k = key(file, "excluded", e.asText(), 3);
                    b.exclude(k[0], k[1], k[2]);
                }
            }
            return b.build();
        } catch (PosteriorFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw bad(file, "elements/pairs/triplets", "a valid model specification (" + e.getMessage() + ")");
        }
    }

    /** The calibration method; absent in files written before it was recorded: mean square. */
    private static CalibrationMethod calibration(Path file, JsonNode h) {
        if (!h.has("calibration")) {
            return CalibrationMethod.mse();
        }
        String name = text(file, h, "calibration");
        if (name.equals("mse")) {
            return CalibrationMethod.mse();
        }
        if (!name.equals("quantile")) {
            throw bad(file, "calibration", "\"quantile\" or \"mse\", got \"" + name + "\"");
        }
        double level = number(file, h, "calibration_level");
        if (!(level > 0 && level < 1)) {
            throw bad(file, "calibration_level", "a coverage strictly between 0 and 1, got " + level);
        }
        return CalibrationMethod.quantile(level);
    }

    private static String[] key(Path file, String field, String key, int n) {
        String[] k = key.split("-");
        if (k.length != n) {
            throw bad(file, field, n + " element symbols joined by '-'");
        }
        return k;
    }

    private static KnotSpec knotSpec(Path file, String field, JsonNode a) {
        if (a == null || !a.isArray() || a.size() != 3 || !a.get(0).isNumber() || !a.get(1).isNumber() || !a.get(2).isInt()) {
            throw bad(file, field, "[r_min, r_max, intervals]");
        }
        try {
            return new KnotSpec(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asInt());
        } catch (IllegalArgumentException e) {
            throw bad(file, field, "a valid knot axis (" + e.getMessage() + ")");
        }
    }

    private static JsonNode object(Path file, JsonNode h, String field) {
        JsonNode n = h.get(field);
        if (n == null || !n.isObject()) {
            throw bad(file, field, "an object");
        }
        return n;
    }

    private static String text(Path file, JsonNode h, String field) {
        JsonNode n = h.get(field);
        if (n == null || !n.isTextual()) {
            throw bad(file, field, "a string");
        }
        return n.asText();
    }

    private static int integer(Path file, JsonNode h, String field) {
        JsonNode n = h.get(field);
        if (n == null || !n.isInt()) {
            throw bad(file, field, "an integer");
        }
        return n.asInt();
    }

    private static double number(Path file, JsonNode h, String field) {
        JsonNode n = h.get(field);
        if (n == null || !n.isNumber()) {
            throw bad(file, field, "a number");
        }
        return n.asDouble();
    }

    private static PosteriorFileException bad(Path file, String field, String expected) {
        return new PosteriorFileException(file + ": field '" + field + "': expected " + expected);
    }

    /** Little-endian float64 numbers from the stream, with a clear error when it ends early. */
    private static final class Reader {
        private final InputStream in;
        private final Path file;
        private final ByteBuffer buf = ByteBuffer.allocate(CHUNK * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);

        Reader(InputStream in, Path file) {
            this.in = in;
            this.file = file;
            buf.limit(0);
        }

        boolean atEnd() throws IOException {
            return !buf.hasRemaining() && in.read() < 0;
        }

        double next(String field) throws IOException {
            if (buf.remaining() < Double.BYTES) {
                buf.compact();
                while (buf.position() < Double.BYTES || (buf.hasRemaining() && buf.position() % Double.BYTES != 0)) {
                    int n = in.read(buf.array(), buf.position(), buf.remaining());
                    if (n < 0) {
                        break;
                    }
                    buf.position(buf.position() + n);
                }
                buf.flip();
                if (buf.remaining() < Double.BYTES) {
                    throw bad(file, field, "more float64 numbers: the file ends early (truncated?)");
                }
            }
            double v = buf.getDouble();
            if (!Double.isFinite(v)) {
                throw bad(file, field, "finite numbers, got " + v);
            }
            return v;
        }
    }
}
