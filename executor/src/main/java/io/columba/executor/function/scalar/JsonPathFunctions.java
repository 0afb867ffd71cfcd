package io.columba.executor.function.scalar;

import com.fasterxml.jackson.core.JsonToken;
import io.columba.executor.format.FormatSettings;
import io.columba.executor.format.JsonValueWriter;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.column.TupleColumnBuilder;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import java.util.List;

/** SQL/JSON path functions (JSON_VALUE, JSON_QUERY, JSON_EXISTS), JSONExtractKeysAndValues and toJSONString. */
public final class JsonPathFunctions {
    private JsonPathFunctions() {}

    private enum Mode {
        VALUE,
        QUERY,
        EXISTS
    }

    public static List<ScalarFunction> all() {
        return List.of(
                path(
                        "JSON_VALUE",
                        "The scalar at a JSON path ('$.a.b[0]') as text, strings unquoted; '' when absent or not a"
                                + " scalar.",
                        Mode.VALUE),
                path(
                        "JSON_QUERY",
                        "The values at a JSON path ('$.a[*]') as a JSON array text; '' when none.",
                        Mode.QUERY),
                path("JSON_EXISTS", "1 when the JSON path selects a value, else 0.", Mode.EXISTS),
                SimpleScalarFunction.of(
                        "JSONExtractKeysAndValues",
                        "The (key, value) pairs of the object at the path, values as the type named last; values"
                                + " that do not fit the type are left out.",
                        "SELECT JSONExtractKeysAndValues('{\"x\": {\"a\": 5, \"b\": 7}}', 'x', 'Int8')",
                        (types, args) -> {
                            String name = "JSONExtractKeysAndValues";
                            JsonFunctions.expectPath(name, types);
                            Operands.expectCount(name, types, 2, Integer.MAX_VALUE);
                            String typeName = ConversionFunctions.constantString(name, args.get(args.size() - 1));
                            DataType type = DataTypeParser.parse(typeName);
                            JsonExtractFunction.check(type, typeName);
                            DataType pair = TupleType.of(List.of(StringType.STRING, type));
                            return new Binding(
                                    new ArrayType(pair), (columns, rows) -> keysAndValues(columns, rows, type));
                        }),
                SimpleScalarFunction.of(
                                "toJSONString",
                                "The value as JSON text: numbers bare (64-bit integers quoted), strings quoted,"
                                        + " arrays and unnamed tuples as arrays, maps and named tuples as objects.",
                                "SELECT toJSONString(map('a', [1, 2]))",
                                (types, args) -> {
                                    Operands.expectCount("toJSONString", types, 1, 1);
                                    DataType type = types.get(0);
                                    return new Binding(
                                            StringType.STRING, (columns, rows) -> toJson(columns[0], type, rows));
                                })
                        .seeingNulls());
    }

    private static SimpleScalarFunction path(String name, String description, Mode mode) {
        return SimpleScalarFunction.of(
                name,
                description,
                "SELECT " + name + "('{\"a\": {\"b\": [1, 2]}}', '$.a.b" + (mode == Mode.QUERY ? "" : "[0]") + "')",
                (types, args) -> {
                    StringOperands.expectStrings(name, types, 2, 2, 0, 1);
                    DataType result = mode == Mode.EXISTS ? IntegerType.UINT8 : StringType.STRING;
                    return new Binding(result, (columns, rows) -> evaluate(name, mode, columns, rows));
                });
    }

    private static Column evaluate(String name, Mode mode, Column[] columns, int rows) {
        StringColumn documents = StringOperands.strings(columns[0]);
        StringColumnBuilder strings = mode == Mode.EXISTS ? null : new StringColumnBuilder(rows);
        long[] exists = mode == Mode.EXISTS ? new long[rows] : null;
        String lastPath = null;
        JsonPathQuery query = null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            String pathText = StringOperands.text(columns[1], i);
            if (!pathText.equals(lastPath)) {
                lastPath = pathText;
                query = JsonPathQuery.parse(name, pathText);
            }
            int row = StringOperands.row(columns[0], i);
            List<Object> found = query.select(
                    documents.data(), documents.offsets()[row], documents.offsets()[row + 1]);
            text.setLength(0);
            switch (mode) {
                case EXISTS -> exists[i] = found.isEmpty() ? 0 : 1;
                case VALUE -> {
                    if (found.size() == 1 && found.get(0) instanceof JsonPathQuery.Leaf leaf) {
                        text.append(leaf.text());
                    }
                }
                case QUERY -> {
                    if (!found.isEmpty()) {
                        text.append('[');
                        for (int f = 0; f < found.size(); f++) {
                            text.append(f > 0 ? ", " : "");
                            JsonPathQuery.write(found.get(f), text);
                        }
                        text.append(']');
                    }
                }
            }
            if (strings != null) {
                strings.append(text.toString());
            }
        }
        return strings != null ? strings.build() : new LongColumn(exists, null, rows);
    }

    private static Column keysAndValues(Column[] columns, int rows, DataType type) {
        StringColumn documents = StringOperands.strings(columns[0]);
        DataType pair = TupleType.of(List.of(StringType.STRING, type));
        ArrayColumnBuilder out = (ArrayColumnBuilder) ColumnBuilder.forType(new ArrayType(pair), rows);
        TupleColumnBuilder pairs = (TupleColumnBuilder) out.elements();
        StringColumnBuilder keys = (StringColumnBuilder) pairs.element(0);
        ColumnBuilder values = pairs.element(1);
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            List<String> rowKeys = new java.util.ArrayList<>();
            ColumnBuilder rowValues = ColumnBuilder.forType(type, 4);
            Boolean valid = JsonPaths.find(
                    documents.data(),
                    documents.offsets()[row],
                    documents.offsets()[row + 1],
                    JsonFunctions.path(columns, 1, columns.length - 1, i),
                    parser -> {
                        if (parser.currentToken() != JsonToken.START_OBJECT) {
                            return Boolean.FALSE;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String key = parser.currentName();
                            parser.nextToken();
                            ColumnBuilder attempt = ColumnBuilder.forType(type, 1);
                            if (JsonExtractFunction.insert(parser, type, attempt)) {
                                rowKeys.add(key);
                                rowValues.appendFrom(attempt.build(), 0);
                            }
                            if (parser.currentToken().isStructStart()) {
                                parser.skipChildren();
                            }
                        }
                        return Boolean.TRUE;
                    });
            if (Boolean.TRUE.equals(valid)) {
                Column staged = rowValues.build();
                for (int k = 0; k < rowKeys.size(); k++) {
                    keys.append(rowKeys.get(k));
                    values.appendFrom(staged, k);
                    pairs.endTuple();
                }
            }
            out.endArray();
        }
        return out.build();
    }

    private static Column toJson(Column column, DataType type, int rows) {
        StringColumnBuilder out = new StringColumnBuilder(rows);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            text.setLength(0);
            JsonValueWriter.append(text, column, type, i, FormatSettings.CLICKHOUSE);
            out.append(text.toString());
        }
        return out.build();
    }
}
