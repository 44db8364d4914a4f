package org.uf3j.cli;

import org.uf3j.core.eval.Evaluation;

/** The JSON of {@code uf3 eval --json}, written by hand so that every double keeps full precision. */
public final class Json {
    private Json() {
    }

    /** {@code {"energy":E,"forces":[[fx,fy,fz],...],"virial":[xx,yy,zz,yz,xz,xy]}}. */
    public static String evaluation(Evaluation e) {
        double[] f = e.forces();
        StringBuilder b = new StringBuilder(64 + f.length * 24);
        b.append("{\"energy\":").append(number(e.energy())).append(",\"forces\":[");
        for (int a = 0; a < f.length / 3; a++) {
            b.append(a == 0 ? "[" : ",[").append(number(f[3 * a])).append(',').append(number(f[3 * a + 1])).append(',')
                    .append(number(f[3 * a + 2])).append(']');
        }
        b.append("],\"virial\":[");
        double[] w = e.virial();
        for (int k = 0; k < 6; k++) {
            b.append(k == 0 ? "" : ",").append(number(w[k]));
        }
        return b.append("]}").toString();
    }

    /**
     * As {@link #evaluation(Evaluation)} with the predicted standard deviations:
     * {@code ...,"energy_std":s,"forces_std":[[sx,sy,sz],...]}.
     */
    public static String evaluation(Evaluation e, double energyStd, double[] forcesStd) {
        String base = evaluation(e);
        StringBuilder b = new StringBuilder(base.length() + 32 + forcesStd.length * 24);
        b.append(base, 0, base.length() - 1).append(",\"energy_std\":").append(number(energyStd)).append(",\"forces_std\":[");
        for (int a = 0; a < forcesStd.length / 3; a++) {
            b.append(a == 0 ? "[" : ",[").append(number(forcesStd[3 * a])).append(',').append(number(forcesStd[3 * a + 1]))
                    .append(',').append(number(forcesStd[3 * a + 2])).append(']');
        }
        return b.append("]}").toString();
    }

    /** Shortest text that reads back to the same double (Double.toString is valid JSON for finite values). */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new CliException("prediction is " + v + ": cannot be written as JSON");
        }
        return Double.toString(v);
    }
}
