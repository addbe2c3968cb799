package hotline.gateway.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JurisdictionResolverTest {

    private final JurisdictionResolver resolver = new JurisdictionResolver(JurisdictionFixtures.directory());

    private Assignment resolve(String townCode, String district, String community, String address) {
        return resolver.resolve(new LocationHints(townCode, district, community, address));
    }

    @Test
    void anExplicitTownCodeDecides() {
        Assignment assignment = resolve("310104003", null, null, "宛平南路某小区");
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.TOWN);
        assertThat(assignment.code()).isEqualTo("310104003");
        assertThat(assignment.name()).isEqualTo("天平路街道");
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.TOWN_CODE);
        assertThat(assignment.queue()).isEqualTo("tickets.310104003");
    }

    @Test
    void anUnknownTownCodeFallsThroughToTheNextRule() {
        Assignment assignment = resolve("310115199", "浦东新区", null, "浦东新区惠南镇拱极路");
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.ADDRESS_TOWN_NAME);
        assertThat(assignment.code()).isEqualTo("310115131");
    }

    @Test
    void anUnknownTownCodeAloneGoesToItsDistrictDesk() {
        Assignment assignment = resolve("310115199", null, null, null);
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(assignment.code()).isEqualTo("310115");
        assertThat(assignment.queue()).isEqualTo("triage.310115");
    }

    @Test
    void aTownCodeOutsideTheStatedDistrictGoesToThatDistrictsDesk() {
        Assignment assignment = resolve("310104003", "长宁区", null, null);
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(assignment.code()).isEqualTo("310105");
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.AMBIGUOUS);
        assertThat(assignment.detail()).contains("天平路街道");
    }

    @Test
    void aTownCodeOutsideTheDistrictOfTheAddressGoesToThatDistrictsDesk() {
        Assignment assignment = resolve("310104003", null, null, "长宁区某路");
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(assignment.code()).isEqualTo("310105");
        assertThat(assignment.detail()).contains("address");
    }

    @Test
    void aCommunityFromTheDirectoryDecides() {
        Assignment assignment = resolve(null, null, "宛平南路居委会", null);
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.COMMUNITY);
        assertThat(assignment.code()).isEqualTo("310104003");
        // Callers leave out the suffix.
        assertThat(resolve(null, null, "宛平南路", null).code()).isEqualTo("310104003");
    }

    @Test
    void aCommunityNameOfTwoTownsIsDecidedByTheDistrictOrGoesToADesk() {
        assertThat(resolve(null, "闵行区", "建设新村", null).code()).isEqualTo("310112102");
        Assignment ambiguous = resolve(null, null, "建设新村居委会", null);
        assertThat(ambiguous.level()).isEqualTo(AssignmentLevel.CITY_DESK);
        assertThat(ambiguous.rule()).isEqualTo(ResolutionRule.AMBIGUOUS);
    }

    @Test
    void theFullNameOrTheShortFormOfATownInTheAddressDecides() {
        assertThat(resolve(null, null, null, "徐汇区天平路街道宛平路").code()).isEqualTo("310104003");
        Assignment shortForm = resolve(null, null, null, "徐汇区天平路156弄7号2楼");
        assertThat(shortForm.code()).isEqualTo("310104003");
        assertThat(shortForm.rule()).isEqualTo(ResolutionRule.ADDRESS_TOWN_NAME);
    }

    @Test
    void englishAddressesNameTownsInPinyin() {
        Assignment assignment = resolve(null, null, null, "Huajing Town, Xuhui District, Shanghai");
        assertThat(assignment.code()).isEqualTo("310104103");
        assertThat(resolve(null, null, null, "12 Tianping Road, Xuhui").code()).isEqualTo("310104003");
    }

    @Test
    void theFullNameWinsOverAShortFormItContains() {
        // 漕河泾 alone is 漕河泾街道 or the 漕河泾 development zone; 漕河泾街道 is one town.
        assertThat(resolve(null, null, null, "徐汇区漕河泾街道钦州南路").code()).isEqualTo("310104017");
        Assignment ambiguous = resolve(null, null, null, "徐汇区漕河泾一带的老公房");
        assertThat(ambiguous.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(ambiguous.code()).isEqualTo("310104");
        assertThat(ambiguous.rule()).isEqualTo(ResolutionRule.AMBIGUOUS);
    }

    @Test
    void twoTownsInOneAddressGoToTheDistrictDesk() {
        Assignment assignment = resolve(null, null, null, "浦东新区塘桥和洋泾交界处的浦东南路人行道");
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(assignment.code()).isEqualTo("310115");
        assertThat(assignment.detail()).contains("塘桥街道", "洋泾街道");
    }

    @Test
    void anAddressTownOfAnotherDistrictThanTheStatedOneGoesToTheStatedDesk() {
        Assignment assignment = resolve(null, "长宁区", null, "江宁路街道昌平路某小区");
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(assignment.code()).isEqualTo("310105");
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.AMBIGUOUS);
    }

    @Test
    void aGazetteerLandmarkDecidesWhenNoTownIsNamed() {
        Assignment assignment = resolve(null, null, null, "黄浦区新天地附近");
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.GAZETTEER);
        assertThat(assignment.code()).isEqualTo("310101022");
    }

    @Test
    void aDistrictAloneGoesToItsDesk() {
        Assignment byField = resolve(null, "浦东新区", null, null);
        assertThat(byField.level()).isEqualTo(AssignmentLevel.DISTRICT_DESK);
        assertThat(byField.code()).isEqualTo("310115");
        assertThat(byField.rule()).isEqualTo(ResolutionRule.DISTRICT_ONLY);
        assertThat(resolve(null, "310115", null, null).code()).isEqualTo("310115");
        assertThat(resolve(null, "浦东", null, null).code()).isEqualTo("310115");
        Assignment byAddress = resolve(null, null, null, "闵行区沪闵路高架桥下");
        assertThat(byAddress.code()).isEqualTo("310112");
        assertThat(byAddress.rule()).isEqualTo(ResolutionRule.DISTRICT_ONLY);
    }

    @Test
    void aDistrictsShortFormInsideARoadNameIsNotADistrict() {
        // 浦东南路 is a road; 浦东 inside it does not make the request a 浦东新区 one.
        Assignment assignment = resolve(null, null, null, "浦东南路人行道");
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.CITY_DESK);
    }

    @Test
    void nothingUsableGoesToTheCityDesk() {
        Assignment assignment = resolve(null, null, null, null);
        assertThat(assignment.level()).isEqualTo(AssignmentLevel.CITY_DESK);
        assertThat(assignment.code()).isEqualTo("city");
        assertThat(assignment.rule()).isEqualTo(ResolutionRule.NONE);
        assertThat(assignment.queue()).isEqualTo("triage.city");
        Assignment unknownDistrict = resolve(null, "火星区", null, null);
        assertThat(unknownDistrict.level()).isEqualTo(AssignmentLevel.CITY_DESK);
        assertThat(unknownDistrict.detail()).contains("火星区");
    }
}
