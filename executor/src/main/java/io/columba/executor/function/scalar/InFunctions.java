package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumn;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.DoubleColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.TupleColumn;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.TupleType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * in, notIn, globalIn, globalNotIn against a constant set: {@code x IN (1, 2)}, {@code x IN [1, 2]},
 * {@code x IN 'a'}, {@code (a, b) IN ((1, 2), (3, 4))}. Set values are converted to x's type (those that do not
 * convert exactly can never match); NULLs in the set never match and a NULL x is not in any set
 * ({@code transform_null_in = 0}).
 */
public final class InFunctions {
    private InFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                function("in", false, "SELECT 2 IN (1, 2, 3)"),
                function("notIn", true, "SELECT 5 NOT IN (1, 2, 3)"),
                function("globalIn", false, "SELECT globalIn(2, (1, 2))"),
                function("globalNotIn", true, "SELECT globalNotIn(5, (1, 2))"));
    }

    private static ScalarFunction function(String name, boolean negated, String example) {
        return SimpleScalarFunction.of(
                        name,
                        (negated ? "0" : "1") + " when the value is in the set (a tuple, an array or one value of"
                                + " constants), else " + (negated ? "1" : "0") + "; a NULL value is in no set.",
                        example,
                        (types, args) -> bind(name, negated, types, args))
                .seeingNulls();
    }

    private static Binding bind(String name, boolean negated, List<DataType> types, List<BoundExpression> args) {
        Operands.expectCount(name, types, 2, 2);
        if (!(args.get(1) instanceof Constant set)) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED,
                    "The right side of " + name + " must be a constant set or a subquery; got an expression over"
                            + " columns");
        }
        DataType valueType = types.get(0).withoutLowCardinality();
        DataType base = valueType.withoutNullable();
        Column members = members(set, base);
        Membership membership = new Membership(members, base);
        return new Binding(IntegerType.UINT8, (columns, rows) -> {
            Column values = columns[0] instanceof ConstantColumn ? columns[0].materialize() : columns[0];
            long[] out = new long[rows];
            for (int row = 0; row < rows; row++) {
                boolean found = !values.isNull(row) && membership.contains(values, row);
                out[row] = found != negated ? 1 : 0;
            }
            return new LongColumn(out, null, rows);
        });
    }

    /** The set's values converted to {@code base}, those that convert exactly and are not NULL. */
    private static Column members(Constant set, DataType base) {
        List<Column> elements = new ArrayList<>();
        List<DataType> elementTypes = new ArrayList<>();
        Column value = set.toColumn();
        DataType type = set.type().withoutNullable();
        boolean setOfOne = base instanceof TupleType
                && type instanceof TupleType tuple
                && tuple.elements().stream().noneMatch(e -> e.withoutNullable() instanceof TupleType);
        if (type instanceof TupleType tuple && !setOfOne) {
            for (int i = 0; i < tuple.elements().size(); i++) {
                elements.add(((TupleColumn) value).elements().get(i));
                elementTypes.add(tuple.elements().get(i));
            }
        } else if (type instanceof ArrayType array && !(base instanceof ArrayType)) {
            ArrayColumn arrays = (ArrayColumn) value;
            for (int i = 0; i < arrays.length(0); i++) {
                elements.add(arrays.elements().slice(arrays.offsets()[0] + i, 1));
                elementTypes.add(array.element());
            }
        } else {
            elements.add(value);
            elementTypes.add(set.type());
        }
        io.columba.storage.column.ColumnBuilder out =
                io.columba.storage.column.ColumnBuilder.forType(base, elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Column converted = exact(elements.get(i), elementTypes.get(i), base);
            if (converted != null) {
                out.appendFrom(converted, 0);
            }
        }
        return out.build();
    }

    private static Column exact(Column element, DataType type, DataType base) {
        if (element.isNull(0) || type.withoutNullable() instanceof NothingType) {
            return null;
        }
        try {
            Column converted = TypeConversion.cast(element, type, base, 1).materialize();
            Column back = TypeConversion.cast(converted, base, type.withoutNullable(), 1)
                    .materialize();
            return ValueEquality.equal(back, 0, element, 0) ? converted : null;
        } catch (ColumbaException notConvertible) {
            return null;
        }
    }

    /** A hash set over the members' values where they are numbers or bytes; a scan for arrays and tuples. */
    private static final class Membership {
        private final Column members;
        private final Set<Object> keys = new HashSet<>();
        private final boolean hashed;
        /** Integer members sorted, searched without boxing; null for other types. */
        private final long[] sortedLongs;

        Membership(Column members, DataType base) {
            this.members = members;
            this.sortedLongs = members instanceof LongColumn longs && longs.nulls() == null
                    ? java.util.Arrays.stream(longs.values(), 0, longs.size())
                            .sorted()
                            .toArray()
                    : null;
            this.hashed =
                    members instanceof LongColumn || members instanceof DoubleColumn || members instanceof StringColumn;
            if (hashed) {
                for (int row = 0; row < members.size(); row++) {
                    keys.add(key(members, row));
                }
            }
        }

        boolean contains(Column values, int row) {
            if (sortedLongs != null && values instanceof LongColumn longs) {
                return java.util.Arrays.binarySearch(sortedLongs, longs.get(row)) >= 0;
            }
            if (hashed) {
                return keys.contains(key(values, row));
            }
            for (int member = 0; member < members.size(); member++) {
                if (ValueEquality.equal(members, member, values, row)) {
                    return true;
                }
            }
            return false;
        }

        private static Object key(Column column, int row) {
            return switch (column) {
                case LongColumn longs -> longs.get(row);
                case DoubleColumn doubles -> Double.doubleToLongBits(doubles.get(row) + 0.0);
                case StringColumn strings -> ByteBuffer.wrap(strings.getBytes(row));
                default -> throw new IllegalStateException("not hashed: " + column);
            };
        }
    }
}
