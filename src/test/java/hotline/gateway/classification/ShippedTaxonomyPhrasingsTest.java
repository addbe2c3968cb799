package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.classification.evaluation.LabelledCall;
import hotline.gateway.text.TermMatcher;
import hotline.gateway.text.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped need dictionary and danger taxonomy on phrasings written for this test (not taken from the labelled
 * calls): kinds of danger said indirectly, conditions and habits that are not danger now, and plain needs.
 */
class ShippedTaxonomyPhrasingsTest {

    private final NeedClassifier classifier = ConfiguredClassifier.dictionaryStage();

    @Test
    void dangerSaidIndirectlyIsUrgent() {
        for (String text : List.of(
                "隔壁的小孩被锁在屋里，哭了一下午了。",
                "楼道里都是烟，楼上里面还有人。",
                "老房子的墙往外鼓出来了，今天下大雨，裂缝越来越大。",
                "有人站在桥上的栏杆外，已经好一会了。",
                "阿拉屋里厢煤气味道老重额。",
                "家里着火了！",
                "她说不想活了，吃了很多药。",
                "My husband is diabetic, he is very drowsy and breathing fast.",
                "Her mother has been missing since this morning and it is getting dark.",
                "楼下停车场一辆车里关着个婴儿，车窗都关着。",
                "我奶奶有老年痴呆，早上自己走出去了，手机也没带。",
                "There's a toddler in a parked car outside the mall, nobody around.",
                "去年着过一次火，今天厨房又冒烟了。")) {
            Classification c = classifier.classify(text);
            assertThat(c.urgent()).as(text).isTrue();
            assertThat(c.urgencyEvidence()).as(text).isNotEmpty();
        }
    }

    @Test
    void conditionsHabitsFearsAndFiguresOfSpeechAreNotUrgent() {
        for (String text : List.of(
                "My father has dementia and now we need a nursing home place for him.",
                "He had a stroke two years ago and now needs help at home twice a week.",
                "The barbecue downstairs keeps its fan running and the smoke comes into our flat every night.",
                "孩子小时候发高烧烧坏了脑子，现在想办残疾证。",
                "万一着火了，消防车都开不进来，现在通道全被堵了。",
                "停电通知说今天下午停电，老人家里的冰箱怎么办？",
                "父母白天上班，经常把孩子锁在家里一整天。",
                "丈夫走了以后家里塌了半边天，两个孩子还在读书，现在想申请临时救助。",
                "去年楼上着过一次火，我家厨房也熏黑了，现在墙皮一直掉，想问修缮有没有补贴。",
                "我妈有认知症，前两次走失都是派出所送回来的，想给她办个防走失手环。",
                "I'm worried about what I'd do if there was a fire, my husband is bedridden.")) {
            assertThat(classifier.classify(text).urgent()).as(text).isFalse();
        }
    }

    @Test
    void plainNeedsInEverydayWordsAreRecognised() {
        assertThat(classifier.classify("房钿一个号头涨了五百，阿拉付勿起，房东讲勿付就搬场。").primary()).isEqualTo(NeedCode.HOUSING);
        assertThat(classifier.classify("社区卫生服务中心打疫苗要预约吗？").primary()).isEqualTo(NeedCode.MEDICAL);
        assertThat(classifier
                        .classify("The school lunches are cold every day; who checks school food?")
                        .primary())
                .isEqualTo(NeedCode.EDUCATION);
        assertThat(classifier.classify("小区里流浪猫越来越多，晚上叫得睡不着。").primary()).isEqualTo(NeedCode.URBAN_MANAGEMENT);
        assertThat(classifier.classify("谢谢你们上次帮忙，楼道灯已经修好了，特地打来表扬一下。").primary()).isEqualTo(NeedCode.OTHER);
    }

    /**
     * The calls written for tuning the taxonomy (config/classification/danger-phrasings.jsonl: urgent ones in every
     * category and register, and everyday, past, feared and conditional ones that are not) come out as labelled. They
     * were written by people who had read nothing of the project, a batch each (their {@code source}); the semantic
     * stage learns their needs too.
     */
    @Test
    void theWrittenDangerPhrasingsComeOutAsLabelled() {
        List<LabelledCall> calls =
                LabelledCall.read(Path.of("config/classification/danger-phrasings.jsonl"), "phrasing");
        assertThat(calls).hasSizeGreaterThan(100);
        assertThat(calls).filteredOn(LabelledCall::urgent).hasSizeGreaterThan(50);
        List<String> wrong = new ArrayList<>();
        for (LabelledCall call : calls) {
            Classification c = classifier.classify(call.text());
            if (c.urgent() != call.urgent()) {
                wrong.add(call.id() + " urgent=" + c.urgent() + " " + c.urgencyEvidence());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A longer term hides a shorter one inside it: a with-cue phrase must not hide a term that is urgent alone. */
    @Test
    void noWithCueTermHidesATermThatIsUrgentAlone() {
        List<DictionaryTerm> terms =
                DangerTaxonomy.load(ConfiguredClassifier.DANGER_TAXONOMY).terms();
        TermMatcher.Builder<String> alone = TermMatcher.builder();
        for (DictionaryTerm t : terms) {
            if (t.kind() == TermKind.URGENT && t.weight() == DangerTaxonomy.ALONE) {
                alone.add(t.term(), t.term());
            }
        }
        TermMatcher<String> matcher = alone.build();
        List<String> hiding = new ArrayList<>();
        for (DictionaryTerm t : terms) {
            if (t.kind() == TermKind.URGENT && t.weight() == DangerTaxonomy.WITH_CUE) {
                String phrase = TextNormalizer.normalize(t.term().replace("*", ""));
                for (TermMatcher.Match<String> m : matcher.findAll(phrase)) {
                    if (m.end() - m.start() < phrase.length()) {
                        hiding.add(t.term() + " hides " + m.payload());
                    }
                }
            }
        }
        assertThat(hiding).isEmpty();
    }
}
