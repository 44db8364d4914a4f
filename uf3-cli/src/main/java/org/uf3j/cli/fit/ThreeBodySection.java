package org.uf3j.cli.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;

/**
 * The optional {@code three_body} section (its presence makes the fit UF2,3): knots of every
 * triplet term, per-triplet overrides keyed "C-A-B" ({@link Uf3Model#tripletKey}), and the
 * triplet terms to leave out of the fit ({@code exclude: [[C, A, B], ...]}, centre first, the
 * neighbours in either order).
 *
 * @param exclude keys of the excluded terms in the order given; entry i is {@code three_body.exclude[i]}
 */
public record ThreeBodySection(TripletKnots defaults, Map<String, TripletKnots> triplets, List<String> exclude) {
    static final Set<String> KEYS = Set.of("r_min", "r_max", "resolution", "resolution_jk", "triplets", "exclude");

    public ThreeBodySection {
        triplets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(triplets));
        exclude = List.copyOf(exclude);
    }

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
        List<String> exclude = new ArrayList<>();
        Node ex = th.get("exclude");
        if (!ex.isMissing()) {
            for (Node item : ex.items()) {
                String key = excludedKey(item);
                if (exclude.contains(key)) {
                    throw item.error("3-body term " + key + " is excluded twice (the two neighbours may come in either "
                            + "order)");
                }
                if (triplets.containsKey(key)) {
                    throw item.error("3-body term " + key + " also has its own knots under three_body.triplets; "
                            + "exclude it or give its knots, not both");
                }
                String problem = elements == null ? null : missingTerm(key, elements);
                if (problem != null) {
                    throw item.error(problem);
                }
                exclude.add(key);
            }
            if (elements != null && exclude.size() == termCount(elements)) {
                throw ex.error(allExcluded(elements));
            }
        }
        return new ThreeBodySection(three, triplets, exclude);
    }

    /** One entry [centre, neighbour, neighbour] of {@code exclude}, as a triplet key. */
    private static String excludedKey(Node item) {
        List<Node> parts = item.isArray() ? item.items() : null;
        if (parts == null || parts.size() != 3) {
            throw item.error("expected a 3-body term [centre, neighbour, neighbour], e.g. [Al, Co, Co], found "
                    + (parts == null ? item.describe() : "a list of " + parts.size()));
        }
        String[] el = new String[3];
        for (int k = 0; k < 3; k++) {
            el[k] = parts.get(k).text().trim();
            if (!Elements.isElement(el[k])) {
                throw parts.get(k).error("'" + el[k] + "' is not a chemical element symbol");
            }
        }
        return Uf3Model.tripletKey(el[0], el[1], el[2]);
    }

    /** Why an excluded key is not a term of a model over {@code elements}, or null when it is. */
    static String missingTerm(String key, List<String> elements) {
        for (String e : key.split("-")) {
            if (!elements.contains(e)) {
                return "there is no 3-body term " + key + " to exclude: element " + e + " is not one of the elements "
                        + elements;
            }
        }
        return null;
    }

    /** Number of triplet terms of a model over {@code elements}: centres × unordered neighbour pairs. */
    static int termCount(List<String> elements) {
        int n = elements.size();
        return n * n * (n + 1) / 2;
    }

    static String allExcluded(List<String> elements) {
        return "excludes every 3-body term of " + elements + "; remove the three_body section for a UF2 (pair-only) fit";
    }
}
