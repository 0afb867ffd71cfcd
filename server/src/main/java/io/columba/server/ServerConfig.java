package io.columba.server;

/**
 * Where and how the server listens: the address (127.0.0.1 unless told otherwise), the Tinybird API port (7181)
 * and the ClickHouse HTTP port (8123), 0 meaning an ephemeral port; the largest request body accepted (larger
 * ones get 413); the threads that run queries and how many requests may wait for one (more get 503).
 */
public record ServerConfig(
        String host, int tinybirdPort, int clickHousePort, int maxBodyBytes, int queryThreads, int queuedRequests) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_TINYBIRD_PORT = 7181;
    public static final int DEFAULT_CLICKHOUSE_PORT = 8123;
    public static final int DEFAULT_MAX_BODY_BYTES = 100 << 20;

    public ServerConfig {
        if (tinybirdPort < 0 || tinybirdPort > 65535 || clickHousePort < 0 || clickHousePort > 65535) {
            throw new IllegalArgumentException(
                    "ports must be between 0 and 65535, got " + tinybirdPort + " and " + clickHousePort);
        }
        if (maxBodyBytes < 1 || queryThreads < 1 || queuedRequests < 1) {
            throw new IllegalArgumentException("maxBodyBytes, queryThreads and queuedRequests must be positive");
        }
    }

    /** The defaults on the given ports. */
    public static ServerConfig onPorts(int tinybirdPort, int clickHousePort) {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ServerConfig(DEFAULT_HOST, tinybirdPort, clickHousePort, DEFAULT_MAX_BODY_BYTES, threads, 256);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, tinybirdPort, clickHousePort, maxBodyBytes, queryThreads, queuedRequests);
    }
}
