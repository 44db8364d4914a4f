package org.uf3j.core.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.uf3j.core.io.extxyz.ExtXyzReader;
import org.uf3j.core.io.lammps.LammpsDumpReader;
import org.uf3j.core.io.text.InputFiles;
import org.uf3j.core.io.text.Tokens;
import org.uf3j.core.io.vasp.OutcarReader;
import org.uf3j.core.io.vasp.VasprunReader;
import org.uf3j.core.structure.Configuration;

/**
 * One entry point for training data: extended XYZ, VASP vasprun.xml and OUTCAR, LAMMPS dump (+ log),
 * chosen by name or recognised from the content ({@link TrainingFormat#AUTO}). Gzip-compressed files
 * are read transparently. Every reader streams; {@link #open} keeps one configuration (or ionic
 * step, or frame) in memory at a time.
 */
public final class TrainingData {
    private static final int SNIFF_CHARS = 8192;

    private TrainingData() {
    }

    /** Opens a file for streaming; close the reader when done. */
    public static TrainingDataReader open(Path file, TrainingFormat format, TrainingDataOptions options)
            throws IOException {
        TrainingDataOptions o = options == null ? TrainingDataOptions.defaults() : options;
        TrainingFormat f = format == null || format == TrainingFormat.AUTO ? detect(file) : format;
        return switch (f) {
            case EXTXYZ -> new ExtXyzAdapter(ExtXyzReader.of(InputFiles.openText(file), file.toString(), o.extXyz()));
            case VASPRUN -> VasprunReader.open(file, o.vasp());
            case OUTCAR -> OutcarReader.open(file, o.vasp());
            case LAMMPS_DUMP -> LammpsDumpReader.open(file, o.lammpsDump());
            case FITSNAP_JSON -> org.uf3j.core.io.fitsnap.FitsnapJsonReader.open(file);
            case AUTO -> throw new IllegalStateException("detect() never answers auto");
        };
    }

    /** Every configuration of a file. */
    public static List<Configuration> read(Path file, TrainingFormat format, TrainingDataOptions options)
            throws IOException {
        List<Configuration> out = new ArrayList<>();
        try (TrainingDataReader r = open(file, format, options)) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    /** A lazy stream of the configurations of a file; close the stream to close the file. */
    public static Stream<Configuration> stream(Path file, TrainingFormat format, TrainingDataOptions options)
            throws IOException {
        return open(file, format, options).stream();
    }

    /**
     * The format of a file from its first few kilobytes: an XML document with a {@code <modeling>}
     * root is a vasprun.xml; a first line {@code ITEM: ...} a LAMMPS dump; a first line
     * {@code vasp.X...} or POTCAR/VRHFIN lines an OUTCAR; a first line holding one integer (the atom
     * count) extended XYZ; a directory, or JSON with a {@code "Dataset"} object (after FitSNAP's {@code #} header
     * line), FitSNAP JSON. Anything else is a {@link Uf3FormatException} saying what was found.
     */
    public static TrainingFormat detect(Path file) throws IOException {
        if (java.nio.file.Files.isDirectory(file)) {
            return TrainingFormat.FITSNAP_JSON; // FitSNAP's layout: a directory of group directories
        }
        return detect(InputFiles.head(file, SNIFF_CHARS), file.toString());
    }

    /** {@link #detect(Path)} on the start of a file's text; {@code name} is used in messages. */
    static TrainingFormat detect(String head, String name) {
        String s = head.startsWith("\uFEFF") ? head.substring(1) : head;
        String first = "";
        for (String line : s.split("\r?\n", -1)) {
            if (!line.isBlank()) {
                first = line.trim();
                break;
            }
        }
        if (first.startsWith("<")) {
            if (s.contains("<modeling")) {
                return TrainingFormat.VASPRUN;
            }
            throw Uf3FormatException.inFile(name, "an XML file without a <modeling> element: not a VASP vasprun.xml");
        }
        if ((first.startsWith("#") || first.startsWith("{")) && s.contains("\"Dataset\"")) {
            return TrainingFormat.FITSNAP_JSON;
        }
        if (first.startsWith("ITEM:")) {
            return TrainingFormat.LAMMPS_DUMP;
        }
        if (first.matches("vasp\\.\\d.*") || s.contains("VRHFIN =") || s.contains(" POTCAR:")) {
            return TrainingFormat.OUTCAR;
        }
        String[] t = Tokens.split(first);
        if (t.length == 1 && Tokens.parseIntOrNull(t[0]) != null && Tokens.parseIntOrNull(t[0]) >= 0) {
            return TrainingFormat.EXTXYZ;
        }
        if (first.startsWith("LAMMPS (")) {
            throw Uf3FormatException.inFile(name, "a LAMMPS log file: read the dump file and name this log in the "
                    + "LAMMPS dump options");
        }
        throw Uf3FormatException.inFile(name, "cannot tell the format from the first line '"
                + (first.length() > 60 ? first.substring(0, 57) + "..." : first) + "': expected extended XYZ (an atom "
                + "count), a VASP vasprun.xml or OUTCAR, or a LAMMPS dump (ITEM: TIMESTEP); name the format explicitly");
    }

    /** {@link ExtXyzReader} seen as a {@link TrainingDataReader}. */
    private static final class ExtXyzAdapter implements TrainingDataReader {
        private final ExtXyzReader r;

        ExtXyzAdapter(ExtXyzReader r) {
            this.r = r;
        }

        @Override
        public boolean hasNext() {
            return r.hasNext();
        }

        @Override
        public Configuration next() {
            return r.next();
        }

        @Override
        public void close() {
            r.close();
        }
    }
}
