package hotline.gateway.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.classification.NeedCode;
import hotline.gateway.classification.NeedDictionary;
import hotline.gateway.validation.HttpProblemException;
import java.io.StringReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ServiceCatalogueFileTest {

    @Test
    void theShippedCatalogueHasAServicePerNeedNamedInChineseAndEnglish() {
        ServiceCatalogue catalogue = ShippedCatalogue.load();
        assertThat(catalogue.services())
                .extracting(Open311Service::serviceCode)
                .containsExactlyElementsOf(
                        Arrays.stream(NeedCode.values()).map(Enum::name).toList());
        assertThat(catalogue.services()).allSatisfy(service -> {
            assertThat(service.serviceName()).matches(".*\\p{IsHan}.* / [A-Z].*");
            assertThat(service.description()).isNotBlank();
            assertThat(service.keywords()).isNotBlank();
            assertThat(service.metadata()).isTrue();
            assertThat(service.type()).isEqualTo("realtime");
        });
        assertThat(catalogue.definition("URBAN_MANAGEMENT").attributes())
                .extracting(ServiceAttribute::code)
                .containsExactly("client_request_id", "district");
        assertThat(catalogue.definition("URBAN_MANAGEMENT").attributes().get(1).values())
                .extracting(ServiceAttribute.Value::key)
                .containsExactly("310101", "310104");
        assertThat(catalogue.of(NeedCode.OTHER).service().description()).startsWith("不属于以上各类的诉求");
        assertThat(catalogue.of(NeedCode.OTHER).service().keywords()).isEqualTo("其他诉求, Other requests");
        assertThat(catalogue.of(NeedCode.URBAN_MANAGEMENT).publicText()).isTrue();
        assertThat(catalogue.of(NeedCode.OTHER).publicText()).isFalse();
        assertThat(catalogue.of(NeedCode.SUBSISTENCE).publicText()).isFalse();
    }

    @Test
    void descriptionsAndKeywordsComeFromTheNeedFiles() throws Exception {
        JsonNode services = new ObjectMapper()
                .readTree("{\"services\":{\"HOUSING\":{\"zh\":\"住房\",\"en\":\"Housing\",\"group\":\"g\","
                        + "\"attributes\":[\"household_size\"]}}}");
        JsonNode descriptions = new ObjectMapper()
                .readTree("{\"needs\":{\"HOUSING\":{\"zh\":[\"房子漏雨\",\"二\"],\"en\":[\"The roof leaks\"]}}}");
        NeedDictionary dictionary =
                NeedDictionary.parse(new StringReader("category,weight,term\nHOUSING,1,房子\nHOUSING,3,廉租房\n"));
        ServiceCatalogue catalogue =
                ServiceCatalogueFile.build(services, descriptions, dictionary, ShippedCatalogue.DISTRICTS, "t");
        Open311Service housing = catalogue.services().get(0);
        assertThat(housing.description()).isEqualTo("房子漏雨 / The roof leaks");
        assertThat(housing.keywords()).isEqualTo("廉租房, 房子");
        assertThat(housing.group()).isEqualTo("g");
        assertThat(catalogue.definition("HOUSING").attributes())
                .extracting(ServiceAttribute::code, ServiceAttribute::order)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("client_request_id", 1),
                        org.assertj.core.groups.Tuple.tuple("district", 2),
                        org.assertj.core.groups.Tuple.tuple("household_size", 3));
        assertThatThrownBy(() -> catalogue.definition("MEDICAL"))
                .isInstanceOfSatisfying(
                        HttpProblemException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aBrokenFileStopsTheStart() throws Exception {
        ObjectMapper json = new ObjectMapper();
        NeedDictionary dictionary = NeedDictionary.parse(new StringReader("category,weight,term\n"));
        assertThatThrownBy(() -> ServiceCatalogueFile.build(
                        json.readTree("{\"services\":{\"POTHOLE\":{\"zh\":\"a\",\"en\":\"b\",\"group\":\"c\"}}}"),
                        null,
                        dictionary,
                        ShippedCatalogue.DISTRICTS,
                        "t"))
                .hasMessageContaining("services.POTHOLE: not a need code");
        assertThatThrownBy(() -> ServiceCatalogueFile.build(
                        json.readTree("{\"services\":{\"OTHER\":{\"zh\":\"a\",\"en\":\"b\",\"group\":\"c\","
                                + "\"attributes\":[\"shoe_size\"]}}}"),
                        null,
                        dictionary,
                        ShippedCatalogue.DISTRICTS,
                        "t"))
                .hasMessageContaining("shoe_size");
        assertThatThrownBy(() -> ServiceCatalogueFile.build(
                        json.readTree("{\"services\":{\"OTHER\":{\"zh\":\"a\",\"group\":\"c\"}}}"),
                        null,
                        dictionary,
                        ShippedCatalogue.DISTRICTS,
                        "t"))
                .hasMessageContaining("services.OTHER.en");
    }
}
