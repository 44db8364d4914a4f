package org.uf3j.core.eval;

import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.EvaluatorContract;

/** The Java evaluator with its scalar triplet contraction (the path without the Vector API) against the contract. */
class ScalarJavaEvaluatorContractTest extends EvaluatorContract {
    @Override
    protected Evaluator newEvaluator(Uf3Model model) {
        return new JavaEvaluator(model, new ScalarTripletContraction());
    }
}
