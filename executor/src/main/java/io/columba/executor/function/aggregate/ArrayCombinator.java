package io.columba.executor.function.aggregate;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/** fArray(arrays...): f over the elements of array arguments; a row's arrays must have equal lengths. */
public final class ArrayCombinator extends Combinator {
    public ArrayCombinator(AggregateFunction nested) {
        super(nested, "Array");
    }

    @Override
    protected AggregateFunction over(AggregateFunction nested) {
        return new ArrayCombinator(nested);
    }

    @Override
    public String description() {
        return nested.name() + " over the elements of array arguments.";
    }

    @Override
    public String example() {
        return "SELECT " + name() + "([number, 1]) FROM numbers(3)";
    }

    @Override
    public boolean nullableResultForNullableArguments() {
        return false;
    }

    @Override
    public BoundAggregate bind(List<DataType> argumentTypes) {
        List<DataType> elements = elementTypes(name(), argumentTypes);
        BoundAggregate inner = AggregateBinder.bind(nested, elements);
        return new BoundAggregate(inner.resultType(), () -> new States(inner.newStates()));
    }

    static List<DataType> elementTypes(String name, List<DataType> argumentTypes) {
        if (argumentTypes.isEmpty()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + name + " requires at least one argument");
        }
        List<DataType> elements = new ArrayList<>();
        for (DataType type : argumentTypes) {
            if (!(type instanceof ArrayType array)) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                        "Illegal type " + type.name() + " of argument for aggregate function with Array suffix."
                                + " Must be array.");
            }
            elements.add(array.element());
        }
        return elements;
    }

    /** Each row's elements as rows of their own, in the same group; checks the lengths agree. */
    static Flattened flatten(int[] groups, Column[] arguments, int rows) {
        ArrayColumn first = (ArrayColumn) arguments[0].materialize();
        int[] offsets = first.offsets();
        int total = offsets[rows] - offsets[0];
        int[] elementGroups = new int[total];
        int[] indexes = new int[total];
        for (int i = 0; i < rows; i++) {
            for (int at = offsets[i]; at < offsets[i + 1]; at++) {
                elementGroups[at - offsets[0]] = groups[i];
                indexes[at - offsets[0]] = at - offsets[i];
            }
        }
        Column[] elements = new Column[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            ArrayColumn array = a == 0 ? first : (ArrayColumn) arguments[a].materialize();
            for (int i = 0; i < rows; i++) {
                if (array.length(i) != first.length(i)) {
                    throw new ColumbaException(
                            ErrorCode.SIZES_OF_ARRAYS_DONT_MATCH,
                            "Arrays passed to aggregate function with Array suffix have different sizes");
                }
            }
            elements[a] = array.elements().slice(array.offsets()[0], total);
        }
        return new Flattened(elementGroups, indexes, elements, total);
    }

    /** The flattened elements: their groups, their index in their array, the element columns, their count. */
    record Flattened(int[] groups, int[] indexes, Column[] columns, int rows) {}

    private static final class States extends ForwardingStates {
        States(AggregateStates inner) {
            super(inner);
        }

        @Override
        public void add(int[] groups, Column[] arguments, int rows, int groupCount) {
            Flattened flat = flatten(groups, arguments, rows);
            inner.add(flat.groups(), flat.columns(), flat.rows(), groupCount);
        }
    }
}
