package org.uf3j.core.gamma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The D-optimal active sets of a potential, one per element of the central atom, from which the
 * per-atom extrapolation grade γ is computed (γ ≤ 1 inside the training data, &gt; 1 outside).
 * Stored next to the potential as a side file ({@link ActiveSetFile}); a potential without one
 * still loads everywhere. Immutable.
 */
public final class ActiveSet {
    private final Map<String, ElementActiveSet> byElement;

    public ActiveSet(List<ElementActiveSet> elements) {
        Map<String, ElementActiveSet> m = new LinkedHashMap<>();
        for (ElementActiveSet e : elements) {
            m.put(e.element(), e);
        }
        this.byElement = Collections.unmodifiableMap(m);
    }

    /** The active set of an element, or null when the training set had none of its atoms. */
    public ElementActiveSet of(String element) {
        return byElement.get(element);
    }

    public List<ElementActiveSet> elements() {
        return List.copyOf(byElement.values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActiveSet a && byElement.equals(a.byElement);
    }

    @Override
    public int hashCode() {
        return byElement.hashCode();
    }
}
