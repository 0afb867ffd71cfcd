package io.columba.storage.type;

import java.util.List;

/**
 * AggregateFunction(f, T...): a column of intermediate states of aggregate function {@code f} over arguments of
 * types T, as {@code fState} returns them; {@code fMerge} and AggregatingMergeTree merges combine them. Each value
 * is the state's bytes, in the layout the function's states write.
 *
 * @param function the function name, combinators included ({@code uniq}, {@code sumIf})
 * @param parameters the parameters as written ({@code 0.5} of {@code quantile(0.5)}), empty when none
 * @param arguments the argument types
 */
public record AggregateFunctionType(String function, List<String> parameters, List<DataType> arguments)
        implements DataType {

    public AggregateFunctionType {
        parameters = List.copyOf(parameters);
        arguments = List.copyOf(arguments);
    }

    @Override
    public String name() {
        StringBuilder out = new StringBuilder("AggregateFunction(").append(function);
        if (!parameters.isEmpty()) {
            out.append('(').append(String.join(", ", parameters)).append(')');
        }
        for (DataType argument : arguments) {
            out.append(", ").append(argument.name());
        }
        return out.append(')').toString();
    }

    @Override
    public PhysicalType physicalType() {
        return PhysicalType.BYTES;
    }
}
