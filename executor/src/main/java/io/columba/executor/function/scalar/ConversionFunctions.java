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
import io.columba.storage.type.Date32Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.DecimalType;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IPv4Type;
import io.columba.storage.type.IPv6Type;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.UuidType;
import io.columba.storage.type.WideIntegerType;
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
        for (WideIntegerType type : List.of(
                WideIntegerType.INT128, WideIntegerType.UINT128, WideIntegerType.INT256, WideIntegerType.UINT256)) {
            functions.add(converter(
                    type,
                    "Converts to " + type.name() + "; numbers wrap around, floats are truncated toward zero,"
                            + " strings must hold an integer.",
                    "'170141183460469231731687303715884105727'"));
        }
        functions.add(converter(
                Date32Type.DATE32,
                "Converts a Date, a DateTime, a 'YYYY-MM-DD' string or a day number to Date32 (1900-01-01 to"
                        + " 2299-12-31; values outside are clamped).",
                "'1955-11-05'"));
        functions.add(converter(
                UuidType.UUID,
                "Parses a UUID from its text (with or without dashes).",
                "'61f0c404-5cb3-11e7-907b-a6006ad3dba0'"));
        functions.add(converter(
                IPv4Type.IPV4, "Parses an IPv4 address from dotted text, or takes a UInt32.", "'192.168.0.1'"));
        functions.add(converter(
                IPv6Type.IPV6,
                "Parses an IPv6 address from text; an IPv4 address becomes IPv4-mapped (::ffff:a.b.c.d).",
                "'2001:db8::1'"));
        functions.add(SimpleScalarFunction.of(
                "toLowCardinality",
                "The value as LowCardinality of its type: the same values, stored dictionary-encoded.",
                "SELECT toLowCardinality('a')",
                (types, args) -> {
                    Operands.expectCount("toLowCardinality", types, 1, 1);
                    return new Binding(new io.columba.storage.type.LowCardinalityType(types.get(0)), (c, rows) -> c[0]);
                }));
        functions.add(SimpleScalarFunction.of(
                "IPv4NumToString",
                "The dotted text of a UInt32 IPv4 address.",
                "SELECT IPv4NumToString(3232235521)",
                (types, args) -> bindThrough("IPv4NumToString", types, IPv4Type.IPV4, StringType.STRING)));
        functions.add(SimpleScalarFunction.of(
                "IPv4StringToNum",
                "The UInt32 of a dotted IPv4 address.",
                "SELECT IPv4StringToNum('192.168.0.1')",
                (types, args) -> bindThrough("IPv4StringToNum", types, IPv4Type.IPV4, IntegerType.UINT32)));
        for (int bits : new int[] {32, 64, 128, 256}) {
            String name = "toDecimal" + bits;
            int precision = bits == 32 ? 9 : bits == 64 ? 18 : bits == 128 ? 38 : 76;
            functions.add(SimpleScalarFunction.of(
                    name,
                    "Converts a number or a string to Decimal(" + precision + ", S) with the scale S given as second"
                            + " argument; digits past the scale are cut, and too many digits is DECIMAL_OVERFLOW.",
                    "SELECT " + name + "('3.14159', 2)",
                    (types, args) -> bindToDecimal(name, precision, types, args)));
        }
        functions.add(SimpleScalarFunction.of(
                "finalizeAggregation",
                "The final value of each aggregate function state (an AggregateFunction(f, T) value).",
                "SELECT finalizeAggregation(s) FROM (SELECT sumState(number) AS s FROM numbers(10))",
                (types, args) -> {
                    Operands.expectCount("finalizeAggregation", types, 1, 1);
                    if (!(types.get(0) instanceof io.columba.storage.type.AggregateFunctionType state)) {
                        throw Operands.illegalType("finalizeAggregation", types.get(0), 1);
                    }
                    DataType result = io.columba.executor.function.aggregate.AggregateStateColumns.bind(state)
                            .resultType();
                    return new Binding(
                            result,
                            (columns, rows) -> io.columba.executor.function.aggregate.AggregateStateColumns.finalize(
                                    state, columns[0], rows));
                }));
        functions.add(SimpleScalarFunction.of(
                "toFixedString",
                "Converts a string to FixedString(N), padding it with zero bytes; a longer string is an error.",
                "SELECT toFixedString('abc', 5)",
                ConversionFunctions::bindToFixedString));
        functions.add(SimpleScalarFunction.of(
                "toString",
                "The value as text, exactly as the TabSeparated format prints it.",
                "SELECT toString(42)",
                (types, args) -> bindTo("toString", StringType.STRING, types)));
        functions.add(SimpleScalarFunction.of(
                "toDate",
                "Converts a DateTime, a 'YYYY-MM-DD' string or a day number to Date; a time zone as the second"
                        + " argument gives the date of a time in that zone.",
                "SELECT toDate('2024-03-01 10:00:00'), toDate(toDateTime('2024-01-01 23:30:00', 'UTC'), 'Asia/Tokyo')",
                (types, args) -> types.size() == 2
                        ? bindDateInZone(types, constantString("toDate", args.get(1)))
                        : bindTo("toDate", DateType.DATE, types)));
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
                        })
                .seeingNulls());
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
        return converter(type, description, type instanceof BoolType ? "'true'" : "'12'");
    }

    private static ScalarFunction converter(DataType type, String description, String argument) {
        String name = "to" + type.name();
        return SimpleScalarFunction.of(
                name, description, "SELECT " + name + "(" + argument + ")", (types, args) -> bindTo(name, type, types));
    }

    private static Binding bindTo(String name, DataType target, List<DataType> types) {
        Operands.expectCount(name, types, 1, 1);
        DataType source = types.get(0);
        return new Binding(target, (args, rows) -> TypeConversion.cast(args[0], source, target, rows));
    }

    /** toDate(time, 'zone'): the time read in {@code zone} (the same instant), then its date there. */
    private static Binding bindDateInZone(List<DataType> types, String zone) {
        DataType source = types.get(0);
        DataType inZone = switch (source) {
            case io.columba.storage.type.DateTimeType ignored -> new io.columba.storage.type.DateTimeType(zone);
            case io.columba.storage.type.DateTime64Type time ->
                new io.columba.storage.type.DateTime64Type(time.precision(), zone);
            case StringType ignored -> new io.columba.storage.type.DateTimeType(zone);
            default -> source;
        };
        io.columba.executor.format.TextValues.zone(zone);
        if (source instanceof StringType) {
            return new Binding(
                    DateType.DATE,
                    (args, rows) -> TypeConversion.cast(
                            TypeConversion.cast(args[0], source, inZone, rows), inZone, DateType.DATE, rows));
        }
        return new Binding(DateType.DATE, (args, rows) -> TypeConversion.cast(args[0], inZone, DateType.DATE, rows));
    }

    /** Converts the argument to {@code via}, then to {@code result} (IPv4StringToNum: String -> IPv4 -> UInt32). */
    private static Binding bindThrough(String name, List<DataType> types, DataType via, DataType result) {
        Operands.expectCount(name, types, 1, 1);
        DataType source = types.get(0);
        return new Binding(
                result,
                (args, rows) ->
                        TypeConversion.cast(TypeConversion.cast(args[0], source, via, rows), via, result, rows));
    }

    private static Binding bindToDecimal(
            String name, int precision, List<DataType> types, List<BoundExpression> arguments) {
        Operands.expectCount(name, types, 2, 2);
        int scale = constantInteger(name, arguments.get(1));
        if (scale < 0 || scale > precision) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Scale " + scale + " is out of bounds (max scale: " + precision + ") in function " + name);
        }
        DataType target = new DecimalType(precision, scale);
        DataType source = types.get(0);
        return new Binding(target, (args, rows) -> TypeConversion.cast(args[0], source, target, rows));
    }

    private static Binding bindToFixedString(List<DataType> types, List<BoundExpression> arguments) {
        Operands.expectCount("toFixedString", types, 2, 2);
        int length = constantInteger("toFixedString", arguments.get(1));
        if (length <= 0) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Second argument of function toFixedString must be a positive constant length");
        }
        DataType target = new FixedStringType(length);
        DataType source = types.get(0);
        if (!(source instanceof StringType || source instanceof FixedStringType)) {
            throw Operands.illegalType("toFixedString", source, 1);
        }
        return new Binding(target, (args, rows) -> TypeConversion.cast(args[0], source, target, rows));
    }

    private static int constantInteger(String function, BoundExpression argument) {
        if (argument instanceof Constant constant && constant.type() instanceof IntegerType && !constant.isNull()) {
            return (int) constant.longValue();
        }
        throw new ColumbaException(
                ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                "Second argument of function " + function + " must be a constant integer");
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
