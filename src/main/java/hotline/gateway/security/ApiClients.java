package hotline.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.security.ApiClientRepository.Added;
import hotline.gateway.security.ApiClientRepository.ClientView;
import hotline.gateway.security.ApiClientRepository.KeyMatch;
import hotline.gateway.security.ApiClientRepository.Outcome;
import hotline.gateway.validation.CheckedBody;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.RequestSchema;
import hotline.gateway.validation.RequestValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The API clients and their keys: checks a key (sent as the password of HTTP Basic with the client id as user, or
 * alone in {@code X-Api-Key}), and makes clients, issues keys and revokes them for the operators' admin API.
 *
 * <p>A key the database accepted is taken again without asking it for {@code cacheFor} (a few seconds at most): a key
 * revoked on this instance is forgotten at once, on another instance after that delay. Nothing here logs a key or a
 * hash.
 */
public class ApiClients {

    private static final int MAX_CACHED = 10_000;
    private static final RequestSchema SCHEMA = RequestSchema.named(RequestSchema.API_CLIENT);

    public enum Result {
        /** The key is a valid key of the client. */
        ACCEPTED,
        /** The client exists (or a bare key was sent) and the key is not a valid key of it. */
        REFUSED,
        /** No API client has this id: the name is the broker's business (an office's user). */
        NOT_A_CLIENT
    }

    public record Authentication(Result result, ApiClient client) {}

    /** A key as issued: the key itself appears here once and is never shown again. */
    public record IssuedKey(long id, String key, Instant createdAt) {}

    public record Created(ClientView client, IssuedKey key) {}

    private record Cached(KeyMatch match, long until) {}

    private final ApiClientRepository repository;
    private final Set<String> systemUsers;
    /** A known district (6 digits) or town (9 digits) of the directory. */
    private final Predicate<String> isArea;

    private final Clock clock;
    private final Duration cacheFor;
    private final LongSupplier nanoTime;
    private final Map<String, Cached> accepted = new ConcurrentHashMap<>();

    public ApiClients(
            ApiClientRepository repository,
            Set<String> systemUsers,
            Predicate<String> isArea,
            Clock clock,
            Duration cacheFor,
            LongSupplier nanoTime) {
        this.repository = repository;
        this.systemUsers = Set.copyOf(systemUsers);
        this.isArea = isArea;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.nanoTime = nanoTime;
    }

    /** A key sent alone (X-Api-Key): its client, or REFUSED. */
    public Authentication byKey(String key) {
        byte[] hash = ApiKeys.hash(key);
        Optional<KeyMatch> match = cached(hash).or(() -> remember(hash, repository.findByKey(hash)));
        return match.map(found -> new Authentication(Result.ACCEPTED, found.client()))
                .orElse(new Authentication(Result.REFUSED, null));
    }

    /** HTTP Basic with a client id as user and a key as password. */
    public Authentication byIdAndKey(String clientId, String key) {
        byte[] hash = ApiKeys.hash(key);
        Optional<KeyMatch> cached =
                cached(hash).filter(match -> match.client().id().equals(clientId));
        if (cached.isPresent()) {
            return new Authentication(Result.ACCEPTED, cached.get().client());
        }
        Optional<KeyMatch> found = repository.findWithKey(clientId, hash);
        if (found.isEmpty()) {
            return new Authentication(Result.NOT_A_CLIENT, null);
        }
        if (found.get().keyId() == 0) {
            return new Authentication(Result.REFUSED, found.get().client());
        }
        remember(hash, found);
        return new Authentication(Result.ACCEPTED, found.get().client());
    }

    /** POST /admin/clients: a new client with its first key (schemas/requests/api-client.schema.json). */
    public Created create(JsonNode body) {
        CheckedBody checked = SCHEMA.check(body);
        JsonNode request = checked.body();
        String id = RequestValues.text(request, "id");
        if (id != null && !checked.hasError("id") && brokerUserName(id)) {
            checked.reject(
                    "id", "is a name of the broker's users (office-*, desk-*, hotline, system users): choose another");
        }
        ClientRole role = checked.hasError("role") ? null : RequestValues.enumValue(request, "role", ClientRole.class);
        String scope = checked.hasError("scope") ? null : scope(checked, role);
        String description = RequestValues.text(request, "description");
        checked.throwIfInvalid();

        ApiClient client = new ApiClient(id, role, scope);
        String key = ApiKeys.generate();
        Added added = repository.create(client, description, ApiKeys.hash(key), clock.instant());
        if (added.outcome() == Outcome.EXISTS) {
            throw new HttpProblemException(409, "Conflict", "id", "client " + id + " exists already");
        }
        return new Created(repository.find(id).orElseThrow(), new IssuedKey(added.keyId(), key, added.createdAt()));
    }

    /** POST /admin/clients/{clientId}/keys: a second key, for rotation. */
    public IssuedKey newKey(String clientId) {
        String key = ApiKeys.generate();
        Added added = repository.addKey(clientId, ApiKeys.hash(key), clock.instant());
        return switch (added.outcome()) {
            case DONE -> new IssuedKey(added.keyId(), key, added.createdAt());
            case TOO_MANY_KEYS ->
                throw new HttpProblemException(
                        409,
                        "Conflict",
                        "keys",
                        "client " + clientId + " has " + ApiClientRepository.MAX_VALID_KEYS
                                + " valid keys already: revoke one first");
            default -> throw noSuchClient(clientId);
        };
    }

    /** DELETE /admin/clients/{clientId}/keys/{keyId}: the key stops working (on other instances within seconds). */
    public ClientView revoke(String clientId, String keyId) {
        long id;
        try {
            id = Long.parseLong(keyId);
        } catch (NumberFormatException e) {
            throw new HttpProblemException(404, "Not found", "keyId", "client " + clientId + " has no key " + keyId);
        }
        Outcome outcome = repository.revoke(clientId, id, clock.instant());
        if (outcome == Outcome.NO_SUCH_CLIENT) {
            throw noSuchClient(clientId);
        }
        if (outcome == Outcome.NO_SUCH_KEY) {
            throw new HttpProblemException(404, "Not found", "keyId", "client " + clientId + " has no key " + keyId);
        }
        repository.keyHash(id).ifPresent(hash -> accepted.remove(HexFormat.of().formatHex(hash)));
        return repository.find(clientId).orElseThrow(() -> noSuchClient(clientId));
    }

    /** GET /admin/clients: every client with its keys' ids and dates, never a key or a hash. */
    public List<ClientView> list() {
        return repository.list();
    }

    private String scope(CheckedBody checked, ClientRole role) {
        String scope = RequestValues.text(checked.body(), "scope");
        if (role == null) {
            return null;
        }
        return switch (role) {
            case MANAGER -> {
                if (scope == null || scope.equals("city")) {
                    yield null;
                }
                // A residents' committee: a community's 12-digit code in a known town (its outreach lists only).
                boolean community = scope.matches("[0-9]{12}") && isArea.test(scope.substring(0, 9));
                boolean district = scope.matches("[0-9]{6}") && isArea.test(scope);
                if (!community && !district) {
                    checked.reject(
                            "scope",
                            "must be a district's 6-digit code (e.g. 310104), a community's 12-digit code in a known"
                                    + " town (e.g. 310104010001: a residents' committee, outreach lists only) or city");
                }
                yield scope;
            }
            case HOTLINE, OPERATOR -> {
                if (scope != null) {
                    checked.reject("scope", "is not used for role " + role);
                }
                yield null;
            }
            case CENTRE, OPEN311, DEPARTMENT -> scope;
        };
    }

    private boolean brokerUserName(String id) {
        return id.startsWith("office-")
                || id.startsWith("desk-")
                || id.equals(Actor.HOTLINE_USER)
                || systemUsers.contains(id);
    }

    private Optional<KeyMatch> cached(byte[] hash) {
        if (cacheFor.isZero()) {
            return Optional.empty();
        }
        String key = HexFormat.of().formatHex(hash);
        Cached cached = accepted.get(key);
        if (cached == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - cached.until() > 0) {
            accepted.remove(key);
            return Optional.empty();
        }
        return Optional.of(cached.match());
    }

    private Optional<KeyMatch> remember(byte[] hash, Optional<KeyMatch> match) {
        if (match.isPresent() && match.get().keyId() != 0 && !cacheFor.isZero()) {
            if (accepted.size() >= MAX_CACHED) {
                accepted.clear();
            }
            accepted.put(
                    HexFormat.of().formatHex(hash), new Cached(match.get(), nanoTime.getAsLong() + cacheFor.toNanos()));
        }
        return match;
    }

    private static HttpProblemException noSuchClient(String clientId) {
        return new HttpProblemException(404, "Not found", "clientId", "no client " + clientId);
    }
}
