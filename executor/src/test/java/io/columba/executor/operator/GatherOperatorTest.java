package io.columba.executor.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.storage.block.Block;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatherOperatorTest {
    /** A chunk of {@code blocks} one-row blocks numbered from {@code first}, counting opens and closes. */
    private static final class Chunk implements Operator {
        private final long first;
        private final int blocks;
        private final AtomicInteger opened;
        private final AtomicInteger closed;
        private int emitted;

        Chunk(long first, int blocks, AtomicInteger opened, AtomicInteger closed) {
            this.first = first;
            this.blocks = blocks;
            this.opened = opened;
            this.closed = closed;
        }

        @Override
        public Block next() {
            if (emitted == 0) {
                opened.incrementAndGet();
            }
            if (emitted == blocks) {
                return null;
            }
            long value = first + emitted++;
            return new Block(1, List.of(new LongColumn(new long[] {value}, null, 1)));
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    private static List<Operator> chunks(int count, int blocksEach, AtomicInteger opened, AtomicInteger closed) {
        List<Operator> chunks = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            chunks.add(new Chunk((long) c * blocksEach, blocksEach, opened, closed));
        }
        return chunks;
    }

    private static List<Long> values(List<Block> blocks) {
        List<Long> values = new ArrayList<>();
        for (Block block : blocks) {
            LongColumn column = (LongColumn) block.column(0);
            for (int i = 0; i < block.rowCount(); i++) {
                values.add(column.values()[i]);
            }
        }
        return values;
    }

    @Test
    void returnsTheChunksRowsInChunkOrder() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<Long> values = values(Blocks.drain(new GatherOperator(chunks(50, 3, opened, closed), 2)));
        List<Long> expected = new ArrayList<>();
        for (long v = 0; v < 150; v++) {
            expected.add(v);
        }
        assertThat(values).isEqualTo(expected);
        assertThat(opened.get()).isEqualTo(50);
        assertThat(closed.get()).isEqualTo(50);
    }

    @Test
    void aLimitStopsTheWorkersWithinTheirWindowAndClosesWhatTheyOpened() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        LimitOperator limit = new LimitOperator(new GatherOperator(chunks(1000, 2, opened, closed), 2), 3, 0);
        assertThat(values(Blocks.drain(limit))).containsExactly(0L, 1L, 2L);
        // Two workers run at most four chunks ahead of the consumer, which stopped in its second chunk.
        assertThat(opened.get()).isBetween(2, 6);
        assertThat(closed.get()).isEqualTo(opened.get());
    }

    @Test
    void aFailingChunkFailsTheQueryAndStopsTheOthers() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        List<Operator> chunks = chunks(100, 1, opened, closed);
        chunks.set(7, () -> {
            throw new ColumbaException(ErrorCode.TIMEOUT_EXCEEDED, "Timeout exceeded");
        });
        assertThatThrownBy(() -> Blocks.drain(new GatherOperator(chunks, 2)))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("Timeout exceeded");
        assertThat(opened.get()).isLessThan(100);
        assertThat(closed.get()).isEqualTo(opened.get());
    }
}
