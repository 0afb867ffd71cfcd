package io.columba.executor.expression;

import io.columba.executor.function.Kernel;
import io.columba.storage.type.DataType;
import java.util.List;

/** A scalar function applied to bound arguments, with the kernel chosen for their types. */
public record FunctionInvocation(String name, List<BoundExpression> arguments, DataType type, Kernel kernel)
        implements BoundExpression {

    public FunctionInvocation {
        arguments = List.copyOf(arguments);
    }
}
