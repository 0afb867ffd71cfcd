package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.NothingType;
import java.util.List;

/** if and multiIf: the branches are cast to their common type. */
public final class ConditionalFunctions {
    private ConditionalFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                                "if",
                                "then when the condition is non-zero, else otherwise (NULL counts as false).",
                                "SELECT if(1 > 2, 'yes', 'no')",
                                (types, args) -> bindMultiIf("if", types))
                        .seeingNulls(),
                SimpleScalarFunction.of(
                                "multiIf",
                                "multiIf(cond1, then1, cond2, then2, ..., else): the first branch whose"
                                        + " condition holds.",
                                "SELECT multiIf(1 > 2, 'a', 2 > 1, 'b', 'c')",
                                (types, args) -> bindMultiIf("multiIf", types))
                        .seeingNulls());
    }

    private static Binding bindMultiIf(String name, List<DataType> types) {
        if (types.size() < 3 || types.size() % 2 == 0) {
            Operands.expectCount(name, types, 3, 3);
        }
        int branches = types.size() / 2;
        DataType result = types.get(types.size() - 1);
        for (int b = 0; b < branches; b++) {
            DataType condition = types.get(2 * b).withoutNullable();
            if (!NumericTypes.isNumeric(condition) && !(condition instanceof NothingType)) {
                throw Operands.illegalType(name, types.get(2 * b), 2 * b + 1);
            }
            result = NumericTypes.commonType(result, types.get(2 * b + 1));
        }
        DataType resultType = result;
        return new Binding(resultType, (args, rows) -> {
            Column[] values = new Column[branches + 1];
            boolean[][] conditions = new boolean[branches][];
            for (int b = 0; b < branches; b++) {
                conditions[b] = LogicalFunctions.truth(args[2 * b], rows);
                for (int i = 0; i < rows; i++) {
                    conditions[b][i] &= !args[2 * b].isNull(i);
                }
                values[b] = TypeConversion.cast(args[2 * b + 1], types.get(2 * b + 1), resultType, rows);
            }
            values[branches] =
                    TypeConversion.cast(args[args.length - 1], types.get(types.size() - 1), resultType, rows);
            ColumnBuilder out = ColumnBuilder.forType(resultType, rows);
            for (int i = 0; i < rows; i++) {
                int chosen = branches;
                for (int b = 0; b < branches; b++) {
                    if (conditions[b][i]) {
                        chosen = b;
                        break;
                    }
                }
                out.appendFrom(values[chosen], i);
            }
            return out.build();
        });
    }
}
