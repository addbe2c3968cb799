package hotline.gateway.jurisdiction;

import hotline.gateway.files.ConfigCsv;
import hotline.gateway.text.TermMatcher;
import hotline.gateway.text.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shanghai's districts and town-level units with every name they go by, the community (residents' committee)
 * directory and the gazetteer of roads and landmarks: all read once from config/ and indexed for lookups.
 */
public final class JurisdictionDirectory {

    /** Suffixes of a community's name that callers often leave out or add. */
    private static final List<String> COMMUNITY_SUFFIXES =
            List.of("社区居民委员会", "社区居委会", "居民委员会", "村民委员会", "居委会", "村委会", "社区", "居委");

    private final Map<String, District> districtsByCode;
    private final Map<String, District> districtsByName;
    private final Map<String, Town> townsByCode;
    private final Map<String, List<Town>> townsByCommunity;
    private final TermMatcher<AddressTerm> addressTerms;

    JurisdictionDirectory(
            Collection<District> districts,
            Collection<Town> towns,
            Map<String, List<Town>> townsByCommunity,
            Map<String, Town> landmarks) {
        this.districtsByCode = new LinkedHashMap<>();
        this.districtsByName = new HashMap<>();
        this.townsByCode = new LinkedHashMap<>();
        TermMatcher.Builder<AddressTerm> terms = TermMatcher.builder();
        for (District district : districts) {
            districtsByCode.put(district.code(), district);
            districtsByName.put(key(district.code()), district);
            districtsByName.put(key(district.name()), district);
            if (district.shortName() != null && !district.shortName().isBlank()) {
                districtsByName.put(key(district.shortName()), district);
            }
            AddressTerm.DistrictName term = new AddressTerm.DistrictName(district);
            // In free address text only the full names count: a short form such as 浦东 hides in 浦东南路.
            terms.add(district.name(), term);
            for (String english : district.englishNames()) {
                districtsByName.put(key(english), district);
                terms.add(english, term);
            }
        }
        for (Town town : towns) {
            townsByCode.put(town.code(), town);
            AddressTerm.TownName term = new AddressTerm.TownName(town);
            terms.add(town.name(), term);
            town.shortNames().forEach(name -> terms.add(name, term));
            town.englishNames().forEach(name -> terms.add(name, term));
        }
        landmarks.forEach((name, town) -> terms.add(name, new AddressTerm.Landmark(name, town)));
        this.addressTerms = terms.build();
        this.townsByCommunity = Map.copyOf(townsByCommunity);
    }

    /** Reads the four files of config/: districts, towns (jurisdictions), communities and gazetteer. */
    public static JurisdictionDirectory load(
            Path districtsFile, Path townsFile, Path communitiesFile, Path gazetteerFile) {
        Map<String, District> districts = new LinkedHashMap<>();
        for (Map<String, String> row :
                ConfigCsv.read(districtsFile, "district_code", "district_name", "short_name", "english_names")) {
            District district = new District(
                    row.get("district_code"),
                    row.get("district_name"),
                    row.get("short_name"),
                    ConfigCsv.list(row.get("english_names")));
            districts.put(district.code(), district);
        }
        Map<String, Town> towns = new LinkedHashMap<>();
        for (Map<String, String> row :
                ConfigCsv.read(townsFile, "district_code", "town_code", "town_name", "short_names", "english_names")) {
            District district = districts.get(row.get("district_code"));
            if (district == null) {
                throw new IllegalArgumentException(townsFile + ": town " + row.get("town_code")
                        + " names an unknown district " + row.get("district_code"));
            }
            Town town = new Town(
                    row.get("town_code"),
                    row.get("town_name"),
                    district,
                    ConfigCsv.list(row.get("short_names")),
                    ConfigCsv.list(row.get("english_names")));
            towns.put(town.code(), town);
        }
        Map<String, List<Town>> communities = new HashMap<>();
        for (Map<String, String> row :
                ConfigCsv.read(communitiesFile, "community_code", "community_name", "town_code")) {
            Town town = requireTown(towns, row.get("town_code"), communitiesFile);
            List<Town> candidates =
                    communities.computeIfAbsent(communityKey(row.get("community_name")), name -> new ArrayList<>(1));
            if (!candidates.contains(town)) {
                candidates.add(town);
            }
        }
        Map<String, Town> landmarks = new LinkedHashMap<>();
        for (Map<String, String> row : ConfigCsv.read(gazetteerFile, "name", "town_code")) {
            landmarks.put(row.get("name"), requireTown(towns, row.get("town_code"), gazetteerFile));
        }
        return new JurisdictionDirectory(districts.values(), towns.values(), communities, landmarks);
    }

    public Town town(String code) {
        return code == null ? null : townsByCode.get(code);
    }

    /** Every district, in the order of the districts file. */
    public Collection<District> districts() {
        return Collections.unmodifiableCollection(districtsByCode.values());
    }

    public District districtByCode(String code) {
        return code == null ? null : districtsByCode.get(code);
    }

    /** A district by its code, full name, short name or English name. */
    public District district(String nameOrCode) {
        return nameOrCode == null ? null : districtsByName.get(key(nameOrCode));
    }

    /** Towns whose community directory has this name (usually one; the same name exists in several towns). */
    public List<Town> townsOfCommunity(String community) {
        return community == null ? List.of() : townsByCommunity.getOrDefault(communityKey(community), List.of());
    }

    TermMatcher<AddressTerm> addressTerms() {
        return addressTerms;
    }

    private static Town requireTown(Map<String, Town> towns, String code, Path file) {
        Town town = towns.get(code);
        if (town == null) {
            throw new IllegalArgumentException(file + ": unknown town code " + code);
        }
        return town;
    }

    private static String key(String name) {
        return TextNormalizer.normalize(name);
    }

    static String communityKey(String name) {
        String key = key(name);
        for (String suffix : COMMUNITY_SUFFIXES) {
            if (key.endsWith(suffix) && key.length() > suffix.length() + 1) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        return key;
    }
}
