package hotline.gateway.web;

import hotline.gateway.security.Actor;
import hotline.gateway.security.BrokerCredentials;
import org.apache.camel.Exchange;

/**
 * The first step of the office routes: who is calling. The actor goes into an exchange property, which a client
 * cannot set (a request header could be forged); the credentials leave the exchange at once.
 */
public class ClientAuthentication {

    public static final String ACTOR = "actor";

    private final BrokerCredentials credentials;

    public ClientAuthentication(BrokerCredentials credentials) {
        this.credentials = credentials;
    }

    /** Routes open to anyone that show more to a caller who authenticates (GET /tickets/{no}). */
    public void authenticateIfGiven(Exchange exchange) {
        if (exchange.getIn().getHeader("Authorization") != null) {
            authenticate(exchange);
        }
    }

    public void authenticate(Exchange exchange) {
        String authorization = exchange.getIn().getHeader("Authorization", String.class);
        exchange.getIn().removeHeader("Authorization");
        Actor actor = credentials.authenticate(authorization);
        exchange.setProperty(ACTOR, actor);
    }
}
