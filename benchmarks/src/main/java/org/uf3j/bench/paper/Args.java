package org.uf3j.bench.paper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the study mains: {@code --name value} (repeatable) and bare {@code --flag}s. */
final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Args(String[] args, String... flags) {
        List<String> f = List.of(flags);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name value)");
            }
            String name = a.substring(2);
            if (f.contains(name)) {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
            }
        }
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String get(String name, String def) {
        List<String> v = values.get(name);
        return v == null ? def : v.get(v.size() - 1);
    }

    int getInt(String name, int def) {
        return Integer.parseInt(get(name, String.valueOf(def)));
    }

    double getDouble(String name, double def) {
        return Double.parseDouble(get(name, String.valueOf(def)));
    }

    double[] doubles(String name, double... def) {
        String v = get(name, null);
        if (v == null) {
            return def.clone();
        }
        String[] t = v.split(",");
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = Double.parseDouble(t[i].trim());
        }
        return out;
    }
}
