package hotline.gateway.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRecord;
import hotline.gateway.assignment.DispatchDeadlines;
import hotline.gateway.assignment.TargetKind;
import hotline.gateway.assignment.TargetTimes;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.criteria.Program;
import hotline.gateway.intake.NewTicket;
import hotline.gateway.intake.ServiceRequest;
import hotline.gateway.intake.Source;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.Assignment;
import hotline.gateway.jurisdiction.District;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.jurisdiction.ResolutionRule;
import hotline.gateway.jurisdiction.Town;
import hotline.gateway.outreach.rules.MatchDecision;
import hotline.gateway.sla.Deadline;
import hotline.gateway.sla.Deadlines;
import hotline.gateway.sla.SlaSpan;
import hotline.gateway.ticket.AssignmentView;
import hotline.gateway.ticket.Household;
import hotline.gateway.ticket.Location;
import hotline.gateway.ticket.NeedsView;
import hotline.gateway.ticket.Person;
import hotline.gateway.ticket.Priority;
import hotline.gateway.ticket.PublicLinks;
import hotline.gateway.ticket.TicketNumbers;
import hotline.gateway.ticket.TrackingCodes;
import hotline.gateway.ticket.message.FirstDispatch;
import hotline.gateway.ticket.message.TicketMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A finding's proactive visit ticket (source DATA_MATCH, external id the finding's id), in the same shape as an
 * intake ticket: request, ticket on the responsible town's queue (its district's desk when the town is not in the
 * directory), first assignment with the office's SIGN and CONTACT targets and the visit's own RESOLVE target (a visit
 * within N working days), and the dispatch message, with the labels and the criteria's reasons as its explanation.
 */
public class VisitTickets {

    private final TicketNumbers numbers;
    private final JurisdictionDirectory directory;
    private final AssignmentDeadlines deadlines;
    private final Deadlines visitDeadlines;
    private final SlaSpan visitWithin;
    private final Json json;
    private final ZoneId zone;

    private final PublicLinks links;

    public VisitTickets(
            TicketNumbers numbers,
            JurisdictionDirectory directory,
            AssignmentDeadlines deadlines,
            Deadlines visitDeadlines,
            SlaSpan visitWithin,
            Json json,
            ZoneId zone,
            PublicLinks links) {
        this.links = links;
        this.numbers = numbers;
        this.directory = directory;
        this.deadlines = deadlines;
        this.visitDeadlines = visitDeadlines;
        this.visitWithin = visitWithin;
        this.json = json;
        this.zone = zone;
    }

    /** The next ticket number, taken before the ticket is made so that numbers follow the order findings are opened. */
    String number() {
        return numbers.next();
    }

    NewTicket ticket(MatchingRepository.Deferred finding, String ticketNo, Instant now) {
        Explanation explanation = read(finding.explanation());
        NeedCode primary = primaryNeed(explanation);
        List<NeedCode> needs = needs(explanation, primary);
        NeedsView needsView = new NeedsView(
                primary,
                needs,
                1.0,
                explanation.labels().stream().map(Explanation.LabelView::code).toList(),
                null,
                null,
                List.of(),
                null);
        Assignment assignment = assignment(finding);
        Location location = new Location(
                finding.townCode(), finding.districtCode(), finding.communityCode(), finding.address(), null, null);
        Person contact = finding.contactName() == null && finding.contactPhone() == null
                ? null
                : new Person(finding.contactName(), finding.contactPhone(), null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("findingId", finding.findingId());
        details.put("risk", Integer.toString(finding.risk()));
        details.put(
                "labels",
                explanation.labels().stream().map(Explanation.LabelView::code).collect(Collectors.joining(",")));
        details.put(
                "programs",
                explanation.programs().stream()
                        .map(p -> p.program() + ":" + p.outcome())
                        .collect(Collectors.joining(",")));
        details.put(
                "combinations",
                explanation.combinations().stream()
                        .map(MatchDecision.CombinationMet::code)
                        .collect(Collectors.joining(",")));
        ServiceRequest request = new ServiceRequest(
                Source.DATA_MATCH,
                finding.findingId(),
                now.atZone(zone).toOffsetDateTime(),
                "DATA_MATCH",
                contact,
                location,
                content(explanation),
                reasons(explanation),
                household(finding),
                false,
                details);
        Map<TargetKind, TargetTimes> targets = new EnumMap<>(deadlines.of(assignment, Priority.NORMAL, primary, now));
        if (targets.containsKey(TargetKind.RESOLVE)) {
            Deadline visit = visitDeadlines.deadline(TargetKind.RESOLVE, visitWithin, now);
            targets.put(TargetKind.RESOLVE, TargetTimes.due(visit.warnAt(), visit.dueAt()));
        }
        AssignmentRecord first = new AssignmentRecord(
                0,
                1,
                assignment.level(),
                assignment.code(),
                assignment.name(),
                assignment.districtCode(),
                Priority.NORMAL,
                primary,
                "INTAKE",
                now,
                now,
                targets);
        TicketMessage message = FirstDispatch.message(
                ticketNo,
                new FirstDispatch.Request(
                        Source.DATA_MATCH.name(),
                        finding.findingId(),
                        request.receivedAt(),
                        request.content(),
                        request.findings(),
                        contact,
                        location,
                        request.household(),
                        details),
                now,
                needsView,
                AssignmentView.of(assignment),
                links.ticket(ticketNo),
                explanation.assessment(),
                DispatchDeadlines.of(targets),
                FirstDispatch.UrgencyFacts.NONE);
        return new NewTicket(
                request,
                json.fingerprint(request),
                ticketNo,
                Priority.NORMAL,
                needsView,
                FirstDispatch.urgencyRecord(FirstDispatch.UrgencyFacts.NONE),
                assignment,
                first,
                message,
                now,
                explanation.assessment(),
                TrackingCodes.generate(),
                List.of());
    }

    /** The visit's text: what was found, in Chinese and English. */
    static String content(Explanation explanation) {
        StringBuilder zh = new StringBuilder("数据比对主动发现，请上门走访。标签：");
        StringBuilder en = new StringBuilder("Found by data matching: please visit. Labels: ");
        zh.append(explanation.labels().stream().map(Explanation.LabelView::zh).collect(Collectors.joining("、")));
        en.append(explanation.labels().stream().map(Explanation.LabelView::en).collect(Collectors.joining("; ")));
        if (!explanation.programs().isEmpty()) {
            zh.append("。可能符合但未享受：")
                    .append(explanation.programs().stream()
                            .map(p -> p.name() + "（" + p.outcome() + "）")
                            .collect(Collectors.joining("、")));
            en.append(". May qualify for, not receiving: ")
                    .append(explanation.programs().stream()
                            .map(p -> p.program() + " (" + p.outcome() + ")")
                            .collect(Collectors.joining(", ")));
        }
        if (!explanation.combinations().isEmpty()) {
            zh.append("。风险组合：")
                    .append(explanation.combinations().stream()
                            .map(MatchDecision.CombinationMet::nameZh)
                            .collect(Collectors.joining("、")));
            en.append(". Risk combinations: ")
                    .append(explanation.combinations().stream()
                            .map(MatchDecision.CombinationMet::nameEn)
                            .collect(Collectors.joining("; ")));
        }
        return zh.append("。\n").append(en).append('.').toString();
    }

    /** The criteria's reasons per program, then each combination's rule. */
    static String reasons(Explanation explanation) {
        List<String> lines = new ArrayList<>();
        for (MatchDecision.ProgramFinding program : explanation.programs()) {
            lines.add(program.program() + " " + program.outcome() + ": " + String.join("; ", program.reasons()));
        }
        for (MatchDecision.CombinationMet combination : explanation.combinations()) {
            lines.add(combination.code() + ": " + combination.when());
        }
        return String.join("\n", lines);
    }

    private Assignment assignment(MatchingRepository.Deferred finding) {
        Town town = finding.townCode() == null ? null : directory.town(finding.townCode());
        if (town != null) {
            return Assignment.town(town, ResolutionRule.TOWN_CODE);
        }
        District district = finding.districtCode() == null ? null : directory.districtByCode(finding.districtCode());
        return district != null
                ? Assignment.districtDesk(
                        district, ResolutionRule.DISTRICT_ONLY, "town " + finding.townCode() + " unknown")
                : Assignment.cityDesk(ResolutionRule.NONE, "no known town or district");
    }

    private Household household(MatchingRepository.Deferred finding) {
        List<Household.Member> members = new ArrayList<>();
        try {
            List<Candidate.Member> stored = finding.members() == null
                    ? List.of()
                    : json.mapper().readValue(finding.members(), new TypeReference<List<Candidate.Member>>() {});
            for (Candidate.Member m : stored) {
                members.add(new Household.Member(
                        m.age(), m.disabilityGrade(), m.chronicIllness(), null, m.unemployed(), m.student()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable members of finding " + finding.findingId(), e);
        }
        return new Household(finding.size(), finding.income(), members, finding.medicalCosts(), null, null);
    }

    private Explanation read(String text) {
        try {
            ObjectMapper mapper = json.mapper();
            return mapper.readValue(text, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable finding explanation", e);
        }
    }

    /** The need the programs serve first; for labels only, what the labels speak of. */
    static NeedCode primaryNeed(Explanation explanation) {
        if (!explanation.programs().isEmpty()) {
            return need(explanation.programs().get(0).program());
        }
        Set<String> labels =
                explanation.labels().stream().map(Explanation.LabelView::code).collect(Collectors.toSet());
        if (labels.stream().anyMatch(l -> l.startsWith("ELDERLY"))) {
            return NeedCode.ELDERLY_CARE;
        }
        if (labels.stream().anyMatch(l -> l.contains("DISAB"))) {
            return NeedCode.DISABILITY;
        }
        if (labels.stream().anyMatch(l -> l.contains("STUDENT"))) {
            return NeedCode.EDUCATION;
        }
        if (labels.stream().anyMatch(l -> l.contains("ILLNESS") || l.contains("MEDICAL"))) {
            return NeedCode.MEDICAL;
        }
        return NeedCode.SUBSISTENCE;
    }

    private static List<NeedCode> needs(Explanation explanation, NeedCode primary) {
        Set<NeedCode> needs = new LinkedHashSet<>();
        needs.add(primary);
        explanation.programs().forEach(p -> needs.add(need(p.program())));
        return List.copyOf(needs);
    }

    private static NeedCode need(Program program) {
        return switch (program) {
            case MEDICAL_ASSISTANCE -> NeedCode.MEDICAL;
            case EDUCATION_ASSISTANCE -> NeedCode.EDUCATION;
            case EMPLOYMENT_ASSISTANCE -> NeedCode.EMPLOYMENT;
            case HOUSING_ASSISTANCE -> NeedCode.HOUSING;
            case TEMPORARY_ASSISTANCE -> NeedCode.EMERGENCY;
            default -> NeedCode.SUBSISTENCE;
        };
    }
}
