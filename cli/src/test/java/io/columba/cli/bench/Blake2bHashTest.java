package io.columba.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Known answers of Python's {@code int.from_bytes(blake2b(s, digest_size=8).digest(), 'little', signed=True)}. */
class Blake2bHashTest {
    private final Blake2bHash hash = new Blake2bHash();

    @Test
    void emptyInput() {
        assertThat(hash("")).isEqualTo(-5426141060434712860L);
    }

    @Test
    void oneBlock() {
        assertThat(hash("http://example.com/")).isEqualTo(481213410437047035L);
    }

    @Test
    void exactlyOneFullBlockIsTheLastBlock() {
        assertThat(hash("x".repeat(128))).isEqualTo(154496675747142800L);
    }

    @Test
    void aByteIntoTheSecondBlock() {
        assertThat(hash("y".repeat(129))).isEqualTo(-1873124027300945540L);
    }

    @Test
    void multiBlockSearchReferer() {
        String referer = "https://yandex.ru/yandsearch?text=%D0%BA%D1%83%D0%BF%D0%B8%D1%82%D1%8C+".repeat(3);
        assertThat(hash(referer)).isEqualTo(1599701915115974315L);
    }

    @Test
    void theInstanceIsReusable() {
        long first = hash("http://example.com/");
        hash("y".repeat(300));
        assertThat(hash("http://example.com/")).isEqualTo(first);
    }

    private long hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 7); // only [0, length) counts
        padded[bytes.length] = 'z';
        return hash.hash(padded, bytes.length);
    }
}
