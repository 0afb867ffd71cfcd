package io.columba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultTableTest {
    @Test
    void alignsNumbersRightAndTextLeft() {
        String text = "action\tn\tnote\nString\tUInt64\tNullable(String)\npage_view\t3012\t\\N\nbuy\t7\ta\\tb\n";

        assertThat(ResultTable.fromTabSeparatedWithNamesAndTypes(text).render()).isEqualTo("""
                        ┌─action────┬─n────┬─note─┐
                        │ page_view │ 3012 │ NULL │
                        │ buy       │    7 │ a\\tb │
                        └───────────┴──────┴──────┘
                        2 rows in set.
                        """);
    }

    @Test
    void emptyResultKeepsTheHeader() {
        assertThat(ResultTable.fromTabSeparatedWithNamesAndTypes("c\nUInt8\n").render())
                .isEqualTo("┌─c─┐\n└───┘\n0 rows in set.\n");
    }
}
