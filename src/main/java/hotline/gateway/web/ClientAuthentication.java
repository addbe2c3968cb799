package hotline.gateway.web;

import hotline.gateway.security.Actor;
import hotline.gateway.security.Caller;
import hotline.gateway.validation.HttpProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;

/**
 * Hands what the {@link AccessFilter} established about a request to its route, as exchange properties, which a
 * client cannot set (a request header could be forged): {@code caller} (who sent credentials, or null),
 * {@code actor} (who acts on tickets for it, or null), {@code centre} (the centre a centre client speaks for),
 * {@code district} (the district a district manager sees) and {@code trackingCodeChecked}. The checks themselves are
 * the filter's; the routes only narrow what they read or write to these.
 */
public class ClientAuthentication {

    public static final String CALLER = "caller";
    public static final String ACTOR = "actor";
    public static final String CENTRE = "centre";
    public static final String DISTRICT = "district";
    public static final String TRACKING_CODE_CHECKED = "trackingCodeChecked";

    /** Every HTTP route, first (routes/error-policy.yaml). */
    public void identify(Exchange exchange) {
        HttpServletRequest request = request(exchange.getIn());
        Caller caller = request == null ? null : (Caller) request.getAttribute(AccessFilter.CALLER);
        exchange.setProperty(CALLER, caller);
        exchange.setProperty(ACTOR, caller == null ? null : caller.actor());
        exchange.setProperty(
                CENTRE,
                caller == null || caller.client() == null
                        ? null
                        : caller.client().centre());
        exchange.setProperty(
                DISTRICT,
                caller == null || caller.client() == null
                        ? null
                        : caller.client().district());
        exchange.setProperty(
                TRACKING_CODE_CHECKED,
                request != null && Boolean.TRUE.equals(request.getAttribute(AccessFilter.TRACKING_CODE_CHECKED)));
    }

    /** The office routes: the caller must act for an office (an office's user, the hotline, an operator). */
    public void authenticate(Exchange exchange) {
        if (exchange.getProperty(ACTOR, Actor.class) == null) {
            throw new HttpProblemException(
                    403, "Forbidden", "Authorization", "these credentials do not act for an office on tickets");
        }
    }

    private static HttpServletRequest request(Message message) {
        if (message instanceof PlatformHttpMessage http) {
            return http.getRequest();
        }
        return message.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
    }
}
