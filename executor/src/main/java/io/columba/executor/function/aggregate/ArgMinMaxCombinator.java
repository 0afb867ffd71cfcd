package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ValueOrder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.part.GrowableByteArray;
import io.columba.storage.type.DataType;
import java.util.Arrays;
import java.util.List;

/**
 * fArgMax(args..., key) and fArgMin: f over the rows that have the group's largest (smallest) key, ties all
 * included; a better key met later starts f over.
 */
public final class ArgMinMaxCombinator extends Combinator {
    private final boolean max;

    public ArgMinMaxCombinator(AggregateFunction nested, boolean max) {
        super(nested, max ? "ArgMax" : "ArgMin");
        this.max = max;
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new ArgMinMaxCombinator(nested, max);
    }

    @Override
    public String description() {
        return nested.name() + " over the rows with the " + (max ? "largest" : "smallest")
                + " value of the last argument.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "(number, number % 3) FROM numbers(10)";
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        if (argumentTypes.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name() + " requires at least one argument, the key");
        }
        DataType key = argumentTypes.get(argumentTypes.size() - 1);
        RowKeys.checkScalar(name(), key);
        BoundAggregate inner = AggregateBinder.bind(nested, argumentTypes.subList(0, argumentTypes.size() - 1));
        return new BoundAggregate(inner.resultType(), () -> new States(inner, key, max));
    }

    /** Per group: the best key so far and the inner group that aggregates its rows (-1 before any row). */
    private static final class States implements AggregateStates {
        private final BoundAggregate bound;
        private final AggregateStates inner;
        private final DataType keyType;
        private final boolean max;
        private Column[] keys = new Column[0];
        private int[] innerGroup = new int[0];
        private int innerGroups;

        States(BoundAggregate bound, DataType keyType, boolean max) {
            this.bound = bound;
            this.inner = bound.newStates();
            this.keyType = keyType;
            this.max = max;
        }

        private void grow(int groupCount) {
            if (innerGroup.length < groupCount) {
                int old = innerGroup.length;
                innerGroup = Arrays.copyOf(innerGroup, Math.max(groupCount, old * 2));
                Arrays.fill(innerGroup, old, innerGroup.length, -1);
                keys = Arrays.copyOf(keys, innerGroup.length);
            }
        }

        /** The inner group a row with this key goes to, a fresh one when the key beats the group's; -1 to skip. */
        private int target(int group, Column key, int row) {
            if (innerGroup[group] >= 0) {
                int order = ValueOrder.compare(key, row, keys[group], 0, keyType);
                if (order == 0) {
                    return innerGroup[group];
                }
                if ((order > 0) != max) {
                    return -1;
                }
            }
            keys[group] = key.slice(row, 1);
            innerGroup[group] = innerGroups++;
            return innerGroup[group];
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            grow(groupCount);
            Column key = arguments[arguments.length - 1].materialize();
            int[] positions = new int[rows];
            int[] targets = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                int target = target(groups[i], key, i);
                if (target >= 0) {
                    positions[count] = i;
                    targets[count++] = target;
                }
            }
            Column[] kept = new Column[arguments.length - 1];
            for (int a = 0; a < kept.length; a++) {
                kept[a] = arguments[a].take(positions, count);
            }
            inner.add(targets, kept, count, innerGroups);
        }

        @Override
        public void merge(AggregateStates other, int[] mapping, int groupCount) {
            grow(groupCount);
            States from = (States) other;
            int[] innerMapping = new int[from.innerGroups];
            // Inner groups of the other side that lost: folded into one spare group never read.
            int spare = innerGroups++;
            Arrays.fill(innerMapping, spare);
            for (int g = 0; g < mapping.length && g < from.innerGroup.length; g++) {
                if (from.innerGroup[g] >= 0) {
                    int target = target(mapping[g], from.keys[g], 0);
                    if (target >= 0) {
                        innerMapping[from.innerGroup[g]] = target;
                    }
                }
            }
            inner.merge(from.inner, innerMapping, innerGroups);
        }

        @Override
        public Column result(int groupCount) {
            grow(groupCount);
            int empty = innerGroups;
            Column all = inner.result(innerGroups + 1);
            int[] order = new int[groupCount];
            for (int g = 0; g < groupCount; g++) {
                order[g] = innerGroup[g] >= 0 ? innerGroup[g] : empty;
            }
            return all.take(order, groupCount);
        }

        /** A byte 1, the key and the inner state; or a byte 0 for a group without rows. */
        @Override
        public void serialize(int group, GrowableByteArray out) {
            grow(group + 1);
            if (innerGroup[group] < 0) {
                out.writeByte(0);
                return;
            }
            inner.result(innerGroups);
            out.writeByte(1);
            RowKeys.write(RowKeys.value(keys[group], 0), out);
            inner.serialize(innerGroup[group], out);
        }

        @Override
        public void deserialize(StateReader in) {
            grow(1);
            if (in.readByte() == 0) {
                return;
            }
            ColumnBuilder key = ColumnBuilder.forType(keyType, 1);
            RowKeys.append(key, RowKeys.read(in));
            AggregateStates one = bound.newStates();
            one.deserialize(in);
            int target = target(0, key.build(), 0);
            if (target >= 0) {
                inner.merge(one, new int[] {target}, innerGroups);
            }
        }
    }
}
