package hotline.gateway.ticket;

import hotline.gateway.jurisdiction.LocationHints;

/** Where the need is, as far as the caller or centre could say. */
public record Location(String townCode, String district, String community, String address, Double lat, Double lon) {

    public LocationHints hints() {
        return new LocationHints(townCode, district, community, address);
    }
}
