package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.scalar.NumericTypes;
import io.columba.executor.operator.QueryContext;
import io.columba.executor.operator.join.ArrayJoinOperator;
import io.columba.executor.operator.join.HashJoinOperator;
import io.columba.executor.operator.join.JoinHashTable;
import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.TableJoin;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.ArrayType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans JOINs and ARRAY JOINs as sources: a hash join whose right side is read whole into a table first (keys of
 * ON's equalities or USING, cast to their common type), and array joins over a source. Names follow ClickHouse:
 * {@code t.a} reaches a column of the table (or alias) {@code t}; an unqualified name is the left side's column when
 * both sides have it, the right one then being shown as {@code t.a}; USING merges the key columns into one.
 */
final class JoinPlanner {
    private final FunctionRegistry functions;
    private final boolean joinUseNulls;
    private final Function<io.columba.sql.ast.SelectUnion, Plan> subqueries;

    /** What the hash tables of joins count against ({@code max_memory_usage}). */
    private final QueryContext context;

    JoinPlanner(
            FunctionRegistry functions,
            boolean joinUseNulls,
            Function<io.columba.sql.ast.SelectUnion, Plan> subqueries,
            QueryContext context) {
        this.context = context;
        this.functions = functions;
        this.joinUseNulls = joinUseNulls;
        this.subqueries = subqueries;
    }

    /** {@code base} whose visible columns can also be named {@code qualifier.column}. */
    static Source qualified(Source base, String qualifier) {
        List<String> names = new ArrayList<>(base.names());
        List<DataType> types = new ArrayList<>(base.types());
        List<Integer> targets = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            targets.add(c);
        }
        if (qualifier != null) {
            for (int c = 0; c < base.visibleCount(); c++) {
                String name = qualifier + "." + base.names().get(c);
                if (!names.contains(name)) {
                    names.add(name);
                    types.add(base.types().get(c));
                    targets.add(c);
                }
            }
        }
        return new DerivedSource(
                names, types, targets, base.visibleCount(), needed -> DerivedSource.openWide(base, needed));
    }

    /** {@code left JOIN right}; {@code left} already answers to its qualified names. */
    Source join(Source left, Source right, String rightQualifier, TableJoin join) {
        HashJoinOperator.Kind kind = kind(join.kind());
        HashJoinOperator.Strictness strictness = strictness(join.strictness(), kind);
        int leftWidth = left.names().size();
        int rightWidth = right.names().size();
        List<String> rightNames = new ArrayList<>(right.names());
        List<DataType> rightBindTypes = new ArrayList<>(right.types());
        for (int c = 0; c < rightWidth; c++) {
            rightNames.add(
                    rightQualifier == null
                            ? null
                            : rightQualifier + "." + right.names().get(c));
            rightBindTypes.add(right.types().get(c));
        }
        Sides sides = new Sides(left.names(), rightNames);
        List<BoundExpression> leftKeys = new ArrayList<>();
        List<BoundExpression> rightKeys = new ArrayList<>();
        List<String> usingNames = new ArrayList<>();
        ExpressionBinder leftBinder = binder(left.names(), left.types());
        ExpressionBinder rightBinder = binder(rightNames, rightBindTypes);
        if (!join.using().isEmpty()) {
            for (Expression column : join.using()) {
                Expression key = column instanceof Alias alias ? alias.expression() : column;
                addKey(leftBinder.bind(key), rightBinder.bind(key), leftKeys, rightKeys);
                usingNames.add(ExpressionFormatter.columnName(column));
            }
        } else if (join.on() != null) {
            for (Expression condition : conjuncts(join.on())) {
                onCondition(condition, sides, leftBinder, rightBinder, leftKeys, rightKeys);
            }
        } else if (join.kind() != TableJoin.Kind.CROSS && join.kind() != TableJoin.Kind.COMMA) {
            throw new ColumbaException(ErrorCode.SYNTAX_ERROR, join.kind() + " JOIN requires ON or USING");
        }
        // A bound right key reads column c of the right source whichever name it used.
        List<BoundExpression> rightSourceKeys = new ArrayList<>();
        for (BoundExpression key : rightKeys) {
            rightSourceKeys.add(modulo(key, rightWidth));
        }
        boolean nullRight = joinUseNulls && (kind == HashJoinOperator.Kind.LEFT || kind == HashJoinOperator.Kind.FULL);
        boolean nullLeft = joinUseNulls && (kind == HashJoinOperator.Kind.RIGHT || kind == HashJoinOperator.Kind.FULL);
        List<DataType> leftTypes = nullable(left.types(), nullLeft);
        List<DataType> rightTypes = nullable(right.types(), nullRight);

        List<String> names = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (int c = 0; c < left.visibleCount(); c++) {
            String name = left.names().get(c);
            int merged = usingNames.indexOf(name);
            names.add(name);
            types.add(merged < 0 ? leftTypes.get(c) : leftKeys.get(merged).type());
            targets.add(merged < 0 ? c : leftWidth + rightWidth + merged);
        }
        Set<String> leftNames = new HashSet<>(left.names());
        List<Integer> hiddenRight = new ArrayList<>();
        for (int c = 0; c < right.visibleCount(); c++) {
            String name = right.names().get(c);
            if (usingNames.contains(name)) {
                hiddenRight.add(c);
                continue;
            }
            String shown =
                    leftNames.contains(name) || names.contains(name) ? qualifiedName(rightQualifier, name) : name;
            names.add(shown);
            types.add(rightTypes.get(c));
            targets.add(leftWidth + c);
        }
        int visible = names.size();
        for (int c = left.visibleCount(); c < leftWidth; c++) {
            addName(names, types, targets, left.names().get(c), leftTypes.get(c), c);
        }
        for (int c = 0; c < rightWidth; c++) {
            if (rightQualifier != null) {
                addName(
                        names,
                        types,
                        targets,
                        rightQualifier + "." + right.names().get(c),
                        rightTypes.get(c),
                        leftWidth + c);
            }
        }
        for (int c : hiddenRight) {
            addName(
                    names,
                    types,
                    targets,
                    qualifiedName(rightQualifier, right.names().get(c)),
                    rightTypes.get(c),
                    leftWidth + c);
        }
        int mergedKeys = usingNames.size();
        return new DerivedSource(names, types, targets, visible, needed -> {
            Set<Integer> leftNeeded = new TreeSet<>();
            Set<Integer> rightNeeded = new TreeSet<>();
            for (int position : needed) {
                if (position < leftWidth) {
                    leftNeeded.add(position);
                } else if (position < leftWidth + rightWidth) {
                    rightNeeded.add(position - leftWidth);
                }
            }
            for (BoundExpression key : leftKeys) {
                DerivedSource.collectColumns(key, leftNeeded);
            }
            for (BoundExpression key : rightSourceKeys) {
                DerivedSource.collectColumns(key, rightNeeded);
            }
            JoinHashTable table = JoinHashTable.build(
                    DerivedSource.openWide(right, rightNeeded), rightTypes, rightSourceKeys, rightNeeded, context);
            return new HashJoinOperator(
                    DerivedSource.openWide(left, leftNeeded), leftTypes, leftKeys, table, kind, strictness, mergedKeys);
        });
    }

    /** The expression with column positions taken modulo {@code width} (qualified names of a column share it). */
    private static BoundExpression modulo(BoundExpression expression, int width) {
        return switch (expression) {
            case io.columba.executor.expression.ColumnReference reference ->
                new io.columba.executor.expression.ColumnReference(reference.index() % width, reference.type());
            case io.columba.executor.expression.FunctionInvocation invocation -> {
                List<BoundExpression> arguments = new ArrayList<>();
                for (BoundExpression argument : invocation.arguments()) {
                    arguments.add(modulo(argument, width));
                }
                yield new io.columba.executor.expression.FunctionInvocation(
                        invocation.name(), arguments, invocation.type(), invocation.kernel());
            }
            case Constant constant -> constant;
        };
    }

    /** Which side of a join an ON expression reads: the sides of its identifiers. */
    private static final class Sides {
        static final int NONE = 0;
        static final int LEFT = 1;
        static final int RIGHT = 2;

        private final List<String> left;
        private final List<String> right;

        Sides(List<String> left, List<String> right) {
            this.left = left;
            this.right = right;
        }

        int of(Expression expression) {
            return switch (expression) {
                case Identifier identifier -> identifier(identifier);
                case FunctionCall call -> {
                    int side = NONE;
                    for (Expression argument : call.arguments()) {
                        side |= of(argument);
                    }
                    yield side;
                }
                case Alias alias -> of(alias.expression());
                default -> NONE;
            };
        }

        private int identifier(Identifier identifier) {
            String full = identifier.fullName();
            if (left.contains(full)) {
                return LEFT;
            }
            if (right.contains(full)) {
                return RIGHT;
            }
            if (left.contains(identifier.name())) {
                return LEFT;
            }
            if (right.contains(identifier.name())) {
                return RIGHT;
            }
            throw new ColumbaException(ErrorCode.UNKNOWN_IDENTIFIER, "Unknown identifier `" + full + "` in JOIN ON");
        }
    }

    private static String qualifiedName(String qualifier, String name) {
        return (qualifier == null ? "_subquery" : qualifier) + "." + name;
    }

    private static void addName(
            List<String> names, List<DataType> types, List<Integer> targets, String name, DataType type, int target) {
        if (!names.contains(name)) {
            names.add(name);
            types.add(type);
            targets.add(target);
        }
    }

    private static List<DataType> nullable(List<DataType> types, boolean wrap) {
        if (!wrap) {
            return types;
        }
        List<DataType> result = new ArrayList<>();
        for (DataType type : types) {
            boolean composite =
                    type.withoutNullable() instanceof ArrayType || type.withoutNullable() instanceof TupleType;
            result.add(composite ? type : NullableType.of(type));
        }
        return result;
    }

    private ExpressionBinder binder(List<String> names, List<DataType> types) {
        List<String> known = new ArrayList<>();
        for (String name : names) {
            known.add(name == null ? "" : name);
        }
        return new ExpressionBinder(functions, known, types, null, "JOIN").withSubqueries(subqueries);
    }

    private void addKey(
            BoundExpression left,
            BoundExpression right,
            List<BoundExpression> leftKeys,
            List<BoundExpression> rightKeys) {
        DataType common = NumericTypes.commonType(left.type(), right.type());
        leftKeys.add(left.type().equals(common) ? left : SelectPlanner.castTo(left, common));
        rightKeys.add(right.type().equals(common) ? right : SelectPlanner.castTo(right, common));
    }

    /**
     * One AND-ed condition of ON: an equality of a left and a right expression is a key; a condition over one side
     * only becomes a key that side must make 1 (so its rows fail to match, as in ClickHouse, rather than vanish).
     */
    private void onCondition(
            Expression condition,
            Sides sides,
            ExpressionBinder leftBinder,
            ExpressionBinder rightBinder,
            List<BoundExpression> leftKeys,
            List<BoundExpression> rightKeys) {
        if (condition instanceof FunctionCall call
                && call.name().equals("equals")
                && call.arguments().size() == 2) {
            Expression a = call.arguments().get(0);
            Expression b = call.arguments().get(1);
            int sideA = sides.of(a);
            int sideB = sides.of(b);
            if (sideA == Sides.LEFT && sideB == Sides.RIGHT) {
                addKey(leftBinder.bind(a), rightBinder.bind(b), leftKeys, rightKeys);
                return;
            }
            if (sideA == Sides.RIGHT && sideB == Sides.LEFT) {
                addKey(leftBinder.bind(b), rightBinder.bind(a), leftKeys, rightKeys);
                return;
            }
        }
        int side = sides.of(condition);
        Constant one = new Constant(IntegerType.UINT8, 1L);
        if (side == Sides.LEFT || side == Sides.NONE) {
            addKey(SelectPlanner.filterCondition(leftBinder.bind(condition)), one, leftKeys, rightKeys);
        } else if (side == Sides.RIGHT) {
            addKey(one, SelectPlanner.filterCondition(rightBinder.bind(condition)), leftKeys, rightKeys);
        } else {
            throw new ColumbaException(
                    ErrorCode.INVALID_JOIN_ON_EXPRESSION,
                    "Unsupported JOIN ON condition: " + ExpressionFormatter.format(condition)
                            + "; expected equalities of a left and a right expression, AND-ed");
        }
    }

    private static List<Expression> conjuncts(Expression on) {
        List<Expression> result = new ArrayList<>();
        if (on instanceof FunctionCall call && call.name().equals("and")) {
            for (Expression argument : call.arguments()) {
                result.addAll(conjuncts(argument));
            }
        } else {
            result.add(on instanceof Alias alias ? alias.expression() : on);
        }
        return result;
    }

    private static HashJoinOperator.Kind kind(TableJoin.Kind kind) {
        return switch (kind) {
            case INNER, CROSS, COMMA -> HashJoinOperator.Kind.INNER;
            case LEFT -> HashJoinOperator.Kind.LEFT;
            case RIGHT -> HashJoinOperator.Kind.RIGHT;
            case FULL -> HashJoinOperator.Kind.FULL;
            case PASTE -> throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "PASTE JOIN is not supported yet");
        };
    }

    private static HashJoinOperator.Strictness strictness(TableJoin.Strictness strictness, HashJoinOperator.Kind kind) {
        HashJoinOperator.Strictness result = switch (strictness) {
            case UNSPECIFIED, ALL -> HashJoinOperator.Strictness.ALL;
            case ANY -> HashJoinOperator.Strictness.ANY;
            case SEMI -> HashJoinOperator.Strictness.SEMI;
            case ANTI -> HashJoinOperator.Strictness.ANTI;
            case ASOF -> throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "ASOF JOIN is not supported yet");
        };
        boolean leftOnly = kind == HashJoinOperator.Kind.INNER || kind == HashJoinOperator.Kind.LEFT;
        if (result != HashJoinOperator.Strictness.ALL && !leftOnly) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED, strictness + " " + kind + " JOIN is not supported yet");
        }
        if ((result == HashJoinOperator.Strictness.SEMI || result == HashJoinOperator.Strictness.ANTI)
                && kind != HashJoinOperator.Kind.LEFT) {
            throw new ColumbaException(
                    ErrorCode.NOT_IMPLEMENTED, strictness + " " + kind + " JOIN is not supported yet");
        }
        return result;
    }

    /**
     * {@code [LEFT] ARRAY JOIN}: each item an array expression (bound over {@code inner}) and the name its elements
     * take; an item named like a column of {@code inner} replaces that column.
     */
    Source arrayJoin(Source inner, List<Expression> arrays, List<String> elementNames, boolean left) {
        ExpressionBinder binder = binder(inner.names(), inner.types());
        List<BoundExpression> bound = new ArrayList<>();
        for (Expression array : arrays) {
            BoundExpression expression = binder.bind(array);
            if (!(expression.type().withoutNullable() instanceof ArrayType)) {
                throw new ColumbaException(
                        ErrorCode.TYPE_MISMATCH,
                        "ARRAY JOIN requires array argument, got "
                                + expression.type().name() + " in " + ExpressionFormatter.format(array));
            }
            bound.add(expression);
        }
        int width = inner.names().size();
        List<String> names = new ArrayList<>(inner.names());
        List<DataType> types = new ArrayList<>(inner.types());
        List<Integer> targets = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            targets.add(c);
        }
        for (int a = 0; a < bound.size(); a++) {
            DataType element = ArrayType.elementOf(bound.get(a).type());
            int existing = names.indexOf(elementNames.get(a));
            if (existing >= 0) {
                types.set(existing, element);
                targets.set(existing, width + a);
            } else {
                names.add(elementNames.get(a));
                types.add(element);
                targets.add(width + a);
            }
        }
        return new DerivedSource(names, types, targets, inner.visibleCount(), needed -> {
            Set<Integer> innerNeeded = new TreeSet<>();
            for (int position : needed) {
                if (position < width) {
                    innerNeeded.add(position);
                }
            }
            for (BoundExpression array : bound) {
                DerivedSource.collectColumns(array, innerNeeded);
            }
            return new ArrayJoinOperator(DerivedSource.openWide(inner, innerNeeded), bound, left);
        });
    }
}
