package io.columba.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link JsonRows#validUtf8} decides as the JDK's strict UTF-8 decoder does. */
class JsonRowsTest {
    private static final byte[][] PIECES = {
        "plain ascii text".getBytes(StandardCharsets.UTF_8),
        "caf\u00e9".getBytes(StandardCharsets.UTF_8),
        "\u6f22\u5b57".getBytes(StandardCharsets.UTF_8),
        "\ud83d\ude00".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xC0, (byte) 0x80}, // overlong NUL
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        {(byte) 0xF5},
        {(byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, // cut short
        {(byte) 0xFF},
    };

    @Test
    void randomBytesAreValidExactlyWhenTheDecoderTakesThem() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int valid = 0;
        for (int i = 0; i < 2000; i++) {
            ByteBuffer bytes = ByteBuffer.allocate(256);
            int pieces = random.nextInt(5);
            for (int p = 0; p < pieces; p++) {
                byte[] piece = random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : PIECES[0];
                bytes.put(piece, 0, random.nextInt(4) == 0 ? random.nextInt(piece.length + 1) : piece.length);
            }
            byte[] body = java.util.Arrays.copyOf(bytes.array(), bytes.position());
            boolean expected = decodes(body);
            valid += expected ? 1 : 0;
            assertThat(JsonRows.validUtf8(body))
                    .as("seed %d, bytes %s", seed, java.util.HexFormat.of().formatHex(body))
                    .isEqualTo(expected);
        }
        assertThat(valid).as("seed %d", seed).isBetween(200, 1900);
    }

    private static boolean decodes(byte[] body) {
        try {
            JsonRows.decodeStrictly(body);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
