package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import java.util.Arrays;

/**
 * quantileTDigest: ClickHouse's t-digest, computed as it does in Float32 so results match: centroids (mean,
 * count) are appended and, every 2048 of them, sorted and glued while a pair weighs at most 4 N q (1 - q) 0.01.
 */
final class TDigestStates implements AggregateStates {
    private static final float EPSILON = 0.01f;
    private static final int MAX_UNMERGED = 2048;

    /** One group's digest. */
    private static final class Digest {
        float[] means = new float[8];
        float[] counts = new float[8];
        int size;
        float count;
        int unmerged;

        void add(float mean, float weight) {
            if (size == means.length) {
                means = Arrays.copyOf(means, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            means[size] = mean;
            counts[size] = weight;
            size++;
            count += weight;
            if (++unmerged >= MAX_UNMERGED) {
                compress();
            }
        }

        void compress() {
            if (unmerged == 0) {
                return;
            }
            sortByMean();
            if (size > 3) {
                int l = 0;
                float sum = 0;
                for (int r = 1; r < size; r++) {
                    float ql = (float) ((sum + counts[l] * 0.5) / count);
                    float err = ql * (1 - ql);
                    float qr = (float) ((sum + counts[l] + counts[r] * 0.5) / count);
                    float err2 = qr * (1 - qr);
                    if (err > err2) {
                        err = err2;
                    }
                    float k = 4 * count * err * EPSILON;
                    if (counts[l] + counts[r] <= k) {
                        counts[l] += counts[r];
                        means[l] += counts[r] * (means[r] - means[l]) / counts[l];
                    } else {
                        sum += counts[l];
                        l++;
                        means[l] = means[r];
                        counts[l] = counts[r];
                    }
                }
                size = l + 1;
            }
            unmerged = 0;
        }

        /** A stable sort by mean (ClickHouse uses a radix sort, which is stable). */
        private void sortByMean() {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                int bits = Float.floatToRawIntBits(means[i]);
                // Floats ordered as signed ints: negative ones have their magnitude bits flipped.
                int sortable = bits < 0 ? bits ^ 0x7FFFFFFF : bits;
                keys[i] = ((long) sortable << 32) | i;
            }
            Arrays.sort(keys);
            float[] sortedMeans = new float[means.length];
            float[] sortedCounts = new float[counts.length];
            for (int i = 0; i < size; i++) {
                int from = (int) keys[i];
                sortedMeans[i] = means[from];
                sortedCounts[i] = counts[from];
            }
            means = sortedMeans;
            counts = sortedCounts;
        }

        float quantile(double level) {
            compress();
            if (size == 1) {
                return means[0];
            }
            double x = level * count;
            double previousX = 0;
            float sum = 0;
            float previousMean = means[0];
            for (int i = 0; i < size; i++) {
                double currentX = sum + counts[i] * 0.5;
                if (currentX >= x) {
                    // ClickHouse interpolates with Float32 arguments.
                    float x1 = (float) previousX;
                    double slope = ((float) x - x1) / ((float) currentX - x1);
                    return (float) (previousMean + slope * (means[i] - previousMean));
                }
                sum += counts[i];
                previousMean = means[i];
                previousX = currentX;
            }
            return means[size - 1];
        }
    }

    private final QuantileFunction function;
    private final DataType type;
    private final DataType result;
    private Digest[] digests = new Digest[16];

    TDigestStates(QuantileFunction function, DataType type, DataType result) {
        this.function = function;
        this.type = type;
        this.result = result;
    }

    private Digest digest(int group) {
        if (digests.length <= group) {
            digests = Arrays.copyOf(digests, Math.max(group + 1, digests.length * 2));
        }
        Digest digest = digests[group];
        if (digest == null) {
            digest = digests[group] = new Digest();
        }
        return digest;
    }

    @Override
    public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
        double[] values = Operands.doubles(arguments[0], type, rows);
        for (int i = 0; i < rows; i++) {
            digest(groups[i]).add((float) values[i], 1);
        }
    }

    @Override
    public void merge(AggregateStates other, int[] mapping, int groupCount) {
        TDigestStates from = (TDigestStates) other;
        for (int g = 0; g < mapping.length && g < from.digests.length; g++) {
            Digest source = from.digests[g];
            if (source == null) {
                continue;
            }
            Digest target = digest(mapping[g]);
            for (int i = 0; i < source.size; i++) {
                target.add(source.means[i], source.counts[i]);
            }
        }
    }

    @Override
    public Column result(int groupCount) {
        double[] levels = function.levels();
        int count = groupCount * levels.length;
        boolean floatResult = result instanceof FloatType;
        double[] doubles = new double[count];
        long[] longs = new long[count];
        for (int g = 0; g < groupCount; g++) {
            Digest digest = g < digests.length ? digests[g] : null;
            for (int l = 0; l < levels.length; l++) {
                int at = g * levels.length + l;
                if (digest == null || digest.size == 0) {
                    doubles[at] = Double.NaN;
                    continue;
                }
                float value = digest.quantile(levels[l]);
                doubles[at] = value;
                longs[at] = (long) value;
            }
        }
        Column elements = floatResult ? new DoubleColumn(doubles, null, count) : new LongColumn(longs, null, count);
        return function.result(elements, groupCount);
    }

    /** ClickHouse's layout: VarUInt centroid count, then each centroid's Float32 mean and Float32 count. */
    @Override
    public void serialize(int group, GrowableByteArray out) {
        Digest digest = group < digests.length ? digests[group] : null;
        if (digest == null) {
            out.writeVarUInt(0);
            return;
        }
        digest.compress();
        out.writeVarUInt(digest.size);
        for (int i = 0; i < digest.size; i++) {
            writeFloat(out, digest.means[i]);
            writeFloat(out, digest.counts[i]);
        }
    }

    private static void writeFloat(GrowableByteArray out, float value) {
        out.writeInt(Float.floatToRawIntBits(value));
    }

    private static float readFloat(StateReader in) {
        int bits = 0;
        for (int b = 0; b < 4; b++) {
            bits |= in.readByte() << (8 * b);
        }
        return Float.intBitsToFloat(bits);
    }

    @Override
    public void deserialize(StateReader in) {
        long size = in.readVarUInt();
        if (size > MAX_UNMERGED) {
            throw new ColumbaException(ErrorCode.TOO_LARGE_ARRAY_SIZE, "Too large t-digest summary size");
        }
        Digest digest = digest(0);
        digest.means = new float[(int) Math.max(size, 1)];
        digest.counts = new float[(int) Math.max(size, 1)];
        for (int i = 0; i < size; i++) {
            digest.means[i] = readFloat(in);
            digest.counts[i] = readFloat(in);
            digest.count += digest.counts[i];
        }
        digest.size = (int) size;
    }
}
