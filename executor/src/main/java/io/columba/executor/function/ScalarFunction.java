package io.columba.executor.function;

import io.columba.storage.type.DataType;
import java.util.List;

/**
 * A scalar function: its name, documentation, and how it binds to argument types. {@code bind} sees argument
 * types without Nullable unless {@link #handlesNulls()}; the registry wraps the result for NULLs.
 */
public interface ScalarFunction {
    String name();

    String description();

    /** A runnable SQL example, checked by a test. */
    String example();

    default List<String> aliases() {
        return List.of();
    }

    default boolean caseInsensitive() {
        return false;
    }

    /** True when the function sees Nullable arguments itself (isNull, and, or, ...). */
    default boolean handlesNulls() {
        return false;
    }

    /** The return type and kernel for these argument types; throws with a ClickHouse code when they don't fit. */
    Binding bind(List<DataType> argumentTypes, List<io.columba.executor.expression.BoundExpression> arguments);

    /** A resolved overload. */
    record Binding(DataType returnType, Kernel kernel) {}
}
