package io.columba.executor.analyzer;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import io.columba.storage.error.ColumbaException;
import io.columba.storage.error.ErrorCode;
import io.columba.storage.type.DataType;
import io.columba.storage.type.StringType;
import java.util.Locale;

/**
 * ORDER BY ... COLLATE 'locale': an ICU collator for the locale, as ClickHouse uses ICU, for String keys (also
 * Nullable or LowCardinality); other key types sort as they do without it. An unknown locale is
 * UNSUPPORTED_COLLATION_LOCALE.
 */
final class Collations {
    private Collations() {}

    static Collator collator(String locale, DataType type) {
        if (locale == null || !(type.withoutNullable().withoutLowCardinality() instanceof StringType)) {
            return null;
        }
        String wanted = locale.replace('-', '_').toLowerCase(Locale.ROOT);
        for (ULocale available : Collator.getAvailableULocales()) {
            if (available.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Collator.getInstance(available).freeze();
            }
        }
        throw new ColumbaException(ErrorCode.UNSUPPORTED_COLLATION_LOCALE, "Unsupported collation locale: " + locale);
    }
}
