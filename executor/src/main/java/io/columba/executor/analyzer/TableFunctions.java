package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.format.TypedDelimitedParser;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.operator.Blocks;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.EnumType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.LowCardinalityType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.UuidType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The table functions besides {@code numbers}: {@code values} (rows written inline), {@code zeros} (a column of
 * zeros) and {@code generateRandom} (random rows of a structure, endless until a LIMIT).
 */
final class TableFunctions {
    /** A table computed at once. */
    record Table(List<String> names, List<DataType> types, List<Block> blocks) {}

    /** The columns of a structure and how to turn a block of {@code numbers} into the function's rows. */
    record Stream(List<String> names, List<DataType> types, UnaryOperator<Block> rows) {}

    private final FunctionRegistry functions;

    TableFunctions(FunctionRegistry functions) {
        this.functions = functions;
    }

    private ExpressionBinder constants(String name) {
        return new ExpressionBinder(functions, List.of(), List.of(), null, name);
    }

    /**
     * {@code values(['structure',] row, ...)}: a row is a tuple of the columns' values, or a bare value when there is
     * one column. Without a structure the columns are c1, c2, ... of the rows' common types.
     */
    Table values(FunctionCall call) {
        List<Expression> arguments = call.arguments();
        if (arguments.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Table function values requires at least one row");
        }
        ExpressionBinder binder = constants("values");
        List<String> names = null;
        List<DataType> types = null;
        int first = 0;
        if (arguments.size() > 1
                && binder.bind(arguments.get(0)) instanceof Constant structure
                && structure.type() instanceof StringType) {
            List<String[]> columns = structure(structure.stringValue(), "values");
            names = columns.stream().map(column -> column[0]).toList();
            types = columns.stream()
                    .map(column -> DataTypeParser.parse(column[1]))
                    .toList();
            first = 1;
        }
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (Expression row : arguments.subList(first, arguments.size())) {
            boolean tuple = row instanceof FunctionCall function
                    && function.name().equals("tuple")
                    && (types == null || types.size() > 1);
            List<BoundExpression> cells = new ArrayList<>();
            for (Expression cell : tuple ? ((FunctionCall) row).arguments() : List.of(row)) {
                cells.add(binder.bind(cell));
            }
            if (!rows.isEmpty() && cells.size() != rows.get(0).size()
                    || types != null && cells.size() != types.size()) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Table function values: row " + (rows.size() + 1) + " has " + cells.size()
                                + " values, expected "
                                + (types != null ? types.size() : rows.get(0).size()));
            }
            rows.add(cells);
        }
        int width = rows.get(0).size();
        if (types == null) {
            List<String> generated = new ArrayList<>();
            List<DataType> common = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                generated.add("c" + (c + 1));
                DataType type = rows.get(0).get(c).type();
                for (List<BoundExpression> row : rows) {
                    type = NumericTypes.commonType(type, row.get(c).type());
                }
                common.add(type);
            }
            names = generated;
            types = common;
        }
        Block one = new Block(1, List.of(new LongColumn(new long[] {0})));
        List<Block> blocks = new ArrayList<>();
        for (List<BoundExpression> row : rows) {
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                BoundExpression cell = row.get(c);
                if (!cell.type().equals(types.get(c))) {
                    cell = SelectPlanner.castTo(cell, types.get(c));
                }
                columns.add(ExpressionEvaluator.evaluate(cell, one).materialize());
            }
            blocks.add(new Block(1, columns));
        }
        return new Table(names, types, List.of(Blocks.concat(blocks, types)));
    }

    /** {@code zeros(n)}: one UInt8 column {@code zero}. */
    static Stream zeros() {
        return new Stream(
                List.of("zero"),
                List.of(IntegerType.UINT8),
                numbers -> new Block(numbers.rowCount(), List.of(new LongColumn(new long[numbers.rowCount()]))));
    }

    /**
     * {@code generateRandom('structure'[, seed[, max_string_length[, max_array_length]]])}: random values of each
     * column's type, the same for the same seed (not ClickHouse's values: its generator is its own).
     */
    Stream generateRandom(FunctionCall call) {
        List<Expression> arguments = call.arguments();
        if (arguments.isEmpty() || arguments.size() > 4) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH, "Table function generateRandom takes 1 to 4 arguments");
        }
        ExpressionBinder binder = constants("generateRandom");
        if (!(binder.bind(arguments.get(0)) instanceof Constant structure)
                || !(structure.type() instanceof StringType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "The first argument of generateRandom must be the structure as a string constant");
        }
        long[] numbers = {System.nanoTime(), 10, 10};
        for (int i = 1; i < arguments.size(); i++) {
            BoundExpression bound = binder.bind(arguments.get(i));
            if (bound instanceof Constant constant && constant.isNull() && i == 1) {
                continue;
            }
            if (!(bound instanceof Constant constant) || !(constant.type().withoutNullable() instanceof IntegerType)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "Argument " + (i + 1) + " of generateRandom must be an integer constant");
            }
            numbers[i - 1] = constant.longValue();
        }
        List<String[]> columns = structure(structure.stringValue(), "generateRandom");
        List<String> names = columns.stream().map(column -> column[0]).toList();
        List<DataType> types =
                columns.stream().map(column -> DataTypeParser.parse(column[1])).toList();
        long seed = numbers[0];
        int maxString = (int) Math.clamp(numbers[1], 0, 1 << 20);
        int maxArray = (int) Math.clamp(numbers[2], 0, 1 << 16);
        return new Stream(names, types, block -> {
            // Each block's rows come from the seed and the block's first number: the same rows for the same seed.
            long firstRow =
                    block.rowCount() == 0 ? 0 : ((LongColumn) block.column(0).materialize()).get(0);
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + firstRow);
            StringBuilder text = new StringBuilder();
            for (int row = 0; row < block.rowCount(); row++) {
                for (int c = 0; c < types.size(); c++) {
                    text.append(c == 0 ? "" : "\t");
                    randomText(text, types.get(c), random, maxString, maxArray, false);
                }
                text.append('\n');
            }
            return TypedDelimitedParser.parse(text.toString(), '\t', types);
        });
    }

    /** One random value as TabSeparated text (as an array element when {@code quoted}). */
    private static void randomText(
            StringBuilder text, DataType type, SplittableRandom random, int maxString, int maxArray, boolean quoted) {
        switch (type) {
            case NullableType nullable -> {
                if (random.nextInt(10) == 0) {
                    text.append(quoted ? "NULL" : "\\N");
                } else {
                    randomText(text, nullable.inner(), random, maxString, maxArray, quoted);
                }
            }
            case LowCardinalityType low -> randomText(text, low.inner(), random, maxString, maxArray, quoted);
            case IntegerType integer -> {
                long value = random.nextLong();
                if (integer.bytes() < 8) {
                    value = integer.signed()
                            ? value >> (64 - 8 * integer.bytes())
                            : value >>> (64 - 8 * integer.bytes());
                }
                text.append(
                        integer.signed() || integer.bytes() < 8 ? Long.toString(value) : Long.toUnsignedString(value));
            }
            case FloatType ignored -> text.append((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 10)));
            case BoolType ignored -> text.append(random.nextBoolean() ? "true" : "false");
            case DecimalType decimal -> {
                int digits = random.nextInt(1, decimal.precision() + 1);
                StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
                for (int d = 0; d < digits; d++) {
                    number.append((char) ('0' + random.nextInt(10)));
                }
                if (decimal.scale() > 0) {
                    number.insert(
                            number.length() - Math.min(decimal.scale(), digits),
                            digits <= decimal.scale() ? "0." : ".");
                }
                text.append(number);
            }
            case StringType ignored -> quotedText(text, letters(random, random.nextInt(maxString + 1)), quoted);
            case FixedStringType fixed ->
                quotedText(text, letters(random, random.nextInt(Math.min(fixed.length(), maxString) + 1)), quoted);
            case UuidType ignored ->
                quotedText(text, new UUID(random.nextLong(), random.nextLong()).toString(), quoted);
            case DateType ignored ->
                quotedText(text, LocalDate.ofEpochDay(random.nextInt(65536)).toString(), quoted);
            case Date32Type ignored ->
                quotedText(
                        text,
                        LocalDate.ofEpochDay(random.nextInt(-25567, 120530)).toString(),
                        quoted);
            case DateTimeType ignored -> quotedText(text, dateTime(random.nextLong(1L << 32), 0, 0), quoted);
            case DateTime64Type time ->
                quotedText(
                        text,
                        dateTime(random.nextLong(1L << 32), random.nextLong(time.scale()), time.precision()),
                        quoted);
            case EnumType enumeration ->
                quotedText(
                        text,
                        enumeration
                                .elements()
                                .get(random.nextInt(enumeration.elements().size()))
                                .name(),
                        quoted);
            case ArrayType array -> {
                int length = random.nextInt(maxArray + 1);
                text.append('[');
                for (int i = 0; i < length; i++) {
                    text.append(i == 0 ? "" : ",");
                    randomText(text, array.element(), random, maxString, maxArray, true);
                }
                text.append(']');
            }
            default ->
                throw new ColumbaException(
                        ErrorCode.NOT_IMPLEMENTED, "generateRandom does not support type " + type.name() + " yet");
        }
    }

    private static String letters(SplittableRandom random, int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private static void quotedText(StringBuilder text, String value, boolean quoted) {
        text.append(quoted ? "'" : "").append(value).append(quoted ? "'" : "");
    }

    private static String dateTime(long seconds, long fraction, int precision) {
        String text = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                .toString()
                .replace('T', ' ');
        if (text.length() == 16) {
            text += ":00";
        }
        if (precision > 0) {
            String digits = Long.toString(fraction);
            text += "." + "0".repeat(precision - digits.length()) + digits;
        }
        return text;
    }

    /** {@code 'a UInt8, b Array(String)'}: each column's name and type text, split at top-level commas. */
    static List<String[]> structure(String text, String function) {
        List<String[]> columns = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String column = text.substring(start, i).strip();
                int space = column.startsWith("`") ? column.indexOf('`', 1) + 1 : column.indexOf(' ');
                if (column.isEmpty() || space <= 0 || space >= column.length()) {
                    throw new ColumbaException(
                            ErrorCode.BAD_ARGUMENTS,
                            "Table function " + function + ": expected 'name Type, ...' as the structure, found '"
                                    + text + "'");
                }
                String name = column.substring(0, space).replace("`", "");
                columns.add(new String[] {name, column.substring(space).strip()});
                start = i + 1;
            }
        }
        return columns;
    }
}
