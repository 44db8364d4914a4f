package org.uf3j.nativekernel;

import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.testing.EvaluatorContract;

/** The native (JavaCPP) evaluator against the evaluator contract (finite differences, invariances, extensivity). */
class NativeEvaluatorContractTest extends EvaluatorContract {
    @Override
    protected Evaluator newEvaluator(Uf3Model model) {
        return new NativeEvaluator(model);
    }
}
