package org.uf3j.fit.metrics;

/** Root-mean-square and mean absolute error of {@code count} values, in the unit the caller states. */
public record ErrorStats(long count, double rmse, double mae) {

    /** Accumulates errors. Not thread-safe. */
    public static final class Accumulator {
        private long n;
        private double sq;
        private double abs;

        public void add(double error) {
            n++;
            sq += error * error;
            abs += Math.abs(error);
        }

        public void add(Accumulator o) {
            n += o.n;
            sq += o.sq;
            abs += o.abs;
        }

        public ErrorStats stats(double unitScale) {
            return n == 0 ? new ErrorStats(0, Double.NaN, Double.NaN)
                    : new ErrorStats(n, unitScale * Math.sqrt(sq / n), unitScale * abs / n);
        }
    }
}
