package org.uf3j.core.io.fitsnap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.VirialUnits;
import org.uf3j.core.model.Elements;
import org.uf3j.core.structure.Cell;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.structure.Structure;

/**
 * One FitSNAP JSON file: an optional comment line ({@code # Header}), then
 * {@code {"Dataset": {"Data": [ {...}, ... ], "EnergyStyle": ..., ...}}}. Every entry of {@code Data}
 * is one configuration: {@code AtomTypes}, {@code NumAtoms}, {@code Positions} (N×3), {@code Lattice}
 * (3×3, rows are the lattice vectors), {@code Energy}, {@code Forces} (N×3) and optionally
 * {@code Stress} (3×3, kB, positive under compression as in VASP), converted to the virial.
 */
final class FitsnapDocument {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;

    private FitsnapDocument(String file) {
        this.file = file;
    }

    /** The configurations of {@code path}, each with config_type {@code group}. */
    static List<Configuration> read(Path path, String group) throws IOException {
        String name = path.toString();
        return new FitsnapDocument(name).parse(Files.readString(path, StandardCharsets.UTF_8), group);
    }

    /** The configurations of a file's text; {@code file} names it in messages and sources. */
    static List<Configuration> parse(String text, String file, String group) {
        return new FitsnapDocument(file).parse(text, group);
    }

    private List<Configuration> parse(String text, String group) {
        JsonNode root = tree(withoutHeader(text));
        JsonNode dataset = object(root.get("Dataset"), "Dataset");
        FitsnapUnits.check(dataset, "Dataset", file);
        JsonNode data = array(dataset.get("Data"), "Dataset.Data");
        if (data.isEmpty()) {
            throw Uf3FormatException.atField(file, "Dataset.Data", "empty; expected at least one configuration");
        }
        List<Configuration> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            String source = data.size() == 1 ? file : file + ":Data[" + i + "]";
            out.add(configuration(object(data.get(i), "Dataset.Data[" + i + "]"), "Dataset.Data[" + i + "]", group,
                    source));
        }
        return out;
    }

    private Configuration configuration(JsonNode c, String path, String group, String source) {
        int n = integer(c.get("NumAtoms"), path + ".NumAtoms");
        if (n <= 0) {
            throw Uf3FormatException.atField(file, path + ".NumAtoms", "expected a positive atom count, found " + n);
        }
        String[] symbols = symbols(c.get("AtomTypes"), path + ".AtomTypes", n);
        double[] positions = rows(c.get("Positions"), path + ".Positions", n, "NumAtoms = " + n);
        double[] lattice = rows(c.get("Lattice"), path + ".Lattice", 3, "three lattice vectors");
        double energy = number(c.get("Energy"), path + ".Energy");
        double[] forces = rows(c.get("Forces"), path + ".Forces", n, "NumAtoms = " + n);
        Cell cell;
        try {
            cell = new Cell(lattice, new boolean[] {true, true, true});
        } catch (IllegalArgumentException e) {
            throw Uf3FormatException.atField(file, path + ".Lattice", e.getMessage(), e);
        }
        double[] virial = null;
        JsonNode stress = c.get("Stress");
        if (stress != null && !stress.isNull()) {
            virial = VirialUnits.fromVaspKbarMatrix(rows(stress, path + ".Stress", 3, "a 3×3 tensor"),
                    Math.abs(cell.volume()));
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("fitsnap_group", group);
        return new Configuration(new Structure(symbols, positions, cell), energy, forces, virial, group, source, info);
    }

    /** Blanks a first non-blank line that starts with '#' (FitSNAP's header), keeping line numbers. */
    private static String withoutHeader(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int start = 0;
        while (start < s.length() && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        if (start < s.length() && s.charAt(start) == '#') {
            int end = s.indexOf('\n', start);
            return s.substring(0, start) + (end < 0 ? "" : s.substring(end));
        }
        return s;
    }

    private JsonNode tree(String text) {
        if (text.isBlank()) {
            throw Uf3FormatException.inFile(file, "empty; expected a FitSNAP JSON document {\"Dataset\": {...}}");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw Uf3FormatException.atLine(file, line, "invalid JSON at column " + column + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    private String[] symbols(JsonNode node, String path, int n) {
        JsonNode a = array(node, path);
        if (a.size() != n) {
            throw Uf3FormatException.atField(file, path, a.size() + " atom types for NumAtoms = " + n);
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = a.get(i);
            if (v == null || !v.isTextual() || !Elements.isElement(v.textValue().trim())) {
                throw Uf3FormatException.atField(file, path + "[" + i + "]", "expected an element symbol, found " + v);
            }
            s[i] = v.textValue().trim();
        }
        return s;
    }

    /** {@code count} rows of three finite numbers, flattened. */
    private double[] rows(JsonNode node, String path, int count, String why) {
        JsonNode a = array(node, path);
        if (a.size() != count) {
            throw Uf3FormatException.atField(file, path, a.size() + " rows, expected " + count + " (" + why + ")");
        }
        double[] out = new double[3 * count];
        for (int i = 0; i < count; i++) {
            JsonNode row = array(a.get(i), path + "[" + i + "]");
            if (row.size() != 3) {
                throw Uf3FormatException.atField(file, path + "[" + i + "]", row.size() + " numbers, expected 3");
            }
            for (int k = 0; k < 3; k++) {
                out[3 * i + k] = number(row.get(k), path + "[" + i + "][" + k + "]");
            }
        }
        return out;
    }

    private JsonNode object(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw Uf3FormatException.atField(file, path, "missing; expected a JSON object");
        }
        if (!node.isObject()) {
            throw Uf3FormatException.atField(file, path, "expected a JSON object, found " + node.getNodeType());
        }
        return node;
    }

    private JsonNode array(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw Uf3FormatException.atField(file, path, "missing; expected a JSON array");
        }
        if (!node.isArray()) {
            throw Uf3FormatException.atField(file, path, "expected a JSON array, found " + node.getNodeType());
        }
        return node;
    }

    private double number(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw Uf3FormatException.atField(file, path, "missing; expected a number");
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw Uf3FormatException.atField(file, path, "expected a finite number, found " + node);
        }
        return node.doubleValue();
    }

    private int integer(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw Uf3FormatException.atField(file, path, "missing; expected an integer");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw Uf3FormatException.atField(file, path, "expected an integer, found " + node);
        }
        return node.intValue();
    }
}
