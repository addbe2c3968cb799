package hotline.gateway.open311;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Open311 services: one per need of the taxonomy, keyed by the need's code ({@code ELDERLY_CARE}). Made once at
 * start by {@link ServiceCatalogueFile}.
 */
public final class ServiceCatalogue {

    /**
     * One service with what the gateway needs besides the published entry.
     *
     * @param publicText whether GET requests may show a request's description (a public-space report, not a
     *     household's circumstances)
     */
    record Entry(NeedCode need, Open311Service service, List<ServiceAttribute> attributes, boolean publicText) {}

    private final Map<String, Entry> entries;

    ServiceCatalogue(List<Entry> entries) {
        Map<String, Entry> byCode = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byCode.put(entry.service().serviceCode(), entry);
        }
        this.entries = byCode;
    }

    /** GET services. */
    public List<Open311Service> services() {
        List<Open311Service> services = new ArrayList<>();
        entries.values().forEach(entry -> services.add(entry.service()));
        return services;
    }

    /** GET services/{code}: 404 for a code that is not a service. */
    public ServiceDefinition definition(String code) {
        return new ServiceDefinition(code, entry(code).attributes());
    }

    /** The service of a service_code sent: 400 when missing, 404 when unknown (GeoReport v2's errors). */
    Entry entry(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("service_code", "is required");
        }
        Entry entry = entries.get(code);
        if (entry == null) {
            throw new HttpProblemException(
                    404, "Not found", "service_code", code + " is not a service; GET services lists them");
        }
        return entry;
    }

    /** The service of a need; null for a need that is not offered (a city removed it). */
    Entry of(NeedCode need) {
        return entries.get(need.name());
    }

    boolean contains(String code) {
        return entries.containsKey(code);
    }
}
