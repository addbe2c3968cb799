package hotline.gateway.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** API clients and their keys (key hashes only) in the database. */
public class ApiClientRepository {

    /** At most this many keys of a client are valid at once. */
    public static final int MAX_VALID_KEYS = 2;

    /* A client by id, with the id of the valid key of that hash if it has one. */
    private static final String FIND_WITH_KEY = """
            SELECT c.id, c.role, c.scope, k.id AS key_id
            FROM api_client c
            LEFT JOIN api_key k ON k.client_id = c.id AND k.key_hash = ? AND k.revoked_at IS NULL
            WHERE c.id = ?
            """;
    private static final String FIND_BY_KEY = """
            SELECT c.id, c.role, c.scope, k.id AS key_id
            FROM api_key k JOIN api_client c ON c.id = k.client_id
            WHERE k.key_hash = ? AND k.revoked_at IS NULL
            """;
    private static final String INSERT_CLIENT = """
            INSERT INTO api_client (id, role, scope, description, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """;
    private static final String INSERT_KEY =
            "INSERT INTO api_key (client_id, key_hash, created_at) VALUES (?, ?, ?) RETURNING id";
    /* A client seeded at start (local clients, the first operator): made with its key only when it is absent. */
    private static final String SEED = """
            WITH client AS (
                INSERT INTO api_client (id, role, scope, description, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            )
            INSERT INTO api_key (client_id, key_hash, created_at)
            SELECT id, ?, ? FROM client
            ON CONFLICT (key_hash) DO NOTHING
            """;
    private static final String LIST = """
            SELECT c.id, c.role, c.scope, c.description, c.created_at,
                   k.id AS key_id, k.created_at AS key_created_at, k.revoked_at
            FROM api_client c LEFT JOIN api_key k ON k.client_id = c.id
            %s
            ORDER BY c.id, k.id
            """;
    private static final String LIST_ALL = LIST.formatted("");
    private static final String LIST_ONE = LIST.formatted("WHERE c.id = ?");

    /** A valid key found, with its client. */
    public record KeyMatch(ApiClient client, long keyId) {}

    /** A client as listed: never a key or a hash. */
    public record ClientView(
            String id, ClientRole role, String scope, String description, Instant createdAt, List<KeyView> keys) {}

    public record KeyView(long id, Instant createdAt, Instant revokedAt) {}

    public enum Outcome {
        DONE,
        NO_SUCH_CLIENT,
        NO_SUCH_KEY,
        TOO_MANY_KEYS,
        EXISTS
    }

    public record Added(Outcome outcome, long keyId, Instant createdAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ApiClientRepository(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * The client of this id: empty when there is none; with a key id when the hash is one of its valid keys, without
     * one (keyId 0) when it is not.
     */
    public Optional<KeyMatch> findWithKey(String clientId, byte[] keyHash) {
        return jdbc.query(FIND_WITH_KEY, ApiClientRepository::match, keyHash, clientId).stream()
                .findFirst();
    }

    public Optional<KeyMatch> findByKey(byte[] keyHash) {
        return jdbc.query(FIND_BY_KEY, ApiClientRepository::match, keyHash).stream()
                .findFirst();
    }

    /** Makes a client with its first key; EXISTS when the id is taken. */
    public Added create(ApiClient client, String description, byte[] keyHash, Instant now) {
        return transaction.execute(status -> {
            int made = jdbc.update(
                    INSERT_CLIENT, client.id(), client.role().name(), client.scope(), description, Timestamp.from(now));
            if (made == 0) {
                return new Added(Outcome.EXISTS, 0, null);
            }
            Long keyId = jdbc.queryForObject(INSERT_KEY, Long.class, client.id(), keyHash, Timestamp.from(now));
            return new Added(Outcome.DONE, keyId, now);
        });
    }

    /** A new key for a client, unless it has {@link #MAX_VALID_KEYS} valid ones (under a lock on the client). */
    public Added addKey(String clientId, byte[] keyHash, Instant now) {
        return transaction.execute(status -> {
            List<String> locked =
                    jdbc.queryForList("SELECT id FROM api_client WHERE id = ? FOR UPDATE", String.class, clientId);
            if (locked.isEmpty()) {
                return new Added(Outcome.NO_SUCH_CLIENT, 0, null);
            }
            Integer valid = jdbc.queryForObject(
                    "SELECT count(*) FROM api_key WHERE client_id = ? AND revoked_at IS NULL", Integer.class, clientId);
            if (valid != null && valid >= MAX_VALID_KEYS) {
                return new Added(Outcome.TOO_MANY_KEYS, 0, null);
            }
            Long keyId = jdbc.queryForObject(INSERT_KEY, Long.class, clientId, keyHash, Timestamp.from(now));
            return new Added(Outcome.DONE, keyId, now);
        });
    }

    /** Revokes a key of a client; a key revoked before stays as it was (DONE). */
    public Outcome revoke(String clientId, long keyId, Instant now) {
        List<Timestamp> found = jdbc.queryForList(
                "SELECT revoked_at FROM api_key WHERE id = ? AND client_id = ?", Timestamp.class, keyId, clientId);
        if (found.isEmpty()) {
            return jdbc.queryForList("SELECT id FROM api_client WHERE id = ?", String.class, clientId)
                            .isEmpty()
                    ? Outcome.NO_SUCH_CLIENT
                    : Outcome.NO_SUCH_KEY;
        }
        jdbc.update(
                "UPDATE api_key SET revoked_at = ? WHERE id = ? AND client_id = ? AND revoked_at IS NULL",
                Timestamp.from(now),
                keyId,
                clientId);
        return Outcome.DONE;
    }

    /** The key hash of a key, to forget it at once in this instance's cache when it is revoked. */
    public Optional<byte[]> keyHash(long keyId) {
        return jdbc.query("SELECT key_hash FROM api_key WHERE id = ?", (rs, row) -> rs.getBytes(1), keyId).stream()
                .findFirst();
    }

    /** Makes the client with this key when no client of that id exists; true when made. */
    public boolean seed(ApiClient client, String description, byte[] keyHash, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.update(SEED, client.id(), client.role().name(), client.scope(), description, at, keyHash, at) > 0;
    }

    public List<ClientView> list() {
        return list(LIST_ALL);
    }

    public Optional<ClientView> find(String clientId) {
        return list(LIST_ONE, clientId).stream().findFirst();
    }

    private List<ClientView> list(String sql, Object... arguments) {
        Map<String, ClientView> clients = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    ClientView client = clients.computeIfAbsent(rs.getString("id"), id -> view(rs));
                    long keyId = rs.getLong("key_id");
                    if (!rs.wasNull()) {
                        client.keys()
                                .add(new KeyView(
                                        keyId,
                                        instant(rs.getTimestamp("key_created_at")),
                                        instant(rs.getTimestamp("revoked_at"))));
                    }
                },
                arguments);
        return List.copyOf(clients.values());
    }

    private static ClientView view(ResultSet rs) {
        try {
            return new ClientView(
                    rs.getString("id"),
                    ClientRole.valueOf(rs.getString("role")),
                    rs.getString("scope"),
                    rs.getString("description"),
                    instant(rs.getTimestamp("created_at")),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyMatch match(ResultSet rs, int row) throws SQLException {
        ApiClient client =
                new ApiClient(rs.getString("id"), ClientRole.valueOf(rs.getString("role")), rs.getString("scope"));
        long keyId = rs.getLong("key_id");
        return new KeyMatch(client, rs.wasNull() ? 0 : keyId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
