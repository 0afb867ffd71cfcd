package io.columba.executor.function.scalar;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.List;

/** toInt8 ... toFloat64, toString, toDate, toDateTime, toBool and CAST. */
public final class ConversionFunctions {
    private ConversionFunctions() {}

    public static List<ScalarFunction> all() {
        List<ScalarFunction> functions = new ArrayList<>();
        for (IntegerType type : List.of(
                IntegerType.INT8,
                IntegerType.INT16,
                IntegerType.INT32,
                IntegerType.INT64,
                IntegerType.UINT8,
                IntegerType.UINT16,
                IntegerType.UINT32,
                IntegerType.UINT64)) {
            functions.add(
                    converter(
                            type,
                            "Converts to " + type.name()
                                    + "; numbers wrap around, floats are truncated toward zero, strings must hold an integer."));
        }
        functions.add(converter(FloatType.FLOAT32, "Converts to Float32."));
        functions.add(converter(FloatType.FLOAT64, "Converts to Float64."));
        functions.add(converter(BoolType.BOOL, "Converts to Bool."));
        functions.add(SimpleScalarFunction.of(
                "toString",
                "The value as text, exactly as the TabSeparated format prints it.",
                "SELECT toString(42)",
                (types, args) -> bindTo("toString", StringType.STRING, types)));
        functions.add(SimpleScalarFunction.of(
                "toDate",
                "Converts a DateTime, a 'YYYY-MM-DD' string or a day number to Date.",
                "SELECT toDate('2024-03-01 10:00:00')",
                (types, args) -> bindTo("toDate", DateType.DATE, types)));
        functions.add(SimpleScalarFunction.of(
                "toDateTime",
                "Converts a Date, a date-time string or a Unix timestamp to DateTime; an optional"
                        + " second argument names the time zone.",
                "SELECT toDateTime('2024-03-01 10:00:00')",
                ConversionFunctions::bindToDateTime));
        functions.add(SimpleScalarFunction.of(
                "toTypeName",
                "The name of the argument's type, as ClickHouse writes it.",
                "SELECT toTypeName(1 + 1)",
                (types, args) -> {
                    Operands.expectCount("toTypeName", types, 1, 1);
                    byte[] name = types.get(0).name().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return new Binding(
                            StringType.STRING,
                            (columns, rows) -> new io.columba.storage.column.ConstantColumn(
                                    new io.columba.storage.column.StringColumn(
                                            name, new int[] {0, name.length}, null, 1),
                                    rows));
                }));
        functions.add(SimpleScalarFunction.of(
                "toDateTime64",
                "Converts a date-time string (with a fraction of a second), a Date, a DateTime or a Unix timestamp to"
                        + " DateTime64 of the precision given as second argument; an optional third argument names"
                        + " the time zone.",
                "SELECT toDateTime64('2024-03-01 10:00:00.123', 3)",
                ConversionFunctions::bindToDateTime64));
        functions.add(SimpleScalarFunction.of(
                        "CAST",
                        "CAST(x, 'Type') or CAST(x AS Type): converts x to the named type.",
                        "SELECT CAST('42' AS UInt8)",
                        ConversionFunctions::bindCast)
                .ignoringCase()
                .seeingNulls());
        return functions;
    }

    private static ScalarFunction converter(DataType type, String description) {
        String name = "to" + type.name();
        String argument = type instanceof BoolType ? "'true'" : "'12'";
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(" + argument + ")", (types, args) -> bindTo(name, type, types));
    }

    private static Binding bindTo(String name, DataType target, List<DataType> types) {
        Operands.expectCount(name, types, 1, 1);
        DataType source = types.get(0);
        return new Binding(target, (args, rows) -> TypeConversion.cast(args[0], source, target, rows));
    }

    private static Binding bindToDateTime(List<DataType> types, List<BoundExpression> arguments) {
        Operands.expectCount("toDateTime", types, 1, 2);
        DateTimeType target = DateTimeType.DATETIME;
        if (types.size() == 2) {
            target = new DateTimeType(constantString("toDateTime", arguments.get(1)));
        }
        DataType source = types.get(0);
        DateTimeType resultType = target;
        return new Binding(resultType, (args, rows) -> TypeConversion.cast(args[0], source, resultType, rows));
    }

    private static Binding bindToDateTime64(List<DataType> types, List<BoundExpression> arguments) {
        Operands.expectCount("toDateTime64", types, 2, 3);
        if (!(arguments.get(1) instanceof io.columba.executor.expression.Constant precision)
                || !(precision.type() instanceof IntegerType)
                || precision.longValue() < 0
                || precision.longValue() > 9) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Second argument of function toDateTime64 must be a constant precision from 0 to 9");
        }
        String zone = types.size() == 3 ? constantString("toDateTime64", arguments.get(2)) : null;
        DataType target = new io.columba.storage.type.DateTime64Type((int) precision.longValue(), zone);
        DataType source = types.get(0);
        return new Binding(target, (args, rows) -> TypeConversion.cast(args[0], source, target, rows));
    }

    private static Binding bindCast(List<DataType> types, List<BoundExpression> arguments) {
        Operands.expectCount("CAST", types, 2, 2);
        DataType target = DataTypeParser.parse(constantString("CAST", arguments.get(1)));
        DataType source = types.get(0);
        return new Binding(target, (args, rows) -> TypeConversion.cast(args[0], source, target, rows));
    }

    static String constantString(String function, BoundExpression argument) {
        if (argument instanceof Constant constant && constant.type() instanceof StringType && !constant.isNull()) {
            return constant.stringValue();
        }
        throw new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Second argument of function " + function + " must be a constant string");
    }
}
