package io.columba.executor.analyzer;

import io.columba.executor.expression.BoundExpression;
import io.columba.executor.expression.ColumnReference;
import io.columba.executor.function.FunctionRegistry;
import io.columba.executor.function.aggregate.AggregateBinder;
import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.ExpressionFormatter;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Literal;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.TupleType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code untuple(t)} in the select list: one column per element of the tuple, {@code tupleElement(t, i)}, named as
 * ClickHouse's analyzer names them: {@code alias.name} (or {@code alias.i}) when the call has an alias, else
 * {@code tupleElement(t, 'name')} (or {@code tupleElement(t, 'i')}).
 */
final class Untuple {
    private static final String FUNCTION = "untuple";

    private Untuple() {}

    static boolean isUntuple(Expression item) {
        Expression inner = item instanceof Alias alias ? alias.expression() : item;
        return inner instanceof FunctionCall call && call.name().equals(FUNCTION) && call.window() == null;
    }

    /** The columns {@code untuple(t) [AS alias]} stands for; the tuple's type is found over the source's columns. */
    static List<Expression> expand(
            Expression item,
            List<String> names,
            List<DataType> types,
            AliasExpander expander,
            FunctionRegistry functions) {
        String alias = item instanceof Alias named ? named.name() : null;
        FunctionCall call = (FunctionCall) (item instanceof Alias named ? named.expression() : item);
        if (call.arguments().size() != 1) {
            throw new ColumbaException(
                    ErrorCode.NUMBER_OF_ARGUMENTS_DOESNT_MATCH,
                    "Number of arguments for function untuple doesn't match: passed "
                            + call.arguments().size() + ", should be 1");
        }
        Expression tuple = call.arguments().get(0);
        DataType type = typeOf(expander.expand(tuple), names, types, functions);
        if (!(type instanceof TupleType tupleType)) {
            throw new ColumbaException(
                    ErrorCode.ILLEGAL_TYPE_OF_ARGUMENT,
                    "Illegal type " + type.name() + " of argument of function untuple: a Tuple is expected");
        }
        List<Expression> columns = new ArrayList<>();
        for (int i = 0; i < tupleType.elements().size(); i++) {
            String element = tupleType.names() == null
                    ? Integer.toString(i + 1)
                    : tupleType.names().get(i);
            Expression selector = tupleType.names() == null
                    ? new Literal(Literal.Kind.UINT64, (long) i + 1)
                    : Literal.ofString(element);
            String name = alias != null
                    ? alias + "." + element
                    : "tupleElement(" + ExpressionFormatter.columnName(tuple) + ", '" + element + "')";
            columns.add(new Alias(FunctionCall.of("tupleElement", tuple, selector), name));
        }
        return columns;
    }

    /** The type of an expression over the columns, aggregate calls standing for their result type. */
    private static DataType typeOf(
            Expression expression, List<String> names, List<DataType> types, FunctionRegistry functions) {
        ExpressionBinder[] binder = new ExpressionBinder[1];
        binder[0] = new ExpressionBinder(
                functions,
                names,
                types,
                part -> {
                    if (!(part instanceof FunctionCall call)
                            || call.window() != null
                            || !functions.isAggregate(call.name())) {
                        return null;
                    }
                    List<DataType> argumentTypes = new ArrayList<>();
                    for (Expression argument : call.arguments()) {
                        argumentTypes.add(binder[0].bind(argument).type());
                    }
                    AggregateFunction function = call.distinct() && call.name().equalsIgnoreCase("count")
                            ? functions.aggregate("uniqExact")
                            : functions.aggregate(call.distinct() ? call.name() + "Distinct" : call.name());
                    DataType result = AggregateBinder.bind(
                                    function.withParameters(AggregationPlan.parameters(call)), argumentTypes)
                            .resultType();
                    return new ColumnReference(0, result);
                },
                "untuple");
        BoundExpression bound = binder[0].bind(expression);
        return bound.type().withoutNullable();
    }
}
