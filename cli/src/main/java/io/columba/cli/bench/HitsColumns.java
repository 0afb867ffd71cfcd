package io.columba.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** The 105 columns of ClickBench's {@code hits} table, in ClickBench's order, with their ClickHouse types. */
final class HitsColumns {
    /** One column: its name and ClickHouse type (Int16, Int32, Int64, String, Date or DateTime). */
    record Column(String name, String type) {
        /** Quoted in CSV: String, Date and DateTime, as gen_hits.py quotes them. */
        boolean quotedInCsv() {
            return type.equals("String") || type.equals("Date") || type.equals("DateTime");
        }
    }

    static final List<Column> ALL = parse("WatchID Int64|JavaEnable Int16|Title String|GoodEvent Int16|"
            + "EventTime DateTime|EventDate Date|CounterID Int32|ClientIP Int32|RegionID Int32|UserID Int64|"
            + "CounterClass Int16|OS Int16|UserAgent Int16|URL String|Referer String|IsRefresh Int16|"
            + "RefererCategoryID Int16|RefererRegionID Int32|URLCategoryID Int16|URLRegionID Int32|"
            + "ResolutionWidth Int16|ResolutionHeight Int16|ResolutionDepth Int16|FlashMajor Int16|FlashMinor Int16|"
            + "FlashMinor2 String|NetMajor Int16|NetMinor Int16|UserAgentMajor Int16|UserAgentMinor String|"
            + "CookieEnable Int16|JavascriptEnable Int16|IsMobile Int16|MobilePhone Int16|MobilePhoneModel String|"
            + "Params String|IPNetworkID Int32|TraficSourceID Int16|SearchEngineID Int16|SearchPhrase String|"
            + "AdvEngineID Int16|IsArtifical Int16|WindowClientWidth Int16|WindowClientHeight Int16|"
            + "ClientTimeZone Int16|ClientEventTime DateTime|SilverlightVersion1 Int16|SilverlightVersion2 Int16|"
            + "SilverlightVersion3 Int32|SilverlightVersion4 Int16|PageCharset String|CodeVersion Int32|IsLink Int16|"
            + "IsDownload Int16|IsNotBounce Int16|FUniqID Int64|OriginalURL String|HID Int32|IsOldCounter Int16|"
            + "IsEvent Int16|IsParameter Int16|DontCountHits Int16|WithHash Int16|HitColor String|"
            + "LocalEventTime DateTime|Age Int16|Sex Int16|Income Int16|Interests Int16|Robotness Int16|"
            + "RemoteIP Int32|WindowName Int32|OpenerName Int32|HistoryLength Int16|BrowserLanguage String|"
            + "BrowserCountry String|SocialNetwork String|SocialAction String|HTTPError Int16|SendTiming Int32|"
            + "DNSTiming Int32|ConnectTiming Int32|ResponseStartTiming Int32|ResponseEndTiming Int32|"
            + "FetchTiming Int32|SocialSourceNetworkID Int16|SocialSourcePage String|ParamPrice Int64|"
            + "ParamOrderID String|ParamCurrency String|ParamCurrencyID Int16|OpenstatServiceName String|"
            + "OpenstatCampaignID String|OpenstatAdID String|OpenstatSourceID String|UTMSource String|"
            + "UTMMedium String|UTMCampaign String|UTMContent String|UTMTerm String|FromTag String|HasGCLID Int16|"
            + "RefererHash Int64|URLHash Int64|CLID Int32");

    private HitsColumns() {}

    /** ClickBench's {@code CREATE TABLE hits} (MergeTree ordered by counter, date, user, time and watch id). */
    static String createTableSql(String table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table).append(" (");
        for (int i = 0; i < ALL.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append(ALL.get(i).name())
                    .append(' ')
                    .append(ALL.get(i).type());
        }
        return sql.append(") ENGINE = MergeTree() ORDER BY (CounterID, EventDate, UserID, EventTime, WatchID)")
                .toString();
    }

    /**
     * Rewrites TabSeparated lines as CSV the way gen_hits.py does: String, Date and DateTime fields in double quotes
     * (no generated value holds a quote), numbers bare.
     */
    static void tsvToCsv(RowBuffer tsv, RowBuffer csv) {
        byte[] in = tsv.bytes();
        int length = tsv.length();
        int field = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i < length && in[i] != '\t' && in[i] != '\n') {
                continue;
            }
            if (i == length && start == length) {
                break;
            }
            boolean quoted = ALL.get(field).quotedInCsv();
            if (quoted) {
                csv.put('"');
            }
            csv.put(in, start, i - start);
            if (quoted) {
                csv.put('"');
            }
            boolean endOfLine = i == length || in[i] == '\n';
            csv.put(endOfLine ? '\n' : ',');
            field = endOfLine ? 0 : field + 1;
            start = i + 1;
        }
    }

    private static List<Column> parse(String columns) {
        List<Column> parsed = new ArrayList<>();
        for (String column : columns.split("\\|")) {
            String[] nameAndType = column.split(" ");
            parsed.add(new Column(nameAndType[0], nameAndType[1]));
        }
        return List.copyOf(parsed);
    }
}
