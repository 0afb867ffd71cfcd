package io.columba.executor.format;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.TupleType;
import io.columba.storage.type.WideIntegerType;

/**
 * One value as the JSON formats write it: numbers bare (64-bit and wider integers quoted unless told otherwise),
 * Bool as true/false, Decimal bare, other scalars as strings, arrays as arrays, maps and named tuples as objects.
 */
public final class JsonValueWriter {
    private JsonValueWriter() {}

    public static void append(StringBuilder out, Column column, DataType type, int row, FormatSettings settings) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (plain.isNull(at)) {
            out.append("null");
            return;
        }
        DataType base = type.withoutNullable();
        switch (plain) {
            case LongColumn longs -> {
                long value = longs.get(at);
                if (base instanceof IntegerType integer) {
                    String digits = TextValues.longText(value, integer);
                    boolean quote = integer.bytes() == 8 && settings.quote64BitIntegers();
                    out.append(quote ? "\"" + digits + "\"" : digits);
                } else if (base instanceof BoolType) {
                    out.append(value != 0 ? "true" : "false");
                } else if (base instanceof DecimalType) {
                    out.append(TextValues.longText(value, base));
                } else {
                    out.append('"').append(TextValues.longText(value, base)).append('"');
                }
            }
            case DoubleColumn doubles -> {
                double value = doubles.get(at);
                boolean finite = !Double.isNaN(value) && !Double.isInfinite(value);
                String text =
                        base.fixedWidth() == 4 ? TextValues.formatFloat((float) value) : TextValues.formatDouble(value);
                if (finite) {
                    out.append(text);
                } else {
                    out.append(settings.quoteDenormals() ? "\"" + text + "\"" : "null");
                }
            }
            case StringColumn strings -> {
                String text = TextValues.bytesText(strings, at, base);
                if (base instanceof DecimalType) {
                    out.append(text);
                } else if (base instanceof WideIntegerType && !settings.quote64BitIntegers()) {
                    out.append(text);
                } else {
                    out.append(JsonText.quote(text, settings.escapeForwardSlashes()));
                }
            }
            case ArrayColumn arrays -> appendArray(out, arrays, at, base, settings);
            case TupleColumn tuples -> appendTuple(out, tuples, at, (TupleType) base, settings);
            case ConstantColumn ignored -> throw new IllegalStateException();
        }
    }

    /** An array as a JSON array; a map as a JSON object whose keys are the keys' text. */
    private static void appendArray(
            StringBuilder out, ArrayColumn arrays, int row, DataType type, FormatSettings settings) {
        int start = arrays.offsets()[row];
        int end = arrays.offsets()[row + 1];
        if (type instanceof MapType map) {
            TupleColumn entries = (TupleColumn) arrays.elements();
            out.append('{');
            for (int i = start; i < end; i++) {
                if (i > start) {
                    out.append(',');
                }
                String key = TextValues.plainText(entries.elements().get(0), map.key(), i);
                out.append(JsonText.quote(key, settings.escapeForwardSlashes())).append(':');
                append(out, entries.elements().get(1), map.value(), i, settings);
            }
            out.append('}');
            return;
        }
        DataType elementType = ArrayType.elementOf(type);
        out.append('[');
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.append(',');
            }
            append(out, arrays.elements(), elementType, i, settings);
        }
        out.append(']');
    }

    /** A named tuple as a JSON object, an unnamed one as a JSON array. */
    private static void appendTuple(
            StringBuilder out, TupleColumn tuples, int row, TupleType type, FormatSettings settings) {
        boolean named = type.names() != null;
        out.append(named ? '{' : '[');
        for (int i = 0; i < type.elements().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (named) {
                out.append(JsonText.quote(type.names().get(i), settings.escapeForwardSlashes()))
                        .append(':');
            }
            append(out, tuples.elements().get(i), type.elements().get(i), row, settings);
        }
        out.append(named ? '}' : ']');
    }
}
