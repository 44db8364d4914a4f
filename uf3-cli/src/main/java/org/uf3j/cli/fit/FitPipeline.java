package org.uf3j.cli.fit;

import java.util.List;
import org.uf3j.cli.Progress;
import org.uf3j.core.structure.Configuration;
import org.uf3j.fit.FitProgress;
import org.uf3j.fit.FitResult;
import org.uf3j.fit.FitSettings;
import org.uf3j.fit.Fitter;

/**
 * {@link Fitter#fit} with the CLI's progress bars: the library's stages ("featurising" in
 * configurations, "solving" in linear systems) are shown as bars; the fit itself is the library's.
 */
public final class FitPipeline {
    private FitPipeline() {
    }

    /** Fits on the training configurations, showing a bar for each stage. */
    public static FitResult fit(FitSettings settings, List<Configuration> training, Progress progress) {
        try (Bars bars = new Bars(progress)) {
            return new Fitter(settings).fit(training, bars);
        }
    }

    /** Opens a bar when a stage starts and closes it when the next one starts or the fit ends. */
    private static final class Bars implements FitProgress, AutoCloseable {
        private final Progress progress;
        private Progress.Bar bar;

        Bars(Progress progress) {
            this.progress = progress;
        }

        @Override
        public synchronized void stage(String name, long total) {
            close();
            bar = progress.start(name, total, name.equals("featurising") ? "configs" : "systems");
        }

        @Override
        public synchronized void advance(long count) {
            if (bar != null) {
                bar.step(count);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
