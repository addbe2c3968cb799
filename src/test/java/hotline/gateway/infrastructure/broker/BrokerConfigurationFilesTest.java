package hotline.gateway.infrastructure.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The files under config/artemis: the same configuration whether the broker is embedded or standalone, and the
 * generated security covering every town.
 */
class BrokerConfigurationFilesTest {

    static final Path CONFIG_DIR = Path.of("config", "artemis");
    static final Path BROKER_XML = CONFIG_DIR.resolve("broker.xml");

    @Test
    void aStandaloneBrokerReadsTheSameConfigurationThroughItsEtcFolder() throws Exception {
        FileConfiguration embedded = BrokerConfigurationFiles.loadBrokerXml(BROKER_XML);

        // What a standalone Artemis does: FileDeploymentManager on the file URL, with -Dartemis.instance.etc set
        // by its start script to the folder the files were copied to (here: the same folder).
        FileConfiguration standalone = new FileConfiguration();
        String previous = System.getProperty("artemis.instance.etc");
        System.setProperty("artemis.instance.etc", CONFIG_DIR.toAbsolutePath().toString());
        try {
            FileDeploymentManager deploymentManager =
                    new FileDeploymentManager(BROKER_XML.toUri().toString());
            deploymentManager.addDeployable(standalone);
            deploymentManager.readConfiguration();
        } finally {
            if (previous == null) {
                System.clearProperty("artemis.instance.etc");
            } else {
                System.setProperty("artemis.instance.etc", previous);
            }
        }

        assertThat(standalone.getSecurityRoles().keySet())
                .isEqualTo(embedded.getSecurityRoles().keySet());
        assertThat(standalone.getAddressConfigurations()).hasSameSizeAs(embedded.getAddressConfigurations());
        assertThat(standalone.getAddressSettings().keySet())
                .isEqualTo(embedded.getAddressSettings().keySet());
        assertThat(standalone.getAcceptorConfigurations())
                .singleElement()
                .satisfies(acceptor -> assertThat(acceptor.getParams())
                        .containsEntry("host", "0.0.0.0")
                        .containsEntry("port", "61616")
                        .containsEntry("protocols", "CORE,AMQP,STOMP,MQTT"));
        assertThat(standalone.isSecurityEnabled()).isTrue();
        assertThat(standalone.isPersistenceEnabled()).isTrue();
        assertThat(standalone.getIDCacheSize()).isEqualTo(50_000);
        assertThat(standalone.isPersistIDCache()).isTrue();
    }

    @Test
    void successfulLoginsAreCachedForTenSecondsWithRoomForEveryOffice() throws Exception {
        FileConfiguration configuration = BrokerConfigurationFiles.loadBrokerXml(BROKER_XML);

        assertThat(configuration.getSecurityInvalidationInterval()).isEqualTo(10_000);
        assertThat(configuration.getAuthenticationCacheSize()).isEqualTo(2_000);
        assertThat(configuration.getAuthorizationCacheSize()).isEqualTo(2_000);
    }

    @Test
    void brokerXmlStaysAscii() throws IOException {
        // The standalone broker reads broker.xml with the platform charset.
        byte[] bytes = Files.readAllBytes(BROKER_XML);
        for (byte b : bytes) {
            assertThat(b).as("non-ASCII byte in broker.xml").isBetween((byte) 0, (byte) 127);
        }
    }

    @Test
    void officesReadOnlyTheirOwnQueueAndEverybodyMaySendEvents() throws Exception {
        Map<String, Set<Role>> security =
                BrokerConfigurationFiles.loadBrokerXml(BROKER_XML).getSecurityRoles();

        assertThat(rolesWith(security.get("tickets.310104003"), Role::isConsume))
                .containsExactlyInAnyOrder("gateway", "office-310104003");
        assertThat(rolesWith(security.get("tickets.310104003"), Role::isBrowse))
                .containsExactlyInAnyOrder("gateway", "office-310104003");
        assertThat(rolesWith(security.get("tickets.310104003"), Role::isSend)).containsExactly("gateway");
        assertThat(rolesWith(security.get("triage.310104"), Role::isConsume))
                .containsExactlyInAnyOrder("gateway", "desk-310104");
        assertThat(rolesWith(security.get("escalations.310104"), Role::isConsume))
                .containsExactlyInAnyOrder("gateway", "desk-310104");
        assertThat(rolesWith(security.get("triage.city"), Role::isConsume))
                .containsExactlyInAnyOrder("gateway", "desk-city");
        assertThat(rolesWith(security.get("ticket-events"), Role::isSend))
                .contains("gateway", "office-310104003", "office-310101002", "desk-310104", "desk-city");
        assertThat(rolesWith(security.get("ticket-events"), Role::isConsume)).containsExactly("gateway");
        assertThat(rolesWith(security.get("#"), Role::isCreateAddress)).containsExactly("gateway");

        assertThat(rolesWith(security.get("escalations.city"), Role::isConsume))
                .containsExactlyInAnyOrder("gateway", "desk-city");
        assertThat(rolesWith(security.get("ticket-updates"), Role::isConsume))
                .containsExactlyInAnyOrder("gateway", "hotline");
        assertThat(rolesWith(security.get("ticket-updates"), Role::isSend)).containsExactly("gateway");

        // Only the gateway holds a right that is not consume/browse on a work queue, or send on ticket-events; the
        // hotline system alone makes its own subscription queue on ticket-updates.
        // No "*" setting: a right there (temporary queues are one-word UUID addresses) would reach every one-word
        // address; only the gateway, through "#", makes temporary queues.
        assertThat(security).doesNotContainKey("*");
        security.forEach((match, roles) -> roles.forEach(role -> {
            if (!role.getName().equals("gateway")) {
                boolean subscriber =
                        match.equals("ticket-updates") && role.getName().equals("hotline");
                assertThat(role.isCreateAddress() || role.isDeleteAddress() || role.isManage())
                        .as(role.getName() + " on " + match)
                        .isFalse();
                assertThat(role.isCreateDurableQueue()
                                || role.isDeleteDurableQueue()
                                || role.isCreateNonDurableQueue()
                                || role.isDeleteNonDurableQueue())
                        .as(role.getName() + " makes queues on " + match)
                        .isEqualTo(subscriber);
                assertThat(role.isSend())
                        .as(role.getName() + " sends on " + match)
                        .isEqualTo(match.equals("ticket-events"));
            }
        }));
    }

    @Test
    void theGeneratedSecurityAndQueuesCoverEveryTownAndDistrict() throws Exception {
        // The town list the generator read: the test fails, never skips, when it is missing or has changed shape.
        Path towns = Path.of("config", "jurisdictions.csv");
        assertThat(towns).exists();
        List<String> header =
                List.of(Files.readAllLines(towns, StandardCharsets.UTF_8).get(0).split(","));
        assertThat(header).contains("town_code", "district_code");
        int townColumn = header.indexOf("town_code");
        int districtColumn = header.indexOf("district_code");
        Set<String> townCodes = new HashSet<>();
        Set<String> districtCodes = new HashSet<>();
        Files.readAllLines(towns, StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(",", -1))
                .forEach(cells -> {
                    townCodes.add(cells[townColumn].trim());
                    districtCodes.add(cells[districtColumn].trim());
                });

        FileConfiguration configuration = BrokerConfigurationFiles.loadBrokerXml(BROKER_XML);
        Set<String> queues = configuration.getAddressConfigurations().stream()
                .map(address -> address.getName())
                .collect(Collectors.toSet());
        Map<String, Set<Role>> security = configuration.getSecurityRoles();
        for (String town : townCodes) {
            assertThat(queues).as("queue of town " + town).contains("tickets." + town);
            assertThat(rolesWith(security.get("tickets." + town), Role::isConsume))
                    .as("readers of tickets." + town)
                    .containsExactlyInAnyOrder("gateway", "office-" + town);
        }
        for (String district : districtCodes) {
            assertThat(queues).contains("triage." + district, "escalations." + district);
            assertThat(rolesWith(security.get("triage." + district), Role::isConsume))
                    .containsExactlyInAnyOrder("gateway", "desk-" + district);
        }
        assertThat(queues).contains("triage.city", "ticket-events", "DLQ", "ExpiryQueue");
        assertThat(queues.stream().filter(q -> q.startsWith("tickets."))).hasSameSizeAs(townCodes);
    }

    @Test
    void jaasUsesTheLoginConfigNextToBrokerXmlWithItsFolderAsBaseDir() {
        AppConfigurationEntry[] entries = BrokerConfigurationFiles.loadJaas(CONFIG_DIR)
                .getAppConfigurationEntry(BrokerConfigurationFiles.JAAS_DOMAIN);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.getLoginModuleName()).endsWith("PropertiesLoginModule");
            assertThat(options(entry))
                    .containsEntry("baseDir", CONFIG_DIR.toAbsolutePath().toString())
                    .containsEntry("org.apache.activemq.jaas.properties.user", "artemis-users.properties")
                    .containsEntry("reload", "true");
        });
        assertThat(BrokerConfigurationFiles.loadJaas(CONFIG_DIR).getAppConfigurationEntry("other"))
                .isNull();
    }

    @Test
    void withoutLoginConfigThePropertiesFilesAreUsedAndMissingOnesAreReported(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> BrokerConfigurationFiles.loadJaas(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("artemis-users.properties");

        Files.writeString(dir.resolve("artemis-users.properties"), "u = p\n");
        Files.writeString(dir.resolve("artemis-roles.properties"), "r = u\n");
        assertThat(BrokerConfigurationFiles.loadJaas(dir).getAppConfigurationEntry("activemq"))
                .singleElement()
                .satisfies(entry -> assertThat(options(entry))
                        .containsEntry("baseDir", dir.toAbsolutePath().toString()));
    }

    @Test
    void aMissingBrokerXmlIsReportedWithItsSetting(@TempDir Path dir) {
        assertThatThrownBy(() -> BrokerConfigurationFiles.loadBrokerXml(dir.resolve("broker.xml")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BROKER_CONFIG");
    }

    @Test
    void propertiesBindWithTheDefaultsOfApplicationYml() {
        EmbeddedBrokerProperties defaults = new Binder(
                        new MapConfigurationPropertySource(Map.of("hotline.broker.embedded.port", "61616")))
                .bind("hotline.broker.embedded", EmbeddedBrokerProperties.class)
                .get();
        assertThat(defaults)
                .isEqualTo(new EmbeddedBrokerProperties(
                        "127.0.0.1", 61616, Path.of("config/artemis/broker.xml"), Path.of("data/artemis")));

        EmbeddedBrokerProperties set = new Binder(new MapConfigurationPropertySource(Map.of(
                        "hotline.broker.embedded.port", "61617",
                        "hotline.broker.embedded.host", "0.0.0.0",
                        "hotline.broker.embedded.config", "/etc/hotline/artemis/broker.xml",
                        "hotline.broker.embedded.data-dir", "/var/lib/hotline/artemis")))
                .bind("hotline.broker.embedded", EmbeddedBrokerProperties.class)
                .get();
        assertThat(set)
                .isEqualTo(new EmbeddedBrokerProperties(
                        "0.0.0.0",
                        61617,
                        Path.of("/etc/hotline/artemis/broker.xml"),
                        Path.of("/var/lib/hotline/artemis")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(AppConfigurationEntry entry) {
        return (Map<String, Object>) entry.getOptions();
    }

    private static Set<String> rolesWith(Set<Role> roles, java.util.function.Predicate<Role> permission) {
        assertThat(roles).as("security setting").isNotNull();
        return roles.stream().filter(permission).map(Role::getName).collect(Collectors.toSet());
    }
}
