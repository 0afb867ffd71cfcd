package io.columba.executor.function.scalar;

/** URL parts as byte ranges, following ClickHouse's URL parsers (domain.h, FunctionsURL.h). */
final class Urls {
    private Urls() {}

    /** The host of a URL as {@code {from, to}}, or an empty range at {@code from} when there is none. */
    static int[] host(byte[] data, int from, int to) {
        int pos = from;
        int empty[] = {from, from};
        if (to - from >= 2 && data[pos] == '/' && data[pos + 1] == '/') {
            pos += 2;
        } else if (to > from) {
            int schemeEnd = from + Math.min(to - from, 16);
            for (++pos; pos < schemeEnd; ++pos) {
                byte c = data[pos];
                if (isAlphaNumeric(c) || c == '.' || c == '-' || c == '+') {
                    continue;
                }
                if (isRestricted(c)) {
                    return empty;
                }
                break;
            }
            if (schemeEnd - pos > 2 && data[pos] == ':' && data[pos + 1] == '/' && data[pos + 2] == '/') {
                pos += 3;
            } else {
                pos = from;
            }
        }
        int dot = -1;
        int start = pos;
        for (; pos < to; ++pos) {
            byte c = data[pos];
            if (c == '.') {
                dot = pos;
            } else if (c == ':' || c == '/' || c == '?' || c == '#') {
                break;
            } else if (c == '@') {
                start = pos + 1;
            } else if (isRestricted(c)) {
                return empty;
            }
        }
        if (dot < 0 || start >= pos || pos - dot == 1) {
            return empty;
        }
        return new int[] {start, pos};
    }

    private static boolean isRestricted(byte c) {
        return switch (c) {
            case ' ', '\t', '<', '>', '%', '{', '}', '|', '\\', '^', '~', '[', ']', ';', '=', '&' -> true;
            default -> false;
        };
    }

    static boolean isAlphaNumeric(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The end of the scheme {@code [a-zA-Z][a-zA-Z0-9+.-]*} at {@code from}, or {@code from} when there is none. */
    static int schemeEnd(byte[] data, int from, int to) {
        if (from >= to || !((data[from] | 0x20) >= 'a' && (data[from] | 0x20) <= 'z')) {
            return from;
        }
        int pos = from + 1;
        while (pos < to && (isAlphaNumeric(data[pos]) || data[pos] == '+' || data[pos] == '-' || data[pos] == '.')) {
            pos++;
        }
        return pos;
    }

    static int indexOf(byte[] data, int from, int to, char a) {
        for (int i = from; i < to; i++) {
            if (data[i] == a) {
                return i;
            }
        }
        return to;
    }

    static int indexOfAny(byte[] data, int from, int to, char a, char b) {
        for (int i = from; i < to; i++) {
            if (data[i] == a || data[i] == b) {
                return i;
            }
        }
        return to;
    }

    /** The path: after the host of a URL with "//", up to '?' or '#'; {@code full} keeps query and fragment. */
    static int[] path(byte[] data, int from, int to, boolean full) {
        int slash = indexOf(data, from, to, '/');
        if (slash == to || slash + 1 >= to || data[slash + 1] != '/') {
            return new int[] {from, from};
        }
        int start = indexOf(data, slash + 2, to, '/');
        if (start == to) {
            return new int[] {from, from};
        }
        return new int[] {start, full ? to : indexOfAny(data, start, to, '?', '#')};
    }

    /** The query string after '?' up to '#', with the '?' when {@code withMark}. */
    static int[] queryString(byte[] data, int from, int to, boolean withMark) {
        int mark = indexOf(data, from, to, '?');
        if (mark == to) {
            return new int[] {from, from};
        }
        return new int[] {withMark ? mark : mark + 1, indexOf(data, mark, to, '#')};
    }

    /** The fragment after '#', with the '#' when {@code withMark}. */
    static int[] fragment(byte[] data, int from, int to, boolean withMark) {
        int mark = indexOf(data, from, to, '#');
        if (mark == to) {
            return new int[] {from, from};
        }
        return new int[] {withMark ? mark : mark + 1, to};
    }

    /** The value of {@code name=} after '?' or '#', not decoded; null when the parameter is absent. */
    static int[] parameter(byte[] data, int from, int to, byte[] name) {
        int begin = indexOfAny(data, from, to, '?', '#');
        if (begin == to) {
            return null;
        }
        int pos = begin + 1;
        while (true) {
            int found = StringSearchFunctions.indexOf(data, pos, to, name, 0, name.length, false);
            if (found < 0) {
                return null;
            }
            byte before = data[found - 1];
            pos = found + name.length;
            if (before == '?' || before == '#' || before == '&') {
                return new int[] {pos, indexOfAny(data, pos, to, '&', '#')};
            }
        }
    }
}
