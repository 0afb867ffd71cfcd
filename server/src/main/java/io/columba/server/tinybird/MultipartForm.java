package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Reads the parts of a {@code multipart/form-data} request body, in memory. */
final class MultipartForm {
    /** What is read from the parts; they are released once it returns. */
    interface PartsReader<T> {
        T read(List<InterfaceHttpData> parts) throws IOException;
    }

    private MultipartForm() {}

    static boolean isMultipart(ApiRequest request) {
        String type = request.header(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static <T> T read(ApiRequest request, PartsReader<T> reader) {
        DefaultFullHttpRequest http = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                request.path(),
                Unpooled.wrappedBuffer(request.body()),
                request.headers(),
                EmptyHttpHeaders.INSTANCE);
        HttpPostMultipartRequestDecoder decoder =
                new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), http);
        try {
            return reader.read(decoder.getBodyHttpDatas());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the multipart body", e);
        } finally {
            decoder.destroy();
        }
    }
}
