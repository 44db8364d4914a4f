package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.io.potential.Uf3JsonModelReader;
import org.uf3j.core.model.Uf3Model;

/**
 * The UF3 paper's own W models (written by the uf3 Python package, in ../shared/data/uf3-models)
 * through the whole suite, against the DFT values of the W-14 data they were fitted to. Skipped
 * where the shared data are absent.
 */
class TungstenModelPropertiesTest {

    static Path model(String name) {
        String dir = System.getProperty("uf3.data");
        if (dir == null) {
            dir = System.getenv("UF3_DATA");
        }
        Path p = Path.of(dir == null ? "../../shared/data" : dir).resolve("uf3-models").resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared data not found (" + p + "): set UF3_DATA or -Duf3.data");
        return p;
    }

    static void within(double reference, double value, double fraction, String what) {
        assertEquals(reference, value, fraction * Math.abs(reference), what);
    }

    @Test
    void paperUf23ModelReproducesTheDftPropertiesOfBccTungsten() throws Exception {
        Uf3Model m = Uf3JsonModelReader.read(model("manuscript_uf23.json"));
        long t = System.nanoTime();
        PropertyReport r = PropertySuite.bcc(new JavaEvaluator(m), "W", PropertyOptions.defaults().withPhonons(0, 0.01, 10));
        double seconds = (System.nanoTime() - t) / 1e9;
        ReferenceProperties dft = ReferenceProperties.TUNGSTEN_DFT;
        System.out.print(r.toMarkdown());
        System.out.print(r.compare(dft));
        System.out.printf("W UF2,3 suite: %.2f s %s%n", seconds, r.seconds());
        within(dft.a0(), r.a0(), 0.005, "a0");
        within(dft.c11(), r.elastic().c11(), 0.15, "C11");
        within(dft.c12(), r.elastic().c12(), 0.15, "C12");
        within(dft.c44(), r.elastic().c44(), 0.15, "C44");
        within(dft.bulkModulus(), r.elastic().bulkModulus(), 0.15, "B");
        within(r.elastic().bulkModulus(), r.equilibrium().bulkModulusGPa(), 0.01, "B(EOS) vs (C11+2C12)/3");
        within(dft.vacancy(), r.vacancy().relaxed(), 0.10, "vacancy");
        for (SurfaceEnergy.Result s : r.surfaces()) {
            within(dft.surfaces().get(s.orientation().miller()), s.relaxed(), 0.10, "surface " + s.orientation());
        }
        // DFT order (110) < (111) < (100)
        assertTrue(r.surface(SurfaceOrientation.S110).relaxed() < r.surface(SurfaceOrientation.S111).relaxed()
                && r.surface(SurfaceOrientation.S111).relaxed() < r.surface(SurfaceOrientation.S100).relaxed());
        // three-body force constants reach 8.5 Å: 6 cubes (19 Å) for the phonons; stable, H near 5.5 THz
        assertEquals(6, r.phononSupercell());
        assertTrue(r.phonons().minFrequency() > -0.01, "bcc W is dynamically stable");
        double h = r.phonons().rows().stream().filter(x -> x.label().equals("H")).findFirst().orElseThrow().frequencies()[0];
        assertTrue(h > 4.5 && h < 6.5, "H-point frequency " + h);
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void pairOnlyModelObeysTheCauchyRelation() throws Exception {
        Uf3Model m = Uf3JsonModelReader.read(model("model_2.json"));
        PropertyReport r = PropertySuite.bcc(new JavaEvaluator(m), "W", PropertyOptions.defaults()
                .withProperties(true, false, false, false));
        assertEquals(2, m.bodyOrder());
        assertEquals(r.elastic().c12(), r.elastic().c44(), 1e-4 * r.elastic().c44(), "C12 = C44 for central pair forces");
        within(dft().a0(), r.a0(), 0.01, "a0");
    }

    static ReferenceProperties dft() {
        return ReferenceProperties.TUNGSTEN_DFT;
    }
}
