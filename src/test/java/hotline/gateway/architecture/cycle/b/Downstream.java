package hotline.gateway.architecture.cycle.b;

import hotline.gateway.architecture.cycle.a.Upstream;

/** The other half of a deliberate package cycle. */
public class Downstream {
    Upstream back;
}
