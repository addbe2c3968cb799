package hotline.gateway.classification.evaluation;

import hotline.gateway.classification.Classification;
import hotline.gateway.classification.NeedCode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How a classifier does on labelled calls: primary need right, recall per need, how many went to triage, and
 * urgency judged on the text alone (the operator's flag left out): urgent recall and the false urgent rate.
 */
public record EvaluationFigures(
        int calls,
        int primaryRight,
        int triaged,
        Map<NeedCode, int[]> recallByNeed,
        int urgentCalls,
        int urgentFound,
        int normalCalls,
        int falseUrgent,
        List<String> missedUrgent) {

    public static EvaluationFigures of(List<LabelledCall> calls, Function<String, Classification> classifier) {
        Map<NeedCode, int[]> recall = new EnumMap<>(NeedCode.class);
        int right = 0, triaged = 0, urgent = 0, found = 0, normal = 0, falseUrgent = 0;
        List<String> missed = new java.util.ArrayList<>();
        for (LabelledCall call : calls) {
            Classification c = classifier.apply(call.text());
            int[] r = recall.computeIfAbsent(call.need(), n -> new int[2]);
            r[1]++;
            if (c.primary() == call.need()) {
                right++;
                r[0]++;
            }
            if (c.isTriage()) {
                triaged++;
            }
            if (call.urgent()) {
                urgent++;
                if (c.urgent()) {
                    found++;
                } else {
                    missed.add(call.id());
                }
            } else {
                normal++;
                if (c.urgent()) {
                    falseUrgent++;
                }
            }
        }
        return new EvaluationFigures(
                calls.size(), right, triaged, recall, urgent, found, normal, falseUrgent, List.copyOf(missed));
    }

    public double accuracy() {
        return calls == 0 ? 0 : (double) primaryRight / calls;
    }

    public double urgentRecall() {
        return urgentCalls == 0 ? 1 : (double) urgentFound / urgentCalls;
    }

    public double falseUrgentRate() {
        return normalCalls == 0 ? 0 : (double) falseUrgent / normalCalls;
    }

    public double recall(NeedCode need) {
        int[] r = recallByNeed.get(need);
        return r == null || r[1] == 0 ? Double.NaN : (double) r[0] / r[1];
    }

    /** One line of figures and one of per-need recall. */
    public String describe(String label) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-34s n=%-4d need right %5.1f%%  triage %5.1f%%  urgent recall %5.1f%% (%d/%d)  false urgent %4.1f%% (%d/%d)%n",
                label,
                calls,
                100 * accuracy(),
                calls == 0 ? 0 : 100.0 * triaged / calls,
                100 * urgentRecall(),
                urgentFound,
                urgentCalls,
                100 * falseUrgentRate(),
                falseUrgent,
                normalCalls));
        out.append("    recall:");
        for (NeedCode need : NeedCode.values()) {
            int[] r = recallByNeed.get(need);
            if (r != null) {
                out.append(String.format(Locale.ROOT, " %s %d/%d", need, r[0], r[1]));
            }
        }
        return out.append('\n').toString();
    }
}
