package io.columba.executor.operator.join;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.executor.operator.Operator;
import io.columba.storage.block.Block;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * ARRAY JOIN: repeats each input row once per element of its arrays (all of one row's arrays have the same length,
 * and are read side by side), appending one column of elements per array. A row whose arrays are empty is dropped,
 * or with {@code left} kept once with default elements.
 */
public final class ArrayJoinOperator implements Operator {
    private final Operator input;
    private final List<BoundExpression> arrays;
    private final boolean left;

    public ArrayJoinOperator(Operator input, List<BoundExpression> arrays, boolean left) {
        this.input = input;
        this.arrays = List.copyOf(arrays);
        this.left = left;
    }

    @Override
    public Block next() {
        for (Block block = input.next(); block != null; block = input.next()) {
            Block joined = join(block);
            if (joined.rowCount() > 0) {
                return joined;
            }
        }
        return null;
    }

    private Block join(Block block) {
        int rows = block.rowCount();
        ArrayColumn[] values = new ArrayColumn[arrays.size()];
        for (int a = 0; a < values.length; a++) {
            values[a] = (ArrayColumn)
                    ExpressionEvaluator.evaluate(arrays.get(a), block).materialize();
        }
        int total = 0;
        boolean defaults = false;
        for (int row = 0; row < rows; row++) {
            int length = values[0].length(row);
            for (int a = 1; a < values.length; a++) {
                if (values[a].length(row) != length) {
                    throw new ColumbaException(
                            ErrorCode.SIZES_OF_ARRAYS_DONT_MATCH, "Sizes of ARRAY-JOIN-ed arrays do not match");
                }
            }
            if (length == 0 && left) {
                length = 1;
                defaults = true;
            }
            total += length;
        }
        int[] rowPositions = new int[total];
        int[] indexes = new int[total];
        int out = 0;
        for (int row = 0; row < rows; row++) {
            int length = values[0].length(row);
            if (length == 0 && left) {
                rowPositions[out] = row;
                indexes[out++] = -1;
            }
            for (int i = 0; i < length; i++) {
                rowPositions[out] = row;
                indexes[out++] = i;
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Column column : block.columns()) {
            columns.add(column.take(rowPositions, total));
        }
        for (int a = 0; a < values.length; a++) {
            columns.add(elements(values[a], arrays.get(a).type(), rowPositions, indexes, total, defaults));
        }
        return new Block(total, columns);
    }

    /** Element {@code indexes[i]} of the array in row {@code rows[i]}; index -1 is the element type's default. */
    private static Column elements(
            ArrayColumn array, DataType type, int[] rows, int[] indexes, int count, boolean defaults) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = indexes[i] < 0 ? -1 : array.offsets()[rows[i]] + indexes[i];
        }
        Column elements = array.elements().materialize();
        if (!defaults) {
            return elements.take(positions, count);
        }
        DataType elementType = ArrayType.elementOf(type);
        ColumnBuilder builder = ColumnBuilder.forType(elementType, count);
        Column zero = ColumnBuilder.defaults(elementType, 1);
        for (int i = 0; i < count; i++) {
            if (positions[i] < 0) {
                builder.appendFrom(zero, 0);
            } else {
                builder.appendFrom(elements, positions[i]);
            }
        }
        return builder.build();
    }

    @Override
    public void close() {
        input.close();
    }
}
