package org.uf3j.fit.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uf3j.core.model.Uf3Model;
import org.uf3j.fit.FitResult;

class PosteriorFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryNumberAndChecksTheModel() throws IOException {
        FitResult fit = PosteriorTest.fit(PosteriorTest.data(20, 4));
        Path f = dir.resolve(PosteriorFile.NAME);
        PosteriorFile.write(fit.posterior(), f);
        Posterior back = PosteriorFile.read(f, fit.model());
        assertEquals(fit.posterior().noise(), back.noise());
        assertTrue(Arrays.equals(fit.posterior().mean(), back.mean()));
        assertTrue(Arrays.equals(fit.posterior().inverse(), back.inverse()));
        assertEquals(fit.posterior().spec().toString(), back.spec().toString());
        assertTrue(fit.posterior().energyRowWeight() > 0);
        assertEquals(fit.posterior().energyRowWeight(), back.energyRowWeight(), 0.0);
        assertEquals(fit.posterior().forceRowWeight(), back.forceRowWeight(), 0.0);
        SelectionDesign d = fit.posterior().design();
        assertTrue(d.alpha() > 0 && d.alpha() != 1, "α " + d.alpha());
        assertEquals(d.alpha(), back.design().alpha(), 0.0);
        assertEquals(d.energyRowWeight(), back.design().energyRowWeight(), 0.0);
        assertEquals(d.forceRowWeight(), back.design().forceRowWeight(), 0.0);
        assertTrue(Arrays.equals(d.matrix(), back.design().matrix()));
        assertEquals(f, PosteriorFile.besides(dir.resolve("potential.uf3")));
    }

    @Test
    void calibrationIsStoredAndOldFilesReadAsMeanSquare() throws IOException {
        FitResult fit = PosteriorTest.fit(PosteriorTest.data(20, 4), CalibrationMethod.quantile(0.9), 1);
        Path f = dir.resolve(PosteriorFile.NAME);
        PosteriorFile.write(fit.posterior(), f);
        byte[] bytes = Files.readAllBytes(f);
        int nl = indexOf(bytes, (byte) '\n');
        String header = new String(bytes, 0, nl, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"calibration\":\"quantile\",\"calibration_level\":0.9"), header);
        assertEquals(CalibrationMethod.quantile(0.9), PosteriorFile.read(f, fit.model()).noise().calibration());

        // a file written before the calibration was recorded: the same numbers, read as mean square
        String old = header.replace(",\"calibration\":\"quantile\",\"calibration_level\":0.9", "");
        Path oldFile = withHeader(bytes, nl, old, "old.uf3p");
        Posterior back = PosteriorFile.read(oldFile, fit.model());
        assertEquals(CalibrationMethod.mse(), back.noise().calibration());
        assertEquals(fit.posterior().noise().tauEnergy(), back.noise().tauEnergy(), 0.0);
        assertTrue(Arrays.equals(fit.posterior().inverse(), back.inverse()));

        Path bad = withHeader(bytes, nl, header.replace("\"calibration\":\"quantile\"", "\"calibration\":\"median\""), "bad.uf3p");
        assertMessage(bad, fit.model(), "field 'calibration'", "\"quantile\" or \"mse\"");
        Path level = withHeader(bytes, nl, header.replace("\"calibration_level\":0.9", "\"calibration_level\":1.5"), "level.uf3p");
        assertMessage(level, fit.model(), "field 'calibration_level'", "strictly between 0 and 1");
    }

    @Test
    void badFilesGiveOneLineNamingFileAndField() throws IOException {
        FitResult fit = PosteriorTest.fit(PosteriorTest.data(20, 4));
        Path f = dir.resolve(PosteriorFile.NAME);
        PosteriorFile.write(fit.posterior(), f);
        byte[] bytes = Files.readAllBytes(f);

        int p = fit.posterior().size();
        Path truncated = dir.resolve("truncated.uf3p");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 12));
        assertMessage(truncated, fit.model(), "field 'data (design)'", "ends early");
        Path noDesign = dir.resolve("no-design.uf3p");
        Files.write(noDesign, Arrays.copyOf(bytes, bytes.length - 8 * p * (p + 1) / 2 - 12));
        assertMessage(noDesign, fit.model(), "field 'data (covariance)'", "ends early");

        int nl = indexOf(bytes, (byte) '\n');
        String header = new String(bytes, 0, nl, StandardCharsets.UTF_8);
        Path kappa = withHeader(bytes, nl, header.replaceFirst("\"kappa\":[^,}]+", "\"kappa\":\"high\""), "kappa.uf3p");
        assertMessage(kappa, fit.model(), "field 'kappa'", "expected a number");

        Path cols = withHeader(bytes, nl, header.replaceFirst("\"columns\":\\d+", "\"columns\":3"), "cols.uf3p");
        assertMessage(cols, fit.model(), "field 'columns'", "expected");

        Path format = withHeader(bytes, nl, header.replace("uf3j-posterior", "something"), "format.uf3p");
        assertMessage(format, fit.model(), "field 'format'", "uf3j-posterior");

        Path json = dir.resolve("json.uf3p");
        Files.writeString(json, "{not json\n");
        assertMessage(json, null, "field 'header'", "JSON");

        // a posterior of another fit with the same knots
        FitResult other = PosteriorTest.fit(PosteriorTest.data(20, 5));
        assertMessage(f, other.model(), "field 'data (means)'", "another fit");

        Path missing = dir.resolve("nothing.uf3p");
        assertMessage(missing, fit.model(), "nothing.uf3p", "not found");
    }

    private Path withHeader(byte[] bytes, int nl, String header, String name) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + bytes.length - nl];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(bytes, nl, out, h.length, bytes.length - nl);
        Path p = dir.resolve(name);
        Files.write(p, out);
        return p;
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static void assertMessage(Path file, Uf3Model model, String... parts) {
        PosteriorFileException e = assertThrows(PosteriorFileException.class, () -> PosteriorFile.read(file, model));
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), m);
        assertTrue(!m.contains("\n"), m);
        for (String part : parts) {
            assertTrue(m.contains(part), "'" + part + "' missing in: " + m);
        }
    }
}
