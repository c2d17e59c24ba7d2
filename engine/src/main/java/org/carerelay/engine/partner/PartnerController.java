package org.carerelay.engine.partner;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner directory over REST; any signed-in user may read it (it holds no patient data). */
@RestController
@RequestMapping("/api/partners")
class PartnerController {

  private final PartnerDirectory directory;

  PartnerController(PartnerDirectory directory) {
    this.directory = directory;
  }

  @GetMapping
  List<PartnerDirectory.Partner> partners() {
    return directory.partners();
  }
}
