package hotline.gateway.bench;

import hotline.gateway.classification.Classification;
import hotline.gateway.classification.ConfiguredClassifier;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.evaluation.EvaluationFigures;
import hotline.gateway.classification.evaluation.LabelledCall;
import java.nio.file.Path;
import java.util.List;

/**
 * For whoever tunes config/need-dictionary.csv and config/classification/danger-taxonomy.yml: the figures on the
 * tuning part of the labelled calls and every call of that part the dictionary gets wrong, with its text. With the
 * argument {@code validation} it prints the validation part's figures alone, without any call's text, to check a
 * change made on the tuning part. It never reads the frozen test set (judged by ClassificationBenchmark).
 */
public final class TuningReport {

    public static void main(String[] args) {
        NeedClassifier classifier = ConfiguredClassifier.dictionaryStage();
        if (args.length > 0 && args[0].equals("validation")) {
            List<LabelledCall> validation =
                    LabelledCall.read(Path.of("config/classification/labelled-calls.jsonl"), "tuning").stream()
                            .filter(c -> c.split().equals("validation"))
                            .toList();
            System.out.print(
                    EvaluationFigures.of(validation, classifier::classify).describe("validation part"));
            return;
        }
        List<LabelledCall> tuning =
                LabelledCall.read(Path.of("config/classification/labelled-calls.jsonl"), "tuning").stream()
                        .filter(c -> c.split().equals("tuning"))
                        .toList();
        System.out.print(EvaluationFigures.of(tuning, classifier::classify).describe("tuning part"));
        for (LabelledCall call : tuning) {
            Classification c = classifier.classify(call.text());
            boolean needWrong = c.primary() != call.need();
            boolean urgencyWrong = c.urgent() != call.urgent();
            if (needWrong || urgencyWrong) {
                System.out.printf(
                        "%s%s %s need %s got %s (%.2f)%s urgent %s got %s %s%n    %s%n",
                        needWrong ? "N" : " ",
                        urgencyWrong ? "U" : " ",
                        call.id(),
                        call.need(),
                        c.primary(),
                        c.confidence(),
                        c.evidence(),
                        call.urgent(),
                        c.urgent(),
                        c.urgencyEvidence(),
                        call.text());
            }
        }
    }
}
