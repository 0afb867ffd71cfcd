package io.columba.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.column.StringColumnBuilder;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every text {@link CanonicalText} takes for a type, the executor's conversion takes too. */
class CanonicalTextTest {
    private static final DataType TEXT = NullableType.of(StringType.STRING);
    private static final List<String> TYPES =
            List.of("UInt8", "UInt64", "Int32", "Int64", "Float32", "Float64", "DateTime", "DateTime('Asia/Tokyo')");

    @Test
    void plainFormsAreKnown() {
        DataType dateTime = DataTypeParser.parse("Nullable(DateTime)");
        assertThat(CanonicalText.converts(dateTime, "2024-02-29 23:59:59")).isTrue();
        assertThat(CanonicalText.converts(dateTime, "2023-02-29 00:00:00")).isFalse();
        assertThat(CanonicalText.converts(dateTime, "2024-13-01 00:00:00")).isFalse();
        assertThat(CanonicalText.converts(dateTime, "2024-01-01T00:00:00")).isFalse();
        assertThat(CanonicalText.converts(dateTime, "2024-01-01 24:00:00")).isFalse();
        DataType uint = DataTypeParser.parse("LowCardinality(UInt32)");
        assertThat(CanonicalText.converts(uint, "123456789012345678")).isTrue();
        assertThat(CanonicalText.converts(uint, "1234567890123456789")).isFalse();
        assertThat(CanonicalText.converts(uint, "-")).isFalse();
        assertThat(CanonicalText.converts(uint, "")).isFalse();
        assertThat(CanonicalText.converts(uint, "1.5")).isFalse();
        DataType float64 = DataTypeParser.parse("Float64");
        assertThat(CanonicalText.converts(float64, "-12.50")).isTrue();
        assertThat(CanonicalText.converts(float64, "12.")).isFalse();
        assertThat(CanonicalText.converts(float64, ".5")).isFalse();
        assertThat(CanonicalText.converts(float64, "1e3")).isFalse();
        assertThat(CanonicalText.converts(DataTypeParser.parse("LowCardinality(String)"), "x\ty"))
                .isTrue();
        assertThat(CanonicalText.converts(DataTypeParser.parse("UUID"), "0")).isFalse();
    }

    @Test
    void whatIsKnownConvertsWithTheExecutorsConversion() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "0123456789-.: T";
        int known = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = i % 2 == 0 ? randomText(random, alphabet) : randomDateTime(random);
            DataType type = DataTypeParser.parse(TYPES.get(random.nextInt(TYPES.size())));
            if (!CanonicalText.converts(type, text)) {
                continue;
            }
            known++;
            StringColumnBuilder column = new StringColumnBuilder(1);
            column.append(text);
            assertThatCode(() -> TypeConversion.cast(column.build(), TEXT, type, 1))
                    .as("'%s' as %s (seed %d)", text, type.name(), seed)
                    .doesNotThrowAnyException();
        }
        assertThat(known).as("seed %d", seed).isGreaterThan(1000);
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(22);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 10 : alphabet.length())));
        }
        return text.toString();
    }

    /** Date-times with each field anywhere from 0 to 99, so impossible ones are common. */
    private static String randomDateTime(Random random) {
        return String.format(
                "%04d-%02d-%02d %02d:%02d:%02d",
                random.nextInt(10_000),
                random.nextInt(14),
                random.nextInt(33),
                random.nextInt(26),
                random.nextInt(62),
                random.nextInt(62));
    }
}
