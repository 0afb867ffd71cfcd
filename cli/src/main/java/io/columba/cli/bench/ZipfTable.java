package io.columba.cli.bench;

/**
 * An inverse-CDF lookup table of a Zipf distribution: {@code ranks[k]} for {@code k} uniform in
 * {@code [0, 2^20)} is a rank in {@code [0, n)} drawn with probability proportional to {@code 1 / (rank + 1)^s}.
 */
final class ZipfTable {
    static final int BITS = 20;
    private static final int SIZE = 1 << BITS;

    private final int[] ranks;

    ZipfTable(int n, double s) {
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, s);
            total += weights[i];
        }
        ranks = new int[SIZE];
        double step = total / SIZE;
        double accumulated = 0;
        int rank = 0;
        for (int k = 0; k < SIZE; k++) {
            double target = (k + 0.5) * step;
            while (rank < n - 1 && accumulated + weights[rank] < target) {
                accumulated += weights[rank];
                rank++;
            }
            ranks[k] = rank;
        }
    }

    int sample(SplitMixRandom random) {
        return ranks[(int) random.bits(BITS)];
    }
}
