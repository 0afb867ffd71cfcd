package io.columba.workspace.template;

/** Decodes the backslash escapes of a (non-raw) Python string literal. */
final class PythonStringEscapes {
    private PythonStringEscapes() {}

    /** Appends the escape starting at {@code source[backslash]} to {@code value}; returns the offset after it. */
    static int decode(String source, int backslash, StringBuilder value, int line) {
        if (backslash + 1 >= source.length()) {
            throw TemplateException.invalidSyntax(line);
        }
        char escaped = source.charAt(backslash + 1);
        int next = backslash + 2;
        switch (escaped) {
            case '\n' -> {}
            case '\\', '\'', '"' -> value.append(escaped);
            case 'a' -> value.append('\u0007');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'v' -> value.append('\u000b');
            case 'x' -> next = appendHex(source, next, 2, value, line);
            case 'u' -> next = appendHex(source, next, 4, value, line);
            case 'U' -> next = appendHex(source, next, 8, value, line);
            case 'N' -> next = appendNamed(source, next, value, line);
            default -> {
                if (escaped >= '0' && escaped <= '7') {
                    int end = backslash + 1;
                    while (end < source.length()
                            && end < backslash + 4
                            && source.charAt(end) >= '0'
                            && source.charAt(end) <= '7') {
                        end++;
                    }
                    value.appendCodePoint(Integer.parseInt(source.substring(backslash + 1, end), 8));
                    next = end;
                } else {
                    value.append('\\').append(escaped);
                }
            }
        }
        return next;
    }

    private static int appendHex(String source, int start, int digits, StringBuilder value, int line) {
        if (start + digits > source.length()) {
            throw TemplateException.invalidSyntax(line);
        }
        String hex = source.substring(start, start + digits);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw TemplateException.invalidSyntax(line);
            }
        }
        long codePoint = Long.parseLong(hex, 16);
        if (codePoint > Character.MAX_CODE_POINT) {
            throw TemplateException.invalidSyntax(line);
        }
        value.appendCodePoint((int) codePoint);
        return start + digits;
    }

    private static int appendNamed(String source, int start, StringBuilder value, int line) {
        int close = source.indexOf('}', start);
        if (start >= source.length() || source.charAt(start) != '{' || close < 0) {
            throw TemplateException.invalidSyntax(line);
        }
        try {
            value.appendCodePoint(Character.codePointOf(source.substring(start + 1, close)));
        } catch (IllegalArgumentException unknownName) {
            throw TemplateException.invalidSyntax(line);
        }
        return close + 1;
    }
}
