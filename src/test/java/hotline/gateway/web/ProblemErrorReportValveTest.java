package hotline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tomcat.util.res.StringManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Tomcat's own refusals become: problem+json naming the part of the request that is wrong. */
class ProblemErrorReportValveTest {

    @Test
    void headersOverTheLimitAre431() {
        // The exception Tomcat's HTTP/1.1 parser throws, with its message in the JVM's locale.
        String message =
                StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");
        Problem problem = ProblemErrorReportValve.problem(400, new IllegalArgumentException(message), false);
        assertThat(problem.status()).isEqualTo(431);
        assertThat(problem.errors().get(0).field()).isEqualTo("(headers)");
    }

    @Test
    void aRefusedPathIsNamedAndAnUnparsableRequestIsToo() {
        assertThat(ProblemErrorReportValve.problem(400, null, true)
                        .errors()
                        .get(0)
                        .field())
                .isEqualTo("(path)");
        assertThat(ProblemErrorReportValve.problem(400, new IllegalArgumentException("Invalid character"), false)
                        .errors()
                        .get(0)
                        .field())
                .isEqualTo("(request)");
        assertThat(ProblemErrorReportValve.problem(400, null, false)
                        .errors()
                        .get(0)
                        .field())
                .isEqualTo("(request)");
        Problem notImplemented = ProblemErrorReportValve.problem(501, null, false);
        assertThat(notImplemented.status()).isEqualTo(501);
        assertThat(notImplemented.title()).isEqualTo("Not Implemented");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/%ZZ",
                "/api/v1/%",
                "/api/v1/%4",
                "/a/%00",
                "/a%2Fb",
                "/a%5cb",
                "/t/%FF%FE",
                "/t/%ED%A0%80"
            })
    void malformedPaths(String path) {
        assertThat(ProblemErrorReportValve.malformedPath(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/calls", "/api/v1/tickets/%E6%B5%8B", "/a%20b", "/"})
    void wellFormedPaths(String path) {
        assertThat(ProblemErrorReportValve.malformedPath(path)).isFalse();
    }
}
