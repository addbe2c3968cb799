package hotline.gateway.security;

/**
 * What an API client is. Machine clients: the hotline system (posts calls), a community centre (posts its own
 * reports), Open311 clients and department feeds (later work). People: a manager (reports and the dashboard, city-wide
 * or for one district) and an operator (everything, including the clients and their keys).
 */
public enum ClientRole {
    HOTLINE,
    CENTRE,
    OPEN311,
    DEPARTMENT,
    MANAGER,
    OPERATOR
}
