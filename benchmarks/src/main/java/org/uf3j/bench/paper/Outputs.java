package org.uf3j.bench.paper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writing the studies' JSON and Markdown, and small helpers for JSON-ready values. */
final class Outputs {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Outputs() {
    }

    static void json(Path file, Object value) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
    }

    static void text(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A double for JSON: null when not finite. */
    static Object num(double v) {
        return Double.isFinite(v) ? (Object) v : null;
    }

    static List<Object> nums(double[] v) {
        List<Object> l = new ArrayList<>();
        for (double d : v) {
            l.add(num(d));
        }
        return l;
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Double d ? num(d) : v);
        }
        return m;
    }

    /** Machine facts for the reports (load varies: other work shares the machine). */
    static Map<String, Object> machine() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return map("processors", os.getAvailableProcessors(), "load_average_at_end", os.getSystemLoadAverage(),
                "java", System.getProperty("java.version"), "max_heap_MB", Runtime.getRuntime().maxMemory() / 1_000_000);
    }
}
