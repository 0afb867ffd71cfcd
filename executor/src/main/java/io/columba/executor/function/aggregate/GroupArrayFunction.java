package io.columba.executor.function.aggregate;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.DoubleColumnBuilder;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.LongColumnBuilder;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** groupArray: the group's non-NULL values in the order the rows arrived. Array(T). */
public final class GroupArrayFunction implements AggregateFunction {
    /** The most values kept a group: groupArray(max)(x) keeps the first max. */
    private final int max;

    public GroupArrayFunction() {
        this(Integer.MAX_VALUE);
    }

    private GroupArrayFunction(int max) {
        this.max = max;
    }

    @Override
    public AggregateFunction withParameters(List<String> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        AggregateParameters.expectCount(name(), parameters, 0, 1);
        return new GroupArrayFunction(AggregateParameters.positiveInteger(name(), parameters.get(0), 0xFFFFFF));
    }

    @Override
    public List<String> parameters() {
        return max == Integer.MAX_VALUE ? List.of() : List.of(Integer.toString(max));
    }

    @Override
    public String name() {
        return "groupArray";
    }

    @Override
    public String description() {
        return "The values of the argument in a group, NULLs skipped, as an array; groupArray(n)(x) keeps the first n.";
    }

    @Override
    public String example() {
        return "SELECT groupArray(number % 3) FROM numbers(6)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        io.columba.executor.function.scalar.Operands.expectCount("groupArray", types, 1, 1);
        DataType element = types.get(0);
        return new BoundAggregate(new ArrayType(element), () -> new States(element, max));
    }

    private static final class States implements AggregateStates {
        private final DataType element;
        private final int max;
        /** One builder per group, created when the group sees its first value. */
        private final List<ColumnBuilder> groups = new ArrayList<>();

        States(DataType element, int max) {
            this.element = element;
            this.max = max;
        }

        private ColumnBuilder group(int group) {
            while (groups.size() <= group) {
                groups.add(null);
            }
            ColumnBuilder values = groups.get(group);
            if (values == null) {
                values = ColumnBuilder.forType(element, 4);
                groups.set(group, values);
            }
            return values;
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Column values = arguments[0].materialize();
            for (int i = 0; i < rows; i++) {
                ColumnBuilder target = group(groups[i]);
                if (target.size() < max) {
                    target.appendFrom(values, i);
                }
            }
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            for (int g = 0; g < mapping.length && g < from.groups.size(); g++) {
                ColumnBuilder source = from.groups.get(g);
                if (source == null) {
                    continue;
                }
                Column values = source.build();
                ColumnBuilder target = group(mapping[g]);
                for (int row = 0; row < values.size() && target.size() < max; row++) {
                    target.appendFrom(values, row);
                }
            }
        }

        @Override
        public Column result(int groupCount) {
            int[] offsets = new int[groupCount + 1];
            ColumnBuilder elements = ColumnBuilder.forType(element, groupCount);
            for (int g = 0; g < groupCount; g++) {
                ColumnBuilder values = g < groups.size() ? groups.get(g) : null;
                if (values != null) {
                    Column built = values.build();
                    for (int row = 0; row < built.size(); row++) {
                        elements.appendFrom(built, row);
                    }
                }
                offsets[g + 1] = elements.size();
            }
            return new ArrayColumn(offsets, elements.build(), null, groupCount);
        }

        /** VarUInt count, then each value as min/max states write theirs: 8 bytes, or VarUInt length and bytes. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            ColumnBuilder values = group < groups.size() ? groups.get(group) : null;
            if (values == null) {
                out.writeVarUInt(0);
                return;
            }
            Column built = values.build();
            out.writeVarUInt(built.size());
            for (int row = 0; row < built.size(); row++) {
                writeValue(out, built, row, element);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            ColumnBuilder values = group(0);
            long count = in.readVarUInt();
            for (long i = 0; i < count; i++) {
                readValue(in, values, element);
            }
        }
    }

    /** One value of a groupArray state: 8 bytes for numbers (a double's bits), VarUInt length and bytes else. */
    static void writeValue(GrowableByteArray out, Column values, int row, DataType element) {
        switch (values) {
            case LongColumn longs -> out.writeLong(longs.get(row));
            case DoubleColumn doubles -> out.writeLong(Double.doubleToRawLongBits(doubles.get(row)));
            case StringColumn strings -> {
                byte[] bytes = strings.getBytes(row);
                out.writeVarUInt(bytes.length);
                out.write(bytes, 0, bytes.length);
            }
            default -> throw unsupportedState(element);
        }
    }

    /** Appends a value written by {@link #writeValue} to {@code values}. */
    static void readValue(StateReader in, ColumnBuilder values, DataType element) {
        switch (values) {
            case LongColumnBuilder longs -> longs.append(in.readLong());
            case DoubleColumnBuilder doubles -> doubles.append(in.readDouble());
            case StringColumnBuilder strings -> strings.append(in.readBytes((int) in.readVarUInt()));
            default -> throw unsupportedState(element);
        }
    }

    private static ColumbaException unsupportedState(DataType element) {
        return new ColumbaException(
                ErrorCode.NOT_IMPLEMENTED, "groupArray states of " + element.name() + " values are not supported yet");
    }
}
