package io.reach.platform.web;

import java.util.Map;

/**
 * Endpoints a module lets take bodies over {@code reach.web.max-request-bytes} (an import of a
 * million contacts): each POST path with its own limit. Every other request keeps the small one.
 */
@FunctionalInterface
public interface LargeBodies {

    /** Request path (exact) to the most bytes its body may have. */
    Map<String, Long> limits();
}
