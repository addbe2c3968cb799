package hotline.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.CriteriaCatalogue;
import hotline.gateway.ticket.CriteriaFacts;
import hotline.gateway.ticket.Household;
import hotline.gateway.validation.RequestSchema;
import hotline.gateway.validation.RequestValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An assessment for an operator still on the phone (POST /api/v1/assessments, schemas/requests/assessment.schema.json):
 * needs and household facts in the shape of a call, no ticket made, nothing stored. The day is the one given, else
 * today.
 */
public class AssessmentPreview {

    private static final RequestSchema SCHEMA = RequestSchema.named(RequestSchema.ASSESSMENT);

    private final Assessor assessor;
    private final CriteriaCatalogue catalogue;

    public AssessmentPreview(Assessor assessor, CriteriaCatalogue catalogue) {
        this.assessor = assessor;
        this.catalogue = catalogue;
    }

    public Assessment assess(JsonNode body) {
        JsonNode request = SCHEMA.validate(body);
        String dateText = RequestValues.text(request, "date");
        LocalDate date = dateText == null ? catalogue.today() : LocalDate.parse(dateText);
        List<NeedCode> needs = new ArrayList<>();
        request.get("needs").forEach(need -> needs.add(NeedCode.valueOf(need.textValue())));
        Household household = RequestFields.household(RequestValues.object(request, "household"));
        return assessor.assess(needs, CriteriaFacts.of(household), date);
    }
}
