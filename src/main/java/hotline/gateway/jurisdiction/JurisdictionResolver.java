package hotline.gateway.jurisdiction;

import hotline.gateway.text.TermMatcher.Match;
import hotline.gateway.text.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out the office responsible for a request, trying in order: the explicit town code, the community
 * directory, a town named in the address, a gazetteer road or landmark, and finally the district alone. The first
 * rule that names any town decides; it never guesses: two candidate towns, or a town outside the district the
 * request names, go to the district's dispatch desk, and no district at all goes to the city desk.
 */
public final class JurisdictionResolver {

    private final JurisdictionDirectory directory;

    public JurisdictionResolver(JurisdictionDirectory directory) {
        this.directory = directory;
    }

    public Assignment resolve(LocationHints hints) {
        AddressReading address = readAddress(hints.address());
        DistrictHint district = districtHint(hints, address);

        Town byCode = directory.town(hints.townCode());
        if (byCode != null) {
            return decide(List.of(byCode), ResolutionRule.TOWN_CODE, "town code", district);
        }
        List<Town> byCommunity = directory.townsOfCommunity(hints.community());
        if (!byCommunity.isEmpty()) {
            return decide(byCommunity, ResolutionRule.COMMUNITY, "community", district);
        }
        if (!address.towns().isEmpty()) {
            return decide(List.copyOf(address.towns()), ResolutionRule.ADDRESS_TOWN_NAME, "address", district);
        }
        if (!address.landmarks().isEmpty()) {
            return decide(List.copyOf(address.landmarks()), ResolutionRule.GAZETTEER, "gazetteer", district);
        }
        if (district.district() != null) {
            return Assignment.districtDesk(district.district(), ResolutionRule.DISTRICT_ONLY, district.note());
        }
        return Assignment.cityDesk(ResolutionRule.NONE, district.note());
    }

    /**
     * The hints that name nothing the directory knows (a town code, a district, a community): the resolution went on
     * without them, and the sender is told.
     */
    public List<UnmatchedHint> unmatched(LocationHints hints) {
        List<UnmatchedHint> unmatched = new ArrayList<>();
        if (hints.townCode() != null && directory.town(hints.townCode()) == null) {
            unmatched.add(new UnmatchedHint("townCode", "is not a known town code: ignored for routing"));
        }
        if (hints.district() != null && directory.district(hints.district().trim()) == null) {
            unmatched.add(new UnmatchedHint("district", "matches no district: ignored for routing"));
        }
        if (hints.community() != null
                && directory.townsOfCommunity(hints.community()).isEmpty()) {
            unmatched.add(new UnmatchedHint(
                    "community", "matches no residents' committee in the directory: ignored for routing"));
        }
        return unmatched;
    }

    /**
     * One rule found these candidate towns: a single town, or a desk when they disagree with each other or with the
     * district.
     */
    private Assignment decide(List<Town> candidates, ResolutionRule rule, String source, DistrictHint hint) {
        District district = hint.district();
        if (district != null) {
            List<Town> inDistrict = candidates.stream()
                    .filter(town -> town.district().equals(district))
                    .toList();
            if (inDistrict.size() == 1) {
                return Assignment.town(inDistrict.get(0), rule);
            }
            String detail = inDistrict.isEmpty()
                    ? source + " names " + names(candidates) + ", outside " + district.name() + " (" + hint.origin()
                            + ")"
                    : source + " matches several towns: " + names(inDistrict);
            return Assignment.districtDesk(district, ResolutionRule.AMBIGUOUS, detail);
        }
        if (candidates.size() == 1) {
            return Assignment.town(candidates.get(0), rule);
        }
        Set<District> districts =
                candidates.stream().map(Town::district).collect(Collectors.toCollection(LinkedHashSet::new));
        String detail = source + " matches several towns: " + names(candidates);
        if (districts.size() == 1) {
            return Assignment.districtDesk(districts.iterator().next(), ResolutionRule.AMBIGUOUS, detail);
        }
        return Assignment.cityDesk(ResolutionRule.AMBIGUOUS, detail);
    }

    /**
     * The district the request states (location.district), else the one its address names (if only one), else the
     * district part of a town code that is not in the directory.
     */
    private DistrictHint districtHint(LocationHints hints, AddressReading address) {
        String note = null;
        if (hints.district() != null) {
            District stated = directory.district(hints.district().trim());
            if (stated != null) {
                return new DistrictHint(stated, "location.district", null);
            }
            note = "unknown district '" + hints.district() + "' ignored";
        }
        if (address.districts().size() == 1) {
            return new DistrictHint(address.districts().iterator().next(), "address", note);
        }
        if (hints.townCode() != null && hints.townCode().length() >= 6 && directory.town(hints.townCode()) == null) {
            District prefix = directory.districtByCode(hints.townCode().substring(0, 6));
            note = join(note, "unknown town code " + hints.townCode() + " ignored");
            if (prefix != null) {
                return new DistrictHint(prefix, "town code prefix", note);
            }
        }
        return new DistrictHint(null, null, note);
    }

    private AddressReading readAddress(String address) {
        AddressReading reading =
                new AddressReading(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        if (address == null || address.isBlank()) {
            return reading;
        }
        // Maximal matches only: 漕河泾街道 hides the 漕河泾 inside it, 松江区 hides a town's short form 松江.
        for (Match<AddressTerm> match : directory.addressTerms().findMaximal(TextNormalizer.normalize(address))) {
            AddressTerm term = match.payload();
            if (term instanceof AddressTerm.DistrictName name) {
                reading.districts().add(name.district());
            } else if (term instanceof AddressTerm.TownName name) {
                reading.towns().add(name.town());
            } else if (term instanceof AddressTerm.Landmark landmark) {
                reading.landmarks().add(landmark.town());
            }
        }
        return reading;
    }

    private static String names(List<Town> towns) {
        List<String> names = new ArrayList<>(towns.size());
        for (Town town : towns) {
            names.add(town.name() + " " + town.code());
        }
        return String.join(", ", names);
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    private record AddressReading(Set<District> districts, Set<Town> towns, Set<Town> landmarks) {}

    private record DistrictHint(District district, String origin, String note) {}
}
