package io.columba.jmh;

import io.columba.storage.block.Block;
import io.columba.storage.codec.CodecChain;
import io.columba.storage.codec.CompressionMethod;
import io.columba.storage.column.LongColumn;
import io.columba.storage.engine.ColumnDefinition;
import io.columba.storage.engine.TableSchema;
import io.columba.storage.part.DataPart;
import io.columba.storage.part.PartName;
import io.columba.storage.part.PartWriter;
import io.columba.storage.type.DataType;
import io.columba.storage.type.IntegerType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Column decode per codec: one part of 512k Int64 event timestamps (about a second apart, with jitter) written with
 * each {@code CODEC(...)} the storage offers, read back as a scan reads it ({@link DataPart#read}, 8 granules at a
 * time: checksum, decompression, the transforms undone, values decoded into a {@code LongColumn}) and summed. The
 * baseline sums the same values from a plain {@code long[]}. Setup prints the compressed size of each codec.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecDecodeBenchmark {
    static final int ROWS = 1 << 19;
    private static final int GRANULES_PER_READ = 8;
    private static final DataType TYPE = IntegerType.INT64;

    /** A part written with one codec chain ({@code +} separates the codecs of the chain). */
    @State(Scope.Benchmark)
    public static class EncodedPart {
        @Param({"NONE", "LZ4", "LZ4HC", "ZSTD", "Delta", "DoubleDelta", "Gorilla", "T64", "Delta+ZSTD"})
        public String codec;

        Path folder;
        DataPart part;

        @Setup(Level.Trial)
        public void write() throws IOException {
            folder = BenchmarkData.temporaryFolder("columba-jmh-codec");
            long[] values = BenchmarkData.timestamps(ROWS, BenchmarkData.SEED);
            CodecChain chain = CodecChain.parse(Arrays.asList(codec.split("\\+")), TYPE);
            TableSchema schema = new TableSchema(List.of(new ColumnDefinition("t", TYPE, chain)), List.of());
            Block rows = new Block(ROWS, List.of(new LongColumn(values)));
            Block keys = new Block(ROWS, List.of());
            part = PartWriter.write(
                    folder, new PartName("all", 1, 1, 0), schema, rows, keys, 8192, CompressionMethod.LZ4);
            System.out.printf(
                    "%nCODEC(%s): %d rows, %d bytes compressed (%.2f bytes/value)%n",
                    codec.replace('+', ','), ROWS, part.compressedBytes(0), part.compressedBytes(0) / (double) ROWS);
        }

        @TearDown(Level.Trial)
        public void delete() {
            BenchmarkData.deleteRecursively(folder);
        }
    }

    /** The same values in memory. */
    @State(Scope.Benchmark)
    public static class PlainValues {
        long[] values;

        @Setup(Level.Trial)
        public void generate() {
            values = BenchmarkData.timestamps(ROWS, BenchmarkData.SEED);
        }
    }

    @Benchmark
    public long decodeSum(EncodedPart encoded) {
        DataPart part = encoded.part;
        long sum = 0;
        for (int g = 0; g < part.granuleCount(); g += GRANULES_PER_READ) {
            LongColumn column = (LongColumn) part.read(0, g, Math.min(part.granuleCount(), g + GRANULES_PER_READ));
            long[] values = column.values();
            for (int i = 0; i < column.size(); i++) {
                sum += values[i];
            }
        }
        return sum;
    }

    @Benchmark
    public long plainSum(PlainValues plain) {
        long sum = 0;
        for (long value : plain.values) {
            sum += value;
        }
        return sum;
    }
}
