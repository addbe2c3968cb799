package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.security.AccessRules.Need;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static Caller client(ClientRole role) {
        return Caller.of(new ApiClient("c-" + role, role, role == ClientRole.CENTRE ? "CAC-1" : null));
    }

    private static final Caller OFFICE = Caller.brokerUser(new Actor("office-310104003", new OfficeCode("310104003")));

    @Test
    void onlyTheHealthProbesAreOpenToAnyone() {
        assertThat(AccessRules.of("GET", "/actuator/health").need()).isEqualTo(Need.NOBODY);
        assertThat(AccessRules.of("GET", "/actuator/health/liveness").need()).isEqualTo(Need.NOBODY);
        assertThat(AccessRules.of("GET", "/actuator/health/readiness").need()).isEqualTo(Need.NOBODY);
        for (String path : new String[] {
            "/actuator/health/dispatch",
            "/actuator/health/db",
            "/actuator/prometheus",
            "/actuator/metrics",
            "/actuator/camelroutes",
            "/actuator",
            "/actuator/info"
        }) {
            assertThat(AccessRules.of("GET", path)).as(path).isEqualTo(AccessRules.ACTUATOR);
        }
        assertThat(AccessRules.of("GET", "/api/v1/tickets/20261130-0000001").need())
                .isEqualTo(Need.TRACKING_CODE);
        for (String path : new String[] {"/api/v1/criteria", "/api/v1/api-doc", "/", "/anything", "/dashboard/"}) {
            assertThat(AccessRules.of("GET", path).need()).as(path).isEqualTo(Need.CREDENTIALS);
        }
    }

    @Test
    void eachRoleDoesItsOwnWork() {
        assertThat(AccessRules.of("POST", "/api/v1/calls").allows(client(ClientRole.HOTLINE)))
                .isTrue();
        assertThat(AccessRules.of("POST", "/api/v1/calls").allows(client(ClientRole.CENTRE)))
                .isFalse();
        assertThat(AccessRules.of("POST", "/api/v1/calls").allows(OFFICE)).isFalse();
        assertThat(AccessRules.of("POST", "/api/v1/reports").allows(client(ClientRole.CENTRE)))
                .isTrue();
        assertThat(AccessRules.of("POST", "/api/v1/reports/batch").allows(client(ClientRole.HOTLINE)))
                .isFalse();
        assertThat(AccessRules.of("GET", "/api/v1/reports/sla").allows(client(ClientRole.MANAGER)))
                .isTrue();
        assertThat(AccessRules.of("GET", "/api/v1/reports/overdue").allows(client(ClientRole.CENTRE)))
                .isFalse();
        assertThat(AccessRules.of("GET", "/dashboard/dashboard.js").allows(client(ClientRole.HOTLINE)))
                .isFalse();
        assertThat(AccessRules.of("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js")
                        .allows(client(ClientRole.MANAGER)))
                .isTrue();
        assertThat(AccessRules.of("POST", "/api/v1/tickets/X/events").allows(OFFICE))
                .isTrue();
        assertThat(AccessRules.of("POST", "/api/v1/tickets/X/events").allows(client(ClientRole.MANAGER)))
                .isFalse();
        assertThat(AccessRules.of("GET", "/api/v1/offices/310104003/tickets").allows(OFFICE))
                .isTrue();
        assertThat(AccessRules.of("DELETE", "/api/v1/admin/clients/x/keys/1").allows(client(ClientRole.MANAGER)))
                .isFalse();
        assertThat(AccessRules.of("GET", "/actuator/prometheus").allows(client(ClientRole.MANAGER)))
                .isFalse();
        assertThat(AccessRules.of("GET", "/api/v1/criteria").allows(OFFICE)).isTrue();
    }

    @Test
    void aResidentsCommitteeReachesItsOutreachListsAndATicketsStatusOnly() {
        Caller committee = Caller.of(new ApiClient("committee-1", ClientRole.MANAGER, "310104010001"));
        Caller district = Caller.of(new ApiClient("manager-1", ClientRole.MANAGER, "310104"));

        for (String path :
                new String[] {"/api/v1/outreach/index", "/api/v1/outreach/households/abc", "/api/v1/reports/outreach"
                }) {
            assertThat(AccessRules.of("GET", path).allows(committee)).as(path).isTrue();
        }
        assertThat(AccessRules.of("GET", "/api/v1/tickets/20261130-0000001").allows(committee))
                .isTrue();
        assertThat(committee.holds(new OfficeCode("310104010"))).isFalse();
        for (String path : new String[] {
            "/api/v1/reports/sla", "/api/v1/reports/overdue", "/dashboard/", "/api/v1/outreach/match-runs/current"
        }) {
            assertThat(AccessRules.of("GET", path).allows(committee)).as(path).isFalse();
            assertThat(AccessRules.of("GET", path).allows(district)).as(path).isTrue();
        }
        assertThat(AccessRules.of("POST", "/api/v1/outreach/rekey").allows(committee))
                .isFalse();
        assertThat(AccessRules.of("POST", "/api/v1/outreach/rekey").allows(district))
                .isFalse();
        assertThat(AccessRules.of("POST", "/api/v1/outreach/rekey").allows(client(ClientRole.OPERATOR)))
                .isTrue();
    }

    @Test
    void operatorsMayDoAnything() {
        Caller operator = client(ClientRole.OPERATOR);
        for (String[] request : new String[][] {
            {"POST", "/api/v1/calls"},
            {"POST", "/api/v1/reports/batch"},
            {"GET", "/api/v1/reports/sla"},
            {"GET", "/dashboard/"},
            {"POST", "/api/v1/tickets/X/events"},
            {"GET", "/api/v1/offices/city/tickets"},
            {"POST", "/api/v1/admin/clients"},
            {"GET", "/actuator/prometheus"},
            {"GET", "/api/v1/api-doc"}
        }) {
            assertThat(AccessRules.of(request[0], request[1]).allows(operator))
                    .as(String.join(" ", request))
                    .isTrue();
        }
    }

    @Test
    void theTicketNumberOfAStatusRequest() {
        assertThat(AccessRules.ticketNo("/api/v1/tickets/20261130-0000001")).isEqualTo("20261130-0000001");
        assertThat(AccessRules.ticketNo("/api/v1/tickets/20261130-0000001/")).isEqualTo("20261130-0000001");
        assertThat(AccessRules.ticketNo("/api/v1/tickets/20261130-0000001/events"))
                .isNull();
        assertThat(AccessRules.ticketNo("/api/v1/calls")).isNull();
    }
}
