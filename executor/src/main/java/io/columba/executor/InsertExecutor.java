package io.columba.executor;

import io.columba.executor.analyzer.ExpressionBinder;
import io.columba.executor.analyzer.Plan;
import io.columba.executor.analyzer.SelectPlanner;
import io.columba.executor.catalog.TableEntry;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.format.InputFormats;
import io.columba.executor.format.TextValues;
import io.columba.executor.format.TypedDelimitedParser;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.scalar.NullsColumn;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.executor.operator.Blocks;
import io.columba.executor.operator.RowComparator;
import io.columba.executor.operator.SortKey;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.InsertStatement;
import io.columba.storage.block.Block;
import io.columba.storage.block.PackedKeySort;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.StringType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INSERT: reads every row first (VALUES, inline FORMAT data, or a SELECT), converts it to the table's types, then
 * splits it by partition, sorts each piece by the sorting key and writes one part per partition. A bad row fails
 * the statement before anything is written.
 */
final class InsertExecutor {
    private static final int MAX_PARTITIONS_PER_INSERT = 100;

    private final FunctionRegistry functions;

    InsertExecutor(FunctionRegistry functions) {
        this.functions = functions;
    }

    long insert(TableEntry entry, InsertStatement insert, SelectPlanner planner) {
        List<String> targetNames = targetNames(entry, insert.columns());
        List<DataType> targetTypes = targetTypes(entry, targetNames);
        if (insert.format() != null) {
            return complete(entry, targetNames, formatted(insert.format(), insert.data(), targetNames, targetTypes));
        }
        Block given = insert.values() != null
                ? values(insert.values(), targetTypes)
                : selected(planner.plan(insert.select()), targetTypes);
        return complete(entry, targetNames, new Given(given, null));
    }

    /** Rows read for the target columns; {@code present} says, per column, which rows gave a value (JSON), or null. */
    private record Given(Block block, List<boolean[]> present) {}

    /**
     * Inserts rows given as bytes of an input format ({@code TabSeparated} and {@code CSV} parsed straight from the
     * bytes; others through their text): the road for bulk loads, with no SQL text in between.
     */
    long insertFormatted(TableEntry entry, List<String> columns, String format, byte[] data, int from, int to) {
        List<String> targetNames = targetNames(entry, columns);
        List<DataType> targetTypes = targetTypes(entry, targetNames);
        char delimiter = delimiter(format);
        Given given = delimiter != 0
                ? new Given(parseDelimited(data, from, to, delimiter, format, targetTypes), null)
                : formatted(
                        format,
                        new String(data, from, to - from, java.nio.charset.StandardCharsets.UTF_8),
                        targetNames,
                        targetTypes);
        return complete(entry, targetNames, given);
    }

    /** Inserts rows converted already; a column of another type than the table's is converted to it. */
    long insertBlock(TableEntry entry, List<String> columns, List<DataType> types, Block block) {
        List<String> targetNames = targetNames(entry, columns);
        List<DataType> targetTypes = targetTypes(entry, targetNames);
        List<Column> converted = new ArrayList<>(block.columns());
        for (int c = 0; c < converted.size(); c++) {
            if (!types.get(c).equals(targetTypes.get(c))) {
                converted.set(
                        c,
                        TypeConversion.cast(converted.get(c), types.get(c), targetTypes.get(c), block.rowCount())
                                .materialize());
            }
        }
        return complete(entry, targetNames, new Given(new Block(block.rowCount(), converted), null));
    }

    private static List<String> targetNames(TableEntry entry, List<String> columns) {
        return columns.isEmpty()
                ? entry.table().schema().columns().stream()
                        .map(ColumnDefinition::name)
                        .toList()
                : columns;
    }

    /** The given columns plus every other one from its DEFAULT expression (or its type's default), then writes. */
    private long complete(TableEntry entry, List<String> targetNames, Given input) {
        Block given = input.block();
        List<ColumnDefinition> tableColumns = entry.table().schema().columns();
        List<Column> full = new ArrayList<>();
        for (ColumnDefinition column : tableColumns) {
            int position = targetNames.indexOf(column.name());
            full.add(
                    position >= 0
                            ? given.column(position)
                            : NullsColumn.defaults(
                                    column.type(),
                                    column.type().isNullable() ? allTrue(given.rowCount()) : null,
                                    given.rowCount()));
        }
        Block rows = withDefaultExpressions(entry, targetNames, input.present(), new Block(given.rowCount(), full));
        write(entry, rows);
        return rows.rowCount();
    }

    /**
     * Columns not given, and values a JSON row left out, whose declaration has {@code DEFAULT expr}: the expression
     * over the row's other values (ClickHouse's input_format_defaults_for_omitted_fields).
     */
    private Block withDefaultExpressions(TableEntry entry, List<String> given, List<boolean[]> present, Block rows) {
        List<io.columba.sql.ast.ColumnDeclaration> declarations =
                entry.definition().columns();
        List<ColumnDefinition> tableColumns = entry.table().schema().columns();
        List<Column> columns = new ArrayList<>(rows.columns());
        boolean changed = false;
        for (int c = 0; c < tableColumns.size(); c++) {
            ColumnDefinition column = tableColumns.get(c);
            io.columba.sql.ast.ColumnDeclaration declaration = declarations.stream()
                    .filter(d -> d.name().equals(column.name()))
                    .findFirst()
                    .orElse(null);
            int position = given.indexOf(column.name());
            boolean[] gave = position >= 0 && present != null ? present.get(position) : null;
            boolean someOmitted = gave != null && !allTrueIn(gave, rows.rowCount());
            if (declaration == null || declaration.defaultExpression() == null || (position >= 0 && !someOmitted)) {
                continue;
            }
            ExpressionBinder binder = new ExpressionBinder(
                    functions,
                    tableColumns.stream().map(ColumnDefinition::name).toList(),
                    tableColumns.stream().map(ColumnDefinition::type).toList(),
                    null,
                    "DEFAULT of column " + column.name());
            BoundExpression bound = binder.bind(declaration.defaultExpression());
            Column value = ExpressionEvaluator.evaluate(bound, new Block(rows.rowCount(), columns));
            Column defaults = TypeConversion.cast(value, bound.type(), column.type(), rows.rowCount())
                    .materialize();
            columns.set(c, gave == null ? defaults : pick(columns.get(c), defaults, gave, column.type()));
            changed = true;
        }
        return changed ? new Block(rows.rowCount(), columns) : rows;
    }

    private static boolean allTrueIn(boolean[] flags, int rows) {
        for (int row = 0; row < rows; row++) {
            if (!flags[row]) {
                return false;
            }
        }
        return true;
    }

    /** Row by row: the given value where the row had one, else the default. */
    private static Column pick(Column given, Column defaults, boolean[] gave, DataType type) {
        io.columba.storage.column.ColumnBuilder out =
                io.columba.storage.column.ColumnBuilder.forType(type, given.size());
        for (int row = 0; row < given.size(); row++) {
            out.appendFrom(gave[row] ? given : defaults, row);
        }
        return out.build();
    }

    private static List<DataType> targetTypes(TableEntry entry, List<String> targetNames) {
        List<ColumnDefinition> tableColumns = entry.table().schema().columns();
        List<DataType> targetTypes = new ArrayList<>();
        for (String name : targetNames) {
            int index = entry.table().schema().indexOf(name);
            if (index < 0) {
                throw new ColumbaException(
                        ErrorCode.NO_SUCH_COLUMN_IN_TABLE,
                        "No such column " + name + " in table default." + entry.name());
            }
            targetTypes.add(tableColumns.get(index).type());
        }
        return targetTypes;
    }

    private static boolean[] allTrue(int rows) {
        boolean[] nulls = new boolean[rows];
        java.util.Arrays.fill(nulls, true);
        return nulls;
    }

    private Block values(List<List<Expression>> rows, List<DataType> types) {
        ExpressionBinder constants = new ExpressionBinder(functions, List.of(), List.of(), null, "VALUES");
        List<ColumnBuilder> builders = new ArrayList<>();
        for (DataType type : types) {
            builders.add(ColumnBuilder.forType(type, rows.size()));
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Expression> row = rows.get(r);
            if (row.size() != types.size()) {
                throw new ColumbaException(
                        ErrorCode.INCORRECT_DATA,
                        "Row " + (r + 1) + " of VALUES has " + row.size() + " values, expected " + types.size());
            }
            for (int c = 0; c < row.size(); c++) {
                BoundExpression bound = constants.bind(row.get(c));
                if (bound.type().withoutNullable() instanceof StringType && TypeConversion.isComposite(types.get(c))) {
                    throw new ColumbaException(
                            ErrorCode.TYPE_MISMATCH,
                            "Type mismatch in VALUES section. Expected: "
                                    + types.get(c).name() + ". Got: String");
                }
                Constant folded = ExpressionEvaluator.fold(bound);
                Column value = folded.toColumn();
                DataType from = bound.type();
                if (types.get(c).withoutNullable() instanceof DecimalType
                        && from.withoutNullable() instanceof FloatType
                        && !folded.isNull()) {
                    // ClickHouse parses a VALUES number as the column's text: 19.99 is 19.99, not the float's 19.98.
                    StringColumnBuilder text = new StringColumnBuilder(1);
                    text.append(BigDecimal.valueOf(folded.doubleValue()).toPlainString());
                    value = text.build();
                    from = StringType.STRING;
                }
                builders.get(c)
                        .appendFrom(
                                TypeConversion.cast(value, from, types.get(c), 1)
                                        .materialize(),
                                0);
            }
        }
        List<Column> columns = builders.stream().map(ColumnBuilder::build).toList();
        return new Block(rows.size(), columns);
    }

    private static char delimiter(String format) {
        return switch (format) {
            case "TabSeparated", "TSV" -> '\t';
            case "CSV" -> ',';
            default -> 0;
        };
    }

    private static Block parseDelimited(
            byte[] data, int from, int to, char delimiter, String format, List<DataType> types) {
        try {
            return TypedDelimitedParser.parse(data, from, to, delimiter, types);
        } catch (ColumbaException e) {
            throw new ColumbaException(e.errorCode(), e.getMessage() + ": while reading format " + format, e);
        }
    }

    private static Given formatted(String format, String data, List<String> names, List<DataType> types) {
        if (!InputFormats.isSupported(format)) {
            throw new ColumbaException(ErrorCode.UNKNOWN_FORMAT, "Unknown input format " + format);
        }
        char delimiter = delimiter(format);
        if (delimiter != 0) {
            byte[] bytes = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Given(parseDelimited(bytes, 0, bytes.length, delimiter, format, types), null);
        }
        InputFormats.TextRows text = InputFormats.read(format, data, names);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            DataType type = types.get(c);
            Column raw = text.values().get(c);
            try {
                columns.add(TypeConversion.cast(
                                raw, io.columba.storage.type.NullableType.of(StringType.STRING), type, text.rowCount())
                        .materialize());
            } catch (ColumbaException e) {
                throw new ColumbaException(
                        e.errorCode(),
                        e.getMessage() + ": while reading column " + names.get(c) + " of format " + format);
            }
        }
        return new Given(new Block(text.rowCount(), columns), text.present());
    }

    private static Block selected(Plan plan, List<DataType> types) {
        if (plan.types().size() != types.size()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of columns doesn't match: the SELECT gives "
                            + plan.types().size() + ", the INSERT expects " + types.size());
        }
        List<Block> blocks = Blocks.drain(plan.root());
        if (blocks.isEmpty()) {
            return new Block(
                    0, types.stream().map(t -> NullsColumn.defaults(t, null, 0)).toList());
        }
        Block all = Blocks.concat(blocks, plan.types());
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < types.size(); c++) {
            columns.add(TypeConversion.cast(all.column(c), plan.types().get(c), types.get(c), all.rowCount())
                    .materialize());
        }
        return new Block(all.rowCount(), columns);
    }

    private static void write(TableEntry entry, Block rows) {
        if (rows.rowCount() == 0 || entry.discardsRows()) {
            return;
        }
        Map<String, int[]> partitions = partitions(entry, rows);
        if (partitions.size() > MAX_PARTITIONS_PER_INSERT) {
            throw new ColumbaException(
                    ErrorCode.TOO_MANY_PARTS,
                    "Too many partitions for single INSERT block (more than " + MAX_PARTITIONS_PER_INSERT + ")");
        }
        for (Map.Entry<String, int[]> partition : partitions.entrySet()) {
            int[] positions = partition.getValue();
            Block piece = positions.length == rows.rowCount() ? rows : rows.take(positions, positions.length);
            List<Column> keyColumns = new ArrayList<>();
            List<SortKey> sortKeys = new ArrayList<>();
            List<DataType> keyTypes = new ArrayList<>();
            for (BoundExpression key : entry.sortingKey()) {
                sortKeys.add(new SortKey(keyColumns.size(), key.type(), false, false));
                keyTypes.add(key.type());
                keyColumns.add(ExpressionEvaluator.evaluate(key, piece).materialize());
            }
            Block keys = new Block(piece.rowCount(), keyColumns);
            int[] order = PackedKeySort.sortedOrder(keys, keyTypes);
            if (order == null) {
                order = new RowComparator(sortKeys, keys).sortedPermutation(piece.rowCount());
            }
            entry.table()
                    .insertSorted(partition.getKey(), piece.take(order, order.length), keys.take(order, order.length));
        }
    }

    private static Map<String, int[]> partitions(TableEntry entry, Block rows) {
        Map<String, int[]> result = new LinkedHashMap<>();
        if (entry.partitionKey() == null) {
            int[] all = new int[rows.rowCount()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            result.put("all", all);
            return result;
        }
        Column key = ExpressionEvaluator.evaluate(entry.partitionKey(), rows).materialize();
        DataType type = entry.partitionKey().type().withoutNullable();
        Map<String, List<Integer>> grouped = new LinkedHashMap<>();
        for (int row = 0; row < rows.rowCount(); row++) {
            grouped.computeIfAbsent(partitionId(key, type, row), k -> new ArrayList<>())
                    .add(row);
        }
        for (Map.Entry<String, List<Integer>> group : grouped.entrySet()) {
            result.put(
                    group.getKey(),
                    group.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }

    /** ClickHouse's partition ids: integers as decimal text, dates as YYYYMMDD, anything else as a hash. */
    private static String partitionId(Column key, DataType type, int row) {
        if (key.isNull(row)) {
            return "null";
        }
        return switch (key) {
            case LongColumn longs ->
                type instanceof DateType
                        ? TextValues.formatDate(longs.get(row)).replace("-", "")
                        : TextValues.longText(longs.get(row), type);
            case DoubleColumn doubles -> hash(Double.toString(doubles.get(row)).getBytes(StandardCharsets.UTF_8));
            case StringColumn strings -> hash(strings.getBytes(row));
            default -> throw new IllegalStateException();
        };
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
