package io.columba.workspace.token;

import java.util.List;

/**
 * A static token: its name ({@code admin_token}), its id (a UUID, also inside the token text), the token text
 * clients send, and its scopes ({@code ADMIN} for the tokens created on first start).
 */
public record Token(String name, String id, String token, List<String> scopes) {
    /** Full access to the workspace. */
    public static final String ADMIN_SCOPE = "ADMIN";

    public Token {
        scopes = List.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN_SCOPE);
    }
}
