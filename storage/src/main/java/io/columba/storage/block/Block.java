package io.columba.storage.block;

import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.List;

/** A row count plus columns of that many rows, without names: the schema lives in the operator. */
public record Block(int rowCount, List<Column> columns) {

    public Block {
        columns = List.copyOf(columns);
        for (Column column : columns) {
            if (column.size() != rowCount) {
                throw new IllegalArgumentException(
                        "column of " + column.size() + " rows in a block of " + rowCount + " rows");
            }
        }
    }

    public Column column(int index) {
        return columns.get(index);
    }

    public int columnCount() {
        return columns.size();
    }

    /** The rows at {@code positions[0..count)}. */
    public Block take(int[] positions, int count) {
        return new Block(
                count, columns.stream().map(c -> c.take(positions, count)).toList());
    }

    public Block slice(int offset, int length) {
        return new Block(
                length, columns.stream().map(c -> c.slice(offset, length)).toList());
    }

    /** The rows of several blocks of the same column types, one after another. */
    public static Block concat(List<Block> blocks, List<DataType> types) {
        if (blocks.size() == 1) {
            return blocks.get(0);
        }
        int rows = 0;
        for (Block block : blocks) {
            rows += block.rowCount();
        }
        List<Column> columns = new ArrayList<>(types.size());
        for (int c = 0; c < types.size(); c++) {
            List<Column> pieces = new ArrayList<>(blocks.size());
            for (Block block : blocks) {
                pieces.add(block.column(c));
            }
            columns.add(concatColumns(pieces, types.get(c), rows));
        }
        return new Block(rows, columns);
    }

    /** The values of several columns of one type, one after another, copied array by array. */
    public static Column concatColumns(List<Column> pieces, DataType type, int rows) {
        if (pieces.size() == 1) {
            return pieces.get(0).materialize();
        }
        boolean[] nulls = null;
        int at = 0;
        for (Column piece : pieces) {
            boolean[] pieceNulls = piece.materialize().nulls();
            if (pieceNulls != null) {
                if (nulls == null) {
                    nulls = new boolean[rows];
                }
                System.arraycopy(pieceNulls, 0, nulls, at, piece.size());
            }
            at += piece.size();
        }
        switch (type.physicalType()) {
            case LONG -> {
                long[] values = new long[rows];
                at = 0;
                for (Column piece : pieces) {
                    System.arraycopy(((LongColumn) piece.materialize()).values(), 0, values, at, piece.size());
                    at += piece.size();
                }
                return new LongColumn(values, nulls, rows);
            }
            case DOUBLE -> {
                double[] values = new double[rows];
                at = 0;
                for (Column piece : pieces) {
                    System.arraycopy(((DoubleColumn) piece.materialize()).values(), 0, values, at, piece.size());
                    at += piece.size();
                }
                return new DoubleColumn(values, nulls, rows);
            }
            case ARRAY -> {
                return concatArrays(pieces, type, rows);
            }
            case TUPLE -> {
                List<DataType> elementTypes = ((TupleType) type.withoutNullable()).elements();
                List<Column> elements = new ArrayList<>(elementTypes.size());
                for (int e = 0; e < elementTypes.size(); e++) {
                    List<Column> elementPieces = new ArrayList<>(pieces.size());
                    for (Column piece : pieces) {
                        elementPieces.add(
                                ((TupleColumn) piece.materialize()).elements().get(e));
                    }
                    elements.add(concatColumns(elementPieces, elementTypes.get(e), rows));
                }
                return new TupleColumn(elements, nulls, rows);
            }
            default -> {
                long bytes = 0;
                for (Column piece : pieces) {
                    StringColumn strings = (StringColumn) piece.materialize();
                    bytes += strings.offsets()[strings.size()] - strings.offsets()[0];
                }
                if (bytes > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("string column of " + bytes + " bytes is too large for one block");
                }
                byte[] data = new byte[(int) bytes];
                int[] offsets = new int[rows + 1];
                int row = 0;
                int position = 0;
                for (Column piece : pieces) {
                    StringColumn strings = (StringColumn) piece.materialize();
                    int[] pieceOffsets = strings.offsets();
                    int base = pieceOffsets[0];
                    int length = pieceOffsets[strings.size()] - base;
                    System.arraycopy(strings.data(), base, data, position, length);
                    for (int i = 1; i <= strings.size(); i++) {
                        offsets[row + i] = position + pieceOffsets[i] - base;
                    }
                    row += strings.size();
                    position += length;
                }
                return new StringColumn(data, offsets, nulls, rows);
            }
        }
    }

    private static Column concatArrays(List<Column> pieces, DataType type, int rows) {
        int[] offsets = new int[rows + 1];
        List<Column> elementPieces = new ArrayList<>(pieces.size());
        int row = 0;
        int base = 0;
        for (Column piece : pieces) {
            ArrayColumn arrays = (ArrayColumn) piece.materialize();
            for (int i = 1; i <= arrays.size(); i++) {
                offsets[row + i] = base + arrays.offsets()[i];
            }
            row += arrays.size();
            base += arrays.offsets()[arrays.size()];
            elementPieces.add(arrays.elements());
        }
        DataType elementType = ArrayType.elementOf(type);
        return new ArrayColumn(offsets, concatColumns(elementPieces, elementType, base), null, rows);
    }
}
