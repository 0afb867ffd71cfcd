package io.columba.executor.function;

import io.columba.storage.column.Column;

/** The vectorized body of a scalar function: whole columns in, one column out. */
@FunctionalInterface
public interface Kernel {
    Column apply(Column[] arguments, int rows);

    /** False for functions such as now() whose value must not be folded at plan time. */
    default boolean deterministic() {
        return true;
    }
}
