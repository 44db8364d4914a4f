package org.uf3j.bench.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads the points of a head-to-head results file (benchmarks/peers/results/inp.json, w14.json):
 * every entry of {@code models} (measured here) and of the optional {@code published} (from papers),
 * each with {@code energy_rmse_meV}, {@code force_rmse_eVA} and {@code us_per_atom_step} (null or
 * absent for a published cost nobody could source). A malformed file is one line naming the file
 * and the field.
 */
public final class PeerResults {
    private PeerResults() {
    }

    /** The points of one results file, measured models first, in file order. */
    public static List<PeerPoint> read(Path json) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(json));
        } catch (JsonProcessingException e) {
            throw new IOException(json + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isObject() || models.isEmpty()) {
            throw new IOException(json + ": expected a non-empty object 'models' (model name -> errors and cost)");
        }
        List<PeerPoint> out = new ArrayList<>();
        add(json, "models", models, false, out);
        JsonNode published = root.get("published");
        if (published != null && !published.isNull()) {
            if (!published.isObject()) {
                throw new IOException(json + ": 'published' must be an object (model name -> published errors)");
            }
            add(json, "published", published, true, out);
        }
        return out;
    }

    private static void add(Path json, String section, JsonNode node, boolean published, List<PeerPoint> out)
            throws IOException {
        for (var it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = section + "." + e.getKey();
            double energy = number(json, where, e.getValue(), "energy_rmse_meV");
            double force = number(json, where, e.getValue(), "force_rmse_eVA");
            JsonNode cost = e.getValue().get("us_per_atom_step");
            OptionalDouble us;
            if (cost == null || cost.isNull()) {
                if (!published) {
                    throw new IOException(json + ": " + where + ".us_per_atom_step: expected a number (a model measured here is timed)");
                }
                us = OptionalDouble.empty();
            } else {
                us = OptionalDouble.of(number(json, where, e.getValue(), "us_per_atom_step"));
            }
            try {
                out.add(new PeerPoint(e.getKey(), energy, force, us, published));
            } catch (IllegalArgumentException bad) {
                throw new IOException(json + ": " + where + ": " + bad.getMessage());
            }
        }
    }

    private static double number(Path json, String where, JsonNode entry, String key) throws IOException {
        JsonNode v = entry.get(key);
        if (v == null || !v.isNumber()) {
            throw new IOException(json + ": " + where + "." + key + ": expected a number, got "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asDouble();
    }
}
