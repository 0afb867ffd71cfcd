package io.columba.executor.function.aggregate;

import io.columba.storage.type.DataType;
import java.util.List;

/** An aggregate function: documentation and how it binds to argument types. */
public interface AggregateFunction {
    String name();

    String description();

    /** A runnable SQL example, checked by a test. */
    String example();

    default boolean caseInsensitive() {
        return false;
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
