package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uf3j.cli.fit.FitPipeline;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.CrossValidation;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;
import org.uf3j.fit.ModelSpec;

/** The CLI's fit with progress bars gives the same fit as the library's Fitter without them. */
class FitPipelineTest {
    @Test
    void sameChoiceAndCoefficientsAsFitter() throws IOException {
        List<Configuration> all = ExtXyzReader.readAll(Cli.quickstartData());
        List<Configuration> train = all.subList(0, 60);
        ModelSpec spec = ModelSpec.builder(List.of("W")).pairs(1.5, 5.5, 10).triplets(2.0, 3.8, 3).build();
        FitSettings s = FitSettings.builder(spec).grid(CrossValidation.grid(new double[] {1e-8, 1e-5}, new double[] {1e-7, 1e-4},
                1e-10, 1e-10)).kappas(0.3, 0.7).folds(4).seed(7).threads(2).build();
        FitResult a = new Fitter(s).fit(train);
        FitResult b = FitPipeline.fit(s, train, Progress.off());
        assertEquals(a.regularization(), b.regularization());
        assertEquals(a.kappa(), b.kappa());
        assertEquals(a.crossValidation().rows().size(), b.crossValidation().rows().size());
        for (int i = 0; i < a.crossValidation().rows().size(); i++) {
            var ra = a.crossValidation().rows().get(i);
            var rb = b.crossValidation().rows().get(i);
            assertEquals(ra.regularization(), rb.regularization());
            assertEquals(ra.kappa(), rb.kappa());
            assertEquals(ra.loss(), rb.loss(), 1e-9 * Math.abs(ra.loss()));
        }
        double scale = 0;
        for (double v : a.solution()) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < a.solution().length; i++) {
            assertEquals(a.solution()[i], b.solution()[i], 1e-7 * scale, "coefficient " + i);
        }
    }
}
