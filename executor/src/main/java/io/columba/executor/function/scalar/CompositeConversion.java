package io.columba.executor.function.scalar;

import io.columba.executor.format.CompositeTextReader;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.MapType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.List;

/** Conversions into arrays, maps and tuples: from their text, and element by element from each other. */
final class CompositeConversion {
    private static final DataType TEXT = NullableType.of(StringType.STRING);

    private CompositeConversion() {}

    static Column convert(Column column, DataType source, DataType target, int rows) {
        if (source instanceof NothingType) {
            return ColumnBuilder.defaults(target, null, rows);
        }
        if ((source instanceof StringType || source instanceof FixedStringType)
                && column instanceof StringColumn text) {
            return fromText(text, target, rows);
        }
        boolean sourceArrays = source instanceof ArrayType || source instanceof MapType;
        boolean targetArrays = target instanceof ArrayType || target instanceof MapType;
        if (sourceArrays && targetArrays && column instanceof ArrayColumn arrays) {
            Column elements = TypeConversion.cast(
                    arrays.elements(),
                    ArrayType.elementOf(source),
                    ArrayType.elementOf(target),
                    arrays.offsets()[rows]);
            return new ArrayColumn(arrays.offsets(), elements, null, rows);
        }
        if (source instanceof TupleType from
                && target instanceof TupleType to
                && from.elements().size() == to.elements().size()
                && column instanceof TupleColumn tuples) {
            List<Column> elements = new ArrayList<>();
            for (int i = 0; i < to.elements().size(); i++) {
                elements.add(TypeConversion.cast(
                        tuples.elements().get(i),
                        from.elements().get(i),
                        to.elements().get(i),
                        rows));
            }
            return new TupleColumn(elements, null, rows);
        }
        throw new ColumbaException(
                ErrorCode.TYPE_MISMATCH,
                "Conversion from " + source.name() + " to " + target.name() + " is not supported");
    }

    private static Column fromText(StringColumn text, DataType target, int rows) {
        return switch (target) {
            case ArrayType array -> arraysFromText(text, array.element(), rows);
            case MapType map -> mapsFromText(text, map, rows);
            case TupleType tuple -> tuplesFromText(text, tuple, rows);
            default -> throw new IllegalStateException("not a composite type: " + target.name());
        };
    }

    private static Column arraysFromText(StringColumn text, DataType elementType, int rows) {
        StringColumnBuilder elements = new StringColumnBuilder(rows * 4);
        int[] offsets = new int[rows + 1];
        for (int row = 0; row < rows; row++) {
            int count =
                    text.isNull(row) ? 0 : CompositeTextReader.readList(text.getString(row), '[', ']', elements, false);
            offsets[row + 1] = offsets[row] + count;
        }
        int total = offsets[rows];
        try {
            return new ArrayColumn(
                    offsets, TypeConversion.cast(elements.build(), TEXT, elementType, total), null, rows);
        } catch (ColumbaException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_READ_ARRAY_FROM_TEXT, "Cannot read array from text: " + e.getMessage(), e);
        }
    }

    private static Column mapsFromText(StringColumn text, MapType map, int rows) {
        StringColumnBuilder keysAndValues = new StringColumnBuilder(rows * 8);
        int[] offsets = new int[rows + 1];
        for (int row = 0; row < rows; row++) {
            int count = text.isNull(row)
                    ? 0
                    : CompositeTextReader.readList(text.getString(row), '{', '}', keysAndValues, true);
            offsets[row + 1] = offsets[row] + count;
        }
        int total = offsets[rows];
        Column all = keysAndValues.build();
        Column keys = TypeConversion.cast(all.take(every(2, 0, total), total), TEXT, map.key(), total);
        Column values = TypeConversion.cast(all.take(every(2, 1, total), total), TEXT, map.value(), total);
        return new ArrayColumn(offsets, new TupleColumn(List.of(keys, values), null, total), null, rows);
    }

    private static Column tuplesFromText(StringColumn text, TupleType tuple, int rows) {
        int arity = tuple.elements().size();
        StringColumnBuilder all = new StringColumnBuilder(rows * arity);
        for (int row = 0; row < rows; row++) {
            if (text.isNull(row)) {
                for (int i = 0; i < arity; i++) {
                    all.appendNull();
                }
                continue;
            }
            readTuple(text.getString(row), tuple, all);
        }
        Column elements = all.build();
        List<Column> columns = new ArrayList<>(arity);
        for (int i = 0; i < arity; i++) {
            columns.add(TypeConversion.cast(
                    elements.take(every(arity, i, rows), rows),
                    TEXT,
                    tuple.elements().get(i),
                    rows));
        }
        return new TupleColumn(columns, null, rows);
    }

    /** One tuple's element texts, in element order: from {@code (..)}, a JSON array, or a JSON object by name. */
    private static void readTuple(String value, TupleType tuple, StringColumnBuilder out) {
        int arity = tuple.elements().size();
        String trimmed = value.strip();
        if (trimmed.startsWith("{") && tuple.names() != null) {
            List<String> names = new ArrayList<>();
            StringColumnBuilder given = new StringColumnBuilder(arity);
            CompositeTextReader.readObject(trimmed, names, given);
            Column values = given.build();
            for (String name : tuple.names()) {
                int index = names.indexOf(name);
                if (index < 0) {
                    out.appendNull();
                } else {
                    out.appendFrom(values, index);
                }
            }
            return;
        }
        char open = trimmed.startsWith("[") ? '[' : '(';
        int count = CompositeTextReader.readList(trimmed, open, open == '[' ? ']' : ')', out, false);
        if (count != arity) {
            throw new ColumbaException(
                    ErrorCode.SIZES_OF_COLUMNS_IN_TUPLE_DOESNT_MATCH,
                    "Tuple " + value + " has " + count + " elements, " + tuple.name() + " has " + arity);
        }
    }

    private static int[] every(int step, int first, int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = first + i * step;
        }
        return positions;
    }
}
