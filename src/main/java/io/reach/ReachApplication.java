package io.reach;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Reach: one self-hostable, multi-tenant service for marketing teams. */
@SpringBootApplication
@Modulithic(systemName = "Reach", sharedModules = "platform")
public class ReachApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReachApplication.class, args);
    }
}
