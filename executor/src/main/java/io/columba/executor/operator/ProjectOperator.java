package io.columba.executor.operator;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import java.util.ArrayList;
import java.util.List;

/** Computes a list of expressions over each block. */
public final class ProjectOperator implements Operator {
    private final Operator child;
    private final List<BoundExpression> expressions;

    public ProjectOperator(Operator child, List<BoundExpression> expressions) {
        this.child = child;
        this.expressions = List.copyOf(expressions);
    }

    @Override
    public Block next() {
        Block block = child.next();
        if (block == null) {
            return null;
        }
        List<Column> columns = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            columns.add(ExpressionEvaluator.evaluate(expression, block));
        }
        return new Block(block.rowCount(), columns);
    }

    @Override
    public void close() {
        child.close();
    }
}
