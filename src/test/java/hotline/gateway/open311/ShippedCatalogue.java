package hotline.gateway.open311;

import hotline.gateway.classification.NeedDictionary;
import hotline.gateway.jurisdiction.District;
import java.nio.file.Path;
import java.util.List;

/** The catalogue as shipped (config/open311/services.yml and the need files), over two districts. */
final class ShippedCatalogue {

    static final List<District> DISTRICTS = List.of(
            new District("310101", "黄浦区", "黄浦", List.of("Huangpu District")),
            new District("310104", "徐汇区", "徐汇", List.of("Xuhui District")));

    private ShippedCatalogue() {}

    static ServiceCatalogue load() {
        return ServiceCatalogueFile.load(
                Path.of("config/open311/services.yml"),
                Path.of("config/classification/need-descriptions.yml"),
                NeedDictionary.load(Path.of("config/need-dictionary.csv")),
                DISTRICTS);
    }
}
