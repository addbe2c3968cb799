package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.Person;
import hotline.gateway.validation.CheckedBody;
import hotline.gateway.validation.FieldError;
import hotline.gateway.validation.RequestValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts that calls and reports share, read from a body their schema accepted (schemas/requests/common): people,
 * locations and households; and the rule that a bad location hint is a warning, never a refusal.
 */
final class RequestFields {

    /** What is added to a location hint's problem: the request is taken, without that hint. */
    static final String IGNORED = ": ignored for routing";

    private RequestFields() {}

    /**
     * A location hint that is malformed (a townCode that is not 9 digits, coordinates out of range, ...) does not
     * cost the caller the call: it is taken out of the request and named in the answer's warnings.
     */
    static List<FieldError> locationWarnings(CheckedBody checked) {
        List<FieldError> warnings = new ArrayList<>();
        for (FieldError problem : checked.setAside("location")) {
            warnings.add(new FieldError(problem.field(), problem.message() + IGNORED));
        }
        return warnings;
    }

    static Person person(JsonNode node) {
        if (node == null) {
            return null;
        }
        String idNumber = RequestValues.text(node, "idNumber");
        return new Person(
                RequestValues.text(node, "name"),
                RequestValues.text(node, "phone"),
                idNumber == null ? null : idNumber.toUpperCase(Locale.ROOT));
    }

    static Location location(JsonNode node) {
        if (node == null) {
            return null;
        }
        return new Location(
                RequestValues.text(node, "townCode"),
                RequestValues.text(node, "district"),
                RequestValues.text(node, "community"),
                RequestValues.text(node, "address"),
                RequestValues.number(node, "lat"),
                RequestValues.number(node, "lon"));
    }

    static Household household(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode members = node.get("members");
        List<Household.Member> list = null;
        if (members != null && members.isArray()) {
            list = new ArrayList<>(members.size());
            for (JsonNode member : members) {
                list.add(new Household.Member(
                        RequestValues.integer(member, "age"),
                        RequestValues.integer(member, "disabilityGrade"),
                        RequestValues.bool(member, "chronicIllness"),
                        RequestValues.bool(member, "ableToWork"),
                        RequestValues.bool(member, "unemployed"),
                        RequestValues.bool(member, "student")));
            }
        }
        return new Household(
                RequestValues.integer(node, "size"),
                RequestValues.decimal(node, "monthlyIncome"),
                list,
                RequestValues.decimal(node, "monthlyMedicalCosts"),
                RequestValues.bool(node, "suddenHardship"),
                RequestValues.bool(node, "hasLegalSupporter"));
    }
}
