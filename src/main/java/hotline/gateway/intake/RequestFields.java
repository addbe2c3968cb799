package hotline.gateway.intake;

import hotline.gateway.privacy.PersonalNumbers;
import hotline.gateway.privacy.ResidentIdNumber;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.Person;
import hotline.gateway.validation.JsonFields;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The parts that calls and reports share: ids, people, locations and households, with their rules. */
final class RequestFields {

    static final int MAX_CONTENT_LENGTH = 4000;
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TOWN_CODE = Pattern.compile("[0-9]{9}");
    private static final BigDecimal MAX_INCOME = new BigDecimal("100000000");

    private RequestFields() {}

    /** A client's id of its record: 1-64 characters of A-Z a-z 0-9 . _ : - */
    static String externalId(JsonFields fields, String name) {
        String id = fields.requiredText(name, 64);
        if (id != null && !EXTERNAL_ID.matcher(id).matches()) {
            fields.reject(name, "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
            return null;
        }
        return id;
    }

    static String content(JsonFields fields) {
        return fields.requiredText("content", MAX_CONTENT_LENGTH);
    }

    static Person person(JsonFields fields) {
        String name = fields.optionalText("name", 100);
        String phone = fields.optionalText("phone", 32);
        // The recogniser the masks use: whatever is accepted here is found and masked in any text.
        if (phone != null && !PersonalNumbers.isPhoneNumber(phone)) {
            fields.reject(
                    "phone",
                    "must be a mobile number or a landline with its area code (13600001234, 021-6458 1234), optionally"
                            + " after +86 or 0086, or + and another country's number; single spaces or hyphens may"
                            + " separate the groups");
            phone = null;
        }
        String idNumber = fields.optionalText("idNumber", 32);
        if (idNumber != null) {
            String problem = ResidentIdNumber.problem(idNumber);
            if (problem != null) {
                fields.reject("idNumber", "is not a valid resident ID number: " + problem);
                idNumber = null;
            } else {
                idNumber = idNumber.toUpperCase();
            }
        }
        return new Person(name, phone, idNumber);
    }

    static Location location(JsonFields fields) {
        String townCode = fields.optionalText("townCode", 16);
        if (townCode != null && !TOWN_CODE.matcher(townCode).matches()) {
            fields.reject("townCode", "must be a 9-digit town code");
            townCode = null;
        }
        return new Location(
                townCode,
                fields.optionalText("district", 50),
                fields.optionalText("community", 100),
                fields.optionalText("address", 500),
                fields.optionalNumber("lat", -90, 90),
                fields.optionalNumber("lon", -180, 180));
    }

    static Household household(JsonFields fields) {
        return new Household(
                fields.optionalInteger("size", 1, 100),
                fields.optionalDecimal("monthlyIncome", BigDecimal.ZERO, MAX_INCOME),
                fields.optionalObjectArray(
                        "members",
                        100,
                        member -> new Household.Member(
                                member.optionalInteger("age", 0, 150),
                                member.optionalInteger("disabilityGrade", 1, 4),
                                member.optionalBoolean("chronicIllness"),
                                member.optionalBoolean("ableToWork"),
                                member.optionalBoolean("unemployed"),
                                member.optionalBoolean("student"))),
                fields.optionalDecimal("monthlyMedicalCosts", BigDecimal.ZERO, MAX_INCOME),
                fields.optionalBoolean("suddenHardship"),
                fields.optionalBoolean("hasLegalSupporter"));
    }
}
