package io.columba.workspace.token;

import java.util.List;

/**
 * A static token: its name ({@code admin_token}), its id (a UUID, also inside the token text), the token text
 * clients send, and its scopes ({@code ADMIN} for the tokens created on first start; resource scopes such as
 * {@code PIPES:READ:<pipe>} for the tokens a project's {@code TOKEN} lines declare).
 */
public record Token(String name, String id, String token, List<String> scopes) {
    /** Full access to the workspace. */
    public static final String ADMIN_SCOPE = "ADMIN";

    /** Creating data sources, and replacing or deleting their rows. */
    public static final String DATASOURCES_CREATE_SCOPE = "DATASOURCES:CREATE";

    public Token {
        scopes = List.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN_SCOPE);
    }

    /** The scope a pipe's {@code TOKEN <name> READ} line grants: {@code PIPES:READ:<pipe>}. */
    public static String pipeReadScope(String pipe) {
        return "PIPES:READ:" + pipe;
    }

    /** The scope of a data source's {@code TOKEN <name> READ}: {@code DATASOURCES:READ:<datasource>}. */
    public static String datasourceReadScope(String datasource) {
        return "DATASOURCES:READ:" + datasource;
    }

    /** The scope of a data source's {@code TOKEN <name> APPEND}: {@code DATASOURCES:APPEND:<datasource>}. */
    public static String datasourceAppendScope(String datasource) {
        return "DATASOURCES:APPEND:" + datasource;
    }

    /** Whether this token may append to data source {@code datasource}: admin, or DATASOURCES:APPEND on it. */
    public boolean canAppendDatasource(String datasource) {
        return isAdmin() || scopes.contains(datasourceAppendScope(datasource));
    }

    /** Whether this token may replace, truncate or delete rows of {@code datasource}: admin, or DATASOURCES:CREATE. */
    public boolean canManageDatasource(String datasource) {
        return isAdmin() || scopes.contains(DATASOURCES_CREATE_SCOPE);
    }

    /** Whether this token may call pipe {@code pipe}'s endpoint: it is an admin token or has PIPES:READ on it. */
    public boolean canReadPipe(String pipe) {
        return isAdmin() || scopes.contains(pipeReadScope(pipe));
    }
}
