package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.expression.FunctionInvocation;
import io.columba.executor.function.scalar.TypeConversion;
import io.columba.executor.operator.GranuleRange;
import io.columba.storage.column.Column;
import io.columba.storage.column.ValueEquality;
import io.columba.storage.column.ValueOrder;
import io.columba.storage.index.BloomFilter;
import io.columba.storage.index.IndexSummaries;
import io.columba.storage.index.IndexTerms;
import io.columba.storage.index.SkipIndex;
import io.columba.storage.type.DataType;
import io.columba.storage.type.StringType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Data skipping indexes at scan time: a granule range is cut where an index summary proves the WHERE condition
 * false for every row it covers. A condition is proved false by any false conjunct of an AND, by all disjuncts of an
 * OR, and by comparisons, LIKE and hasToken of an indexed column with a constant.
 */
final class SkipIndexPruning {
    private final List<String> columnNames;

    private SkipIndexPruning(List<String> columnNames) {
        this.columnNames = columnNames;
    }

    /** The ranges minus the granules some index proves the condition false for. */
    static List<GranuleRange> prune(
            List<GranuleRange> ranges, BoundExpression where, List<String> columnNames, List<SkipIndex> indexes) {
        if (where == null || indexes.isEmpty()) {
            return ranges;
        }
        SkipIndexPruning pruning = new SkipIndexPruning(columnNames);
        List<GranuleRange> result = ranges;
        for (SkipIndex index : indexes) {
            if (index.column() != null && columnNames.contains(index.column())) {
                result = pruning.prune(result, where, index);
            }
        }
        return result;
    }

    private List<GranuleRange> prune(List<GranuleRange> ranges, BoundExpression where, SkipIndex index) {
        List<GranuleRange> kept = new ArrayList<>();
        for (GranuleRange range : ranges) {
            IndexSummaries summaries = range.part().indexSummaries(index);
            if (summaries == null) {
                kept.add(range);
                continue;
            }
            int start = -1;
            for (int g = range.from(); g < range.to(); g++) {
                int entry = g / index.granularity();
                boolean skip = entry < summaries.entries().size()
                        && provesFalse(where, index, summaries.entries().get(entry));
                if (!skip && start < 0) {
                    start = g;
                } else if (skip && start >= 0) {
                    kept.add(new GranuleRange(range.part(), start, g));
                    start = -1;
                }
            }
            if (start >= 0) {
                kept.add(new GranuleRange(range.part(), start, range.to()));
            }
        }
        return kept;
    }

    private boolean provesFalse(BoundExpression condition, SkipIndex index, IndexSummaries.Summary summary) {
        if (!(condition instanceof FunctionInvocation call)) {
            return false;
        }
        switch (call.name()) {
            case "and" -> {
                return call.arguments().stream().anyMatch(argument -> provesFalse(argument, index, summary));
            }
            case "or" -> {
                return call.arguments().stream().allMatch(argument -> provesFalse(argument, index, summary));
            }
            default -> {}
        }
        if (call.arguments().size() != 2) {
            return false;
        }
        String name = call.name();
        BoundExpression left = call.arguments().get(0);
        BoundExpression right = call.arguments().get(1);
        if (left instanceof Constant && right instanceof ColumnReference) {
            BoundExpression swap = left;
            left = right;
            right = swap;
            name = mirrored(name);
        }
        if (!(left instanceof ColumnReference column)
                || !(right instanceof Constant constant)
                || constant.isNull()
                || !index.column().equals(columnNames.get(column.index()))) {
            return false;
        }
        return switch (summary) {
            case IndexSummaries.MinMax minMax -> minMaxExcludes(name, constant, index, minMax.bounds());
            case IndexSummaries.ValueSet set -> setExcludes(name, constant, index, set.values());
            case IndexSummaries.Bloom bloom -> bloomExcludes(name, constant, index, bloom.filter());
        };
    }

    private static String mirrored(String name) {
        return switch (name) {
            case "less" -> "greater";
            case "greater" -> "less";
            case "lessOrEquals" -> "greaterOrEquals";
            case "greaterOrEquals" -> "lessOrEquals";
            default -> name;
        };
    }

    /** The constant in the index expression's type, or null when it does not convert exactly. */
    private static Column asIndexValue(Constant constant, SkipIndex index) {
        DataType plain = index.type().withoutNullable();
        try {
            Column converted = TypeConversion.cast(constant.toColumn(), constant.type(), plain, 1)
                    .materialize();
            Column back =
                    TypeConversion.cast(converted, plain, constant.type(), 1).materialize();
            return ValueEquality.equal(back, 0, constant.toColumn(), 0) ? converted : null;
        } catch (RuntimeException notConvertible) {
            return null;
        }
    }

    private static boolean minMaxExcludes(String name, Constant constant, SkipIndex index, Column bounds) {
        if (!isComparison(name)) {
            return false;
        }
        if (bounds == null) {
            return true;
        }
        Column value = asIndexValue(constant, index);
        if (value == null) {
            return false;
        }
        DataType plain = index.type().withoutNullable();
        int belowMin = ValueOrder.compare(value, 0, bounds, 0, plain);
        int aboveMax = ValueOrder.compare(value, 0, bounds, 1, plain);
        return switch (name) {
            case "equals" -> belowMin < 0 || aboveMax > 0;
            case "less" -> belowMin <= 0;
            case "lessOrEquals" -> belowMin < 0;
            case "greater" -> aboveMax >= 0;
            case "greaterOrEquals" -> aboveMax > 0;
            default -> false;
        };
    }

    private static boolean isComparison(String name) {
        return switch (name) {
            case "equals", "less", "lessOrEquals", "greater", "greaterOrEquals" -> true;
            default -> false;
        };
    }

    private static boolean setExcludes(String name, Constant constant, SkipIndex index, Column values) {
        if (values == null || !isComparison(name)) {
            return false;
        }
        Column value = asIndexValue(constant, index);
        if (value == null) {
            return false;
        }
        DataType plain = index.type().withoutNullable();
        for (int row = 0; row < values.size(); row++) {
            int order = ValueOrder.compare(values, row, value, 0, plain);
            boolean holds = switch (name) {
                case "equals" -> order == 0;
                case "less" -> order < 0;
                case "lessOrEquals" -> order <= 0;
                case "greater" -> order > 0;
                default -> order >= 0;
            };
            if (holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean bloomExcludes(String name, Constant constant, SkipIndex index, BloomFilter filter) {
        List<byte[]> needed = switch (index.kind()) {
            case BLOOM_FILTER -> {
                Column value = name.equals("equals") ? asIndexValue(constant, index) : null;
                yield value == null ? List.of() : List.of(IndexTerms.valueBytes(value, 0));
            }
            case TOKENBF_V1 -> tokensNeeded(name, constant);
            default ->
                ngramsNeeded(name, constant, (int) (double) index.parameters().get(0));
        };
        for (byte[] term : needed) {
            if (!filter.mayContain(term, 0, term.length)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Constant constant) {
        return constant.type() instanceof StringType ? constant.stringValue() : null;
    }

    /** Tokens every matching row must hold: all of an equal string's, hasToken's, a LIKE pattern's inner ones. */
    private static List<byte[]> tokensNeeded(String name, Constant constant) {
        String text = text(constant);
        if (text == null) {
            return List.of();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (name) {
            case "equals" -> IndexTerms.tokens(bytes, 0, bytes.length);
            case "hasToken" -> List.of(bytes);
            case "like" -> likeTokens(text);
            default -> List.of();
        };
    }

    /** In a LIKE pattern, the tokens with a separator (not a wildcard or the pattern's end) on both sides. */
    private static List<byte[]> likeTokens(String pattern) {
        List<byte[]> tokens = new ArrayList<>();
        for (String fragment : literalFragments(pattern)) {
            byte[] bytes = fragment.getBytes(StandardCharsets.UTF_8);
            List<byte[]> inner = IndexTerms.tokens(bytes, 0, bytes.length);
            for (int i = 0; i < inner.size(); i++) {
                boolean touchesStart = i == 0 && bytes.length > 0 && isWord(bytes[0]);
                boolean touchesEnd = i == inner.size() - 1 && bytes.length > 0 && isWord(bytes[bytes.length - 1]);
                if (!touchesStart && !touchesEnd) {
                    tokens.add(inner.get(i));
                }
            }
        }
        return tokens;
    }

    private static boolean isWord(byte b) {
        return IndexTerms.isWordByte(b);
    }

    private static List<byte[]> ngramsNeeded(String name, Constant constant, int n) {
        String text = text(constant);
        if (text == null) {
            return List.of();
        }
        List<byte[]> grams = new ArrayList<>();
        List<String> fragments = switch (name) {
            case "equals" -> List.of(text);
            case "like" -> literalFragments(text);
            default -> List.of();
        };
        for (String fragment : fragments) {
            byte[] bytes = fragment.getBytes(StandardCharsets.UTF_8);
            grams.addAll(IndexTerms.ngrams(bytes, 0, bytes.length, n));
        }
        return grams;
    }

    /** The literal runs of a LIKE pattern, between its wildcards (escapes resolved). */
    private static List<String> literalFragments(String pattern) {
        List<String> fragments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                current.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                fragments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fragments.add(current.toString());
        return fragments;
    }
}
