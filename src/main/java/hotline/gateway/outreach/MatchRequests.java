package hotline.gateway.outreach;

import hotline.gateway.security.Caller;
import hotline.gateway.validation.InvalidInputException;
import java.util.Map;

/** The matching job's HTTP face: POST runs one (dryRun=true writes nothing), GET its status. */
public class MatchRequests {

    private final MatchingJob job;
    private final PseudonymKeyCheck keyCheck;

    public MatchRequests(MatchingJob job, PseudonymKeyCheck keyCheck) {
        this.job = job;
        this.keyCheck = keyCheck;
    }

    public MatchProgress run(Map<String, Object> parameters, Caller caller) {
        Object dryRun = parameters.get("dryRun");
        boolean dry = false;
        if (dryRun != null && !dryRun.toString().isBlank()) {
            String text = dryRun.toString();
            if (!text.equals("true") && !text.equals("false")) {
                throw InvalidInputException.of("dryRun", "must be true or false");
            }
            dry = text.equals("true");
        }
        keyCheck.require();
        return job.run(dry, "request:" + caller.id());
    }

    public MatchProgress status() {
        return job.status();
    }
}
