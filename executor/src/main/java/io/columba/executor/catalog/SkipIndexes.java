package io.columba.executor.catalog;

import io.columba.executor.analyzer.ExpressionBinder;
import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ExpressionEvaluator;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.IndexDeclaration;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.index.SkipIndex;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.FixedStringType;
import io.columba.storage.type.PhysicalType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The data skipping indexes of CREATE TABLE, bound to the table's columns and checked against their types. */
final class SkipIndexes {
    private SkipIndexes() {}

    /** Granules per summary of the implicit indexes: more than a part ever has, so one summary a part. */
    private static final int WHOLE_PART = 1 << 20;

    /**
     * A min/max summary per part of every column the partition key reads, as ClickHouse's {@code minmax_idx}: a
     * query on those columns skips whole parts (so whole partitions).
     */
    static List<SkipIndex> partitionMinMax(BoundExpression partitionKey, List<String> names, List<DataType> types) {
        if (partitionKey == null) {
            return List.of();
        }
        java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
        collect(partitionKey, used);
        List<SkipIndex> indexes = new ArrayList<>();
        for (int column : used) {
            DataType type = types.get(column);
            PhysicalType physical = type.physicalType();
            if (physical == PhysicalType.ARRAY || physical == PhysicalType.TUPLE) {
                continue;
            }
            indexes.add(new SkipIndex(
                    "_partition_minmax_" + names.get(column),
                    SkipIndex.Kind.MINMAX,
                    List.of(),
                    WHOLE_PART,
                    type,
                    rows -> rows.column(column),
                    names.get(column)));
        }
        return indexes;
    }

    private static void collect(BoundExpression expression, java.util.Set<Integer> used) {
        if (expression instanceof io.columba.executor.expression.ColumnReference column) {
            used.add(column.index());
        } else if (expression instanceof io.columba.executor.expression.FunctionInvocation call) {
            call.arguments().forEach(argument -> collect(argument, used));
        }
    }

    static List<SkipIndex> of(List<IndexDeclaration> declarations, ExpressionBinder binder) {
        List<SkipIndex> indexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (IndexDeclaration declaration : declarations) {
            if (!names.add(declaration.name())) {
                throw new ColumbaException(
                        ErrorCode.ILLEGAL_INDEX, "Duplicated index name " + declaration.name() + " is not allowed");
            }
            indexes.add(bind(declaration, binder));
        }
        return indexes;
    }

    private static SkipIndex bind(IndexDeclaration declaration, ExpressionBinder binder) {
        BoundExpression expression = binder.bind(declaration.expression());
        DataType type = expression.type();
        String text = declaration.type().strip();
        int open = text.indexOf('(');
        String kindName = (open < 0 ? text : text.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        List<Double> parameters = new ArrayList<>();
        if (open > 0) {
            for (String argument : DataTypeParser.arguments(text.substring(open + 1, text.length() - 1))) {
                try {
                    parameters.add(Double.parseDouble(argument));
                } catch (NumberFormatException e) {
                    throw new ColumbaException(
                            ErrorCode.INCORRECT_QUERY,
                            "Index " + declaration.name() + ": parameter '" + argument + "' of " + text
                                    + " must be a number");
                }
            }
        }
        SkipIndex.Kind kind = switch (kindName) {
            case "minmax" -> SkipIndex.Kind.MINMAX;
            case "set" -> SkipIndex.Kind.SET;
            case "bloom_filter" -> SkipIndex.Kind.BLOOM_FILTER;
            case "tokenbf_v1" -> SkipIndex.Kind.TOKENBF_V1;
            case "ngrambf_v1" -> SkipIndex.Kind.NGRAMBF_V1;
            default -> throw new ColumbaException(ErrorCode.INCORRECT_QUERY, "Unknown Index type '" + kindName + "'");
        };
        check(declaration, kind, parameters, type);
        String column = declaration.expression() instanceof Identifier identifier ? identifier.name() : null;
        return new SkipIndex(
                declaration.name(),
                kind,
                parameters,
                declaration.granularity(),
                type,
                rows -> ExpressionEvaluator.evaluate(expression, rows),
                column);
    }

    private static void check(
            IndexDeclaration declaration, SkipIndex.Kind kind, List<Double> parameters, DataType type) {
        DataType plain = type.withoutNullable();
        PhysicalType physical = plain.physicalType();
        boolean scalar = physical != PhysicalType.ARRAY && physical != PhysicalType.TUPLE;
        boolean text = plain instanceof StringType || plain instanceof FixedStringType;
        int expected = switch (kind) {
            case MINMAX -> 0;
            case SET -> 1;
            case BLOOM_FILTER -> parameters.isEmpty() ? 0 : 1;
            case TOKENBF_V1 -> 3;
            case NGRAMBF_V1 -> 4;
        };
        if (parameters.size() != expected) {
            throw new ColumbaException(
                    ErrorCode.INCORRECT_QUERY,
                    "Index " + declaration.name() + " of type " + kind.name().toLowerCase(Locale.ROOT) + " takes "
                            + expected + " parameters, got " + parameters.size());
        }
        boolean fits = switch (kind) {
            case MINMAX, SET, BLOOM_FILTER -> scalar;
            case TOKENBF_V1, NGRAMBF_V1 -> text;
        };
        if (!fits) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_COLUMN,
                    "Index " + declaration.name() + " of type " + kind.name().toLowerCase(Locale.ROOT)
                            + " cannot be built on an expression of type " + type.name());
        }
        boolean positive = parameters.stream().allMatch(p -> p >= 0);
        boolean rateInRange = kind != SkipIndex.Kind.BLOOM_FILTER
                || parameters.isEmpty()
                || parameters.get(0) > 0 && parameters.get(0) < 1;
        if (!positive || !rateInRange) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Index " + declaration.name() + " has invalid parameters " + parameters);
        }
    }
}
