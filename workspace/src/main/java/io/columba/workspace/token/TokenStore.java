package io.columba.workspace.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspace's static tokens, kept in {@code <data-dir>/tokens.json}. On first start it mints
 * {@code user_token}, {@code admin_token} and {@code workspace_admin_token} (all with the {@code ADMIN} scope), as
 * Tinybird Local does, and writes them atomically (temporary file, fsync, rename). Immutable once opened, so
 * thread-safe.
 *
 * <p>tokens.json: {@code {"workspace_id", "workspace_name", "signing_key" (base64), "tokens": [{"name", "id",
 * "token", "scopes"}]}}.
 */
public final class TokenStore {
    public static final String FILE_NAME = "tokens.json";
    public static final String USER_TOKEN = "user_token";
    public static final String ADMIN_TOKEN = "admin_token";
    public static final String WORKSPACE_ADMIN_TOKEN = "workspace_admin_token";
    /** The name of the workspace a data folder holds unless it was created under another name. */
    public static final String DEFAULT_WORKSPACE_NAME = "local";

    private static final List<String> INITIAL_TOKENS = List.of(USER_TOKEN, ADMIN_TOKEN, WORKSPACE_ADMIN_TOKEN);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record TokenFile(
            @JsonProperty("workspace_id") String workspaceId,
            @JsonProperty("workspace_name") String workspaceName,
            @JsonProperty("signing_key") String signingKey,
            @JsonProperty("tokens") List<Token> tokens) {}

    private final Path path;
    private final TokenFile file;
    private final List<byte[]> tokenBytes;

    private TokenStore(Path path, TokenFile file) {
        this.path = path;
        this.file = file;
        this.tokenBytes = file.tokens().stream()
                .map(token -> token.token().getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /** Reads {@code <dataDirectory>/tokens.json}, creating it with fresh tokens when it does not exist yet. */
    public static TokenStore openOrCreate(Path dataDirectory) {
        Path path = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(path)) {
                return new TokenStore(path, read(path));
            }
            return create(dataDirectory, DEFAULT_WORKSPACE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the tokens file " + path, e);
        }
    }

    /**
     * Mints fresh tokens for a new workspace called {@code workspaceName} in {@code dataDirectory}, replacing any
     * tokens file there.
     */
    public static TokenStore create(Path dataDirectory, String workspaceName) throws IOException {
        Path path = dataDirectory.resolve(FILE_NAME);
        Files.createDirectories(dataDirectory);
        TokenFile created = create(workspaceName);
        write(path, created);
        return new TokenStore(path, created);
    }

    /** Copies this store's file into {@code dataDirectory}: the same workspace, tokens and signing key there. */
    public TokenStore copyTo(Path dataDirectory) throws IOException {
        Path copy = dataDirectory.resolve(FILE_NAME);
        Files.createDirectories(dataDirectory);
        write(copy, file);
        return new TokenStore(copy, file);
    }

    private static TokenFile read(Path path) throws IOException {
        TokenFile file;
        try {
            file = JSON.readValue(path.toFile(), TokenFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException(path + " is not a valid tokens file: " + e.getOriginalMessage(), e);
        }
        if (file.workspaceId() == null || file.tokens() == null || file.tokens().isEmpty()) {
            throw new IOException(path + " is not a valid tokens file: expected workspace_id and a list of tokens");
        }
        return file;
    }

    private static TokenFile create(String workspaceName) {
        SecureRandom random = new SecureRandom();
        byte[] signingKey = new byte[32];
        random.nextBytes(signingKey);
        String workspaceId = UUID.randomUUID().toString();
        List<Token> tokens = new ArrayList<>();
        for (String name : INITIAL_TOKENS) {
            String id = UUID.randomUUID().toString();
            tokens.add(new Token(name, id, TokenFormat.mint(workspaceId, id, signingKey), List.of(Token.ADMIN_SCOPE)));
        }
        return new TokenFile(workspaceId, workspaceName, Base64.getEncoder().encodeToString(signingKey), tokens);
    }

    private static void write(Path path, TokenFile file) throws IOException {
        Path temporary = path.resolveSibling(FILE_NAME + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(file);
        try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            restrictToOwner(temporary);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(path.toAbsolutePath().getParent());
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own permissions apply
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the rename is still atomic there
        }
    }

    /**
     * This store with the tokens a project declares ({@code TOKEN} lines; token name to scopes): a token new to the
     * store is minted, an existing one keeps its text and gets exactly the declared scopes. The initial admin tokens
     * are never changed. tokens.json is rewritten when anything changed, so token texts survive restarts.
     */
    public TokenStore withDeclaredTokens(Map<String, List<String>> scopesByName) {
        List<Token> tokens = new ArrayList<>(file.tokens());
        boolean changed = false;
        for (Map.Entry<String, List<String>> declared : scopesByName.entrySet()) {
            String name = declared.getKey();
            if (INITIAL_TOKENS.contains(name)) {
                continue;
            }
            int index = indexOf(tokens, name);
            if (index < 0) {
                String id = UUID.randomUUID().toString();
                byte[] signingKey = Base64.getDecoder().decode(file.signingKey());
                tokens.add(
                        new Token(name, id, TokenFormat.mint(file.workspaceId(), id, signingKey), declared.getValue()));
                changed = true;
            } else if (!tokens.get(index).scopes().equals(declared.getValue())) {
                Token old = tokens.get(index);
                tokens.set(index, new Token(name, old.id(), old.token(), declared.getValue()));
                changed = true;
            }
        }
        if (!changed) {
            return this;
        }
        TokenFile updated = new TokenFile(file.workspaceId(), file.workspaceName(), file.signingKey(), tokens);
        try {
            write(path, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tokens file " + path, e);
        }
        return new TokenStore(path, updated);
    }

    private static int indexOf(List<Token> tokens, String name) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The token whose text is {@code candidate}, compared in constant time against every token. */
    public Optional<Token> authenticate(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        Token found = null;
        for (int i = 0; i < tokenBytes.size(); i++) {
            if (MessageDigest.isEqual(tokenBytes.get(i), bytes)) {
                found = file.tokens().get(i);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The token called {@code name}, e.g. {@link #ADMIN_TOKEN}. */
    public Optional<Token> byName(String name) {
        return file.tokens().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The text of the token called {@code name}; it must exist (the initial tokens always do). */
    public String tokenText(String name) {
        return byName(name)
                .orElseThrow(() -> new IllegalStateException("no token named " + name))
                .token();
    }

    public List<Token> tokens() {
        return file.tokens();
    }

    public String workspaceId() {
        return file.workspaceId();
    }

    public String workspaceName() {
        return file.workspaceName();
    }
}
