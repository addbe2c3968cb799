package hotline.gateway.config;

import hotline.gateway.classification.ClassificationMethod;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.intake.NewTicket;
import hotline.gateway.intake.Source;
import hotline.gateway.ticket.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;

/**
 * Tickets made by intake, after their transaction committed: by source, the classification method that decided and
 * the priority ({@code hotline_intake_tickets_total}), and by primary need ({@code hotline_intake_needs_total}): the
 * dashboard's intake rate and classification methods. The combinations are registered at start (at 0), so the series
 * exist before the first ticket.
 */
public class IntakeMetrics implements Consumer<NewTicket> {

    private static final ClassificationMethod[] INTAKE_METHODS = {
        ClassificationMethod.DICTIONARY, ClassificationMethod.SEMANTIC
    };

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Source source : Source.values()) {
            for (ClassificationMethod method : INTAKE_METHODS) {
                for (Priority priority : Priority.values()) {
                    tickets(source.name(), method.name(), priority.name());
                }
            }
        }
        for (NeedCode need : NeedCode.values()) {
            needs(need.name());
        }
    }

    @Override
    public void accept(NewTicket ticket) {
        ClassificationMethod method = ticket.needs().method();
        NeedCode need = ticket.needs().primary();
        tickets(
                        ticket.request().source().name(),
                        method == null ? "NONE" : method.name(),
                        ticket.priority().name())
                .increment();
        needs(need == null ? "NONE" : need.name()).increment();
    }

    private Counter tickets(String source, String method, String priority) {
        return Counter.builder("hotline.intake.tickets")
                .description("Tickets made by intake (calls, reports, batches)")
                .tag("source", source)
                .tag("method", method)
                .tag("priority", priority)
                .register(registry);
    }

    private Counter needs(String need) {
        return Counter.builder("hotline.intake.needs")
                .description("Tickets made by intake, by primary need")
                .tag("need", need)
                .register(registry);
    }
}
