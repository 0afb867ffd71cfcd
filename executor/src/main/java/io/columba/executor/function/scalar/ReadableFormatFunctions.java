package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.Locale;

/** Numbers as text for people: formatReadableSize, formatReadableQuantity, formatReadableTimeDelta, and bar. */
public final class ReadableFormatFunctions {
    private ReadableFormatFunctions() {}

    private static final String[] BINARY_UNITS = {" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB", " ZiB", " YiB"};
    private static final String[] DECIMAL_UNITS = {" B", " KB", " MB", " GB", " TB", " PB", " EB", " ZB", " YB"};
    private static final String[] QUANTITY_UNITS = {
        "",
        " thousand",
        " million",
        " billion",
        " trillion",
        " quadrillion",
        " quintillion",
        " sextillion",
        " septillion"
    };
    private static final String[] TIME_UNITS = {"year", "month", "day", "hour", "minute", "second"};
    private static final long[] TIME_SECONDS = {365L * 86400, 61L * 43200, 86400, 3600, 60, 1};
    /** Eighths of a bar cell, from one to seven. */
    private static final String[] PARTIAL_CELLS = {"▏", "▎", "▍", "▌", "▋", "▊", "▉"};

    /** Text of one number. */
    private interface Formatter {
        String format(double value);
    }

    public static List<ScalarFunction> all() {
        return List.of(
                numberToText(
                        "formatReadableSize",
                        "A size in bytes with a binary unit (B, KiB, MiB, ...), two decimals.",
                        "SELECT formatReadableSize(1536)",
                        value -> scaled(value, 1024, BINARY_UNITS)),
                numberToText(
                        "formatReadableDecimalSize",
                        "A size in bytes with a decimal unit (B, KB, MB, ...), two decimals.",
                        "SELECT formatReadableDecimalSize(1500)",
                        value -> scaled(value, 1000, DECIMAL_UNITS)),
                numberToText(
                        "formatReadableQuantity",
                        "A number with a word for its thousands (thousand, million, billion, ...), two decimals.",
                        "SELECT formatReadableQuantity(1234567)",
                        value -> scaled(value, 1000, QUANTITY_UNITS)),
                SimpleScalarFunction.of(
                        "formatReadableTimeDelta",
                        "Seconds as years (365 days), months (30.5 days), days, hours, minutes and seconds; an optional"
                                + " second argument names the largest unit to use.",
                        "SELECT formatReadableTimeDelta(12345)",
                        ReadableFormatFunctions::bindTimeDelta),
                SimpleScalarFunction.of(
                        "bar",
                        "bar(x, min, max[, width]): a bar of Unicode block characters, width cells (default 80) long"
                                + " at max, in eighths of a cell.",
                        "SELECT bar(5, 0, 10, 10)",
                        ReadableFormatFunctions::bindBar));
    }

    private static SimpleScalarFunction numberToText(String name, String description, String example, Formatter f) {
        return SimpleScalarFunction.of(name, description, example, (types, args) -> {
            DataType type = BucketFunctions.numericArgument(name, types);
            return new Binding(StringType.STRING, (columns, rows) -> format(columns[0], type, rows, f));
        });
    }

    private static Column format(Column column, DataType type, int rows, Formatter formatter) {
        double[] values = Operands.doubles(column, type, rows);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            out.append(formatter.format(values[i]));
        }
        return out.build();
    }

    private static String scaled(double value, double step, String[] units) {
        int unit = 0;
        while (unit + 1 < units.length && Math.abs(value) >= step) {
            value /= step;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f", value) + units[unit];
    }

    private static Binding bindTimeDelta(
            List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("formatReadableTimeDelta", types, 1, 2);
        DataType type = types.get(0);
        if (!NumericTypes.isNumeric(type)) {
            throw Operands.illegalType("formatReadableTimeDelta", type, 1);
        }
        int largest = 0;
        if (types.size() == 2) {
            String unit = ConversionFunctions.constantString("formatReadableTimeDelta", args.get(1));
            largest = List.of("years", "months", "days", "hours", "minutes", "seconds")
                    .indexOf(unit);
            if (largest < 0) {
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "Unexpected value of maximum unit argument (" + unit + ") for function formatReadableTimeDelta,"
                                + " the only allowed values are: 'seconds', 'minutes', 'hours', 'days', 'months',"
                                + " 'years'.");
            }
        }
        int first = largest;
        return new Binding(
                StringType.STRING, (columns, rows) -> format(columns[0], type, rows, v -> timeDelta(v, first)));
    }

    private static String timeDelta(double seconds, int firstUnit) {
        StringBuilder out = new StringBuilder();
        double value = seconds;
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        boolean written = false;
        for (int u = firstUnit; u < TIME_UNITS.length; u++) {
            long multiplier = TIME_SECONDS[u];
            long count = (long) (value / multiplier);
            if (count == 0 && (multiplier != 1 || written)) {
                continue;
            }
            value -= (double) count * multiplier;
            if (written) {
                out.append(value < 1 ? " and " : ", ");
            }
            out.append(count).append(' ').append(TIME_UNITS[u]);
            if (count != 1) {
                out.append('s');
            }
            written = true;
        }
        return out.toString();
    }

    private static Binding bindBar(List<DataType> types, List<io.columba.executor.expression.BoundExpression> args) {
        Operands.expectCount("bar", types, 3, 4);
        for (int i = 0; i < types.size(); i++) {
            if (!NumericTypes.isNumeric(types.get(i))) {
                throw Operands.illegalType("bar", types.get(i), i + 1);
            }
        }
        return new Binding(StringType.STRING, (columns, rows) -> {
            double[] x = Operands.doubles(columns[0], types.get(0), rows);
            double[] min = Operands.doubles(columns[1], types.get(1), rows);
            double[] max = Operands.doubles(columns[2], types.get(2), rows);
            double[] width = types.size() == 4 ? Operands.doubles(columns[3], types.get(3), rows) : null;
            StringColumnBuilder out = new StringColumnBuilder(rows);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                double maximumWidth = width == null ? 80 : width[i];
                if (maximumWidth < 1 || maximumWidth > 1000) {
                    throw new ColumbaException(
                            ErrorCode.ARGUMENT_OUT_OF_BOUND, "Max_width argument must be in [1, 1000] in function bar");
                }
                double cells = x[i] <= min[i]
                        ? 0
                        : x[i] >= max[i] ? maximumWidth : (x[i] - min[i]) * maximumWidth / (max[i] - min[i]);
                text.setLength(0);
                long whole = (long) Math.floor(cells);
                for (long c = 0; c < whole; c++) {
                    text.append('█');
                }
                int eighths = (int) Math.floor((cells - whole) * 8);
                if (eighths > 0) {
                    text.append(PARTIAL_CELLS[eighths - 1]);
                }
                out.append(text.toString());
            }
            return out.build();
        });
    }
}
