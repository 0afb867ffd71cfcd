package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.part.DataPart;
import io.columba.storage.part.LongGranuleReader;
import io.columba.storage.type.DataType;
import io.columba.storage.type.PhysicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads columns of a table's parts, granule range by granule range, in blocks of a few granules. The ranges
 * come already pruned by the primary key and skip indexes; a scan of no columns yields row counts only.
 *
 * <p>With a filter, a block is read as ClickHouse reads PREWHERE: the filter's AND-ed conditions are evaluated one
 * after another, each reading its columns when first needed and looking only at the rows the earlier ones kept;
 * then the other columns are read only over the granules between the first and the last row that passed. A block
 * no row of passes costs only the columns of the conditions it took to rule it out. The rows returned pass.
 *
 * <p>The conditions run in the order that rules rows out soonest for the least work, learned as the scan goes (as
 * DuckDB's adaptive filters do): after each block they are ranked by the time each took per block row over the share
 * of rows it removed, one not yet measured going first. {@code URLHash = 2868770270353813622} written last but
 * passing no row ends up first, and then is the only column a block reads.
 */
public final class ScanOperator implements Operator {
    private static final int GRANULES_PER_BLOCK = 8;

    /**
     * Uncompressed bytes a block's widest string or array column may take before the block holds fewer granules:
     * under G1's humongous-object threshold, so its buffer is an ordinary young allocation rather than a region of
     * its own that also hastens collections.
     */
    private static final long BLOCK_COLUMN_BYTES = 1 << 20;

    private final Iterator<GranuleRange> ranges;
    private final List<DataType> columnTypes;
    private final QueryContext context;
    private final List<ColumnDefinition> definitions;
    /** The filter's conjuncts, each bound over its own columns, evaluated in order on the rows still passing. */
    private final List<Conjunct> conjuncts = new ArrayList<>();
    /** The conjuncts in the order the next block evaluates them. */
    private Conjunct[] order;
    /** Per conjunct (by {@link Conjunct#id}): nanoseconds spent, rows of the blocks it ran on, rows in, rows out. */
    private long[] spentNanos;

    private long[] blockRows;
    private long[] rowsIn;
    private long[] rowsOut;
    /** Columns some conjunct reads (over the whole block; the others only where rows passed). */
    private final boolean[] readForFilter;

    /**
     * One AND-ed condition: the scan columns it reads and the condition bound over just those; {@code range} when it
     * is a comparison with a constant that selects rows without a mask.
     */
    private record Conjunct(int id, int[] columns, BoundExpression condition, RangeCondition range, boolean direct) {}

    /** Columns only the filter reads: a block returns a placeholder of the right row count for them. */
    private final boolean[] filterOnly;
    /** Where a direct conjunct decodes a granule of its column (sized for the largest granule met). */
    private long[] granuleValues = new long[0];
    /** Two selections a block's conjuncts write in turn (what a block returns copies the rows it keeps). */
    private final int[][] selections = {new int[0], new int[0]};

    private GranuleRange current;
    private int nextGranule;
    private DataPart sizedPart;
    private int granulesPerBlock = GRANULES_PER_BLOCK;

    public ScanOperator(
            List<GranuleRange> ranges, List<String> columnNames, List<DataType> columnTypes, QueryContext context) {
        this(ranges, columnNames, columnTypes, context, null);
    }

    /** A scan that returns only the rows where {@code filter} (bound over the scan's columns) holds. */
    public ScanOperator(
            List<GranuleRange> ranges,
            List<String> columnNames,
            List<DataType> columnTypes,
            QueryContext context,
            BoundExpression filter) {
        this(ranges, columnNames, columnTypes, context, filter, null);
    }

    /**
     * A scan that returns only the rows where {@code filter} holds, where the columns {@code filterOnly} marks are
     * read by the filter alone: their values in the blocks returned are placeholders. A comparison of such a column
     * with a constant is evaluated granule by granule on its stored values, without building a column.
     */
    public ScanOperator(
            List<GranuleRange> ranges,
            List<String> columnNames,
            List<DataType> columnTypes,
            QueryContext context,
            BoundExpression filter,
            boolean[] filterOnly) {
        this.ranges = ranges.iterator();
        this.columnTypes = List.copyOf(columnTypes);
        this.definitions = new ArrayList<>();
        for (int c = 0; c < columnNames.size(); c++) {
            definitions.add(new ColumnDefinition(columnNames.get(c), columnTypes.get(c)));
        }
        this.context = context;
        this.readForFilter = new boolean[columnNames.size()];
        this.filterOnly = filterOnly == null ? new boolean[columnNames.size()] : filterOnly.clone();
        if (filter == null) {
            return;
        }
        List<BoundExpression> parts = new ArrayList<>();
        splitConjuncts(filter, parts);
        int[] conjunctsReading = new int[columnNames.size()];
        for (BoundExpression part : parts) {
            boolean[] used = new boolean[columnNames.size()];
            markColumns(part, used);
            for (int c = 0; c < used.length; c++) {
                conjunctsReading[c] += used[c] ? 1 : 0;
            }
        }
        for (BoundExpression part : parts) {
            boolean[] used = new boolean[columnNames.size()];
            markColumns(part, used);
            int[] positions = new int[columnNames.size()];
            Arrays.fill(positions, -1);
            List<Integer> columns = new ArrayList<>();
            for (int c = 0; c < used.length; c++) {
                if (used[c]) {
                    positions[c] = columns.size();
                    columns.add(c);
                    readForFilter[c] = true;
                }
            }
            RangeCondition range = RangeCondition.of(part);
            boolean direct = range != null
                    && columns.size() == 1
                    && this.filterOnly[range.column()]
                    && conjunctsReading[range.column()] == 1;
            conjuncts.add(new Conjunct(
                    conjuncts.size(),
                    columns.stream().mapToInt(Integer::intValue).toArray(),
                    rebind(part, positions),
                    range,
                    direct));
        }
        order = conjuncts.toArray(new Conjunct[0]);
        spentNanos = new long[order.length];
        blockRows = new long[order.length];
        rowsIn = new long[order.length];
        rowsOut = new long[order.length];
    }

    /** Granules per block in {@code part}: fewer when a string or array column of it is wide. */
    private int granulesPerBlock(DataPart part) {
        if (part == sizedPart) {
            return granulesPerBlock;
        }
        long widest = 0;
        List<ColumnDefinition> stored = part.columns();
        for (ColumnDefinition column : definitions) {
            boolean variableWidth = column.type().physicalType() == PhysicalType.ARRAY
                    || (column.type().physicalType() == PhysicalType.BYTES
                            && column.type().fixedWidth() == 0);
            for (int c = 0; variableWidth && c < stored.size(); c++) {
                if (stored.get(c).name().equals(column.name())) {
                    widest = Math.max(widest, part.uncompressedBytes(c) / Math.max(1, part.granuleCount()));
                }
            }
        }
        sizedPart = part;
        granulesPerBlock = (int) Math.max(1, Math.min(GRANULES_PER_BLOCK, BLOCK_COLUMN_BYTES / Math.max(1, widest)));
        return granulesPerBlock;
    }

    /** The AND-ed parts of a condition ({@code and(a, and(b, c))} gives a, b, c). */
    private static void splitConjuncts(BoundExpression condition, List<BoundExpression> parts) {
        if (condition instanceof FunctionInvocation invocation
                && invocation.name().equals("and")
                && !invocation.type().isNullable()) {
            for (BoundExpression argument : invocation.arguments()) {
                splitConjuncts(argument, parts);
            }
            return;
        }
        parts.add(condition);
    }

    @Override
    public Block next() {
        while (true) {
            if (context.stopped()) {
                return null;
            }
            while (current == null || nextGranule >= current.to()) {
                if (!ranges.hasNext()) {
                    return null;
                }
                current = ranges.next();
                nextGranule = current.from();
            }
            DataPart part = current.part();
            int from = nextGranule;
            int to = Math.min(current.to(), from + granulesPerBlock(part));
            nextGranule = to;
            Block block = conjuncts.isEmpty() ? readAll(part, from, to) : readFiltered(part, from, to);
            if (block != null) {
                return block;
            }
        }
    }

    private Block readAll(DataPart part, int from, int to) {
        int rows = part.rowsIn(from, to);
        List<Column> columns = new ArrayList<>(definitions.size());
        long bytes = 0;
        for (int c = 0; c < definitions.size(); c++) {
            Column column = part.readOrDefault(definitions.get(c), from, to);
            columns.add(column);
            bytes += byteSize(column, columnTypes.get(c), rows);
        }
        context.addTableRead(rows, bytes);
        return new Block(rows, columns);
    }

    /**
     * The rows of granules [from, to) that pass the filter, or null when none does. Each conjunct reads its columns
     * when first needed and is evaluated only on the rows the earlier ones kept.
     */
    private Block readFiltered(DataPart part, int from, int to) {
        int rows = part.rowsIn(from, to);
        Column[] columns = new Column[definitions.size()];
        long bytes = 0;
        int[] selection = null;
        int count = rows;
        for (int step = 0; step < order.length; step++) {
            Conjunct conjunct = order[step];
            long started = System.nanoTime();
            if (selections[step & 1].length < count) {
                selections[step & 1] = new int[rows];
            }
            int[] passing = selections[step & 1];
            RangeCondition range = conjunct.range();
            LongGranuleReader reader =
                    conjunct.direct() ? part.longGranuleReader(definitions.get(range.column())) : null;
            if (reader != null) {
                bytes += (long) columnTypes.get(range.column()).fixedWidth() * rows;
            }
            for (int c = 0; reader == null && c < conjunct.columns().length; c++) {
                int column = conjunct.columns()[c];
                if (columns[column] == null) {
                    columns[column] = part.readOrDefault(definitions.get(column), from, to);
                    bytes += byteSize(columns[column], columnTypes.get(column), rows);
                }
            }
            int kept;
            if (reader != null) {
                kept = selectGranules(reader, range, from, to, selection, count, passing);
            } else if (range != null && columns[range.column()] instanceof LongColumn longs && longs.nulls() == null) {
                kept = range.select(longs.values(), selection, count, passing);
            } else {
                kept = select(conjunct, columns, selection, count, passing);
            }
            int id = conjunct.id();
            spentNanos[id] += System.nanoTime() - started;
            blockRows[id] += rows;
            rowsIn[id] += count;
            rowsOut[id] += kept;
            selection = passing;
            count = kept;
            if (count == 0) {
                context.addTableRead(rows, bytes);
                reorder();
                return null;
            }
        }
        reorder();
        // The other columns: only the granules from the first to the last row that passed.
        int firstGranule = from;
        while (part.rowsIn(from, firstGranule + 1) <= selection[0]) {
            firstGranule++;
        }
        int lastGranule = firstGranule;
        while (part.rowsIn(from, lastGranule + 1) <= selection[count - 1]) {
            lastGranule++;
        }
        int skipped = part.rowsIn(from, firstGranule);
        int[] shifted = selection;
        if (skipped > 0) {
            shifted = new int[count];
            for (int i = 0; i < count; i++) {
                shifted[i] = selection[i] - skipped;
            }
        }
        int narrowRows = part.rowsIn(firstGranule, lastGranule + 1);
        List<Column> result = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            Column column;
            if (readForFilter[c] && (columns[c] == null || filterOnly[c])) {
                column = placeholder(c, count);
            } else if (readForFilter[c]) {
                column = count == rows ? columns[c] : columns[c].take(selection, count);
            } else {
                Column read = part.readOrDefault(definitions.get(c), firstGranule, lastGranule + 1);
                bytes += byteSize(read, columnTypes.get(c), narrowRows);
                column = count == narrowRows ? read : read.take(shifted, count);
            }
            result.add(column);
        }
        context.addTableRead(rows, bytes);
        return new Block(count, result);
    }

    /**
     * Evaluates a direct conjunct over granules [from, to) of its column, decoding only the granules holding a row
     * of {@code selection} (all, when null); writes the rows (of the block) that pass to {@code passing}.
     */
    private int selectGranules(
            LongGranuleReader reader,
            RangeCondition range,
            int from,
            int to,
            int[] selection,
            int count,
            int[] passing) {
        int kept = 0;
        int base = 0;
        int next = 0;
        for (int g = from; g < to && (selection == null || next < count); g++) {
            int rows = reader.rows(g);
            if (granuleValues.length < rows) {
                granuleValues = new long[rows];
            }
            if (selection == null) {
                reader.read(g, granuleValues);
                kept = range.selectRun(granuleValues, rows, base, passing, kept);
            } else {
                int end = next;
                while (end < count && selection[end] < base + rows) {
                    end++;
                }
                if (end > next) {
                    reader.read(g, granuleValues);
                    kept = range.selectListed(granuleValues, base, selection, next, end, passing, kept);
                }
                next = end;
            }
            base += rows;
        }
        return kept;
    }

    /** A column of {@code rows} default values standing for a filter-only column no one reads after the filter. */
    private Column placeholder(int column, int rows) {
        return new ConstantColumn(ColumnBuilder.defaults(columnTypes.get(column), 1), rows);
    }

    /**
     * Sorts the conjuncts by their cost per block row over the share of rows they remove (stable; never measured
     * first). The rows that pass do not depend on the order, only the work does.
     */
    private void reorder() {
        for (int i = 1; i < order.length; i++) {
            Conjunct moving = order[i];
            double rank = rank(moving.id());
            int j = i - 1;
            while (j >= 0 && rank(order[j].id()) > rank) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = moving;
        }
    }

    private double rank(int id) {
        if (rowsIn[id] == 0) {
            return -1;
        }
        double removed = 1 - (double) rowsOut[id] / rowsIn[id];
        return ((double) spentNanos[id] / blockRows[id]) / Math.max(removed, 1e-6);
    }

    /** Evaluates the conjunct on the selected rows; writes the rows (of the block) that pass to {@code passing}. */
    private static int select(Conjunct conjunct, Column[] columns, int[] selection, int count, int[] passing) {
        List<Column> input = new ArrayList<>(conjunct.columns().length);
        for (int c : conjunct.columns()) {
            input.add(selection == null ? columns[c] : columns[c].take(selection, count));
        }
        int kept = FilterOperator.select(
                ExpressionEvaluator.evaluate(conjunct.condition(), new Block(count, input)), count, passing);
        if (selection != null) {
            for (int i = 0; i < kept; i++) {
                passing[i] = selection[passing[i]];
            }
        }
        return kept;
    }

    private static void markColumns(BoundExpression expression, boolean[] used) {
        switch (expression) {
            case ColumnReference reference -> used[reference.index()] = true;
            case Constant ignored -> {}
            case FunctionInvocation invocation -> {
                for (BoundExpression argument : invocation.arguments()) {
                    markColumns(argument, used);
                }
            }
        }
    }

    /** The expression with column {@code i} of the scan read as column {@code positions[i]}. */
    private static BoundExpression rebind(BoundExpression expression, int[] positions) {
        return switch (expression) {
            case ColumnReference reference -> new ColumnReference(positions[reference.index()], reference.type());
            case Constant constant -> constant;
            case FunctionInvocation invocation ->
                new FunctionInvocation(
                        invocation.name(),
                        invocation.arguments().stream()
                                .map(argument -> rebind(argument, positions))
                                .toList(),
                        invocation.type(),
                        invocation.kernel());
        };
    }

    private static long byteSize(Column column, DataType type, int rows) {
        long nullBytes = type.isNullable() ? rows : 0;
        if (column instanceof StringColumn strings) {
            return nullBytes + strings.offsets()[rows] + 8L * rows;
        }
        return nullBytes + (long) type.fixedWidth() * rows;
    }
}
