package io.columba.executor.function.aggregate;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import java.util.List;

/** An aggregate function: documentation and how it binds to argument types. */
public interface AggregateFunction {
    String name();

    /** Other names of the function (median for quantile); states are typed with {@link #name()}. */
    default List<String> aliases() {
        return List.of();
    }

    String description();

    /** A runnable SQL example, checked by a test. */
    String example();

    default boolean caseInsensitive() {
        return false;
    }

    /**
     * This function with the parameters of {@code name(parameters)(arguments)}, as written (number literals); a
     * function without parameters refuses any.
     */
    default AggregateFunction withParameters(List<String> parameters) {
        if (parameters.isEmpty()) {
            return this;
        }
        throw new ColumbaException(
                ErrorCode.AGGREGATE_FUNCTION_DOESNT_ALLOW_PARAMETERS,
                "Aggregate function " + name() + " cannot have parameters");
    }

    /** The parameters this instance was made with, as an AggregateFunction type writes them. */
    default List<String> parameters() {
        return List.of();
    }

    /** For argument types without Nullable; NULL rows are skipped by the caller. */
    BoundAggregate bind(List<DataType> argumentTypes);

    /** True for combinators that see Nullable argument types themselves (State, If). */
    default boolean handlesNulls() {
        return false;
    }

    /** Whether Nullable arguments make the result Nullable (NULL for a group with no non-NULL row). */
    default boolean nullableResultForNullableArguments() {
        return true;
    }
}
