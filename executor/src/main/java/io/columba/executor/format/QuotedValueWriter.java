package io.columba.executor.format;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.TupleType;
import io.columba.storage.type.WideIntegerType;

/**
 * Values in ClickHouse's quoted text form, as they appear inside arrays, tuples and maps in every text format:
 * {@code [1,2]}, {@code ['a\'b',NULL]}, {@code (1,'x')}, {@code {'k':1}}; numbers and booleans bare, everything
 * else single-quoted and escaped.
 */
public final class QuotedValueWriter {
    private QuotedValueWriter() {}

    /** The text of an array, map or tuple value: its quoted form. */
    public static String text(Column column, DataType type, int row) {
        StringBuilder out = new StringBuilder();
        append(out, column, type, row);
        return out.toString();
    }

    public static void append(StringBuilder out, Column column, DataType type, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (plain.isNull(at)) {
            out.append("NULL");
            return;
        }
        DataType base = type.withoutNullable();
        switch (plain) {
            case ArrayColumn arrays -> appendArray(out, arrays, at, base);
            case TupleColumn tuples -> {
                TupleType tuple = (TupleType) base;
                out.append('(');
                for (int i = 0; i < tuple.elements().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, tuples.elements().get(i), tuple.elements().get(i), at);
                }
                out.append(')');
            }
            default -> {
                String text = TextValues.plainText(plain, base, at);
                if (isBare(base)) {
                    out.append(text);
                } else {
                    out.append('\'').append(OutputFormats.tsvEscape(text)).append('\'');
                }
            }
        }
    }

    private static void appendArray(StringBuilder out, ArrayColumn arrays, int row, DataType type) {
        int start = arrays.offsets()[row];
        int end = arrays.offsets()[row + 1];
        if (type instanceof MapType map) {
            TupleColumn entries = (TupleColumn) arrays.elements();
            out.append('{');
            for (int i = start; i < end; i++) {
                if (i > start) {
                    out.append(',');
                }
                append(out, entries.elements().get(0), map.key(), i);
                out.append(':');
                append(out, entries.elements().get(1), map.value(), i);
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
            append(out, arrays.elements(), elementType, i);
        }
        out.append(']');
    }

    private static boolean isBare(DataType base) {
        return base instanceof IntegerType
                || base instanceof FloatType
                || base instanceof BoolType
                || base instanceof DecimalType
                || base instanceof WideIntegerType
                || base instanceof NothingType;
    }
}
