package io.columba.executor;

/** What a query read and how long it took, as the JSON format's {@code statistics} object reports. */
public record QueryStatistics(long rowsRead, long bytesRead, long elapsedNanos) {

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
