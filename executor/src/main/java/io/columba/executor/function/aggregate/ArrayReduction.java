package io.columba.executor.function.aggregate;

import io.columba.storage.column.Column;
import io.columba.storage.type.DataType;
import java.util.List;

/** An aggregate over each row's arrays (arrayReduce, arraySum, ...): one group a row, the elements its rows. */
public final class ArrayReduction {
    private ArrayReduction() {}

    /** The aggregate bound to the element types of array arguments. */
    public static BoundAggregate bind(AggregateFunction function, String caller, List<DataType> arrayTypes) {
        List<DataType> elements = ArrayCombinator.elementTypes(caller, arrayTypes);
        return AggregateBinder.bind(function, elements);
    }

    /** The aggregate's result for each of {@code rows} rows, over that row's elements of the array columns. */
    public static Column reduce(BoundAggregate bound, Column[] arrays, int rows) {
        int[] groups = new int[rows];
        for (int row = 0; row < rows; row++) {
            groups[row] = row;
        }
        ArrayCombinator.Flattened flat = ArrayCombinator.flatten(groups, arrays, rows);
        AggregateStates states = bound.newStates();
        states.add(flat.groups(), flat.columns(), flat.rows(), rows);
        return states.result(rows);
    }
}
