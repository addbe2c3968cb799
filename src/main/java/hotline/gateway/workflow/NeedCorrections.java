package hotline.gateway.workflow;

import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.classification.ModelRepository;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Assessment;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.AssignmentLevel;
import hotline.gateway.privacy.PersonalData;
import hotline.gateway.ticket.CriteriaFacts;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.NeedsView;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A desk's (or the holding office's) correction of a ticket's need, in the event's transaction: the ticket's needs
 * are set, the household is assessed again for the right need's programs (under the criteria of the day the request
 * was received), the current office's SLA targets follow the need's spans, and the correction is kept as a labelled
 * example for the next model version: the text as the ticket holds it, with names, phone and ID numbers masked, for
 * a limited time and the one purpose of improving classification.
 */
public class NeedCorrections {

    private final TicketEventRepository tickets;
    private final AssignmentRepository assignments;
    private final AssignmentDeadlines deadlines;
    private final Assessor assessor;
    private final ModelRepository examples;
    private final Json json;
    private final Duration retention;

    public NeedCorrections(
            TicketEventRepository tickets,
            AssignmentRepository assignments,
            AssignmentDeadlines deadlines,
            Assessor assessor,
            ModelRepository examples,
            Json json,
            Duration retention) {
        this.tickets = tickets;
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.assessor = assessor;
        this.examples = examples;
        this.json = json;
        this.retention = retention;
    }

    void apply(
            TicketRecord ticket,
            AssignmentRecord current,
            NeedCode need,
            String by,
            Instant now,
            Map<String, Object> data) {
        TicketEventRepository.RequestFacts facts = tickets.requestFacts(ticket.id);
        NeedsView stored = facts.needsJson() == null
                ? null
                : json.mapper().convertValue(json.read(facts.needsJson()), NeedsView.class);
        NeedsView needs = stored == null
                ? new NeedsView(need, java.util.List.of(need), 1.0, java.util.List.of(), null, null, null, null)
                : stored.reclassified(need);
        Household household = facts.householdJson() == null
                ? null
                : json.mapper().convertValue(json.read(facts.householdJson()), Household.class);
        Assessment assessment = assessor.assess(needs.all(), CriteriaFacts.of(household), facts.receivedAt());
        data.put("need", need.name());
        data.put("previousNeed", ticket.primaryNeed == null ? null : ticket.primaryNeed.name());
        ticket.primaryNeed = need;
        tickets.updateNeeds(
                ticket.id, need, json.write(needs), assessment.hasPrograms() ? json.write(assessment) : null);
        if (current.level() == AssignmentLevel.TOWN) {
            current.reclassify(need, deadlines.office(ticket.priority, need, current.startedAt()));
        } else {
            current.reclassify(need, Map.of());
        }
        assignments.updateNeed(current);
        String text = facts.text();
        for (String name : facts.names()) {
            if (name != null && !name.isBlank()) {
                text = text.replace(name, PersonalData.maskName(name));
            }
        }
        examples.addCorrection(ticket.id, need, PersonalData.maskText(text), by, now, now.plus(retention));
    }
}
