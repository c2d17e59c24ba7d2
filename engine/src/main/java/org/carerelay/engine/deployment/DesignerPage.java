package org.carerelay.engine.deployment;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The designers' page ({@code /designer/}): the deployed pathways, hand-off block and decision
 * tables with their versions, any version's diagram or table, and the model checker asked before
 * deploying. Designers and administrators only.
 */
@Controller
class DesignerPage {

  @GetMapping({"/designer", "/designer/"})
  String designer(Authentication caller) {
    ModelsController.designersOnly(caller);
    return "designer";
  }
}
