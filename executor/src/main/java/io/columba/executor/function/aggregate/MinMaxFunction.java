package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.Operands;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.util.Arrays;
import java.util.List;

/** min, max, any and anyLast: the smallest, largest, first or last value of the argument's own type; 0 or '' for no rows. */
public final class MinMaxFunction implements AggregateFunction {
    /** Which value a group keeps. */
    public enum Kind {
        MIN,
        MAX,
        ANY,
        ANY_LAST
    }

    private final Kind kind;

    public MinMaxFunction(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind == Kind.ANY_LAST ? "anyLast" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<String> aliases() {
        return switch (kind) {
            case ANY -> List.of("first_value");
            case ANY_LAST -> List.of("last_value");
            default -> List.of();
        };
    }

    @Override
    public String description() {
        return switch (kind) {
            case MIN -> "Smallest value; strings compare as bytes.";
            case MAX -> "Largest value; strings compare as bytes.";
            case ANY -> "The first value met.";
            case ANY_LAST -> "The last value met.";
        };
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number) FROM numbers(10)";
    }

    @Override
    public boolean caseInsensitive() {
        return kind == Kind.MIN || kind == Kind.MAX;
    }

    @Override
    public BoundAggregate bind(List<DataType> types) {
        Operands.expectCount(name(), types, 1, 1);
        DataType type = types.get(0);
        if (type.physicalType() == io.columba.storage.type.PhysicalType.ARRAY
                || type.physicalType() == io.columba.storage.type.PhysicalType.TUPLE) {
            throw new io.columba.storage.error.ColumbaException(
                    io.columba.storage.error.ErrorCode.NOT_IMPLEMENTED,
                    "Function " + name() + " of " + type.name() + " values is not supported yet");
        }
        boolean unsigned64 = type instanceof IntegerType integer && !integer.signed() && integer.bytes() == 8;
        return new BoundAggregate(type, () -> new States(kind, type, unsigned64));
    }

    private static final class States implements AggregateStates {
        private final Kind kind;
        private final DataType type;
        private final boolean unsigned64;
        private boolean[] seen = new boolean[16];
        private long[] longs;
        private double[] doubles;
        private byte[][] strings;

        States(Kind kind, DataType type, boolean unsigned64) {
            this.kind = kind;
            this.type = type;
            this.unsigned64 = unsigned64;
            switch (type.physicalType()) {
                case LONG -> longs = new long[16];
                case DOUBLE -> doubles = new double[16];
                case BYTES -> strings = new byte[16][];
            }
        }

        private void grow(int groupCount) {
            if (seen.length >= groupCount) {
                return;
            }
            int size = Math.max(groupCount, seen.length * 2);
            seen = Arrays.copyOf(seen, size);
            if (longs != null) {
                longs = Arrays.copyOf(longs, size);
            }
            if (doubles != null) {
                doubles = Arrays.copyOf(doubles, size);
            }
            if (strings != null) {
                strings = Arrays.copyOf(strings, size);
            }
        }

        /**
         * As ClickHouse 18.16 compares floats: with {@code <} and {@code >}, false both ways for NaN, so a NaN met
         * first stays (min and max are NaN) and a NaN met later changes nothing; -0 and 0 are equal.
         */
        private boolean betterDouble(double value, double current) {
            return switch (kind) {
                case MIN -> value < current;
                case MAX -> value > current;
                case ANY -> false;
                case ANY_LAST -> true;
            };
        }

        private boolean better(int comparison) {
            return switch (kind) {
                case MIN -> comparison < 0;
                case MAX -> comparison > 0;
                case ANY -> false;
                case ANY_LAST -> true;
            };
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            Column column = arguments[0].materialize();
            for (int i = 0; i < rows; i++) {
                int g = groups[i];
                switch (column) {
                    case LongColumn values -> {
                        long value = values.get(i);
                        int comparison =
                                unsigned64 ? Long.compareUnsigned(value, longs[g]) : Long.compare(value, longs[g]);
                        if (!seen[g] || better(comparison)) {
                            longs[g] = value;
                        }
                    }
                    case DoubleColumn values -> {
                        double value = values.get(i);
                        if (!seen[g] || betterDouble(value, doubles[g])) {
                            doubles[g] = value;
                        }
                    }
                    case StringColumn values -> {
                        if (!seen[g] || better(compare(values, i, strings[g]))) {
                            strings[g] = values.getBytes(i);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
                seen[g] = true;
            }
        }

        private static int compare(StringColumn column, int row, byte[] current) {
            return Arrays.compareUnsigned(
                    column.data(), column.offsets()[row], column.offsets()[row + 1], current, 0, current.length);
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            grow(groupCount);
            for (int g = 0; g < mapping.length; g++) {
                if (g >= from.seen.length || !from.seen[g]) {
                    continue;
                }
                int to = mapping[g];
                boolean take = !seen[to];
                if (!take) {
                    if (longs != null) {
                        take = better(
                                unsigned64
                                        ? Long.compareUnsigned(from.longs[g], longs[to])
                                        : Long.compare(from.longs[g], longs[to]));
                    } else if (doubles != null) {
                        take = betterDouble(from.doubles[g], doubles[to]);
                    } else {
                        take = better(Arrays.compareUnsigned(from.strings[g], strings[to]));
                    }
                }
                if (take) {
                    if (longs != null) {
                        longs[to] = from.longs[g];
                    } else if (doubles != null) {
                        doubles[to] = from.doubles[g];
                    } else {
                        strings[to] = from.strings[g];
                    }
                }
                seen[to] = true;
            }
        }

        /** A flag (1 when the group saw a value), then the value: 8 bytes, or VarUInt length and bytes. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeByte(seen[group] ? 1 : 0);
            if (!seen[group]) {
                return;
            }
            if (longs != null) {
                out.writeLong(longs[group]);
            } else if (doubles != null) {
                out.writeLong(Double.doubleToRawLongBits(doubles[group]));
            } else {
                out.writeVarUInt(strings[group].length);
                out.write(strings[group], 0, strings[group].length);
            }
        }

        @Override
        public void deserialize(StateReader in) {
            seen[0] = in.readByte() != 0;
            if (!seen[0]) {
                return;
            }
            if (longs != null) {
                longs[0] = in.readLong();
            } else if (doubles != null) {
                doubles[0] = in.readDouble();
            } else {
                strings[0] = in.readBytes((int) in.readVarUInt());
            }
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            return switch (type.physicalType()) {
                case LONG -> new LongColumn(Arrays.copyOf(longs, groupCount), null, groupCount);
                case DOUBLE -> new DoubleColumn(Arrays.copyOf(doubles, groupCount), null, groupCount);
                case BYTES -> {
                    StringColumnBuilder out = (StringColumnBuilder) ColumnBuilder.forType(type, groupCount);
                    for (int g = 0; g < groupCount; g++) {
                        out.append(strings[g] == null ? new byte[0] : strings[g]);
                    }
                    yield out.build();
                }
                case ARRAY, TUPLE -> throw new IllegalStateException("refused when binding");
            };
        }
    }
}
