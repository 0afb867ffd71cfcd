package io.columba.executor.analyzer;

import io.columba.executor.KnownSettings;
import io.columba.executor.QuerySettings;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Literal;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;

/**
 * getSetting('name'): the value of a setting as the query sees it (its SETTINGS clause, the request's settings,
 * else the default), a constant typed as ClickHouse types the setting's value: the smallest unsigned integer type
 * that holds a number, Bool, or String; a {@code custom_} setting's text is a number when it reads as one.
 */
final class SettingLookup {
    static final String FUNCTION = "getSetting";

    private SettingLookup() {}

    static Literal value(FunctionCall call, QuerySettings settings) {
        if (call.arguments().size() != 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function getSetting doesn't match: passed "
                            + call.arguments().size() + ", should be 1");
        }
        Expression argument = call.arguments().get(0);
        if (!(argument instanceof Literal literal) || literal.kind() != Literal.Kind.STRING) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "The argument of function getSetting should be a constant string with the name of a setting");
        }
        String name = (String) literal.value();
        KnownSettings.Definition setting = KnownSettings.find(name);
        if (setting == null) {
            String custom = name.startsWith("custom_") ? settings.values().get(name) : null;
            if (custom == null) {
                throw new ColumbaException(ErrorCode.UNKNOWN_SETTING, "Unknown setting '" + name + "'");
            }
            return number(custom, Literal.ofString(custom));
        }
        String text = KnownSettings.value(setting, settings);
        return switch (setting.kind()) {
            case STRING -> Literal.ofString(text);
            case BOOL -> new Literal(Literal.Kind.BOOL, text.equals("1") || text.equalsIgnoreCase("true"));
            case UINT64 -> number(text, null);
        };
    }

    /** The text as an unsigned number literal, else {@code otherwise} (an error when that is null). */
    private static Literal number(String text, Literal otherwise) {
        try {
            return new Literal(Literal.Kind.UINT64, Long.parseUnsignedLong(text.strip()));
        } catch (NumberFormatException e) {
            if (otherwise != null) {
                return otherwise;
            }
            throw new ColumbaException(
                    ErrorCode.CANNOT_PARSE_NUMBER, "Cannot parse setting value '" + text + "' as a number");
        }
    }
}
