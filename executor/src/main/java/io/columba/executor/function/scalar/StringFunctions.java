package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/** length, lower, upper, concat. */
public final class StringFunctions {
    private StringFunctions() {}

    public static List<ScalarFunction> all() {
        return List.of(
                SimpleScalarFunction.of(
                        "length",
                        "Length of a string in bytes, or the number of elements of an array or map.",
                        "SELECT length('abc'), length([1, 2])",
                        (types, args) -> {
                            Operands.expectCount("length", types, 1, 1);
                            if (!ArrayFunctions.isArrayLike(types.get(0))) {
                                expectStrings("length", types, 1, 1);
                            }
                            return new Binding(
                                    IntegerType.UINT64,
                                    (a, rows) -> new LongColumn(
                                            ArrayFunctions.lengths(ArrayFunctions.expand(a[0], rows), rows),
                                            null,
                                            rows));
                        }),
                caseMapping("lower", "ASCII letters to lower case.", true).withAliases("lcase"),
                caseMapping("upper", "ASCII letters to upper case.", false).withAliases("ucase"),
                SimpleScalarFunction.of(
                                "concat",
                                "The arguments' texts joined together.",
                                "SELECT concat('a', 'b', 'c')",
                                (types, args) -> {
                                    Operands.expectCount("concat", types, 1, Integer.MAX_VALUE);
                                    return new Binding(StringType.STRING, (a, rows) -> concat(a, types, rows));
                                })
                        .ignoringCase());
    }

    private static StringColumn strings(Column column) {
        return (StringColumn) (column instanceof ConstantColumn constant ? constant.value() : column);
    }

    private static int row(Column column, int row) {
        return column instanceof ConstantColumn ? 0 : row;
    }

    private static void expectStrings(String name, List<DataType> types, int minimum, int maximum) {
        Operands.expectCount(name, types, minimum, maximum);
        for (int i = 0; i < types.size(); i++) {
            if (!(types.get(i) instanceof StringType
                    || types.get(i) instanceof io.columba.storage.type.FixedStringType)) {
                throw Operands.illegalType(name, types.get(i), i + 1);
            }
        }
    }

    private static SimpleScalarFunction caseMapping(String name, String description, boolean lower) {
        return SimpleScalarFunction.of(name, description, "SELECT " + name + "('Hello')", (types, args) -> {
            expectStrings(name, types, 1, 1);
            return new Binding(StringType.STRING, (a, rows) -> {
                StringColumn in = strings(a[0]);
                byte[] data = in.data().clone();
                for (int i = 0; i < data.length; i++) {
                    byte b = data[i];
                    if (lower && b >= 'A' && b <= 'Z') {
                        data[i] = (byte) (b + 32);
                    } else if (!lower && b >= 'a' && b <= 'z') {
                        data[i] = (byte) (b - 32);
                    }
                }
                StringColumn mapped = new StringColumn(data, in.offsets(), null, in.size());
                return a[0] instanceof ConstantColumn ? new ConstantColumn(mapped, rows) : mapped;
            });
        });
    }

    private static Column concat(Column[] args, List<DataType> types, int rows) {
        Column[] texts = new Column[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = TypeConversion.cast(args[i], types.get(i), StringType.STRING, rows);
        }
        StringColumnBuilder out = new StringColumnBuilder(rows);
        byte[] buffer = new byte[64];
        for (int r = 0; r < rows; r++) {
            int length = 0;
            for (Column text : texts) {
                StringColumn s = strings(text);
                int at = row(text, r);
                int piece = s.length(at);
                if (length + piece > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + piece));
                }
                System.arraycopy(s.data(), s.offsets()[at], buffer, length, piece);
                length += piece;
            }
            out.append(buffer, 0, length);
        }
        return out.build();
    }
}
