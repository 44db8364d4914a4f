package org.uf3j.fit.gamma;

/** Splits a batch of n picks over strata in proportion to their shares (largest remainder), capped by what each has left. */
public final class StratumQuota {
    private StratumQuota() {
    }

    /**
     * @param share     each stratum's weight (e.g. its count in the whole pool), >= 0
     * @param n         picks to split
     * @param available candidates each stratum still has
     * @return picks per stratum, summing to min(n, Σ available), none above its available count
     */
    public static int[] apportion(double[] share, int n, int[] available) {
        int k = share.length;
        if (available.length != k) {
            throw new IllegalArgumentException(k + " shares but " + available.length + " available counts");
        }
        int[] out = new int[k];
        int total = 0;
        for (int a : available) {
            total += a;
        }
        int want = Math.min(n, total);
        boolean[] open = new boolean[k];
        for (int s = 0; s < k; s++) {
            if (!(share[s] >= 0) || !Double.isFinite(share[s])) {
                throw new IllegalArgumentException("share " + s + " must be finite and >= 0, got " + share[s]);
            }
            open[s] = available[s] > 0;
        }
        int given = 0;
        while (given < want) { // strata that hit their cap hand the rest on to the others, by their shares
            double sum = 0;
            for (int s = 0; s < k; s++) {
                sum += open[s] ? share[s] : 0;
            }
            int rest = want - given;
            double[] exact = new double[k];
            int floors = 0;
            for (int s = 0; s < k; s++) {
                if (open[s]) {
                    exact[s] = sum > 0 ? rest * share[s] / sum : 0;
                    floors += (int) Math.floor(exact[s]);
                }
            }
            int[] add = new int[k];
            for (int s = 0; s < k; s++) {
                add[s] = open[s] ? (int) Math.floor(exact[s]) : 0;
            }
            for (int extra = rest - floors; extra > 0; extra--) { // largest remainder, ties to the lower stratum
                int best = -1;
                for (int s = 0; s < k; s++) {
                    if (open[s] && out[s] + add[s] < available[s] && (best < 0
                            || exact[s] - add[s] > exact[best] - add[best])) {
                        best = s;
                    }
                }
                add[best]++;
            }
            for (int s = 0; s < k; s++) {
                int take = Math.min(add[s], available[s] - out[s]);
                out[s] += take;
                given += take;
                if (out[s] == available[s]) {
                    open[s] = false;
                }
            }
        }
        return out;
    }
}
