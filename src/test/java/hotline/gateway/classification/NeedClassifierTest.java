package hotline.gateway.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NeedClassifierTest {

    /** A tiny dictionary whose arithmetic is easy to follow. */
    private static final NeedDictionary SMALL = NeedDictionary.parse(new StringReader("""
            SUBSISTENCE,3,低保
            SUBSISTENCE,2,没有收入
            SUBSISTENCE,1,困难
            MEDICAL,3,医疗救助
            MEDICAL,3,大病医疗救助
            MEDICAL,2,住院
            MEDICAL,1,医院
            HOUSING,2,房租
            HOUSING,2,rent*
            EDUCATION,1,学校
            INFO,3,补办
            URGENT,1.0,煤气味
            URGENT,0.5,没吃东西
            NOW,0.5,今天
            RESOLVED,1,已被
            RESOLVED,1,前几天
            """));

    @Nested
    class Scoring {
        private final NeedClassifier classifier = new NeedClassifier(SMALL);

        @Test
        void primaryIsTheHighestScoreAndSecondaryNeedsFollow() {
            // SUBSISTENCE 3 + 2 = 5, MEDICAL 3; MEDICAL reaches 30 % of 5 and the minimum of 3
            Classification c = classifier.classify("来电人没有收入，想问医疗救助，还想申请低保");
            assertThat(c.primary()).isEqualTo(NeedCode.SUBSISTENCE);
            assertThat(c.all()).containsExactly(NeedCode.SUBSISTENCE, NeedCode.MEDICAL);
            // 5 / (5 + 3) * min(1, 5/3) = 0.625
            assertThat(c.confidence()).isEqualTo(0.63);
            assertThat(c.evidence()).containsExactly("没有收入", "医疗救助", "低保");
            assertThat(c.urgent()).isFalse();
            assertThat(c.urgencyEvidence()).isEmpty();
        }

        @Test
        void aWeakSecondNeedIsNotListed() {
            // SUBSISTENCE 5, MEDICAL 2 (below the minimum secondary score of 3)
            Classification c = classifier.classify("没有收入，低保，住院");
            assertThat(c.all()).containsExactly(NeedCode.SUBSISTENCE);
            assertThat(c.confidence()).isEqualTo(0.71); // 5 / 7
            assertThat(c.evidence()).containsExactly("没有收入", "低保");
        }

        @Test
        void aRepeatedTermCountsOnce() {
            Classification c = classifier.classify("低保，低保，还是低保");
            assertThat(c.confidence()).isEqualTo(1.0);
            assertThat(c.evidence()).containsExactly("低保");
            assertThat(classifier.scores("低保，低保，还是低保")).containsEntry(NeedCode.SUBSISTENCE, 3.0);
        }

        @Test
        void aLongerTermHidesTheShorterOneInsideIt() {
            assertThat(classifier.scores("申请大病医疗救助")).containsEntry(NeedCode.MEDICAL, 3.0);
            assertThat(classifier.classify("申请大病医疗救助").evidence()).containsExactly("大病医疗救助");
        }

        @Test
        void thinEvidenceIsDampedBelowTheThreshold() {
            Classification c = classifier.classify("去了医院");
            assertThat(c.primary()).isEqualTo(NeedCode.OTHER);
            assertThat(c.all()).containsExactly(NeedCode.OTHER);
            assertThat(c.confidence()).isEqualTo(0.33); // 1 / 3
            assertThat(c.evidence()).containsExactly("医院");
        }

        @Test
        void aTieIsNotAGuess() {
            Classification c = classifier.classify("低保和医疗救助");
            assertThat(c.primary()).isEqualTo(NeedCode.OTHER);
            assertThat(c.confidence()).isEqualTo(0.5);
            assertThat(c.evidence()).containsExactly("低保", "医疗救助");
        }

        @Test
        void theThresholdIsConfigurable() {
            NeedClassifier lenient = new NeedClassifier(SMALL, 0.3);
            Classification c = lenient.classify("去了医院");
            assertThat(c.primary()).isEqualTo(NeedCode.MEDICAL);
            assertThat(c.confidence()).isEqualTo(0.33);
            NeedClassifier strict = new NeedClassifier(SMALL, 0.8);
            assertThat(strict.classify("没有收入，低保，住院").primary()).isEqualTo(NeedCode.OTHER);
            assertThat(strict.minConfidence()).isEqualTo(0.8);
        }

        @Test
        void informationOnlyOutweighsAWeakNeed() {
            Classification c = classifier.classify("卡丢了怎么补办，在医院能不能用");
            assertThat(c.primary()).isEqualTo(NeedCode.OTHER);
            assertThat(c.evidence()).containsExactly("补办", "医院");
            // INFO wins even with a threshold of 0
            assertThat(new NeedClassifier(SMALL, 0).classify("补办，住院").primary()).isEqualTo(NeedCode.OTHER);
        }

        @Test
        void nothingMatchedIsOtherWithZeroConfidence() {
            for (String text : new String[] {"宽带老是断线", "", "   ", null}) {
                Classification c = classifier.classify(text);
                assertThat(c.primary()).isEqualTo(NeedCode.OTHER);
                assertThat(c.all()).containsExactly(NeedCode.OTHER);
                assertThat(c.confidence()).isZero();
                assertThat(c.evidence()).isEmpty();
                assertThat(c.urgent()).isFalse();
            }
        }

        @Test
        void englishPrefixTermsAndFullWidthText() {
            assertThat(classifier.classify("Ｔｈｅ ＲＥＮＴ is overdue, rented room").evidence())
                    .containsExactly("rent*");
        }

        @Test
        void minConfidenceMustBeWithinZeroAndOne() {
            assertThatThrownBy(() -> new NeedClassifier(SMALL, 1.5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new NeedClassifier(SMALL, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Urgency {
        private final NeedClassifier classifier = new NeedClassifier(SMALL);

        @Test
        void aStrongDangerTermIsUrgentAlone() {
            Classification c = classifier.classify("楼道里有很浓的煤气味");
            assertThat(c.urgent()).isTrue();
            assertThat(c.urgencyEvidence()).containsExactly("煤气味");
        }

        @Test
        void aWeakDangerTermNeedsAnImmediacyCue() {
            assertThat(classifier.classify("老人经常没吃东西").urgent()).isFalse();
            Classification c = classifier.classify("今天一天还没吃东西");
            assertThat(c.urgent()).isTrue();
            assertThat(c.urgencyEvidence()).containsExactly("今天", "没吃东西");
        }

        @Test
        void anImmediacyCueAloneIsNotUrgent() {
            assertThat(classifier.classify("希望今天处理低保").urgent()).isFalse();
        }

        @Test
        void aResolvedEventInTheSameClauseRaisesNoAlarm() {
            assertThat(classifier.classify("前几天有煤气味（已被邻居发现处理），想申请低保").urgent()).isFalse();
        }

        @Test
        void theResolvedCueOnlyCoversItsOwnClause() {
            Classification c = classifier.classify("上次的煤气味已被处理。今天又闻到煤气味");
            assertThat(c.urgent()).isTrue();
            // the silenced first 煤气味 is not evidence; the second one is
            assertThat(c.urgencyEvidence()).containsExactly("今天", "煤气味");
        }

        @Test
        void aSpaceBetweenChineseWordsEndsAClauseAsPunctuationWould() {
            // a text message without punctuation: the resolved cue in the second clause leaves the first one alone
            Classification message = classifier.classify("今天有煤气味 前几天已被处理过");
            assertThat(message.urgent()).isTrue();
            assertThat(message.urgencyEvidence()).containsExactly("今天", "煤气味");
            // without the space they share one clause, and the resolved cue silences it
            assertThat(classifier.classify("今天有煤气味前几天已被处理过").urgent()).isFalse();
            // a space next to a Latin word is no clause break
            assertThat(classifier.classify("今天有煤气味 ok 前几天已被处理过").urgent()).isFalse();
        }

        @Test
        void urgencyIsIndependentOfTheNeed() {
            Classification c = classifier.classify("有煤气味");
            assertThat(c.primary()).isEqualTo(NeedCode.OTHER);
            assertThat(c.urgent()).isTrue();
        }
    }

    /** The shipped dictionary on calls written for these tests (not the sample file). */
    @Nested
    class ShippedDictionary {
        private final NeedClassifier classifier = ConfiguredClassifier.dictionaryStage();

        private Classification classify(String text) {
            return classifier.classify(text);
        }

        @Test
        void chinese() {
            assertThat(classify("来电人失业半年，家里没有收入，孩子还在上学，想申请低保或者临时救助。").primary()).isEqualTo(NeedCode.SUBSISTENCE);
            assertThat(classify("来电人母亲确诊白血病，化疗费用很高，医保报销后仍自付十几万，询问大病医疗救助。").primary())
                    .isEqualTo(NeedCode.MEDICAL);
            assertThat(classify("来电人父亲八十多岁独居，患有失智症，希望安排助餐和上门照护。").primary()).isEqualTo(NeedCode.ELDERLY_CARE);
            assertThat(classify("来电人儿子是脑瘫患者，想申请轮椅和残疾人护理补贴。").primary()).isEqualTo(NeedCode.DISABILITY);
            assertThat(classify("来电人女儿考上大学，学费交不起，询问助学贷款。").primary()).isEqualTo(NeedCode.EDUCATION);
            assertThat(classify("房东突然要收回房子，来电人一家租不起附近的房子，询问公租房。").primary()).isEqualTo(NeedCode.HOUSING);
            assertThat(classify("公司裁员后一直找不到工作，想参加职业技能培训。").primary()).isEqualTo(NeedCode.EMPLOYMENT);
            assertThat(classify("邻居家两个留守儿童没人照顾，父母在外地打工，孩子经常饿肚子。").primary()).isEqualTo(NeedCode.CHILD_WELFARE);
            assertThat(classify("小区门口路灯坏了一个月，垃圾也没人清运，要求城管处理。").primary()).isEqualTo(NeedCode.URBAN_MANAGEMENT);
            assertThat(classify("来电人称家里着火了，请求马上救援。").primary()).isEqualTo(NeedCode.EMERGENCY);
        }

        @Test
        void english() {
            assertThat(classify("Caller was evicted by his landlord and asks how to apply for public rental housing.")
                            .primary())
                    .isEqualTo(NeedCode.HOUSING);
            assertThat(classify("Caller was laid off in May and asks about unemployment benefits and retraining.")
                            .primary())
                    .isEqualTo(NeedCode.EMPLOYMENT);
            assertThat(classify("Caller's mother has dementia, lives alone and needs a place in a nursing home.")
                            .primary())
                    .isEqualTo(NeedCode.ELDERLY_CARE);
            assertThat(classify("Caller uses a wheelchair and asks about the disability certificate"
                                    + " and barrier-free access.")
                            .primary())
                    .isEqualTo(NeedCode.DISABILITY);
            assertThat(classify("Neighbours play loud music every night; the noise keeps the caller awake.")
                            .primary())
                    .isEqualTo(NeedCode.URBAN_MANAGEMENT);
            assertThat(classify("Caller cannot pay the tuition for her son's college and asks about student loans.")
                            .primary())
                    .isEqualTo(NeedCode.EDUCATION);
        }

        @Test
        void mixed() {
            Classification c = classify("来电人上个月被 laid off 了，想问 unemployment benefits 怎么申请，还有没有 skills training。");
            assertThat(c.primary()).isEqualTo(NeedCode.EMPLOYMENT);
            assertThat(c.evidence()).contains("laid off", "unemploy*", "skills training");
            assertThat(classify("老人有 dementia，需要长护险评估和 home care").primary()).isEqualTo(NeedCode.ELDERLY_CARE);
        }

        @Test
        void informationOnlyAndOffTopicGoToTriage() {
            for (String text : List.of(
                    "来电人询问社保卡丢失后如何补办，没有其他诉求。",
                    "来电人咨询宽带为什么老是断线，怎么报修。",
                    "来电人打来电话表扬居委会干部上门服务热情，特地致谢。",
                    "Caller asks how to file his individual income tax return online. No other request.",
                    "Caller wants to thank the staff of the community centre; no request, just a compliment.",
                    "来电人询问公交线路和末班车时间。")) {
                assertThat(classify(text).primary()).as(text).isEqualTo(NeedCode.OTHER);
            }
        }

        @Test
        void urgentCalls() {
            for (String text : List.of(
                    "对门独居老人家里传出很浓的煤气味，敲门没人应答。",
                    "楼下商铺着火了，浓烟往楼上冒。",
                    "暴雨后河水漫上来，隔壁两位老人被困在家里出不来。",
                    "隔壁三岁的孩子被锁在家里，现在一直在哭，大人不知去向。",
                    "来电人说欠了很多债，不想活了，现在就在江边。",
                    "丈夫喝醉了正在打她，还拿着刀。",
                    "A homeless man is sleeping rough under the bridge tonight and it is below zero.",
                    "Caller says he has nothing to eat and no money for food today.",
                    "老房子的天花板塌下来了，老人还住在里面。")) {
                assertThat(classify(text).urgent()).as(text).isTrue();
                assertThat(classify(text).urgencyEvidence()).as(text).isNotEmpty();
            }
        }

        @Test
        void resolvedPastOrFutureWorriesAreNotUrgent() {
            for (String text : List.of(
                    "最近老人明显行动不便，前几天还忘了关煤气灶（已被邻居发现关掉），希望安排助餐。",
                    "上个月家里厨房起火，已被扑灭，现在想咨询受灾救助。",
                    "Her kitchen fire last month was put out by the fire brigade; she now asks about relief.",
                    "夫妻二人担心月底就要流落街头，想申请公租房。",
                    "来电人想了解今天下午社区有没有老年人健康讲座。")) {
                assertThat(classify(text).urgent()).as(text).isFalse();
            }
        }
    }
}
