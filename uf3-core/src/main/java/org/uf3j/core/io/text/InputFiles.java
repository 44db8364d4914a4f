package org.uf3j.core.io.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens data files for streaming, transparently decompressing gzip (detected by its magic bytes, not the name). */
public final class InputFiles {
    private InputFiles() {
    }

    /** A buffered byte stream of the file's content, gunzipped when the file is gzip-compressed. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The file's (possibly gunzipped) content as UTF-8 text; malformed bytes become U+FFFD rather than errors. */
    public static Reader openText(Path file) throws IOException {
        return new InputStreamReader(open(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    }

    /** Up to {@code max} characters from the start of the (possibly gunzipped) file. */
    public static String head(Path file, int max) throws IOException {
        try (Reader r = openText(file)) {
            char[] buf = new char[max];
            int n = 0;
            while (n < max) {
                int k = r.read(buf, n, max - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            return new String(buf, 0, n);
        }
    }
}
