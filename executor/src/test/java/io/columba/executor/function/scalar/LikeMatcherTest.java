package io.columba.executor.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time search of {@code %piece%} finds what a byte-by-byte search finds, at every offset. */
class LikeMatcherTest {

    @Test
    void wordSearchAgreesWithTheByteSearch() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            // A small alphabet so that first and last bytes match often, and partial matches abound.
            byte[] data = new byte[random.nextInt(80)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) ("goglex\0\u0001".charAt(random.nextInt(8)));
            }
            byte[] piece = new byte[2 + random.nextInt(4)];
            for (int i = 0; i < piece.length; i++) {
                piece[i] = (byte) ("gole\0".charAt(random.nextInt(5)));
            }
            int from = data.length == 0 ? 0 : random.nextInt(data.length);
            int to = from + random.nextInt(data.length - from + 1);
            assertThat(LikeMatcher.firstAndLastIndexOf(data, from, to, piece))
                    .as("seed %d round %d", seed, round)
                    .isEqualTo(LikeMatcher.indexOf(data, from, to, piece));
        }
    }

    @Test
    void aMatchAcrossTwoRowsIsNoMatch() {
        StringColumnBuilder values = new StringColumnBuilder(4);
        for (String value : new String[] {"xgoo", "gley", "https://www.google.com/", "googl", "e"}) {
            values.append(value);
        }
        StringColumn column = (StringColumn) values.build();
        long[] out = new long[column.size()];
        LikeMatcher.of("%google%").matchAll(column, out, false);
        assertThat(out).containsExactly(0, 0, 1, 0, 0);
        LikeMatcher.of("%google%").matchAll(column, out, true);
        assertThat(out).containsExactly(1, 1, 0, 1, 1);
    }
}
