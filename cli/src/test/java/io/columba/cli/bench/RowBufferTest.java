package io.columba.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Numbers written as decimal text, as Long.toString writes them. */
class RowBufferTest {
    @Test
    void numbersAtEveryDigitBoundary() {
        long[] values = {
            0,
            7,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            65535,
            -1,
            -10,
            -2147483648L,
            4294967295L,
            999_999_999_999_999_999L,
            1_000_000_000_000_000_000L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1
        };
        for (long value : values) {
            RowBuffer buffer = new RowBuffer(1);
            buffer.put('[').put(value).put(']');
            assertThat(new String(buffer.bytes(), 0, buffer.length(), StandardCharsets.US_ASCII))
                    .isEqualTo("[" + value + "]");
        }
    }

    @Test
    void growsAsNeeded() {
        RowBuffer buffer = new RowBuffer(1);
        for (int i = 0; i < 1000; i++) {
            buffer.putTwoDigits(i % 100).tab();
        }
        assertThat(buffer.length()).isEqualTo(3000);
        assertThat(new String(buffer.bytes(), 0, 9, StandardCharsets.US_ASCII)).isEqualTo("00\t01\t02\t");
    }
}
