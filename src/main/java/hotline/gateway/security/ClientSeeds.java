package hotline.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.files.YamlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients made at start when absent: in production only the first operator, from the hash of a key the operator
 * generated (HOTLINE_OPERATOR_KEY_SHA256); in the embedded default runtime also the local clients of
 * config/local-clients.yml, whose keys are published. A client that exists is left as it is (its keys may have been
 * rotated since).
 */
public final class ClientSeeds {

    private static final Logger log = LoggerFactory.getLogger(ClientSeeds.class);

    /** A client of the local file, with its (published, local-only) key. */
    public record LocalClient(ApiClient client, String key, String description) {}

    private final ApiClientRepository repository;
    private final Clock clock;

    public ClientSeeds(ApiClientRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The first operator: made with this key hash when no client of that id exists. */
    public void operator(String clientId, byte[] keyHash) {
        ApiClient operator = new ApiClient(clientId, ClientRole.OPERATOR, null);
        if (repository.seed(operator, "first operator, from HOTLINE_OPERATOR_KEY_SHA256", keyHash, clock.instant())) {
            log.info("API client {} (OPERATOR) made from HOTLINE_OPERATOR_KEY_SHA256", clientId);
        }
    }

    public void local(List<LocalClient> clients) {
        for (LocalClient local : clients) {
            if (repository.seed(local.client(), local.description(), ApiKeys.hash(local.key()), clock.instant())) {
                log.info(
                        "Local API client {} ({}) made with its published local key: embedded runtime only",
                        local.client().id(),
                        local.client().role());
            }
        }
    }

    /** Reads config/local-clients.yml; a broken entry stops the start with the file and the entry named. */
    public static List<LocalClient> readLocal(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode root = YamlFiles.readTree(content, file.toString());
        JsonNode entries = root == null ? null : root.get("clients");
        if (entries == null || !entries.isArray()) {
            throw new IllegalStateException(file + ": clients: a list is required");
        }
        List<LocalClient> clients = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String where = file + ": clients[" + i + "]";
            String id = text(entry, "id", where);
            String key = text(entry, "key", where);
            String role = text(entry, "role", where);
            JsonNode scope = entry.get("scope");
            JsonNode description = entry.get("description");
            if (!ApiClient.ID.matcher(id).matches()) {
                throw new IllegalStateException(where + ".id: " + id + " is not a client id");
            }
            ClientRole clientRole;
            try {
                clientRole = ClientRole.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ".role: unknown role " + role);
            }
            clients.add(new LocalClient(
                    new ApiClient(id, clientRole, scope == null || scope.isNull() ? null : scope.asText()),
                    key,
                    description == null ? null : description.asText()));
        }
        return clients;
    }

    private static String text(JsonNode entry, String name, String where) {
        JsonNode value = entry == null ? null : entry.get(name);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalStateException(where + "." + name + ": required");
        }
        return value.asText();
    }
}
