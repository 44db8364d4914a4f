package org.uf3j.properties;

import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

/**
 * How far a potential reaches: the cutoff (largest distance at which two atoms interact) and the
 * force-constant range (largest separation of two atoms whose force constant can be non-zero: the
 * pair cutoff, or for a three-body term the largest j–k leg of a triplet centred on a third atom).
 * Sizes vacuum gaps and phonon supercells.
 */
public record InteractionRange(double cutoff, double forceConstantRange) {

    public InteractionRange {
        if (!(cutoff > 0) || !(forceConstantRange >= cutoff) || !Double.isFinite(forceConstantRange)) {
            throw new IllegalArgumentException("need 0 < cutoff <= force-constant range, got " + cutoff + ", "
                    + forceConstantRange);
        }
    }

    /** The range of a UF3 model. */
    public static InteractionRange of(Uf3Model model) {
        double cut = 0;
        double fc = 0;
        for (PairTerm p : model.pairTerms()) {
            cut = Math.max(cut, p.cutoff());
            fc = Math.max(fc, p.cutoff());
        }
        for (TripletTerm t : model.tripletTerms()) {
            double legs = Math.max(t.knotsIJ().max(), t.knotsIK().max());
            cut = Math.max(cut, legs);
            fc = Math.max(fc, Math.max(legs, Math.min(t.knotsJK().max(), t.knotsIJ().max() + t.knotsIK().max())));
        }
        return new InteractionRange(cut, Math.max(fc, cut));
    }

    /**
     * The range given in the options, else that of the evaluator's model when it is a
     * {@link JavaEvaluator}; other back ends must be told (PropertyOptions.withCutoff).
     */
    public static InteractionRange of(Evaluator evaluator, PropertyOptions options) {
        if (Double.isFinite(options.cutoff())) {
            double fc = Double.isFinite(options.forceConstantRange()) ? options.forceConstantRange() : options.cutoff();
            return new InteractionRange(options.cutoff(), Math.max(fc, options.cutoff()));
        }
        if (evaluator instanceof JavaEvaluator java) {
            return of(java.model());
        }
        throw new IllegalArgumentException("cannot tell the cutoff of a " + evaluator.getClass().getSimpleName()
                + ": set PropertyOptions.withCutoff(rc[, forceConstantRange])");
    }
}
