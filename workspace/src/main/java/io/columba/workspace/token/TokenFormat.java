package io.columba.workspace.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tinybird's static token text: {@code p.} + base64url(JSON {@code {"u": workspace id, "id": token id, "host":
 * "local"}}, no padding) + {@code .} + base64url(HMAC-SHA256 of the first two parts), 43 characters. Clients read
 * {@code host} out of the token, so the shape matters; the signature only has to be unguessable.
 */
public final class TokenFormat {
    /** The region key Tinybird Local puts in its tokens. */
    public static final String LOCAL_HOST = "local";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TokenFormat() {}

    public static String mint(String workspaceId, String tokenId, byte[] signingKey) {
        String payload =
                "{\"u\": \"" + workspaceId + "\", \"id\": \"" + tokenId + "\", \"host\": \"" + LOCAL_HOST + "\"}";
        String unsigned = "p." + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return unsigned + "." + BASE64URL.encodeToString(hmacSha256(signingKey, unsigned));
    }

    private static byte[] hmacSha256(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
