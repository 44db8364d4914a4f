package org.uf3j.cli.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.model.Uf3Model;

/**
 * The optional {@code three_body} section (its presence makes the fit UF2,3): knots of every
 * triplet term, and per-triplet overrides keyed "C-A-B" ({@link Uf3Model#tripletKey}).
 */
public record ThreeBodySection(TripletKnots defaults, Map<String, TripletKnots> triplets) {
    static final Set<String> KEYS = Set.of("r_min", "r_max", "resolution", "resolution_jk", "triplets");

    /** Reads the section, or returns null when it is absent (UF2). */
    static ThreeBodySection read(Node th, List<String> elements, boolean needsPositive) {
        if (th.isMissing()) {
            return null;
        }
        th.onlyKeys(KEYS);
        TripletKnots three = TripletKnots.read(th, null, needsPositive);
        Map<String, TripletKnots> triplets = new LinkedHashMap<>();
        Node tn = th.get("triplets");
        if (!tn.isMissing()) {
            for (Map.Entry<String, Node> e : tn.entries().entrySet()) {
                String[] el = ConfigValues.elementKey(e.getValue(), e.getKey(), 3, elements);
                String key = Uf3Model.tripletKey(el[0], el[1], el[2]);
                if (triplets.containsKey(key)) {
                    throw e.getValue().error("triplet " + key + " is given twice");
                }
                e.getValue().onlyKeys(TripletKnots.KEYS);
                triplets.put(key, TripletKnots.read(e.getValue(), three, needsPositive));
            }
        }
        return new ThreeBodySection(three, triplets);
    }
}
