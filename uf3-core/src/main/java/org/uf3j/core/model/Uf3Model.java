package org.uf3j.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete UF3 potential: elements (ordered by atomic number), one-body energies, a two-body
 * term for every unordered element pair and, for UF2,3, a three-body term for every
 * (centre; neighbour pair) that is not explicitly left out. A left-out ("absent") triplet term
 * contributes nothing, the same as a term whose coefficients are all zero; it is recorded so that
 * a partial 3-body set is told apart from an incomplete model. Immutable; build it with {@link Builder}.
 */
public final class Uf3Model {
    private final List<String> elements;
    private final Map<String, Double> oneBody;
    private final Map<String, PairTerm> pairs;
    private final Map<String, TripletTerm> triplets;
    private final List<String> absent;

    private Uf3Model(List<String> elements, Map<String, Double> oneBody, Map<String, PairTerm> pairs,
                     Map<String, TripletTerm> triplets, List<String> absent) {
        this.elements = List.copyOf(elements);
        Map<String, Double> energies = new LinkedHashMap<>();
        for (String e : elements) {
            energies.put(e, oneBody.getOrDefault(e, 0.0));
        }
        for (String e : oneBody.keySet()) {
            if (!energies.containsKey(e)) {
                throw new IllegalArgumentException("one-body energy given for " + e + ", which is not an element of the model " + elements);
            }
        }
        this.oneBody = Collections.unmodifiableMap(energies);
        this.pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
        this.triplets = Collections.unmodifiableMap(new LinkedHashMap<>(triplets));
        this.absent = List.copyOf(absent);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Key of an unordered element pair, e.g. "Nb-W" (sorted by atomic number). */
    public static String pairKey(String a, String b) {
        return Elements.atomicNumber(a) <= Elements.atomicNumber(b) ? a + "-" + b : b + "-" + a;
    }

    /** Key of a centre and an unordered neighbour pair, e.g. "W-Nb-W" (neighbours sorted). */
    public static String tripletKey(String centre, String a, String b) {
        return centre + "-" + pairKey(a, b);
    }

    /** Elements ordered by atomic number. */
    public List<String> elements() {
        return elements;
    }

    /** 2 for a pair potential (UF2), 3 when it has three-body terms (UF2,3). */
    public int bodyOrder() {
        return triplets.isEmpty() ? 2 : 3;
    }

    public double oneBodyEnergy(String element) {
        return oneBody.getOrDefault(element, 0.0);
    }

    /** One-body energies per element (eV), in element order; elements given none have 0. */
    public Map<String, Double> oneBodyEnergies() {
        return oneBody;
    }

    /** The pair term of two elements in either order, or null when the model has none. */
    public PairTerm pair(String a, String b) {
        return pairs.get(pairKey(a, b));
    }

    /** The triplet term of a centre and two neighbours in either order, or null (UF2, or a term left out). */
    public TripletTerm triplet(String centre, String a, String b) {
        return triplets.get(tripletKey(centre, a, b));
    }

    /**
     * Keys ({@link #tripletKey}) of the triplet terms this UF2,3 model leaves out, in model order
     * (centres, then neighbour pairs, by atomic number); empty for a complete set and for UF2.
     */
    public List<String> absentTriplets() {
        return absent;
    }

    /** Whether the triplet term of a centre and two neighbours (either order) is left out. */
    public boolean isTripletAbsent(String centre, String a, String b) {
        return absent.contains(tripletKey(centre, a, b));
    }

    public List<PairTerm> pairTerms() {
        return new ArrayList<>(pairs.values());
    }

    public List<TripletTerm> tripletTerms() {
        return new ArrayList<>(triplets.values());
    }

    /** The largest interaction distance of any term (the neighbour-list cutoff). */
    public double maxCutoff() {
        double c = 0;
        for (PairTerm p : pairs.values()) {
            c = Math.max(c, p.cutoff());
        }
        for (TripletTerm t : triplets.values()) {
            c = Math.max(c, Math.max(t.knotsIJ().max(), t.knotsIK().max()));
        }
        return c;
    }

    /** Same model with other one-body energies. */
    public Uf3Model withOneBodyEnergies(Map<String, Double> energies) {
        return new Uf3Model(elements, energies, pairs, triplets, absent);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uf3Model m && elements.equals(m.elements) && oneBody.equals(m.oneBody)
                && pairs.equals(m.pairs) && triplets.equals(m.triplets) && absent.equals(m.absent);
    }

    @Override
    public int hashCode() {
        return elements.hashCode() * 31 + pairs.hashCode();
    }

    @Override
    public String toString() {
        return "Uf3Model[" + String.join(",", elements) + ", UF" + (bodyOrder() == 2 ? "2" : "2,3") + ", "
                + pairs.size() + " pair terms, " + triplets.size() + " triplet terms"
                + (absent.isEmpty() ? "" : " (" + absent.size() + " left out: " + String.join(", ", absent) + ")") + "]";
    }

    /** Collects terms and checks that the model is complete before building it. */
    public static final class Builder {
        private final List<String> elements = new ArrayList<>();
        private final Map<String, Double> oneBody = new LinkedHashMap<>();
        private final Map<String, PairTerm> pairs = new LinkedHashMap<>();
        private final Map<String, TripletTerm> triplets = new LinkedHashMap<>();
        private final java.util.Set<String> absent = new java.util.LinkedHashSet<>();

        public Builder elements(List<String> symbols) {
            elements.clear();
            elements.addAll(Elements.sorted(symbols));
            return this;
        }

        public Builder oneBody(String element, double energy) {
            if (!Double.isFinite(energy)) {
                throw new IllegalArgumentException("one-body energy of " + element + " is " + energy);
            }
            oneBody.put(element, energy);
            return this;
        }

        public Builder pair(PairTerm term) {
            pairs.put(pairKey(term.first(), term.second()), term);
            return this;
        }

        public Builder triplet(TripletTerm term) {
            triplets.put(tripletKey(term.centre(), term.first(), term.second()), term);
            return this;
        }

        /** Leaves out the triplet term of a centre and two neighbours (either order): it contributes nothing. */
        public Builder absentTriplet(String centre, String a, String b) {
            absent.add(tripletKey(centre, a, b));
            return this;
        }

        /**
         * Builds the model. Elements default to those named by the terms. Every element pair must
         * have a pair term, and if any triplet term exists every (centre; pair) must have one or be
         * marked absent ({@link #absentTriplet}), not both. When no triplet term exists the model is
         * UF2 and absent marks are dropped (leaving out every triplet is a pair potential).
         */
        public Uf3Model build() {
            List<String> els = new ArrayList<>(elements);
            if (els.isEmpty()) {
                List<String> named = new ArrayList<>();
                pairs.values().forEach(p -> {
                    named.add(p.first());
                    named.add(p.second());
                });
                triplets.values().forEach(t -> {
                    named.add(t.centre());
                    named.add(t.first());
                    named.add(t.second());
                });
                absent.forEach(k -> named.addAll(List.of(k.split("-"))));
                els = Elements.sorted(named);
            }
            if (els.isEmpty()) {
                throw new IllegalArgumentException("a model needs at least one element and one pair term");
            }
            Map<String, PairTerm> orderedPairs = new LinkedHashMap<>();
            Map<String, TripletTerm> orderedTriplets = new LinkedHashMap<>();
            List<String> orderedAbsent = new ArrayList<>();
            for (int a = 0; a < els.size(); a++) {
                for (int b = a; b < els.size(); b++) {
                    String key = pairKey(els.get(a), els.get(b));
                    PairTerm p = pairs.get(key);
                    if (p == null) {
                        throw new IllegalArgumentException("model has no 2-body term for " + key);
                    }
                    orderedPairs.put(key, p);
                }
            }
            if (!triplets.isEmpty()) {
                for (String c : els) {
                    for (int a = 0; a < els.size(); a++) {
                        for (int b = a; b < els.size(); b++) {
                            String key = tripletKey(c, els.get(a), els.get(b));
                            TripletTerm t = triplets.get(key);
                            if (t != null && absent.contains(key)) {
                                throw new IllegalArgumentException("3-body term " + key + " is both given and marked absent");
                            }
                            if (absent.contains(key)) {
                                orderedAbsent.add(key);
                                continue;
                            }
                            if (t == null) {
                                throw new IllegalArgumentException("model has no 3-body term for " + key);
                            }
                            orderedTriplets.put(key, t);
                        }
                    }
                }
            }
            for (String k : pairs.keySet()) {
                if (!orderedPairs.containsKey(k)) {
                    throw new IllegalArgumentException("2-body term " + k + " names an element outside " + els);
                }
            }
            for (String k : triplets.keySet()) {
                if (!orderedTriplets.containsKey(k)) {
                    throw new IllegalArgumentException("3-body term " + k + " names an element outside " + els);
                }
            }
            if (!triplets.isEmpty()) {
                for (String k : absent) {
                    if (!orderedAbsent.contains(k)) {
                        throw new IllegalArgumentException("absent 3-body term " + k + " names an element outside " + els);
                    }
                }
            }
            return new Uf3Model(els, oneBody, orderedPairs, orderedTriplets, orderedAbsent);
        }
    }
}
