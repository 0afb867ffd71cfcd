package io.columba.sql.parser;

/**
 * A data type's text as ClickHouse prints it in a CAST: {@code Decimal(20,5)} is {@code Decimal(20, 5)} and
 * {@code Dynamic(max_types=3)} is {@code Dynamic(max_types = 3)}; quoted text is kept as written, but a type that is
 * only a quoted name ({@code `String`}) is the name.
 */
final class TypeText {
    private TypeText() {}

    static String format(String type) {
        if (type.length() > 2
                && (type.charAt(0) == '`' || type.charAt(0) == '"')
                && type.charAt(type.length() - 1) == type.charAt(0)
                && type.substring(1, type.length() - 1).matches("[A-Za-z_][A-Za-z_0-9]*")) {
            // CAST(x AS `String`): a quoted name alone is the name.
            return type.substring(1, type.length() - 1);
        }
        StringBuilder out = new StringBuilder(type.length() + 8);
        boolean pendingSpace = false;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = copyQuoted(type, i, out, pendingSpace);
                pendingSpace = false;
            } else if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
            } else if (c == ',') {
                out.append(", ");
                pendingSpace = false;
            } else if (c == '=') {
                trimTrailingSpace(out);
                out.append(" = ");
                pendingSpace = false;
            } else {
                boolean tight = c == ')' || c == '(' || endsWithOpenOrSpace(out);
                if (pendingSpace && !tight) {
                    out.append(' ');
                }
                out.append(c);
                pendingSpace = false;
            }
        }
        return out.toString();
    }

    private static int copyQuoted(String type, int start, StringBuilder out, boolean pendingSpace) {
        if (pendingSpace && !endsWithOpenOrSpace(out)) {
            out.append(' ');
        }
        char quote = type.charAt(start);
        int i = start;
        out.append(quote);
        while (++i < type.length()) {
            char c = type.charAt(i);
            out.append(c);
            if (c == '\\' && i + 1 < type.length()) {
                out.append(type.charAt(++i));
            } else if (c == quote) {
                break;
            }
        }
        return i;
    }

    private static boolean endsWithOpenOrSpace(StringBuilder out) {
        if (out.isEmpty()) {
            return true;
        }
        char last = out.charAt(out.length() - 1);
        return last == '(' || last == ' ';
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }
}
