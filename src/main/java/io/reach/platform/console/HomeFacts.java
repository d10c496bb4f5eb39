package io.reach.platform.console;

import java.util.List;

/**
 * What a module puts on the console's home page for the current workspace: things that need
 * attention and today's key numbers. Asked inside the workspace's transaction; shown only to people
 * who hold {@code resource:action}.
 */
public interface HomeFacts {

    /** The permission's resource that reading these facts needs, e.g. {@code posts}. */
    String resource();

    /** The permission's action, e.g. {@code read}. */
    default String action() {
        return "read";
    }

    /** The facts as of now; attention items only when there is something to do. */
    List<HomeFact> facts();
}
