package io.columba.server;

import io.columba.server.clickhouse.ClickHouseApi;
import io.columba.server.http.HttpApi;
import io.columba.server.http.HttpApiHandler;
import io.columba.server.http.RunningQueries;
import io.columba.server.tinybird.TinybirdApi;
import io.columba.workspace.Workspace;
import io.columba.workspace.local.LocalWorkspaces;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.cors.CorsConfig;
import io.netty.handler.codec.http.cors.CorsConfigBuilder;
import io.netty.handler.codec.http.cors.CorsHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Columba server: the Tinybird API and the ClickHouse HTTP interface, each on its own port, over one
 * workspace. Netty event loops only parse and write HTTP; queries run on a bounded pool of query threads. The
 * workspace stays owned by the caller.
 */
public final class ColumbaServer implements AutoCloseable {
    private static final int MAX_URL_BYTES = 1 << 20;
    private static final int MAX_HEADER_BYTES = 64 << 10;

    private final LocalWorkspaces workspaces;
    /** Whether the server made {@link #workspaces} around a workspace its caller owns, so closes them itself. */
    private final boolean ownsWorkspaces;

    private final ServerConfig config;
    private final List<Channel> listeners = new ArrayList<>();
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private ExecutorService queries;
    private final RunningQueries running = new RunningQueries();

    /** A server over {@code workspace} (and the workspaces created through it, kept under its data folder). */
    public ColumbaServer(Workspace workspace, ServerConfig config) {
        this.workspaces = LocalWorkspaces.around(workspace);
        this.ownsWorkspaces = true;
        this.config = config;
    }

    /** A server over {@code workspaces}, which stay owned by the caller. */
    public ColumbaServer(LocalWorkspaces workspaces, ServerConfig config) {
        this.workspaces = workspaces;
        this.ownsWorkspaces = false;
        this.config = config;
    }

    /** The queries HTTP requests are running now (a request whose client goes away has its queries cancelled). */
    public RunningQueries runningQueries() {
        return running;
    }

    /** Starts listening on both ports; throws if either cannot be bound (nothing is left running then). */
    public synchronized BoundPorts start() {
        if (acceptors != null) {
            throw new IllegalStateException("the server is already started");
        }
        acceptors = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("columba-accept"), NioIoHandler.newFactory());
        int workerThreads = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
        workers = new MultiThreadIoEventLoopGroup(
                workerThreads, new DefaultThreadFactory("columba-http"), NioIoHandler.newFactory());
        queries = new ThreadPoolExecutor(
                config.queryThreads(),
                config.queryThreads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queuedRequests()),
                new DefaultThreadFactory("columba-query"));
        try {
            int tinybird = listen(config.tinybirdPort(), new TinybirdApi(workspaces), true);
            int clickHouse = listen(config.clickHousePort(), new ClickHouseApi(workspaces.main()), false);
            return new BoundPorts(tinybird, clickHouse);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private int listen(int port, HttpApi api, boolean cors) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast(new HttpServerCodec(new HttpDecoderConfig()
                                .setMaxInitialLineLength(MAX_URL_BYTES)
                                .setMaxHeaderSize(MAX_HEADER_BYTES)));
                        pipeline.addLast(new HttpServerKeepAliveHandler());
                        pipeline.addLast(new HttpContentDecompressor(0));
                        pipeline.addLast(new HttpObjectAggregator(config.maxBodyBytes()));
                        if (cors) {
                            pipeline.addLast(new CorsHandler(corsConfig()));
                        }
                        pipeline.addLast(new HttpApiHandler(api, queries, running));
                    }
                });
        try {
            Channel channel = bootstrap.bind(config.host(), port).sync().channel();
            listeners.add(channel);
            return ((InetSocketAddress) channel.localAddress()).getPort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + config.host() + ":" + port, e);
        } catch (Exception e) {
            throw new UncheckedIOException(
                    new IOException("cannot listen on " + config.host() + ":" + port + ": " + e.getMessage(), e));
        }
    }

    /** Browsers call the Tinybird API cross-origin with a token header: allow any origin. */
    private static CorsConfig corsConfig() {
        return CorsConfigBuilder.forAnyOrigin()
                .allowNullOrigin()
                .allowedRequestMethods(
                        HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS)
                .allowedRequestHeaders(
                        HttpHeaderNames.AUTHORIZATION,
                        HttpHeaderNames.CONTENT_TYPE,
                        HttpHeaderNames.CONTENT_ENCODING,
                        "X-Requested-With")
                .maxAge(86400)
                .build();
    }

    /** Stops accepting, lets running queries finish (up to 10 s), then stops the threads. */
    @Override
    public synchronized void close() {
        for (Channel listener : listeners) {
            listener.close().syncUninterruptibly();
        }
        listeners.clear();
        if (queries != null) {
            queries.shutdown();
            try {
                if (!queries.awaitTermination(10, TimeUnit.SECONDS)) {
                    queries.shutdownNow();
                }
            } catch (InterruptedException e) {
                queries.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (acceptors != null) {
            acceptors.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        queries = null;
        workers = null;
        acceptors = null;
        if (ownsWorkspaces) {
            workspaces.close();
        }
    }
}
