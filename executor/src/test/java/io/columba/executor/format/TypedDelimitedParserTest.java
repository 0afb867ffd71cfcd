package io.columba.executor.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.columba.executor.function.scalar.TypeConversion;
import io.columba.storage.block.Block;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.type.DataType;
import io.columba.storage.type.DataTypeParser;
import io.columba.storage.type.NullableType;
import io.columba.storage.type.StringType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast typed parser must give exactly what the general path (text columns, then a cast) gives. */
class TypedDelimitedParserTest {
    private static final List<DataType> TYPES = List.of(
            DataTypeParser.parse("Int16"),
            DataTypeParser.parse("UInt8"),
            DataTypeParser.parse("UInt64"),
            DataTypeParser.parse("Int64"),
            DataTypeParser.parse("Float64"),
            DataTypeParser.parse("Float32"),
            DataTypeParser.parse("String"),
            DataTypeParser.parse("Date"),
            DataTypeParser.parse("DateTime"),
            DataTypeParser.parse("DateTime('Europe/Madrid')"),
            DataTypeParser.parse("Nullable(Int32)"),
            DataTypeParser.parse("Bool"));

    private static final String[][] VALUES = {
        {"0", "-1", "32767", "40000", "+5", "-32768", "007"},
        {"0", "255", "256", "-1", "12"},
        {"0", "18446744073709551615", "9223372036854775808", "-1", "123456789012345678"},
        {"-9223372036854775808", "9223372036854775807", "0", "-42", "1234567890123456789"},
        {"0", "1.5", "-2.25e10", "inf", "nan", "1e-300", "3"},
        {"0.1", "16777217", "-1.5", "3.4e38"},
        {"", "plain", "tab\\there", "new\\nline", "back\\\\slash", "ünïcödé €", "\\N", "quote\"in"},
        {"2024-02-29", "1970-01-01", "2149-06-06", "1999-12-31", "2024-01-01 10:00:00"},
        {"2024-02-29 23:59:59", "1970-01-01 00:00:00", "2024-03-01T10:00:00Z", "1700000000", "2024-01-01"},
        {"2024-07-01 12:00:00", "2024-01-01 00:00:00", "1700000000"},
        {"1", "\\N", "-5", "2147483647"},
        {"true", "false", "1", "0"},
    };

    @Test
    void randomRowsParseAsTheGeneralPathDoes() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            StringBuilder tsv = new StringBuilder();
            int rows = 1 + random.nextInt(50);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < TYPES.size(); c++) {
                    tsv.append(c == 0 ? "" : "\t").append(VALUES[c][random.nextInt(VALUES[c].length)]);
                }
                tsv.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
            String data = tsv.toString().replace("\r\n", "\n");
            assertSameBlocks(TypedDelimitedParser.parse(data, '\t', TYPES), general("TabSeparated", data));
            String csv = data.replace("\t", ",").replace("\"", "\"\"");
            if (!csv.contains("\\")) {
                assertSameBlocks(TypedDelimitedParser.parse(csv, ',', TYPES), general("CSV", csv));
            }
        }
    }

    @Test
    void wrongFieldCountsAndBadValuesFailLikeTheGeneralPath() {
        List<DataType> two = List.of(DataTypeParser.parse("UInt8"), DataTypeParser.parse("String"));
        assertThatThrownBy(() -> TypedDelimitedParser.parse("1\tx\n2\n", '\t', two))
                .isInstanceOf(ColumbaException.class)
                .hasMessageContaining("Expected 2 fields in row 2, found 1");
        assertThatThrownBy(() -> TypedDelimitedParser.parse("1\tx\textra\n", '\t', two))
                .hasMessageContaining("Expected 2 fields in row 1, found 3");
        assertThatThrownBy(() -> TypedDelimitedParser.parse("abc\tx\n", '\t', two))
                .hasMessageContaining("Cannot parse string 'abc' as UInt8");
        assertThatThrownBy(() -> TypedDelimitedParser.parse("1,\"open\n", ',', two))
                .hasMessageContaining("Unterminated quoted CSV field");
    }

    private static Block general(String format, String data) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < TYPES.size(); c++) {
            names.add("c" + c);
        }
        InputFormats.TextRows text = InputFormats.read(format, data, names);
        List<io.columba.storage.column.Column> columns = new ArrayList<>();
        for (int c = 0; c < TYPES.size(); c++) {
            columns.add(TypeConversion.cast(
                            text.values().get(c), NullableType.of(StringType.STRING), TYPES.get(c), text.rowCount())
                    .materialize());
        }
        return new Block(text.rowCount(), columns);
    }

    private static void assertSameBlocks(Block fast, Block general) {
        assertThat(fast.rowCount()).isEqualTo(general.rowCount());
        for (int c = 0; c < TYPES.size(); c++) {
            for (int r = 0; r < fast.rowCount(); r++) {
                assertThat(TextValues.plainText(fast.column(c), TYPES.get(c), r))
                        .as("column %d (%s) row %d", c, TYPES.get(c).name(), r)
                        .isEqualTo(TextValues.plainText(general.column(c), TYPES.get(c), r));
            }
        }
    }
}
