package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.expression.Constant;
import io.columba.executor.function.FunctionRegistry;
import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.QueryParameter;
import io.columba.sql.ast.SelectQuery;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.TableReference;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.BoolType;
import io.columba.storage.type.DataType;
import io.columba.storage.type.FloatType;
import io.columba.storage.type.IntegerType;
import io.columba.storage.type.NothingType;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import io.columba.storage.type.WideIntegerType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds alias-expanded AST expressions to an input schema. A hook can claim whole sub-expressions first (the
 * GROUP BY keys and aggregates after aggregation); aggregate calls are refused where no hook takes them.
 */
public final class ExpressionBinder {
    private final FunctionRegistry functions;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;
    private final Function<Expression, BoundExpression> hook;
    private final String scope;
    private Function<io.columba.sql.ast.SelectUnion, Plan> subqueries;

    public ExpressionBinder(
            FunctionRegistry functions,
            List<String> columnNames,
            List<DataType> columnTypes,
            Function<Expression, BoundExpression> hook,
            String scope) {
        this.functions = functions;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
        this.hook = hook;
        this.scope = scope;
    }

    /** This binder, running uncorrelated subqueries ({@code (SELECT ...)}, {@code IN (SELECT ...)}) with the planner. */
    public ExpressionBinder withSubqueries(Function<io.columba.sql.ast.SelectUnion, Plan> planner) {
        this.subqueries = planner;
        return this;
    }

    /** The subquery runner of this binder, for binders derived from it. */
    Function<io.columba.sql.ast.SelectUnion, Plan> subqueries() {
        return subqueries;
    }

    public BoundExpression bind(Expression expression) {
        if (hook != null) {
            BoundExpression claimed = hook.apply(expression);
            if (claimed != null) {
                return claimed;
            }
        }
        return switch (expression) {
            case Literal literal -> literal(literal);
            case Identifier identifier -> column(identifier);
            case Alias alias -> bind(alias.expression());
            case FunctionCall call -> call(call);
            case Asterisk ignored ->
                throw new ColumbaException(
                        ErrorCode.UNKNOWN_IDENTIFIER, "Asterisk is not allowed here in scope " + scope);
            case QueryParameter parameter ->
                throw new ColumbaException(
                        ErrorCode.UNKNOWN_QUERY_PARAMETER, "Substitution `" + parameter.name() + "` is not set");
            case SubqueryExpression subquery -> Subqueries.scalar(run(subquery));
            case io.columba.sql.ast.Lambda ignored ->
                throw new ColumbaException(
                        ErrorCode.BAD_ARGUMENTS,
                        "A lambda is only allowed as the first argument of arrayMap, arrayFilter and the like");
        };
    }

    /** {@code f(x -> body, arrays...)}: the body is bound over the lambda's parameters alone. */
    private BoundExpression bindHigherOrder(FunctionCall call, io.columba.sql.ast.Lambda lambda) {
        String name = call.name();
        if (!io.columba.executor.function.scalar.HigherOrderFunctions.NAMES.contains(name)) {
            throw new ColumbaException(
                    ErrorCode.BAD_ARGUMENTS, "Function " + name + " does not take a lambda as its first argument");
        }
        List<BoundExpression> arrays = new ArrayList<>();
        for (Expression argument : call.arguments().subList(1, call.arguments().size())) {
            arrays.add(bind(argument));
        }
        List<DataType> types = io.columba.executor.function.scalar.HigherOrderFunctions.parameterTypes(name, arrays);
        if (types.size() != lambda.parameters().size()) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Lambda of function " + name + " takes "
                            + lambda.parameters().size() + " arguments, " + types.size() + " arrays were given");
        }
        ExpressionBinder inside = new ExpressionBinder(
                functions,
                lambda.parameters(),
                types,
                null,
                "lambda (the query's columns are not visible inside a lambda yet)");
        BoundExpression body = inside.bind(lambda.body());
        BoundExpression bound = io.columba.executor.function.scalar.HigherOrderFunctions.bind(
                name, lambda.parameters().size(), body, arrays);
        return io.columba.executor.expression.ExpressionEvaluator.isConstant(bound)
                ? io.columba.executor.expression.ExpressionEvaluator.fold(bound)
                : bound;
    }

    private Plan run(SubqueryExpression subquery) {
        if (subqueries == null) {
            throw new ColumbaException(ErrorCode.NOT_IMPLEMENTED, "Subqueries are not supported in " + scope);
        }
        return subqueries.apply(subquery.query());
    }

    /**
     * The right side of {@code x IN name}: the column (or alias) of that name when there is one, else the rows of
     * the table (or common table expression) of that name, as ClickHouse reads {@code x IN t}.
     */
    private BoundExpression tableOrColumn(Identifier name) {
        try {
            return bind(name);
        } catch (ColumbaException unknown) {
            if (unknown.errorCode() != ErrorCode.UNKNOWN_IDENTIFIER
                    || name.parts().size() > 2) {
                throw unknown;
            }
            List<String> parts = name.parts();
            TableReference table = new TableReference(
                    parts.size() == 2 ? parts.get(0) : null, parts.get(parts.size() - 1), false, null);
            SelectQuery everything = new SelectQuery(
                    List.of(),
                    List.of(),
                    false,
                    List.of(new Asterisk(null)),
                    table,
                    List.of(),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    false,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    Map.of(),
                    null,
                    false);
            // A name that is neither a column nor a table is UNKNOWN_TABLE, as ClickHouse reports it.
            return Subqueries.set(subqueries.apply(new SelectUnion(List.of(everything), List.of())));
        }
    }

    private BoundExpression column(Identifier identifier) {
        String name = identifier.name();
        int index = columnNames.indexOf(identifier.fullName());
        if (index < 0) {
            index = columnNames.indexOf(name);
        }
        if (index < 0) {
            throw new ColumbaException(
                    ErrorCode.UNKNOWN_IDENTIFIER,
                    "Unknown expression identifier `" + identifier.fullName() + "` in scope " + scope);
        }
        return new ColumnReference(index, columnTypes.get(index));
    }

    /** The types of the columns this binder binds over. */
    List<DataType> columnTypes() {
        return columnTypes;
    }

    private BoundExpression call(FunctionCall call) {
        if (call.window() != null) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_AGGREGATION,
                    "Window function " + io.columba.sql.ast.ExpressionFormatter.format(call) + " is found in " + scope
                            + " in query");
        }
        if (functions.isAggregate(call.name())) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_AGGREGATION,
                    "Aggregate function " + io.columba.sql.ast.ExpressionFormatter.format(call) + " is found in "
                            + scope + " in query");
        }
        if (!call.arguments().isEmpty() && call.arguments().get(0) instanceof io.columba.sql.ast.Lambda lambda) {
            return bindHigherOrder(call, lambda);
        }
        if (call.name().equalsIgnoreCase("caseWithExpression")) {
            return caseWithExpression(call);
        }
        List<BoundExpression> arguments = new ArrayList<>(call.arguments().size());
        for (int i = 0; i < call.arguments().size(); i++) {
            Expression argument = call.arguments().get(i);
            boolean setOperand = i == 1 && Subqueries.isMembership(call.name());
            if (setOperand && argument instanceof Identifier table && subqueries != null) {
                arguments.add(tableOrColumn(table));
                continue;
            }
            arguments.add(
                    setOperand && argument instanceof SubqueryExpression subquery
                            ? Subqueries.set(run(subquery))
                            : bind(argument));
        }
        return functions.bind(call.name(), arguments);
    }

    /**
     * {@code CASE x WHEN a THEN b ... ELSE c END}, which the parser writes as {@code caseWithExpression(x, a, b, ...,
     * c)}: {@code multiIf(x = a, b, ..., c)}.
     */
    private BoundExpression caseWithExpression(FunctionCall call) {
        List<Expression> arguments = call.arguments();
        if (arguments.size() < 4 || arguments.size() % 2 != 0) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Invalid number of arguments for function caseWithExpression: " + arguments.size()
                            + ", expected the value, pairs of WHEN and THEN, and ELSE");
        }
        BoundExpression value = bind(arguments.get(0));
        List<BoundExpression> branches = new ArrayList<>();
        for (int i = 1; i + 1 < arguments.size(); i += 2) {
            branches.add(functions.bind("equals", List.of(value, bind(arguments.get(i)))));
            branches.add(bind(arguments.get(i + 1)));
        }
        branches.add(bind(arguments.get(arguments.size() - 1)));
        return functions.bind("multiIf", branches);
    }

    /** An integer beyond 64 bits: UInt128 or UInt256, Int128 or Int256 when negative, else Float64. */
    private static Constant bigInteger(java.math.BigInteger value) {
        for (WideIntegerType type : value.signum() < 0
                ? List.of(WideIntegerType.INT128, WideIntegerType.INT256)
                : List.of(WideIntegerType.UINT128, WideIntegerType.UINT256)) {
            if (type.fits(value)) {
                return new Constant(type, type.encode(value));
            }
        }
        return new Constant(FloatType.FLOAT64, value.doubleValue());
    }

    /** A literal with ClickHouse's type: the smallest integer type that holds it, Float64, String, Bool. */
    public static Constant literal(Literal literal) {
        return switch (literal.kind()) {
            case UINT64 -> {
                long value = (Long) literal.value();
                DataType type = value < 0
                        ? IntegerType.UINT64
                        : value <= 0xFF
                                ? IntegerType.UINT8
                                : value <= 0xFFFF
                                        ? IntegerType.UINT16
                                        : value <= 0xFFFF_FFFFL ? IntegerType.UINT32 : IntegerType.UINT64;
                yield new Constant(type, value);
            }
            case INT64 -> {
                long value = (Long) literal.value();
                DataType type = value >= 0
                        ? literal(new Literal(Literal.Kind.UINT64, value)).type()
                        : value >= Byte.MIN_VALUE
                                ? IntegerType.INT8
                                : value >= Short.MIN_VALUE
                                        ? IntegerType.INT16
                                        : value >= Integer.MIN_VALUE ? IntegerType.INT32 : IntegerType.INT64;
                yield new Constant(type, value);
            }
            case FLOAT64 -> new Constant(FloatType.FLOAT64, literal.value());
            case BIG_INTEGER -> bigInteger((java.math.BigInteger) literal.value());
            case STRING -> new Constant(StringType.STRING, ((String) literal.value()).getBytes(StandardCharsets.UTF_8));
            case NULL -> new Constant(NullableType.of(NothingType.NOTHING), null);
            case BOOL -> new Constant(BoolType.BOOL, ((Boolean) literal.value()) ? 1L : 0L);
        };
    }
}
