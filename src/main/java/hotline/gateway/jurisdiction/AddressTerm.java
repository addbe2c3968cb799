package hotline.gateway.jurisdiction;

/** A name that can appear in an address: a district, a town (full, short or English form) or a gazetteer entry. */
sealed interface AddressTerm {

    record DistrictName(District district) implements AddressTerm {}

    record TownName(Town town) implements AddressTerm {}

    record Landmark(String name, Town town) implements AddressTerm {}
}
