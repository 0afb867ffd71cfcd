package io.columba.executor.function.scalar;

import io.columba.executor.function.ScalarFunction;
import io.columba.executor.function.ScalarFunction.Binding;
import io.columba.executor.function.SimpleScalarFunction;
import io.columba.storage.column.ArrayColumnBuilder;
import io.columba.storage.column.Column;
import io.columba.storage.column.StringColumn;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.StringType;
import java.util.List;

/** URL parts (domain, protocol, path, queryString, extractURLParameter, ...) and URL percent-encoding. */
public final class UrlFunctions {
    private UrlFunctions() {}

    /** A part of a URL as a byte range of its text. */
    interface Part {
        int[] of(byte[] data, int from, int to);
    }

    private static final String URL = "'https://www.example.com:8080/docs/page?a=1&b=x%20y#top'";

    public static List<ScalarFunction> all() {
        return List.of(
                part("domain", "The host of a URL ('' when there is none).", Urls::host),
                part("domainWithoutWWW", "The host of a URL without a leading 'www.'.", UrlFunctions::domainWithoutWww),
                part("topLevelDomain", "The last dot-separated part of the host.", UrlFunctions::topLevelDomain),
                part("protocol", "The scheme of a URL, such as https.", UrlFunctions::protocol),
                part(
                        "path",
                        "The path of a URL, without query string and fragment.",
                        (d, f, t) -> Urls.path(d, f, t, false)),
                part(
                        "pathFull",
                        "The path of a URL with query string and fragment.",
                        (d, f, t) -> Urls.path(d, f, t, true)),
                part(
                        "queryString",
                        "The query string of a URL, without '?' and fragment.",
                        (d, f, t) -> Urls.queryString(d, f, t, false)),
                part("fragment", "The fragment of a URL, without '#'.", (d, f, t) -> Urls.fragment(d, f, t, false)),
                part(
                        "queryStringAndFragment",
                        "The query string and fragment of a URL, without the leading '?'.",
                        UrlFunctions::queryStringAndFragment),
                cut(
                        "cutQueryString",
                        "The URL without its query string ('?' included).",
                        (d, f, t) -> Urls.queryString(d, f, t, true)),
                cut(
                        "cutFragment",
                        "The URL without its fragment ('#' included).",
                        (d, f, t) -> Urls.fragment(d, f, t, true)),
                cut("cutQueryStringAndFragment", "The URL without query string and fragment.", (d, f, t) -> {
                    int[] rest = queryStringAndFragment(d, f, t);
                    return rest[0] == rest[1] ? rest : new int[] {rest[0] - 1, t};
                }),
                cut("cutWWW", "The URL without a leading 'www.' of its host.", UrlFunctions::wwwPrefix),
                SimpleScalarFunction.of(
                        "extractURLParameter",
                        "The value of the first URL parameter of this name, not decoded; '' when absent.",
                        "SELECT extractURLParameter(" + URL + ", 'b')",
                        (types, args) -> {
                            StringOperands.expectStrings("extractURLParameter", types, 2, 2, 0, 1);
                            return new Binding(StringType.STRING, UrlFunctions::extractParameter);
                        }),
                SimpleScalarFunction.of(
                        "URLHierarchy",
                        "The URL cut after each '/', '?' or '#' of its path, from the host on.",
                        "SELECT URLHierarchy(" + URL + ")",
                        (types, args) -> {
                            StringOperands.expectStrings("URLHierarchy", types, 1, 1, 0);
                            return new Binding(new ArrayType(StringType.STRING), UrlFunctions::hierarchy);
                        }),
                StringOperands.stringToString(
                        "decodeURLComponent",
                        "Percent-decoded text (%XX sequences).",
                        "SELECT decodeURLComponent('a%20b%2Fc')",
                        (d, f, t, out) -> UrlCoding.decode(d, f, t, false, out)),
                StringOperands.stringToString(
                        "decodeURLFormComponent",
                        "Percent-decoded form text: %XX sequences, and '+' as a space.",
                        "SELECT decodeURLFormComponent('a+b%21')",
                        (d, f, t, out) -> UrlCoding.decode(d, f, t, true, out)),
                StringOperands.stringToString(
                        "encodeURLComponent",
                        "Percent-encoded text: every byte except letters, digits and -._~ as %XX.",
                        "SELECT encodeURLComponent('a b/c')",
                        (d, f, t, out) -> UrlCoding.encode(d, f, t, false, out)),
                StringOperands.stringToString(
                        "encodeURLFormComponent",
                        "Percent-encoded form text: as encodeURLComponent, with a space as '+'.",
                        "SELECT encodeURLFormComponent('a b/c')",
                        (d, f, t, out) -> UrlCoding.encode(d, f, t, true, out)));
    }

    private static SimpleScalarFunction part(String name, String description, Part part) {
        return part(name, description, URL, part);
    }

    /** A String function returning the part of its URL argument that {@code part} finds. */
    static SimpleScalarFunction part(String name, String description, String url, Part part) {
        return StringOperands.stringToString(name, description, "SELECT " + name + "(" + url + ")", (d, f, t, out) -> {
            int[] range = part.of(d, f, t);
            out.append(d, range[0], range[1] - range[0]);
        });
    }

    private static SimpleScalarFunction cut(String name, String description, Part part) {
        return StringOperands.stringToString(name, description, "SELECT " + name + "(" + URL + ")", (d, f, t, out) -> {
            int[] range = part.of(d, f, t);
            byte[] result = new byte[(t - f) - (range[1] - range[0])];
            System.arraycopy(d, f, result, 0, range[0] - f);
            System.arraycopy(d, range[1], result, range[0] - f, t - range[1]);
            out.append(result);
        });
    }

    private static boolean startsWithWww(byte[] data, int from, int to) {
        return to - from >= 4
                && data[from] == 'w'
                && data[from + 1] == 'w'
                && data[from + 2] == 'w'
                && data[from + 3] == '.';
    }

    private static int[] domainWithoutWww(byte[] data, int from, int to) {
        int[] host = Urls.host(data, from, to);
        return startsWithWww(data, host[0], host[1]) ? new int[] {host[0] + 4, host[1]} : host;
    }

    private static int[] wwwPrefix(byte[] data, int from, int to) {
        int[] host = Urls.host(data, from, to);
        return startsWithWww(data, host[0], host[1]) ? new int[] {host[0], host[0] + 4} : new int[] {from, from};
    }

    private static int[] topLevelDomain(byte[] data, int from, int to) {
        int[] host = Urls.host(data, from, to);
        int end = host[1];
        if (end > host[0] && data[end - 1] == '.') {
            end--;
        }
        int dot = -1;
        for (int i = end - 1; i >= host[0]; i--) {
            if (data[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            return new int[] {from, from};
        }
        boolean numeric = true;
        for (int i = dot + 1; i < end; i++) {
            numeric &= data[i] >= '0' && data[i] <= '9';
        }
        return numeric ? new int[] {from, from} : new int[] {dot + 1, end};
    }

    private static int[] protocol(byte[] data, int from, int to) {
        int end = Urls.schemeEnd(data, from, to);
        if (end == from || to - end < 4 || data[end] != ':') {
            return new int[] {from, from};
        }
        return new int[] {from, end};
    }

    private static int[] queryStringAndFragment(byte[] data, int from, int to) {
        int mark = Urls.indexOf(data, from, to, '?');
        if (mark < to) {
            return new int[] {mark + 1, to};
        }
        int hash = Urls.indexOf(data, from, to, '#');
        return hash < to ? new int[] {hash + 1, to} : new int[] {from, from};
    }

    private static Column extractParameter(Column[] columns, int rows) {
        StringColumn urls = StringOperands.strings(columns[0]);
        StringColumnBuilder out = new StringColumnBuilder(rows);
        byte[] lastName = null;
        String lastText = null;
        for (int i = 0; i < rows; i++) {
            String name = StringOperands.text(columns[1], i);
            if (!name.equals(lastText)) {
                lastText = name;
                lastName = StringOperands.utf8(name + "=");
            }
            int row = StringOperands.row(columns[0], i);
            int[] value = Urls.parameter(urls.data(), urls.offsets()[row], urls.offsets()[row + 1], lastName);
            if (value == null) {
                out.append(urls.data(), 0, 0);
            } else {
                out.append(urls.data(), value[0], value[1] - value[0]);
            }
        }
        return out.build();
    }

    private static Column hierarchy(Column[] columns, int rows) {
        StringColumn urls = StringOperands.strings(columns[0]);
        ArrayColumnBuilder out = new ArrayColumnBuilder(new StringColumnBuilder(rows), rows);
        StringColumnBuilder elements = (StringColumnBuilder) out.elements();
        for (int i = 0; i < rows; i++) {
            int row = StringOperands.row(columns[0], i);
            byte[] data = urls.data();
            int begin = urls.offsets()[row];
            int end = urls.offsets()[row + 1];
            int pos = begin;
            while (pos < end && Urls.isAlphaNumeric(data[pos])) {
                pos++;
            }
            // Without "scheme://" the whole string is the one level, as ClickHouse's URLHierarchy.
            boolean scheme = end - pos > 2 && data[pos] == ':' && data[pos + 1] == '/' && data[pos + 2] == '/';
            pos = scheme ? UrlCoding.afterSegment(data, pos + 3, end) : end;
            elements.append(data, begin, pos - begin);
            while (true) {
                while (pos < end && UrlCoding.isSeparator(data[pos])) {
                    pos++;
                }
                if (pos == end) {
                    break;
                }
                pos = UrlCoding.afterSegment(data, pos, end);
                elements.append(data, begin, pos - begin);
            }
            out.endArray();
        }
        return out.build();
    }
}
