package hotline.gateway.open311;

import hotline.gateway.classification.NeedCode;
import hotline.gateway.intake.Channel;
import hotline.gateway.intake.ServiceRequest;
import hotline.gateway.intake.Source;
import hotline.gateway.privacy.PersonalNumbers;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.Person;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.InvalidInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a POST requests (GeoReport v2) → a service request for intake, or every bad field at once (400), a
 * service_code that is not a service (404).
 *
 * <p>Location: {@code lat} and {@code long} together, or {@code address_string}, or {@code address_id} (a 6-digit
 * district or 9-digit town code of the national statistical division codes). The request's id at the gateway is the
 * client's id and its {@code attribute[client_request_id]} when sent (a retry with the same fields is the same
 * request), else a new one for every POST.
 */
final class SubmissionParser {

    static final int MAX_DESCRIPTION = 4000;
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)\\](\\[\\])?");
    private static final Pattern CLIENT_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern ADDRESS_ID = Pattern.compile("[0-9]{6}|[0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final BigDecimal MAX_INCOME = new BigDecimal("100000000");

    private final ServiceCatalogue catalogue;
    private final Clock clock;
    private final ZoneId zone;

    SubmissionParser(ServiceCatalogue catalogue, Clock clock, ZoneId zone) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * @param fields   the form's fields (body and query string)
     * @param clientId the API client that sent it (its api_key's client)
     */
    Submission parse(Map<String, List<String>> fields, String clientId) {
        List<FieldError> errors = new ArrayList<>();
        Fields form = new Fields(fields, errors);
        ServiceCatalogue.Entry service = catalogue.entry(form.single("service_code"));

        Double lat = form.coordinate("lat", 90);
        Double lon = form.coordinate("long", 180);
        String addressString = form.text("address_string", 500);
        String addressId = form.text("address_id", 9);
        if (addressId != null && !ADDRESS_ID.matcher(addressId).matches()) {
            errors.add(new FieldError("address_id", "must be a 6-digit district code or a 9-digit town code"));
            addressId = null;
        }
        if ((lat == null) != (lon == null) && !form.failed("lat") && !form.failed("long")) {
            errors.add(
                    new FieldError(lat == null ? "lat" : "long", "is required with " + (lat == null ? "long" : "lat")));
        }
        if (lat == null
                && lon == null
                && addressString == null
                && addressId == null
                && !form.failed("lat")
                && !form.failed("long")
                && !form.failed("address_id")) {
            errors.add(new FieldError("location", "is required: lat and long, address_string or address_id"));
        }
        String description = form.text("description", MAX_DESCRIPTION);
        String email = form.text("email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "is not an email address"));
            email = null;
        }
        String firstName = form.text("first_name", 50);
        String lastName = form.text("last_name", 50);
        String phone = form.text("phone", 32);
        if (phone != null && !PersonalNumbers.isPhoneNumber(phone)) {
            errors.add(new FieldError(
                    "phone",
                    "must be a mobile number or a landline with its area code (13600001234, 021-6458 1234),"
                            + " optionally after +86 or 0086, or + and another country's number"));
            phone = null;
        }
        String deviceId = form.text("device_id", 64);
        String accountId = form.text("account_id", 64);
        String mediaUrl = form.text("media_url", 2000);
        if (mediaUrl != null && !mediaUrl.startsWith("https://") && !mediaUrl.startsWith("http://")) {
            errors.add(new FieldError("media_url", "must be an http or https URL"));
            mediaUrl = null;
        }
        Map<String, String> attributes = attributes(fields, service, errors);
        String clientRequestId = attributes.get(Attributes.CLIENT_REQUEST_ID);
        if (clientRequestId != null
                && !CLIENT_REQUEST_ID.matcher(clientRequestId).matches()) {
            errors.add(new FieldError(
                    "attribute[" + Attributes.CLIENT_REQUEST_ID + "]",
                    "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
        }
        Integer size = integer(attributes, Attributes.HOUSEHOLD_SIZE, 1, 100, errors);
        BigDecimal income = decimal(attributes, Attributes.MONTHLY_INCOME, errors);
        Integer age = integer(attributes, Attributes.AGE, 0, 150, errors);
        Integer grade = integer(attributes, Attributes.DISABILITY_GRADE, 1, 4, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        String district = attributes.get(Attributes.DISTRICT);
        String townCode = null;
        if (addressId != null && addressId.length() == 9) {
            townCode = addressId;
        } else if (addressId != null && district == null) {
            district = addressId;
        }
        Location location = new Location(townCode, district, null, addressString, lat, lon);
        Person person = firstName == null && lastName == null && phone == null
                ? null
                : new Person(name(firstName, lastName), phone, null);
        Household household = size == null && income == null && age == null && grade == null
                ? null
                : new Household(
                        size,
                        income,
                        age == null && grade == null
                                ? null
                                : List.of(new Household.Member(age, grade, null, null, null, null)),
                        null,
                        null,
                        null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("serviceCode", service.need().name());
        details.put("apiClient", clientId);
        put(details, "clientRequestId", clientRequestId);
        put(details, "addressId", addressId);
        put(details, "deviceId", deviceId);
        put(details, "accountId", accountId);
        put(details, "email", email);
        put(details, "mediaUrl", mediaUrl);
        String externalId = clientId + ":" + (clientRequestId != null ? clientRequestId : UUID.randomUUID());
        ServiceRequest request = new ServiceRequest(
                Source.OPEN311,
                externalId,
                OffsetDateTime.ofInstant(clock.instant(), zone),
                Channel.APP.name(),
                person,
                location,
                description != null ? description : service.service().serviceName(),
                null,
                household,
                false,
                details);
        NeedCode need = service.need();
        return new Submission(request, need, fingerprint(fields));
    }

    /** attribute[code]=value, and attribute[code][]=value for list attributes; each code must be the service's. */
    private static Map<String, String> attributes(
            Map<String, List<String>> fields, ServiceCatalogue.Entry service, List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            if (!field.getKey().startsWith("attribute")) {
                continue;
            }
            Matcher matcher = ATTRIBUTE.matcher(field.getKey());
            if (!matcher.matches()) {
                errors.add(new FieldError(field.getKey(), "is not of the form attribute[code]"));
                continue;
            }
            String code = matcher.group(1);
            ServiceAttribute attribute = service.attributes().stream()
                    .filter(a -> a.code().equals(code))
                    .findFirst()
                    .orElse(null);
            if (attribute == null) {
                errors.add(new FieldError(
                        field.getKey(),
                        "is not an attribute of service " + service.need() + " (GET services/" + service.need()
                                + " lists them)"));
                continue;
            }
            List<String> given = field.getValue().stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .toList();
            if (given.isEmpty()) {
                continue;
            }
            if (given.size() > 1 || values.containsKey(code)) {
                errors.add(new FieldError(field.getKey(), "takes one value"));
                continue;
            }
            String value = given.get(0);
            if (value.length() > 100) {
                errors.add(new FieldError(field.getKey(), "must be at most 100 characters"));
                continue;
            }
            if (attribute.datatype().equals("singlevaluelist") && !attribute.allows(value)) {
                errors.add(new FieldError(
                        field.getKey(),
                        "must be one of the keys GET services/" + service.need() + " lists for " + code));
                continue;
            }
            values.put(code, value);
        }
        return values;
    }

    private static Integer integer(
            Map<String, String> attributes, String code, int min, int max, List<FieldError> errors) {
        String value = attributes.get(code);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError("attribute[" + code + "]", "must be a whole number from " + min + " to " + max));
        return null;
    }

    private static BigDecimal decimal(Map<String, String> attributes, String code, List<FieldError> errors) {
        String value = attributes.get(code);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() >= 0 && number.compareTo(MAX_INCOME) <= 0 && number.scale() <= 2) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(
                "attribute[" + code + "]", "must be a number from 0 to " + MAX_INCOME + " with at most 2 decimals"));
        return null;
    }

    /** Chinese names family name first (张 + 三 = 张三); others given name first. */
    private static String name(String first, String last) {
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return CJK.matcher(first + last).find() ? last + first : first + " " + last;
    }

    private static void put(Map<String, String> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    /** SHA-256 over the fields sent, in name order, without the api_key (a key rotated between retries is the same). */
    static byte[] fingerprint(Map<String, List<String>> fields) {
        TreeMap<String, List<String>> sorted = new TreeMap<>(fields);
        sorted.remove("api_key");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, List<String>> field : sorted.entrySet()) {
                for (String value : field.getValue()) {
                    byte[] name = field.getKey().getBytes(StandardCharsets.UTF_8);
                    byte[] text = value.getBytes(StandardCharsets.UTF_8);
                    digest.update(Integer.toString(name.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) ':');
                    digest.update(name);
                    digest.update(Integer.toString(text.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) ':');
                    digest.update(text);
                }
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The single-valued fields of the form, collecting what is wrong with them. */
    private static final class Fields {
        private final Map<String, List<String>> fields;
        private final List<FieldError> errors;
        private final List<String> failed = new ArrayList<>();

        Fields(Map<String, List<String>> fields, List<FieldError> errors) {
            this.fields = fields;
            this.errors = errors;
        }

        /** The one value of a field, stripped; null when absent or empty ("optional" in GeoReport v2's sense). */
        String single(String name) {
            List<String> values = fields.get(name);
            if (values == null) {
                return null;
            }
            List<String> given =
                    values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
            if (given.size() > 1) {
                reject(name, "is given more than once");
                return null;
            }
            return given.isEmpty() ? null : given.get(0);
        }

        String text(String name, int max) {
            String value = single(name);
            if (value != null && value.length() > max) {
                reject(name, "must be at most " + max + " characters");
                return null;
            }
            return value;
        }

        /** A WGS84 coordinate in decimal degrees within ±limit. */
        Double coordinate(String name, int limit) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                double number = Double.parseDouble(value);
                if (Double.isFinite(number) && Math.abs(number) <= limit && !value.matches(".*[a-zA-Z].*")) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            reject(name, "must be a WGS84 coordinate in decimal degrees from -" + limit + " to " + limit);
            return null;
        }

        boolean failed(String name) {
            return failed.contains(name);
        }

        private void reject(String name, String message) {
            failed.add(name);
            errors.add(new FieldError(name, message));
        }
    }
}
