package io.columba.executor.function.aggregate;

import io.columba.storage.type.DataType;
import java.util.function.Supplier;

/** An aggregate bound to argument types: its result type and a factory of per-group state. */
public record BoundAggregate(DataType resultType, Supplier<AggregateStates> states) {

    public AggregateStates newStates() {
        return states.get();
    }
}
