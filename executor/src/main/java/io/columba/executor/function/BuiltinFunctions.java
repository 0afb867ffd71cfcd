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
