package io.reach.console;

import io.reach.platform.console.HomeFact;
import java.util.List;

/** What the home page shows: who is signed in where, what needs attention, today's numbers. */
public record HomePage(String email, String role, String workspace, List<HomeFact> attention, List<HomeFact> today) {}
