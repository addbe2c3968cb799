package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.CriteriaCatalogue;
import hotline.gateway.ticket.CriteriaFacts;
import hotline.gateway.ticket.Household;
import hotline.gateway.validation.JsonFields;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An assessment for an operator still on the phone (POST /api/v1/assessments): needs and household facts in the
 * shape of a call, no ticket made, nothing stored. The day is the one given, else today.
 */
public class AssessmentPreview {

    private static final int MAX_NEEDS = NeedCode.values().length;

    private final Assessor assessor;
    private final CriteriaCatalogue catalogue;

    public AssessmentPreview(Assessor assessor, CriteriaCatalogue catalogue) {
        this.assessor = assessor;
        this.catalogue = catalogue;
    }

    public Assessment assess(JsonNode body) {
        JsonFields fields = JsonFields.root(body);
        String dateText = fields.optionalText("date", 32);
        LocalDate date = dateText == null ? null : CriteriaCatalogue.parse(dateText);
        if (dateText != null && date == null) {
            fields.reject("date", CriteriaCatalogue.DATE_RULE);
        }
        List<NeedCode> needs = needs(fields, body.get("needs"));
        Household household = fields.optionalObject("household", RequestFields::household);
        fields.throwIfInvalid();
        return assessor.assess(needs, CriteriaFacts.of(household), date == null ? catalogue.today() : date);
    }

    /** A list of need codes as classification names them, matched without regard to case. */
    private static List<NeedCode> needs(JsonFields fields, JsonNode node) {
        List<NeedCode> needs = new ArrayList<>();
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            fields.reject("needs", "is required: a list of need codes, e.g. [\"SUBSISTENCE\"]");
            return needs;
        }
        if (!node.isArray() || node.size() > MAX_NEEDS) {
            fields.reject("needs", "must be a list of at most " + MAX_NEEDS + " need codes");
            return needs;
        }
        for (int i = 0; i < node.size(); i++) {
            String text = node.get(i).isTextual() ? node.get(i).textValue().toUpperCase(Locale.ROOT) : "";
            NeedCode need = Arrays.stream(NeedCode.values())
                    .filter(code -> code.name().equals(text))
                    .findFirst()
                    .orElse(null);
            if (need == null) {
                fields.reject("needs[" + i + "]", "must be one of " + Arrays.toString(NeedCode.values()));
            } else {
                needs.add(need);
            }
        }
        return needs;
    }
}
