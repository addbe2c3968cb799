package hotline.gateway.bench;

import hotline.gateway.classification.ConfiguredClassifier;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.evaluation.EvaluationFigures;
import hotline.gateway.classification.evaluation.LabelledCall;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints how the classifier does (bench/classification.sh): need accuracy, per-need recall, urgent recall and the
 * false urgent rate on the sample calls, the tuning and validation parts of the labelled calls, and the frozen
 * test set, for the dictionary alone and for both stages. Not a test: it asserts nothing.
 */
public final class ClassificationBenchmark {

    public static void main(String[] args) {
        NeedClassifier dictionary = ConfiguredClassifier.dictionaryStage();
        List<LabelledCall> labelled =
                LabelledCall.read(Path.of("config/classification/labelled-calls.jsonl"), "tuning");
        List<LabelledCall> tuning =
                labelled.stream().filter(c -> c.split().equals("tuning")).toList();
        List<LabelledCall> validation =
                labelled.stream().filter(c -> c.split().equals("validation")).toList();
        List<LabelledCall> frozen =
                LabelledCall.read(Path.of("src/test/resources/classification/frozen-test.jsonl"), "frozen-test");
        List<LabelledCall> samples = LabelledCall.readSamples(Path.of("../shared/data/sample-calls.jsonl"));

        System.out.println("Dictionary alone");
        System.out.print(EvaluationFigures.of(samples, dictionary::classify).describe("sample calls"));
        System.out.print(EvaluationFigures.of(tuning, dictionary::classify).describe("labelled: tuning part"));
        System.out.print(EvaluationFigures.of(validation, dictionary::classify).describe("labelled: validation part"));
        EvaluationFigures frozenFigures = EvaluationFigures.of(frozen, dictionary::classify);
        System.out.print(frozenFigures.describe("frozen test set (never tuned on)"));
    }
}
