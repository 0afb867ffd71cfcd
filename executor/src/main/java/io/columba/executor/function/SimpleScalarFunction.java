package io.columba.executor.function;

import io.columba.executor.expression.BoundExpression;
import io.columba.storage.type.DataType;
import java.util.List;

/** A scalar function described by its fields and a binder; most built-ins are made this way. */
public record SimpleScalarFunction(
        String name,
        List<String> aliases,
        boolean caseInsensitive,
        boolean handlesNulls,
        String description,
        String example,
        Binder binder)
        implements ScalarFunction {

    /** Chooses the return type and kernel for argument types. */
    @FunctionalInterface
    public interface Binder {
        Binding bind(List<DataType> types, List<BoundExpression> arguments);
    }

    public static SimpleScalarFunction of(String name, String description, String example, Binder binder) {
        return new SimpleScalarFunction(name, List.of(), false, false, description, example, binder);
    }

    public SimpleScalarFunction withAliases(String... names) {
        return new SimpleScalarFunction(
                name, List.of(names), caseInsensitive, handlesNulls, description, example, binder);
    }

    public SimpleScalarFunction ignoringCase() {
        return new SimpleScalarFunction(name, aliases, true, handlesNulls, description, example, binder);
    }

    public SimpleScalarFunction seeingNulls() {
        return new SimpleScalarFunction(name, aliases, caseInsensitive, true, description, example, binder);
    }

    @Override
    public Binding bind(List<DataType> argumentTypes, List<BoundExpression> arguments) {
        return binder.bind(argumentTypes, arguments);
    }
}
