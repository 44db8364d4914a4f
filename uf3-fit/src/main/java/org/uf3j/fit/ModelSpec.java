package org.uf3j.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.basis.KnotSpacing;
import org.uf3j.core.model.Elements;
import org.uf3j.core.model.Uf3Model;

/**
 * The shape of a UF3 model before fitting: its elements, body order and the knots of every term.
 * A 2-body term has one {@link KnotSpec}; a 3-body term has three (legs ij, ik, jk). By default the
 * jk leg runs from the same r_min to twice the ij cutoff with twice the intervals (the ML-UF3 file
 * format requires r_jk = 2 r_ij). Chosen triplet terms may be excluded (a partial 3-body set, as
 * asked in the uf3 package's issue #119). Immutable; build with {@link #builder(List)}.
 */
public final class ModelSpec {
    private final List<String> elements;
    private final KnotSpacing spacing;
    private final Map<String, KnotSpec> pairs;
    private final Map<String, KnotSpec[]> triplets;
    private final List<String> excluded;

    private ModelSpec(List<String> elements, KnotSpacing spacing, Map<String, KnotSpec> pairs,
                      Map<String, KnotSpec[]> triplets, List<String> excluded) {
        this.elements = List.copyOf(elements);
        this.spacing = spacing;
        this.pairs = pairs;
        this.triplets = triplets;
        this.excluded = List.copyOf(excluded);
    }

    /** Starts a specification for these elements (any order; they are sorted by atomic number). */
    public static Builder builder(List<String> elements) {
        return new Builder(elements);
    }

    /** Elements sorted by atomic number. */
    public List<String> elements() {
        return elements;
    }

    public KnotSpacing spacing() {
        return spacing;
    }

    /** 2 for UF2, 3 for UF2,3. */
    public int bodyOrder() {
        return triplets.isEmpty() ? 2 : 3;
    }

    /** Knot axis of the pair term with key {@link Uf3Model#pairKey}. */
    public KnotSpec pair(String a, String b) {
        return pairs.get(Uf3Model.pairKey(a, b));
    }

    /**
     * Keys ({@link Uf3Model#tripletKey}) of the triplet terms left out of the fit, in model order:
     * they get no columns and the fitted model records them as absent.
     */
    public List<String> excludedTriplets() {
        return excluded;
    }

    /** Knot axes {ij, ik, jk} of a triplet term (centre; neighbours in either order), or null for UF2 and excluded terms. */
    public KnotSpec[] triplet(String centre, String a, String b) {
        KnotSpec[] t = triplets.get(Uf3Model.tripletKey(centre, a, b));
        return t == null ? null : t.clone();
    }

    public KnotSequence pairKnots(String a, String b) {
        return pair(a, b).knots(spacing);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ModelSpec[" + elements + ", " + spacing);
        pairs.forEach((k, v) -> sb.append(", 2B ").append(k).append(' ').append(v));
        triplets.forEach((k, v) -> sb.append(", 3B ").append(k).append(" ij=").append(v[0]).append(" ik=").append(v[1])
                .append(" jk=").append(v[2]));
        excluded.forEach(k -> sb.append(", 3B ").append(k).append(" excluded"));
        return sb.append(']').toString();
    }

    /** Collects default and per-term knot settings; every term without its own setting gets the default. */
    /**
     * The jk leg of a triplet term whose legs ij and ik run on [rMin, rMax]: [rMin, 2 rMax] with
     * {@code intervals}, the one place of the rule r_jk = 2 r_ij that the ML-UF3 file format requires.
     */
    public static KnotSpec jkLeg(double rMin, double rMax, int intervals) {
        return new KnotSpec(rMin, 2 * rMax, intervals);
    }

    public static final class Builder {
        private final List<String> elements;
        private KnotSpacing spacing = KnotSpacing.LINEAR;
        private KnotSpec pairDefault;
        private KnotSpec[] tripletDefault;
        private final Map<String, KnotSpec> pairs = new LinkedHashMap<>();
        private final Map<String, KnotSpec[]> triplets = new LinkedHashMap<>();
        private final java.util.Set<String> excluded = new java.util.LinkedHashSet<>();

        private Builder(List<String> elements) {
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("a model needs at least one element");
            }
            this.elements = Elements.sorted(elements);
        }

        public Builder spacing(KnotSpacing s) {
            this.spacing = s;
            return this;
        }

        /** Knots of every pair term without its own setting. */
        public Builder pairs(double rMin, double rMax, int intervals) {
            pairDefault = new KnotSpec(rMin, rMax, intervals);
            return this;
        }

        /** Knots of one pair term (elements in either order). */
        public Builder pair(String a, String b, double rMin, double rMax, int intervals) {
            pairs.put(checkedPairKey(a, b), new KnotSpec(rMin, rMax, intervals));
            return this;
        }

        /**
         * Makes the model UF2,3: every triplet term without its own setting gets legs ij and ik on
         * [rMin, rMax] with {@code intervals}, and leg jk on [rMin, 2 rMax] with {@code 2 intervals}.
         */
        public Builder triplets(double rMin, double rMax, int intervals) {
            return triplets(rMin, rMax, intervals, 2 * intervals);
        }

        /**
         * Makes the model UF2,3: every triplet term without its own setting gets legs ij and ik on
         * [rMin, rMax] with {@code intervals}, and leg jk ({@link #jkLeg}) with {@code jkIntervals}.
         */
        public Builder triplets(double rMin, double rMax, int intervals, int jkIntervals) {
            KnotSpec leg = new KnotSpec(rMin, rMax, intervals);
            tripletDefault = new KnotSpec[] {leg, leg, jkLeg(rMin, rMax, jkIntervals)};
            return this;
        }

        /** Makes the model UF2,3 with explicit legs for every triplet term without its own setting. */
        public Builder triplets(KnotSpec ij, KnotSpec ik, KnotSpec jk) {
            tripletDefault = new KnotSpec[] {ij, ik, jk};
            return this;
        }

        /**
         * Knots of one triplet term with legs ij and ik on [rMin, rMax] with {@code intervals} and leg
         * jk ({@link #jkLeg}) with {@code jkIntervals}.
         */
        public Builder triplet(String centre, String a, String b, double rMin, double rMax, int intervals,
                               int jkIntervals) {
            KnotSpec leg = new KnotSpec(rMin, rMax, intervals);
            return triplet(centre, a, b, leg, leg, jkLeg(rMin, rMax, jkIntervals));
        }

        /** Knots of one triplet term: leg ij goes to the lighter neighbour (by atomic number). */
        public Builder triplet(String centre, String a, String b, KnotSpec ij, KnotSpec ik, KnotSpec jk) {
            checkElement(centre);
            String key = Uf3Model.tripletKey(centre, a, b);
            checkElement(a);
            checkElement(b);
            triplets.put(key, new KnotSpec[] {ij, ik, jk});
            return this;
        }

        /**
         * Leaves the triplet term of a centre and two neighbours (either order) out of the fit: no
         * columns, absent from the fitted model. Needs a UF2,3 specification; a term cannot be both
         * excluded and given knots, and at least one term must stay.
         */
        public Builder exclude(String centre, String a, String b) {
            checkElement(centre);
            checkElement(a);
            checkElement(b);
            excluded.add(Uf3Model.tripletKey(centre, a, b));
            return this;
        }

        private String checkedPairKey(String a, String b) {
            checkElement(a);
            checkElement(b);
            return Uf3Model.pairKey(a, b);
        }

        private void checkElement(String e) {
            if (!elements.contains(e)) {
                throw new IllegalArgumentException("element " + e + " is not one of the model's elements " + elements);
            }
        }

        public ModelSpec build() {
            Map<String, KnotSpec> p = new LinkedHashMap<>();
            for (int a = 0; a < elements.size(); a++) {
                for (int b = a; b < elements.size(); b++) {
                    String key = Uf3Model.pairKey(elements.get(a), elements.get(b));
                    KnotSpec k = pairs.getOrDefault(key, pairDefault);
                    if (k == null) {
                        throw new IllegalArgumentException("no knots for the 2-body term " + key
                                + ": give pairs(rMin, rMax, intervals) or pair(" + key.replace("-", ", ") + ", ...)");
                    }
                    p.put(key, k);
                }
            }
            Map<String, KnotSpec[]> t = new LinkedHashMap<>();
            List<String> out = new ArrayList<>();
            if (!excluded.isEmpty() && tripletDefault == null && triplets.isEmpty()) {
                throw new IllegalArgumentException("3-body terms " + excluded + " are excluded from a UF2 model, which has"
                        + " no 3-body terms");
            }
            if (tripletDefault != null || !triplets.isEmpty()) {
                List<String> missing = new ArrayList<>();
                for (String c : elements) {
                    for (int a = 0; a < elements.size(); a++) {
                        for (int b = a; b < elements.size(); b++) {
                            String key = Uf3Model.tripletKey(c, elements.get(a), elements.get(b));
                            if (excluded.contains(key)) {
                                if (triplets.containsKey(key)) {
                                    throw new IllegalArgumentException("3-body term " + key
                                            + " is both excluded and given its own knots");
                                }
                                out.add(key);
                                continue;
                            }
                            KnotSpec[] k = triplets.getOrDefault(key, tripletDefault);
                            if (k == null) {
                                missing.add(key);
                            } else {
                                t.put(key, k.clone());
                            }
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException("no knots for the 3-body terms " + missing
                            + ": give triplets(rMin, rMax, intervals) as a default");
                }
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("every 3-body term is excluded (" + out.size()
                            + "): leave out the 3-body terms altogether for a UF2 model");
                }
            }
            return new ModelSpec(elements, spacing, p, t, out);
        }
    }
}
