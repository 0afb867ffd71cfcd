package io.columba.storage.engine;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * SummingMergeTree([columns]): rows with one key become one row whose summed columns hold the sums (wrapping like
 * the column's type) and whose other columns keep the first row's values. A row whose sums are all zero is
 * removed.
 *
 * @param summed indexes of the columns to add up (numeric, not in the key)
 * @param types every column's type, by index
 */
public record SummingMode(int[] summed, List<DataType> types) implements MergingMode {

    public SummingMode {
        summed = summed.clone();
        types = List.copyOf(types);
    }

    @Override
    public Block collapse(Block rows, Block keys, boolean forFinal) {
        int[] starts = KeyRuns.starts(keys);
        int runs = starts.length - 1;
        int[] firsts = new int[runs];
        boolean[] zero = new boolean[runs];
        java.util.Arrays.fill(zero, true);
        Object[] sums = new Object[summed.length];
        for (int s = 0; s < summed.length; s++) {
            Column column = rows.column(summed[s]).materialize();
            DataType type = types.get(summed[s]);
            if (column instanceof LongColumn longs) {
                IntegerType integer = type instanceof IntegerType i ? i : IntegerType.INT64;
                long[] result = new long[runs];
                for (int run = 0; run < runs; run++) {
                    long sum = 0;
                    for (int row = starts[run]; row < starts[run + 1]; row++) {
                        sum += longs.get(row);
                    }
                    result[run] = integer.wrap(sum);
                    zero[run] &= result[run] == 0;
                }
                sums[s] = new LongColumn(result);
            } else {
                DoubleColumn doubles = (DoubleColumn) column;
                boolean float32 = type instanceof FloatType f && f.bytes() == 4;
                double[] result = new double[runs];
                for (int run = 0; run < runs; run++) {
                    double sum = 0;
                    for (int row = starts[run]; row < starts[run + 1]; row++) {
                        sum = float32 ? (float) (sum + doubles.get(row)) : sum + doubles.get(row);
                    }
                    result[run] = sum;
                    zero[run] &= sum == 0;
                }
                sums[s] = new DoubleColumn(result);
            }
        }
        for (int run = 0; run < runs; run++) {
            firsts[run] = starts[run];
        }
        Block first = rows.take(firsts, runs);
        List<Column> columns = new ArrayList<>(first.columns());
        for (int s = 0; s < summed.length; s++) {
            columns.set(summed[s], (Column) sums[s]);
        }
        Block summedRows = new Block(runs, columns);
        if (summed.length == 0) {
            return summedRows;
        }
        int[] nonZero = new int[runs];
        int count = 0;
        for (int run = 0; run < runs; run++) {
            if (!zero[run]) {
                nonZero[count++] = run;
            }
        }
        return count == runs ? summedRows : summedRows.take(nonZero, count);
    }
}
