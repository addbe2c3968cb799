package hotline.gateway.intake;

/** How a citizen reached the hotline. */
public enum Channel {
    PHONE,
    WEB,
    APP,
    WECHAT,
    EMAIL
}
