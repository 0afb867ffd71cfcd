package io.columba.executor.function.scalar;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DateTime64Type;
import io.columba.storage.type.DateTimeType;
import io.columba.storage.type.DateType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;

/** ClickHouse's result types of arithmetic ({@code NumberTraits}) and least common supertypes. */
public final class NumericTypes {
    private NumericTypes() {}

    public static boolean isNumeric(DataType type) {
        return type instanceof IntegerType || type instanceof FloatType || type instanceof BoolType;
    }

    public static IntegerType asInteger(DataType type) {
        return type instanceof BoolType ? IntegerType.UINT8 : (IntegerType) type;
    }

    private static int nextSize(int bytes) {
        return Math.min(8, bytes * 2);
    }

    /** plus and multiply: signed if either is, one size up from the wider. */
    public static DataType additionResult(DataType left, DataType right) {
        if (left instanceof FloatType || right instanceof FloatType) {
            return FloatType.FLOAT64;
        }
        IntegerType a = asInteger(left);
        IntegerType b = asInteger(right);
        return IntegerType.of(nextSize(Math.max(a.bytes(), b.bytes())), a.signed() || b.signed());
    }

    /** minus: always signed, one size up. */
    public static DataType subtractionResult(DataType left, DataType right) {
        if (left instanceof FloatType || right instanceof FloatType) {
            return FloatType.FLOAT64;
        }
        IntegerType a = asInteger(left);
        IntegerType b = asInteger(right);
        return IntegerType.of(nextSize(Math.max(a.bytes(), b.bytes())), true);
    }

    /** intDiv: the dividend's size, signed if either is. */
    public static IntegerType integerDivisionResult(DataType left, DataType right) {
        if (left instanceof FloatType || right instanceof FloatType) {
            return IntegerType.INT64;
        }
        IntegerType a = asInteger(left);
        IntegerType b = asInteger(right);
        return IntegerType.of(a.bytes(), a.signed() || b.signed());
    }

    /** modulo: the divisor's size, signed if the dividend is (a size up when only the dividend is signed). */
    public static DataType moduloResult(DataType left, DataType right) {
        if (left instanceof FloatType || right instanceof FloatType) {
            return FloatType.FLOAT64;
        }
        IntegerType a = asInteger(left);
        IntegerType b = asInteger(right);
        boolean signed = a.signed() || b.signed();
        int bytes = b.bytes();
        if (a.signed() && !b.signed()) {
            bytes = nextSize(bytes);
        }
        return IntegerType.of(bytes, signed);
    }

    public static DataType negateResult(DataType type) {
        if (type instanceof FloatType floating) {
            return floating;
        }
        IntegerType integer = asInteger(type);
        return integer.signed() ? integer : IntegerType.of(nextSize(integer.bytes()), true);
    }

    /** The least type both values convert to without loss (getLeastSupertype), or NO_COMMON_TYPE. */
    private static boolean isTemporal(DataType type) {
        return type instanceof DateType || type instanceof DateTimeType || type instanceof DateTime64Type;
    }

    public static DataType commonType(DataType left, DataType right) {
        boolean nullable =
                left.isNullable() || right.isNullable() || left instanceof NothingType || right instanceof NothingType;
        DataType a = left.withoutNullable();
        DataType b = right.withoutNullable();
        DataType common;
        if (a instanceof NothingType) {
            common = b;
        } else if (b instanceof NothingType) {
            common = a;
        } else if (a.equals(b)) {
            common = a;
        } else if (isNumeric(a) && isNumeric(b)) {
            common = numericCommonType(a, b);
        } else if (a instanceof DateType && b instanceof DateTimeType
                || a instanceof DateTimeType && b instanceof DateType) {
            common = a instanceof DateTimeType ? a : b;
        } else if (isTemporal(a) && isTemporal(b) && (a instanceof DateTime64Type || b instanceof DateTime64Type)) {
            int precision = Math.max(
                    a instanceof DateTime64Type ta ? ta.precision() : 0,
                    b instanceof DateTime64Type tb ? tb.precision() : 0);
            DateTime64Type zoned = a instanceof DateTime64Type ta ? ta : (DateTime64Type) b;
            common = new DateTime64Type(precision, zoned.timeZone());
        } else if ((a instanceof StringType || a instanceof io.columba.storage.type.FixedStringType)
                && (b instanceof StringType || b instanceof io.columba.storage.type.FixedStringType)) {
            common = StringType.STRING;
        } else if (a instanceof io.columba.storage.type.ArrayType leftArray
                && b instanceof io.columba.storage.type.ArrayType rightArray) {
            common = new io.columba.storage.type.ArrayType(commonType(leftArray.element(), rightArray.element()));
        } else {
            throw new ColumbaException(
                    ErrorCode.NO_COMMON_TYPE,
                    "There is no supertype for types " + a.name() + ", " + b.name()
                            + " because some of them are String and some of them are not");
        }
        if (common instanceof NothingType) {
            return NullableType.of(common);
        }
        boolean composite = common.physicalType() == io.columba.storage.type.PhysicalType.ARRAY
                || common.physicalType() == io.columba.storage.type.PhysicalType.TUPLE;
        if (nullable && composite) {
            throw new ColumbaException(
                    ErrorCode.NO_COMMON_TYPE, "Nested type " + common.name() + " cannot be inside Nullable type");
        }
        return nullable ? NullableType.of(common) : common;
    }

    private static DataType numericCommonType(DataType a, DataType b) {
        if (a instanceof FloatType || b instanceof FloatType) {
            return FloatType.FLOAT64;
        }
        IntegerType x = asInteger(a);
        IntegerType y = asInteger(b);
        if (x.signed() == y.signed()) {
            return IntegerType.of(Math.max(x.bytes(), y.bytes()), x.signed());
        }
        IntegerType signed = x.signed() ? x : y;
        IntegerType unsigned = x.signed() ? y : x;
        int bytes = Math.max(signed.bytes(), unsigned.bytes() * 2);
        if (bytes > 8) {
            throw new ColumbaException(
                    ErrorCode.NO_COMMON_TYPE,
                    "There is no supertype for types " + a.name() + ", " + b.name()
                            + " because some of them are signed integers and some are unsigned integers, but there is no signed integer type that can exactly represent all required unsigned integer values");
        }
        return IntegerType.of(bytes, true);
    }
}
