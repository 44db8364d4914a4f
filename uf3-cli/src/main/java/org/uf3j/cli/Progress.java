package org.uf3j.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr, drawn by the {@code me.tongfei:progressbar} library. On a terminal the
 * bar redraws in place; when stderr is not a terminal (a log file, CI) each bar prints once, as one
 * line, when its stage ends; with {@code --quiet} nothing is printed. {@code UF3_PROGRESS=always}
 * or {@code never} overrides the terminal detection.
 */
public final class Progress {
    private static final int WIDTH = 100;

    private enum Mode { LIVE, SUMMARY, OFF }

    private final PrintStream err;
    private final Mode mode;

    private Progress(PrintStream err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    /** Progress for a command run: live on a terminal, one line per stage otherwise, none with --quiet. */
    public static Progress of(Uf3Command root) {
        if (root == null || root.quiet()) {
            return new Progress(null, Mode.OFF);
        }
        String env = System.getenv("UF3_PROGRESS");
        boolean terminal = "always".equals(env) || (!"never".equals(env) && System.console() != null);
        if ("never".equals(env)) {
            return new Progress(null, Mode.OFF);
        }
        return new Progress(root.err(), terminal ? Mode.LIVE : Mode.SUMMARY);
    }

    /** No output at all. */
    public static Progress off() {
        return new Progress(null, Mode.OFF);
    }

    /** Starts a bar of {@code max} steps counted in {@code unit} (e.g. "configs"); max &lt; 0 for an unknown total. */
    public Bar start(String task, long max, String unit) {
        return start(task, max, unit, 1);
    }

    /** Starts a bar whose steps are shown divided by {@code unitSize} (e.g. bytes shown as MB: "MB", 1 << 20). */
    public Bar start(String task, long max, String unit, long unitSize) {
        if (mode == Mode.OFF) {
            return new Bar(null);
        }
        ProgressBarConsumer consumer = mode == Mode.LIVE ? new ConsoleProgressBarConsumer(err, WIDTH) : new LastLine(err);
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(String.format("%-12s", task)).setInitialMax(max)
                .setStyle(mode == Mode.LIVE ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUnit(" " + unit, unitSize).setConsumer(consumer).setUpdateIntervalMillis(mode == Mode.LIVE ? 100 : 60_000)
                .setSpeedUnit(ChronoUnit.SECONDS).setMaxRenderedLength(WIDTH);
        if (mode == Mode.SUMMARY) {
            b.hideEta();
        }
        return new Bar(b.build());
    }

    /** One stage's bar; closing it completes the line. Safe to use from one thread at a time per call. */
    public static final class Bar implements AutoCloseable {
        private final ProgressBar bar;

        private Bar(ProgressBar bar) {
            this.bar = bar;
        }

        public synchronized void step(long n) {
            if (bar != null) {
                bar.stepBy(n);
            }
        }

        public synchronized void stepTo(long n) {
            if (bar != null) {
                bar.stepTo(n);
            }
        }

        public synchronized void maxHint(long max) {
            if (bar != null) {
                bar.maxHint(max);
            }
        }

        public synchronized void message(String text) {
            if (bar != null) {
                bar.setExtraMessage(text);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** Keeps the latest rendering and prints it once, when the bar closes (for logs that are not terminals). */
    private static final class LastLine implements ProgressBarConsumer {
        private final PrintStream out;
        private String last = "";

        LastLine(PrintStream out) {
            this.out = out;
        }

        @Override
        public int getMaxRenderedLength() {
            return WIDTH;
        }

        @Override
        public synchronized void accept(String rendered) {
            last = rendered;
        }

        @Override
        public synchronized void close() {
            out.println(last.stripTrailing());
            out.flush();
        }
    }
}
