package org.uf3j.core.io.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uf3j.core.eval.Evaluation;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.core.structure.Configuration;
import org.uf3j.core.testing.TestData;

/**
 * The uf3 package's W models, loaded from JSON and evaluated with {@link JavaEvaluator} on the 5
 * original md_bulk W-14 frames, reproduce the DFT energies per atom up to a constant offset
 * (reference energies differ between fits) within a few meV to tens of meV.
 */
class Uf3ModelEnergiesOnTungstenTest {

    @ParameterizedTest
    @ValueSource(strings = {"model_unary.json", "model_2and3.json", "model_2.json", "manuscript_uf23.json"})
    void perAtomEnergyErrorsAreSmall(String name) throws Exception {
        Path frames = TestData.file("tungsten/w14_md_bulk_5frames_original.xyz");
        Uf3Model model = Uf3JsonModelReader.read(TestData.file("uf3-models/" + name));
        List<Configuration> configs = ExtXyzReader.readAll(frames);
        assertEquals(5, configs.size());
        JavaEvaluator ev = new JavaEvaluator(model);
        double[] err = new double[configs.size()];
        double mean = 0;
        double maxForceDiff = 0;
        double forceSq = 0;
        int forceCount = 0;
        for (int i = 0; i < configs.size(); i++) {
            Configuration c = configs.get(i);
            Evaluation e = ev.evaluate(c.structure());
            err[i] = (e.energy() - c.energy()) / c.size();
            mean += err[i] / configs.size();
            for (int k = 0; k < e.forces().length; k++) {
                double d = e.forces()[k] - c.forces()[k];
                maxForceDiff = Math.max(maxForceDiff, Math.abs(d));
                forceSq += d * d;
                forceCount++;
            }
        }
        double maxAfterOffset = 0;
        StringBuilder b = new StringBuilder();
        for (double v : err) {
            maxAfterOffset = Math.max(maxAfterOffset, Math.abs(v - mean));
            b.append(String.format(" %+.2f", 1000 * v));
        }
        System.out.printf("%-22s %s: per-atom error (meV):%s | mean offset %+.2f meV/atom, max |error - offset| %.2f "
                        + "meV/atom, force RMSE %.4f eV/Å, max |ΔF| %.4f eV/Å%n", name, model, b, 1000 * mean,
                1000 * maxAfterOffset, Math.sqrt(forceSq / forceCount), maxForceDiff);
        assertTrue(maxAfterOffset < 0.1, name + ": per-atom energy error after removing the mean offset is "
                + maxAfterOffset + " eV/atom");
        assertTrue(Math.abs(mean) < 1.0, name + ": mean per-atom offset " + mean + " eV/atom");
        assertTrue(Math.sqrt(forceSq / forceCount) < 1.0, name + ": force RMSE " + Math.sqrt(forceSq / forceCount));
    }

    /**
     * The old manuscript file stores the 3-body term as uf3's compressed vector; the decoding used
     * (value of l <= m stands for both c[l][m][n] and c[m][l][n]) must fit the DFT forces far better
     * than the two other readings one might guess (upper triangle only, or halved diagonal).
     */
    @Test
    void legacyDecodingIsTheOneThatFitsTheData() throws Exception {
        Uf3Model m = Uf3JsonModelReader.read(TestData.file("uf3-models/manuscript_uf23.json"));
        List<Configuration> configs = ExtXyzReader.readAll(TestData.file("tungsten/w14_md_bulk_5frames_original.xyz"));
        TripletTerm t = m.tripletTerms().get(0);
        int[] s = t.shape();
        double[] c = t.coefficients();
        double[] upperOnly = c.clone();
        double[] halfDiagonal = c.clone();
        for (int l = 0; l < s[0]; l++) {
            for (int k = 0; k < s[1]; k++) {
                for (int n = 0; n < s[2]; n++) {
                    int i = (l * s[1] + k) * s[2] + n;
                    if (l != k) { // "upper triangle only", symmetrised: each off-diagonal value shared by both entries
                        upperOnly[i] *= 0.5;
                    }
                    if (l == k) {
                        halfDiagonal[i] *= 0.5;
                    }
                }
            }
        }
        double chosen = forceRmse(m, configs);
        double upper = forceRmse(withTriplet(m, t, upperOnly), configs);
        double half = forceRmse(withTriplet(m, t, halfDiagonal), configs);
        System.out.printf("manuscript_uf23.json force RMSE: decoded %.4f, upper-triangle-only %.4f, halved diagonal "
                + "%.4f eV/Å%n", chosen, upper, half);
        assertTrue(chosen < 0.1, "decoded model force RMSE " + chosen);
        assertTrue(upper > 3 * chosen && half > 3 * chosen, "alternatives: " + upper + ", " + half);
    }

    private static Uf3Model withTriplet(Uf3Model m, TripletTerm t, double[] c) {
        return Uf3Model.builder().pair(m.pairTerms().get(0)).oneBody("W", m.oneBodyEnergy("W"))
                .triplet(new TripletTerm("W", "W", "W", t.knotsIJ(), t.knotsIK(), t.knotsJK(), c)).build();
    }

    private static double forceRmse(Uf3Model m, List<Configuration> configs) {
        JavaEvaluator ev = new JavaEvaluator(m);
        double sq = 0;
        int count = 0;
        for (Configuration c : configs) {
            double[] f = ev.evaluate(c.structure()).forces();
            for (int k = 0; k < f.length; k++) {
                sq += (f[k] - c.forces()[k]) * (f[k] - c.forces()[k]);
                count++;
            }
        }
        return Math.sqrt(sq / count);
    }
}
