package hotline.gateway.security;

import hotline.gateway.jurisdiction.OfficeCode;

/**
 * Who sent an HTTP request, as the gateway authenticated it: an API client (by its key), or one of the broker's users
 * (an office, a desk, the hotline or a system user, by its broker password).
 *
 * @param client the API client; null for a broker user
 * @param actor who acts on tickets for this caller; null for a client that does not act on tickets
 */
public record Caller(String id, ApiClient client, Actor actor) {

    public static Caller of(ApiClient client) {
        return new Caller(client.id(), client, client.actor());
    }

    public static Caller brokerUser(Actor actor) {
        return new Caller(actor.user(), null, actor);
    }

    public boolean has(ClientRole role) {
        return client != null && client.role() == role;
    }

    /** What the caller is, for refusals and metrics: its role, or "office" for a broker user. */
    public String kind() {
        return client == null ? "office" : client.role().name();
    }

    /**
     * May this caller see the whole of a ticket held by that office (the holders' view)? The office holding it, its
     * desk, the hotline, system users and operators; a city-wide manager every ticket, a district manager those of its
     * district's offices.
     */
    public boolean holds(OfficeCode office) {
        if (actor != null) {
            return actor.maySee(office);
        }
        if (has(ClientRole.MANAGER) && !client.communityLevel()) {
            String district = client.district();
            return district == null || new OfficeCode(district).covers(office);
        }
        return false;
    }
}
