package io.columba.storage.block;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of several columns of one type, taken in a given order, as {@code Block.concatColumns(pieces).take(order)}
 * gives them but copying each value once: a merge takes every column of its sources in the merged order.
 */
public final class ColumnGather {
    private final int[] pieceOf;
    private final int[] rowOf;
    /**
     * Where each run of the order starts, and the order's length last: a run takes consecutive rows of one piece
     * (a merge of parts that cover different keys or times takes long ones), so it is copied at once.
     */
    private final int[] runStarts;

    /** The gather of {@code order}, positions into the pieces one after another, whose sizes are {@code sizes}. */
    public ColumnGather(int[] order, int[] sizes) {
        int[] starts = new int[sizes.length + 1];
        for (int p = 0; p < sizes.length; p++) {
            starts[p + 1] = starts[p] + sizes[p];
        }
        pieceOf = new int[order.length];
        rowOf = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            int piece = 0;
            while (order[i] >= starts[piece + 1]) {
                piece++;
            }
            pieceOf[i] = piece;
            rowOf[i] = order[i] - starts[piece];
        }
        int runs = 0;
        for (int i = 0; i < order.length; i++) {
            if (startsRun(i)) {
                runs++;
            }
        }
        runStarts = new int[runs + 1];
        int run = 0;
        for (int i = 0; i < order.length; i++) {
            if (startsRun(i)) {
                runStarts[run++] = i;
            }
        }
        runStarts[runs] = order.length;
    }

    private boolean startsRun(int i) {
        return i == 0 || pieceOf[i] != pieceOf[i - 1] || rowOf[i] != rowOf[i - 1] + 1;
    }

    /** The rows of {@code pieces} (columns of {@code type}) in this gather's order. */
    public Column take(List<Column> pieces, DataType type) {
        List<Column> plain = new ArrayList<>(pieces.size());
        for (Column piece : pieces) {
            plain.add(piece.materialize());
        }
        int rows = pieceOf.length;
        switch (plain.get(0)) {
            case LongColumn ignored
            when allOf(plain, LongColumn.class) -> {
                long[][] sources = new long[plain.size()][];
                for (int p = 0; p < sources.length; p++) {
                    sources[p] = ((LongColumn) plain.get(p)).values();
                }
                long[] values = new long[rows];
                for (int r = 0; r + 1 < runStarts.length; r++) {
                    int from = runStarts[r];
                    System.arraycopy(sources[pieceOf[from]], rowOf[from], values, from, runStarts[r + 1] - from);
                }
                return new LongColumn(values, nulls(plain), rows);
            }
            case DoubleColumn ignored
            when allOf(plain, DoubleColumn.class) -> {
                double[][] sources = new double[plain.size()][];
                for (int p = 0; p < sources.length; p++) {
                    sources[p] = ((DoubleColumn) plain.get(p)).values();
                }
                double[] values = new double[rows];
                for (int r = 0; r + 1 < runStarts.length; r++) {
                    int from = runStarts[r];
                    System.arraycopy(sources[pieceOf[from]], rowOf[from], values, from, runStarts[r + 1] - from);
                }
                return new DoubleColumn(values, nulls(plain), rows);
            }
            case StringColumn ignored
            when allOf(plain, StringColumn.class) -> {
                return strings(plain, nulls(plain));
            }
            default -> {
                int[] order = new int[rows];
                int[] starts = new int[plain.size()];
                for (int p = 1; p < starts.length; p++) {
                    starts[p] = starts[p - 1] + plain.get(p - 1).size();
                }
                for (int i = 0; i < rows; i++) {
                    order[i] = starts[pieceOf[i]] + rowOf[i];
                }
                return Block.concatColumns(plain, type, rows).take(order, rows);
            }
        }
    }

    private Column strings(List<Column> plain, boolean[] nulls) {
        StringColumn[] sources = new StringColumn[plain.size()];
        for (int p = 0; p < sources.length; p++) {
            sources[p] = (StringColumn) plain.get(p);
        }
        int rows = pieceOf.length;
        long total = 0;
        for (int r = 0; r + 1 < runStarts.length; r++) {
            int from = runStarts[r];
            int[] offsets = sources[pieceOf[from]].offsets();
            total += offsets[rowOf[from] + runStarts[r + 1] - from] - offsets[rowOf[from]];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("string column of " + total + " bytes is too large for one block");
        }
        byte[] data = new byte[(int) total];
        int[] offsets = new int[rows + 1];
        int at = 0;
        for (int r = 0; r + 1 < runStarts.length; r++) {
            int from = runStarts[r];
            int length = runStarts[r + 1] - from;
            StringColumn source = sources[pieceOf[from]];
            int[] sourceOffsets = source.offsets();
            int first = rowOf[from];
            int start = sourceOffsets[first];
            int shift = at - start;
            for (int k = 1; k <= length; k++) {
                offsets[from + k] = sourceOffsets[first + k] + shift;
            }
            int bytes = sourceOffsets[first + length] - start;
            System.arraycopy(source.data(), start, data, at, bytes);
            at += bytes;
        }
        return new StringColumn(data, offsets, nulls, rows);
    }

    /** The null map of the taken rows, or null when none is NULL. */
    private boolean[] nulls(List<Column> plain) {
        boolean any = false;
        for (Column piece : plain) {
            any |= piece.nulls() != null;
        }
        if (!any) {
            return null;
        }
        boolean[] nulls = new boolean[pieceOf.length];
        boolean found = false;
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = plain.get(pieceOf[i]).isNull(rowOf[i]);
            found |= nulls[i];
        }
        return found ? nulls : null;
    }

    private static boolean allOf(List<Column> columns, Class<?> kind) {
        for (Column column : columns) {
            if (!kind.isInstance(column)) {
                return false;
            }
        }
        return true;
    }
}
