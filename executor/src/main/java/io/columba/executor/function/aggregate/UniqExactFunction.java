package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/** uniqExact: the exact number of distinct argument tuples. UInt64. */
public final class UniqExactFunction implements AggregateFunction {
    @Override
    public String name() {
        return "uniqExact";
    }

    @Override
    public String description() {
        return "Exact number of distinct values (or tuples of values) of the arguments.";
    }

    @Override
    public String example() {
        return "SELECT uniqExact(number % 3) FROM numbers(10)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        io.columba.executor.function.scalar.Operands.expectCount("uniqExact", types, 1, Integer.MAX_VALUE);
        return new BoundAggregate(IntegerType.UINT64, States::new);
    }

    private static final class States implements AggregateStates {
        private final List<HashSet<Object>> sets = new ArrayList<>();

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            while (sets.size() < groupCount) {
                sets.add(new HashSet<>());
            }
            Column[] columns = new Column[arguments.length];
            for (int a = 0; a < arguments.length; a++) {
                columns[a] = arguments[a].materialize();
            }
            for (int i = 0; i < rows; i++) {
                sets.get(groups[i]).add(key(columns, i));
            }
        }

        private static Object key(Column[] columns, int row) {
            if (columns.length == 1) {
                return value(columns[0], row);
            }
            Object[] values = new Object[columns.length];
            for (int a = 0; a < columns.length; a++) {
                values[a] = value(columns[a], row);
            }
            return Arrays.asList(values);
        }

        private static Object value(Column column, int row) {
            return switch (column) {
                case LongColumn longs -> longs.get(row);
                case DoubleColumn doubles -> Double.doubleToLongBits(doubles.get(row) + 0.0);
                case StringColumn strings -> ByteBuffer.wrap(strings.getBytes(row));
                default -> throw new IllegalStateException();
            };
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            while (sets.size() < groupCount) {
                sets.add(new HashSet<>());
            }
            for (int g = 0; g < mapping.length && g < from.sets.size(); g++) {
                sets.get(mapping[g]).addAll(from.sets.get(g));
            }
        }

        @Override
        public Column result(int groupCount) {
            long[] out = new long[groupCount];
            for (int g = 0; g < groupCount && g < sets.size(); g++) {
                out[g] = sets.get(g).size();
            }
            return new LongColumn(out, null, groupCount);
        }

        /** The number of distinct keys, then each key: a tagged Int64, byte string or list of keys. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            HashSet<Object> set = group < sets.size() ? sets.get(group) : new HashSet<>();
            out.writeVarUInt(set.size());
            for (Object key : set) {
                writeKey(key, out);
            }
        }

        private static void writeKey(Object key, GrowableByteArray out) {
            switch (key) {
                case Long number -> {
                    out.writeByte(0);
                    out.writeLong(number);
                }
                case ByteBuffer bytes -> {
                    out.writeByte(1);
                    out.writeVarUInt(bytes.remaining());
                    out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                }
                case List<?> keys -> {
                    out.writeByte(2);
                    out.writeVarUInt(keys.size());
                    for (Object element : keys) {
                        writeKey(element, out);
                    }
                }
                default -> throw new IllegalStateException("unexpected uniqExact key " + key);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            while (sets.isEmpty()) {
                sets.add(new HashSet<>());
            }
            long size = in.readVarUInt();
            for (long i = 0; i < size; i++) {
                sets.get(0).add(readKey(in));
            }
        }

        private static Object readKey(StateReader in) {
            int tag = in.readByte();
            return switch (tag) {
                case 0 -> in.readLong();
                case 1 -> ByteBuffer.wrap(in.readBytes((int) in.readVarUInt()));
                case 2 -> {
                    int count = (int) in.readVarUInt();
                    Object[] keys = new Object[count];
                    for (int i = 0; i < count; i++) {
                        keys[i] = readKey(in);
                    }
                    yield Arrays.asList(keys);
                }
                default ->
                    throw new io.columba.storage.error.ColumbaException(
                            io.columba.storage.error.ErrorCode.CANNOT_READ_ALL_DATA,
                            "Corrupt uniqExact state: key tag " + tag);
            };
        }
    }
}
