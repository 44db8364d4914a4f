package org.uf3j.core.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.model.Elements;

/**
 * Typed access to the fields of a parsed JSON document, throwing {@link Uf3FormatException} that
 * names the file and the field path (e.g. {@code pairs[1].knots}) when a value is missing or has
 * the wrong kind. Also the shared Jackson configuration: numbers parse to the nearest double
 * (JDK parser), NaN/Infinity literals are read so that they can be reported by field, and arrays
 * of numbers are written on one line.
 */
public final class JsonFields {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;

    /** Field access for a document read from {@code file} (the name used in messages). */
    public JsonFields(String file) {
        this.file = file;
    }

    /** The shared Jackson mapper (nearest-double numbers, NaN/Infinity read, trailing tokens rejected). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty printer: objects indented by two spaces, arrays kept on one line. */
    public static DefaultPrettyPrinter printer() {
        DefaultPrettyPrinter p = new DefaultPrettyPrinter();
        p.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        p.indentArraysWith(DefaultPrettyPrinter.NopIndenter.instance);
        return p;
    }

    /** Parses JSON text; syntax errors name the file, line and column. */
    public static JsonNode parse(String text, String file) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String msg = e.getOriginalMessage();
            throw Uf3FormatException.atLine(file, Math.max(line, 1), "invalid JSON at column " + column + ": " + msg, e);
        }
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** An error at field {@code path} of this file. */
    public Uf3FormatException error(String path, String what) {
        return Uf3FormatException.atField(file, path, what);
    }

    /** The object at {@code path}, or an error. */
    public JsonNode object(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw error(path, "missing; expected a JSON object");
        }
        if (!node.isObject()) {
            throw error(path, "expected a JSON object, found " + kind(node));
        }
        return node;
    }

    /** The array at {@code path}, or an error. */
    public JsonNode array(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw error(path, "missing; expected a JSON array");
        }
        if (!node.isArray()) {
            throw error(path, "expected a JSON array, found " + kind(node));
        }
        return node;
    }

    /** A finite number. */
    public double number(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw error(path, "missing; expected a number");
        }
        if (!node.isNumber()) {
            throw error(path, "expected a number, found " + kind(node));
        }
        double v = node.doubleValue();
        if (!Double.isFinite(v)) {
            throw error(path, "expected a finite number, found " + v);
        }
        return v;
    }

    /** An integer-valued number. */
    public int integer(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw error(path, "missing; expected an integer");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error(path, "expected an integer, found " + kind(node) + " " + node);
        }
        return node.intValue();
    }

    /** A string. */
    public String text(JsonNode node, String path) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw error(path, "missing; expected a string");
        }
        if (!node.isTextual()) {
            throw error(path, "expected a string, found " + kind(node));
        }
        return node.textValue();
    }

    /** An element symbol. */
    public String element(JsonNode node, String path) {
        String s = text(node, path);
        if (!Elements.isElement(s)) {
            throw error(path, "'" + s + "' is not an element symbol");
        }
        return s;
    }

    /** A list of element symbols. */
    public List<String> elements(JsonNode node, String path) {
        JsonNode a = array(node, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(element(a.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /** An array of finite numbers. */
    public double[] numbers(JsonNode node, String path) {
        JsonNode a = array(node, path);
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = number(a.get(i), path + "[" + i + "]");
        }
        return v;
    }

    /** A clamped knot vector. */
    public KnotSequence knots(JsonNode node, String path) {
        double[] v = numbers(node, path);
        try {
            return KnotSequence.of(v);
        } catch (IllegalArgumentException e) {
            throw Uf3FormatException.atField(file, path, e.getMessage(), e);
        }
    }

    /** The JSON kind of a node for messages ("object", "array", "string", ...). */
    public static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isNull()) {
            return "null";
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
