package io.columba.executor.function;

import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;

/** Runs a kernel on the values under Nullable arguments and marks the rows where any argument is NULL. */
final class NullableKernel implements Kernel {
    private final Kernel inner;

    NullableKernel(Kernel inner) {
        this.inner = inner;
    }

    @Override
    public boolean deterministic() {
        return inner.deterministic();
    }

    @Override
    public Column apply(Column[] arguments, int rows) {
        boolean[] nulls = null;
        for (Column argument : arguments) {
            if (argument instanceof ConstantColumn constant) {
                if (constant.value().isNull(0)) {
                    nulls = new boolean[rows];
                    java.util.Arrays.fill(nulls, true);
                    break;
                }
                continue;
            }
            boolean[] argumentNulls = argument.nulls();
            if (argumentNulls == null) {
                continue;
            }
            if (nulls == null) {
                nulls = new boolean[rows];
            }
            for (int i = 0; i < rows; i++) {
                nulls[i] |= argumentNulls[i];
            }
        }
        Column result = inner.apply(arguments, rows);
        return withNulls(result.materialize(), nulls);
    }

    static Column withNulls(Column column, boolean[] nulls) {
        return io.columba.executor.function.scalar.NullsColumn.withNulls(column, nulls);
    }
}
