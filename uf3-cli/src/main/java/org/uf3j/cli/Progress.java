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
            return new Bar(null, null, null);
        }
        if (mode == Mode.SUMMARY && max < 0) {
            return new Bar(null, err, task);
        }
        LastLine last = mode == Mode.SUMMARY ? new LastLine(err) : null;
        ProgressBarConsumer consumer = last != null ? last : new ConsoleProgressBarConsumer(err, WIDTH);
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(String.format("%-12s", task)).setInitialMax(max)
                .setStyle(mode == Mode.LIVE ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUnit(" " + unit, unitSize).setConsumer(consumer).setUpdateIntervalMillis(mode == Mode.LIVE ? 100 : 60_000)
                .setSpeedUnit(ChronoUnit.SECONDS).setMaxRenderedLength(WIDTH);
        if (mode == Mode.SUMMARY) {
            b.hideEta();
        }
        Bar bar = new Bar(b.build(), null, null);
        bar.last = last;
        return bar;
    }

    /** One stage's bar; closing it completes the line. Safe to use from one thread at a time per call. */
    public static final class Bar implements AutoCloseable {
        private final ProgressBar bar;
        private final PrintStream summary;
        private final String task;
        private final long start = System.nanoTime();
        private String message = "";
        private LastLine last;

        private Bar(ProgressBar bar, PrintStream summary, String task) {
            this.bar = bar;
            this.summary = summary;
            this.task = task;
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
            message = text;
            if (bar != null) {
                bar.setExtraMessage(text);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                if (last != null && bar.getMax() >= 0 && bar.getCurrent() < bar.getMax()) {
                    last.suppress(); // an unfinished stage (an error follows): no summary line
                }
                bar.close();
            } else if (summary != null) {
                summary.printf(java.util.Locale.ROOT, "%-12s done in %.1f s %s%n", task, (System.nanoTime() - start) * 1e-9,
                        message);
                summary.flush();
            }
        }
    }

    /** Keeps the latest rendering and prints it once, when the bar closes (for logs that are not terminals). */
    private static final class LastLine implements ProgressBarConsumer {
        private final PrintStream out;
        private String last = "";
        private boolean suppressed;

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

        synchronized void suppress() {
            suppressed = true;
        }

        @Override
        public synchronized void close() {
            if (suppressed) {
                return;
            }
            out.println(last.stripTrailing());
            out.flush();
        }
    }
}
