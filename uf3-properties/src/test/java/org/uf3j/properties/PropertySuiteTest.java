package org.uf3j.properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uf3j.core.basis.KnotSequence;
import org.uf3j.core.eval.Evaluator;
import org.uf3j.core.eval.JavaEvaluator;
import org.uf3j.core.model.PairTerm;
import org.uf3j.core.model.TripletTerm;
import org.uf3j.core.model.Uf3Model;

class PropertySuiteTest {
    static final LennardJones LJ = LennardJones.copper();
    static final Evaluator EV = new JavaEvaluator(LJ.model("Cu"));

    @Test
    void fullFccRunIsConsistentAndSerialisable() {
        long t = System.nanoTime();
        PropertyReport r = PropertySuite.run(EV, "Cu", "fcc", PropertyOptions.defaults().withPhonons(0, 0.01, 8));
        double seconds = (System.nanoTime() - t) / 1e9;
        System.out.print(r.toMarkdown());
        System.out.println("stage seconds " + r.seconds() + ", total " + seconds);
        assertEquals(CubicLattice.FCC, r.lattice());
        assertEquals(LJ.rc, r.range().cutoff(), 1e-12);
        assertEquals(LJ.sums().equilibrium("fcc", 3.3, 4.0), r.a0(), 1e-5);
        ElasticConstants.Result c = r.elastic();
        assertEquals(c.c12(), c.c44(), 0.01 * c.c44(), "Cauchy");
        assertEquals(c.bulkModulus(), r.equilibrium().bulkModulusGPa(), 0.02 * c.bulkModulus());
        assertEquals(256, r.vacancy().atoms());
        assertTrue(r.vacancy().relaxed() < r.vacancy().unrelaxed() && r.vacancy().converged());
        assertEquals(3, r.surfaces().size());
        assertTrue(r.surface(SurfaceOrientation.S111).relaxed() < r.surface(SurfaceOrientation.S100).relaxed());
        assertTrue(r.surface(SurfaceOrientation.S100).vacuum() >= 15.0);
        assertEquals(4, r.phononSupercell());
        assertEquals(41, r.phonons().rows().size());
        assertTrue(r.notes().isEmpty(), r.notes().toString());

        Map<String, Object> m = r.toMap();
        assertEquals("fcc", m.get("structure"));
        assertEquals(r.a0(), (Double) m.get("lattice_constant"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> el = (Map<String, Object>) m.get("elastic_GPa");
        assertEquals(c.c11(), (Double) el.get("C11"), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) m.get("surfaces");
        assertEquals(List.of("100", "110", "111"), List.copyOf(s.keySet()));
        assertJsonReady(m);
        String json = assertDoesNotThrow(() -> new ObjectMapper().writeValueAsString(m));
        JsonNode back = assertDoesNotThrow(() -> new ObjectMapper().readTree(json));
        assertEquals(r.a0(), back.get("lattice_constant").asDouble(), 0);
        assertEquals(41, back.get("phonons").get("path").size());
        assertEquals("X", back.get("phonons").get("path").get(8).get("label").asText());
        assertTrue(r.toMarkdown().contains("| C44 (GPa) |"));
        String table = r.compare(ReferenceProperties.TUNGSTEN_DFT);
        assertTrue(table.contains("| a0 (Å) |") && table.contains("γ(110)") && table.contains("E_vac"), table);
    }

    /** Only String, Number, Boolean, null, List and Map with String keys: what a JSON writer takes. */
    static void assertJsonReady(Object o) {
        if (o == null || o instanceof String || o instanceof Boolean) {
            return;
        }
        if (o instanceof Number n) {
            assertTrue(Double.isFinite(n.doubleValue()), "non-finite number");
            return;
        }
        if (o instanceof List<?> l) {
            l.forEach(PropertySuiteTest::assertJsonReady);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                assertTrue(k instanceof String);
                assertJsonReady(v);
            });
            return;
        }
        throw new AssertionError("not JSON-ready: " + o.getClass());
    }

    @Test
    void bccRunAtAFixedLatticeConstantWithoutRelaxationReportsInstability() {
        PropertyOptions o = PropertyOptions.defaults().withFixedLatticeConstant(2.95).withRelaxation(false)
                .withSurfaces(List.of(SurfaceOrientation.S110)).withPhonons(0, 0.01, 4);
        PropertyReport r = PropertySuite.bcc(EV, "Cu", o);
        assertEquals(2.95, r.a0(), 0);
        assertEquals(128, r.vacancy().atoms());
        assertTrue(Double.isNaN(r.vacancy().relaxed()));
        assertNull(r.toMap().get("vacancy_formation_eV") instanceof Map<?, ?> v ? v.get("relaxed") : "missing");
        assertEquals(1, r.surfaces().size());
        assertTrue(r.phonons().minFrequency() < -1, "LJ bcc at 2.95 Å has imaginary modes");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("imaginary")), r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("fixed")), r.notes().toString());
        assertJsonReady(r.toMap());
    }

    @Test
    void otherEvaluatorsMustBeToldTheCutoff() {
        Evaluator wrapped = EV::evaluate; // not a JavaEvaluator: the suite cannot read its model
        PropertyOptions only = PropertyOptions.defaults().withProperties(false, false, false, false);
        assertThrows(IllegalArgumentException.class, () -> PropertySuite.fcc(wrapped, "Cu", only));
        PropertyReport r = PropertySuite.fcc(wrapped, "Cu", only.withCutoff(LJ.rc).withLatticeGuess(3.6));
        assertEquals(LJ.sums().equilibrium("fcc", 3.3, 4.0), r.a0(), 1e-5);
        assertNull(r.elastic());
        assertNull(r.phonons());
        assertNotNull(r.equilibrium().eos());
    }

    @Test
    void interactionRangeOfAThreeBodyModelCoversTheJkLeg() {
        KnotSequence pair = KnotSequence.linear(1.5, 5.5, 8);
        KnotSequence leg = KnotSequence.linear(1.5, 4.0, 5);
        KnotSequence jk = KnotSequence.linear(1.5, 8.0, 10);
        Uf3Model m = Uf3Model.builder()
                .pair(new PairTerm("W", "W", pair, new double[pair.basisCount()]))
                .triplet(new TripletTerm("W", "W", "W", leg, leg, jk,
                        new double[leg.basisCount() * leg.basisCount() * jk.basisCount()]))
                .build();
        InteractionRange r = InteractionRange.of(m);
        assertEquals(5.5, r.cutoff(), 0);
        assertEquals(8.0, r.forceConstantRange(), 0);
        assertEquals(6, PhononDispersion.supercellFor(3.18, r.forceConstantRange()), "6 × 3.18 Å > 16 Å");
    }
}
