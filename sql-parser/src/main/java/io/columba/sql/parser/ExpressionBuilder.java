package io.columba.sql.parser;

import io.columba.sql.ast.Alias;
import io.columba.sql.ast.Asterisk;
import io.columba.sql.ast.ColumnTransformer;
import io.columba.sql.ast.Expression;
import io.columba.sql.ast.FunctionCall;
import io.columba.sql.ast.Identifier;
import io.columba.sql.ast.Lambda;
import io.columba.sql.ast.Literal;
import io.columba.sql.ast.OrderByElement;
import io.columba.sql.ast.SelectUnion;
import io.columba.sql.ast.SubqueryExpression;
import io.columba.sql.ast.WindowFrame;
import io.columba.sql.ast.WindowSpec;
import io.columba.sql.parser.ClickHouseParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/** Builds expressions, rewriting operators into ClickHouse's function calls as its own parser does. */
final class ExpressionBuilder extends BuilderPart {
    ExpressionBuilder(AstBuilder root) {
        super(root);
    }

    Expression expression(ExprContext context) {
        return switch (context) {
            case LiteralExprContext literal -> LiteralBuilder.literal(literal.literal());
            case QueryParameterExprContext parameter ->
                LiteralBuilder.queryParameter(parameter.QUERY_PARAMETER().getText());
            // @@name: MySQL's server variable, which ClickHouse reads through globalVariable('name').
            case GlobalVariableExprContext variable ->
                FunctionCall.of(
                        "globalVariable",
                        Literal.ofString(variable.GLOBAL_VARIABLE().getText().substring(2)));
            case AsteriskExprContext asterisk -> new Asterisk(null, transformers(asterisk.columnTransformer()));
            case QualifiedAsteriskExprContext qualified ->
                new Asterisk(
                        String.join(".", nameParts(qualified.compoundIdentifier())),
                        transformers(qualified.columnTransformer()));
            case ColumnsMatcherExprContext matcher ->
                new Asterisk(
                        null,
                        transformers(matcher.columnTransformer()),
                        new FunctionCall("COLUMNS", exprList(matcher.exprList()), null, false));
            case QualifiedColumnsMatcherExprContext matcher ->
                new Asterisk(
                        String.join(".", nameParts(matcher.compoundIdentifier())),
                        transformers(matcher.columnTransformer()),
                        new FunctionCall("COLUMNS", exprList(matcher.exprList()), null, false));
            case CaseExprContext caseExpr -> caseExpression(caseExpr);
            case CastExprContext cast ->
                FunctionCall.of(
                        "CAST", expr(cast.expr()), Literal.ofString(TypeText.format(textOf(cast.columnType()))));
            case CastFunctionExprContext cast -> FunctionCall.of("CAST", expr(cast.expr(0)), expr(cast.expr(1)));
            case IntervalExprContext interval -> interval(interval);
            case IntervalStringExprContext interval -> interval(interval);
            case ExtractExprContext extract -> extract(extract);
            case SubstringFromExprContext substring -> substring(substring);
            case TrimExprContext trim -> trim(trim);
            case TypedLiteralExprContext typed ->
                FunctionCall.of(
                        typed.DATE() != null ? "toDate" : "toDateTime",
                        Literal.ofString(unquoteString(typed.STRING_LITERAL())));
            case QuantifiedSubqueryExprContext quantified ->
                throw syntaxError(quantified.getStart(), "ANY or ALL of a subquery stands after a comparison");
            case FunctionExprContext function -> function(function);
            case ViewExprContext view -> root.selects.viewFunction(view.viewFunction());
            case SubqueryExprContext subquery -> new SubqueryExpression(selectUnion(subquery.selectUnion()));
            case ParenExprContext paren -> expr(paren.aliasedExpr());
            case TupleExprContext tuple -> {
                List<Expression> elements = aliasedExprs(tuple.aliasedExpr());
                yield new FunctionCall(
                        "tuple", elements, null, false, elements.size() > 1 && allConstant(elements, "tuple"));
            }
            case ArrayExprContext array -> {
                List<Expression> elements = exprList(array.exprList());
                yield new FunctionCall(
                        "array", elements, null, false, !elements.isEmpty() && allConstant(elements, "array"));
            }
            case MapExprContext map -> new FunctionCall("map", exprs(map.expr()), null, false);
            case LambdaExprContext lambda ->
                new io.columba.sql.ast.Lambda(List.of(identifier(lambda.identifier())), expr(lambda.expr()));
            case LambdaTupleExprContext lambda ->
                new io.columba.sql.ast.Lambda(
                        lambda.identifier().stream().map(this::identifier).toList(), expr(lambda.expr()));
            case TupleElementShortExprContext element -> tupleElementShort(element);
            case ColumnExprContext column -> new Identifier(nameParts(column.compoundIdentifier()));
            case ArrayElementExprContext element ->
                FunctionCall.of("arrayElement", expr(element.expr(0)), expr(element.expr(1)));
            // x.name after an expression that is no name: the tuple's element of that name.
            case TupleElementNameExprContext element ->
                FunctionCall.of(
                        "tupleElement", expr(element.expr()), Literal.ofString(identifier(element.identifier())));
            case TupleElementExprContext element ->
                FunctionCall.of(
                        "tupleElement",
                        expr(element.expr()),
                        element.DASH() == null
                                ? LiteralBuilder.integerLiteral(
                                        element.DECIMAL_LITERAL().getText())
                                : LiteralBuilder.integerLiteral(
                                        "-" + element.DECIMAL_LITERAL().getText()));
            case CastOperatorExprContext cast ->
                FunctionCall.of(
                        "CAST", castOperand(cast.expr()), Literal.ofString(TypeText.format(textOf(cast.columnType()))));
            case NegateExprContext negate -> negate(negate);
            // ClickHouse's parser drops a unary plus.
            case UnaryPlusExprContext plus -> expr(plus.expr());
            case DistinctFromExprContext distinct ->
                FunctionCall.of(
                        distinct.NOT() == null ? "isDistinctFrom" : "isNotDistinctFrom",
                        expr(distinct.expr(0)),
                        expr(distinct.expr(1)));
            case ExistsExprContext exists ->
                FunctionCall.of("exists", new SubqueryExpression(selectUnion(exists.selectUnion())));
            case MultiplicativeExprContext binary -> binary(binary.expr(0), binary.expr(1), binary.getChild(1));
            case AdditiveExprContext binary -> binary(binary.expr(0), binary.expr(1), binary.getChild(1));
            case ConcatExprContext concat -> flatten("concat", concat.expr(0), concat.expr(1), ConcatExprContext.class);
            case ComparisonExprContext binary
            when binary.expr(1) instanceof QuantifiedSubqueryExprContext quantified ->
                quantifiedComparison(binary, quantified);
            case ComparisonExprContext binary -> binary(binary.expr(0), binary.expr(1), binary.getChild(1));
            case LikeExprContext like
            when like.REGEXP() != null -> {
                Expression match = FunctionCall.of("match", expr(like.expr(0)), expr(like.expr(1)));
                yield like.NOT() == null ? match : FunctionCall.of("not", match);
            }
            case LikeExprContext like ->
                FunctionCall.of(
                        (like.NOT() == null ? "" : "not")
                                + (like.LIKE() != null
                                        ? (like.NOT() == null ? "like" : "Like")
                                        : (like.NOT() == null ? "ilike" : "ILike")),
                        expr(like.expr(0)),
                        expr(like.expr(1)));
            case InExprContext in ->
                FunctionCall.of(
                        (in.GLOBAL() != null ? "global" : "")
                                + (in.NOT() != null
                                        ? (in.GLOBAL() != null ? "NotIn" : "notIn")
                                        : (in.GLOBAL() != null ? "In" : "in")),
                        expr(in.expr(0)),
                        expr(in.expr(1)));
            case IsNullExprContext isNull ->
                FunctionCall.of(isNull.NOT() == null ? "isNull" : "isNotNull", expr(isNull.expr()));
            case BetweenExprContext between -> between(between);
            case NotExprContext not -> FunctionCall.of("not", expr(not.expr()));
            case AndExprContext and -> flatten("and", and.expr(0), and.expr(1), AndExprContext.class);
            case OrExprContext or -> flatten("or", or.expr(0), or.expr(1), OrExprContext.class);
            case TernaryExprContext ternary ->
                FunctionCall.of("if", expr(ternary.expr(0)), expr(ternary.expr(1)), expr(ternary.expr(2)));
            default ->
                throw new IllegalStateException(
                        "unknown expression " + context.getClass().getSimpleName());
        };
    }

    /** {@code 42::Int8} casts the text as written: ClickHouse turns a number or a constant array into a string. */
    private Expression castOperand(ExprContext context) {
        return writtenConstant(context) ? Literal.ofString(textOf(context)) : expr(context);
    }

    /** A number, or brackets and parentheses of constants ({@code [(0, 0), (1, 2)]}, {@code []}): read as text. */
    private static boolean writtenConstant(ExprContext context) {
        return switch (context) {
            case LiteralExprContext literal ->
                literal.literal().STRING_LITERAL() == null
                        && literal.literal().NULL_SQL() == null
                        && literal.literal().TRUE() == null
                        && literal.literal().FALSE() == null
                        && literal.literal().HEREDOC() == null;
            case ArrayExprContext array ->
                array.exprList() == null
                        || array.exprList().aliasedExpr().stream().allMatch(ExpressionBuilder::constantElement);
            case TupleExprContext tuple -> tuple.aliasedExpr().stream().allMatch(ExpressionBuilder::constantElement);
            default -> false;
        };
    }

    private static boolean constantElement(AliasedExprContext element) {
        ExprContext context = element.expr();
        return element.identifier() == null && constantElement(context);
    }

    private static boolean constantElement(ExprContext context) {
        return context instanceof LiteralExprContext
                || context instanceof NegateExprContext negate && negate.expr() instanceof LiteralExprContext
                || writtenConstant(context);
    }

    /** {@code -1} is a literal and {@code -1::Int32} casts the number -1, as ClickHouse reads them. */
    private Expression negate(NegateExprContext negate) {
        if (negate.expr() instanceof CastOperatorExprContext cast
                && cast.expr() instanceof LiteralExprContext number
                && writtenConstant(number)) {
            return FunctionCall.of(
                    "CAST",
                    Literal.ofString("-" + textOf(number)),
                    Literal.ofString(TypeText.format(textOf(cast.columnType()))));
        }
        if (!(negate.expr() instanceof LiteralExprContext)) {
            // Only a number written right after the minus folds into a literal: -(-1) and - -1 negate -1.
            return FunctionCall.of("negate", expr(negate.expr()));
        }
        return LiteralBuilder.negate(expr(negate.expr()));
    }

    /** ClickHouse's parser reads brackets of constants and parentheses of constants (each nested in its own kind) as one literal. */
    private static boolean allConstant(List<Expression> elements, String collection) {
        for (Expression element : elements) {
            boolean constant = element instanceof Literal
                    || element instanceof FunctionCall call
                            && call.literal()
                            && call.name().equals(collection);
            if (!constant) {
                return false;
            }
        }
        return true;
    }

    private Expression binary(ExprContext left, ExprContext right, org.antlr.v4.runtime.tree.ParseTree operator) {
        // The Unicode minus sign is a minus.
        String name = switch (operator.getText().replace('\u2212', '-').toUpperCase(Locale.ROOT)) {
            case "*" -> "multiply";
            case "DIV" -> "intDiv";
            case "MOD" -> "modulo";
            case "/" -> "divide";
            case "%" -> "modulo";
            case "+" -> "plus";
            case "-" -> "minus";
            case "=", "==" -> "equals";
            case "!=", "<>" -> "notEquals";
            case "<" -> "less";
            case ">" -> "greater";
            case "<=" -> "lessOrEquals";
            case ">=" -> "greaterOrEquals";
            case "<=>" -> "isNotDistinctFrom";
            default -> throw new IllegalStateException("unknown operator " + operator.getText());
        };
        return FunctionCall.of(name, expr(left), expr(right));
    }

    /** {@code a AND b AND c} is one call; parentheses or a BETWEEN start a call of their own, as in ClickHouse. */
    private Expression flatten(String name, ExprContext left, ExprContext right, Class<? extends ExprContext> chain) {
        List<Expression> arguments = new ArrayList<>();
        for (ExprContext sideContext : List.of(left, right)) {
            Expression side = expr(sideContext);
            if (chain.isInstance(sideContext)
                    && side instanceof FunctionCall call
                    && call.name().equals(name)) {
                arguments.addAll(call.arguments());
            } else {
                arguments.add(side);
            }
        }
        return new FunctionCall(name, arguments, null, false);
    }

    private Expression between(BetweenExprContext between) {
        Expression value = expr(between.expr(0));
        Expression low = expr(between.expr(1));
        Expression high = expr(between.expr(2));
        if (between.NOT() != null) {
            return FunctionCall.of("or", FunctionCall.of("less", value, low), FunctionCall.of("greater", value, high));
        }
        return FunctionCall.of(
                "and", FunctionCall.of("greaterOrEquals", value, low), FunctionCall.of("lessOrEquals", value, high));
    }

    /** ClickHouse folds a minus sign into a number literal: {@code -1} is the literal Int64 -1. */
    /** {@code t.1} lexes as {@code t} and the float {@code .1}: only a dot and digits make a tuple index. */
    private Expression tupleElementShort(TupleElementShortExprContext element) {
        String text = element.FLOATING_LITERAL().getText();
        if (!text.matches("\\.[0-9]+")) {
            Token token = element.FLOATING_LITERAL().getSymbol();
            throw syntaxError(token, "expected an operator or a tuple index such as .1");
        }
        return FunctionCall.of("tupleElement", expr(element.expr()), LiteralBuilder.integerLiteral(text.substring(1)));
    }

    private Expression caseExpression(CaseExprContext context) {
        boolean hasSubject = context.caseSubject != null;
        boolean hasElse = context.ELSE() != null;
        List<Expression> arguments = new ArrayList<>();
        if (hasSubject) {
            arguments.add(expr(context.caseSubject));
        }
        arguments.addAll(aliasedExprs(context.aliasedExpr()));
        if (!hasElse) {
            arguments.add(Literal.ofNull());
        }
        if (hasSubject) {
            return new FunctionCall("caseWithExpression", arguments, null, false);
        }
        return new FunctionCall("multiIf", arguments, null, false);
    }

    private static final java.util.Set<String> INTERVAL_UNITS = java.util.Set.of(
            "nanosecond",
            "microsecond",
            "millisecond",
            "second",
            "minute",
            "hour",
            "day",
            "week",
            "month",
            "quarter",
            "year");

    /** The short names of interval units that ClickHouse takes from MySQL and SQL Server: {@code INTERVAL 4 h}. */
    private static final java.util.Map<String, String> SHORT_INTERVAL_UNITS = java.util.Map.ofEntries(
            java.util.Map.entry("ns", "nanosecond"),
            java.util.Map.entry("us", "microsecond"),
            java.util.Map.entry("ms", "millisecond"),
            java.util.Map.entry("s", "second"),
            java.util.Map.entry("ss", "second"),
            java.util.Map.entry("mi", "minute"),
            java.util.Map.entry("n", "minute"),
            java.util.Map.entry("h", "hour"),
            java.util.Map.entry("hh", "hour"),
            java.util.Map.entry("d", "day"),
            java.util.Map.entry("dd", "day"),
            java.util.Map.entry("wk", "week"),
            java.util.Map.entry("ww", "week"),
            java.util.Map.entry("m", "month"),
            java.util.Map.entry("mm", "month"),
            java.util.Map.entry("q", "quarter"),
            java.util.Map.entry("qq", "quarter"),
            java.util.Map.entry("yy", "year"),
            java.util.Map.entry("yyyy", "year"));

    private Expression interval(IntervalExprContext context) {
        String unit = intervalUnit(context.IDENTIFIER().getText());
        if (!INTERVAL_UNITS.contains(unit)) {
            Token token = context.IDENTIFIER().getSymbol();
            throw syntaxError(
                    token, "expected an interval unit (SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR)");
        }
        return FunctionCall.of(intervalFunction(unit), expr(context.aliasedExpr()));
    }

    /**
     * {@code INTERVAL '2 day'}: the string holds the count and the unit; with several of them
     * ({@code INTERVAL '1 day -2 hour'}) it is the tuple of their intervals, as ClickHouse reads it.
     */
    private Expression interval(IntervalStringExprContext context) {
        Token token = context.STRING_LITERAL().getSymbol();
        String[] words = unquoteString(context.STRING_LITERAL()).strip().split("\\s+");
        if (words.length % 2 != 0) {
            throw syntaxError(token, "expected an interval such as '2 day' (a count and a unit)");
        }
        List<Expression> intervals = new ArrayList<>(words.length / 2);
        for (int i = 0; i < words.length; i += 2) {
            String unit = intervalUnit(words[i + 1]);
            if (!INTERVAL_UNITS.contains(unit) || !words[i].matches("-?[0-9]{1,18}")) {
                throw syntaxError(token, "expected an interval such as '2 day' (a count and a unit)");
            }
            Literal count = words[i].startsWith("-")
                    ? new Literal(Literal.Kind.INT64, Long.parseLong(words[i]))
                    : LiteralBuilder.integerLiteral(words[i]);
            intervals.add(FunctionCall.of(intervalFunction(unit), count));
        }
        return intervals.size() == 1 ? intervals.get(0) : new FunctionCall("tuple", intervals, null, false);
    }

    /** A unit as written ({@code DAYS}, {@code dd}, {@code SQL_TSI_DAY}) under its name ({@code day}). */
    private static String intervalUnit(String written) {
        String unit = written.toLowerCase(Locale.ROOT);
        if (unit.startsWith("sql_tsi_")) {
            unit = unit.substring("sql_tsi_".length());
        }
        unit = SHORT_INTERVAL_UNITS.getOrDefault(unit, unit);
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }

    private static String intervalFunction(String unit) {
        return "toInterval" + Character.toUpperCase(unit.charAt(0)) + unit.substring(1);
    }

    /** {@code SUBSTRING(s FROM start [FOR length])} is {@code substring(s, start[, length])}, as in ClickHouse. */
    private Expression substring(SubstringFromExprContext context) {
        String name = identifier(context.identifier());
        if (!isSubstring(name)) {
            throw syntaxError(context.FROM().getSymbol(), "expected ',' or ')': only EXTRACT and SUBSTRING take FROM");
        }
        return new FunctionCall(name, exprs(context.expr()), null, false);
    }

    private static boolean isSubstring(String name) {
        return name.equalsIgnoreCase("substring") || name.equalsIgnoreCase("substr");
    }

    /** {@code EXTRACT(unit FROM x)} is the calendar function of that unit, as ClickHouse rewrites it. */
    private Expression extract(ExtractExprContext context) {
        String name = identifier(context.identifier(0));
        if (isSubstring(name)) {
            // SUBSTRING(column FROM n) reads like EXTRACT(unit FROM x) up to its FROM.
            return FunctionCall.of(name, Identifier.of(identifier(context.identifier(1))), expr(context.expr()));
        }
        if (!name.equalsIgnoreCase("extract")) {
            throw syntaxError(context.FROM().getSymbol(), "expected ',' or ')': only EXTRACT takes FROM");
        }
        String function = switch (intervalUnit(identifier(context.identifier(1)))) {
            case "second" -> "toSecond";
            case "minute" -> "toMinute";
            case "hour" -> "toHour";
            case "day" -> "toDayOfMonth";
            case "week" -> "toISOWeek";
            case "month" -> "toMonth";
            case "quarter" -> "toQuarter";
            case "year" -> "toYear";
            default ->
                throw syntaxError(
                        context.identifier(1).getStart(),
                        "expected SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR after EXTRACT(");
        };
        return FunctionCall.of(function, expr(context.expr()));
    }

    private Expression function(FunctionExprContext context) {
        String name = identifier(context.identifier());
        List<ExprListContext> lists = context.exprList();
        WindowSpec window = context.windowSpec() != null
                ? windowSpec(context.windowSpec())
                : context.windowName() == null ? null : namedWindow(context.windowName());
        int clauseParentheses = (context.windowSpec() == null ? 0 : 1) + (context.FILTER() == null ? 0 : 1);
        boolean parametric = context.LPAREN().size() - clauseParentheses > 1;
        List<Expression> first = new ArrayList<>();
        List<Expression> second = new ArrayList<>();
        int listIndex = 0;
        // Each parenthesized group holds an optional list; walk the children to know which list is where.
        boolean inSecond = false;
        int parens = 0;
        boolean distinct = false;
        for (var child : context.children) {
            if (child instanceof org.antlr.v4.runtime.tree.TerminalNode terminal) {
                int type = terminal.getSymbol().getType();
                if (type == ClickHouseLexer.LPAREN) {
                    parens++;
                    inSecond = parens == 2;
                } else if (type == ClickHouseLexer.DISTINCT) {
                    distinct = true;
                }
            } else if (child instanceof ExprListContext list) {
                (inSecond ? second : first).addAll(exprList(list));
                listIndex++;
            }
        }
        if (listIndex > lists.size()) {
            throw new IllegalStateException("argument lists out of step");
        }
        List<Expression> arguments = parametric ? second : first;
        List<Expression> parameters = parametric ? first : null;
        if (context.filter != null) {
            // f(x) FILTER (WHERE c) is the -If combinator, f(x, c), as ClickHouse rewrites it.
            name = name + "If";
            arguments = new ArrayList<>(arguments);
            arguments.add(expr(context.filter));
        }
        if (context.RESPECT() != null) {
            // Aggregates skip NULLs unless asked: RESPECT NULLS is the _respect_nulls variant, as ClickHouse names it.
            name = name + "_respect_nulls";
        }
        if (!parametric && window == null && !distinct) {
            Expression operator = operatorFunction(name, arguments);
            if (operator != null) {
                return operator;
            }
        }
        if (arguments.size() == 1
                && arguments.get(0) instanceof Asterisk asterisk
                && asterisk.qualifier() == null
                && name.equalsIgnoreCase("count")) {
            return new FunctionCall(name, List.of(), parameters, distinct, false, true, window);
        }
        return new FunctionCall(name, arguments, parameters, distinct, false, false, window);
    }

    /**
     * Calls ClickHouse's parser reads as operators or rewrites: {@code NOT (x)} is {@code not(x)}, {@code trim(s)}
     * is {@code trimBoth(s)}; null for any other call.
     */
    private static Expression operatorFunction(String name, List<Expression> arguments) {
        if (name.equalsIgnoreCase("not") && arguments.size() == 1) {
            return FunctionCall.of("not", arguments.get(0));
        }
        if (name.equalsIgnoreCase("trim") && arguments.size() == 1) {
            return FunctionCall.of("trimBoth", arguments.get(0));
        }
        return null;
    }

    /** {@code OVER w}: the window named {@code w} in the WINDOW clause. */
    private WindowSpec namedWindow(WindowNameContext context) {
        root.namedWindowReferences++;
        return new WindowSpec(List.of(), List.of(), null, unquoteIdentifier(context.getText()), true);
    }

    WindowSpec windowSpec(WindowSpecContext context) {
        List<Expression> partitionBy = context.exprList() == null ? List.of() : exprList(context.exprList());
        List<OrderByElement> orderBy = new ArrayList<>();
        for (OrderItemContext item : context.orderItem()) {
            orderBy.add(orderItem(item));
        }
        WindowFrame frame = null;
        if (context.windowFrame() != null) {
            WindowFrameContext written = context.windowFrame();
            List<FrameBoundContext> bounds = written.frameBound();
            WindowFrame.Bound start = frameBound(bounds.get(0));
            WindowFrame.Bound end = bounds.size() > 1 ? frameBound(bounds.get(1)) : WindowFrame.Bound.CURRENT_ROW;
            frame = new WindowFrame(written.ROWS() != null, start, end);
        }
        if (context.windowName() == null) {
            return new WindowSpec(partitionBy, orderBy, frame);
        }
        root.namedWindowReferences++;
        return new WindowSpec(
                partitionBy,
                orderBy,
                frame,
                unquoteIdentifier(context.windowName().getText()),
                false);
    }

    private WindowFrame.Bound frameBound(FrameBoundContext context) {
        if (context.CURRENT() != null) {
            return WindowFrame.Bound.CURRENT_ROW;
        }
        if (context.UNBOUNDED() != null) {
            return new WindowFrame.Bound(
                    context.PRECEDING() != null
                            ? WindowFrame.Kind.UNBOUNDED_PRECEDING
                            : WindowFrame.Kind.UNBOUNDED_FOLLOWING,
                    null);
        }
        return new WindowFrame.Bound(
                context.PRECEDING() != null ? WindowFrame.Kind.PRECEDING : WindowFrame.Kind.FOLLOWING,
                expr(context.expr()));
    }

    private List<ColumnTransformer> transformers(List<ColumnTransformerContext> written) {
        List<ColumnTransformer> transformers = new ArrayList<>(written.size());
        for (ColumnTransformerContext transformer : written) {
            transformers.add(transformer(transformer));
        }
        return transformers;
    }

    private ColumnTransformer transformer(ColumnTransformerContext transformer) {
        return switch (transformer) {
            case ApplyTransformerContext apply -> new ColumnTransformer.Apply(applied(apply));
            case ExceptTransformerContext except ->
                new ColumnTransformer.Except(
                        except.columnName().stream().map(this::columnName).toList(),
                        except.STRING_LITERAL() == null ? null : unquoteString(except.STRING_LITERAL()),
                        except.STRICT() != null);
            case ReplaceTransformerContext replace -> {
                List<Alias> replacements = new ArrayList<>();
                for (ReplacementContext replacement : replace.replacement()) {
                    replacements.add(new Alias(expr(replacement.expr()), identifier(replacement.identifier())));
                }
                yield new ColumnTransformer.Replace(replacements, replace.STRICT() != null);
            }
            default -> throw new IllegalStateException("unknown column transformer");
        };
    }

    /**
     * What {@code APPLY} applies: {@code (f)}, {@code f}, {@code x -> ...}, or a call written without parentheses
     * around it, {@code quantiles(0.5)} or {@code lambda(tuple(x), x + 1)} (a lambda as ClickHouse writes it).
     */
    private Expression applied(ApplyTransformerContext apply) {
        if (apply.identifier() == null) {
            return expr(apply.expr());
        }
        String name = identifier(apply.identifier());
        if (apply.ARROW() != null) {
            return new Lambda(List.of(name), expr(apply.expr()));
        }
        if (apply.LPAREN() == null) {
            return new Identifier(List.of(name));
        }
        List<Expression> arguments = exprList(apply.exprList());
        if (name.equals("lambda")
                && arguments.size() == 2
                && arguments.get(0) instanceof FunctionCall tuple
                && tuple.name().equals("tuple")
                && tuple.arguments().stream()
                        .allMatch(parameter -> parameter instanceof Identifier identifier
                                && identifier.parts().size() == 1)) {
            List<String> parameters = tuple.arguments().stream()
                    .map(parameter -> ((Identifier) parameter).name())
                    .toList();
            return new Lambda(parameters, arguments.get(1));
        }
        return new FunctionCall(name, arguments, null, false);
    }

    /** {@code trim(LEADING x FROM s)} is {@code trimLeft(s, x)}, TRAILING trimRight and BOTH trimBoth. */
    private Expression trim(TrimExprContext trim) {
        if (!identifier(trim.identifier()).equalsIgnoreCase("trim")) {
            throw syntaxError(trim.getStart(), "expected ',' or ')': only TRIM takes LEADING, TRAILING or BOTH");
        }
        String function = trim.LEADING() != null ? "trimLeft" : trim.TRAILING() != null ? "trimRight" : "trimBoth";
        return FunctionCall.of(function, expr(trim.expr(1)), expr(trim.expr(0)));
    }

    /**
     * A comparison with ANY or ALL of a subquery's values, rewritten as ClickHouse does: {@code = ANY} is IN and
     * {@code != ALL} NOT IN; {@code = ALL} and {@code != ANY} compare with the one value of the subquery
     * ({@code singleValueOrNull}); {@code < ANY} compares with its greatest value, {@code < ALL} with its least, and
     * the other way round for {@code >}.
     */
    private Expression quantifiedComparison(
            ComparisonExprContext comparison, QuantifiedSubqueryExprContext quantified) {
        boolean any = quantified.ANY() != null;
        Expression left = expr(comparison.expr(0));
        SelectUnion values = selectUnion(quantified.selectUnion());
        int operator = ((org.antlr.v4.runtime.tree.TerminalNode) comparison.getChild(1))
                .getSymbol()
                .getType();
        if (operator == ClickHouseLexer.NULL_SAFE_EQ) {
            throw syntaxError(quantified.getStart(), "<=> does not compare with ANY or ALL");
        }
        boolean equals = operator == ClickHouseLexer.EQ_DOUBLE || operator == ClickHouseLexer.EQ_SINGLE;
        if (equals || operator == ClickHouseLexer.NOT_EQ) {
            SubqueryExpression right = equals == any
                    ? new SubqueryExpression(values)
                    : new SubqueryExpression(aggregateOf("singleValueOrNull", values));
            return FunctionCall.of(equals ? "in" : "notIn", left, right);
        }
        boolean less = operator == ClickHouseLexer.LT || operator == ClickHouseLexer.LE;
        String aggregate = less == any ? "max" : "min";
        String function = switch (operator) {
            case ClickHouseLexer.LT -> "less";
            case ClickHouseLexer.LE -> "lessOrEquals";
            case ClickHouseLexer.GT -> "greater";
            default -> "greaterOrEquals";
        };
        return FunctionCall.of(function, left, new SubqueryExpression(aggregateOf(aggregate, values)));
    }

    /** {@code SELECT aggregate(*) FROM (values)}. */
    private static SelectUnion aggregateOf(String aggregate, SelectUnion values) {
        return SelectUnion.of(io.columba.sql.ast.SelectQuery.of(
                List.of(FunctionCall.of(aggregate, new Asterisk(null))),
                new io.columba.sql.ast.SubqueryTable(values, null)));
    }
}
