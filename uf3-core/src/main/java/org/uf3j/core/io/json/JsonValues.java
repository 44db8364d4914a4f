package org.uf3j.core.io.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalises free-form values (for the hyper-parameter, provenance and metrics maps) to the plain
 * JSON-like Java types that a JSON file gives back, so that written and re-read maps are equal:
 * unmodifiable {@code Map<String, Object>} (insertion order) and {@code List<Object>}, String,
 * Boolean, Long (every integral number that fits), BigInteger, Double, and null. Non-finite
 * doubles become null (JSON cannot hold them); other objects become their {@code toString()}.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** A normalised, unmodifiable copy of a map (null gives an empty map). */
    public static Map<String, Object> freezeMap(Map<?, ?> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.put(String.valueOf(e.getKey()), freeze(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The normalised form of one value. */
    public static Object freeze(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.util.concurrent.atomic.AtomicInteger || v instanceof java.util.concurrent.atomic.AtomicLong) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof Float || v instanceof Double || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Map<?, ?> m) {
            return freezeMap(m);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            for (Object o : it) {
                out.add(freeze(o));
            }
            return Collections.unmodifiableList(out);
        }
        if (v.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                out.add(freeze(Array.get(v, i)));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }

    /** The plain Java value of a parsed JSON node, in normalised form. */
    public static Object fromJson(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), fromJson(e.getValue()));
            }
            return Collections.unmodifiableMap(out);
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode c : n) {
                out.add(fromJson(c));
            }
            return Collections.unmodifiableList(out);
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return freeze(n.bigIntegerValue());
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return n.asText();
    }
}
