package io.columba.server.http;

/** One HTTP API served on its own port (the Tinybird API, the ClickHouse interface). */
public interface HttpApi {
    /** Answers a request; runs on a query thread, never on the event loop. */
    ApiResponse handle(ApiRequest request);

    /** The response for a failure around {@link #handle}: an unexpected exception, too many waiting requests. */
    ApiResponse failure(int status, String message);
}
