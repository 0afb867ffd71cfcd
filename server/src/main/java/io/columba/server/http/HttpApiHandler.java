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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands each complete request to an {@link HttpApi} on the query executor, off the event loop, and writes its
 * response. Reading pauses while a request is being answered (requests a client pipelined into one packet may
 * still overlap).
 * Any exception becomes an error response; a connection is never left hanging.
 */
public final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final System.Logger LOG = System.getLogger(HttpApiHandler.class.getName());

    private final HttpApi api;
    private final ExecutorService queries;

    public HttpApiHandler(HttpApi api, ExecutorService queries) {
        this.api = api;
        this.queries = queries;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            String reason = String.valueOf(request.decoderResult().cause());
            write(ctx, api.failure(400, "Bad HTTP request: " + reason), false, true);
            return;
        }
        ApiRequest copy = ApiRequest.from(request);
        boolean head = request.method().equals(HttpMethod.HEAD);
        ctx.channel().config().setAutoRead(false);
        try {
            queries.execute(() -> write(ctx, answer(copy), head, false));
        } catch (RejectedExecutionException e) {
            write(ctx, api.failure(503, "Too many requests are waiting for a query thread; retry later"), head, false);
        }
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

    private static void write(ChannelHandlerContext ctx, ApiResponse response, boolean head, boolean close) {
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
                future.channel().config().setAutoRead(true);
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
