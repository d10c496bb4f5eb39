package io.reach.platform.demo;

/**
 * One module's sample data for the demo workspace. Runs once, when the workspace is made, with the
 * workspace's owner signed in (so the module's own services act as them and row-level security
 * sees the workspace); writes through the module's own services and tables only.
 */
public interface DemoSeed {

    /** Smaller first: accounts before the posts that use them. */
    int order();

    /** What it makes, for the progress log, e.g. "a month of website traffic". */
    String describe();

    void seed(DemoWorkspace workspace);
}
