package dev.gilscope.springapp;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /post}: one ledger entry per request. */
@RestController
class LedgerController {
  @GetMapping("/post")
  String post() throws InterruptedException {
    return Long.toString(Ledger.post());
  }
}
