package io.columba.executor.function.scalar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumnBuilder;
import io.columba.storage.column.LongColumnBuilder;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.LowCardinalityType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.io.IOException;
import java.util.List;

/** JSONExtract(json[, path...], 'Type'): the value at the path as a given type; absent or unfit gives the default. */
public final class JsonExtractFunction {
    private JsonExtractFunction() {}

    public static List<ScalarFunction> all() {
        return List.of(SimpleScalarFunction.of(
                "JSONExtract",
                "The value at the path as the type named last (String, integers, floats, Bool, Nullable(T), Array(T),"
                        + " LowCardinality(T)); an absent or unfitting value gives the type's default or NULL.",
                "SELECT JSONExtract('{\"a\": [1, 2]}', 'a', 'Array(Int32)')",
                (types, args) -> {
                    JsonFunctions.expectPath("JSONExtract", types);
                    Operands.expectCount("JSONExtract", types, 2, Integer.MAX_VALUE);
                    String typeName = ConversionFunctions.constantString("JSONExtract", args.get(args.size() - 1));
                    DataType type = DataTypeParser.parse(typeName);
                    check(type, typeName);
                    return new Binding(type, (columns, rows) -> extract(columns, rows, type));
                }));
    }

    static void check(DataType type, String name) {
        DataType plain = type instanceof NullableType nullable ? nullable.inner() : type;
        plain = plain instanceof LowCardinalityType low ? low.inner() : plain;
        if (plain instanceof ArrayType array) {
            check(array.element(), name);
            return;
        }
        if (!(plain instanceof StringType
                || plain instanceof IntegerType
                || plain instanceof FloatType
                || plain instanceof BoolType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT, "Function JSONExtract doesn't support the return type " + name);
        }
    }

    private static Column extract(Column[] columns, int rows, DataType type) {
        StringColumn documents = StringOperands.strings(columns[0]);
        ColumnBuilder out = ColumnBuilder.forType(type, rows);
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            ColumnBuilder attempt = ColumnBuilder.forType(type, 1);
            Boolean inserted = JsonPaths.find(
                    documents.data(),
                    documents.offsets()[row],
                    documents.offsets()[row + 1],
                    JsonFunctions.path(columns, 1, columns.length - 1, i),
                    parser -> insert(parser, type, attempt));
            ColumnBuilder staged = attempt;
            if (inserted == null || !inserted) {
                // A value that failed half-way may have left elements behind: start the row afresh.
                staged = ColumnBuilder.forType(type, 1);
                appendDefault(staged, type);
            }
            out.appendFrom(staged.build(), 0);
        }
        return out.build();
    }

    static void appendDefault(ColumnBuilder builder, DataType type) {
        if (type.isNullable()) {
            builder.appendNull();
            return;
        }
        builder.appendFrom(NullsColumn.defaults(type, null, 1), 0);
    }

    /** Appends the parser's current value as {@code type}; false (nothing appended) when it does not fit. */
    static boolean insert(JsonParser parser, DataType type, ColumnBuilder out) throws IOException {
        DataType plain = type instanceof NullableType nullable ? nullable.inner() : type;
        plain = plain instanceof LowCardinalityType low ? low.inner() : plain;
        switch (plain) {
            case StringType ignored -> {
                Object text = JsonFunctions.string(parser);
                if (text == null) {
                    return false;
                }
                ((StringColumnBuilder) out).append((String) text);
            }
            case FloatType floating -> {
                Object value = JsonFunctions.floating(parser);
                if (value == null) {
                    return false;
                }
                double number = (Double) value;
                ((DoubleColumnBuilder) out).append(floating.bytes() == 4 ? (float) number : number);
            }
            case BoolType ignored -> {
                JsonToken token = parser.currentToken();
                if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                    return false;
                }
                ((LongColumnBuilder) out).append(token == JsonToken.VALUE_TRUE ? 1 : 0);
            }
            case IntegerType integer -> {
                Object value = JsonFunctions.integer(parser, integer.signed() || integer.bytes() < 8);
                if (value == null || !integer.fits((Long) value, !integer.signed() && integer.bytes() == 8)) {
                    return false;
                }
                ((LongColumnBuilder) out).append((Long) value);
            }
            case ArrayType array -> {
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    return false;
                }
                ArrayColumnBuilder arrays = (ArrayColumnBuilder) out;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!insert(parser, array.element(), arrays.elements())) {
                        appendDefault(arrays.elements(), array.element());
                    }
                    if (parser.currentToken().isStructStart()) {
                        parser.skipChildren();
                    }
                }
                arrays.endArray();
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
