package io.columba.executor.analyzer;

import io.columba.executor.operator.LimitOperator;
import io.columba.executor.operator.Operator;
import io.columba.storage.block.Block;
import io.columba.storage.type.DataType;
import java.util.List;
import java.util.function.Supplier;

/**
 * A planned query: the root operator and its output columns; {@code limit} is the LIMIT operator or null;
 * {@code totals} gives the row of {@code WITH TOTALS} once the root has been drained, or is null.
 */
public record Plan(
        Operator root, List<String> names, List<DataType> types, LimitOperator limit, Supplier<Block> totals) {

    public Plan(Operator root, List<String> names, List<DataType> types, LimitOperator limit) {
        this(root, names, types, limit, null);
    }
}
