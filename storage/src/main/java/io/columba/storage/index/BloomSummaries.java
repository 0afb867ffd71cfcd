package io.columba.storage.index;

import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumn;
import java.util.List;

/**
 * The filters of bloom_filter([false_positive_rate]), tokenbf_v1(size_bytes, hashes, seed) and
 * ngrambf_v1(n, size_bytes, hashes, seed), and the terms a condition's constant stands for.
 */
public final class BloomSummaries {
    private BloomSummaries() {}

    static BloomFilter build(SkipIndex index, Column values, int from, int to) {
        BloomFilter filter = empty(index, to - from);
        for (int row = from; row < to; row++) {
            if (values.isNull(row)) {
                continue;
            }
            for (byte[] term : terms(index, values, row)) {
                filter.add(term, 0, term.length);
            }
        }
        return filter;
    }

    private static BloomFilter empty(SkipIndex index, int rows) {
        List<Double> p = index.parameters();
        return switch (index.kind()) {
            case BLOOM_FILTER -> {
                double rate = p.isEmpty() ? 0.025 : p.get(0);
                int bits = (int) Math.min(
                        1 << 24, Math.max(64, Math.ceil(-rows * Math.log(rate) / (Math.log(2) * Math.log(2)))));
                int hashes = Math.max(1, (int) Math.round(-Math.log(rate) / Math.log(2)));
                yield new BloomFilter(bits, hashes, 0);
            }
            case TOKENBF_V1 -> new BloomFilter((int) (p.get(0) * 8), (int) (double) p.get(1), (long) (double) p.get(2));
            case NGRAMBF_V1 -> new BloomFilter((int) (p.get(1) * 8), (int) (double) p.get(2), (long) (double) p.get(3));
            default -> throw new IllegalStateException(index.kind() + " is not a bloom filter");
        };
    }

    static BloomFilter filterOf(SkipIndex index, long[] words) {
        return new BloomFilter(words, hashesOf(index), seedOf(index));
    }

    private static int hashesOf(SkipIndex index) {
        List<Double> p = index.parameters();
        return switch (index.kind()) {
            case BLOOM_FILTER -> Math.max(1, (int) Math.round(-Math.log(p.isEmpty() ? 0.025 : p.get(0)) / Math.log(2)));
            case TOKENBF_V1 -> (int) (double) p.get(1);
            default -> (int) (double) p.get(2);
        };
    }

    private static long seedOf(SkipIndex index) {
        List<Double> p = index.parameters();
        return switch (index.kind()) {
            case TOKENBF_V1 -> (long) (double) p.get(2);
            case NGRAMBF_V1 -> (long) (double) p.get(3);
            default -> 0;
        };
    }

    /** The terms of one value: itself, its tokens, or its n-grams. */
    static List<byte[]> terms(SkipIndex index, Column values, int row) {
        return switch (index.kind()) {
            case BLOOM_FILTER -> List.of(IndexTerms.valueBytes(values, row));
            case TOKENBF_V1 -> {
                StringColumn strings = (StringColumn) values;
                yield IndexTerms.tokens(strings.data(), strings.offsets()[row], strings.length(row));
            }
            default -> {
                StringColumn strings = (StringColumn) values;
                int n = (int) (double) index.parameters().get(0);
                yield IndexTerms.ngrams(strings.data(), strings.offsets()[row], strings.length(row), n);
            }
        };
    }
}
