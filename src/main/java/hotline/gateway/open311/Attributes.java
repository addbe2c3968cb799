package hotline.gateway.open311;

import hotline.gateway.jurisdiction.District;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The attributes the gateway understands, by code. Every service has {@link #CLIENT_REQUEST_ID} (the client's own id
 * of a request: the same id again is a retry) and {@link #DISTRICT} (where coordinates alone cannot say: the data has
 * no town boundaries); config/open311/services.yml gives a service more of them, each filling one household fact the
 * assistance criteria read.
 */
final class Attributes {

    static final String CLIENT_REQUEST_ID = "client_request_id";
    static final String DISTRICT = "district";
    static final String HOUSEHOLD_SIZE = "household_size";
    static final String MONTHLY_INCOME = "monthly_income";
    static final String AGE = "age";
    static final String DISABILITY_GRADE = "disability_grade";

    /** The codes services.yml may list beyond the two every service has. */
    static final List<String> OPTIONAL = List.of(HOUSEHOLD_SIZE, MONTHLY_INCOME, AGE, DISABILITY_GRADE);

    private Attributes() {}

    /** The attributes of a service: the two every service has, then the listed ones, numbered in that order. */
    static List<ServiceAttribute> of(List<String> listed, Collection<District> districts) {
        List<ServiceAttribute> attributes = new ArrayList<>();
        attributes.add(clientRequestId());
        attributes.add(district(districts));
        for (String code : listed) {
            attributes.add(optional(code));
        }
        List<ServiceAttribute> numbered = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            numbered.add(attributes.get(i).at(i + 1));
        }
        return numbered;
    }

    private static ServiceAttribute clientRequestId() {
        return new ServiceAttribute(
                true,
                CLIENT_REQUEST_ID,
                "string",
                false,
                "1-64 characters of A-Z a-z 0-9 . _ : -",
                0,
                "您这一方对本次诉求的编号：同一编号再次提交（相同内容）得到同一工单，不会重复立单 / Your own id of this"
                        + " request: sent again with the same content it answers with the same service_request_id and"
                        + " makes no second ticket; with other content it is refused",
                List.of());
    }

    private static ServiceAttribute district(Collection<District> districts) {
        List<ServiceAttribute.Value> values = new ArrayList<>();
        for (District district : districts) {
            String english = district.englishNames().isEmpty()
                    ? ""
                    : " " + district.englishNames().get(0);
            values.add(new ServiceAttribute.Value(district.code(), district.name() + english));
        }
        return new ServiceAttribute(
                true,
                DISTRICT,
                "singlevaluelist",
                false,
                null,
                0,
                "所在区（仅有坐标时据此派往区派单台）/ The district, by its code: with coordinates and no address the"
                        + " request goes to that district's dispatch desk (without it, to the city desk)",
                values);
    }

    private static ServiceAttribute optional(String code) {
        return switch (code) {
            case HOUSEHOLD_SIZE ->
                new ServiceAttribute(
                        true,
                        code,
                        "number",
                        false,
                        "1-100",
                        0,
                        "家庭人口数 / How many people live in the household",
                        List.of());
            case MONTHLY_INCOME ->
                new ServiceAttribute(
                        true,
                        code,
                        "number",
                        false,
                        "CNY per month, 0 or more",
                        0,
                        "家庭月收入合计（元）/ The household's total income per month, in yuan",
                        List.of());
            case AGE ->
                new ServiceAttribute(
                        true,
                        code,
                        "number",
                        false,
                        "0-150",
                        0,
                        "需要帮助者的年龄 / The age of the person who needs help",
                        List.of());
            case DISABILITY_GRADE ->
                new ServiceAttribute(
                        true,
                        code,
                        "singlevaluelist",
                        false,
                        null,
                        0,
                        "残疾等级 / The grade on the disability certificate",
                        List.of(
                                new ServiceAttribute.Value("1", "一级 Grade 1 (most severe)"),
                                new ServiceAttribute.Value("2", "二级 Grade 2"),
                                new ServiceAttribute.Value("3", "三级 Grade 3"),
                                new ServiceAttribute.Value("4", "四级 Grade 4")));
            default -> throw new IllegalArgumentException("unknown attribute " + code + "; known: " + OPTIONAL);
        };
    }
}
