package hotline.gateway.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepTimesTest {

    @Test
    void keepsTheStepsInTheOrderTheyRanAndAddsUpAStepTimedTwice() {
        StepTimes steps = new StepTimes();
        int answer = steps.time("select", () -> 42);
        steps.time("insert", () -> {});
        steps.time("select", () -> {});

        assertThat(answer).isEqualTo(42);
        assertThat(steps.seconds()).containsOnlyKeys("select", "insert");
        assertThat(steps.seconds().keySet()).containsExactly("select", "insert");
        assertThat(steps.seconds().values()).allSatisfy(s -> assertThat(s).isNotNegative());
        assertThat(steps.toString()).matches("select \\d+\\.\\d\\d s, insert \\d+\\.\\d\\d s");
    }

    @Test
    void aStepThatFailsIsStillTimed() {
        StepTimes steps = new StepTimes();
        assertThatThrownBy(() -> steps.time("broken", () -> {
                    throw new IllegalStateException("no");
                }))
                .hasMessage("no");
        assertThat(steps.seconds()).containsOnlyKeys("broken");
    }
}
