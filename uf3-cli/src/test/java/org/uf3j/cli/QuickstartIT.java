package org.uf3j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/quickstart end to end (fit, metrics table, .uf3, plots, LAMMPS MD) as the README's first command. */
class QuickstartIT {
    @TempDir
    Path dir;

    @Test
    void runsGreenAndMeetsItsTargets() throws Exception {
        Path out = dir.resolve("qs");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(Cli.root().resolve("bin/quickstart").toString())))
                .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("QUICKSTART_OUT", out.toString());
        Path log = dir.resolve("quickstart.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(1800, TimeUnit.SECONDS), "bin/quickstart finished in 30 minutes");
        String text = Files.readString(log);
        assertTrue(p.exitValue() == 0, () -> "bin/quickstart failed:\n" + text);
        for (String f : List.of("potential.uf3", "model.json", "metrics.md", "in.lammps", "md.log", "plots/pair-W-W.png",
                "plots/parity-forces-test.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Matcher all = Pattern.compile("(?m)^all\\s+\\d+\\s+(\\S+)\\s+\\S+\\s+(\\S+)\\s+\\S+\\s+\\d+\\s+(\\S+)\\s+\\S+\\s+(\\S+)")
                .matcher(text);
        assertTrue(all.find(), text);
        double testE = Double.parseDouble(all.group(3));
        double testF = Double.parseDouble(all.group(4));
        assertTrue(testE < 5, "test energy RMSE " + testE + " meV/atom");
        assertTrue(testF < 0.1, "test force RMSE " + testF + " eV/Å");
        Matcher t = Pattern.compile("mean temperature over the second half: (\\S+) K").matcher(text);
        assertTrue(t.find(), text);
        double temp = Double.parseDouble(t.group(1));
        assertTrue(temp > 250 && temp < 350, "MD temperature " + temp);
        Matcher d = Pattern.compile("conserved-energy drift \\(NVT Econserve\\): (\\S+) eV/atom").matcher(text);
        assertTrue(d.find(), text);
        assertTrue(Math.abs(Double.parseDouble(d.group(1))) < 1e-3, "energy drift " + d.group(1));
    }
}
