package dev.gilscope.springapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A web service whose every request posts to one process-wide ledger under one global lock: the GIL
 * of a typical legacy service. Run as {@code java -jar gilscope-spring-app.jar}; {@code GET /post}
 * posts one entry and answers the number of entries posted so far.
 */
@SpringBootApplication
public class LedgerApplication {
  public static void main(String[] args) {
    SpringApplication.run(LedgerApplication.class, args);
  }
}
