package io.columba.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each complete request to an {@link HttpApi} on the query executor, off the event loop, and writes its
 * response; one request of a connection at a time, in order. The connection keeps being read while a request runs,
 * so a client that goes away is noticed: its running queries are cancelled ({@link Cancellation}). Requests a
 * client pipelines wait in a short queue; past {@value #MAX_QUEUED} of them reading pauses until the queue drains.
 * Any exception becomes an error response; a connection is never left hanging.
 */
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final System.Logger LOG = System.getLogger(HttpApiHandler.class.getName());
    private static final int MAX_QUEUED = 16;

    private final HttpApi api;
    private final ExecutorService queries;
    private final RunningQueries running;
    // Touched on the channel's event loop only.
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    private Cancellation current;

    private record Pending(ApiRequest request, boolean head) {}

    public HttpApiHandler(HttpApi api, ExecutorService queries) {
        this(api, queries, new RunningQueries());
    }

    public HttpApiHandler(HttpApi api, ExecutorService queries, RunningQueries running) {
        this.api = api;
        this.queries = queries;
        this.running = running;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            String reason = String.valueOf(request.decoderResult().cause());
            write(ctx, api.failure(400, "Bad HTTP request: " + reason), false, true);
            return;
        }
        queued.add(new Pending(ApiRequest.from(request), request.method().equals(HttpMethod.HEAD)));
        if (queued.size() >= MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false);
        }
        startNext(ctx);
    }

    private void startNext(ChannelHandlerContext ctx) {
        if (current != null || queued.isEmpty()) {
            return;
        }
        Pending next = queued.poll();
        Cancellation cancellation = new Cancellation(running);
        current = cancellation;
        ApiRequest request = next.request().withCancellation(cancellation);
        try {
            queries.execute(() -> write(ctx, answer(request), next.head(), false));
        } catch (RejectedExecutionException e) {
            write(
                    ctx,
                    api.failure(503, "Too many requests are waiting for a query thread; retry later"),
                    next.head(),
                    false);
        }
    }

    /** The response is written: the next queued request may start. Runs on the event loop. */
    private void answered(ChannelHandlerContext ctx) {
        current = null;
        if (queued.size() < MAX_QUEUED) {
            ctx.channel().config().setAutoRead(true);
        }
        startNext(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        queued.clear();
        if (current != null) {
            current.cancel();
        }
        super.channelInactive(ctx);
    }

    private ApiResponse answer(ApiRequest request) {
        try {
            return api.handle(request);
        } catch (RuntimeException | Error e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "unexpected failure answering " + request.method() + " " + request.path(),
                    e);
            return api.failure(500, "Internal error: " + e);
        }
    }

    private void write(ChannelHandlerContext ctx, ApiResponse response, boolean head, boolean close) {
        FullHttpResponse http = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        if (response.contentType() != null) {
            http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            http.headers().set(header.getKey(), header.getValue());
        }
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (close) {
            http.headers().set(HttpHeaderNames.CONNECTION, "close");
        }
        ctx.writeAndFlush(http).addListener((ChannelFutureListener) future -> {
            if (close || !future.isSuccess()) {
                future.channel().close();
            } else {
                answered(ctx);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.WARNING, "closing a connection after an error: " + cause);
        if (ctx.channel().isActive()) {
            write(ctx, api.failure(500, "Internal error: " + cause), false, true);
        } else {
            ctx.close();
        }
    }
}
