package org.uf3j.bench.peers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerResultsTest {
    @TempDir
    Path dir;

    private Path json(String text) throws IOException {
        return Files.writeString(dir.resolve("peers.json"), text);
    }

    @Test
    void readsMeasuredAndPublishedPointsAndDrawsBothPanels() throws IOException {
        Path f = json("""
                {"models": {"UF23": {"energy_rmse_meV": 4.6, "force_rmse_eVA": 0.13, "us_per_atom_step": 3.1, "note": "x"},
                            "SNAP": {"energy_rmse_meV": 40, "force_rmse_eVA": 0.5, "us_per_atom_step": 150}},
                 "published": {"GAP": {"energy_rmse_meV": 6.0, "force_rmse_eVA": 0.169, "us_per_atom_step": null}}}
                """);
        List<PeerPoint> points = PeerResults.read(f);
        assertEquals(List.of("UF23", "SNAP", "GAP"), points.stream().map(PeerPoint::model).toList());
        assertEquals(3.1, points.get(0).usPerAtomStep().getAsDouble());
        assertTrue(points.get(2).published());
        assertTrue(points.get(2).usPerAtomStep().isEmpty());
        assertEquals("UF2,3", points.get(0).label());
        assertTrue(points.get(0).dominates(points.get(1), false));
        assertTrue(points.get(0).dominates(points.get(1), true));
        assertFalse(points.get(1).dominates(points.get(0), true));
        assertFalse(points.get(0).dominates(points.get(2), false), "a point without a cost is never dominated");

        Path png = CostAccuracyPlot.write(points, "test", dir.resolve("cost.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * org.uf3j.plot.Charts.WIDTH, image.getWidth());
        assertEquals(org.uf3j.plot.Charts.HEIGHT, image.getHeight());
    }

    @Test
    void malformedFilesGiveOneLineNamingTheFileAndField() throws IOException {
        Path f = json("{\"models\": {\"POD\": {\"energy_rmse_meV\": 4.6, \"force_rmse_eVA\": \"big\", \"us_per_atom_step\": 3}}}");
        IOException e = assertThrows(IOException.class, () -> PeerResults.read(f));
        assertEquals(f + ": models.POD.force_rmse_eVA: expected a number, got \"big\"", e.getMessage());

        Path g = json("{\"models\": {\"POD\": {\"energy_rmse_meV\": 4.6, \"force_rmse_eVA\": 0.2}}}");
        e = assertThrows(IOException.class, () -> PeerResults.read(g));
        assertEquals(g + ": models.POD.us_per_atom_step: expected a number (a model measured here is timed)", e.getMessage());

        Path h = json("{\"split\": 1}");
        e = assertThrows(IOException.class, () -> PeerResults.read(h));
        assertTrue(e.getMessage().startsWith(h + ": expected a non-empty object 'models'"), e.getMessage());

        Path k = json("{\"models\": {\"EAM\": {\"energy_rmse_meV\": -1, \"force_rmse_eVA\": 0.2, \"us_per_atom_step\": 3}}}");
        e = assertThrows(IOException.class, () -> PeerResults.read(k));
        assertTrue(e.getMessage().startsWith(k + ": models.EAM: EAM: errors must be positive"), e.getMessage());
    }

    @Test
    void decadesBracketTheValues() {
        assertArrayEquals(new double[] {0.1, 1000}, CostAccuracyPlot.decades(new double[] {0.19, 272.5, 4.6}), 1e-12);
        assertArrayEquals(new double[] {1, 10}, CostAccuracyPlot.decades(new double[] {1}), 1e-12);
        assertArrayEquals(new double[] {1, 10}, CostAccuracyPlot.decades(new double[] {}), 1e-12);
    }
}
