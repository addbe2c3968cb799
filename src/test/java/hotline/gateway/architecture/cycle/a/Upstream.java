package hotline.gateway.architecture.cycle.a;

import hotline.gateway.architecture.cycle.b.Downstream;

/** A deliberate package cycle (with {@link Downstream}): the architecture rules must find it. */
public class Upstream {
    Downstream next;
}
