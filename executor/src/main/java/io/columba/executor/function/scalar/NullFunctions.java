package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import java.util.List;

/** coalesce, ifNull, nullIf, assumeNotNull and toNullable: choosing between values and NULL. */
public final class NullFunctions {
    private NullFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "coalesce",
                                "The first argument that is not NULL, or NULL when all are.",
                                "SELECT coalesce(NULL, 2, 3)",
                                (types, args) -> bindCoalesce("coalesce", types))
                        .seeingNulls()
                        .ignoringCase(),
                SimpleScalarFunction.of(
                                "ifNull",
                                "x when it is not NULL, else the alternative: ifNull(x, alternative).",
                                "SELECT ifNull(NULL, 'fallback')",
                                (types, args) -> {
                                    Operands.expectCount("ifNull", types, 2, 2);
                                    return bindCoalesce("ifNull", types);
                                })
                        .seeingNulls()
                        .ignoringCase(),
                SimpleScalarFunction.of(
                                "nullIf",
                                "NULL when the two arguments are equal, else the first.",
                                "SELECT nullIf(1, 1), nullIf(1, 2)",
                                (types, args) -> bindNullIf(types))
                        .seeingNulls()
                        .ignoringCase(),
                SimpleScalarFunction.of(
                                "assumeNotNull",
                                "The value without Nullable; a NULL becomes the type's default value.",
                                "SELECT assumeNotNull(CAST(NULL AS Nullable(Int32)))",
                                (types, args) -> {
                                    Operands.expectCount("assumeNotNull", types, 1, 1);
                                    DataType type = types.get(0).withoutNullable();
                                    return new Binding(
                                            type,
                                            (columns, rows) ->
                                                    TypeConversion.cast(columns[0], types.get(0), type, rows));
                                })
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "toNullable",
                                "The value as Nullable of its type.",
                                "SELECT toTypeName(toNullable(1))",
                                (types, args) -> {
                                    Operands.expectCount("toNullable", types, 1, 1);
                                    DataType type = NullableType.of(types.get(0));
                                    return new Binding(
                                            type,
                                            (columns, rows) ->
                                                    TypeConversion.cast(columns[0], types.get(0), type, rows));
                                })
                        .seeingNulls());
    }

    private static Binding bindCoalesce(String name, List<DataType> types) {
        Operands.expectCount(name, types, 1, Integer.MAX_VALUE);
        DataType common = NothingType.NOTHING;
        boolean allNullable = true;
        for (DataType type : types) {
            DataType plain = type.withoutLowCardinality();
            allNullable &= plain.isNullable() || plain.withoutNullable() instanceof NothingType;
            common = common instanceof NothingType
                    ? plain.withoutNullable()
                    : NumericTypes.commonType(common, plain.withoutNullable());
        }
        DataType result = allNullable ? NullableType.of(common) : common;
        DataType target = NullableType.of(common);
        return new Binding(result, (columns, rows) -> {
            Column[] converted = new Column[columns.length];
            for (int i = 0; i < columns.length; i++) {
                converted[i] = TypeConversion.cast(columns[i], types.get(i), target, rows);
            }
            ColumnBuilder out = ColumnBuilder.forType(result, rows);
            for (int row = 0; row < rows; row++) {
                Column chosen = null;
                for (Column column : converted) {
                    if (!column.isNull(row)) {
                        chosen = column;
                        break;
                    }
                }
                if (chosen == null) {
                    out.appendFrom(ColumnBuilder.defaults(result, 1), 0);
                } else {
                    out.appendFrom(chosen, row);
                }
            }
            return out.build();
        });
    }

    private static Binding bindNullIf(List<DataType> types) {
        Operands.expectCount("nullIf", types, 2, 2);
        DataType first = types.get(0).withoutLowCardinality();
        DataType common =
                NumericTypes.commonType(first.withoutNullable(), types.get(1).withoutNullable());
        DataType result = NullableType.of(first.withoutNullable());
        return new Binding(result, (columns, rows) -> {
            Column a = TypeConversion.cast(columns[0], types.get(0), NullableType.of(common), rows)
                    .materialize();
            Column b = TypeConversion.cast(columns[1], types.get(1), NullableType.of(common), rows)
                    .materialize();
            Column value =
                    TypeConversion.cast(columns[0], types.get(0), result, rows).materialize();
            boolean[] nulls = new boolean[rows];
            for (int row = 0; row < rows; row++) {
                nulls[row] = value.isNull(row) || (!b.isNull(row) && ValueEquality.equal(a, row, b, row));
            }
            return NullsColumn.withNulls(value, nulls);
        });
    }
}
