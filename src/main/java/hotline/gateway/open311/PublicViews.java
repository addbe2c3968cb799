package hotline.gateway.open311;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.privacy.PersonalData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A stored request → its public view (GeoReport v2). The description is shown only where both the service the client
 * chose and the need the ticket has now are services whose reports are public (publicText in services.yml, by default
 * urban management alone), with phone and resident ID numbers masked; a household's circumstances are never shown.
 */
final class PublicViews {

    /** w3 date-time with the offset, to the second. */
    static final DateTimeFormatter W3 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ServiceCatalogue catalogue;
    private final ZoneId zone;

    PublicViews(ServiceCatalogue catalogue, ZoneId zone) {
        this.catalogue = catalogue;
        this.zone = zone;
    }

    RequestView of(StoredRequest stored) {
        ServiceCatalogue.Entry service = entry(stored.primaryNeed());
        ServiceCatalogue.Entry chosen = entry(stored.serviceCode());
        boolean publicText = service != null && service.publicText() && (chosen == null || chosen.publicText());
        boolean closed = StatusNotes.status(stored.status()).equals("closed");
        return new RequestView(
                stored.ticketNo(),
                StatusNotes.status(stored.status()),
                StatusNotes.of(stored.status(), stored.office(), stored.extended()),
                service == null ? stored.primaryNeed() : service.service().serviceName(),
                stored.primaryNeed(),
                publicText ? PersonalData.maskText(stored.content()) : null,
                stored.office(),
                null,
                format(stored.receivedAt()),
                format(stored.updatedAt()),
                closed ? null : format(stored.resolveDue()),
                stored.address(),
                stored.addressId(),
                null,
                stored.lat(),
                stored.lon(),
                stored.mediaUrl());
    }

    String format(Instant instant) {
        return instant == null ? null : W3.format(instant.atZone(zone));
    }

    private ServiceCatalogue.Entry entry(String code) {
        if (code == null) {
            return null;
        }
        try {
            return catalogue.of(NeedCode.valueOf(code));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
