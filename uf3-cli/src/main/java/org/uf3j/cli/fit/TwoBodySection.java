package org.uf3j.cli.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.model.Uf3Model;

/**
 * The {@code two_body} section: knots of every pair term, and per-pair overrides keyed "A-B"
 * (elements in atomic-number order, {@link Uf3Model#pairKey}).
 */
public record TwoBodySection(Knots defaults, Map<String, Knots> pairs) {
    static final Set<String> KEYS = Set.of("r_min", "r_max", "resolution", "pairs");

    /** Reads the required section; {@code elements} is null when the configuration names none. */
    static TwoBodySection read(Node tb, List<String> elements, boolean needsPositive) {
        if (tb.isMissing()) {
            throw tb.error("missing (required): give r_min, r_max and resolution of the 2-body terms");
        }
        tb.onlyKeys(KEYS);
        Knots two = Knots.read(tb, null, needsPositive);
        Map<String, Knots> pairs = new LinkedHashMap<>();
        Node pn = tb.get("pairs");
        if (!pn.isMissing()) {
            for (Map.Entry<String, Node> e : pn.entries().entrySet()) {
                String[] el = ConfigValues.elementKey(e.getValue(), e.getKey(), 2, elements);
                String key = Uf3Model.pairKey(el[0], el[1]);
                if (pairs.containsKey(key)) {
                    throw e.getValue().error("pair " + key + " is given twice");
                }
                e.getValue().onlyKeys(Knots.KEYS);
                pairs.put(key, Knots.read(e.getValue(), two, needsPositive));
            }
        }
        return new TwoBodySection(two, pairs);
    }
}
