package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.ConstantColumn;
import io.columba.storage.column.LongColumn;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.StringType;
import java.util.List;

/**
 * URL query parameters (extractURLParameters, extractURLParameterNames, cutURLParameter), the path hierarchy, the
 * significant part of a domain, port and netloc, following ClickHouse's URL parsers.
 */
public final class UrlParameterFunctions {
    private UrlParameterFunctions() {}

    private static final String URL = "'https://user@news.example.com.tr:8080/a/b?x=1&y=2#top'";

    /** Cuts the tokens of one URL, appending each to {@code out}. */
    private interface Splitter {
        void split(byte[] data, int from, int to, StringColumnBuilder out);
    }

    public static List<ScalarFunction> all() {
        return List.of(
                part(
                        "firstSignificantSubdomain",
                        "The label of the domain before the top-level domain, or before a second-level domain such"
                                + " as com, net, org, co: 'example' for 'news.example.com.tr'.",
                        (d, f, t) -> significantSubdomain(d, f, t, true, false)),
                part(
                        "cutToFirstSignificantSubdomain",
                        "The domain from its first significant subdomain on, without 'www.'.",
                        (d, f, t) -> significantSubdomain(d, f, t, true, true)),
                part(
                        "cutToFirstSignificantSubdomainWithWWW",
                        "The domain from its first significant subdomain on, keeping a leading 'www'.",
                        (d, f, t) -> significantSubdomain(d, f, t, false, true)),
                part(
                        "netloc",
                        "The user, host and port of a URL: what lies between '//' and the path.",
                        UrlParameterFunctions::netloc),
                split(
                        "extractURLParameters",
                        "The name=value parameters of the query string and fragment, not decoded.",
                        (d, f, t, out) -> parameters(d, f, t, out, false)),
                split(
                        "extractURLParameterNames",
                        "The names of the parameters of the query string and fragment.",
                        (d, f, t, out) -> parameters(d, f, t, out, true)),
                split(
                        "URLPathHierarchy",
                        "The path of a URL cut after each '/', '?' or '#', without protocol and host.",
                        UrlParameterFunctions::pathHierarchy),
                SimpleScalarFunction.of(
                        "cutURLParameter",
                        "The URL without the first parameter of this name (and its '&'); an array of names cuts"
                                + " each of them in turn.",
                        "SELECT cutURLParameter(" + URL + ", 'x')",
                        (types, args) -> {
                            StringOperands.expectStrings("cutURLParameter", types, 2, 2, 0);
                            boolean names =
                                    types.get(1) instanceof ArrayType array && StringOperands.isString(array.element());
                            if (!names && !StringOperands.isString(types.get(1))) {
                                throw Operands.illegalType("cutURLParameter", types.get(1), 2);
                            }
                            return new Binding(StringType.STRING, UrlParameterFunctions::cutParameter);
                        }),
                SimpleScalarFunction.of(
                        "port",
                        "The port of a URL as UInt16; the second argument (default 0) when there is none.",
                        "SELECT port(" + URL + ")",
                        (types, args) -> {
                            StringOperands.expectStrings("port", types, 1, 2, 0);
                            if (types.size() == 2 && !(types.get(1) instanceof IntegerType)) {
                                throw Operands.illegalType("port", types.get(1), 2);
                            }
                            return new Binding(IntegerType.UINT16, UrlParameterFunctions::port);
                        }));
    }

    private static SimpleScalarFunction part(String name, String description, UrlFunctions.Part part) {
        return UrlFunctions.part(name, description, URL, part);
    }

    private static SimpleScalarFunction split(String name, String description, Splitter splitter) {
        return SimpleScalarFunction.of(name, description, "SELECT " + name + "(" + URL + ")", (types, args) -> {
            StringOperands.expectStrings(name, types, 1, 1, 0);
            return new Binding(new ArrayType(StringType.STRING), (columns, rows) -> {
                StringColumn urls = StringOperands.strings(columns[0]);
                ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
                StringColumnBuilder elements = (StringColumnBuilder) out.elements();
                for (int i = 0; i < rows; i++) {
                    int row = StringOperands.row(columns[0], i);
                    splitter.split(urls.data(), urls.offsets()[row], urls.offsets()[row + 1], elements);
                    out.endArray();
                }
                return out.build();
            });
        });
    }

    /**
     * The first significant subdomain (or the domain from it on, when {@code cut}): the label before the top-level
     * domain, or one further left when the second-level label is com, net, org, biz, gov, mil, edu or co.
     */
    private static int[] significantSubdomain(byte[] data, int from, int to, boolean withoutWww, boolean cut) {
        int[] host = Urls.host(data, from, to);
        int begin = host[0];
        int end = host[1];
        if (withoutWww
                && end - begin >= 4
                && data[begin] == 'w'
                && data[begin + 1] == 'w'
                && data[begin + 2] == 'w'
                && data[begin + 3] == '.') {
            begin += 4;
        }
        if (begin == end) {
            return new int[] {from, from};
        }
        int last = -1;
        int second = -1;
        int third = -1;
        for (int i = begin; i < end; i++) {
            if (data[i] == '.') {
                third = second;
                second = last;
                last = i;
            }
        }
        if (last < 0) {
            return new int[] {begin, end};
        }
        if (second < 0) {
            return new int[] {begin, cut ? end : last};
        }
        if (third < 0) {
            third = begin - 1;
        }
        if (isGenericSecondLevel(data, second + 1, last)) {
            return new int[] {third + 1, cut ? end : second};
        }
        return new int[] {second + 1, cut ? end : last};
    }

    private static boolean isGenericSecondLevel(byte[] data, int from, int to) {
        String label = new String(data, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (label) {
            case "com", "net", "org", "biz", "gov", "mil", "edu", "co" -> true;
            default -> false;
        };
    }

    /** After "scheme://" or "//", up to the path, query string or fragment. */
    private static int[] netloc(byte[] data, int from, int to) {
        int start = authorityStart(data, from, to);
        if (start < 0) {
            return new int[] {from, from};
        }
        int end = start;
        while (end < to && data[end] != '/' && data[end] != '?' && data[end] != '#') {
            end++;
        }
        return new int[] {start, end};
    }

    /** The position after "scheme://" or a leading "//"; -1 when the URL has neither. */
    private static int authorityStart(byte[] data, int from, int to) {
        if (to - from >= 2 && data[from] == '/' && data[from + 1] == '/') {
            return from + 2;
        }
        int scheme = Urls.schemeEnd(data, from, to);
        if (scheme > from
                && to - scheme >= 3
                && data[scheme] == ':'
                && data[scheme + 1] == '/'
                && data[scheme + 2] == '/') {
            return scheme + 3;
        }
        return -1;
    }

    private static int indexOfAny(byte[] data, int from, int to, String symbols) {
        for (int i = from; i < to; i++) {
            if (symbols.indexOf(data[i]) >= 0) {
                return i;
            }
        }
        return to;
    }

    /**
     * The parameters (or their names) after the first '?' (else '#'), separated by '&' and '#'; a '?' before a
     * parameter's '=' restarts it, and a last parameter without '=' is left out, as ClickHouse splits them.
     */
    private static void parameters(byte[] data, int from, int to, StringColumnBuilder out, boolean names) {
        int pos = indexOfAny(data, from, to, "?#");
        if (pos + 1 >= to) {
            return;
        }
        pos++;
        while (true) {
            int tokenBegin;
            while (true) {
                tokenBegin = pos;
                pos = indexOfAny(data, pos, to, "=&#?");
                if (pos == to) {
                    return;
                }
                if (data[pos] != '?') {
                    break;
                }
                pos++;
            }
            int nameEnd = pos;
            int tokenEnd;
            if (data[pos] == '&' || data[pos] == '#') {
                tokenEnd = pos++;
            } else {
                pos = indexOfAny(data, pos + 1, to, "&#");
                tokenEnd = pos;
                if (pos < to) {
                    pos++;
                }
            }
            out.append(data, tokenBegin, (names ? nameEnd : tokenEnd) - tokenBegin);
        }
    }

    /** The path prefixes ending after each '/', '?' or '#', from the path's first slash. */
    private static void pathHierarchy(byte[] data, int from, int to, StringColumnBuilder out) {
        int pos = from;
        while (pos < to && Urls.isAlphaNumeric(data[pos])) {
            pos++;
        }
        if (to - pos <= 3 || data[pos] != ':' || data[pos + 1] != '/' || data[pos + 2] != '/') {
            return;
        }
        pos = indexOfAny(data, pos + 3, to, "/?#");
        int begin = pos;
        if (pos < to) {
            pos++;
        }
        while (true) {
            while (pos < to && UrlCoding.isSeparator(data[pos])) {
                pos++;
            }
            if (pos == to) {
                return;
            }
            pos = UrlCoding.afterSegment(data, pos, to);
            out.append(data, begin, pos - begin);
        }
    }

    private static Column cutParameter(Column[] columns, int rows) {
        StringColumn urls = StringOperands.strings(columns[0]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            byte[] data = urls.data();
            int from = urls.offsets()[row];
            int to = urls.offsets()[row + 1];
            for (String name : names(columns[1], i)) {
                int[] cut = parameterToCut(data, from, to, StringOperands.utf8(name + "="));
                data = concat(data, from, cut[0], cut[1], to);
                from = 0;
                to = data.length;
            }
            out.append(data, from, to - from);
        }
        return out.build();
    }

    /** The parameter names of one row: one string, or the elements of an array of strings. */
    private static List<String> names(Column column, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        int at = plain == column ? row : 0;
        if (!(plain instanceof io.columba.storage.column.ArrayColumn arrays)) {
            return List.of(((StringColumn) plain).getString(at));
        }
        StringColumn elements = (StringColumn) arrays.elements();
        List<String> names = new java.util.ArrayList<>();
        for (int e = arrays.offsets()[at]; e < arrays.offsets()[at + 1]; e++) {
            names.add(elements.getString(e));
        }
        return names;
    }

    /** The range to remove for the first parameter {@code name=} (with one '&' next to it); empty when none. */
    private static int[] parameterToCut(byte[] data, int from, int to, byte[] name) {
        int query = indexOfAny(data, from, to, "?#");
        if (query + 1 >= to) {
            return new int[] {from, from};
        }
        int found = StringSearchFunctions.indexOf(data, query + 1, to, name, 0, name.length, false);
        if (found < 0 || (data[found - 1] != '?' && data[found - 1] != '#' && data[found - 1] != '&')) {
            return new int[] {from, from};
        }
        int begin = found;
        int end = indexOfAny(data, found + name.length, to, "&#");
        if (end < to && data[end] == '&') {
            end++;
        } else if (data[begin - 1] == '&') {
            begin--;
        }
        return new int[] {begin, end};
    }

    private static byte[] concat(byte[] data, int from, int cutBegin, int cutEnd, int to) {
        byte[] result = new byte[(cutBegin - from) + (to - cutEnd)];
        System.arraycopy(data, from, result, 0, cutBegin - from);
        System.arraycopy(data, cutEnd, result, cutBegin - from, to - cutEnd);
        return result;
    }

    private static Column port(Column[] columns, int rows) {
        StringColumn urls = StringOperands.strings(columns[0]);
        long[] out = new long[rows];
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            long fallback = columns.length == 2 ? defaultPort(columns[1], i) : 0;
            out[i] = port(urls.data(), urls.offsets()[row], urls.offsets()[row + 1], fallback);
        }
        return new LongColumn(out, null, rows);
    }

    private static long defaultPort(Column column, int row) {
        Column plain = column instanceof ConstantColumn constant ? constant.value() : column;
        return ((LongColumn) plain).get(plain == column ? row : 0) & 0xFFFF;
    }

    private static long port(byte[] data, int from, int to, long fallback) {
        int[] host = Urls.host(data, from, to);
        if (host[0] == host[1] || host[1] >= to || data[host[1]] != ':') {
            return fallback;
        }
        long port = 0;
        int pos = host[1] + 1;
        int digits = 0;
        for (; pos < to && data[pos] >= '0' && data[pos] <= '9'; pos++, digits++) {
            port = port * 10 + (data[pos] - '0');
            if (port > 65535) {
                return fallback;
            }
        }
        if (digits == 0 || (pos < to && data[pos] != '/' && data[pos] != '?' && data[pos] != '#')) {
            return fallback;
        }
        return port;
    }
}
