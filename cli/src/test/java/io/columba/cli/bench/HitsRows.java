package io.columba.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Generated rows held in memory, for tests. */
record HitsRows(byte[] bytes) {
    static HitsRows generate(long rows, long seed, HitsGenerator.Format format, int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            HitsGenerator.write(rows, seed, format, threads, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HitsRows(out.toByteArray());
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The lines, without their line feeds. */
    List<String> lines() {
        String text = text();
        return List.of(text.substring(0, Math.max(0, text.length() - 1)).split("\n", -1));
    }
}
