package org.uf3j.core.eval;

import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.EvaluatorContract;

/** The pure-Java evaluator against the evaluator contract (finite differences, invariances, extensivity). */
class JavaEvaluatorContractTest extends EvaluatorContract {
    @Override
    protected Evaluator newEvaluator(Uf3Model model) {
        return new JavaEvaluator(model);
    }
}
