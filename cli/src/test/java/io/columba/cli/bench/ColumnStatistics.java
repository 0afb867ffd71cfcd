package io.columba.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-column statistics of a TSV file of {@code hits} rows: distinct values and their counts, and for the numeric
 * columns min, max, mean and standard deviation.
 */
final class ColumnStatistics {
    final long rows;
    final List<Map<String, Long>> counts;

    private ColumnStatistics(long rows, List<Map<String, Long>> counts) {
        this.rows = rows;
        this.counts = counts;
    }

    static ColumnStatistics of(Path tsv) throws IOException {
        List<Map<String, Long>> counts = new ArrayList<>();
        for (int i = 0; i < HitsColumns.ALL.size(); i++) {
            counts.add(new HashMap<>());
        }
        long rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields.length != counts.size()) {
                    throw new IllegalStateException(tsv + " line " + (rows + 1) + " has " + fields.length + " fields");
                }
                for (int i = 0; i < fields.length; i++) {
                    counts.get(i).merge(fields[i], 1L, Long::sum);
                }
                rows++;
            }
        }
        return new ColumnStatistics(rows, counts);
    }

    int distinct(int column) {
        return counts.get(column).size();
    }

    double share(int column, String value) {
        return counts.get(column).getOrDefault(value, 0L) / (double) rows;
    }

    double min(int column) {
        return counts.get(column).keySet().stream()
                .mapToDouble(Double::parseDouble)
                .min()
                .orElseThrow();
    }

    double max(int column) {
        return counts.get(column).keySet().stream()
                .mapToDouble(Double::parseDouble)
                .max()
                .orElseThrow();
    }

    double mean(int column) {
        double sum = 0;
        for (Map.Entry<String, Long> entry : counts.get(column).entrySet()) {
            sum += Double.parseDouble(entry.getKey()) * entry.getValue();
        }
        return sum / rows;
    }

    double standardDeviation(int column) {
        double mean = mean(column);
        double sum = 0;
        for (Map.Entry<String, Long> entry : counts.get(column).entrySet()) {
            double delta = Double.parseDouble(entry.getKey()) - mean;
            sum += delta * delta * entry.getValue();
        }
        return Math.sqrt(sum / rows);
    }

    /** The {@code limit} most frequent values. */
    List<String> top(int column, int limit) {
        return counts.get(column).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}
