package io.columba.workspace.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The str methods templates may call, with Python's semantics (split on runs of whitespace, code points ...). */
final class PythonStringMethods {
    private PythonStringMethods() {}

    static Object call(String text, String method, CallArguments arguments) {
        int line = arguments.line();
        return switch (method) {
            case "split", "rsplit" -> split(text, method, arguments);
            case "startswith", "endswith" -> affix(text, method, arguments);
            case "lower" -> {
                arguments.positionalOnly(0, 0);
                yield text.toLowerCase(Locale.ROOT);
            }
            case "upper" -> {
                arguments.positionalOnly(0, 0);
                yield text.toUpperCase(Locale.ROOT);
            }
            case "strip", "lstrip", "rstrip" -> strip(text, method, arguments);
            case "replace" -> replace(text, arguments);
            case "join" -> join(text, arguments);
            case "find" -> {
                String needle = stringArgument(arguments.positionalOnly(1, 1).get(0), method, line);
                int index = text.indexOf(needle);
                yield BigInteger.valueOf(index < 0 ? -1 : text.codePointCount(0, index));
            }
            case "count" ->
                BigInteger.valueOf(count(
                        text, stringArgument(arguments.positionalOnly(1, 1).get(0), method, line)));
            case "isdigit" -> {
                arguments.positionalOnly(0, 0);
                yield !text.isEmpty() && text.codePoints().allMatch(Character::isDigit);
            }
            default -> throw PythonMethods.noAttribute(text, method, line);
        };
    }

    private static String stringArgument(Object value, String method, int line) {
        String text = PythonValues.stringValue(value);
        if (text == null) {
            throw TemplateException.value(
                    method + "() argument must be str, not " + PythonValues.typeName(value), line);
        }
        return text;
    }

    private static Object split(String text, String method, CallArguments arguments) {
        int line = arguments.line();
        CallArguments.Bound bound = arguments.bind(List.of("sep", "maxsplit"), 0);
        Object separator = bound.get("sep");
        Object limit = bound.getOrDefault("maxsplit", BigInteger.ONE.negate());
        if (!PythonValues.isInteger(limit)) {
            throw TemplateException.value(
                    "'" + PythonValues.typeName(limit) + "' object cannot be interpreted as an integer", line);
        }
        long maximum = PythonValues.integerValue(limit)
                .max(BigInteger.valueOf(-1))
                .min(BigInteger.valueOf(Integer.MAX_VALUE))
                .longValue();
        boolean fromRight = method.equals("rsplit");
        if (separator == null) {
            return PythonValues.list(splitWhitespace(text, maximum, fromRight));
        }
        String delimiter = stringArgument(separator, method, line);
        if (delimiter.isEmpty()) {
            throw TemplateException.value("empty separator", line);
        }
        List<Object> parts = new ArrayList<>();
        String rest = text;
        while (maximum < 0 || parts.size() < maximum) {
            int index = fromRight ? rest.lastIndexOf(delimiter) : rest.indexOf(delimiter);
            if (index < 0) {
                break;
            }
            parts.add(fromRight ? rest.substring(index + delimiter.length()) : rest.substring(0, index));
            rest = fromRight ? rest.substring(0, index) : rest.substring(index + delimiter.length());
        }
        parts.add(rest);
        if (fromRight) {
            Collections.reverse(parts);
        }
        return PythonValues.list(parts);
    }

    private static List<Object> splitWhitespace(String text, long maximum, boolean fromRight) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] codePoints = text.codePoints().toArray();
        for (int codePoint : codePoints) {
            if (PythonValues.isWhitespace(codePoint)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.appendCodePoint(codePoint);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        if (maximum < 0 || words.size() <= maximum + 1) {
            return new ArrayList<>(words);
        }
        String stripped = PythonNumbers.strip(text);
        List<Object> parts = new ArrayList<>();
        if (fromRight) {
            int keep = (int) maximum;
            List<String> tail = words.subList(words.size() - keep, words.size());
            String head = stripped;
            for (int i = tail.size() - 1; i >= 0; i--) {
                head = head.substring(0, head.lastIndexOf(tail.get(i)));
            }
            parts.add(rstrip(head));
            parts.addAll(tail);
            return parts;
        }
        String rest = stripped;
        for (String part : words.subList(0, (int) maximum)) {
            parts.add(part);
            rest = lstrip(rest.substring(rest.indexOf(part) + part.length()));
        }
        parts.add(rest);
        return parts;
    }

    private static Object affix(String text, String method, CallArguments arguments) {
        Object wanted = arguments.positionalOnly(1, 1).get(0);
        List<Object> candidates = wanted instanceof PythonTuple tuple ? tuple.items() : List.of(wanted);
        for (Object candidate : candidates) {
            String affix = PythonValues.stringValue(candidate);
            if (affix == null) {
                throw TemplateException.value(
                        method + " first arg must be str or a tuple of str, not " + PythonValues.typeName(candidate),
                        arguments.line());
            }
            if (method.equals("startswith") ? text.startsWith(affix) : text.endsWith(affix)) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    private static Object strip(String text, String method, CallArguments arguments) {
        List<Object> values = arguments.positionalOnly(0, 1);
        Object characters = values.isEmpty() ? null : values.get(0);
        if (characters == null) {
            return switch (method) {
                case "lstrip" -> lstrip(text);
                case "rstrip" -> rstrip(text);
                default -> PythonNumbers.strip(text);
            };
        }
        String set = stringArgument(characters, method, arguments.line());
        int start = 0;
        int end = text.length();
        if (!method.equals("rstrip")) {
            while (start < end && set.indexOf(text.codePointAt(start)) >= 0) {
                start += Character.charCount(text.codePointAt(start));
            }
        }
        if (!method.equals("lstrip")) {
            while (end > start && set.indexOf(text.codePointBefore(end)) >= 0) {
                end -= Character.charCount(text.codePointBefore(end));
            }
        }
        return text.substring(start, end);
    }

    private static String lstrip(String text) {
        int start = 0;
        while (start < text.length() && PythonValues.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        return text.substring(start);
    }

    private static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && PythonValues.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(0, end);
    }

    private static Object replace(String text, CallArguments arguments) {
        int line = arguments.line();
        List<Object> values = arguments.positionalOnly(2, 3);
        String old = stringArgument(values.get(0), "replace", line);
        String replacement = stringArgument(values.get(1), "replace", line);
        long limit =
                values.size() > 2 ? PythonNumbers.toInteger(values.get(2), line).longValue() : -1;
        StringBuilder result = new StringBuilder();
        int from = 0;
        long done = 0;
        while (limit < 0 || done < limit) {
            int index = old.isEmpty() ? (from <= text.length() ? from : -1) : text.indexOf(old, from);
            if (index < 0) {
                break;
            }
            result.append(text, from, index).append(replacement);
            PythonOperators.checkLength(result.length(), line);
            done++;
            if (old.isEmpty()) {
                if (index >= text.length()) {
                    return result.toString();
                }
                int next = index + Character.charCount(text.codePointAt(index));
                result.append(text, index, next);
                from = next;
            } else {
                from = index + old.length();
            }
        }
        return result.append(text, from, text.length()).toString();
    }

    private static Object join(String separator, CallArguments arguments) {
        int line = arguments.line();
        List<Object> items =
                PythonOperators.iterate(arguments.positionalOnly(1, 1).get(0), line);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String item = PythonValues.stringValue(items.get(i));
            if (item == null) {
                throw TemplateException.value(
                        "sequence item " + i + ": expected str instance, " + PythonValues.typeName(items.get(i))
                                + " found",
                        line);
            }
            joined.append(i == 0 ? "" : separator).append(item);
            PythonOperators.checkLength(joined.length(), line);
        }
        return joined.toString();
    }

    private static long count(String text, String needle) {
        if (needle.isEmpty()) {
            return text.codePointCount(0, text.length()) + 1L;
        }
        long count = 0;
        for (int index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + needle.length())) {
            count++;
        }
        return count;
    }
}
