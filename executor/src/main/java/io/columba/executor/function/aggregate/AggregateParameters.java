package io.columba.executor.function.aggregate;

import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import java.util.List;

/** Reads the literal parameters of {@code f(parameters)(arguments)}, with ClickHouse's errors. */
final class AggregateParameters {
    private AggregateParameters() {}

    static void expectCount(String function, List<String> parameters, int minimum, int maximum) {
        if (parameters.size() < minimum || parameters.size() > maximum) {
            String expected = maximum == minimum
                    ? minimum + " parameter" + (minimum == 1 ? "" : "s")
                    : maximum == Integer.MAX_VALUE
                            ? "at least " + minimum + " parameter"
                            : maximum + " parameters or less";
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Aggregate function " + function + " requires " + expected + ", got " + parameters.size());
        }
    }

    static double number(String function, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.CANNOT_CONVERT_TYPE,
                    "Parameter " + text + " of aggregate function " + function + " must be a number");
        }
    }

    /** A quantile level in [0, 1]. */
    static double level(String function, String text) {
        double level = number(function, text);
        if (!(level >= 0 && level <= 1)) {
            throw new ColumbaException(
                    ErrorCode.PARAMETER_OUT_OF_BOUND, "Quantile level is out of range [0..1]: " + text);
        }
        return level;
    }

    /** A positive whole number no larger than {@code maximum} (a size limit such as groupArray's). */
    static int positiveInteger(String function, String text, long maximum) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS,
                    "Parameter for aggregate function " + function + " should be a positive integer, found " + text);
        }
        if (value <= 0) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Parameter for aggregate function " + function + " should be positive");
        }
        if (value > maximum) {
            throw new ColumbaException(
                    ErrorCode.ARGUMENT_OUT_OF_BOUND,
                    "Too large parameter for aggregate function " + function + ". Maximum: " + maximum);
        }
        return (int) value;
    }
}
