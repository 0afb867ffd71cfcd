package io.columba.executor.function;

import io.columba.executor.function.aggregate.AggregateFunction;
import io.columba.executor.function.aggregate.ArgMinMaxFunction;
import io.columba.executor.function.aggregate.AvgFunction;
import io.columba.executor.function.aggregate.CountFunction;
import io.columba.executor.function.aggregate.GroupArrayFunction;
import io.columba.executor.function.aggregate.GroupUniqArrayFunction;
import io.columba.executor.function.aggregate.MinMaxFunction;
import io.columba.executor.function.aggregate.MomentFunction;
import io.columba.executor.function.aggregate.QuantileFunction;
import io.columba.executor.function.aggregate.SumFunction;
import io.columba.executor.function.aggregate.SumWithOverflowFunction;
import io.columba.executor.function.aggregate.TopKFunction;
import io.columba.executor.function.aggregate.UniqExactFunction;
import io.columba.executor.function.aggregate.UniqFunction;
import io.columba.executor.function.scalar.ArithmeticFunctions;
import io.columba.executor.function.scalar.ComparisonFunctions;
import io.columba.executor.function.scalar.ConditionalFunctions;
import io.columba.executor.function.scalar.ConversionFunctions;
import io.columba.executor.function.scalar.DateFunctions;
import io.columba.executor.function.scalar.LogicalFunctions;
import io.columba.executor.function.scalar.StringFunctions;
import java.util.ArrayList;
import java.util.List;

/** The one explicit list of every built-in function: no classpath scanning. */
public final class BuiltinFunctions {
    private BuiltinFunctions() {}

    static List<ScalarFunction> scalars() {
        List<ScalarFunction> all = new ArrayList<>();
        all.addAll(ArithmeticFunctions.all());
        all.addAll(ComparisonFunctions.all());
        all.addAll(LogicalFunctions.all());
        all.addAll(ConditionalFunctions.all());
        all.addAll(ConversionFunctions.all());
        all.addAll(DateFunctions.all());
        all.addAll(StringFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ArrayFunctions.all());
        all.addAll(io.columba.executor.function.scalar.IntervalFunctions.all());
        all.addAll(io.columba.executor.function.scalar.MatchFunctions.all());
        all.addAll(io.columba.executor.function.scalar.InFunctions.all());
        all.addAll(io.columba.executor.function.scalar.RoundingFunctions.all());
        all.addAll(io.columba.executor.function.scalar.NullFunctions.all());
        all.addAll(io.columba.executor.function.scalar.HigherOrderFunctions.all());
        all.addAll(io.columba.executor.function.scalar.RegexpFunctions.all());
        all.addAll(io.columba.executor.function.scalar.StringSearchFunctions.all());
        all.addAll(io.columba.executor.function.scalar.TextFunctions.all());
        all.addAll(io.columba.executor.function.scalar.EncodingFunctions.all());
        all.addAll(io.columba.executor.function.scalar.SplitFunctions.all());
        all.addAll(io.columba.executor.function.scalar.UrlFunctions.all());
        all.addAll(io.columba.executor.function.scalar.JsonFunctions.all());
        all.addAll(io.columba.executor.function.scalar.SimpleJsonFunctions.all());
        all.addAll(io.columba.executor.function.scalar.JsonExtractFunction.all());
        all.addAll(io.columba.executor.function.scalar.OrNullConversions.all());
        all.addAll(io.columba.executor.function.scalar.CalendarFunctions.all());
        all.addAll(io.columba.executor.function.scalar.DateArithmeticFunctions.all());
        all.addAll(io.columba.executor.function.scalar.EpochFunctions.all());
        all.addAll(io.columba.executor.function.scalar.DateFormatFunctions.all());
        all.addAll(io.columba.executor.function.scalar.BestEffortFunctions.all());
        all.addAll(io.columba.executor.function.scalar.MathFunctions.all());
        all.addAll(io.columba.executor.function.scalar.IntegerFunctions.all());
        all.addAll(io.columba.executor.function.scalar.GreatestLeastFunctions.all());
        all.addAll(io.columba.executor.function.scalar.HashFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ArraySetFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ServerFunctions.all());
        all.addAll(io.columba.executor.function.scalar.JsonPathFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ValueFunctions.all());
        all.addAll(io.columba.executor.function.scalar.TransformFunction.all());
        all.addAll(io.columba.executor.function.scalar.BlockFunctions.all());
        all.addAll(io.columba.executor.function.scalar.UrlParameterFunctions.all());
        all.addAll(io.columba.executor.function.scalar.BucketFunctions.all());
        all.addAll(io.columba.executor.function.scalar.IntegerBitFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ReinterpretFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ReadableFormatFunctions.all());
        all.addAll(io.columba.executor.function.scalar.TokenFunctions.all());
        all.addAll(io.columba.executor.function.scalar.TextEditFunctions.all());
        all.addAll(io.columba.executor.function.scalar.IpAddressFunctions.all());
        all.addAll(io.columba.executor.function.scalar.TimeFunctions.all());
        all.addAll(io.columba.executor.function.scalar.AccurateCastFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ParseDateTimeFunctions.all());
        all.addAll(io.columba.executor.function.scalar.InitializeAggregationFunction.all());
        all.addAll(io.columba.executor.function.scalar.DistanceFunctions.all());
        all.addAll(io.columba.executor.function.scalar.Utf8TextFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ArrayShapeFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ArrayElementFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ArrayAggregateFunctions.all());
        all.addAll(io.columba.executor.function.scalar.ThetaSketchFunctions.all());
        return all;
    }

    /** The functions the planner evaluates itself: window functions over OVER (...), arrayJoin, countDistinct. */
    static List<PlannedFunction> planned() {
        String over = " FROM numbers(3)";
        return List.of(
                PlannedFunction.ranking(
                        "row_number",
                        "The number of the row in its window partition, from 1, in the window's order. UInt64.",
                        "SELECT row_number() OVER (ORDER BY number)" + over),
                PlannedFunction.ranking(
                        "rank",
                        "The rank of the row in its partition with gaps: peers (equal ORDER BY keys) share the"
                                + " number of the first of them. UInt64.",
                        "SELECT rank() OVER (ORDER BY intDiv(number, 2))" + over),
                PlannedFunction.ranking(
                                "dense_rank",
                                "The rank of the row in its partition without gaps: peers share a rank, the next"
                                        + " group takes the next number. UInt64.",
                                "SELECT dense_rank() OVER (ORDER BY intDiv(number, 2))" + over)
                        .withAliases("denseRank"),
                PlannedFunction.ranking(
                                "percent_rank",
                                "(rank - 1) / (partition rows - 1), 0 for a partition of one row. Float64.",
                                "SELECT percent_rank() OVER (ORDER BY number)" + over)
                        .withAliases("percentRank"),
                PlannedFunction.ranking(
                        "cume_dist",
                        "The fraction of the partition's rows that come before the row or are its peers. Float64.",
                        "SELECT cume_dist() OVER (ORDER BY intDiv(number, 2))" + over),
                PlannedFunction.ranking(
                        "ntile",
                        "ntile(n): the number, from 1 to n, of the bucket the row falls in when its partition is"
                                + " cut into n buckets of as equal sizes as can be (earlier buckets one larger).",
                        "SELECT ntile(2) OVER (ORDER BY number)" + over),
                PlannedFunction.window(
                        "lagInFrame",
                        "lagInFrame(x[, offset[, default]]): x of the row offset (1) rows before in the window"
                                + " frame, or default (the type's default) when that row lies outside the frame.",
                        "SELECT lagInFrame(number) OVER (ORDER BY number)" + over),
                PlannedFunction.window(
                        "leadInFrame",
                        "leadInFrame(x[, offset[, default]]): x of the row offset (1) rows after in the window"
                                + " frame, or default when that row lies outside the frame.",
                        "SELECT leadInFrame(number) OVER (ORDER BY number ROWS BETWEEN UNBOUNDED PRECEDING AND"
                                + " UNBOUNDED FOLLOWING)" + over),
                PlannedFunction.window(
                        "lag",
                        "lag(x[, offset[, default]]): lagInFrame over the whole partition, whatever the frame.",
                        "SELECT lag(number) OVER (ORDER BY number)" + over),
                PlannedFunction.window(
                        "lead",
                        "lead(x[, offset[, default]]): leadInFrame over the whole partition, whatever the frame.",
                        "SELECT lead(number) OVER (ORDER BY number)" + over),
                PlannedFunction.window(
                        "nth_value",
                        "nth_value(x, n): x of the n-th row (from 1) of the window frame, or the type's default"
                                + " when the frame has fewer rows.",
                        "SELECT nth_value(number, 2) OVER (ORDER BY number)" + over),
                new PlannedFunction(
                        "arrayJoin",
                        List.of(),
                        false,
                        false,
                        "arrayJoin(array): one row per element of the array, the other columns repeated (an empty"
                                + " array gives no row); several calls on the same array share one expansion.",
                        "SELECT arrayJoin([1, 2, 3])"),
                new PlannedFunction(
                        "untuple",
                        List.of(),
                        false,
                        false,
                        "untuple(t) in the select list: one column per element of the tuple, named alias.name (or"
                                + " alias.N) under an alias, else tupleElement(t, 'name').",
                        "SELECT untuple((1, 'a')) AS x"),
                new PlannedFunction(
                        "getSetting",
                        List.of(),
                        false,
                        false,
                        "getSetting('name'): the value of a setting as the query sees it (its SETTINGS clause, the"
                                + " request, else the default), typed as the setting (a number, Bool or String);"
                                + " an unknown name is UNKNOWN_SETTING.",
                        "SELECT getSetting('max_threads') > 0, getSetting('join_use_nulls') SETTINGS join_use_nulls = 1"),
                new PlannedFunction(
                        "countDistinct",
                        List.of(),
                        true,
                        false,
                        "countDistinct(x, ...) or count(DISTINCT x, ...): the exact number of distinct non-NULL"
                                + " values (or tuples), as uniqExact; -If and the other combinators apply.",
                        "SELECT countDistinct(number % 3), countDistinctIf(number, number > 5) FROM numbers(10)"));
    }

    static List<AggregateFunction> aggregates() {
        List<AggregateFunction> all = new ArrayList<>(List.of(
                new CountFunction(),
                new SumFunction(),
                new AvgFunction(),
                new MinMaxFunction(MinMaxFunction.Kind.MIN),
                new MinMaxFunction(MinMaxFunction.Kind.MAX),
                new MinMaxFunction(MinMaxFunction.Kind.ANY),
                new UniqExactFunction(),
                new GroupArrayFunction()));
        all.addAll(QuantileFunction.all());
        all.add(new io.columba.executor.function.aggregate.QuantileExactWeightedFunction(false));
        all.add(new io.columba.executor.function.aggregate.QuantileExactWeightedFunction(true));
        all.add(new MinMaxFunction(MinMaxFunction.Kind.ANY_LAST));
        for (MomentFunction.Kind kind : MomentFunction.Kind.values()) {
            all.add(new MomentFunction(kind));
        }
        for (UniqFunction.Kind kind : UniqFunction.Kind.values()) {
            all.add(new UniqFunction(kind));
        }
        all.add(new ArgMinMaxFunction(true));
        all.add(new ArgMinMaxFunction(false));
        all.add(new TopKFunction());
        all.add(new GroupUniqArrayFunction());
        all.add(new io.columba.executor.function.aggregate.SumMapFunction());
        all.add(new SumWithOverflowFunction());
        all.add(new io.columba.executor.function.aggregate.GroupBitmapFunction());
        all.add(new io.columba.executor.function.aggregate.HistogramFunction());
        for (var kind : io.columba.executor.function.aggregate.BitwiseFunction.Kind.values()) {
            all.add(new io.columba.executor.function.aggregate.BitwiseFunction(kind));
        }
        for (var kind : io.columba.executor.function.aggregate.PairStatisticsFunction.Kind.values()) {
            all.add(new io.columba.executor.function.aggregate.PairStatisticsFunction(kind));
        }
        all.add(new io.columba.executor.function.aggregate.SumMapFunction(
                io.columba.executor.function.aggregate.SumMapFunction.Operation.MAX));
        all.add(new io.columba.executor.function.aggregate.SumMapFunction(
                io.columba.executor.function.aggregate.SumMapFunction.Operation.MIN));
        all.add(new TopKFunction(true));
        all.add(new io.columba.executor.function.aggregate.AnyHeavyFunction());
        all.add(new io.columba.executor.function.aggregate.EntropyFunction());
        all.add(new io.columba.executor.function.aggregate.DeltaSumFunction());
        all.add(new io.columba.executor.function.aggregate.GroupArrayInsertAtFunction());
        all.add(new io.columba.executor.function.aggregate.RetentionFunction());
        all.add(new io.columba.executor.function.aggregate.WindowFunnelFunction());
        all.add(new io.columba.executor.function.aggregate.SequenceMatchFunction(false));
        all.add(new io.columba.executor.function.aggregate.SequenceMatchFunction(true));
        all.add(new io.columba.executor.function.aggregate.UniqThetaFunction());
        all.add(new io.columba.executor.function.aggregate.GroupArraySampleFunction());
        all.add(new io.columba.executor.function.aggregate.UniqCombined64Function());
        return all;
    }
}
