package io.columba.executor.function.aggregate;

import io.columba.executor.function.scalar.NullsColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NullableType;
import java.util.Arrays;
import java.util.List;

/** fOrNull and fOrDefault: f, but a group that aggregated no row gives NULL, or the result type's default. */
public final class OrNullCombinator extends Combinator {
    private final boolean orNull;

    public OrNullCombinator(AggregateFunction nested, boolean orNull) {
        super(nested, orNull ? "OrNull" : "OrDefault");
        this.orNull = orNull;
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new OrNullCombinator(nested, orNull);
    }

    @Override
    public String description() {
        return nested.name() + ", or " + (orNull ? "NULL" : "the default value") + " for a group without rows.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number) FROM numbers(10) WHERE number > 100";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes);
        DataType type = inner.resultType();
        DataType resultType = orNull && !type.isNullable() ? NullableType.of(type) : type;
        return new BoundAggregate(resultType, () -> new States(inner.newStates(), orNull, type));
    }

    private static final class States extends ForwardingStates {
        private final boolean orNull;
        private final DataType type;
        private boolean[] seen = new boolean[16];

        States(AggregateStates inner, boolean orNull, DataType type) {
            super(inner);
            this.orNull = orNull;
            this.type = type;
        }

        private void grow(int groupCount) {
            if (seen.length < groupCount) {
                seen = Arrays.copyOf(seen, Math.max(groupCount, seen.length * 2));
            }
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            for (int i = 0; i < rows; i++) {
                seen[groups[i]] = true;
            }
            inner.add(groups, arguments, rows, groupCount);
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            States from = (States) other;
            grow(groupCount);
            for (int g = 0; g < mapping.length && g < from.seen.length; g++) {
                seen[mapping[g]] |= from.seen[g];
            }
            inner.merge(from.inner, mapping, groupCount);
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            Column result = inner.result(groupCount).materialize();
            boolean[] empty = new boolean[groupCount];
            boolean any = false;
            for (int g = 0; g < groupCount; g++) {
                empty[g] = !seen[g];
                any |= empty[g];
            }
            if (!any) {
                return result;
            }
            if (orNull) {
                return NullsColumn.withNulls(result, empty);
            }
            Column defaults = ColumnBuilder.defaults(type, groupCount);
            ColumnBuilder out = ColumnBuilder.forType(type, groupCount);
            for (int g = 0; g < groupCount; g++) {
                out.appendFrom(empty[g] ? defaults : result, g);
            }
            return out.build();
        }

        /** A flag (1 when the group aggregated a row), then the inner state. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            out.writeByte(seen[group] ? 1 : 0);
            inner.serialize(group, out);
        }

        @Override
        public void deserialize(StateReader in) {
            seen[0] = in.readByte() != 0;
            inner.deserialize(in);
        }
    }
}
