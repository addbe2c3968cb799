package hotline.gateway.classification;

import java.util.Map;

/**
 * What a refresh did: the version it built, whether it was taken into use, and why.
 *
 * @param candidateRecall per need, the share of the validation part's calls the new version decides rightly
 * @param activeRecall    the same for the version in use before (empty when there was none)
 */
public record ModelRefresh(
        String candidateVersion,
        int examples,
        boolean activated,
        String activeVersion,
        String reason,
        Map<NeedCode, Double> candidateRecall,
        Map<NeedCode, Double> activeRecall) {}
