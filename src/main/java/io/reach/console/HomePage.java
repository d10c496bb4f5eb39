package io.reach.console;

/** What the home page shows of the signed-in person and their workspace. */
public record HomePage(String email, String role, String workspace) {}
