package io.columba.server.tinybird;

import io.columba.server.http.ApiRequest;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The data of a Data Sources API append: the first file of a {@code multipart/form-data} body (whatever its field
 * name, as the TS SDK sends {@code csv} for every format) with the form's other fields, or else the raw body.
 * {@link #open()} undoes gzip (told by a {@code .gz} name or the gzip magic bytes).
 */
record UploadedData(byte[] bytes, String fileName, Map<String, String> fields) {
    static UploadedData from(ApiRequest request) {
        if (!MultipartForm.isMultipart(request)) {
            return new UploadedData(request.body(), null, Map.of());
        }
        return MultipartForm.read(request, parts -> {
            byte[] file = null;
            String name = null;
            Map<String, String> fields = new LinkedHashMap<>();
            for (InterfaceHttpData data : parts) {
                if (data instanceof FileUpload upload && file == null) {
                    file = upload.get();
                    name = upload.getFilename();
                } else if (data instanceof Attribute attribute) {
                    fields.put(attribute.getName(), attribute.getValue());
                }
            }
            return new UploadedData(file == null ? new byte[0] : file, name, fields);
        });
    }

    boolean isGzip() {
        boolean magic = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        return magic || fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The data, gunzipped when it is gzip. */
    InputStream open() throws IOException {
        InputStream raw = new ByteArrayInputStream(bytes);
        return isGzip() ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** The file name without {@code .gz}, lower case, or null. */
    String baseName() {
        if (fileName == null) {
            return null;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
    }
}
