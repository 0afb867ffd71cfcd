package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * groupArrayInsertAt([default[, size]])(x, position): an array with each x at its position (from 0; the first value
 * met wins a position), the gaps holding the default value; {@code size} fixes the length, dropping the rest.
 */
public final class GroupArrayInsertAtFunction extends ParameterizedFunction {
    private static final long MAX_SIZE = 0xFFFFFF;

    public GroupArrayInsertAtFunction() {
        this(List.of());
    }

    private GroupArrayInsertAtFunction(List<String> parameters) {
        super(parameters);
    }

    @Override
    public String name() {
        return "groupArrayInsertAt";
    }

    @Override
    public String description() {
        return "groupArrayInsertAt([default[, size]])(x, pos): an array with each value at its position (from 0),"
                + " gaps filled with the default.";
    }

    @Override
    public String example() {
        return "SELECT groupArrayInsertAt(toString(number), number * 2) FROM numbers(3)";
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        AggregateParameters.expectCount(name(), parameters, 0, 2);
        return new GroupArrayInsertAtFunction(parameters);
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 2, 2);
        DataType element = types.get(0);
        RowKeys.checkScalar(name(), element);
        if (!(types.get(1) instanceof IntegerType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Second argument of aggregate function groupArrayInsertAt must be an integer, found "
                            + types.get(1).name());
        }
        Object fallback = parameters.isEmpty() ? null : defaultValue(element, parameters.get(0));
        long size =
                parameters.size() < 2 ? -1 : AggregateParameters.positiveInteger(name(), parameters.get(1), MAX_SIZE);
        return new BoundAggregate(new ArrayType(element), () -> new States(element, fallback, size));
    }

    /** The default parameter as a key of the element type. */
    private static Object defaultValue(DataType element, String text) {
        String plain = text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                ? text.substring(1, text.length() - 1).replace("\\'", "'")
                : text;
        try {
            return switch (element) {
                case StringType ignored -> ByteBuffer.wrap(plain.getBytes(StandardCharsets.UTF_8));
                case IntegerType ignored -> Long.parseLong(plain);
                case FloatType ignored -> Double.doubleToLongBits(Double.parseDouble(plain) + 0.0);
                default ->
                    throw new ColumbaException(
                            ErrorCode.NOT_IMPLEMENTED,
                            "A default value of type " + element.name() + " for groupArrayInsertAt is not supported");
            };
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_CONVERT_TYPE,
                    "Cannot convert the default value " + text + " of groupArrayInsertAt to " + element.name());
        }
    }

    private static final class States extends PerGroupStates<TreeMap<Long, Object>> {
        private final DataType element;
        private final Object fallback;
        private final long size;

        States(DataType element, Object fallback, long size) {
            this.element = element;
            this.fallback = fallback;
            this.size = size;
        }

        @Override
        TreeMap<Long, Object> newState() {
            return new TreeMap<>();
        }

        @Override
        void add(TreeMap<Long, Object> state, Column[] arguments, int row) {
            long position = ((LongColumn) arguments[1]).get(row);
            if (position < 0 || position >= MAX_SIZE) {
                throw new ColumbaException(
                        ErrorCode.TOO_LARGE_ARRAY_SIZE,
                        "Too large array size: position argument (" + position + ") is greater or equals to limit ("
                                + MAX_SIZE + ")");
            }
            if (size < 0 || position < size) {
                state.putIfAbsent(position, RowKeys.value(arguments[0], row));
            }
        }

        @Override
        void merge(TreeMap<Long, Object> into, TreeMap<Long, Object> from) {
            for (Map.Entry<Long, Object> entry : from.entrySet()) {
                into.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }

        @Override
        Column result(List<TreeMap<Long, Object>> states) {
            int[] offsets = new int[states.size() + 1];
            ColumnBuilder elements = ColumnBuilder.forType(element, states.size());
            Column zero = ColumnBuilder.defaults(element, 1);
            for (int g = 0; g < states.size(); g++) {
                TreeMap<Long, Object> state = states.get(g);
                long length = size >= 0 ? size : state.isEmpty() ? 0 : state.lastKey() + 1;
                for (long position = 0; position < length; position++) {
                    Object value = state.get(position);
                    if (value == null) {
                        value = fallback;
                    }
                    if (value == null) {
                        elements.appendFrom(zero, 0);
                    } else {
                        RowKeys.append(elements, value);
                    }
                }
                offsets[g + 1] = elements.size();
            }
            return new ArrayColumn(offsets, elements.build(), null, states.size());
        }

        /** VarUInt number of positions, then each VarUInt position and its value as a key. */
        @Override
        void write(TreeMap<Long, Object> state, GrowableByteArray out) {
            out.writeVarUInt(state.size());
            for (Map.Entry<Long, Object> entry : state.entrySet()) {
                out.writeVarUInt(entry.getKey());
                RowKeys.write(entry.getValue(), out);
            }
        }

        @Override
        TreeMap<Long, Object> read(StateReader in) {
            TreeMap<Long, Object> state = new TreeMap<>();
            long count = in.readVarUInt();
            for (long i = 0; i < count; i++) {
                long position = in.readVarUInt();
                state.put(position, RowKeys.read(in));
            }
            return state;
        }
    }
}
