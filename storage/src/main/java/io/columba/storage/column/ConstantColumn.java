package io.columba.storage.column;

/** One value repeated {@code size} times; {@code value} is a column of exactly one row. */
public record ConstantColumn(Column value, int size) implements Column {

    public ConstantColumn {
        if (value.size() != 1) {
            throw new IllegalArgumentException("a constant holds one value, got " + value.size());
        }
        if (value instanceof ConstantColumn) {
            throw new IllegalArgumentException("a constant cannot wrap a constant");
        }
    }

    @Override
    public boolean[] nulls() {
        if (!value.isNull(0)) {
            return null;
        }
        boolean[] all = new boolean[size];
        java.util.Arrays.fill(all, true);
        return all;
    }

    @Override
    public boolean isNull(int row) {
        return value.isNull(0);
    }

    @Override
    public Column take(int[] positions, int count) {
        return new ConstantColumn(value, count);
    }

    @Override
    public Column slice(int offset, int length) {
        return new ConstantColumn(value, length);
    }

    @Override
    public Column materialize() {
        int[] zeros = new int[size];
        return value.take(zeros, size);
    }
}
