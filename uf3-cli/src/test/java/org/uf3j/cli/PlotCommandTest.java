package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.io.potential.ProjectModel;
import org.uf3j.core.io.potential.ProjectModelIO;
import org.uf3j.core.io.potential.Uf3FileWriter;

/** {@code uf3 plot}: which PNG files appear, and that they are real 1000×700 images. */
class PlotCommandTest {
    @TempDir
    Path dir;

    @Test
    void potentialOnlyGivesPairAndTripletPictures() throws IOException {
        Path m = dir.resolve("m.json");
        ProjectModelIO.write(ProjectModel.of(TestModels.uf23()), m);
        Path out = dir.resolve("plots");
        Cli.run("plot", "--potential", m.toString(), "-o", out.toString(), "--angle", "70.5").assertOk();
        assertEquals(Set.of("pair-W-W.png", "triplet-W-W-W-angle.png", "triplet-W-W-W-legs.png"), names(out));
        for (String f : names(out)) {
            BufferedImage img = ImageIO.read(out.resolve(f).toFile());
            assertNotNull(img, f);
            assertEquals(1000, img.getWidth());
            assertEquals(700, img.getHeight());
        }
    }

    @Test
    void withDataAndPredictionsAddsParityAndErrorHistograms() throws IOException {
        Path m = dir.resolve("W.uf3");
        Uf3FileWriter.create().write(TestModels.uf2(), m);
        Path out = dir.resolve("plots");
        Cli.Result r = Cli.run("plot", "-p", m.toString(), "--data", Cli.quickstartData().toString(), "--predictions", "-o",
                out.toString()).assertOk();
        assertEquals(Set.of("pair-W-W.png", "parity-energy.png", "parity-forces.png", "errors-energy.png",
                "errors-forces.png"), names(out));
        assertTrue(r.out().contains("wrote 5 plots"), r.out());
    }

    @Test
    void predictionsWithoutDataIsAnError() throws IOException {
        Path m = dir.resolve("m.json");
        ProjectModelIO.write(ProjectModel.of(TestModels.uf2()), m);
        Cli.run("plot", "-p", m.toString(), "--predictions", "-o", dir.resolve("x").toString())
                .assertError("plot", "--predictions needs --data");
    }

    private static Set<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

}
