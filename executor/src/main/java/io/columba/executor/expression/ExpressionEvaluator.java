package io.columba.executor.expression;

import io.columba.storage.block.Block;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import java.util.List;

/** Evaluates bound expressions over a block, a column at a time. */
public final class ExpressionEvaluator {
    private ExpressionEvaluator() {}

    public static Column evaluate(BoundExpression expression, Block input) {
        return switch (expression) {
            case ColumnReference reference -> input.column(reference.index());
            case Constant constant -> new ConstantColumn(constant.toColumn(), input.rowCount());
            case FunctionInvocation invocation -> {
                List<BoundExpression> arguments = invocation.arguments();
                Column[] values = new Column[arguments.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = evaluate(arguments.get(i), input);
                }
                yield invocation.kernel().apply(values, input.rowCount());
            }
        };
    }

    /** Evaluates a constant expression (no column references) to its value. */
    public static Constant fold(BoundExpression expression) {
        if (expression instanceof Constant constant) {
            return constant;
        }
        Column column = evaluate(expression, new Block(1, List.of()));
        return Constant.fromColumn(expression.type(), column, 0);
    }

    public static boolean isConstant(BoundExpression expression) {
        return switch (expression) {
            case ColumnReference ignored -> false;
            case Constant ignored -> true;
            case FunctionInvocation invocation -> {
                for (BoundExpression argument : invocation.arguments()) {
                    if (!isConstant(argument)) {
                        yield false;
                    }
                }
                yield invocation.kernel().deterministic();
            }
        };
    }
}
