package io.columba.executor.function.aggregate;

import io.columba.storage.type.DataType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import java.util.ArrayList;
import java.util.List;

/** Binds an aggregate to possibly-Nullable argument types, adding the skipping of NULL rows. */
public final class AggregateBinder {
    private AggregateBinder() {}

    public static BoundAggregate bind(AggregateFunction function, List<DataType> argumentTypes) {
        if (function.handlesNulls()) {
            return function.bind(
                    argumentTypes.stream().map(DataType::withoutLowCardinality).toList());
        }
        boolean anyNullable = false;
        List<DataType> plain = new ArrayList<>();
        for (DataType type : argumentTypes) {
            anyNullable |= type.isNullable() || type instanceof NothingType;
            plain.add(type.withoutNullable());
        }
        BoundAggregate bound = function.bind(plain);
        if (!anyNullable) {
            return bound;
        }
        boolean nullableResult = function.nullableResultForNullableArguments();
        DataType resultType = nullableResult ? NullableType.of(bound.resultType()) : bound.resultType();
        return new BoundAggregate(resultType, () -> new SkipNullsStates(bound.newStates(), nullableResult));
    }
}
