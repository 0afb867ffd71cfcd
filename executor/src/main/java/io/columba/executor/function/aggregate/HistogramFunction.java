package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * histogram(bins)(x): an adaptive histogram of at most {@code bins} bins, {@code Array(Tuple(lower, upper, height))},
 * computed as ClickHouse's AggregateFunctionHistogram does (Ben-Haim and Tom-Tov's streaming histogram): values are
 * points of weight 1; whenever a state holds 2 x bins points, equal points are fused and the closest neighbours
 * merged (weighted means) until bins remain; the bins' borders lie halfway between points and their heights come
 * from a linear density approximation.
 */
public final class HistogramFunction implements AggregateFunction {
    private static final int MAX_BINS = 250;
    private static final DataType RESULT =
            new ArrayType(TupleType.of(List.of(FloatType.FLOAT64, FloatType.FLOAT64, FloatType.FLOAT64)));

    private final int bins;
    private final List<String> parameters;

    public HistogramFunction() {
        this(0, List.of());
    }

    private HistogramFunction(int bins, List<String> parameters) {
        this.bins = bins;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "histogram";
    }

    @Override
    public String description() {
        return "Adaptive histogram of at most the given number of bins: an array of (lower, upper, height) tuples, "
                + "bins placed where the values are.";
    }

    @Override
    public String example() {
        return "SELECT histogram(3)(number) FROM numbers(10)";
    }

    @Override
    public AggregateFunction withParameters(List<String> given) {
        if (given.size() != 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Function histogram requires single parameter: bins count");
        }
        long value;
        try {
            value = Long.parseLong(given.get(0));
        } catch (NumberFormatException e) {
            throw new ColumbaException(ErrorCode.UNSUPPORTED_METHOD, "Invalid type for bins count");
        }
        if (value <= 0) {
            throw new ColumbaException(ErrorCode.BAD_ARGUMENTS, "Bin count should be positive");
        }
        if (value > MAX_BINS) {
            throw new ColumbaException(
                    ErrorCode.PARAMETER_OUT_OF_BOUND, "Unsupported bins count. Should not be greater than 250");
        }
        return new HistogramFunction((int) value, List.copyOf(given));
    }

    @Override
    public List<String> parameters() {
        return parameters;
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        if (bins == 0) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Function histogram requires single parameter: bins count");
        }
        if (types.size() != 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Aggregate function histogram require single argument");
        }
        DataType type = Operands.numericAggregateArgument("histogram", types);
        int limit = bins;
        return new BoundAggregate(RESULT, () -> new States(limit, type));
    }

    /** One group's histogram: the bounds of its values and its points (mean, weight). */
    private static final class Histogram {
        double lower = Double.MAX_VALUE;
        double upper = -Double.MAX_VALUE;
        double[] means;
        double[] weights;
        int size;

        Histogram(int bins) {
            means = new double[2 * bins];
            weights = new double[2 * bins];
        }

        void add(double value, double weight, int bins) {
            if (!Double.isFinite(value)) {
                throw new ColumbaException(
                        ErrorCode.INCORRECT_DATA, "Invalid value (inf or nan) for aggregation by 'histogram' function");
            }
            if (size == means.length) {
                means = Arrays.copyOf(means, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            means[size] = value;
            weights[size] = weight;
            size++;
            lower = Math.min(lower, value);
            upper = Math.max(upper, value);
            if (size >= bins * 2) {
                unique();
                compress(bins);
            }
        }

        void sort() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(means[a], means[b]));
            double[] sortedMeans = new double[means.length];
            double[] sortedWeights = new double[weights.length];
            for (int i = 0; i < size; i++) {
                sortedMeans[i] = means[order[i]];
                sortedWeights[i] = weights[order[i]];
            }
            means = sortedMeans;
            weights = sortedWeights;
        }

        /** Fuses points whose means differ only by rounding (ClickHouse: 10 epsilon of their sum). */
        void unique() {
            if (size == 0) {
                return;
            }
            sort();
            int left = 0;
            for (int right = 1; right < size; right++) {
                double minimumDifference = 10 * (means[left] + means[right]) * Math.ulp(1.0);
                if (means[left] + minimumDifference >= means[right]) {
                    fuse(left, right);
                } else {
                    left++;
                    means[left] = means[right];
                    weights[left] = weights[right];
                }
            }
            size = left + 1;
        }

        /** The weighted mean of two points, computed as ClickHouse's WeightedValue::operator+ (same rounding). */
        private void fuse(int left, int right) {
            means[left] += weights[right] * (means[right] - means[left]) / (weights[right] + weights[left]);
            weights[left] = weights[right] + weights[left];
        }

        /** Merges the closest neighbours (smallest mean gap, then leftmost) until {@code bins} points remain. */
        void compress(int bins) {
            sort();
            if (size <= bins) {
                return;
            }
            int[] previous = new int[size + 1];
            int[] next = new int[size + 1];
            boolean[] active = new boolean[size + 1];
            Arrays.fill(active, 0, size, true);
            for (int i = 0; i <= size; i++) {
                previous[i] = i == 0 ? size : i - 1;
                next[i] = i == size ? 0 : i + 1;
            }
            PriorityQueue<double[]> queue = new PriorityQueue<>(
                    (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            for (int i = 0; i + 1 < size; i++) {
                queue.add(new double[] {means[next[i]] - means[i], i});
            }
            int newSize = size;
            while (newSize > bins && !queue.isEmpty()) {
                double[] item = queue.poll();
                int left = (int) item[1];
                int right = next[left];
                if (!active[left] || !active[right] || means[right] - means[left] > item[0]) {
                    continue;
                }
                fuse(left, right);
                previous[next[right]] = previous[right];
                next[previous[right]] = next[right];
                active[right] = false;
                if (active[next[left]]) {
                    queue.add(new double[] {means[next[left]] - means[left], left});
                }
                if (active[previous[left]]) {
                    int before = previous[left];
                    queue.add(new double[] {means[next[before]] - means[before], before});
                }
                newSize--;
            }
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (active[i]) {
                    means[kept] = means[i];
                    weights[kept] = weights[i];
                    kept++;
                }
            }
            size = newSize;
        }
    }

    private static final class States implements AggregateStates {
        private final int bins;
        private final DataType type;
        private final List<Histogram> groups = new ArrayList<>();

        States(int bins, DataType type) {
            this.bins = bins;
            this.type = type;
        }

        private Histogram group(int g) {
            while (groups.size() <= g) {
                groups.add(new Histogram(bins));
            }
            return groups.get(g);
        }

        @Override
        public void add(int[] groupOf, Column[] arguments, int rows, int groupCount) {
            double[] values = Operands.doubles(arguments[0], type, rows);
            for (int i = 0; i < rows; i++) {
                group(groupOf[i]).add(values[i], 1, bins);
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            List<Histogram> theirs = ((States) other).groups;
            for (int g = 0; g < theirs.size(); g++) {
                mergeInto(group(mapping[g]), theirs.get(g));
            }
        }

        private void mergeInto(Histogram target, Histogram source) {
            target.lower = Math.min(target.lower, source.lower);
            target.upper = Math.max(target.upper, source.upper);
            for (int i = 0; i < source.size; i++) {
                target.add(source.means[i], source.weights[i], bins);
            }
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            List<double[]> lowers = new ArrayList<>();
            List<double[]> uppers = new ArrayList<>();
            List<double[]> heights = new ArrayList<>();
            int total = 0;
            for (int g = 0; g < groupCount; g++) {
                Histogram histogram = group(g);
                histogram.unique();
                histogram.compress(bins);
                double[][] bars = bars(histogram);
                lowers.add(bars[0]);
                uppers.add(bars[1]);
                heights.add(bars[2]);
                total += histogram.size;
                offsets[g + 1] = total;
            }
            Column tuples = new TupleColumn(
                    List.of(concatenate(lowers, total), concatenate(uppers, total), concatenate(heights, total)),
                    null,
                    total);
            return new ArrayColumn(offsets, tuples, null, groupCount);
        }

        /** Lower and upper borders halfway between points; heights by ClickHouse's linear density approximation. */
        private static double[][] bars(Histogram h) {
            int n = h.size;
            double[][] bars = new double[3][n];
            for (int i = 0; i < n; i++) {
                bars[0][i] = i == 0 ? h.lower : (h.means[i] + h.means[i - 1]) / 2;
                bars[1][i] = i + 1 == n ? h.upper : (h.means[i] + h.means[i + 1]) / 2;
                double lowerWeight = i == 0 ? h.weights[i] : (h.weights[i - 1] + h.weights[i] * 3) / 4;
                double upperWeight = i + 1 == n ? h.weights[i] : (h.weights[i + 1] + h.weights[i] * 3) / 4;
                bars[2][i] = (lowerWeight + upperWeight) / 2;
            }
            return bars;
        }

        private static Column concatenate(List<double[]> parts, int total) {
            double[] values = new double[total];
            int at = 0;
            for (double[] part : parts) {
                System.arraycopy(part, 0, values, at, part.length);
                at += part.length;
            }
            return new DoubleColumn(values, null, total);
        }

        /** ClickHouse's layout: lower bound, upper bound (Float64), VarUInt point count, then (mean, weight) pairs. */
        @Override
        public void serialize(int g, GrowableByteArray out) {
            Histogram histogram = group(g);
            out.writeLong(Double.doubleToRawLongBits(histogram.lower));
            out.writeLong(Double.doubleToRawLongBits(histogram.upper));
            out.writeVarUInt(histogram.size);
            for (int i = 0; i < histogram.size; i++) {
                out.writeLong(Double.doubleToRawLongBits(histogram.means[i]));
                out.writeLong(Double.doubleToRawLongBits(histogram.weights[i]));
            }
        }

        @Override
        public void deserialize(StateReader in) {
            Histogram read = new Histogram(bins);
            read.lower = in.readDouble();
            read.upper = in.readDouble();
            long size = in.readVarUInt();
            Histogram target = group(0);
            mergeInto(target, read);
            for (long i = 0; i < size; i++) {
                double mean = in.readDouble();
                target.add(mean, in.readDouble(), bins);
            }
        }
    }
}
