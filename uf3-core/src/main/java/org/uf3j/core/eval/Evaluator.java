package org.uf3j.core.eval;

import org.uf3j.core.structure.Structure;

/** One evaluation interface, several back ends (pure Java, native kernel): energy, forces, virial. */
public interface Evaluator {
    Evaluation evaluate(Structure structure);
}
