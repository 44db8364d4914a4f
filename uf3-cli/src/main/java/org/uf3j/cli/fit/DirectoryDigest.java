package org.uf3j.cli.fit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of a data directory (a FitSNAP set) for the provenance in model.json: every regular
 * file below it, in order of relative path, contributes its path (with '/' separators), a zero byte,
 * its content and a zero byte, so renaming, adding or editing a file changes the digest.
 */
final class DirectoryDigest {
    private DirectoryDigest() {
    }

    static String sha256(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).map(dir::relativize)
                    .sorted((a, b) -> slashes(a).compareTo(slashes(b))).toList();
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Path rel : files) {
                md.update(slashes(rel).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(dir.resolve(rel))) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slashes(Path p) {
        return p.toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
