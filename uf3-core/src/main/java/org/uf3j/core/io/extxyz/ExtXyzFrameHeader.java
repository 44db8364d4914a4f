package org.uf3j.core.io.extxyz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.uf3j.core.io.Uf3FormatException;
import org.uf3j.core.io.text.NumberedLines;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.structure.Cell;

/**
 * What the comment line of one extended-XYZ frame says: cell and periodicity, per-atom columns,
 * energy, virial (from {@code virial} in eV, or ASE {@code stress} in eV/Å^3 converted with
 * W = −σV), config_type, and every other key as raw text for {@code Configuration.info}.
 */
final class ExtXyzFrameHeader {
    Cell cell;
    PropertyColumns columns;
    Double energy;
    double[] virial;
    String configType;
    final Map<String, String> info = new LinkedHashMap<>();

    private ExtXyzFrameHeader() {
    }

    /** Interprets a parsed comment line; errors name the file and the comment line. */
    static ExtXyzFrameHeader interpret(ExtXyzComment kv, NumberedLines where, ExtXyzOptions options) {
        ExtXyzFrameHeader h = new ExtXyzFrameHeader();
        String latticeKey = kv.keyIgnoringCase("Lattice", where);
        String pbcKey = kv.keyIgnoringCase("pbc", where);
        String propertiesKey = kv.keyIgnoringCase("Properties", where);
        String energyKey = options.energyKey() == null ? kv.keyIgnoringCase("energy", where)
                : kv.get(options.energyKey()) != null ? options.energyKey() : kv.keyIgnoringCase(options.energyKey(), where);
        String configKey = kv.keyIgnoringCase("config_type", where);
        String virialKey = kv.keyIgnoringCase("virial", where);
        String stressKey = virialKey == null ? kv.keyIgnoringCase("stress", where) : null;

        h.columns = PropertyColumns.parse(propertiesKey == null ? PropertyColumns.PLAIN_XYZ : kv.get(propertiesKey), where);
        boolean[] pbc = pbcKey == null ? null : parsePbc(kv.get(pbcKey), pbcKey, where);
        if (latticeKey != null) {
            double[] lattice = numbers(kv.get(latticeKey), latticeKey, 9, where);
            try {
                h.cell = new Cell(lattice, pbc == null ? new boolean[] {true, true, true} : pbc);
            } catch (IllegalArgumentException e) {
                throw Uf3FormatException.atLine(where.name(), where.line(), latticeKey + ": " + e.getMessage(), e);
            }
        } else if (pbc != null && (pbc[0] || pbc[1] || pbc[2])) {
            throw where.error(pbcKey + "=\"" + kv.get(pbcKey) + "\" asks for periodic boundaries but the frame has "
                    + "no Lattice=\"ax ay az bx by bz cx cy cz\"");
        }
        if (energyKey != null) {
            String text = kv.get(energyKey);
            double e = Tokens.parseOrNaN(text.trim());
            if (Double.isNaN(e)) {
                throw where.error(energyKey + "='" + text + "': expected a finite number (total energy in eV)");
            }
            h.energy = e;
        }
        if (virialKey != null) {
            h.virial = voigt(numbers(kv.get(virialKey), virialKey, -1, where));
        } else if (stressKey != null) {
            if (h.cell == null) {
                throw where.error(stressKey + " is given but the frame has no Lattice, so the volume needed to "
                        + "turn stress into a virial is unknown");
            }
            double[] s = voigt(numbers(kv.get(stressKey), stressKey, -1, where));
            double volume = h.cell.volume();
            h.virial = new double[6];
            for (int k = 0; k < 6; k++) {
                h.virial[k] = 0.0 - s[k] * volume; // 0.0 - x: no negative zeros
            }
        }
        if (configKey != null) {
            h.configType = kv.get(configKey);
        }
        Set<String> used = new java.util.HashSet<>();
        for (String k : new String[] {latticeKey, pbcKey, propertiesKey, energyKey, configKey, virialKey, stressKey}) {
            if (k != null) {
                used.add(k);
            }
        }
        for (Map.Entry<String, String> e : kv.all().entrySet()) {
            if (!used.contains(e.getKey())) {
                h.info.put(e.getKey(), e.getValue());
            }
        }
        return h;
    }

    /** Numbers of a value such as "1 0 0", "[1, 0, 0]" or "[[1,0],[0,1]]"; count -1 accepts 6 or 9. */
    private static double[] numbers(String value, String key, int count, NumberedLines where) {
        String[] t = Tokens.split(value.replace('[', ' ').replace(']', ' ').replace('{', ' ').replace('}', ' ')
                .replace(',', ' '));
        boolean countOk = count < 0 ? t.length == 6 || t.length == 9 : t.length == count;
        if (!countOk) {
            throw where.error(key + "=\"" + value + "\": expected " + (count < 0 ? "6 or 9" : String.valueOf(count))
                    + " numbers, found " + t.length);
        }
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Tokens.parseOrNaN(t[i]);
            if (Double.isNaN(v[i])) {
                throw where.error(key + "=\"" + value + "\": component " + (i + 1) + " is '" + t[i]
                        + "', expected a finite number");
            }
        }
        return v;
    }

    /** 9 numbers (row-major 3x3, symmetrised) or 6 (xx yy zz yz xz xy) to Voigt xx yy zz yz xz xy. */
    private static double[] voigt(double[] v) {
        if (v.length == 6) {
            return v;
        }
        return new double[] {v[0], v[4], v[8], 0.5 * (v[5] + v[7]), 0.5 * (v[2] + v[6]), 0.5 * (v[1] + v[3])};
    }

    private static boolean[] parsePbc(String value, String key, NumberedLines where) {
        String[] t = Tokens.split(value.replace('[', ' ').replace(']', ' ').replace(',', ' '));
        if (t.length != 3 && t.length != 1) {
            throw where.error(key + "=\"" + value + "\": expected 3 flags such as \"T T T\", \"1 1 0\" or [T, T, F]");
        }
        boolean[] out = new boolean[3];
        for (int i = 0; i < 3; i++) {
            String f = t[t.length == 1 ? 0 : i];
            if (f.equalsIgnoreCase("T") || f.equalsIgnoreCase("true") || f.equals("1")) {
                out[i] = true;
            } else if (f.equalsIgnoreCase("F") || f.equalsIgnoreCase("false") || f.equals("0")) {
                out[i] = false;
            } else {
                throw where.error(key + "=\"" + value + "\": flag '" + f + "' is not T/F, True/False or 1/0");
            }
        }
        return out;
    }
}
