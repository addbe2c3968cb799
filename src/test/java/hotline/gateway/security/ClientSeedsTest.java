package hotline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSeedsTest {

    @Test
    void theLocalClientsFileHasAHotlineTwoCentresAnOpen311AppManagersAnOperatorAndTheSixDepartments() {
        List<ClientSeeds.LocalClient> clients = ClientSeeds.readLocal(Path.of("config/local-clients.yml"));

        assertThat(clients)
                .extracting(local -> local.client().role())
                .containsExactly(
                        ClientRole.HOTLINE,
                        ClientRole.CENTRE,
                        ClientRole.CENTRE,
                        ClientRole.OPEN311,
                        ClientRole.MANAGER,
                        ClientRole.OPERATOR,
                        ClientRole.DEPARTMENT,
                        ClientRole.DEPARTMENT,
                        ClientRole.DEPARTMENT,
                        ClientRole.DEPARTMENT,
                        ClientRole.DEPARTMENT,
                        ClientRole.DEPARTMENT,
                        ClientRole.MANAGER);
        assertThat(clients)
                .filteredOn(local -> local.client().role() == ClientRole.CENTRE)
                .extracting(local -> local.client().scope())
                .containsExactly("CAC-XH-03", "CAC-HP-01");
        assertThat(clients).allSatisfy(local -> assertThat(local.key()).startsWith("local-only-"));
        assertThat(clients).extracting(ClientSeeds.LocalClient::key).doesNotHaveDuplicates();
    }

    @Test
    void aBrokenEntryStopsTheStartWithItsPlaceNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("local-clients.yml");
        Files.writeString(file, "clients:\n  - id: a-client\n    role: KING\n    key: k\n");
        assertThatThrownBy(() -> ClientSeeds.readLocal(file))
                .hasMessageContaining("clients[0].role: unknown role KING");
        Files.writeString(file, "clients:\n  - id: a-client\n    role: HOTLINE\n");
        assertThatThrownBy(() -> ClientSeeds.readLocal(file)).hasMessageContaining("clients[0].key: required");
    }
}
